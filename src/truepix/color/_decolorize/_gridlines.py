"""Lines ruled across a map: gridlines drawn see-through over the field.

cartopy's ``gridlines`` (and ``ax.grid(alpha=...)``, ``axvline``/``axhline``) draw thin
straight lines in one gray at alpha 0.5, dashed, across the whole plot. Each pixel
on such a line is the same blend of that gray over whatever field lies under it:
``pixel = field * (1 - a) + gray * a``, one ``a`` and one gray along the line (the
line's coverage of the pixel times its alpha; a dash's gaps are the same line with
``a = 0``), where the field is what the pixels either side of it say. Over a map
the blend is often near another map color (gray at 0.35 over viridis' green is a
darker green): JPEG'd, such pixels passed for data, answered up to 30 % of the
range off (trial 46's t29: 0.2-37 % of the gridlines' pixels flagged at q75).

What tells is the whole line: along a column (row) of the plot area, the luma of
each pixel less the mean of the pixels LINE_SIDE away either side (``r``) against
that mean (``f``) lies on one straight line ``r = a * (gray - f)`` -- the residual
vanishes where the field is the line's gray and grows, with one slope, the farther
the field lies from it. Both are read in windows of LINE_WINDOW pixels along the
line (a dash and its gap together; JPEG's noise averaged), and ``a``, ``gray`` are
fitted by least squares over the whole line. A heatmap's cell boundary is where
values change between two flat cells: the pixel on it equals one side, no blend
toward one gray whose sides agree (no ``r`` outside the sides' range: LINE_OUTSIDE),
and a textured or smooth field's own columns fit no such slope (their ``a`` below
LINE_ALPHA, or their fit explains little of ``r``: LINE_FIT).

:func:`ruled_lines` finds them; :func:`without_ruled_lines` makes their pixels NaN
and :func:`unruled` gives the picture with them replaced by the field beside them
(what ``_cellmarks`` reads cells from: lines ruled over a field every 30 degrees are
no cell boundaries).

Only figures are searched, in their plot area (a margin of ``_fills``): a picture
all data is decoded at 30-100 Mpx/s, and the search costs 20-80 ms a Mpx (numpy,
one thread; t29's plot areas of 0.1-0.24 Mpx: 6-19 ms). Measured on 518 pictures
without lines (seaborn heatmaps of 8-40 cells with and without digits, blown-up
random and graded matrices, JPEG'd photographs and fBm fields, at q50-q90, 4:2:0
and 4:4:4; the real figures of ``../shared/real_figures``), whole: no line in any
but the columns of five figures' colorbar labels, over the margin.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from truepix.color._decolorize._cellmarks import plot_box

__all__ = ["ruled_lines", "unruled", "without_ruled_lines"]

#: Pixels either side of a line whose mean is the field under it: lines up to 3 px
#: wide (lw 0.5-1.5 at dpi 100-200, antialiased) lie within; JPEG's ringing of a
#: 1-px line reaches the next pixel, less the one after.
LINE_SIDE = 2
#: Window along a line (pixels) its residual and field are averaged over: a dash and
#: its gap (matplotlib's "--" at lw 0.5: 2.6 + 1.1 px at dpi 100, 3.9 + 1.7 at 150)
#: and a JPEG block.
LINE_WINDOW = 8
#: Rows read along a line: all up to LINE_CHUNKS * LINE_CHUNK, else LINE_CHUNKS runs of
#: LINE_CHUNK rows (windows slide inside each run) evenly spread.
LINE_CHUNKS = 8
LINE_CHUNK = 96
#: A line spans the plot area's rows (columns), LINE_MIN pixels or more.
LINE_MIN = 48
#: The blend's alpha a line needs (its coverage times its alpha). Measured with
#: LINE_SIDE 2 on trial 46's t29 (dashed gray lw 0.5 alpha 0.5 over jet, viridis and
#: magma, a smooth field and a DEM, dpi 100 and 150, JPEG q75): 0.15-0.47 on the
#: gridlines; the field's own columns mostly within +-0.1, at most 0.2 (magma's DEM,
#: whose fit explained 0.43 of the residual).
LINE_ALPHA = 0.1
#: ... the fitted residual's root mean square (DN of luma): the line is seen. t29's
#: gridlines: 4.1-15.6.
LINE_RMS = 3.0
#: ... the share of the residual's sum of squares the fit explains: t29's gridlines
#: 0.60-0.97 (q75), the field's own columns up to 0.44 on the DEMs (up to 0.93 on the
#: smooth fields, where the residual is a fraction of a DN and the alpha near 0).
LINE_FIT = 0.55
#: ... and the line's gray, luma: one gray within the picture's range, not a slope
#: of the field (whose extrapolated "gray" lies far outside).
GRAY_RANGE = (-8.0, 263.0)
#: ... seen in each window where the field lies GRAY_FAR or more from it (luma): the
#: gray ``field + residual / alpha`` the window says, whose quartiles lie within
#: GRAY_SPREAD / alpha (the residual's DN): t29's gridlines (q75) 1.7-10 (jet's DEM at
#: dpi 100, cells of 2.7 px); rows of digits in seaborn's heatmaps (black text on
#: light cells, white on dark) 19-58.
GRAY_FAR = 20.0
GRAY_SPREAD = 14.0
#: A line's pixels lie outside the range of their sides (a blend toward a gray the
#: sides do not hold): the mean excess over that range is LINE_OUTSIDE of the fitted
#: residual's rms or more. A cell boundary's pixel equals one side: none.
LINE_OUTSIDE = 0.25
#: ... and its sides differ by little on the whole: their mean difference along the
#: line is at most LINE_TILT of the fitted residual's rms. JPEG's ringing next to the
#: boundaries of a heatmap's cells whose values grow across it (q50) fits a line of
#: alpha 0.1-0.22 a pixel or two from the step, whose sides' mean difference is the
#: step: 0.95-1.9 of the ringing's rms; t29's gridlines 0.02-0.66.
LINE_TILT = 0.8
#: Next to a line's strongest column, columns whose alpha is LINE_WIDE of its or more
#: are the line too (a 2-px line); the others only see its JPEG ringing.
LINE_WIDE = 0.5
#: A family: LINES_MIN lines or more (both directions together) whose alpha lies
#: within LINES_ALPHA and gray within LINES_GRAY (luma) of the family's median, the
#: lines of each direction evenly spaced (within LINES_EVEN pixels; lines missing
#: between them allowed). t29's gridlines: alpha within 0.09 of
#: the median, gray within 16 (jet's smooth field at dpi 150: 0.35-0.44 and 114-132).
#: Rows of digits in a seaborn heatmap's cells fit lines too (black or white text,
#: sides alike above and below), of many alphas and grays (0.28-0.64, 122-186).
LINES_MIN = 3
LINES_ALPHA = 0.1
LINES_GRAY = 24.0
LINES_EVEN = 2.0
#: ... and LINES_SPACING pixels apart or more: on a closer spacing, LINES_EVEN holds for
#: most rows (7 px: 5 rows of 7), so "evenly spaced" says nothing. Rows of a noisy image
#: downsampled by imshow (400 -> 366 px) fit lines one by one, 7 and 15 px apart (trial 50:
#: 4 rows of an inferno sky taken for gridlines, 1.1 % of the plot NaN). cartopy's
#: gridlines in t29 and tests/color/test_decolorize_gridlines lie 40-48 px apart.
LINES_SPACING = 12

_LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)


def ruled_lines(pixels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The columns and rows of ``pixels`` (H, W, C) that are lines ruled across it: a
    family of LINES_MIN or more, of one alpha and gray (LINES_ALPHA, LINES_GRAY), each
    direction's evenly spaced (LINES_EVEN); then the columns (rows) on that spacing
    that fit the family's alpha and gray (:func:`_on_spacing`).

    Returns
    -------
    columns, rows : ndarray of bool, (W,) and (H,)
    """
    luma = pixels[..., :3].astype(np.float32) @ _LUMA
    sides = [_Sides(luma), _Sides(np.ascontiguousarray(luma.T))]
    lines = [side.lines() for side in sides]
    found = [np.zeros(luma.shape[1], dtype=bool), np.zeros(luma.shape[0], dtype=bool)]
    fits = np.concatenate([fit for _, fit in lines])
    if len(fits) < LINES_MIN:
        return found[0], found[1]
    alpha, gray = np.median(fits, axis=0)
    kept = []
    for spans, fit in lines:
        one = (np.abs(fit[:, 0] - alpha) <= LINES_ALPHA) & (np.abs(fit[:, 1] - gray) <= LINES_GRAY)
        kept.append(spans[one] if _even(spans[one, 0]) else spans[:0])
    if sum(len(spans) for spans in kept) < LINES_MIN:
        return found[0], found[1]
    for spans, into, side in zip(kept, found, sides, strict=True):
        for first, last in spans:
            into[first:last] = True
        if len(spans) >= 2:
            into[side.on_spacing(spans[:, 0], alpha, gray)] = True
    return found[0], found[1]


def _even(at: np.ndarray) -> bool:
    """Whether lines at ``at`` (sorted) are evenly spaced, some missing (LINES_EVEN), at
    least LINES_SPACING apart."""
    if len(at) < 2:
        return True
    gaps = np.diff(at).astype(np.float64)
    if gaps.min() < LINES_SPACING:
        return False
    if len(at) < 3:
        return True
    times = np.maximum(np.rint(gaps / gaps.min()), 1.0)
    return bool(np.all(np.abs(gaps - times * gaps.min()) <= LINES_EVEN))


class _Sides:
    """Each column of ``luma`` (H, W) against the mean of the columns LINE_SIDE either
    side, in windows of LINE_WINDOW rows: the field, the residual, how far the column
    lies outside its sides' range, and the sides' mean difference."""

    def __init__(self, luma: np.ndarray) -> None:
        height, width = luma.shape
        self.empty = height < LINE_MIN or width < 2 * LINE_SIDE + 1
        if self.empty:
            return
        side = LINE_SIDE
        luma = _chunks(luma)
        before, after = luma[..., : -2 * side], luma[..., 2 * side :]
        middle = luma[..., side:-side]
        low, high = np.minimum(before, after), np.maximum(before, after)
        outside = np.maximum(middle - high, 0.0) + np.maximum(low - middle, 0.0)
        self.field = _window_means((before + after) * 0.5)
        self.residual = _window_means(middle - (before + after) * 0.5)
        self.outside = _window_means(outside).mean(axis=0)
        self.tilt = np.abs((before - after).mean(axis=(0, 1)))

    def lines(self) -> tuple[np.ndarray, np.ndarray]:
        """Each line's columns (first, past the last: LINE_WIDE) and its (alpha, gray)."""
        none = (np.zeros((0, 2), dtype=np.int64), np.zeros((0, 2)))
        if self.empty:
            return none
        field, residual = self.field, self.residual
        mean_f, mean_r = field.mean(axis=0), residual.mean(axis=0)
        centred_f = field - mean_f
        spread = (centred_f * centred_f).sum(axis=0)
        alpha = -(centred_f * (residual - mean_r)).sum(axis=0) / np.maximum(spread, 1e-6)
        offset = mean_r + alpha * mean_f  # = alpha * gray
        with np.errstate(divide="ignore", invalid="ignore"):
            gray = offset / alpha
        at = np.flatnonzero(
            (alpha >= LINE_ALPHA) & (alpha <= 1.0)
            & (gray >= GRAY_RANGE[0]) & (gray <= GRAY_RANGE[1])
        )  # fmt: skip
        at = at[self._fits(alpha[at], gray[at], offset[at] - alpha[at] * field[:, at], at)]
        if not len(at):
            return none
        # each run of such columns: its strongest and those near its alpha (a wide line)
        starts = np.flatnonzero(np.diff(np.concatenate(([-2], at))) > 1)
        spans, fits = [], []
        for run in np.split(at, starts[1:]):
            strongest = run[np.argmax(alpha[run])]
            wide = run[alpha[run] >= LINE_WIDE * alpha[strongest]]
            spans.append((wide.min() + LINE_SIDE, wide.max() + LINE_SIDE + 1))
            fits.append((alpha[strongest], gray[strongest]))
        return np.array(spans, dtype=np.int64), np.array(fits)

    def _fits(self, alpha: Any, gray: Any, fitted: np.ndarray, at: np.ndarray) -> np.ndarray:
        """Whether the residual of columns ``at`` is the ``fitted`` blend (alpha, gray
        each's) of a line: LINE_RMS, LINE_FIT, LINE_OUTSIDE, LINE_TILT, GRAY_SPREAD."""
        residual = self.residual[:, at]
        rms = np.sqrt((fitted * fitted).mean(axis=0))
        total = (residual * residual).sum(axis=0)
        explained = 1.0 - ((residual - fitted) ** 2).sum(axis=0) / np.maximum(total, 1e-6)
        good = (
            (rms >= LINE_RMS) & (explained >= LINE_FIT)
            & (self.outside[at] >= LINE_OUTSIDE * rms) & (self.tilt[at] <= LINE_TILT * rms)
        )  # fmt: skip
        if not good.any():
            return good
        # each window's own gray (where the field lies far from the line's): one along it
        alpha, gray = np.broadcast_to(alpha, at.shape)[good], np.broadcast_to(gray, at.shape)[good]
        field, residual = self.field[:, at[good]], residual[:, good]
        with np.errstate(divide="ignore", invalid="ignore"):
            own = np.where(np.abs(field - gray) >= GRAY_FAR, field + residual / alpha, np.inf)
            apart = _quartile_spread(own) * alpha  # (inf * 0: NaN, no line)
        good[good] = apart <= GRAY_SPREAD
        return good

    def on_spacing(self, starts: np.ndarray, alpha: float, gray: float) -> np.ndarray:
        """Columns (LINE_SIDE on) within LINES_EVEN of the spacing of lines starting at
        ``starts`` whose residual is the blend of ``alpha`` and ``gray``: the lines the
        fit over each line alone missed (a field near the gray over much of it)."""
        if self.empty:
            return np.zeros(0, dtype=np.int64)
        base = float(np.diff(starts).min())
        width = self.field.shape[1]
        steps = np.arange(-int(starts[0] // base), int((width + 2 * LINE_SIDE) // base) + 1)
        near = (starts[0] + steps[:, None] * base + np.arange(-LINES_EVEN, LINES_EVEN + 1))
        at = np.unique(np.rint(near).astype(np.int64).ravel()) - LINE_SIDE
        at = at[(at >= 0) & (at < width)]
        # alpha for this gray alone, by least squares: residual = alpha * (gray - field)
        apart = gray - self.field[:, at]
        own = (self.residual[:, at] * apart).sum(axis=0) / np.maximum((apart**2).sum(axis=0), 1e-6)
        good = (np.abs(own - alpha) <= LINES_ALPHA) & self._fits(own, gray, own * apart, at)
        return at[good] + LINE_SIDE


def _quartile_spread(values: np.ndarray) -> np.ndarray:
    """Per column of ``values`` (N, W; inf: none), the spread between the quartiles of
    its finite values (inf for a column of fewer than 4)."""
    ordered = np.sort(values, axis=0)
    count = np.isfinite(ordered).sum(axis=0)
    columns = np.arange(values.shape[1])
    low = ordered[(count * 0.25).astype(np.int64), columns]
    high = ordered[np.maximum((count * 0.75).astype(np.int64) - 1, 0), columns]
    with np.errstate(invalid="ignore"):
        return np.where(count >= 4, high - low, np.inf)


def _chunks(luma: np.ndarray) -> np.ndarray:
    """The rows of ``luma`` (H, W) as (K, R, W): all of them, or LINE_CHUNKS runs of
    LINE_CHUNK rows evenly spread where there are more (a line's fit wants a few
    hundred windows, not every row: a 4 Mpx plot costs what a 0.5 Mpx one does)."""
    height = luma.shape[0]
    if height <= LINE_CHUNKS * LINE_CHUNK:
        return luma[None]
    starts = np.linspace(0, height - LINE_CHUNK, LINE_CHUNKS).astype(np.int64)
    return luma[starts[:, None] + np.arange(LINE_CHUNK)]


def _window_means(values: np.ndarray) -> np.ndarray:
    """Means of ``values`` (K, R, W) over each run of LINE_WINDOW rows of each of the K
    (K * (R - LINE_WINDOW + 1), W)."""
    total = np.cumsum(values, axis=1, dtype=np.float32)
    total = np.concatenate((np.zeros_like(total[:, :1]), total), axis=1)
    means = (total[:, LINE_WINDOW:] - total[:, :-LINE_WINDOW]) / LINE_WINDOW
    return means.reshape(-1, values.shape[2])


def unruled(pixels: np.ndarray, columns: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """``pixels`` (H, W, C) with the ruled ``columns`` and ``rows`` (and the pixels
    within LINE_SIDE of them: JPEG's ringing) replaced by the field either side, drawn
    straight across: the picture as it would be without the lines, for rules that read
    the field's own edges (``_cellmarks``)."""
    out = pixels.copy()
    for mask, view in ((columns, out), (rows, out.swapaxes(0, 1))):
        width = view.shape[1]
        for at in np.flatnonzero(mask):
            first, last = at - LINE_SIDE, at + LINE_SIDE
            if first < 0 or last >= width:
                continue
            left = view[:, first].astype(np.float32)
            right = view[:, last].astype(np.float32)
            for k in range(1, 2 * LINE_SIDE):
                share = k / (2 * LINE_SIDE)
                view[:, first + k] = np.rint(left + (right - left) * share).astype(out.dtype)
    return out


def without_ruled_lines(
    result: Any, pixels: np.ndarray, fills: np.ndarray | None
) -> tuple[Any, np.ndarray]:
    """``result`` (a ``DecolorizeResult`` of ``pixels``, H x W x C uint8) with the
    pixels of the lines ruled across the plot area NaN, and ``pixels`` without them
    (:func:`unruled`; ``pixels`` itself where none are found).

    The plot area is the figure's (``_cellmarks.plot_box``) on a margin of ``fills``;
    a figure whose plot area is not found is left alone (its tick labels and the
    colorbar's, over the margin, line up in columns too)."""
    if pixels.ndim != 3 or pixels.dtype != np.uint8 or result.values.shape != pixels.shape[:-1]:
        return result, pixels
    if fills is None or not len(fills):
        return result, pixels  # (no figure: not searched, see the module's notes)
    box = plot_box(pixels, fills)
    if box is None:
        return result, pixels
    top, bottom, left, right = box
    inside = np.ascontiguousarray(pixels[top:bottom, left:right])
    columns, rows = ruled_lines(inside)
    if not columns.any() and not rows.any():
        return result, pixels
    unruled_pixels = pixels.copy()
    unruled_pixels[top:bottom, left:right] = unruled(inside, columns, rows)
    values = result.values
    area = values[top:bottom, left:right]
    newly = (columns[None, :] | rows[:, None]) & ~np.isnan(area)
    area[newly] = np.nan
    n_nan = result.n_nan + int(np.count_nonzero(newly)) if result.n_nan >= 0 else -1
    return replace(result, values=values, n_nan=n_nan), unruled_pixels

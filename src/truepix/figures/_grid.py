"""The grid of the data: cell edges of a plot drawn from a coarser array.

``pcolormesh`` and ``imshow(..., interpolation="nearest")`` of an (ny, nx)
array paint blocks of one color. Between two cells the color changes at the
same column on every row; inside a cell it does not. Summed along the rows,
the color differences between neighbouring columns form a *profile* with a
peak at each cell edge and little between them -- JPEG blurs an edge over a
few pixels and rings beside it, but the peak stays where the edge is.

Cells of a regular grid are evenly spaced (Agg puts each edge within half a
pixel of ``left + k * width / nx``), so the edges are found as a lattice:

1. the period from the profile's autocorrelation (its first strong peak,
   not a multiple of a shorter one);
2. the period and phase refined together, as the comb ``phase + k * period``
   that gathers the most of the profile (the profile's Fourier coefficient
   at ``1 / period``, searched near the first estimate);
3. the lattice accepted when most of its edges stand out of the profile
   and nothing off it rivals them; a line fitted through the edges found
   gives the final positions, the lattice spanning the data (or the frame);
4. both directions found, the grid is confirmed by the cells themselves:
   their pixels vary far less inside them than inside cells of the same
   lattice shifted by half a cell (which straddle edges). A hexbin's
   hexagons, smooth interpolation or a contour plot do not pass.

What is drawn over the cells -- text (seaborn's ``annot``), grid lines at
the ticks (ggplot's style) -- is painted over from the nearest data pixels
for a second profile, of sharp peaks only; each profile may give a lattice,
and of the pairs confirmed the one whose cells vary least against the
half-shifted lattice wins. Text in the map's own colors is outvoted by
each cell's median. A lattice seen but not confirmed is reported
(:func:`cell_search`), so that the reading can say so.
"""

from __future__ import annotations

import numpy as np

from truepix.figures._grid_checks import CONTRAST, LUMA_CONTRAST, LUMA_SPREAD, SPREAD, brick_wall, cell_labels, confirmed, holds_data, median_contrast
from truepix.figures._regions import label_medians
from truepix.figures._uneven import evenly_spaced, narrow_end, uneven_edges

__all__ = ["cell_edges", "cell_search", "cell_values", "cut_sides", "evenly_spaced", "lost_cells", "narrow_end"]


_MIN_CELL = 3.0  # cells narrower than this cannot be told from noise and antialiasing
_RIM = 2  # profile positions at each end: the frame's antialiased rim
_PRESENT = 0.3  # share of a lattice's inner edges that must stand out of the profile
_RIVAL = 0.5  # off-lattice profile (90th percentile) at most this share of the edges' median
_SEEN = 1.3  # median spread of the half-shifted lattice's cells over the found one's: cells are seen


def _profile(rgb: np.ndarray) -> np.ndarray:
    """Color difference between neighbouring columns; entry ``b - 1`` is the edge at ``b``.

    The mean over the rows, leaving out the quarter that changes most: text
    written in the cells (seaborn's ``annot``) changes a few rows a lot, in
    the middle of each cell, as evenly spaced as the edges.
    """
    step = np.abs(np.diff(rgb.astype(np.int16), axis=1)).sum(axis=2, dtype=np.int32)
    keep = max(1, int(0.75 * step.shape[0]))
    profile = np.partition(step, keep - 1, axis=0)[:keep].mean(axis=0)
    profile[:_RIM] = 0.0
    profile[len(profile) - _RIM :] = 0.0
    return profile


def _signed_profile(rgb: np.ndarray) -> np.ndarray:
    """The size of the mean signed color step between neighbouring columns (channels summed).

    A smooth field drawn in cells steps the same way on every row at an
    edge, by a few DN that JPEG's noise buries in :func:`_profile`; the noise,
    of either sign, cancels in the mean.
    """
    profile = np.abs(np.diff(rgb.astype(np.float32), axis=1).mean(axis=0)).sum(axis=1).astype(np.float64)
    profile[:_RIM] = 0.0
    profile[len(profile) - _RIM :] = 0.0
    return profile


def _luma(rgb: np.ndarray) -> np.ndarray:
    """JPEG's luma (JFIF's Y: 0.299 R + 0.587 G + 0.114 B), (H, W, 1) float32.

    JPEG keeps luma at full resolution and halves chroma both ways (4:2:0): cells
    narrower than its 16-pixel chroma blocks lose their edges' color steps to the
    blur but keep their luma steps (a 49 x 81 viridis pcolormesh of 5 x 7.5 pixel
    cells saved q75: no lattice in the colors' profiles, one in luma's).
    """
    weights = np.array([0.299, 0.587, 0.114], dtype=np.float32)[: rgb.shape[-1]]
    return (rgb[..., :3].astype(np.float32) @ weights)[..., None]


def _period(profile: np.ndarray) -> float | None:
    """A first estimate of the edges' spacing (within a pixel): the autocorrelation's peak."""
    n = len(profile)
    centred = profile - profile.mean()
    spectrum = np.fft.rfft(centred, 2 * n)
    correlation = np.fft.irfft(spectrum * np.conj(spectrum))[:n]
    if n < 2 * _MIN_CELL or correlation[0] <= 0:
        return None
    correlation /= correlation[0]
    lags = np.arange(int(_MIN_CELL), n // 2 + 1)
    if len(lags) == 0:
        return None
    best = int(lags[np.argmax(correlation[lags])])
    if correlation[best] <= 0.05:
        return None
    def peak(lag: float) -> tuple[float, bool]:
        """Correlation at a lag (split over two lags when between them), and whether it is a peak of its own."""
        low, high = int(np.floor(lag)), int(np.ceil(lag))
        near = correlation[low : high + 1].max()
        if high == low + 1:  # a period between two lags splits its peak over both
            near = max(near, correlation[low] + correlation[high])
        return near, bool(near >= correlation[low - 1] and near >= correlation[high + 1])

    # a multiple of the period correlates as well as the period itself: take the shortest
    # that peaks as high as half the best, and whose double does too (a period repeats)
    for divisor in range(int(best // _MIN_CELL), 1, -1):
        lag = best / divisor
        near, own = peak(lag)
        again, own_again = peak(2 * lag) if 2 * lag + 1 < n else (near, True)
        if own and own_again and min(near, again) >= 0.5 * correlation[best]:
            return lag
    return float(best)


def _comb(profile: np.ndarray, period: float) -> tuple[float, float]:
    """(period, phase) of the lattice ``phase + k * period`` that gathers the most of the profile."""
    weights = np.clip(profile - np.median(profile), 0.0, None)
    positions = np.arange(1, len(profile) + 1, dtype=np.float64)
    # fine enough that the lattice drifts less than an eighth of a period over the profile
    step = max(1e-4, period**2 / (8.0 * len(profile)))
    periods = np.arange(max(_MIN_CELL - 0.5, min(period - 1.0, 0.8 * period)), max(period + 1.0, 1.25 * period), step)
    best, best_z = period, 0j
    for chunk in np.array_split(periods, max(1, len(periods) * len(positions) // 2_000_000)):
        z = np.exp(2j * np.pi * positions[None, :] / chunk[:, None]) @ weights
        k = int(np.argmax(np.abs(z)))
        if abs(z[k]) > abs(best_z):
            best, best_z = float(chunk[k]), complex(z[k])
    phase = (np.angle(best_z) / (2 * np.pi) * best) % best
    return best, float(phase)


def _edges_near(
    profile: np.ndarray, slope: float, intercept: float, tolerance: float, threshold: float
) -> tuple[list[tuple[float, float]], int]:
    """Edges standing out of the profile near each lattice point: ((index, position) list, inner points)."""
    n = len(profile)
    positions = np.arange(1, n + 1, dtype=np.float64)
    lattice = np.arange(np.ceil((_RIM + 1 - intercept) / slope), np.floor((n - _RIM - intercept) / slope) + 1)
    found = []
    for k in lattice:
        window = np.flatnonzero(np.abs(positions - intercept - k * slope) <= tolerance)
        if len(window) == 0 or profile[window].max() <= threshold:
            continue
        # the peak, located at the centroid of its top (an edge line's two sides, JPEG's blur)
        peak = window[np.argmax(profile[window])]
        top = np.arange(max(0, peak - 1), min(n, peak + 2))
        weights = np.clip(profile[top] - threshold, 0.0, None)
        found.append((float(k), float(np.sum(weights * positions[top]) / weights.sum())))
    return found, len(lattice)


def _lattice_fit(profile: np.ndarray, period: float, phase: float) -> tuple[float, float, int, int] | None:
    """(slope, intercept, first, last) of the edges on the lattice that stand out of the profile, or None.

    ``first`` and ``last`` are the lattice indices of the outermost edges found.

    The comb's lattice may drift by a pixel a cell where there are few
    cells; a line fitted through the peaks near it does not: the first pass
    looks a quarter of a cell either side, the second within 1.5 pixels.
    """
    floor = float(np.median(profile))
    threshold = max(0.5, floor + 3.0 * float(np.median(np.abs(profile - floor))))
    slope, intercept = period, phase
    for tolerance in (max(1.5, period / 4.0), 1.5):
        found, inner = _edges_near(profile, slope, intercept, tolerance, threshold)
        if len(found) < max(2, _PRESENT * inner) or (inner >= 4 and len(found) < 3):
            return None
        k, at = np.array(found).T
        slope, intercept = np.polyfit(k, at, 1)
    off = np.abs(k * slope + intercept - at) > 1.5
    if 0 < off.sum() <= len(k) // 10:
        # an edge pulled off the line by what stood over it (a grid line JPEG left half-painted): one in ten is let go
        k, at = k[~off], at[~off]
        slope, intercept = np.polyfit(k, at, 1)
    if slope < _MIN_CELL or np.abs(k * slope + intercept - at).max() > 1.5:
        return None
    positions = np.arange(1, len(profile) + 1, dtype=np.float64)
    index = np.rint((positions - intercept) / slope)
    off = profile[np.abs(positions - intercept - index * slope) >= (1.5 if slope >= 5 else 1.0)]
    heights = [profile[max(0, int(round(a)) - 2) : int(round(a)) + 1].max() for a in at]
    if len(off) and np.percentile(off, 90) - floor > _RIVAL * (np.median(heights) - floor):
        return None  # something else changes as much between the edges: not a lattice
    return float(slope), float(intercept), int(k.min()), int(k.max())


def _span(fit: tuple[float, float, int, int], data: np.ndarray, frame: tuple[float, float]) -> np.ndarray:
    """The lattice's edges from the data's first edge to its last.

    ``data``: the share of each column that is data; ``frame``: where the
    frame's lines are (their centres, a little outside). The outermost edges
    found bound the data, unless data lie beyond them (cells there may equal
    their neighbours, edges at the frame hide in its rim): then the lattice
    runs to the frame -- to its edge there when the frame stands on the
    lattice, else over the cells the frame cuts. A frame on the lattice a
    cell or two beyond the edges found is the data's end too; a frame that
    stands on the lattice (within a pixel) at both ends is the grid's extent
    however many empty cells lie between (hist2d's empty bins).
    """
    slope, intercept, first, last = fit
    on_lattice = [(line - intercept) / slope for line in frame]
    if all(abs(k - round(k)) * slope <= 1.0 for k in on_lattice) and round(on_lattice[1]) - round(on_lattice[0]) >= 2:
        # both frame lines stand on the lattice: the grid is the frame's (hist2d's empty outer bins,
        # drawn as background, hide the edges there)
        return intercept + slope * np.arange(round(on_lattice[0]), round(on_lattice[1]) + 1)
    ends = []
    for k_end, line, outward in ((first, frame[0], -1), (last, frame[1], 1)):
        k_frame = round((line - intercept) / slope)
        at = intercept + k_end * slope
        beyond = data[int(max(0, min(at, line))) : int(max(0, at, line))]
        more = 3 * len(beyond) > slope and beyond.mean() >= 0.5
        if abs(intercept + k_frame * slope - line) <= 2.0 and (more or abs(k_frame - k_end) <= 2):
            ends.append(k_frame)
        elif more:
            # the frame cuts the last cell: counted when a third of it is inside (a JPEG q60 plasma
            # pcolormesh: its frame found 2.5 px off the lattice, 3.65 px of the first 6.2 px row inside)
            ends.append(k_end + outward * max(1, int(np.ceil(len(beyond) / slope - 1.0 / 3.0))))
        else:
            ends.append(k_end)
    return intercept + slope * np.arange(ends[0], ends[1] + 1)


def _line_profile(valid: np.ndarray) -> np.ndarray:
    """Share of each column that is not data, as a profile of edges (a line between cells peaks).

    Edge lines (``pcolormesh(edgecolors=...)``) as wide as a third of a cell
    turn each edge of the color profile into two, a line's width apart;
    the lines themselves are where no data are, along whole columns.
    """
    empty = 1.0 - valid.mean(axis=0)
    profile = (empty[:-1] + empty[1:]) / 2.0
    profile[:_RIM] = 0.0
    profile[len(profile) - _RIM :] = 0.0
    return profile


def _filled(rgb: np.ndarray, valid: np.ndarray) -> np.ndarray | None:
    """The picture with what is not data painted over by the nearest data pixel, or None when nothing is covered.

    Text written in the cells (seaborn's ``annot``) and grid lines drawn
    over the data (ggplot's style) change the color in the middle of cells,
    or hide an edge under a line: painted over -- their antialiased fringe
    too -- the cells' own colors meet at the edges, under a line at its centre.
    """
    from scipy import ndimage

    data = ndimage.binary_erosion(valid, np.ones((3, 3), dtype=bool), border_value=1)
    covered = ~data
    if not covered.any() or not data.any() or covered.mean() > 0.5:
        return None
    _, (rows, columns) = ndimage.distance_transform_edt(covered, return_indices=True)
    return rgb[rows, columns]


def _peaks(profile: np.ndarray) -> np.ndarray:
    """The profile less its running median over 9 positions: an edge's step (a pixel or two, three in JPEG) stays.

    What JPEG leaves of text in the cells -- ringing and chroma spread over
    8 or 16 pixels around each label -- is a broad bump; it goes.
    """
    from scipy import ndimage

    peaks = np.clip(profile - ndimage.median_filter(profile, 9, mode="nearest"), 0.0, None)
    peaks[:_RIM] = 0.0
    peaks[len(peaks) - _RIM :] = 0.0
    return peaks


def _edges_1d(
    rgb: np.ndarray, valid: np.ndarray, frame: tuple[float, float], filled: np.ndarray | None, origin: float,
    luma: np.ndarray | None = None,
) -> list[np.ndarray]:
    """Cell edges along axis 1 (columns), as edge coordinates: one candidate per profile that shows a lattice.

    The profiles, in order: the colors as drawn; where something is drawn
    over the data (``filled``: text, lines), the sharp peaks of the colors
    with it painted over -- not on JPEG's 8-pixel blocks, which they also
    bring out (``origin``: the first column's in the image); the lines
    between cells; the mean signed step of ``luma`` (:func:`_luma`; JPEG's
    chroma blur hides small cells' edges in the colors').
    """
    width = rgb.shape[1]
    if width < 4 * _MIN_CELL:
        return []
    profiles = [(_profile(rgb), False)] + ([(_peaks(_profile(filled)), True)] if filled is not None else [])
    out: list[np.ndarray] = []
    # thin edge lines (edgecolors="k" at 1-2 px) leave a third of each cell off the data: the
    # share profile's floor is too high for its peaks to stand out; the columns that are
    # nearly all line (a 0/1 profile) do
    empty = 1.0 - valid.mean(axis=0)
    thin = (np.minimum(empty[:-1], empty[1:]) >= 0.9).astype(np.float64)
    thin[:_RIM], thin[len(thin) - _RIM :] = 0.0, 0.0
    extra = [(_line_profile(valid), False), (thin, False), (_signed_profile(rgb), True)]
    if luma is not None:
        extra.append((_signed_profile(luma), True))
    for profile, peaks in [*profiles, *extra]:
        period = _period(profile)
        if period is None:
            continue
        fit = _lattice_fit(profile, *_comb(profile, period))
        if fit is not None:
            edges = _span(fit, valid.mean(axis=0), frame)
            if peaks and _jpeg_blocks(edges + origin):
                continue
            if len(edges) >= 3 and not any(_same_lattice(e, edges) for e in out):
                out.append(edges)
    if not out:
        uneven = uneven_edges(rgb, valid, frame)
        if uneven is not None:
            out.append(uneven)
    return _interleaved(out) + out


def _interleaved(found: list[np.ndarray]) -> list[np.ndarray]:
    """Lattices of half the spacing, where two found share a spacing and stand half a cell apart.

    Grid lines drawn over every other cell edge (a style's grid at the ticks)
    make that edge's lattice the profile's strongest; the edges between the
    lines show in another profile as a second lattice, shifted half its spacing.

    Examples
    --------
    >>> _interleaved([np.arange(0.0, 101.0, 20.0), np.arange(10.0, 100.0, 20.0)])[0].tolist()
    [0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0]
    """
    out = []
    for k, first in enumerate(found):
        for second in found[k + 1 :]:
            spacing = float(np.median(np.diff(first)))
            if abs(float(np.median(np.diff(second))) - spacing) > 0.01 * spacing or spacing < 2 * _MIN_CELL:
                continue
            shift = (second[0] - first[0]) % spacing
            if abs(shift - spacing / 2.0) <= 1.5:
                # the first found (the colors as drawn) keeps its extent: the other's may run a cell past
                start, stop = first[0], first[-1]
                half = spacing / 2.0
                out.append(start + half * np.arange(int(round((stop - start) / half)) + 1))
    return out


def _jpeg_blocks(edges: np.ndarray) -> bool:
    """Whether edges (image coordinates) stand on JPEG's block boundaries: every 8 (16) pixels, at multiples of 8.

    Examples
    --------
    >>> _jpeg_blocks(np.arange(8.0, 200.0, 16.0)), _jpeg_blocks(np.arange(5.0, 200.0, 16.0))
    (True, False)
    """
    spacing = float(np.median(np.diff(edges)))
    blocks = round(spacing / 8.0)
    if blocks < 1 or abs(spacing - 8.0 * blocks) > 0.05:
        return False
    off = np.abs((edges + 4.0) % 8.0 - 4.0)
    return bool(np.median(off) <= 1.0)


def _same_lattice(first: np.ndarray, second: np.ndarray) -> bool:
    """Whether two candidates' edges stand on one lattice (spacing within 1%, edges within a pixel), whatever their extents.

    The painted-over picture hides the data's outer edges against the
    background, so its lattice may stop a cell short: the first found keeps its extent.
    """
    a, b = float(np.median(np.diff(first))), float(np.median(np.diff(second)))
    shift = (second[0] - first[0]) / a
    return abs(a - b) <= 0.01 * a and abs(shift - round(shift)) * a <= 1.0


def cell_edges(
    rgb: np.ndarray, valid: np.ndarray, frame: tuple[float, float, float, float] | None = None
) -> tuple[np.ndarray, np.ndarray] | None:
    """Row and column edges of the cells of a blocky plot, or None.

    Parameters
    ----------
    rgb : numpy.ndarray
        (H, W, 3) uint8, the plot area's pixels.
    valid : numpy.ndarray
        (H, W) bool, pixels that are colormap colors (where the data are).
    frame : tuple of float, optional
        ``(left, top, right, bottom)`` of the frame's lines in ``rgb``'s
        coordinates (by default its edges): a grid that fills the plot
        ends on them.

    Returns
    -------
    tuple of numpy.ndarray or None
        Cell edges along rows and columns (float64, pixel-edge coordinates of
        ``rgb``, the outer ones possibly a little outside it); rounded, cell
        ``(i, j)`` is ``rgb[rows[i]:rows[i+1], columns[j]:columns[j+1]]``.

    Examples
    --------
    >>> import numpy as np
    >>> cells = np.random.default_rng(0).integers(0, 255, (4, 5, 3)).astype(np.uint8)
    >>> picture = cells.repeat(10, axis=0).repeat(8, axis=1)
    >>> rows, columns = cell_edges(picture, np.ones(picture.shape[:2], bool))
    >>> (rows.round(6) + 0.0).tolist(), (columns.round(6) + 0.0).tolist()
    ([0.0, 10.0, 20.0, 30.0, 40.0], [0.0, 8.0, 16.0, 24.0, 32.0, 40.0])
    """
    return cell_search(rgb, valid, frame)[0]


def cell_search(
    rgb: np.ndarray,
    valid: np.ndarray,
    frame: tuple[float, float, float, float] | None = None,
    *,
    origin: tuple[int, int] = (0, 0),
) -> tuple[tuple[np.ndarray, np.ndarray] | None, tuple[float, float] | None]:
    """The cells' edges as :func:`cell_edges` finds them, and the size of cells seen but not confirmed.

    Parameters
    ----------
    rgb, valid, frame
        As for :func:`cell_edges`.
    origin : tuple of int, optional
        (row, column) of ``rgb``'s first pixel in the image: where JPEG's
        8-pixel blocks lie.

    Returns
    -------
    tuple
        ``(edges, seen)``: ``edges`` the row and column edges or None;
        ``seen`` None, or -- when no grid is returned although color steps
        stand on a regular lattice in both directions and its cells are of
        one color more than the lattice shifted by half a cell -- the
        cells' (height, width) in pixels: the picture shows cells whose
        grid was not recovered.

    Examples
    --------
    >>> cells = np.random.default_rng(0).integers(0, 255, (4, 5, 3)).astype(np.uint8)
    >>> picture = cells.repeat(10, axis=0).repeat(8, axis=1)
    >>> edges, seen = cell_search(picture, np.ones(picture.shape[:2], bool))
    >>> [len(e) - 1 for e in edges], seen
    ([4, 5], None)
    """
    left, top, right, bottom = frame if frame is not None else (0.0, 0.0, float(rgb.shape[1]), float(rgb.shape[0]))
    filled = _filled(rgb, valid)
    filled_t = filled.transpose(1, 0, 2) if filled is not None else None
    luma = _luma(rgb)
    columns_found = _edges_1d(rgb, valid, (left, right), filled, origin[1], luma)
    rows_found = (
        _edges_1d(rgb.transpose(1, 0, 2), valid.T, (top, bottom), filled_t, origin[0], luma.transpose(1, 0, 2))
        if columns_found else []
    )  # fmt: skip
    pairs = [(rows, columns) for rows in rows_found for columns in columns_found]
    # a lattice of half or twice the cells (text rows between the edges) may be confirmed
    # too: the best.
    # JPEG rings around text in the cells (seaborn's annot) in colors the map has, off the cell's
    # own: scored again without the pixels beside what is not data (a cell too small for that
    # keeps the first score)
    # and again in luma alone: JPEG's 4:2:0 chroma spreads each small cell's colors (a 49 x 81
    # viridis pcolormesh, q75: its cells 10.8 DN^2 inside against 27.8 half a cell off in RGB,
    # 1.0 against 7.6 in luma)
    inner = _inner(valid) if pairs else valid
    scores = [
        (max(confirmed(picture, mask, *pair, spread=spread, contrast=contrast)
             for picture, spread, contrast in ((rgb, SPREAD, CONTRAST), (luma, LUMA_SPREAD, LUMA_CONTRAST))
             for mask in (valid, inner)), k)
        for k, pair in enumerate(pairs)
    ]
    for score, k in sorted(scores, reverse=True):
        if score > 0 and holds_data(valid, *pairs[k]) and not _hexagons(rgb, valid, pairs[k]):
            return pairs[k], None
    # text in the cells, in the data's colors (white over YlOrRd, blended by JPEG), spreads
    # every cell's colors: each cell's median outvotes it; the lattice that best tells cells apart
    (contrast, spread), k = max(((median_contrast(rgb, valid, *pair), k) for k, pair in enumerate(pairs)), default=((0.0, 0.0), -1))
    if contrast < _SEEN or not holds_data(valid, *pairs[k]) or _hexagons(rgb, valid, pairs[k]):
        return None, None
    if contrast >= CONTRAST and spread <= SPREAD:
        return pairs[k], None
    rows, columns = pairs[k]
    if min(len(rows), len(columns)) < 5:  # two or three "cells" a side (contourf's bands) make no lattice to see
        return None, None
    return None, (float(np.median(np.diff(rows))), float(np.median(np.diff(columns))))


def _inner(valid: np.ndarray) -> np.ndarray:
    """Data pixels whose 8 neighbours are data too (outside the picture counts as data)."""
    from scipy import ndimage

    return ndimage.binary_erosion(valid, np.ones((3, 3), dtype=bool), border_value=1)


def _hexagons(rgb: np.ndarray, valid: np.ndarray, pair: tuple[np.ndarray, np.ndarray]) -> bool:
    """Whether a lattice's cells are hexbin's hexagons: paired in a brick wall, or edged by staggered sides."""
    from truepix.figures._grid_checks import staggered

    return brick_wall(rgb, valid, *pair) or staggered(rgb, valid, *pair)


#: Pixels along the plot area's edge that the frame line covers or rings over (JPEG q60, 100 dpi:
#: the line's pixel 42-86 DN off the map, the next 25-70 DN, the third 13-24 DN).
FRAME_RING = 2


def cell_values(values: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """One value per cell: the median of its pixels, leaving out its rim; NaN where under a third of them are values.

    Pixels within two of a pixel that is no value (text or a line drawn
    over the cell, and what JPEG blended of it into the cell's colors)
    are left out too, where that leaves a quarter of the cell.

    Examples
    --------
    >>> v = np.arange(4.0).reshape(2, 2).repeat(4, axis=0).repeat(4, axis=1)
    >>> cell_values(v, np.array([0, 4, 8]), np.array([0, 4, 8])).tolist()
    [[0.0, 1.0], [2.0, 3.0]]
    """
    import cv2

    labels, count = cell_labels(values.shape, rows, columns)
    inside = np.bincount(labels.ravel(), minlength=count + 1)[1:]
    finite = np.isfinite(values)
    # within two pixels of a non-value: a 3x3 dilation twice, nothing beyond the picture's edge
    near = cv2.dilate((~finite).view(np.uint8), np.ones((3, 3), np.uint8), iterations=2, borderType=cv2.BORDER_CONSTANT, borderValue=0)
    clean = finite & (near == 0)
    numbers = np.nan_to_num(values)
    out = np.full(count, np.nan)
    for keep in (finite, clean):
        kept = np.where(keep, labels, 0)
        counts = np.bincount(kept.ravel(), minlength=count + 1)[1:]
        medians = label_medians(numbers, kept, count)
        use = 4 * counts >= inside if keep is clean else counts > 0
        out[use] = medians[use]
        if keep is finite:
            # an empty cell (hist2d's empty bins, drawn as background) with a few pixels of JPEG
            # ringing from its neighbours is still empty; text or a line over a cell leaves most of it
            empty = 3 * counts < inside
    out[empty] = np.nan
    # a cell beside the plot area's frame, a few pixels wide, keeps little inside its rims and
    # the frame line's JPEG ringing takes that (a 4.4 px column of cells keeps one pixel, 36 %
    # of them values on a q90 jet pcolormesh): its rim's pixels, when a third are values, hold its
    # color. (An empty cell of hist2d's shows background there too.)
    beside = np.zeros((len(rows) - 1, len(columns) - 1), dtype=bool)
    beside[[0, -1]] = beside[:, [0, -1]] = True
    bare = np.isnan(out) & beside.ravel()
    if bare.any():
        whole, _ = cell_labels(values.shape, rows, columns, rims=False)
        size = np.bincount(whole.ravel(), minlength=count + 1)[1:]
        kept = np.where(finite, whole, 0)
        counts = np.bincount(kept.ravel(), minlength=count + 1)[1:]
        use = bare & (3 * counts >= size) & (counts > 0)
        out[use] = label_medians(numbers, kept, count)[use]
        # the frame line and the pixel beside it are ringing at q60 (9-42 DN off the map on a
        # 4.4 px column: 7-8 of a cell's 28 pixels values, all in the inner two columns); a third
        # of the cell's pixels beyond them, when values, hold its color
        bare &= ~use
        if bare.any():
            inner = whole.copy()
            inner[:FRAME_RING], inner[-FRAME_RING:], inner[:, :FRAME_RING], inner[:, -FRAME_RING:] = 0, 0, 0, 0
            size = np.bincount(inner.ravel(), minlength=count + 1)[1:]
            kept = np.where(finite, inner, 0)
            counts = np.bincount(kept.ravel(), minlength=count + 1)[1:]
            use = bare & (3 * counts >= size) & (counts > 0)
            out[use] = label_medians(numbers, kept, count)[use]
    return out.reshape(len(rows) - 1, len(columns) - 1)


def lost_cells(lost: np.ndarray, cells: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> float:
    """Share of the cells left NaN although most of their pixels look like data (``lost``): what a grid reading lost.

    Text or lines over the cells lose pixels, not cells: the cells keep
    their values (:func:`cell_values`) and are not counted.

    Examples
    --------
    >>> lost = np.zeros((20, 20), bool); lost[:10, :10] = True
    >>> cells = np.array([[np.nan, 1.0], [2.0, 3.0]])
    >>> lost_cells(lost, cells, np.array([0.0, 10.0, 20.0]), np.array([0.0, 10.0, 20.0]))
    0.25
    """
    labels, count = cell_labels(lost.shape, rows, columns)
    inside = np.bincount(labels.ravel(), minlength=count + 1)[1:]
    share = np.bincount(labels.ravel(), lost.ravel().astype(np.float64), minlength=count + 1)[1:] / np.maximum(inside, 1)
    return float((np.isnan(cells.ravel()) & (share >= 0.5)).mean()) if count else 0.0


def cut_sides(
    rows: np.ndarray, columns: np.ndarray, valid: np.ndarray, frame: tuple[float, float, float, float]
) -> list[str]:
    """Sides (top, bottom, left, right) where the plot area's edge cuts a cell: the grid's shape is doubtful there.

    Where the data reach an edge of the plot area, the edge should stand on
    the lattice (the frame's line is the grid's end); one more than 0.3 of
    a cell (and 1.5 pixels) off it cuts a cell, which is then counted or
    dropped by a guess -- a plot area that stops short of the data (edges
    blended into the background in a resampled picture) loses a row.

    Examples
    --------
    >>> valid = np.ones((40, 40), bool)
    >>> edges = np.arange(0.0, 41.0, 8.0)
    >>> cut_sides(edges, edges, valid, (0.0, 0.0, 40.0, 40.0)), cut_sides(edges + 4, edges, valid, (0.0, 0.0, 40.0, 40.0))
    ([], ['top', 'bottom'])
    """
    out = []
    for edges, (low, high), lines, names in (
        (rows, (valid[0], valid[-1]), (frame[1], frame[3]), ("top", "bottom")),
        (columns, (valid[:, 0], valid[:, -1]), (frame[0], frame[2]), ("left", "right")),
    ):
        if len(edges) < 2:
            continue
        slope = float(np.median(np.diff(edges)))
        even = evenly_spaced(edges)
        for data, line, name in zip((low, high), lines, names, strict=True):
            k = (line - edges[0]) / slope
            off = abs(k - round(k)) * slope
            if not even:  # uneven cells (pcolormesh's own edges): the nearest edge, against its cell's width
                near = int(np.argmin(np.abs(edges - line)))
                off, slope = abs(float(edges[near]) - line), float(np.diff(edges)[min(near, len(edges) - 2)])
            if data.mean() >= 0.5 and off > max(1.5, 0.3 * slope):
                out.append(name)
    return out

"""``find_colorbar``: the colorbar of a whole figure, and its colors.

A colorbar is a long rectangle whose every cross-section is one color and
whose colors change smoothly along its length. The finder looks for exactly
that: for each row it splits the picture into runs of one color; a
colorbar is a stack of rows whose runs start and end at the same columns
(the bar's sides), with many distinct, smoothly changing colors along the
stack. Rows of plain background are excluded by their runs being wider
than the bar (nothing stops them at the bar's sides), and blocky images
by their color steps being abrupt. Vertical and horizontal bars are the
same search on the transposed picture.

"One color" is exact first (uncompressed figures); a second search lets
neighbours differ by up to 32 DN and takes each side as the median of five
rows, so that a JPEG'd figure's bar -- noisy across, its runs cut short here
and there by 8x8 blocks and ringing -- is found whole. The bar with the most
distinct colors wins; one from the second search is marked ``exact=False``
and keeps one color per pixel along it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from truepix.errors import ShapeError, UnsupportedDtypeError

__all__ = ["Colorbar", "find_colorbar", "find_colorbars", "image_rgb8"]

# Two neighbours within this many DN count as the same color: 0 for exact
# pictures (Agg draws a colorbar's cells exactly, and its antialiased outline
# differs from them); 32 for compressed ones, whose bars are noisy across (JPEG's
# 8x8 blocks and ringing at the outline). Both are searched; the bar with the
# most distinct colors wins.
_TOLERANCES = (0, 32)
_MIN_LENGTH = 24  # pixels along the bar
_MIN_WIDTH = 3  # pixels across it
_MIN_ASPECT = 3.0  # length / width
_MIN_DISTINCT = 12  # distinct colors along a continuous bar
_MIN_STEPS, _MAX_STEPS = 3, 40  # colors of a stepped bar (contourf, BoundaryNorm, few-color maps)
_MIN_STEP_LENGTH = 3  # pixels each step of a stepped bar covers at least
_STEP_NOISE = 12  # DN along a compressed bar's step that are still one color
_LINE_LENGTH = 3  # pixels: a darker run this short between two steps is a line drawn across
_MAX_BARS = 16  # bars built at most per figure
# the noise-tolerant search sees more "colors" in the same bar than the exact one:
# its scores count this much, so an exact bar wins where the picture has one
_NOISY_WEIGHT = 0.6
_LINE_CONTRAST = 40  # DN a line drawn across a continuous bar stands from the colors under it
_MAX_STEP = 64  # largest color jump between neighbouring pixels along the bar (DN)
_END_DEVIATION = 3  # DN an end color may leave the continuation of the colors inside
_MAX_TRIM = 3  # pixels of outline trimmed at most from each end
_JITTER = 2  # pixels a bar's side may wander from row to row (antialiased outline)


@dataclass(frozen=True, eq=False)
class Colorbar:
    """A colorbar found in a picture.

    Attributes
    ----------
    bbox : tuple of int
        ``(left, top, right, bottom)`` of the colored area in image pixels;
        ``right`` and ``bottom`` are exclusive, like a Python slice:
        ``image[top:bottom, left:right]`` is the bar.
    orientation : str
        ``"vertical"`` (low values at the bottom) or ``"horizontal"`` (low at the left).
    colors : numpy.ndarray
        (N, 3) uint8, one color per pixel along the bar, from low to high:
        color ``i`` stands for the fraction ``(i + 0.5) / N`` of the bar.
    exact : bool
        Whether every row across the bar was one exact color (an uncompressed
        picture). A bar found in a compressed (JPEG'd) figure has ``False``: its
        colors are medians across the bar, a few DN off the map.
    boundaries : numpy.ndarray or None
        For a stepped bar (contourf levels, BoundaryNorm, a map of few
        colors): (N + 1,) float64, the fractions of the bar's length, from
        the low end, where its N steps begin and end; ``colors`` then holds
        one color per step. None for a continuous bar.
    vmin, vmax : float or None
        The data values at the bar's low and high ends, when known (read from
        its tick labels, or given); ``decolorize(picture, cmap=bar)`` uses them.
    norm : str, matplotlib Normalize or None
        How data was normalized along the bar (``"log"``, a matplotlib norm),
        when known; None for linear or unknown.

    Examples
    --------
    >>> import numpy as np
    >>> from truepix.color import Colorbar
    >>> bar = Colorbar((10, 5, 20, 105), "vertical", np.zeros((100, 3), np.uint8))
    >>> bar.length, bar.width
    (100, 10)
    """

    bbox: tuple[int, int, int, int]
    orientation: str
    colors: np.ndarray
    exact: bool = True
    boundaries: np.ndarray | None = None
    vmin: float | None = None
    vmax: float | None = None
    norm: Any = None

    def __post_init__(self) -> None:
        if self.boundaries is not None:
            edges = np.array(self.boundaries, dtype=np.float64)
            if edges.shape != (len(self.colors) + 1,):
                msg = f"expected {len(self.colors) + 1} boundaries for {len(self.colors)} steps, got {edges.shape}"
                raise ValueError(msg)
            edges.setflags(write=False)
            object.__setattr__(self, "boundaries", edges)
        if self.orientation not in ("vertical", "horizontal"):
            msg = f"expected orientation 'vertical' or 'horizontal', got {self.orientation!r}"
            raise ValueError(msg)
        colors = np.array(self.colors, dtype=np.uint8)
        colors.setflags(write=False)
        object.__setattr__(self, "colors", colors)
        object.__setattr__(self, "bbox", tuple(int(v) for v in self.bbox))
        object.__setattr__(self, "exact", bool(self.exact))

    @property
    def length(self) -> int:
        """Pixels along the bar."""
        left, top, right, bottom = self.bbox
        return bottom - top if self.orientation == "vertical" else right - left

    @property
    def width(self) -> int:
        """Pixels across the bar."""
        left, top, right, bottom = self.bbox
        return right - left if self.orientation == "vertical" else bottom - top

    def colormap_entry(self) -> Any:
        """The catalog map this bar was drawn from (a ``ColormapEntry``), or None.

        How ``cmap=bar`` resolves: the catalog asks the bar, so the catalog
        does not import the identification code.
        """
        from truepix.color._identify._match import colorbar_map

        return colorbar_map(self)

    def __repr__(self) -> str:
        exact = "" if self.exact else ", exact=False"
        kind = "steps" if self.boundaries is not None else "colors"
        return (
            f"Colorbar(bbox={self.bbox}, orientation={self.orientation!r},"
            f" colors=<{len(self.colors)} {kind}>{exact})"
        )


def image_rgb8(image: Any, /) -> tuple[np.ndarray, np.ndarray | None]:
    """An image as (H, W, 3) uint8 RGB plus its alpha (or None).

    Accepts uint8, uint16 (top byte) and float in [0, 1] (rounded to the
    nearest byte, which undoes matplotlib's ``plt.imread`` of a PNG), with
    3 or 4 channels, or 2-D gray.

    Examples
    --------
    >>> import numpy as np
    >>> from truepix.color._identify._colorbar import image_rgb8
    >>> rgb, alpha = image_rgb8(np.array([[[0.0, 0.5, 1.0, 1.0]]]))
    >>> rgb.tolist(), alpha.tolist()
    ([[[0, 128, 255]]], [[255]])
    """
    array = np.asarray(image)
    if array.ndim == 2:
        array = array[..., None].repeat(3, axis=2)
    if array.ndim != 3 or array.shape[2] not in (3, 4) or 0 in array.shape[:2]:
        msg = (
            f"expected an (H, W, 3) or (H, W, 4) picture (or a 2-D gray one), got shape"
            f" {array.shape}"
        )
        raise ShapeError(msg)
    if array.dtype == np.uint8:
        rgb8 = array
    elif array.dtype == np.uint16:
        rgb8 = (array >> 8).astype(np.uint8)
    elif array.dtype.kind == "f":
        finite = np.nan_to_num(array, nan=0.0, posinf=1.0, neginf=0.0)
        rgb8 = np.rint(np.clip(finite, 0.0, 1.0) * 255).astype(np.uint8)
    else:
        msg = f"expected a uint8, uint16 or float picture, got dtype {array.dtype}"
        raise UnsupportedDtypeError(msg)
    alpha = rgb8[..., 3] if rgb8.shape[2] == 4 else None
    return np.ascontiguousarray(rgb8[..., :3]), alpha


def _row_runs(rgb: np.ndarray, tolerance: int) -> tuple[np.ndarray, np.ndarray]:
    """For each pixel, the first and one-past-last column of its run of one color."""
    height, width = rgb.shape[:2]
    wide = rgb.astype(np.int16)
    same = np.abs(np.diff(wide, axis=1)).max(axis=2) <= tolerance  # (H, W - 1)
    columns = np.arange(width)
    starts_here = np.ones((height, width), dtype=bool)
    starts_here[:, 1:] = ~same
    start = np.maximum.accumulate(np.where(starts_here, columns, 0), axis=1)
    ends_here = np.ones((height, width), dtype=bool)
    ends_here[:, :-1] = ~same
    end = np.minimum.accumulate(np.where(ends_here, columns, width)[:, ::-1], axis=1)[:, ::-1]
    return start, end + 1


def _column_median(values: np.ndarray) -> np.ndarray:
    """Median of each pixel and the two rows above and below it (edges repeated)."""
    padded = np.pad(values, ((2, 2), (0, 0)), mode="edge")
    rows = len(values)
    a, b, c, d, e = (padded[k : k + rows] for k in range(5))
    # the median of five by a min/max network: the larger of the pairs' minima and the
    # smaller of their maxima bracket the median, which the fifth value then picks
    low = np.maximum(np.minimum(a, b), np.minimum(c, d))
    high = np.minimum(np.maximum(a, b), np.maximum(c, d))
    return np.maximum(np.minimum(low, high), np.minimum(np.maximum(low, high), e))


def _candidates(rgb: np.ndarray, tolerance: int) -> list[tuple[float, tuple[int, int, int, int]]]:
    """Rectangles (left, top, right, bottom) of stacked rows that share one run, scored.

    A stack follows one column down while the run through it keeps its extent
    (within a pixel or two: the bar's outline is antialiased, so its sides
    blend into the bar's colors on some rows and not on others).
    """
    start, end = _row_runs(rgb, tolerance)
    if tolerance > 0:
        # compression noise cuts single rows' runs short: the median of five rows
        # down each column keeps the bar's sides
        start, end = _column_median(start), _column_median(end)
    height, width = start.shape
    run_width = end - start
    wide = run_width >= _MIN_WIDTH
    cont = np.zeros_like(wide)
    cont[1:] = (
        wide[1:]
        & wide[:-1]
        & (np.abs(start[1:] - start[:-1]) <= _JITTER)
        & (np.abs(end[1:] - end[:-1]) <= _JITTER)
    )
    stack_end = wide.copy()
    stack_end[:-1] &= ~cont[1:]
    # Column by column (transposed, so a stack is contiguous in the flat order).
    tops = np.flatnonzero((wide & ~cont).T)
    bottoms = np.flatnonzero(stack_end.T) + 1
    lengths = bottoms - tops
    keep = lengths >= _MIN_LENGTH
    tops, bottoms = tops[keep], bottoms[keep]
    # Cheap test before the careful one: enough color changes down the column.
    wide_rgb = rgb.astype(np.int16)
    changes = np.zeros((height, width), dtype=np.int32)
    changes[1:] = np.abs(np.diff(wide_rgb, axis=0)).max(axis=2) > 0
    changes_flat = np.cumsum(changes.T.ravel())
    keep = changes_flat[bottoms - 1] - changes_flat[tops] >= _MIN_STEPS - 1
    found: dict[tuple[int, int, int, int], float] = {}
    seen: set[tuple[int, int, int, int]] = set()
    for first, stop in zip(tops[keep], bottoms[keep], strict=True):
        x, top = divmod(int(first), height)
        bottom = top + int(stop - first)
        # every column of one run gives the same rectangle: look at one of them
        key = (top, bottom, int(start[top, x]), int(end[top, x]))
        if key in seen:
            continue
        seen.add(key)
        # rows whose run narrows away from the bar's width are an extend triangle's
        widths = run_width[top:bottom, x]
        steady = np.flatnonzero(np.abs(widths - np.median(widths)) <= (2 if tolerance else 0.5))
        if len(steady) == 0:
            continue
        top, bottom = top + int(steady[0]), top + int(steady[-1]) + 1
        # the sides, from three rows (a median over all of them costs too much per candidate)
        rows = [top + (bottom - top) // 4, (top + bottom) // 2, bottom - 1 - (bottom - top) // 4]
        left = int(sorted(start[rows, x])[1])
        right = int(sorted(end[rows, x])[1])
        length = bottom - top
        rect = (left, top, right, bottom)
        if rect in found or length < _MIN_LENGTH or length < _MIN_ASPECT * (right - left):
            continue
        profile = rgb[top:bottom, (left + right) // 2]
        smoothed = _smoothed(profile, tolerance)
        stepped = _score_stepped(smoothed)
        if stepped and not _isolated(rgb, rect, smoothed):
            stepped = 0.0
        found[rect] = max(_score(profile), stepped)
    return [(score, rect) for rect, score in found.items() if score > 0]


def _line_rows(profile: np.ndarray) -> np.ndarray:
    """Pixels along a bar covered by a line drawn across it (``Colorbar.add_lines``).

    A line covers one to four pixels (antialiased) that all stand far from
    the straight blend between the two pixels just outside them, which are
    close to each other: the colormap goes on under the line.
    """
    wide = profile.astype(np.int16)
    n = len(profile)
    covered = np.zeros(n, dtype=bool)
    if n < 3 or np.abs(np.diff(wide, axis=0)).max() <= _LINE_CONTRAST:
        return covered  # nothing stands out along the bar: no line
    for length in range(1, _LINE_LENGTH + 2):
        if n < length + 2:
            break
        before, after = wide[: n - length - 1], wide[length + 1 :]
        close = np.abs(before - after).max(axis=1) <= _MAX_STEP
        far = np.ones(len(before), dtype=bool)
        for k in range(1, length + 1):
            t = k / (length + 1)
            expected = before + t * (after - before)
            far &= np.abs(wide[k : n - length - 1 + k] - expected).max(axis=1) > _LINE_CONTRAST
        for start in np.flatnonzero(close & far):
            covered[start + 1 : start + 1 + length] = True
    return covered


def _without_lines(profile: np.ndarray) -> np.ndarray:
    """The colors along a bar with lines drawn across it filled from their neighbours."""
    covered = _line_rows(profile)
    if not covered.any():
        return profile
    kept = np.flatnonzero(~covered)
    filled = profile.copy()
    for channel in range(profile.shape[1]):
        filled[covered, channel] = np.rint(
            np.interp(np.flatnonzero(covered), kept, profile[kept, channel].astype(np.float64))
        ).astype(np.uint8)
    return filled


def _score(profile: np.ndarray) -> float:
    """How much a run of colors looks like a colormap: 0 when not at all."""
    profile = _without_lines(profile)
    distinct = len(np.unique(profile.view(np.dtype((np.void, 3)))))
    if distinct < _MIN_DISTINCT:
        return 0.0
    steps = np.abs(np.diff(profile.astype(np.int16), axis=0)).max(axis=1)
    # the two ends may touch an outline; the inside must change smoothly
    if len(steps) > 4 and steps[2:-2].max() > _MAX_STEP:
        return 0.0
    return float(distinct) + len(profile) / 1000.0


def _smoothed(profile: np.ndarray, tolerance: int) -> np.ndarray:
    """A compressed bar's colors with each run of nearly one color set to its median."""
    if tolerance == 0:
        return profile
    starts = _steps(profile, _STEP_NOISE)
    out = profile.copy()
    for a, b in zip(starts, [*starts[1:], len(profile)], strict=True):
        out[a:b] = np.median(profile[a:b], axis=0)
    return out


def _steps(profile: np.ndarray, noise: int) -> np.ndarray:
    """Where each run of (nearly, within ``noise`` DN) one color starts."""
    change = np.ones(len(profile), dtype=bool)
    change[1:] = np.abs(np.diff(profile.astype(np.int16), axis=0)).max(axis=1) > noise
    return np.flatnonzero(change)


def _step_runs(profile: np.ndarray) -> list[tuple[int, int]]:
    """The steps along a bar: runs of one color at least :data:`_MIN_STEP_LENGTH` long.

    Shorter runs between them are transitions: antialiased blends of two
    steps, or lines drawn across the bar (contour levels).
    """
    starts = _bins(profile)
    stops = np.append(starts[1:], len(profile))
    return [(int(a), int(b)) for a, b in zip(starts, stops, strict=True) if b - a >= _MIN_STEP_LENGTH]


def _isolated(rgb: np.ndarray, rect: tuple[int, int, int, int], profile: np.ndarray) -> bool:
    """Whether a column beside a stepped candidate keeps still where its steps change.

    A bar stands on a background (or in its outline); a column of blocks in
    a blocky image has neighbours whose colors change on the same rows.
    """
    left, top, right, bottom = rect
    steps = _step_runs(profile)
    rows = np.array([top + a for a, _ in steps[1:]])
    if len(rows) == 0:
        return False
    # tick marks beside a bar change where its steps do, but only on one side
    for column in (left - 3, right + 2):
        if not 0 <= column < rgb.shape[1]:
            continue
        outside = rgb[:, column].astype(np.int16)
        changes = np.abs(outside[rows] - outside[rows - 3]).max(axis=1) > 12
        if changes.mean() < 0.5:
            return True
    return False


def _score_stepped(profile: np.ndarray) -> float:
    """How much a run of colors looks like a stepped colorbar: 0 when not at all.

    Below any continuous bar's score (those have at least 12 distinct colors),
    so a smooth bar is preferred where both fit.
    """
    steps = _step_runs(profile)
    if not _MIN_STEPS <= len(steps) <= _MAX_STEPS:
        return 0.0
    gaps = [steps[k + 1][0] - steps[k][1] for k in range(len(steps) - 1)]
    covered = sum(b - a for a, b in steps)
    if max(gaps) > _LINE_LENGTH or covered < 0.8 * (steps[-1][1] - steps[0][0]):
        return 0.0
    lengths = np.array([b - a for a, b in steps])
    if lengths.max() > 4 * np.median(lengths):
        return 0.0
    colors = np.array([profile[a] for a, _ in steps], dtype=np.int16)
    if np.abs(np.diff(colors, axis=0)).max(axis=1).min() < 3:
        return 0.0
    if np.all(colors.max(axis=1) - colors.min(axis=1) < 12) and np.all(colors.min(axis=1) > 200):
        return 0.0  # light grays: a table or a frame, not a bar
    return len(steps) / 100.0


def _bins(profile: np.ndarray) -> np.ndarray:
    """Where each run of one color starts along the bar: the colormap's bins.

    A bar longer than its colormap draws each bin over one or more whole
    pixels; keeping one entry per run makes entry ``i`` the bin ``i`` whatever
    the bar's length, so positions do not depend on where its ends were cut.
    """
    change = np.ones(len(profile), dtype=bool)
    change[1:] = np.any(profile[1:] != profile[:-1], axis=1)
    return np.flatnonzero(change)


def _off_curve(end: np.ndarray, inner: np.ndarray, next_inner: np.ndarray) -> bool:
    """Whether ``end`` leaves the direction the colors were moving in.

    Inside the bar each step continues the previous one, possibly longer when
    a short bar skips bins; an end blended with the outline steps towards the
    outline's color instead.
    """
    step = (end - inner).astype(np.float64)
    before = (inner - next_inner).astype(np.float64)
    norm2 = float(before @ before)
    scale = 0.0 if norm2 == 0 else float(np.clip(step @ before / norm2, 0.5, 1.5))
    return bool(np.abs(step - scale * before).max() > _END_DEVIATION)


def _trim(colors: np.ndarray) -> tuple[int, int]:
    """The range of ``colors`` left after dropping the ends that are outline.

    Up to :data:`_MAX_TRIM` entries are dropped from each end while the end
    entry is off the curve of its inner neighbours.
    """
    values = colors.astype(np.int16)
    low, high = 0, len(values)
    for _ in range(_MAX_TRIM):
        if high - low < 8 or not _off_curve(values[low], values[low + 1], values[low + 2]):
            break
        low += 1
    for _ in range(_MAX_TRIM):
        if high - low < 8 or not _off_curve(values[high - 1], values[high - 2], values[high - 3]):
            break
        high -= 1
    return low, high


def find_colorbar(image: Any, /) -> Colorbar | None:
    """Find the colorbar in a whole figure and read its colors.

    Parameters
    ----------
    image : array_like
        The figure: (H, W, 3) or (H, W, 4), uint8, uint16 or float in [0, 1]
        (``plt.imread`` output works as is).

    Returns
    -------
    Colorbar or None
        The most colorful bar-shaped region whose cross-sections are single
        colors; ``None`` if the picture has none.

    Raises
    ------
    ShapeError
        ``image`` is not (H, W) gray or (H, W, 3|4) RGB(A).
    UnsupportedDtypeError
        Its dtype is not uint8, uint16 or float.
    UnsupportedInputError
        A masked array: a bar's colors cannot be told from masked pixels.

    Examples
    --------
    >>> import numpy as np, truepix as tp
    >>> figure = np.full((200, 120, 3), 255, np.uint8)
    >>> ramp = tp.colorize(np.linspace(1, 0, 150), cmap="viridis", vmin=0, vmax=1)[:, :3]
    >>> figure[25:175, 90:102] = ramp[:, None]
    >>> bar = tp.find_colorbar(figure)
    >>> bar.bbox, bar.orientation, len(bar.colors)
    ((90, 25, 102, 175), 'vertical', 150)
    >>> bar.colors[0].tolist() == ramp[-1].tolist()  # low end first
    True
    """
    from truepix._validate import as_picture  # the one picture rule

    why = "a colorbar is found among all the pixels of a figure"
    rgb, _ = image_rgb8(as_picture(image, refuse_mask=why))
    best: tuple[float, Colorbar] | None = None
    exact = _best_bar(rgb, 0)
    for tolerance in _TOLERANCES:
        found = exact if tolerance == 0 else _best_bar(rgb, tolerance)
        if found is not None and tolerance and exact is not None:
            # the same bar seen through noise shows more "colors": an exact reading wins
            # when it is one (no more colors than a colormap has)
            if _overlap(exact[1].bbox, found[1].bbox) and len(exact[1].colors) <= 260:
                found = (_NOISY_WEIGHT * found[0], found[1])
        if found is not None and (best is None or found[0] > best[0]):
            best = found
    return None if best is None else best[1]


def find_colorbars(image: Any, /) -> list[Colorbar]:
    """Find every colorbar in a figure (one per panel, shared, several).

    Parameters
    ----------
    image : array_like
        The figure, as for :func:`find_colorbar`.

    Returns
    -------
    list of Colorbar
        Bars that do not overlap each other, the most colorful first.

    Examples
    --------
    >>> import numpy as np, truepix as tp
    >>> from truepix.color._identify._colorbar import find_colorbars
    >>> figure = np.full((200, 200, 3), 255, np.uint8)
    >>> figure[25:175, 40:52] = tp.colorize(np.linspace(1, 0, 150), cmap="viridis")[:, None, :3]
    >>> figure[25:175, 150:162] = tp.colorize(np.linspace(1, 0, 150), cmap="magma")[:, None, :3]
    >>> [bar.bbox for bar in find_colorbars(figure)]
    [(40, 25, 52, 175), (150, 25, 162, 175)]
    """
    rgb, _ = image_rgb8(image)
    # an exact bar wins over the same bar seen through the noise-tolerant search
    found = [
        (score if tolerance == 0 else _NOISY_WEIGHT * score, rect, build)
        for tolerance in _TOLERANCES
        for score, rect, build in _bars(rgb, tolerance)
    ]
    found.sort(key=lambda item: -item[0])
    kept: list[Colorbar] = []
    for _, rect, build in found:
        # a plot's inside holds hundreds of candidates: build only those still free
        if len(kept) == _MAX_BARS or any(_overlap(rect, other.bbox) for other in kept):
            continue
        bar = build()
        if bar is not None and not any(_overlap(bar.bbox, other.bbox) for other in kept):
            kept.append(bar)
    return kept


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def _best_bar(rgb: np.ndarray, tolerance: int) -> tuple[float, Colorbar] | None:
    for score, _, build in sorted(_bars(rgb, tolerance), key=lambda item: -item[0]):
        bar = build()
        if bar is not None:
            return score, bar
    return None


def _bars(rgb: np.ndarray, tolerance: int) -> list[tuple[float, tuple[int, int, int, int], Any]]:
    """Every bar-shaped candidate at one tolerance: score, image box, and how to build it."""
    found: list[tuple[float, tuple[int, int, int, int], Any]] = []
    for orientation in ("vertical", "horizontal"):
        # A vertical bar has one color per row; a horizontal one per column.
        view = rgb if orientation == "vertical" else rgb.transpose(1, 0, 2)
        for score, (x0, y0, x1, y1) in _candidates(view, tolerance):
            maker = _stepped_bar if score < 1 else _bar
            rect = (x0, y0, x1, y1) if orientation == "vertical" else (y0, x0, y1, x1)

            def build(view=view, r=(x0, y0, x1, y1), o=orientation, m=maker) -> Colorbar | None:
                return m(view, r, o, tolerance)

            found.append((score, rect, build))
    return found


def _stepped_bar(
    view: np.ndarray, rect: tuple[int, int, int, int], orientation: str, tolerance: int
) -> Colorbar | None:
    """A stepped bar: one color per step and the steps' boundaries (lines across dropped)."""
    x0, y0, x1, y1 = rect
    inner = view[y0:y1, x0 + 1 : x1 - 1] if x1 - x0 >= 3 else view[y0:y1, x0:x1]
    pixels = _smoothed(np.rint(np.median(inner, axis=1)).astype(np.uint8), tolerance)
    steps = _step_runs(pixels)
    if len(steps) < _MIN_STEPS:
        return None
    edges = [float(steps[0][0])]
    edges += [(steps[k][1] + steps[k + 1][0]) / 2.0 for k in range(len(steps) - 1)]
    edges.append(float(steps[-1][1]))
    colors = np.array([pixels[(a + b) // 2] for a, b in steps], dtype=np.uint8)
    top, bottom = y0 + steps[0][0], y0 + steps[-1][1]
    fractions = (np.array(edges) - edges[0]) / (edges[-1] - edges[0])
    exact = tolerance == 0
    if orientation == "vertical":
        return Colorbar((x0, top, x1, bottom), orientation, colors[::-1], exact, 1.0 - fractions[::-1])
    return Colorbar((top, x0, bottom, x1), orientation, colors, exact, fractions)


def _bar(
    view: np.ndarray, rect: tuple[int, int, int, int], orientation: str, tolerance: int
) -> Colorbar | None:
    x0, y0, x1, y1 = rect
    # the median across the bar (its sides left out) is the row's color
    # even when compression noise makes the rows uneven
    inner = view[y0:y1, x0 + 1 : x1 - 1] if x1 - x0 >= 3 else view[y0:y1, x0:x1]
    pixels = _without_lines(np.rint(np.median(inner, axis=1)).astype(np.uint8))
    # exact bars: one entry per bin; a compressed bar's runs are broken
    # by noise, so it keeps one entry per pixel
    starts = _bins(pixels) if tolerance == 0 else np.arange(len(pixels))
    low, high = _trim(pixels[starts])
    if high - low < 2:
        return None
    profile = pixels[starts[low:high]]
    # Along the bar the trimmed ends were the outline; across, an
    # outline's inner half covers the bar's outermost pixel on each side
    # (seen as an edge pixel between the bar and the outline proper).
    stops = np.append(starts[1:], len(pixels))
    y0, y1 = y0 + int(starts[low]), y0 + int(stops[high - 1])
    middle = view[(y0 + y1) // 2].astype(np.int16)
    if x0 >= 2 and np.any(middle[x0 - 1] != middle[x0 - 2]):
        x0 -= 1
    if x1 + 1 < view.shape[1] and np.any(middle[x1] != middle[x1 + 1]):
        x1 += 1
    exact = tolerance == 0
    if orientation == "vertical":
        return Colorbar((x0, y0, x1, y1), orientation, profile[::-1], exact)
    return Colorbar((y0, x0, y1, x1), orientation, profile, exact)

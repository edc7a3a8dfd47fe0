"""How much of a plot area a colorbar's colors explain.

A reading is only as good as the share of the plot it decodes. Three
questions are answered here, each from the plot's pixels:

* :func:`colour_share`: are the plot's colors the bar's? A bar beside
  another plot (of another map) is not this plot's, however near it is;
* :func:`undecoded_share`: how much of what looks like data (neither the
  background nor neutral ink: text, lines, grid) did not decode -- a plot
  drawn with ``alpha`` beside an opaque bar, colors a map does not have;
* :func:`extend_colors` / :func:`clamp_extended`: the colors of an extended
  bar's triangles (matplotlib's over/under colors) stand for values past
  the bar's ends: where the plot shows them, the value is the end's
  (below ``vmin`` / above ``vmax``), and the share is reported;
* :func:`past_box`: whether the data go on past a frameless plot area;
* :func:`max_error`: the error bound the decoding supports.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from truepix.color._identify._colorbar import Colorbar
from truepix.color._identify._extend import triangle_colors, triangle_ends

__all__ = [
    "background",
    "clamp_extended",
    "colour_share",
    "data_like",
    "extend_colors",
    "max_error",
    "nearest_distance",
    "past_box",
    "past_edges",
    "step_fractions",
    "triangle_ends",
    "undecoded_doubts",
    "undecoded_share",
]


def background(rgb: np.ndarray) -> np.ndarray:
    """The figure's background color: the median of its border pixels."""
    border = np.concatenate([rgb[0], rgb[-1], rgb[:, 0], rgb[:, -1]]).astype(np.int16)
    return np.median(border, axis=0)


def data_like(region: np.ndarray, paper: np.ndarray, *, exact: bool, keep_neutral: bool = False) -> np.ndarray:
    """Pixels that may be data: off the background, and (unless ``keep_neutral``) not neutral gray ink.

    Text, lines, spines and grid lines are drawn in neutral grays; a
    chromatic map's data are colored. A gray map's data are neutral:
    ``keep_neutral`` keeps them.

    Examples
    --------
    >>> region = np.array([[[255, 255, 255], [0, 0, 0], [30, 120, 200]]], np.uint8)
    >>> data_like(region, np.array([255, 255, 255]), exact=True).tolist()
    [[False, False, True]]
    """
    pixels = region.astype(np.int16)
    tolerance = 10 if exact else 30
    off_paper = np.abs(pixels - paper).max(axis=2) > tolerance
    if keep_neutral:
        return off_paper
    chroma = pixels.max(axis=2) - pixels.min(axis=2)
    return off_paper & (chroma > (16 if exact else 28))


def nearest_distance(pixels: np.ndarray, colors: np.ndarray) -> np.ndarray:
    """Chebyshev (max-channel) distance of each pixel to the nearest of ``colors``.

    Each distinct color is judged once, against all of ``colors`` in blocks
    (numpy: scipy.spatial's import alone costs over a second on a first call).
    """
    keys = pixels.reshape(-1, 3).astype(np.int32) @ np.array([1 << 16, 1 << 8, 1], dtype=np.int32)
    unique, inverse = np.unique(keys, return_inverse=True)
    distinct = np.stack([unique >> 16, (unique >> 8) & 255, unique & 255], axis=1).astype(np.int16)
    table = np.asarray(colors, dtype=np.int16)
    distance = np.empty(len(distinct), dtype=np.float64)
    chunk = max(1, 2**20 // max(1, len(table)))
    for first in range(0, len(distinct), chunk):
        block = distinct[first : first + chunk, None, :]
        distance[first : first + chunk] = np.abs(block - table).max(axis=2).min(axis=1)
    return distance[inverse.reshape(-1)]


def colour_share(region: np.ndarray, bar: Colorbar, paper: np.ndarray) -> float | None:
    """Share of the plot's data-like pixels whose color is one of the bar's (None: no data-like pixels).

    Examples
    --------
    >>> ramp = np.stack([np.arange(256), np.zeros(256), 255 - np.arange(256)], axis=1).astype(np.uint8)
    >>> bar = Colorbar((0, 0, 10, 256), "vertical", ramp)
    >>> plot = ramp[np.arange(0, 256, 4)][None].repeat(5, axis=0)
    >>> colour_share(plot, bar, np.array([255, 255, 255])), colour_share(255 - plot, bar, np.array([255, 255, 255]))
    (1.0, 0.0)
    """
    colors = bar.colors.astype(np.int16)
    neutral_bar = float(np.median(colors.max(axis=1) - colors.min(axis=1))) < 30
    small = region[::2, ::2]
    mask = data_like(small, paper, exact=bar.exact, keep_neutral=neutral_bar)
    if mask.sum() < 50:
        return None
    distance = nearest_distance(small[mask], bar.colors)
    return float(np.mean(distance <= (8 if bar.exact else 24)))


def undecoded_share(region: np.ndarray, fractions: np.ndarray, paper: np.ndarray, *, exact: bool) -> float:
    """Share of the plot area that looks like data (colored, off the background) but did not decode.

    Examples
    --------
    >>> region = np.zeros((2, 2, 3), np.uint8); region[:] = (200, 40, 40)
    >>> undecoded_share(region, np.array([[0.5, np.nan], [0.5, 0.5]]), np.array([255, 255, 255]), exact=True)
    0.25
    """
    if region.size == 0:
        return 0.0
    lost = np.isnan(fractions) & data_like(region, paper, exact=exact)
    return float(lost.mean())


def undecoded_doubts(doubts: list[tuple[str, float]], share: float, *, cells: bool = False) -> list[tuple[str, float]]:
    """``doubts`` with the one on undecoded data (:func:`undecoded_share`) stated for ``share``: none up to 2%.

    A grid reading states it for its ``cells``: text or lines over the
    cells lose pixels, not values.

    Examples
    --------
    >>> undecoded_doubts([], 0.1)
    [('10% of the plot area looks like data but matches no color of the map: NaN there', 0.8)]
    >>> undecoded_doubts(undecoded_doubts([], 0.1), 0.0, cells=True)
    []
    """
    kept = [doubt for doubt in doubts if _UNDECODED not in doubt[0]]
    if share <= 0.02:
        return kept
    # colored pixels the map does not explain: a plot drawn with alpha, colors past the bar's ends
    what = f"the data in {100 * share:.0f}% of the cells" if cells else f"{100 * share:.0f}% of the plot area looks like data but"
    return [*kept, (f"{what} matches {_UNDECODED}: NaN there", max(0.0, 1.0 - 2.0 * share))]


_UNDECODED = "no color of the map"


def extend_colors(rgb: np.ndarray, bar: Colorbar) -> list[np.ndarray | None]:
    """The colors of the bar's extend triangles (low end, high end), None where there is none.

    A triangle begins where the bar's box ends: rows as wide as the bar,
    narrowing, one color over the middle of the bar (matplotlib's under and
    over colors). Past an end without one come the outline (dark) or the
    background.
    """
    from truepix.figures._checks import rows_beyond

    paper = background(rgb)
    tolerance = 6 if bar.exact else 40  # JPEG rings across a dark triangle by ~30 DN
    out: list[np.ndarray | None] = []
    for rows, shaped in zip(rows_beyond(rgb, bar), triangle_colors(rgb, bar), strict=True):
        if shaped is not None:  # a triangle by its shape: any color, black or the paper's too
            out.append(shaped)
            continue
        inner = [row[len(row) // 4 : max(len(row) // 4 + 1, len(row) - len(row) // 4)] for row in rows[:6]]
        colours = []
        for row in inner:
            if row.size == 0 or int((row.max(axis=0) - row.min(axis=0)).max()) > tolerance:
                break
            colour = np.median(row, axis=0)
            if float(np.abs(colour - paper).max()) <= 30 or float(colour.max()) < 60:
                break  # the background, or the outline
            colours.append(colour)
        if len(colours) < 2:
            out.append(None)
            continue
        out.append(np.median(np.array(colours), axis=0))
    return out


def clamp_extended(
    region: np.ndarray, fractions: np.ndarray, bar: Colorbar, triangles: list[np.ndarray | None]
) -> tuple[np.ndarray, float, float]:
    """Fractions with the over/under colors' pixels at the bar's ends (0 / 1), and the share of each.

    Only pixels left undecoded are touched, and only by a triangle color the
    bar's own colors do not already hold (else the decoding has placed it).

    Examples
    --------
    >>> ramp = np.stack([np.arange(10, 250), np.zeros(240), np.zeros(240)], axis=1).astype(np.uint8)
    >>> bar = Colorbar((0, 0, 10, 240), "vertical", ramp)
    >>> region = np.zeros((1, 3, 3), np.uint8); region[0, 0] = (0, 0, 200); region[0, 1] = (100, 0, 0)
    >>> f, low, high = clamp_extended(region, np.array([[np.nan, 0.4, np.nan]]), bar, [np.array([0, 0, 200]), None])
    >>> f.tolist(), round(low, 3), high
    ([[0.0, 0.4, nan]], 0.333, 0.0)
    """
    tolerance = 4 if bar.exact else 20
    out = fractions.copy()
    shares = []
    undecoded = np.isnan(fractions)
    for colour, end in zip(triangles, (0.0, 1.0), strict=True):
        if colour is None or not undecoded.any():
            shares.append(0.0)
            continue
        on_bar = float(nearest_distance(np.rint(colour)[None].astype(np.uint8), bar.colors)[0])
        if on_bar <= tolerance:
            shares.append(0.0)
            continue
        near = undecoded & (np.abs(region.astype(np.int16) - colour).max(axis=2) <= tolerance)
        out[near] = end
        shares.append(float(near.mean()))
    return out, shares[0], shares[1]


BLEND_RESIDUAL = 4.0
"""Largest distance (DN, max over channels) of a blend of two steps from their segment."""
BLEND_SHARE = 0.2
"""Least share of the farther step in a color answered as a blend of two steps."""


def step_fractions(
    region: np.ndarray, bar: Colorbar, triangles: list[np.ndarray | None] | None = None
) -> np.ndarray:
    """Each pixel's step of a stepped bar, as the fraction at the step's middle (NaN: no step's color).

    ``triangles``: the colors of its extend triangles (:func:`extend_colors`);
    a pixel nearer one of them than any step is a value past that end: 0 (low)
    or 1 (high). Under JPEG a map's end color (the under color) lies within
    the noise allowed of the first step's, so only the nearer one may claim it.

    Examples
    --------
    >>> steps = np.array([[60, 90, 160], [110, 170, 210], [180, 220, 235]], np.uint8)
    >>> bar = Colorbar((0, 0, 10, 90), "vertical", steps, exact=False, boundaries=np.linspace(0, 1, 4))
    >>> region = np.array([[[62, 92, 161], [48, 55, 150], [181, 219, 236]]], np.uint8)
    >>> step_fractions(region, bar).round(3).tolist()
    [[0.167, 0.167, 0.833]]
    >>> step_fractions(region, bar, [np.array([49, 54, 149]), None]).round(3).tolist()
    [[0.167, 0.0, 0.833]]
    """
    if bar.boundaries is None:
        msg = "expected a stepped bar (with boundaries), got a continuous one"
        raise ValueError(msg)
    colors = bar.colors.astype(np.int16)
    middles = (bar.boundaries[:-1] + bar.boundaries[1:]) / 2.0
    for colour, end in zip(triangles or (), (0.0, 1.0), strict=False):
        # a triangle showing one of the steps' own colors (a map of few colors) adds nothing
        if colour is not None and np.abs(colors - colour).max(axis=1).min() > (4 if bar.exact else 20):
            colors = np.vstack([colors, np.rint(colour).astype(np.int16)[None]])
            middles = np.append(middles, end)
    # distances for each distinct color of the picture, not each pixel
    keys = region.astype(np.int32) @ np.array([1 << 16, 1 << 8, 1], dtype=np.int32)
    unique, inverse = np.unique(keys.ravel(), return_inverse=True)
    pixels = np.stack([unique >> 16, (unique >> 8) & 255, unique & 255], axis=1).astype(np.int16)
    distance = np.abs(pixels[:, None, :] - colors[None]).max(axis=2)
    nearest = distance.argmin(axis=1)
    limit = 3 if bar.exact else 40
    fractions = middles[nearest]
    fractions[distance[np.arange(len(unique)), nearest] > limit] = np.nan
    steps, gaps = len(bar.colors), distance[np.arange(len(unique)), nearest]
    blends = _step_blends(pixels, colors[:steps], middles[:steps], gaps)
    fractions = np.where(np.isnan(blends), fractions, blends)
    lost = np.flatnonzero(np.isnan(fractions))
    if len(lost):  # a step's color partly covered by a dark line's antialiased edge (the frame's)
        fractions[lost] = _shaded_steps(pixels[lost], colors, middles, limit)
    return fractions[inverse].reshape(region.shape[:2])


def _step_blends(
    pixels: np.ndarray, colors: np.ndarray, middles: np.ndarray, nearest: np.ndarray
) -> np.ndarray:
    """Each color's place between two neighbouring steps where it is their blend, else NaN.

    A figure resampled after drawing (a HiDPI figure shown at half size, a
    JPEG's chroma spread over 2x2 pixels) paints the pixels along a step's
    edge in blends of the two steps; snapped to the nearer step they are
    half a step off (trial 52: a contourf at dpi 200 shown at 0.5x, 5.4x the
    error of a nearest-color lookup, confidence 1.0). A color within
    ``BLEND_RESIDUAL`` DN (max over channels) of the segment between two
    neighbouring steps, at least a fifth of the way along it and half as
    far from it as from the nearest step, is answered at its place between
    the steps' middles; the steps' own colors (with their noise) keep
    their middles.
    """
    found = np.full(len(pixels), np.nan)
    if len(colors) < 2:
        return found
    wide = pixels.astype(np.float64)
    low, high = colors[:-1].astype(np.float64), colors[1:].astype(np.float64)
    span = high - low  # (steps - 1, 3)
    length = np.maximum((span * span).sum(axis=1), 1.0)
    share = ((wide[:, None, :] - low[None]) * span[None]).sum(axis=2) / length  # (colors, pairs)
    share = np.clip(share, 0.0, 1.0)
    residual = np.abs(wide[:, None, :] - low[None] - share[..., None] * span[None]).max(axis=2)
    inside = (share >= BLEND_SHARE) & (share <= 1.0 - BLEND_SHARE)
    residual[~inside | (residual > BLEND_RESIDUAL) | (2.0 * residual >= nearest[:, None])] = np.inf
    best = residual.argmin(axis=1)
    take = np.isfinite(residual.min(axis=1))
    row = np.arange(len(pixels))
    place = middles[:-1][best] + share[row, best] * (middles[1:][best] - middles[:-1][best])
    found[take] = place[take]
    return found


def _shaded_steps(
    pixels: np.ndarray, colors: np.ndarray, middles: np.ndarray, limit: float
) -> np.ndarray:
    """The step of each pixel that is a step's color with at most a quarter of black, else NaN.

    Agg draws the frame (a black spine) over a contourf's fill: the fill's
    pixels beside it are the step's color with up to a quarter of black
    (trial 50: xarray's ``contourf(levels=10)`` PNG, 1.56 % of its plot
    holes at confidence 1.0, every one on the frame's rows).
    """
    wide, steps = pixels.astype(np.float64), colors.astype(np.float64)
    share = wide @ steps.T / np.maximum((steps * steps).sum(axis=1), 1.0)  # each step's share
    residual = np.abs(wide[:, None, :] - share[..., None] * steps[None]).max(axis=2)
    residual[(share < 0.75) | (share > 1.0) | (residual > limit)] = np.inf
    best = residual.argmin(axis=1)
    return np.where(np.isfinite(residual.min(axis=1)), middles[best], np.nan)


def past_edges(rgb: np.ndarray, interior: tuple[int, int, int, int], decode: Any, depth: int = 3) -> list[float]:
    """Share of the pixels in a strip just outside each side (top, bottom, left, right) that decode.

    A plot area found from the colored region's extent (no frame) may stop a
    few pixels short of the data (edges blended with the background in a
    resampled picture): the data then go on past it, and the cells at that
    side are cut.

    Examples
    --------
    >>> rgb = np.full((20, 20, 3), 255, np.uint8); rgb[2:18, 2:15] = 100
    >>> shares = past_edges(rgb, (5, 15, 5, 15), lambda r: np.where(r[..., 0] == 100, 0.5, np.nan))
    >>> [round(s, 2) for s in shares]
    [1.0, 1.0, 1.0, 0.0]
    """
    r0, r1, c0, c1 = interior
    height, width = rgb.shape[:2]
    strips = [
        rgb[max(0, r0 - depth) : r0, c0:c1],
        rgb[r1 : min(height, r1 + depth), c0:c1],
        rgb[r0:r1, max(0, c0 - depth) : c0],
        rgb[r0:r1, c1 : min(width, c1 + depth)],
    ]
    paper = background(rgb)
    # the background is no data, even where a map holds its color (RdBu's middle is near white)
    return [
        float((np.isfinite(decode(strip)) & data_like(strip, paper, exact=False, keep_neutral=True)).mean())
        if strip.size
        else 0.0
        for strip in strips
    ]


def past_box(
    rgb: np.ndarray, interior: tuple[int, int, int, int], bar: Colorbar | None, entry: Any, given: dict[str, Any]
) -> list[tuple[str, float]]:
    """A doubt when the data go on past a side of a plot area found without a frame."""
    from truepix.color._decolorize._api import Decolorizer

    if bar is not None and bar.boundaries is not None and not given.get("cmap"):
        shares = past_edges(rgb, interior, lambda strip: step_fractions(strip, bar))
    else:
        decoder = Decolorizer(entry, vmin=0.0, vmax=1.0)
        shares = past_edges(rgb, interior, lambda strip: decoder._run(strip, detailed=False).values)
    sides = [side for side, share in zip(("top", "bottom", "left", "right"), shares, strict=True) if share >= 0.5]
    if not sides:
        return []
    return [(f"the plot's colors go on past its {' and '.join(sides)} edge: cells or coordinates may be cut short", 0.5)]


def max_error(values_of: Any, n_colors: int, length: float | None, residual: float) -> float:
    """The error the decoding supports, in value units, where it is widest.

    One colormap bin (a pixel lands in its bin or, painted with rounded
    rather than truncated bytes, the next one) plus the range's own
    uncertainty: the bar's ends (``length`` pixels apart; None: no bar) are
    located to within a pixel (or the tick fit's ``residual``, if larger),
    which moves values by that pixel's worth where the scale used is
    steepest (a log bar's high end). The scale used is ``values_of``, so a
    range given by a calibration sets the bound, not the labels read. A
    stepped bar's bin is its widest step.
    """
    fractions = np.linspace(0.0, 1.0, max(1, n_colors) + 1)
    error = float(np.max(np.abs(np.diff(values_of.value(fractions)))))
    if length:
        along = np.linspace(0.0, 1.0, 257)
        per_pixel = float(np.max(np.abs(np.diff(values_of.value(along))))) * 256.0 / float(length)
        error += max(1.0, residual) * per_pixel
    return error


_ALPHAS = np.round(np.arange(0.2, 0.951, 0.05), 2)  # opacities tried; above: opaque enough to decode as is


def plot_alpha(region: np.ndarray, entry: Any, paper: np.ndarray, *, exact: bool) -> float | None:
    """The opacity the plot was drawn with over the background, when its colors are the map's blended (None: opaque).

    ``imshow(..., alpha=a)`` beside an opaque colorbar paints ``a * map + (1 - a) * paper``:
    no plot color is the bar's, while every one is a blended map color. The
    alpha that explains most of the plot's data-like pixels is taken, when
    it explains nearly all of them and the opaque map does not.

    Examples
    --------
    >>> from truepix.color._catalog import get
    >>> lut = get("viridis").lut_bytes[:, :3].astype(float)
    >>> region = np.rint(0.6 * lut + 0.4 * 255)[None].astype(np.uint8)
    >>> plot_alpha(region, get("viridis"), np.array([255.0, 255.0, 255.0]), exact=True)
    0.6
    """
    mask = data_like(region, paper, exact=exact, keep_neutral=True)
    pixels = region[mask][:: max(1, int(mask.sum()) // 4000)]
    if len(pixels) < 50:
        return None
    lut = entry.lut_bytes[:, :3].astype(np.float64)
    tolerance = 3 if exact else 20

    def distances(alpha: float) -> np.ndarray:
        return nearest_distance(pixels, np.clip(np.rint(alpha * lut + (1.0 - alpha) * paper), 0, 255))

    opaque = float(np.mean(distances(1.0) <= tolerance))
    shares = [float(np.mean(distances(float(a)) <= tolerance)) for a in _ALPHAS]
    best = float(_ALPHAS[int(np.argmax(shares))])
    if max(shares) < 0.9 or max(shares) < opaque + 0.3:
        return None
    # the nearest blended colors' mean distance, least at the alpha drawn (the share plateaus)
    fine = np.round(np.arange(best - 0.05, best + 0.0501, 0.005), 3)
    misfit = [float(np.minimum(distances(float(a)), 3 * tolerance).mean()) for a in fine]
    return float(fine[int(np.argmin(misfit))])


def blended_entry(entry: Any, alpha: float, paper: np.ndarray) -> Any:
    """The map as the plot shows it: blended over the background at ``alpha`` (rounded, as Agg composites)."""
    from truepix.color._catalog import ColormapEntry

    blended = np.clip(np.rint(alpha * entry.lut_bytes[:, :3].astype(np.float64) + (1.0 - alpha) * paper), 0, 255)
    rgb = np.minimum((blended + 0.5) / 255.0, 1.0)
    rgba = np.concatenate([rgb, np.ones((len(rgb), 1))], axis=1)
    return ColormapEntry(f"{entry.name} (alpha {alpha:.2f})", rgba, "array")


def decoding_bins(entry: Any) -> int:
    """How many bins of the map its decoding tells apart: its colors, or fewer for a map blended with alpha.

    A blend keeps ``alpha`` of each step between two colors: neighbours a DN
    apart merge, and a pixel (rounded once by Agg, once here) may land on
    any bin whose blended color lies within a DN of its own.

    Examples
    --------
    >>> from truepix.color._catalog import get
    >>> decoding_bins(get("viridis")), decoding_bins(blended_entry(get("viridis"), 0.5, np.full(3, 255.0))) < 128
    (256, True)
    """
    if "(alpha " not in entry.name:
        # a table of the bar's colors repeats one where the bar shows it over several pixels (a gray
        # copy of a color bar): a pixel of that color may stand anywhere in that run
        colors = entry.lut_bytes[:, :3]
        change = np.flatnonzero(np.any(colors[1:] != colors[:-1], axis=1))
        longest = int(np.diff(np.concatenate([[-1], change, [len(colors) - 1]])).max())
        return max(1, int(entry.n_colors) // longest) if entry.source == "array" else int(entry.n_colors)
    colors = entry.lut_bytes[:, :3].astype(np.int16)
    near = np.abs(colors[:, None, :] - colors[None, :, :]).max(axis=2) <= 1
    index = np.arange(len(colors))
    reach = int(np.max(np.abs(index[:, None] - index[None, :]) * near))
    return max(1, len(colors) // (1 + reach))

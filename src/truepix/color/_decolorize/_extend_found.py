"""Extend colors a plain name lacks: large flat regions of one off-map color beside the
field's highest or lowest values.

A picture drawn with ``cm.with_extremes(under=..., over=...)`` (or a figure whose
colorbar has ``extend`` triangles) decoded with the plain name holds colors that are
not the map's. :func:`found_extends` finds them -- on a grid of the picture, the
regions of one color off the map (in JPEG's metric too), flat (no strokes, lines or
text), no label's box nor a figure's margins or paper, whose rims hold the field's
values at one end of the map and hardly any at the other --
so that the decode fills the field's blends with them as with the Colormap's own
(``_extremes.censored``) and the warning says how to pass them (:func:`extend_advice`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from truepix.color._decolorize._extremes import _grown
from truepix.color._decolorize._fills import _flood

__all__ = ["extend_advice", "filled", "found_extends"]

#: Pixels a picture needs before its regions say anything (``_result``'s judged size).
JUDGED = 1024

#: Pixels (evenly spaced) whose colors are tallied to find an extend color's regions;
#: each region must cover REGION_SHARE of the picture's pixels, and REGION_PIXELS at
#: least, to be one.
ADVICE_SAMPLE, REGION_SHARE, REGION_PIXELS = 4096, 0.005, 256
#: The tally's most common colors looked at (JPEG's 4:2:0 spreads a red region's over
#: 211-255 DN: several of them, behind the field's own).
CANDIDATES = 12
#: Colors within this (DN, per channel) count as one in that tally (JPEG's ripples
#: on a flat region), and within EXTEND_TOLERANCE (RGB distance) as the region's.
BUCKET, EXTEND_TOLERANCE = 8, 12.0
#: Distance (DN) from a region's median color to the nearest table color past which
#: it is no map color: JPEG moves a flat region's color by up to 6-8 DN (4:2:0 chroma
#: of jet's dark blue: #06007e), and a 256-entry map's colors lie within 2 DN of
#: their neighbours' polyline. JPEG's adaptive threshold decodes such colors (jet's
#: with a cyan under color, 24 DN off it, q95: 33 % of the picture) to wrong numbers
#: where an exact picture leaves them NaN. Also the most a rim pixel may lie off a
#: blend of the region's color with a table color to be read as one
#: (:func:`_nearest_values`). On JPEG the color must lie OFF_LUMA off in its
#: luma-weighted metric too: 4:2:0 takes jet's #000080 to #000071, 14 DN off in RGB,
#: 5.0 in the metric (a JPEG'd jet photograph's dark blue, taken for an under color
#: before), where a cyan under color lies 9.3-9.8 off jet's cyans.
OFF_MAP, OFF_LUMA = 12.0, 7.0
#: Share of a region's pixels whose four neighbours all belong to it, past which it
#: is flat (an area) and not strokes, text or lines.
FLAT = 0.5
#: Position along the map (from either end) within which RIM_END of the values on each
#: of a region's first RINGS rims (grid steps out) must lie, and at most RIM_OTHER of
#: them past the other end's: the field beside an over region runs up to vmax (trial
#: 51's NDVI beside its navy under region: 74-95 % within 0.2 of vmin, at most 7 % past
#: 0.8, PNG and JPEG). Each rim holds RIM_FIELD of its pixels valued (read as the
#: table color they blend with where NaN: :func:`_nearest_values`), no paper, text,
#: spines or another map's colors. Pixels NEAR DN of the region's color are left out
#: (a JPEG'd cyan decodes as jet's blue-green).
END, RINGS, NEAR = 0.2, 2, 30.0
RIM_END, RIM_OTHER, RIM_FIELD = 0.6, 0.25, 0.35
#: Share of the way from the field's own share at that end to all of it that the rim's
#: must reach, and RIM_MARGIN past the field's at least (:func:`_beyond`; the extend
#: tests' rims: 0.61 of the way and 0.41 past, at least).
RIM_BEYOND, RIM_MARGIN = 0.4, 0.1
#: Share of a picture's other colors (not the extend colors, nor a figure's light
#: gray background: LIGHT, NEUTRAL as ``truepix._shares``) that must lie within OFF_MAP
#: of the map's table, or of a blend of an extend color with the BLENDED of the table
#: at its end: wrong maps' pictures (JPEG'd jet decoded as viridis) hold flat regions
#: off the map beside their ends too. A light gray region is a figure's paper where it
#: touches the picture's border (an axes-filling image beside its colorbar: the paper
#: around the colorbar held magma's lowest values on its rim).
FITS, LIGHT, NEUTRAL, BLENDED = 0.8, 200.0, 24.0, 0.3
#: Share of its bounding box a label's box fills, and of the picture's border a
#: figure's margins hold (tick labels in the bottom one: 84 % of a row), neither an
#: extend color.
BOXED, FRAME = 0.97, 0.75
#: Pixels of the grid (every stride-th pixel of a frame) the regions are found on,
#: about: a 1 MP picture's every 8th (a JPEG'd photograph's off-map buckets cost 16 ms
#: at full size, 1.9 ms every 4th).
GRID_PIXELS = 16384
#: Pixels deep inside a region (grid steps, at least one) where FLAT of it, or a
#: region's least size, must lie: white strokes over magma (contours 2-3 px wide)
#: make none; trial 50's NDVI under navy (rough, patchy: 41 % deep) makes 7776 px.
DEPTH = 2


def filled(decoder: Any, result: Any, pixels: np.ndarray, scale: float, detailed: bool) -> Any:
    """``result`` (a ``DecolorizeResult`` of ``pixels``, decoded with a map that has no
    extend colors) with the field's blends with the extend colors it holds
    (:func:`found_extends`) filled as the Colormap's own would be
    (``_extremes.censored``), their own pixels left NaN, and ``extends`` the advice
    ("" when it holds none). By name, JPEG's ringing and 4:2:0 chroma around such a
    region were judged a stroke's: trial 51's NDVI under navy (RdYlGn), q75, 11.7 %
    of the in-range pixels NaN, 7.8x the k-d tree's error; on PNG, resampling's blends
    3.0 %."""
    values = result.values
    if result.n_nan == 0 or values.ndim < 2 or values.size < JUDGED:
        return result  # (pixel rows: no regions)
    found = found_extends(decoder, values, pixels, jpeg=bool(result.jpeg))
    if found is None:
        return replace(result, extends="")
    from truepix.color._decolorize._extremes import censored

    result = censored(decoder, result, pixels, scale, detailed, colors=found[0])
    return replace(result, extends=found[1])


def extend_advice(
    decoder: Any, values: np.ndarray, image: Any, *, jpeg: bool = False
) -> str | None:
    """What to pass when a picture decoded with a map that has no extend colors holds
    them (:func:`found_extends`): the map's over and under colors,
    ``imsave(..., cmap=cm.with_extremes(over=..., under=...))``. None otherwise.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from truepix import Decolorizer
    >>> y, x = np.mgrid[0:64, 0:64]
    >>> x = 1.3 - np.hypot(x - 32, y - 32) / 32  # a hill: past 1 on its top
    >>> cm = plt.get_cmap("viridis").with_extremes(over="magenta")
    >>> values = Decolorizer("viridis", vmin=0, vmax=1)._run(cm(x, bytes=True), detailed=False)
    >>> extend_advice(Decolorizer("viridis", vmin=0, vmax=1), values.values, cm(x, bytes=True))
    "flat regions of #ff00ff beside the field's highest values look like the map's extend \
colors (data above vmax), which the plain name lacks; pass \
cmap=plt.get_cmap('viridis').with_extremes(over='#ff00ff') to decode them as the limits they pass"
    """
    found = found_extends(decoder, values, image, jpeg=jpeg)
    return None if found is None else found[1]


def found_extends(
    decoder: Any, values: np.ndarray, image: Any, *, jpeg: bool = False
) -> tuple[list[np.ndarray | None], str] | None:
    """The (under, over) extend colors (RGB, 8-bit DN; None for an end without one)
    that a picture decoded with a map without them holds, and the advice that names
    them; None when it holds none, and for maps of few colors (a BoundaryNorm's
    painted ones) and cyclic maps.

    An extend color makes large flat regions (REGION_SHARE of the picture, FLAT) of
    one color off the map (OFF_MAP) beside the field's highest or lowest values (END
    of the map's range; :func:`_region_end`) and whose other colors are the map's or
    its blends with the map's end (:func:`_map_fits`; in JPEG's luma-weighted metric
    when ``jpeg``). Such regions come back NaN, or (JPEG's adaptive threshold) as
    wrong map values. Not extend colors: a figure's paper beside a colorbar, a second
    panel of another map, a wrong map's colors, a JPEG'd color of the map's own.
    """
    if decoder._map.n_colors < 64 or decoder._norm.boundary or decoder.cyclic:
        return None  # few colors make flat regions of themselves; a cyclic map has no ends
    pixels = np.asarray(np.ma.getdata(image))
    if pixels.ndim != values.ndim + 1 or pixels.shape[-1] < 3 or values.ndim < 2:
        return None
    scale = (1.0 if pixels.dtype.kind == "f" else np.iinfo(pixels.dtype).max) / 255
    flat = pixels.reshape(-1, pixels.shape[-1])
    # regions are looked for on a grid of every stride-th pixel (GRID_PIXELS a frame)
    stride = max(1, int(np.sqrt(values.shape[-1] * values.shape[-2] / GRID_PIXELS)))
    grid = (Ellipsis, slice(None, None, stride), slice(None, None, stride))
    on_grid: list[np.ndarray] = []  # (made for the first candidate region)
    least = max(REGION_PIXELS, REGION_SHARE * values.size)
    sample = np.arange(0, len(flat), -(-len(flat) // ADVICE_SAMPLE))
    if pixels.shape[-1] == 4:
        sample = sample[flat[sample, 3] > 0]  # transparent: no data, no color
    colors = flat[sample, :3].astype(np.float64) / scale
    buckets = np.rint(colors / BUCKET).astype(np.int64) @ np.array([1 << 16, 1 << 8, 1])
    keys, counts = np.unique(buckets, return_counts=True)  # (a bucket's pixels: when asked)
    # the CANDIDATES largest buckets, and those tied with the last of them: coolwarm's
    # rough JPEG'd field fills 11 of the places and a lime under region's bucket tied
    # 12th, kept or not as numpy's sort broke the tie. (Every off-table bucket of the
    # least size instead took JPEG'd blends along coolwarm's and viridis's cells for
    # extend regions: test_a_figure_without_a_patch_keeps_its_data.)
    ranked = np.sort(counts)[::-1]
    tied = ranked[min(CANDIDATES, len(ranked)) - 1] if len(ranked) else 0
    top = np.flatnonzero((counts >= tied) & (counts * len(flat) / max(len(sample), 1) >= least))
    top = top[np.argsort(counts[top], kind="stable")[::-1]]
    table = np.concatenate([decoder._map.lut_bytes[:, :3], decoder._rounded]).astype(float)
    # (a bucket whose middle lies within OFF_MAP less its half-diagonal of the table holds
    # no color OFF_MAP off it: the common case, a large region of the field's own colors)
    middles = BUCKET * np.stack([keys[top] >> 16, (keys[top] >> 8) & 255, keys[top] & 255], 1)
    gaps = (middles**2).sum(1)[:, None] - 2.0 * middles @ table.T + (table**2).sum(1)[None]
    top = top[np.sqrt(np.maximum(gaps.min(axis=1), 0)) >= OFF_MAP - BUCKET * 0.87]
    ends: dict[str, str] = {}
    found: dict[str, np.ndarray] = {}
    matrix = None
    if jpeg:  # (4:2:0 moves chroma 12+ DN: a rough field's off the table, a lime speck's)
        from truepix.color._decolorize._palette import luma_metric
        from truepix.color._decolorize._plan import JPEG_CHROMA_WEIGHT

        matrix = luma_metric(JPEG_CHROMA_WEIGHT)
    limits = np.asarray(decoder._norm(np.array([END, 1.0 - END])), dtype=np.float64)
    for bucket in top:
        color = np.median(colors[buckets == keys[bucket]], axis=0)
        if np.sqrt(((table - color) ** 2).sum(axis=1)).min() < OFF_MAP:
            continue  # a plateau of the field itself
        if matrix is not None and np.sqrt(
            (((table - color) @ matrix.T) ** 2).sum(axis=1)
        ).min() < OFF_LUMA:  # fmt: skip
            continue  # (JPEG'd: a color the table holds, its chroma moved: jet's #000071)
        if not on_grid:
            on_grid += [values[grid], np.ascontiguousarray(pixels[(*grid, slice(None))])]
        end = _region_end(*on_grid, scale, color, limits, least, stride, decoder, fit=matrix)
        if end is None and matrix is not None:  # (JPEG'd: matched in its metric too)
            end = _region_end(
                *on_grid, scale, color, limits, least, stride, decoder, matrix, fit=matrix
            )
        if end is not None and end not in ends:
            ends[end] = "#{:02x}{:02x}{:02x}".format(*np.rint(color).astype(int))
            found[end] = color
    if not ends or not _map_fits(colors, table, found, matrix, decoder._map.n_colors):
        return None
    order = [end for end in ("over", "under") if end in ends]
    beside = " and ".join(
        f"{ends[end]} beside {'the field' + chr(39) + 's' if n == 0 else 'its'}"
        f" {'highest' if end == 'over' else 'lowest'} values" for n, end in enumerate(order)
    )  # fmt: skip
    past = " / ".join("above vmax" if end == "over" else "below vmin" for end in order)
    given = ", ".join(f"{end}={ends[end]!r}" for end in order)
    name = decoder.cmap
    made = f"plt.get_cmap({name!r})" if decoder._map.source == "matplotlib" else (
        f"cmap.Colormap({name!r}).to_mpl()")  # fmt: skip
    advice = (
        f"flat regions of {beside} look like the map's extend colors (data {past}),"
        f" which the plain name lacks; pass cmap={made}.with_extremes({given}) to decode"
        " them as the limits they pass"
    )
    return [found.get("under"), found.get("over")], advice


def _map_fits(
    colors: np.ndarray, table: np.ndarray, extends: dict[str, np.ndarray],
    matrix: np.ndarray | None, count: int,
) -> bool:  # fmt: skip
    """Whether the picture's sampled ``colors`` (8-bit DN) are the map's, but for the
    ``extends`` colors (by end: "under", "over"), their blends with the map's colors
    at that end (BLENDED of the table: a JPEG'd or resampled region's rim; JPEG q90's
    4:2:0 left 28 % of trial 51's NDVI sample 12+ DN off the table beside its navy
    specks) and a figure's light gray background: FITS of the rest within OFF_MAP of
    a ``table`` color (its first ``count`` rows the map's, in order) or of a segment from an
    extend color to one at its end. A wrong map leaves flat regions off it too (jet's
    orange as viridis, beside its highest values), and its colors are no blends of
    the end's (a dithered picture of another map as jet, in JPEG's metric: 97 % of it
    blends of a teal with any of jet's colors, 15 % with those at its low end).
    Distances in ``matrix``'s metric (RGB when None): JPEG's luma-weighted one keeps
    a JPEG'd rough field's chroma smear (trial 51's NDVI q75: 63 % of the sample
    within OFF_MAP in RGB) in."""
    light = (colors.min(axis=1) >= LIGHT) & (np.ptp(colors, axis=1) <= NEUTRAL)
    for color in extends.values():
        light |= ((colors - color) ** 2).sum(axis=1) <= (2 * EXTEND_TOLERANCE) ** 2
    rest = colors[~light]
    if len(rest) == 0:
        return True
    metric = np.eye(3) if matrix is None else np.asarray(matrix, np.float64)
    rest, table = rest @ metric.T, table @ metric.T
    gaps = (rest**2).sum(1)[:, None] - 2.0 * rest @ table.T + (table**2).sum(1)[None, :]
    near = gaps.min(axis=1) <= OFF_MAP**2
    span = max(1, int(BLENDED * count))
    for end, color in extends.items():  # (the blends: off each segment color -> end entry)
        todo = np.flatnonzero(~near)
        ends = table[:span] if end == "under" else table[count - span : count]
        color = color @ metric.T
        reach, point = ends - color, rest[todo] - color  # (T, 3), (P, 3)
        along = np.clip(point @ reach.T / np.maximum((reach**2).sum(1), 1e-9), 0.0, 1.0)
        off = (point**2).sum(1)[:, None] - 2 * along * (point @ reach.T)
        off += along**2 * (reach**2).sum(1)[None]
        near[todo] = off.min(axis=1) <= OFF_MAP**2
    return bool(np.mean(near) >= FITS)


def _region_end(
    values: np.ndarray, pixels: np.ndarray, scale: float, color: np.ndarray, limits: np.ndarray,
    least: float, stride: int, decoder: Any, matrix: np.ndarray | None = None,
    fit: np.ndarray | None = None,
) -> str | None:  # fmt: skip
    """"over" or "under" when the pixels of ``color`` (on a grid of every ``stride``-th
    pixel of the picture: ``values``, ``pixels``) make a flat region -- whose pixels
    DEPTH deep inside it hold FLAT of it, so no strokes, lines or text -- whose rims
    (the rings 1 to RINGS grid steps out) hold RIM_FIELD valued, RIM_END of them past
    one of ``limits`` (the values at positions END and 1 - END along the map) in one
    rim -- and RIM_BEYOND of the way from the field's own share past it to all
    (:func:`_beyond`) -- and at most RIM_OTHER past the other in every rim, and which is no box (a
    label's) nor a figure's margins (the part of it that holds the picture's border
    and all that touches that part: a figure's margins, whatever the axes hold; any
    of it for a light gray region: paper).
    Where ``values`` are NaN on the rim, the field beside the region is read as the
    table color it blends with (``decoder``'s; :func:`_nearest_values`): JPEG leaves
    a region's rim (its ringing, 4:2:0 chroma) NaN 6 px deep and more (trial 51's NDVI
    under navy, q75: 18 of the first ring's 381 grid pixels known). Distances to
    ``color`` in ``matrix``'s metric (RGB when None): JPEG's luma-weighted one, where
    4:2:0 moves a lime region's chroma past EXTEND_TOLERANCE beside coolwarm's blues
    (39 of its 253 grid pixels deep inside it in RGB); the rim's blends in ``fit``'s
    (RGB when None)."""
    flat = pixels.reshape(-1, pixels.shape[-1])
    target = (color * scale).astype(np.float32)
    distance = np.zeros(len(flat), np.float32)
    for channel in range(3):
        distance += (flat[:, channel].astype(np.float32) - target[channel]) ** 2
    matched = distance
    if matrix is not None:  # (the region's match only: the rim's field is told apart in RGB)
        weights = np.asarray(matrix, np.float32).T
        matched = (((flat[:, :3].astype(np.float32) - target) @ weights) ** 2).sum(axis=1)
    region = (matched <= np.float32((EXTEND_TOLERANCE * scale) ** 2)).reshape(values.shape)
    depth = max(1, -(-DEPTH // stride))
    # (grid pixels deep in it that make a region, whatever its share; not a figure's paper)
    paper = color.min() >= LIGHT and np.ptp(color) <= NEUTRAL
    inside = np.inf if paper else least / stride**2
    if np.count_nonzero(region) * stride**2 < least or not _deep(region, depth, inside):
        return None  # (JPEG's off-map colors on a photograph: scattered, no region)
    region = _unframed(region, paper)
    if np.count_nonzero(region) * stride**2 < least or _boxed(region):
        return None
    if not _deep(region, depth, inside):
        return None
    far = distance.reshape(values.shape) > np.float32((NEAR * scale) ** 2)
    grown, shares = region, []
    for _ in range(RINGS):
        reached = _grown(grown)
        ring = reached & ~grown & far
        rim = values[ring]
        holes = np.isnan(rim)
        if holes.any():
            blends = flat[np.flatnonzero(ring)[holes]]
            rim[holes] = _nearest_values(decoder, blends, scale, color, fit)
        grown = reached
        known = rim[np.isfinite(rim)]
        if rim.size < 16 or known.size < max(1.0, RIM_FIELD * rim.size):
            return None  # (a rim of paper, text, spines or another map: no field's)
        shares.append((np.mean(known <= limits[0]), np.mean(known >= limits[1])))
    low, high = np.array(shares).T
    # the field's own share at each end (its valued grid pixels off the region and its
    # rims): the rim must lie at the data's extreme, not merely where all of it lies
    field = values[np.isfinite(values) & ~grown]
    if field.size == 0:
        return None
    field_low, field_high = np.mean(field <= limits[0]), np.mean(field >= limits[1])
    if low.max() >= RIM_END and high.max() <= RIM_OTHER:
        return "under" if _beyond(low.max(), field_low) else None
    if high.max() >= RIM_END and low.max() <= RIM_OTHER:
        return "over" if _beyond(high.max(), field_high) else None
    return None


def _beyond(rim: float, field: float) -> bool:
    """Whether a rim's share at one end of the map (``rim``) lies RIM_BEYOND of the way
    from the field's own share there (``field``) to all of it, and RIM_MARGIN past it:
    an extend region's rim is the data's extreme; a masked region's over a field that
    lies at the end anyway (trial 54's white ellipse over jet's dark blues, 0.03-0.2:
    91 % of its rim, 99.5 % of the field within END of vmin) is not."""
    return bool(rim - field >= max(RIM_BEYOND * (1.0 - field), RIM_MARGIN))


def _nearest_values(
    decoder: Any, pixels: np.ndarray, scale: float, color: np.ndarray,
    matrix: np.ndarray | None = None,
) -> np.ndarray:  # fmt: skip
    """The values of the table colors that the (P, C) ``pixels`` are blends of with the
    extend ``color`` (8-bit DN): the entry whose segment from ``color`` passes nearest
    each pixel (a plain nearest table color read navy's JPEG'd blends with RdYlGn's dark
    red as its dark green, the other end), distances in ``matrix``'s metric (RGB when
    None). NaN for pixels OFF_MAP off every such segment (no blend: text, spines,
    another panel's colors), the transparent ones and a figure's light gray paper
    (LIGHT, NEUTRAL), no field's."""
    colors = pixels[:, :3].astype(np.float64) / scale - color
    span = decoder._map.lut_bytes[:, :3].astype(np.float64) - color  # (T, 3)
    metric = np.eye(3) if matrix is None else np.asarray(matrix, np.float64)
    seen, reach = colors @ metric.T, span @ metric.T
    dots = seen @ reach.T
    along = np.clip(dots / np.maximum((reach**2).sum(axis=1), 1e-9), 0.0, 1.0)
    off = (seen**2).sum(axis=1)[:, None] - 2 * along * dots + along**2 * (reach**2).sum(1)
    values = decoder._norm((np.argmin(off, axis=1) + 0.5) / decoder._map.n_colors)
    values = np.asarray(values, dtype=np.float64)
    values[off.min(axis=1) > OFF_MAP**2] = np.nan  # (no blend of the color with the map's)
    colors += color
    paper = (colors.min(axis=1) >= LIGHT) & (np.ptp(colors, axis=1) <= NEUTRAL)
    if pixels.shape[-1] == 4:
        paper |= pixels[:, 3] == 0
    values[paper] = np.nan
    return values


def _deep(region: np.ndarray, depth: int, least: float = np.inf) -> bool:
    """Whether FLAT of ``region`` lies ``depth`` grid steps inside it, or ``least``
    grid pixels (a rough field's under region: specks around its patches)."""
    inner = region
    for _ in range(depth):
        inner = _grown(inner, shrink=True)
    count = np.count_nonzero(inner)
    return bool(count >= FLAT * np.count_nonzero(region) or count >= least)


def _unframed(region: np.ndarray, paper: bool = False) -> np.ndarray:
    """``region`` without a figure's margins: when it holds FRAME of a frame's border
    (any of it where ``paper``: a figure's light gray, beside an axes-filling image),
    the part of it 4-connected to the border (``_fills._flood`` from the border)."""
    out = region.copy()
    for frame in out.reshape(-1, *region.shape[-2:]):
        border = np.concatenate([frame[0], frame[-1], frame[:, 0], frame[:, -1]])
        if np.count_nonzero(border) < (1 if paper else FRAME * border.size):
            continue
        seeds = np.zeros(frame.shape, dtype=np.bool_)
        seeds[[0, -1]] = seeds[:, [0, -1]] = True  # (a figure's margins: one flood fill,
        frame &= ~_flood(seeds, np.ascontiguousarray(frame))  # 78 numpy passes before)
    return out


def _boxed(region: np.ndarray) -> bool:
    """Whether ``region`` fills its bounding box (BOXED of it: a label's box)."""
    shown = region.reshape(-1, *region.shape[-2:]).any(axis=0)
    rows, cols = np.flatnonzero(shown.any(axis=1)), np.flatnonzero(shown.any(axis=0))
    box = shown[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    return bool(np.count_nonzero(box) >= BOXED * box.size)

"""Extend colors: a map's over and under colors stand for data past its limits.

``plt.imsave(data, cmap=cm.with_extremes(over="magenta", under="cyan"), vmin=a,
vmax=b)`` (or a figure whose colorbar has ``extend`` triangles) paints values above
``vmax`` in the over color and values below ``vmin`` in the under color. Those
pixels are data, censored at a bound: decoded with the Colormap object that carries
the colors (:func:`explicit`), they come back at ``vmax`` / ``vmin`` -- what
``Normalize(clip=True)`` makes of them -- and ``DecolorizeResult.over`` / ``.under``
mark them (:func:`censored`). A pixel is the over (under) color when it lies within
the decode's threshold of that color and closer to it than to every color of the
map's table. Maps whose over and under colors are their end colors (matplotlib's
default) have none: a value past the ends is the end's, as the table draws it.

Decoded with a plain name, such a picture comes back with NaN where the extend
colors are: ``_extend_found.found_extends`` finds them -- a large flat region of one
off-map color beside the field's highest (lowest) values -- the field's blends with
them are filled as with the Colormap's own (:func:`censored` given ``colors``), and
the warning says how to pass them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

__all__ = ["censored", "explicit"]

#: Least distance (DN) within which a pixel counts as an extend color: exact renders
#: decode with a threshold of 2, and Agg rounds what imsave truncates (1 DN).
TOLERANCE = 3.0
#: Pixels from an extend color's region within which its blends with the map's end
#: color count as it (``_rim``).
RIM = 2
#: ... on a degraded picture, for the NaN left at last (``_rimmed``): JPEG's ringing
#: moves a region's edge pixels past PAINTED, and the field's beside them past the
#: threshold (trial43, terrain jet magenta/cyan q95: the field's dark blue beside cyan,
#: #002270, 19-30 DN off a blend of the two, 3 px from the pixels matched as cyan).
RIM_DEGRADED = 3
#: Every RIM_STEP-th color of the map stands for the field a rim's pixel blends with.
RIM_STEP = 4
#: On a degraded picture (JPEG'd, or noise of DEGRADED_NOISE DN sigma) an extend color
#: is matched within PAINTED DN at least, and the pixels within GROW of its region whose
#: nearest color (table and extend colors; in JPEG's luma-weighted metric when JPEG'd,
#: ``_plan.JPEG_CHROMA_WEIGHT``: 4:2:0 moves chroma, keeps luma) is it, reached through
#: such pixels, come back at its limit, unmarked (a field's dark pixel beside black may
#: be one): JPEG's ringing and chroma bleed left them decoded silently far off. trial43,
#: terrain with_extremes, over pixels > 25 % off, q95 / q85 / q75: magma cyan 5.3 / 5.4 /
#: 5.6 % -> 0.0 / 0.0 / 0.0, RdBu_r lime 10.2 / 7.1 / 7.5 -> 0.0 / 0.2 / 0.3 (a k-d tree
#: over table and extend colors: 0.3-0.5 and 2.4-2.7); in the luma metric the match
#: also took viridis' dark JPEG'd pixels for black (5-12 false marks).
DEGRADED_NOISE, PAINTED, GROW = 0.5, 12.0, 4
#: Pixels from an extend region within which JPEG's 4:2:0 chroma bleeds its color into
#: the field's pixels (``_bled``), and how far (DN) their luma may lie from their
#: decoded neighbours' (the field's own luma, 4:2:0 keeps it; black ink over
#: viridis' dark end lies 33 DN off).
BLEED, LUMA = 4, 20.0
#: A NaN pixel whose colors within FILL_REACH pixels (Chebyshev) span FILL_SPREAD DN at
#: most (per channel; JPEG's noise on a flat gray) is a flat fill -- a masked field's
#: bad color, the axes' face --, no blend: the fills from the extend regions' rims
#: (``_bled``, ``_extend_blends``), a pixel deeper each pass, stop at it (trial 55:
#: viridis with bad="0.5" inside its over region, 16.5 % of the gray valued on PNG,
#: 48 % on JPEG q75).
FILL_REACH, FILL_SPREAD = 2, 6

def explicit(entry: Any, alpha: float | None, face: np.ndarray) -> list[np.ndarray | None]:
    """The (under, over) colors ``entry`` paints past its ends, RGB floats in 8-bit DN,
    where they are not its end colors; None for an end without one (matplotlib's
    default), and for a transparent color (no data there). With ``alpha``: the colors
    drawn at that opacity over ``face`` (RGB bytes), as the map's own.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from truepix.color._catalog import resolve
    >>> jet = resolve(plt.get_cmap("jet").with_extremes(over="magenta"))
    >>> [None if c is None else c.tolist() for c in explicit(jet, None, np.zeros(3))]
    [None, [255.0, 0.0, 255.0]]
    """
    out: list[np.ndarray | None] = []
    for rgba, end in ((entry.under, entry.lut_bytes[0]), (entry.over, entry.lut_bytes[-1])):
        color = np.asarray(rgba, dtype=np.float64)
        if color[3] == 0 or np.array_equal((color * 255).astype(np.uint8), end):
            out.append(None)
            continue
        rgb = color[:3] * 255.0
        if alpha is not None:
            rgb = alpha * rgb + (1.0 - alpha) * np.asarray(face, dtype=np.float64)
        out.append(rgb)
    return out


def censored(
    decoder: Any, result: Any, pixels: np.ndarray, scale: float, detailed: bool,
    colors: list[np.ndarray | None] | None = None,
) -> Any:  # fmt: skip
    """``result`` (a ``DecolorizeResult`` of ``pixels``, whose units ``scale`` maps to
    8-bit DN) with the decoder's extend colors' pixels at ``vmin`` / ``vmax``, out of
    ``ambiguous`` and marked in ``under`` / ``over`` (full-shape masks when
    ``detailed``, else only when a pixel is marked). A region's rim that JPEG or
    resampling blended with the field beside it (``_rim``), left NaN by the decode,
    comes back at the limit too, unmarked: the field there runs to the limit, and
    such a pixel may be either side of it (3 % of the range from it, median, on a
    JPEG'd field that leaves the limit fast); so do the NaN blends of an extend color
    with a decoded neighbour anywhere (``_extend_blends``: specks no rim reaches).

    ``colors``: the (under, over) colors a picture decoded with a plain name holds
    (``_extend_found.found_extends``), in place of the decoder's own: their blends
    with the field are filled alike, their own pixels stay NaN and unmarked (not the
    map's colors, as the name was given; the warning says how to pass them)."""
    named = colors is not None
    colors = decoder._extremes if colors is None else colors
    shape = result.values.shape
    if colors[0] is None and colors[1] is None:
        if not named:  # (a plain name: the extend colors the picture holds, if any)
            from truepix.color._decolorize._extend_found import filled

            result = filled(decoder, result, pixels, scale, detailed)
        if not detailed:
            return result
        return replace(result, under=np.zeros(shape, bool), over=np.zeros(shape, bool))
    rgb = pixels.reshape(-1, pixels.shape[-1])[:, :3]
    table = np.concatenate([decoder._map.lut_bytes[:, :3], decoder._rounded]).astype(np.float64)
    tolerance = max(float(result.threshold), TOLERANCE)
    degraded = result.jpeg or result.noise >= DEGRADED_NOISE
    matrix = None
    if result.jpeg:
        from truepix.color._decolorize._palette import luma_metric
        from truepix.color._decolorize._plan import JPEG_CHROMA_WEIGHT

        matrix = luma_metric(JPEG_CHROMA_WEIGHT)
    painted = max(tolerance, PAINTED) if degraded else tolerance
    # (a BoundaryNorm's painted map holds its extend colors: each matched against the rest)
    tables = [_without(decoder, table, color) for color in colors]
    masks = [_painted(rgb, scale, color, own, painted) for color, own in
             zip(colors, tables, strict=True)]  # fmt: skip
    both = masks[0] & masks[1]  # one color for both ends: which end, the picture cannot say
    under, over = (mask & ~both for mask in masks)
    # pixels nearest the extend color beside its region: at the limit, unmarked (a
    # field's pixel just inside the range may be one: a dark one beside black)
    grown = [np.zeros_like(under), np.zeros_like(over)]
    if degraded and result.values.ndim >= 2:
        ends = [color for color in colors if color is not None]
        grown = [
            _nearest_grown(mask.reshape(shape), rgb, scale, color, own, ends, matrix)
            if color is not None and mask.any() else grown[0]
            for mask, color, own in zip((under, over), colors, tables, strict=True)
        ]  # fmt: skip
    rims = [grown[0].copy(), grown[1].copy()]
    fields: list[tuple[np.ndarray, np.ndarray]] = []  # rim pixels that are the field's
    if result.values.ndim >= 2:  # a region's rim: blends with the field beside it
        for rim, mask, color in zip(rims, (under | grown[0], over | grown[1]), colors,
                                    strict=True):  # fmt: skip
            if color is not None and mask.any():
                limit, field = _rim(decoder, mask.reshape(shape), result.values, rgb, scale,
                                    color, tolerance)  # fmt: skip
                rim |= limit.reshape(-1)
                fields.append(field)
    low, high = under | rims[0], over | rims[1]
    if not (low.any() or high.any() or fields) and not detailed and result.n_nan == 0:
        return result
    values = np.ascontiguousarray(result.values)  # (written through its flat view)
    flat = values.reshape(-1)
    n_nan = result.n_nan
    if n_nan >= 0:
        n_nan -= int(np.count_nonzero(np.isnan(flat[low | high])))
    flat[low], flat[high] = decoder.vmin, decoder.vmax
    for where, found in fields:
        if n_nan >= 0:
            n_nan -= int(np.count_nonzero(np.isnan(flat[where])))
        flat[where] = found
    fills = _flat_fills(values, rgb, scale, table, painted) if values.ndim >= 2 else None
    if values.ndim >= 2 and (low.any() or high.any()):
        # (not JPEG'd: no chroma bled, only the map's own colors are the field's)
        filled = _bled(values, (low | high).reshape(shape), rgb, scale, fills,
                       None if result.jpeg else (table, painted))  # fmt: skip
        if n_nan >= 0:
            n_nan -= filled
    if degraded and values.ndim >= 2:
        # ... and last, the rim's NaN left within PAINTED of a blend, RIM_DEGRADED deep
        # (JPEG's ringing beside white or black past a threshold of 5-7, q95 read as no
        # JPEG; beside an edge the match missed)
        filled = _rimmed(decoder, values, (under | grown[0], over | grown[1]), rgb, scale,
                         colors, painted, matrix)  # fmt: skip
        if n_nan >= 0:
            n_nan -= filled
    if values.ndim >= 2 and n_nan != 0:  # (specks' blends, which no region's rim reaches)
        from truepix.color._decolorize._extend_blends import fill_blends

        ends = [(c, b) for c, b in zip(colors, (decoder.vmin, decoder.vmax)) if c is not None]
        filled = fill_blends(values, np.isfinite(values) | fills, rgb, scale, ends, painted, matrix,
                             fills=fills)  # fmt: skip
        n_nan -= filled if n_nan >= 0 else 0
    ambiguous = result.ambiguous
    if named:  # (the name lacks them: NaN, unmarked)
        flat[under | over] = np.nan
        under, over, n_nan = np.zeros_like(under), np.zeros_like(over), -1
        if not detailed:
            return replace(result, values=values, n_nan=n_nan)
    if ambiguous.size:
        ambiguous = np.ascontiguousarray(ambiguous)
        ambiguous.reshape(-1)[under | over] = False
    return replace(result, values=values, ambiguous=ambiguous, under=under.reshape(shape),
                   over=over.reshape(shape), n_nan=n_nan)  # fmt: skip


def _without(decoder: Any, table: np.ndarray, color: np.ndarray | None) -> np.ndarray:
    """``table`` (the map's truncated bytes, then its rounded ones) without the entries
    either of whose bytes are ``color``: a BoundaryNorm's painted under / over colors,
    which Agg paints rounded (jet's under #00007f as #000080)."""
    if color is None:
        return table
    n_colors = len(table) // 2
    same = np.sqrt(((table - color) ** 2).sum(axis=1)) <= 0.75
    same = same[:n_colors] | same[n_colors:]
    return table[~np.concatenate([same, same])]


def _rim(
    decoder: Any, mask: np.ndarray, values: np.ndarray, rgb: np.ndarray, scale: float,
    color: np.ndarray, tolerance: float, reach: int = RIM, matrix: np.ndarray | None = None,
) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]:
    """The NaN pixels within ``reach`` (RIM) of ``mask`` whose (P, 3) colors lie within
    ``tolerance`` of a segment from the extend ``color`` to one of the map's colors (every
    RIM_STEP-th entry and the ends): a region's edge blended with the field beside it
    by JPEG (ringing, 4:2:0 chroma) or resampling. Those nearer the extend color come
    back at its limit (a mask), the others at the map color's value (flat indices and
    values): trial42's JPEG'd extend pictures left 2.4-3.2 % of the field NaN there,
    and up to 9.5 % of the extend pixels. Distances in ``matrix``'s metric (RGB when
    None)."""
    near = mask.copy()
    for _ in range(reach):
        grown = near.copy()
        grown[..., 1:] |= near[..., :-1]
        grown[..., :-1] |= near[..., 1:]
        grown[..., 1:, :] |= near[..., :-1, :]
        grown[..., :-1, :] |= near[..., 1:, :]
        near = grown
    where = np.flatnonzero(near & ~mask & np.isnan(values))
    limit = np.zeros(mask.shape, bool)
    if len(where) == 0:
        return limit, (where, np.empty(0))
    n_colors = decoder._map.n_colors
    entries = np.unique(np.r_[np.arange(0, n_colors, RIM_STEP), n_colors - 1])
    table = decoder._map.lut_bytes[entries, :3].astype(np.float32)
    colors = (rgb[where].astype(np.float64) / scale).astype(np.float32) - color
    span = table - color.astype(np.float32)  # (T, 3)
    if matrix is not None:
        colors, span = colors @ matrix.T.astype(np.float32), span @ matrix.T.astype(np.float32)
    along = np.clip(colors @ span.T / np.maximum((span**2).sum(axis=1), 1e-9), 0.0, 1.0)
    off = (colors**2).sum(axis=1)[:, None] - 2 * along * (colors @ span.T)
    off += along**2 * (span**2).sum(axis=1)
    best = np.argmin(off, axis=1)
    rows = np.arange(len(where))
    blended = off[rows, best] <= tolerance**2
    extend = blended & (along[rows, best] >= 0.5)
    limit.reshape(-1)[where[extend]] = True
    field = blended & ~extend
    if decoder._norm.boundary:  # its colors' own values (its under / over colors: NaN)
        found = decoder._norm((entries + 0.5) / n_colors)
    else:
        found = decoder._run(decoder._map.lut_bytes[entries][None], detailed=False).values[0]
    return limit, (where[field], found[best[field]])


def _rimmed(
    decoder: Any, values: np.ndarray, regions: tuple[np.ndarray, np.ndarray], rgb: np.ndarray,
    scale: float, colors: list[np.ndarray | None], tolerance: float, matrix: np.ndarray | None,
) -> int:
    """Fill (in place) the NaN pixels ``_rim`` finds beside the (flat) under and over
    ``regions`` within ``tolerance`` (in ``matrix``'s metric: JPEG's luma-weighted one
    when JPEG'd, where 4:2:0 smears the extend color's chroma over the field's dark red
    beside lime, RdBu_r; its ringing darkens the blues beside gray past the map's end):
    at the limit, or the blended map color's value. How many were filled."""
    flat, filled = values.reshape(-1), 0
    for region, color, bound in zip(regions, colors, (decoder.vmin, decoder.vmax), strict=True):
        if color is None or not region.any():
            continue
        limit, (where, found) = _rim(decoder, region.reshape(values.shape), values, rgb,
                                     scale, color, tolerance, RIM_DEGRADED, matrix)  # fmt: skip
        flat[limit.reshape(-1)] = bound
        flat[where] = found
        filled += int(np.count_nonzero(limit)) + len(where)
    return filled


def _flat_fills(
    values: np.ndarray, rgb: np.ndarray, scale: float, table: np.ndarray, near: float
) -> np.ndarray:  # fmt: skip
    """The NaN pixels of ``values`` (..., H, W) whose colors (``rgb``, (P, >= 3) in
    units ``scale`` maps to 8-bit DN) within FILL_REACH pixels span FILL_SPREAD DN at
    most and lie farther than ``near`` DN (max over channels) from every color of
    ``table`` (the map's, (K, 3) DN): flat fills, no blends. (A flat patch of one of the
    map's colors left NaN -- between a BoundaryNorm's bins -- is the field's.)"""
    holes = np.isnan(values)
    if not holes.any():
        return holes
    pixels = rgb[:, :3].reshape(*values.shape, 3).astype(np.float32) / np.float32(scale)
    high, low = pixels.copy(), pixels.copy()
    for axis in (-2, -3):  # (a square window: rows, then columns)
        top, bottom = high.copy(), low.copy()
        for step in range(1, FILL_REACH + 1):
            for shift in (step, -step):
                # (np.roll wraps: the picture's edge pixels see the far side, a wider
                # spread, never a narrower one than a flat fill's own)
                np.maximum(top, np.roll(high, shift, axis=axis), out=top)
                np.minimum(bottom, np.roll(low, shift, axis=axis), out=bottom)
        high, low = top, bottom
    flat = holes & ((high - low).max(axis=-1) <= FILL_SPREAD)
    if flat.any():
        flat[flat] = _off_table(pixels[flat], table, near)
    return flat


def _off_table(colors: np.ndarray, table: np.ndarray, near: float) -> np.ndarray:
    """Which ``colors`` (N, 3 DN) lie farther than ``near`` DN (max over channels) from
    every color of ``table`` (K, >= 3), each distinct color measured once."""
    unique, inverse = np.unique(np.rint(colors).astype(np.int64), axis=0, return_inverse=True)
    apart = np.abs(unique[:, None, :] - table[None, :, :3]).max(axis=2).min(axis=1)
    return (apart > near)[inverse.reshape(-1)]


def _bled(
    values: np.ndarray, extend: np.ndarray, rgb: np.ndarray, scale: float,
    fills: np.ndarray | None = None, exact: tuple[np.ndarray, float] | None = None,
) -> int:  # fmt: skip
    """Fill (in place) the NaN pixels of ``values`` within BLEED of the ``extend``
    pixels whose luma is their decoded neighbours' (within LUMA): a field's pixels
    beside an extend region into which JPEG's 4:2:0 chroma bled the extend color
    (cyan's under region turns viridis' dark purple #440354 into #1e185e; its luma,
    33 DN, stays), at the mean of those neighbours, a pass a pixel deeper each time.
    Ink (black over the dark end: 33 DN off) stays NaN, and so do ``fills``
    (:func:`_flat_fills`) and, with ``exact`` (a picture not JPEG'd: the map's colors
    ``table`` and the DN ``near`` them), colors off the map -- a masked field's gray bad
    color of the field's luma (trial 55). How many were filled."""
    band = extend.copy()
    for _ in range(BLEED):
        band = _grown(band)
    todo = band & ~extend & np.isnan(values)
    if fills is not None:
        todo &= ~fills  # (a flat fill: no bleed)
    if exact is not None and todo.any():  # (no JPEG: a color off the map bled from none)
        pixels = rgb[:, :3].reshape(*values.shape, 3)[todo].astype(np.float64) / scale
        todo[todo] = ~_off_table(pixels, *exact)
    if not todo.any():
        return 0
    weights = np.array([0.299, 0.587, 0.114], np.float32) / np.float32(scale)
    luma = (rgb[:, :3].astype(np.float32) @ weights).reshape(values.shape)
    known = np.isfinite(values) & ~extend
    total = 0
    for _ in range(BLEED):
        value, lumas = np.where(known, values, 0.0), np.where(known, luma, 0.0)
        sums = [np.zeros(values.shape), np.zeros(values.shape, np.float32), np.zeros(values.shape)]
        for axis in (-1, -2):
            for step in (1, -1):
                for total_of, part in zip(sums, (value, lumas, known), strict=True):
                    shifted = np.roll(part, step, axis=axis)
                    border = [slice(None)] * values.ndim
                    border[axis] = 0 if step == 1 else -1
                    shifted[tuple(border)] = 0
                    total_of += shifted
        ready = todo & (sums[2] > 0)
        ready &= np.abs(luma - sums[1] / np.maximum(sums[2], 1)) <= LUMA
        if not ready.any():
            break
        values[ready] = (sums[0] / np.maximum(sums[2], 1))[ready]
        known |= ready
        todo &= ~ready
        total += int(np.count_nonzero(ready))
    return total


def _nearest_grown(
    region: np.ndarray, rgb: np.ndarray, scale: float, color: np.ndarray, table: np.ndarray,
    ends: list[np.ndarray], matrix: np.ndarray | None,
) -> np.ndarray:
    """The (flat) pixels within GROW of an extend ``region`` whose nearest color among
    ``table`` and the extend colors ``ends`` (in ``matrix``'s metric, RGB when None) is
    the region's ``color``, reached from it through such pixels."""
    grown = region
    for _ in range(GROW):
        grown = _grown(grown)
    near = np.flatnonzero(grown & ~region)
    found = np.zeros(region.size, bool)
    if len(near) == 0:
        return found
    metric = np.eye(3) if matrix is None else matrix
    others = [table] + [end[None] for end in ends if end is not color]
    points = (rgb[near].astype(np.float64) / scale) @ metric.T
    own = ((points - color @ metric.T) ** 2).sum(axis=1)
    gaps = np.full(len(near), np.inf)
    for part in np.concatenate(others) @ metric.T:  # (per color: no (P, M, 3) copy)
        np.minimum(gaps, ((points - part) ** 2).sum(axis=1), out=gaps)
    nearer = np.zeros(region.shape, bool)
    nearer.reshape(-1)[near[own < gaps]] = True
    reached = region
    for _ in range(GROW):
        reached = reached | (_grown(reached) & nearer)
    found[:] = (reached & ~region).reshape(-1)
    return found


def _painted(
    rgb: np.ndarray, scale: float, color: np.ndarray | None, table: np.ndarray, tolerance: float
) -> np.ndarray:
    """Which (P, 3) pixels are ``color`` (8-bit DN): within ``tolerance`` of it and
    closer to it than to every other color of ``table`` (its entries that are the
    color itself, a BoundaryNorm's painted extremes, left out)."""
    mask = np.zeros(len(rgb), bool)
    if color is None:
        return mask
    target = (color * scale).astype(np.float32)
    distance = np.zeros(len(rgb), np.float32)
    for channel in range(3):  # (channel by channel: no (P, 3) float copy)
        distance += (rgb[:, channel].astype(np.float32) - target[channel]) ** 2
    near = np.flatnonzero(distance <= np.float32((tolerance * scale) ** 2))
    if len(near) == 0:
        return mask
    keys = np.rint(rgb[near].astype(np.float64) / scale).astype(np.int64)
    keys = (keys[:, 0] << 16) | (keys[:, 1] << 8) | keys[:, 2]
    distinct, inverse = np.unique(keys, return_inverse=True)
    colors = np.stack([distinct >> 16, (distinct >> 8) & 255, distinct & 255], 1).astype(float)
    own = np.sqrt(((colors - color) ** 2).sum(axis=1))
    others = table[np.sqrt(((table - color) ** 2).sum(axis=1)) > 0.75]
    if len(others):
        gaps = np.sqrt(((colors[:, None, :] - others[None]) ** 2).sum(axis=2)).min(axis=1)
    else:
        gaps = np.full(len(colors), np.inf)
    mask[near] = (own < gaps)[inverse.reshape(-1)]
    return mask


def _grown(mask: np.ndarray, *, shrink: bool = False) -> np.ndarray:
    """``mask`` (..., H, W) grown by its 4 neighbours (with ``shrink``: the pixels
    whose 4 neighbours are all in it; the picture's edge counts as out)."""
    out = mask.copy()
    for axis in (-1, -2):
        for step in (1, -1):
            shifted = np.roll(mask, step, axis=axis)
            border = [slice(None)] * mask.ndim
            border[axis] = 0 if step == 1 else -1
            shifted[tuple(border)] = False
            if shrink:
                out &= shifted
            else:
                out |= shifted
    return out

"""Pictures of a few levels of a continuous map: ``plt.get_cmap("viridis", 8)``.

``get_cmap(name, N)`` resamples a map to N colors, the map's colors at ``k / (N - 1)``;
``imshow`` of a continuous field with it paints the field's N levels, level k (data in
``[k, k + 1) / N`` of the range) in color k. Decoded with the plain name, each color
comes back at its own place along the whole map, ``k / (N - 1)``, where the level's
middle is ``(k + 0.5) / N``: up to a whole level off (trial41: mean error 1.63x the
N-color map's). A BoundaryNorm of N levels over a 256-color map paints the entries
``k * 255 // (N - 1)``, the same places within a bin, whatever its edges.

The colors alone cannot say which was drawn: integer data 0..N-1 drawn with the whole
map (``vmin=0, vmax=N-1``) paints the very same colors, and there the whole map's
answer is the right one. Where the picture is drawn matters: a continuous field drawn
in levels steps one level at a time (:func:`_a_field`) along curves that cross nearly
every row and column; counts in a heatmap's cells, a raster of blocks, jump between
far levels or change only on the cells' few rows and columns. Only a picture that
looks like a field in levels gets :func:`levels_advice`; the decode stays as asked.
"""

from __future__ import annotations

from typing import Any

import numba as nb
import numpy as np

from truepix.color._decolorize._vertex import _JIT

__all__ = ["levels_advice", "snapped"]

#: Most levels looked for: past them a level is a few bins of a 256-color map.
MAX_LEVELS = 32
#: Most levels looked for in a JPEG'd picture (whose colors are many): its decoded
#: values gather at the levels' places, JPEG_SHARE more of them within JPEG_REACH bins
#: than a continuous field's N * 2 JPEG_REACH / 256 (as a share of the rest: the N
#: that most passes it is taken), each place holding JPEG_PLACE of them. The camera in
#: 5 levels, q75: 72 %, its second level 0.7 %; in 10 levels of magma, q90: 0.59 of
#: the rest, its top level 0.2 % (an absolute share of 0.6 and 0.3 % missed it, trial
#: 43; camera, terrain, smooth fields x 8 maps x 5, 10, 12 levels x q50-q95: 70 of 288
#: missed, 18 now); 128 continuous pictures (4 fields, 8 maps, q50-q95): no false hint.
JPEG_LEVELS, JPEG_SHARE, JPEG_REACH, JPEG_PLACE = 16, 0.4, 2.5, 0.001
#: The same excess, of the samples off the map's two ends, that the levels between
#: the ends must hold too (with JPEG_INTERIOR_LEAST samples there at least): a
#: figure's white margin, frame and text, and data clipped at vmin / vmax, gather at
#: an end whatever was drawn. fBm imshow figures in terrain, gist_ncar, ocean (whose
#: top is white), JPEG q75 / q90, with a colorbar or none: 0.40-0.54 excess, all of
#: it the margin (8 of 88 figures of 22 maps falsely named 10-16 levels, trial 52);
#: 0.03-0.05 off the ends. The camera in 5-12 levels of 8 maps, q75 / q90: 0.34-0.82.
JPEG_INTERIOR, JPEG_INTERIOR_LEAST = 0.2, 64
#: Pixels (evenly spaced) whose distinct colors (values) are counted first.
SAMPLE = 4096
#: How far (in bins of the whole map) a color's place may lie from ``k / (N - 1)``:
#: an entry's value is its bin's middle, and the resampled map's colors are the
#: entries ``floor(256 k / (N - 1))`` (or the segments' own colors at ``k / (N - 1)``).
REACH = 1.5
#: Share of the neighbouring pixels of different levels one level apart, and of the
#: rows and of the columns that hold a change of level, past which the picture is a
#: field drawn in levels: a smooth field steps one level at a time along curves; the
#: camera at 256^2 in 5-12 levels: 0.77-0.96 one apart, 0.92-1 of the rows and
#: columns; random counts 0..7: a quarter one apart. JPEG leaves a level's edge
#: unknown: there, levels JPEG_GAP pixels apart are compared, which step further
#: and cross fewer lines (viridis 5 levels q75-q90: 0.56-0.77 one apart, 0.38-0.45).
JPEG_GAP, JPEG_STEPS, JPEG_CROSSED = 3, 0.55, 0.35
STEPS, CROSSED = 0.6, 0.5
#: Pixels matched against a discrete map's colors at once (:func:`snapped`): a
#: (CHUNK, colors) table of distances.
CHUNK = 65536


def levels_advice(
    decoder: Any, values: np.ndarray, image: Any, *, jpeg: bool = False
) -> str | None:
    """What to pass when a picture decoded with a continuous map of 256 colors holds
    only a few (3 to MAX_LEVELS) colors of it, at the places ``k / (N - 1)`` of the map
    resampled to N colors (for N up to twice their count), drawn as a field in levels
    (:func:`_a_field`); None otherwise. With ``jpeg``, the levels are found from the
    decoded ``values`` (JPEG makes many colors of each level).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from truepix import Decolorizer
    >>> y, x = np.mgrid[0:64, 0:64]
    >>> picture = plt.get_cmap("viridis", 8)(np.hypot(x, y) / 90, bytes=True)
    >>> decoder = Decolorizer("viridis", vmin=0, vmax=1)
    >>> print(levels_advice(decoder, decoder._run(picture, detailed=False).values, picture))
    the picture holds only 8 colors of 'viridis', those of a field drawn in 8 levels: \
each comes back at its place along the whole map (right only for data of 8 values from \
vmin to vmax), up to a level off; pass norm=BoundaryNorm(edges, ncolors=256) with the \
edges it was drawn with, or for 8 even levels from vmin to vmax \
cmap=plt.get_cmap('viridis', 8) (each level's middle)
    """
    from truepix.color._decolorize._kernels import NORM_LINEAR

    norm = decoder._norm
    if decoder._map.n_colors < 256 or norm.kind != NORM_LINEAR or norm.boundary:
        return None
    if values.ndim < 2 or values.size < 1024:
        return None
    if jpeg and _palette_of(image):
        return None  # (a palette's values gather at its few colors' places, drawn as levels or not)
    span = norm.vmax - norm.vmin
    found = _jpeg_places(values, norm.vmin, span) if jpeg else _exact_places(
        decoder, values, image, norm.vmin, span
    )  # fmt: skip
    if found is None:
        return None
    places, reach = found  # (reach: one for all, or each place's own)
    count = len(places)
    for steps in range(count - 1, min(2 * count, MAX_LEVELS)):
        k = np.rint(places * steps)
        if len(np.unique(k)) == count and np.all(np.abs(places - k / steps) <= reach):
            if not _a_field((values - norm.vmin) / span, steps, float(np.max(reach)), jpeg):
                return None
            return _advice(decoder.cmap, count, steps + 1, decoder._map)
    return None


def _palette_of(image: Any) -> bool:
    """Whether ``image`` is a palette picture (``_quantized.palette_picture``): a JPEG
    reduced to 256 colors (``Image.quantize``), judged JPEG'd by 4:2:0's chroma, decodes
    each color to one place, which gathers the values as levels would (a fBm field in
    viridis, q95, Pillow's fast octree: 145 colors, read as 16 levels)."""
    from truepix.color._decolorize._quantized import palette_picture

    pixels = np.asarray(np.ma.getdata(image))
    if pixels.ndim < 3 or pixels.shape[-1] < 3:
        return False
    flat = pixels.reshape(-1, pixels.shape[-1])
    return palette_picture(flat, len(flat))


def _exact_places(
    decoder: Any, values: np.ndarray, image: Any, vmin: float, span: float
) -> tuple[np.ndarray, np.ndarray] | None:
    """The places (0..1) along the map of an exact picture's few colors, and how far
    from a level's each place may lie (REACH bins, and half the run of entries that
    share its color); None for a picture of more colors, or of any off the map."""
    pixels = np.asarray(np.ma.getdata(image))
    if pixels.ndim != values.ndim + 1 or pixels.shape[-1] < 3:
        return None
    flat = pixels.reshape(-1, pixels.shape[-1])
    scale = (1.0 if pixels.dtype.kind == "f" else np.iinfo(pixels.dtype).max) / 255
    sample = flat[:: -(-len(flat) // SAMPLE)]
    # (a continuous picture shows more colors among the sample's first few already: the
    # same verdict, 0.27 -> 0.02 ms on an exact megapixel's)
    if len(_keys(sample[: 4 * MAX_LEVELS], scale)[0]) > MAX_LEVELS:
        return None
    if len(_keys(sample, scale)[0]) > MAX_LEVELS:
        return None  # (the common case: a continuous picture, known from a sample)
    shown = flat if flat.shape[-1] == 3 else flat[flat[:, 3] > 0]
    keys, first = _keys(shown, scale)
    if not 3 <= len(keys) <= MAX_LEVELS:
        return None
    found = decoder._run(shown[first][None], detailed=False).values[0]
    if np.isnan(found).any():
        return None  # a color off the map: not a map's levels
    # (a color several entries share comes back in its run's middle, up to half the run
    # from the level's place: jet's pure blue, entries 28-31, at 0.121 for 1/9's 0.111)
    runs = _run_lengths(keys, decoder._map)
    places, where = np.unique((found - vmin) / span, return_inverse=True)
    widest = np.zeros(len(places))
    np.maximum.at(widest, where.reshape(-1), runs - 1.0)
    return places, (REACH + widest / 2.0) / decoder._map.n_colors


def _run_lengths(keys: np.ndarray, entry: Any) -> np.ndarray:
    """How many entries of ``entry``'s table (truncated or rounded bytes, the more)
    hold each color of ``keys`` (``_keys``' 24-bit keys); 1 at least."""
    counts = np.ones(len(keys))
    for table in (entry.lut_bytes, entry.lut_rounded):
        rgb = np.asarray(table)[:, :3].astype(np.int64)
        table_keys = (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]
        held = np.searchsorted(np.sort(table_keys), keys, side="right") - np.searchsorted(
            np.sort(table_keys), keys, side="left"
        )  # fmt: skip
        counts = np.maximum(counts, held)
    return counts


def _jpeg_places(values: np.ndarray, vmin: float, span: float) -> tuple[np.ndarray, float] | None:
    """The places of a JPEG'd picture's levels: the evenly spaced ones (3 to
    JPEG_LEVELS) that the decoded values (a sample) gather within JPEG_REACH bins of
    most past chance, by JPEG_SHARE at least and by JPEG_INTERIOR off the map's ends
    (:func:`_interior_excess`), each holding JPEG_PLACE of them; None if none do."""
    flat = values.reshape(-1)
    sample = flat[:: -(-len(flat) // SAMPLE)]
    sample = (sample[np.isfinite(sample)] - vmin) / span
    if len(sample) < 256:
        return None
    reach = JPEG_REACH / 256
    steps = np.arange(2, JPEG_LEVELS, dtype=np.float64)
    n_near = np.zeros(len(steps), np.int64)
    _near_counts(sample, steps, reach, n_near)
    share = n_near / len(sample)
    chance = np.minimum(steps * 2.0 * reach, 0.99)  # a continuous field's share
    excess = (share - chance) / (1.0 - chance)
    row = int(np.argmax(excess))
    if excess[row] < JPEG_SHARE:
        return None
    count = int(steps[row])
    if _interior_excess(sample, count, reach) < JPEG_INTERIOR:
        return None
    k = np.rint(sample * steps[row])
    near = np.abs(sample - k / steps[row]) <= reach
    held = np.bincount(k[near].astype(np.int64).clip(0, count), minlength=count + 1)
    if np.all(held >= JPEG_PLACE * len(sample)):
        return np.arange(count + 1) / count, reach
    return None


def _interior_excess(sample: np.ndarray, count: int, reach: float) -> float:
    """The share of ``sample`` (places 0..1) off the map's ends that lies within ``reach``
    of the places ``k / count`` between them, past a continuous field's, as a share of
    the rest: 0 for a picture of fewer than JPEG_INTERIOR_LEAST samples off the ends."""
    ends = (sample <= reach) | (sample >= 1.0 - reach)
    inner = sample[~ends]
    if len(inner) < JPEG_INTERIOR_LEAST:
        return 0.0
    near = np.abs(inner - np.rint(inner * count) / count) <= reach
    chance = min((count - 1) * 2.0 * reach / (1.0 - 2.0 * reach), 0.99)
    return (float(np.mean(near)) - chance) / (1.0 - chance)


@nb.njit(**_JIT)
def _near_counts(sample, steps, reach, out):  # pragma: no cover - jitted
    """How many of ``sample`` (places 0..1) lie within ``reach`` of ``k / n`` for each
    ``n`` of ``steps``, into ``out``: :func:`_jpeg_places`' table of every sample at
    every step count in one pass, without it (float64 as numpy's ``rint`` and
    division made it: the same counts; a JPEG'd megapixel's warm decode, one thread:
    ~0.3 ms of numpy's passes)."""
    for m in range(steps.shape[0]):
        n = steps[m]
        total = 0
        for x in sample:
            total += abs(x - np.rint(x * n) / n) <= reach
        out[m] = total


def _a_field(places: np.ndarray, steps: int, reach: float, jpeg: bool) -> bool:
    """Whether the picture of levels (``places`` along the map, 0..1, of each pixel)
    is a field drawn in ``steps + 1`` levels: of the neighbouring pixels at different
    levels STEPS one level apart, and CROSSED of the rows and of the columns holding
    a change of level (JPEG: JPEG_GAP pixels apart, JPEG_STEPS, JPEG_CROSSED). A
    heatmap's cells or a raster of blocks change only on the cells' edges; counts jump
    between far levels."""
    gap, least_steps, least_crossed = (JPEG_GAP, JPEG_STEPS, JPEG_CROSSED) if jpeg else (
        1, STEPS, CROSSED)  # fmt: skip
    level = np.rint(places * steps)
    known = np.abs(places - level / steps) <= reach  # (NaN: not known)
    level = np.where(known, level, -1.0).reshape(-1, *places.shape[-2:])
    near = far = 0
    crossed = []
    for axis in (1, 2):
        a = np.moveaxis(level, axis, -1)
        left, right = a[..., :-gap], a[..., gap:]
        both = (left >= 0) & (right >= 0) & (left != right)
        apart = np.abs(left - right)[both]
        near += int(np.count_nonzero(apart == 1))
        far += int(np.count_nonzero(apart > 1))
        # the lines across this axis that hold a change of level
        crossed.append(float(np.mean(both.any(axis=(0, 1)))))
    if near + far == 0:
        return False
    return near >= least_steps * (near + far) and min(crossed) >= least_crossed


def _keys(rows: np.ndarray, scale: float) -> tuple[np.ndarray, np.ndarray]:
    """The distinct 8-bit colors of (P, C) ``rows`` as keys, and a row of each."""
    if rows.dtype == np.uint8 and scale == 1.0:  # (8-bit: the bytes are the colors)
        rgb = rows[:, :3].astype(np.int64)
    else:
        rgb = np.rint(rows[:, :3].astype(np.float64) / scale).astype(np.int64)
    keys = (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]
    return np.unique(keys, return_index=True)


def _advice(name: str, count: int, levels: int, entry: Any) -> str:
    made = (
        f"plt.get_cmap({name!r}, {levels})" if entry.source == "matplotlib"
        else f"cmap.Colormap({name!r}).to_mpl().resampled({levels})"
    )  # fmt: skip
    held = f"{count} colors of {name!r}, those of a field drawn in {levels} levels"
    if count < levels:
        held = f"{count} colors of {name!r}, {count} of those of a field drawn in {levels} levels"
    return (
        f"the picture holds only {held}: each comes back at its place along the whole map"
        f" (right only for data of {levels} values from vmin to vmax), up to a level off;"
        f" pass norm=BoundaryNorm(edges, ncolors={entry.n_colors}) with the edges it was"
        f" drawn with, or for {levels} even levels from vmin to vmax cmap={made} (each"
        " level's middle)"
    )


def snapped(
    decoder: Any, result: Any, pixels: np.ndarray, kind: str, scale: float, plan: Any
) -> Any:
    """``result`` of a discrete map's picture (a few colors: ``get_cmap(name, N)``, a
    ``BoundaryNorm``'s painted ones) with every value one of the map's levels.

    Such a picture holds N values; a degraded one (JPEG, resized, noisy) decodes to
    positions between the colors, which are no data value: each decoded pixel takes
    the value of the level whose color is nearest -- on JPEG'd pictures in the
    luma-weighted ``metric`` the JPEG path decodes with (JPEG keeps luma; its edges mix
    chroma), elsewhere along the map (the value nearest the decoded one: a resized
    picture's blends already decode as the color they weigh most). Camera, 256^2, q90,
    mean error of the N-color object's decode / the nearest of N colors in RGB:
    RdBu_r / 5 0.509 / 0.083 -> 0.071, jet / 6 0.767 / 0.545 -> 0.076, magma / 10
    0.775 / 0.221 -> 0.013 (trial 43). NaN stays NaN; exact renders (``plan``'s
    ``exact`` and ``sharp``) are left as they are (already their levels).
    """
    from dataclasses import replace

    from truepix.color._decolorize._palette import luma_metric
    from truepix.color._decolorize._plan import CHROMA_WEIGHTS

    from truepix.color._decolorize._indexed import at_entries

    values = result.values
    if not decoder._map.discrete or values.size == 0 or (plan.exact and plan.sharp):
        return at_entries(decoder, result, plan.exact)  # (OpenCV's maps: at entries)
    jpeg, metric = plan.jpeg, plan.line_metric
    colors, levels = _levels_of(decoder, kind)
    known = np.isfinite(values)
    if np.count_nonzero(np.isfinite(levels)) < 2 or not known.any():
        return result
    values = np.array(values, dtype=np.float64)  # (a copy: the result's may be shared)
    if jpeg:
        matrix = luma_metric(CHROMA_WEIGHTS[metric])
        rows = pixels[..., :3][known]
        ends = colors @ matrix.T
        nearest = np.empty(len(rows), dtype=np.int64)
        for start in range(0, len(rows), CHUNK):
            part = (rows[start : start + CHUNK].astype(np.float64) * scale) @ matrix.T
            far = (ends * ends).sum(1)[None] - 2.0 * part @ ends.T
            nearest[start : start + CHUNK] = np.argmin(far, axis=1)
        found = levels[nearest]  # (NaN: an out-of-range color no interval paints)
        values[known] = np.where(np.isnan(found), values[known], found)
    else:
        ranked = np.sort(levels[np.isfinite(levels)])
        cuts = (ranked[1:] + ranked[:-1]) / 2.0
        values[known] = ranked[np.searchsorted(cuts, values[known])]
    if decoder.step is not None:
        values = np.round(values / decoder.step) * decoder.step
    return replace(result, values=values, n_nan=-1 if result.n_nan < 0 else result.n_nan)


def _levels_of(decoder: Any, kind: str) -> tuple[np.ndarray, np.ndarray]:
    """A discrete map's distinct colors (DN, of the table ``kind`` names) and the
    value each stands for: the middle of the bins of the entries that hold it, as an
    exact render decodes it (a ``BoundaryNorm``'s painted colors: their intervals')."""
    from truepix.color._decolorize import _kernels as kernels

    cached = getattr(decoder, "_snap_levels", {}).get(kind)
    if cached is not None:
        return cached
    entry, norm = decoder._map, decoder._norm
    table = decoder._bytes.get(kind)
    table = entry.lut[:, :3] * 255.0 if table is None else table.astype(np.float64)
    keys = _keys(entry.lut_bytes, 1.0)[0]
    rgb = entry.lut_bytes[:, :3].astype(np.int64)
    index = np.searchsorted(keys, (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2])
    n_colors = len(table)
    low = np.full(len(keys), n_colors)
    high = np.zeros(len(keys), dtype=np.int64)
    np.minimum.at(low, index, np.arange(n_colors))
    np.maximum.at(high, index, np.arange(n_colors))
    position = (low + high + 1.0) / 2.0 / n_colors  # (the middle of the entries' bins)
    if norm.kind == kernels.NORM_OTHER:
        levels = np.asarray(norm(position), dtype=np.float64)
    else:
        levels = np.empty(len(position))
        kernels.positions_to_values(position, norm.kind, norm.low, norm.high, levels)
    found = table[low], levels
    if not hasattr(decoder, "_snap_levels"):
        decoder._snap_levels = {}
    decoder._snap_levels[kind] = found
    return found

"""Off-map colors of palette pictures that a quantizer made from map colors.

A palette picture (GIF, ``Image.quantize``, pngquant) paints each pixel with the
palette color nearest its own. The palette of an all-data picture holds means of
boxes of map colors (median cut, octree): where a box spans a bend of the map its
mean lies off the map, 11-25 DN for Pillow's median cut on twilight, farther than any
hull of the map colors around the pixel explains. What such a color still is: the
nearest palette color of some map color, there where the field is. An annotation's
color (black text on magma, white on twilight) is nobody's nearest: the map colors
near it are in the palette themselves, painted by the data (``palette_cells``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numba as nb
import numpy as np

from truepix.color._decolorize._hull import _local_arc
from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._fills import fill_pixels
from truepix.color._decolorize._kernels import _JIT
from truepix.color._decolorize._palette import Polyline
from truepix.color._decolorize._tables import distinct_colors

__all__ = [
    "CELLS_APART", "PALETTE_COLORS", "PALETTE_JPEG", "PALETTE_JPEG_RATIO", "PALETTE_LUMA",
    "PALETTE_PIXELS", "jpeg_palette", "palette", "palette_cells", "palette_cells_apart",
    "palette_filled", "palette_picture", "palette_fills", "palette_spread", "project",
    "uncovered",
]  # fmt: skip

#: A palette picture (GIF, pngquant, ``Image.quantize``) has at most this many colors:
#: when its map has more (twilight's 510) or its annotations take some, the palette
#: holds means of neighbouring map colors, a few DN off the map (twilight on
#: photographs, 256 colors dithered: up to 4-11 DN, 0.05-0.26 % of the pixels), which
#: error diffusion scatters among the table colors. Its off-map pixels up to
#: NOISE_CAP are tried as blends (the local hull), not cut at the exact threshold.
PALETTE_COLORS = 256
#: Pixels of a sample :func:`palette` counts the colors of.
PALETTE_SAMPLE = 20_000
#: Pictures of more pixels than this with at most PALETTE_COLORS colors are palette
#: pictures whatever the plan's other judgements: their off-table colors are means
#: of cells (Pillow's octree: 31-90 colors on hot, bwr, hsv, Spectral photographs).
PALETTE_PIXELS = 1024
#: A palette picture is first judged with its noise kept (``_plan.make_plan``), and
#: planned again as the palette's cells when it shows no JPEG: a JPEG reduced to 256
#: colors keeps 4:2:0's chroma model (not its grid: ``luma_grid`` 1.00, ``dct_grid``
#: <= 1.36). camera 256^2 q90, Pillow median cut, jet / viridis / magma: holes 7.3 /
#: 2.6 / 2.2 % -> 0.00 %, MAE 8.8 / 4.2 / 3.4 -> 1.6 / 1.3 / 1.0 % (k-d tree 1.9 / 1.8
#: / 1.3 %). (jet on a smooth field: its palette moved chroma more than 4:2:0 did.)
PALETTE_JPEG = True

#: Map samples per bin: where along the map each palette color is the nearest one.
CELL_SAMPLES = 4
#: The local arc (anchors within CELL_RADIUS on the map) widened by this share of
#: its length and CELL_MARGIN_BINS bins on each side: a palette color stands for a
#: box of map colors, a few bins wide, and paints patches of the field wider than the
#: hull's radius (``_resampled.HULL_RADIUS``). twilight's fBm terrain (256^2), Pillow
#: median cut, undithered / dithered: 0.44 / 0.34 % holes -> 0.23 / 0.26 % (radius 4),
#: 0.06 / 0.09 % (8), 0.00 / 0.00 % (16); the palette's annotated astronauts of
#: tests/color/test_decolorize_kind.py flagged as before (twilight 76.2 %, magma 51.7
#: %). Accepting a color's pixels 8-connected to an accepted one of that color
#: (flood) instead closed them too, but from the hull's accepted pixels it took
#: strokes' antialiased colors along (twilight 76.2 -> 69.0 %).
CELL_RADIUS = 16
#: A palette picture's threshold covers this share of its pixels within SPREAD_CAP DN
#: of the map (:func:`palette_spread`): its palette's colors are cluster means, and
#: where most of them lie a few DN off the table (a resized picture's palette holds
#: blends of neighbouring map colors, maximum coverage its cells' means) the pixels
#: around a hole are past the exact threshold too, and no local arc anchors it.
#: camera and astronaut (320^2 -> 160^2, Pillow Lanczos / bilinear; magma, twilight,
#: Spectral, hsv; median cut, maximum coverage, fast octree): holes worst 19 % -> 0.17 %
#: (0.8: 14 %); annotated palettes of un-resized pictures (tests/color/
#: test_decolorize_kind.py) flagged as before; Lanczos-shrunk annotated ones lose some
#: flags (twilight, maximum coverage: 82 -> 61 % of covered stroke pixels).
SPREAD_QUANTILE = 0.95
SPREAD_CAP = 32.0
#: ... and only where at least this share of its pixels lies within SPREAD_CAP DN: an
#: exact render of another map is a palette picture too, and its spread (30-32 DN)
#: took the wrong map's colors for data (jet as viridis: 12 % of a CLI test's pixels).
#: Within 32 DN: resized palettes 0.89-0.997 (5 maps x camera, astronaut x 3 methods,
#: Lanczos 0.5x); exact renders decoded with a wrong map (jet/viridis, viridis/plasma,
#: hot/afmhot, magma/inferno, viridis/cividis, coolwarm/bwr) 0.005-0.77.
SPREAD_SHARE = 0.85
CELL_MARGIN = 0.5
CELL_MARGIN_BINS = 2.0


def palette(flat: np.ndarray) -> bool:
    """Whether a sample's pixels (some PALETTE_SAMPLE of them) have at most
    PALETTE_COLORS colors: a palette picture's do, any subset of them too."""
    colors = flat[:: max(1, len(flat) // PALETTE_SAMPLE), :3]
    if colors.dtype != np.uint8:
        return False
    # (most pictures show more colors than that among their first few rows of it:
    # their keys alone are made: 0.26 -> 0.06-0.10 ms on a JPEG'd megapixel's sample)
    head = colors[: 4 * PALETTE_COLORS]
    if len(head) < len(colors) and len(np.unique(_color_keys(head))) > PALETTE_COLORS:
        return False
    return len(np.unique(_color_keys(colors))) <= PALETTE_COLORS


def _color_keys(colors: np.ndarray) -> np.ndarray:
    """One uint32 per (P, 3) uint8 color, to count distinct colors with ``np.unique``."""
    wide = colors.astype(np.uint32)
    return (wide[:, 0] << 16) | (wide[:, 1] << 8) | wide[:, 2]


def palette_picture(flat: np.ndarray, n_pixels: int) -> bool:
    """Whether a picture of ``n_pixels`` pixels, ``flat`` a sample of them, is a palette
    picture: more than PALETTE_PIXELS of them, at most PALETTE_COLORS colors."""
    return n_pixels > PALETTE_PIXELS and palette(flat)


#: A palette picture (:func:`palette_picture`) is JPEG'd (:func:`jpeg_palette`) when
#: 4:2:0's model explains its chroma no worse than PALETTE_JPEG_RATIO times the map: a
#: JPEG's palette holds cells' means that scatter chroma off 4:2:0's model as far as off
#: the map's (ratio 1.02-1.6), where palettes of exact, resized (0.5x bilinear) and noisy
#: (2-3 DN) renders read 2.6-800. Pillow's fast octree / median cut of JPEG q50-q95 (camera
#: 512^2 and fBm 192-512^2 x jet, viridis, turbo, magma, RdBu_r): 16 of 80 with 0.3-4.0 %
#: holes, read as the palette's cells with noise 0 -> 4 (camera's median cut of jet and
#: turbo, 0.34-1.7 %: cells 40-99 DN off the map, which no model of either explains).
PALETTE_JPEG_RATIO = 2.0
#: ... with its luma's detail kept past PALETTE_LUMA (JPEG'd palettes 1.04-1.83; a
#: resized picture's, max coverage on twilight, 1.009), its chroma's detail lost
#: (``_plan.DETAIL_RATIO``: an error-diffused web palette keeps 1.3-1.7), and its colors a cloud,
#: not a curve (:func:`palette_cells_apart`: an exact render of the map drawn
#: translucent holds its blended table, 1.4-2.2 DN apart, ratio 1.15-1.24).
PALETTE_LUMA = 1.03
#: Median distance (DN) from each of a palette picture's colors to its nearest other
#: at least which the colors are a quantizer's cells in a cloud around the map (JPEG'd
#: pictures reduced to 256 colors by median cut, octree or max coverage: 3.3-15 DN),
#: not an exact render's table bent by a blend (imshow with alpha over white: 1.4-2.2).
CELLS_APART = 3.0


def palette_cells_apart(flat: np.ndarray) -> bool:
    """Whether the colors of a palette picture's sample ``flat`` lie CELLS_APART apart
    or more (median nearest-neighbour distance): a quantizer's cells, not a curve."""
    colors = distinct_colors(flat[:: max(1, len(flat) // PALETTE_SAMPLE), :3])[0]
    if len(colors) < 2:
        return False
    return bool(np.median(_spacing(np.asarray(colors, dtype=np.float64))) >= CELLS_APART)


def jpeg_palette(
    flat: np.ndarray, errors: tuple[float, float], luma_detail: float, chroma_lost: bool
) -> bool:
    """Whether a palette picture (sample ``flat``) is a JPEG's: 4:2:0's model explains
    its chroma (``errors``: the map's and the model's, ``_chroma_test.chroma_errors``)
    within PALETTE_JPEG_RATIO of the map, its luma keeps detail (PALETTE_LUMA), its
    chroma's is lost (``chroma_lost``) and its colors are cells apart."""
    e_map, e_model = errors
    return bool(
        e_model < PALETTE_JPEG_RATIO * e_map and luma_detail > PALETTE_LUMA and chroma_lost
        and palette_cells_apart(flat)
    )  # fmt: skip


def palette_spread(hist: np.ndarray) -> float:
    """The residual (DN) that SPREAD_QUANTILE of a palette picture's pixels within
    SPREAD_CAP DN of the map reach (``hist``: its residual codes' histogram); 0 when
    fewer than SPREAD_SHARE of them are within it."""
    cap = int(SPREAD_CAP * kernels.RESIDUAL_STEPS) + 1
    counts = hist[1 : cap + 1]
    if counts.sum() == 0 or counts.sum() < SPREAD_SHARE * hist[1:].sum():  # (0: alpha)
        return 0.0  # (mostly off the map: no palette of it, a wrong map)
    code = int(np.searchsorted(np.cumsum(counts), SPREAD_QUANTILE * counts.sum()))
    return code / kernels.RESIDUAL_STEPS


def palette_fills(
    fills: np.ndarray, flat: np.ndarray, codes: np.ndarray, max_code: int
) -> np.ndarray:
    """The ``fills`` (``_fills.fill_boxes``) of a palette picture's sample ``flat``
    (residual ``codes``) that lie past the threshold (``max_code``): one within it is a
    cell of the data whose mean left the map's box (maximum coverage of twilight's
    astronaut shrunk 0.5x: its background, 11 % of the pixels, 9.75 DN off the map), a
    figure's margin is farther (white: 14 DN from RdBu's middle)."""
    steps = codes >> kernels.RESIDUAL_SHIFT
    far = [np.median(steps[fill_pixels(flat, fill[None])]) > max_code for fill in fills]
    return fills[np.asarray(far, dtype=bool)]


def palette_cells(
    flat: np.ndarray, width: int, candidates: np.ndarray, position: np.ndarray,
    residual: np.ndarray, threshold: float, line: Polyline,
) -> np.ndarray:  # fmt: skip
    """Which ``candidates`` (flat mask) of a palette picture are data: their color is
    the palette's nearest to a map color of the local arc (the positions of the pixels
    within CELL_RADIUS on the map, widened by CELL_MARGIN and CELL_MARGIN_BINS)."""
    found = np.zeros(len(candidates), dtype=bool)
    at = np.flatnonzero(candidates)
    if not len(at) or flat.dtype != np.uint8:
        return found
    palette, _ = distinct_colors(flat[:, :3])
    keys = (palette[:, 0] << 16) | (palette[:, 1] << 8) | palette[:, 2]
    own = flat[at, :3].astype(np.int32)
    index = np.searchsorted(keys, (own[:, 0] << 16) | (own[:, 1] << 8) | own[:, 2])
    # where along the map each palette color is the nearest one
    n_bins = float(line.n_bins)
    samples = np.arange(0.0, n_bins, 1.0 / CELL_SAMPLES) + 0.5 / CELL_SAMPLES
    vertices, positions = line.vertices, line.positions
    if line.cyclic:
        vertices = np.vstack([vertices[-1:], vertices, vertices[:1]])
        positions = np.concatenate([positions[-1:] - n_bins, positions, positions[:1] + n_bins])
    colors = np.stack([np.interp(samples, positions, vertices[:, k]) for k in range(3)], axis=1)
    nearest = _nearest(colors, palette.astype(np.float64))
    wanted = np.unique(index)
    cells = [np.sort(samples[nearest == k] / n_bins) for k in wanted]
    starts = np.zeros(len(wanted) + 1, dtype=np.int64)
    starts[1:] = np.cumsum([len(c) for c in cells])
    which = np.searchsorted(wanted, index)
    hits = np.zeros(len(at), dtype=bool)
    _in_arc(
        at, which, starts, np.concatenate(cells) if cells else np.empty(0), position, residual,
        threshold, width, CELL_RADIUS, CELL_MARGIN, CELL_MARGIN_BINS / n_bins, line.cyclic, hits,
    )  # fmt: skip
    found[at[hits]] = True
    return found


def _nearest(colors: np.ndarray, palette: np.ndarray) -> np.ndarray:
    """Index of the nearest ``palette`` color of each of ``colors`` (RGB)."""
    out = np.empty(len(colors), dtype=np.int64)
    for lo in range(0, len(colors), 1024):  # (a few MB at a time)
        chunk = colors[lo : lo + 1024]
        d = ((chunk[:, None, :] - palette[None, :, :]) ** 2).sum(axis=2)
        out[lo : lo + 1024] = np.argmin(d, axis=1)
    return out


@nb.njit(**_JIT)
def _in_arc(  # pragma: no cover - jitted
    at, which, starts, cells, position, residual, threshold, width, radius, margin, pad,
    cyclic, hits,
):
    """``hits[k]``: some position of pixel ``at[k]``'s cell (``cells[starts[w]:
    starts[w + 1]]``, w = ``which[k]``) lies in its local arc, widened."""
    height = len(position) // width
    found = np.empty((2 * radius + 1) ** 2, np.float64)
    for k in range(len(at)):
        p = at[k]
        y, x = p // width, p % width
        lo, hi = _local_arc(
            position, residual, threshold, width, height, x, y, radius, cyclic, found
        )
        if hi < lo:
            continue
        span = (hi - lo) * margin + pad
        lo, hi = lo - span, hi + span
        w = which[k]
        for i in range(starts[w], starts[w + 1]):
            s = cells[i]
            if lo <= s <= hi or (cyclic and (lo <= s + 1.0 <= hi or lo <= s - 1.0 <= hi)):
                hits[k] = True
                break


#: A palette color's pixels are answered as the stretch of the map it stands for only
#: where the data around them lie near that stretch: the median value of the data
#: pixels up to CLUSTER_RING pixels around them within the stretch widened by its own
#: width and CELL_MARGIN_BINS bins on each side (an ink's fringe on a field elsewhere).
CLUSTER_RING = 2
#: A palette color off the map by up to REACH times its distance to the palette's next
#: color is data as well where at most STROKE_SHARE of its NaN pixels touch an ink (a
#: color farther off: black, white, their blends with the map): a noisy render's palette
#: (Gaussian noise 2-3 DN, 256 colors) holds means 1.0-1.8 times their spacing off it.
#: camera and fBm terrain 512^2 x jet, viridis, turbo, magma, RdBu_r, twilight x noise 2
#: / 3 DN, Lanczos 0.5x, exact x median cut, octree, max coverage (144 pictures): over
#: 0.2 % holes 24 -> 4, mean 0.122 -> 0.025 % (with KEPT_*); the annotated palettes of
#: tests/color/test_decolorize_kind.py flagged as before (covered pixels within 0.1 pt).
REACH = 2.0
STROKE_SHARE = 0.2
#: A mostly-data palette color's NaN pixels (the decode's local judgement left a few
#: of a noisy render's colors NaN: RdBu_r's (41, 104, 175), 302 of 894) take the median
#: answer of its other pixels where none touches an ink, that answer lies between the
#: least and greatest answers within KEPT_RING pixels, and at most KEPT_HOLES of its 8
#: neighbours are NaN (a stroke's pixels lie in a line of holes: with 2, jet's annotated
#: palette lost 0.4 pt of its covered pixels' flags; no gate on NaN neighbours: 1.4 pt),
#: KEPT_ROUNDS times, each round's answers the next one's neighbours (a cluster's holes
#: answered from its rim inwards: the 4 noisy renders still over 0.2 %, 0.22-0.32 % ->
#: 0.15-0.29 %; annotated palettes' flags the same, 1 or 4 rounds, ring 2 or 3).
KEPT_RING = 3
KEPT_HOLES = 1
KEPT_ROUNDS = 4


def palette_filled(decoder: Any, result: Any, pixels: np.ndarray, kind: str, plan: Any) -> Any:
    """``result`` of a palette picture (at most PALETTE_COLORS colors, no exact render)
    with the NaN pixels of each off-map palette color that stands for a stretch of the
    map (:func:`uncovered`) answered: that stretch's map value nearest to the color.

    A quantizer's color is the mean of a cluster of the picture's colors: where the
    cluster spans a bend of the map, its mean lies off it, 11-44 DN for Pillow's median
    cut and its 64 colors at coolwarm's and turbo's ends, and every pixel painted with
    it is data all the same; so are a coarse palette's colors that error diffusion
    mixed around the map where the picture was not taken for dithered (``_dither``: jet
    in the web palette on textured fields, 42 DN off). An annotation's colors stay NaN:
    black, white and their blends with the map lie farther from the map than from the
    palette's next color, or off the stretch the data around them hold."""
    values = result.values
    if (
        kind != "u8" or pixels.ndim != 3 or plan.exact or plan.sharp
        or not isinstance(values, np.ndarray) or values.shape != pixels.shape[:2]
        or result.n_nan == 0
    ):  # fmt: skip
        return result
    flat = pixels.reshape(-1, pixels.shape[-1])
    if pixels.shape[-1] == 4 and not np.all(flat[:, 3] == 255):
        return result
    if not palette_picture(flat, len(flat)):  # (a sample's colors: most pictures stop here)
        return result
    holes = np.isnan(values).reshape(-1)
    if not holes.any():
        return result
    keys = _color_keys(flat[:, :3])
    # (the sample's colors first: a palette picture's are most of its own, and a search
    # among 256 keys is cheaper than sorting a megapixel's)
    palette_keys = np.unique(keys[:: max(1, len(keys) // PALETTE_SAMPLE)])
    index = np.minimum(np.searchsorted(palette_keys, keys), len(palette_keys) - 1)
    if not np.array_equal(palette_keys[index], keys):
        palette_keys, index = np.unique(keys, return_inverse=True)
    if len(palette_keys) > PALETTE_COLORS:
        return result
    index = index.reshape(-1)
    n_colors = len(palette_keys)
    missing = np.bincount(index[holes], minlength=n_colors)
    total = np.bincount(index, minlength=n_colors)
    data = missing * 2 < total  # (the decode's own judgement: mostly data)
    palette_rgb = np.stack(
        [palette_keys >> 16, (palette_keys >> 8) & 255, palette_keys & 255], axis=1
    ).astype(np.float64)
    line = decoder._grid("u8", "rgb").line
    stretches, reach = uncovered(palette_rgb, line, data), uncovered(palette_rgb, line, data, REACH)
    inked = _inked(index, reach[:, 1] > reach[:, 0], data, values.shape)
    near_ink = inked[index[holes]]  # (the holes next to a stroke's pixel)
    stroked = np.bincount(index[holes][near_ink], minlength=n_colors) > STROKE_SHARE * missing
    stretches[~stroked] = reach[~stroked]
    asked = np.flatnonzero((missing > 0) & ~data & (stretches[:, 1] > stretches[:, 0]))
    kept = data & (missing > 0) & ~stroked
    if not len(asked) and not kept.any():
        return result
    n_bins = float(line.n_bins)
    out = np.array(values, dtype=np.float64, copy=True)
    flat_out = out.reshape(-1)
    hole_at = np.flatnonzero(holes)
    hole_index = index[hole_at]
    for k in asked:
        lo, hi = stretches[k]
        at = _nearest_within(palette_rgb[k], line, lo, hi)
        pad = (hi - lo) + CELL_MARGIN_BINS
        low = float(np.asarray(decoder._norm(max(0.0, lo - pad) / n_bins)))
        high = float(np.asarray(decoder._norm(min(n_bins, hi + pad) / n_bins)))
        low, high = min(low, high), max(low, high)
        pixels_at = hole_at[hole_index == k]
        near = _ring_values(values, pixels_at, CLUSTER_RING)
        if not len(near) or not low <= float(np.median(near)) <= high:
            continue
        flat_out[pixels_at] = float(np.asarray(decoder._norm(at / n_bins)))
    _kept_filled(out, flat_out, index, hole_at[~near_ink], hole_index[~near_ink], kept)
    return replace(result, values=out, n_nan=-1)


def _inked(
    index: np.ndarray, reached: np.ndarray, data: np.ndarray, shape: tuple[int, int]
) -> np.ndarray:
    """Per pixel (flat, ``index``: its palette color's), whether it or one of its 8
    neighbours is painted with an ink: a color neither mostly ``data`` nor ``reached``
    (off the map farther than REACH times the palette's spacing there: a stroke's
    black, white and their strong blends with the map)."""
    ink = (~data & ~reached)[index].reshape(shape)
    near = ink.copy()
    near[1:] |= ink[:-1]
    near[:-1] |= ink[1:]
    near[:, 1:] |= near[:, :-1].copy()
    near[:, :-1] |= near[:, 1:].copy()
    return near.reshape(-1)


def _kept_filled(
    values: np.ndarray, flat_out: np.ndarray, index: np.ndarray, hole_at: np.ndarray,
    hole_index: np.ndarray, kept: np.ndarray,
) -> None:  # fmt: skip
    """``flat_out`` at the holes ``hole_at`` (their colors ``hole_index``) of the ``kept``
    colors: the median value of that color's pixels the decode answered, where it lies
    between the least and greatest answer within KEPT_RING pixels."""
    asked = kept[hole_index]
    if not asked.any():
        return
    flat = values.reshape(-1)
    answered = np.flatnonzero(kept[index] & ~np.isnan(flat))
    order = np.argsort(index[answered], kind="stable")
    colors = index[answered][order]
    starts = np.searchsorted(colors, np.arange(len(kept) + 1))
    answers = flat[answered][order]
    median = np.full(len(kept), np.nan)
    for k in np.flatnonzero(kept):
        if starts[k + 1] > starts[k]:
            median[k] = np.median(answers[starts[k] : starts[k + 1]])
    at, answer = hole_at[asked], median[hole_index[asked]]
    for _ in range(KEPT_ROUNDS):
        low, high = _around(values, at, KEPT_RING)
        inside = (low <= answer) & (answer <= high)  # (NaN: no neighbour answered)
        inside &= _nan_around(values, at) <= KEPT_HOLES  # (no stroke's line of holes)
        if not inside.any():
            break
        flat_out[at[inside]] = answer[inside]
        at, answer = at[~inside], answer[~inside]


def _nan_around(values: np.ndarray, at: np.ndarray) -> np.ndarray:
    """How many of the 8 neighbours of each pixel ``at`` (flat indices of ``values``,
    (H, W)) are NaN (outside the picture: none)."""
    height, width = values.shape
    y, x = np.divmod(at, width)
    count = np.zeros(len(at), dtype=np.int64)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            yy, xx = y + dy, x + dx
            inside = (yy >= 0) & (yy < height) & (xx >= 0) & (xx < width) & ((dy, dx) != (0, 0))
            near = values[np.clip(yy, 0, height - 1), np.clip(xx, 0, width - 1)]
            count += inside & np.isnan(near)
    return count


def _around(values: np.ndarray, at: np.ndarray, radius: int) -> tuple[np.ndarray, np.ndarray]:
    """The least and greatest value not NaN among the pixels within ``radius``
    (chessboard) of each pixel ``at`` (flat indices of ``values``, (H, W)); NaN where
    none is answered."""
    height, width = values.shape
    y, x = np.divmod(at, width)
    low, high = np.full(len(at), np.nan), np.full(len(at), np.nan)
    for dy in range(-radius, radius + 1):
        for dx in range(-radius, radius + 1):
            near = values[np.clip(y + dy, 0, height - 1), np.clip(x + dx, 0, width - 1)]
            low, high = np.fmin(low, near), np.fmax(high, near)
    return low, high


def _ring_values(values: np.ndarray, at: np.ndarray, radius: int) -> np.ndarray:
    """The values not NaN of the pixels within ``radius`` (chessboard) of the pixels
    ``at`` (flat indices of ``values``, (H, W)) but not among them."""
    height, width = values.shape
    y, x = np.divmod(at, width)
    top, left = max(0, y.min() - radius), max(0, x.min() - radius)
    bottom, right = min(height, y.max() + radius + 1), min(width, x.max() + radius + 1)
    mask = np.zeros((bottom - top, right - left), dtype=bool)
    mask[y - top, x - left] = True
    near = values[top:bottom, left:right][_grown(mask, radius)]
    return near[~np.isnan(near)]


def _grown(mask: np.ndarray, radius: int) -> np.ndarray:
    """Pixels within ``radius`` (chessboard) of ``mask`` but not in it."""
    grown = mask.copy()
    for _ in range(radius):
        step = grown.copy()
        step[1:] |= grown[:-1]
        step[:-1] |= grown[1:]
        step[:, 1:] |= step[:, :-1].copy()
        step[:, :-1] |= step[:, 1:].copy()
        grown = step
    return grown & ~mask


def uncovered(
    palette: np.ndarray, line: Polyline, data: np.ndarray, reach: float = 1.0
) -> np.ndarray:
    """Per ``palette`` color ((P, 3) float RGB), the stretch of the map (bins, lo < hi;
    none: lo = hi = -1) it stands for, if it is off the map: the stretch between the
    positions of the ``data`` palette colors on either side of its projection, when its
    distance to the map is at most its distance to the nearest other palette color
    (the palette's own spacing there: a quantizer's color is the mean of a cluster of
    colors nearer it than most others, off a curved map by at most the cluster's size;
    error diffusion mixes a coarse palette's colors around the map, 42 DN off jet for
    the web palette's (51, 255, 255), whose colors lie 51 DN apart)."""
    stretches = np.full((len(palette), 2), -1.0)
    if len(palette) < 2 or not data.any():
        return stretches
    at, distance = project(palette, line.vertices, line.positions)
    n_bins = float(line.n_bins)
    levels = np.sort(at[data])
    spacing = _spacing(palette)
    for k in np.flatnonzero(~data):
        below, above = levels[levels < at[k]], levels[levels > at[k]]
        if line.cyclic and not (len(below) and len(above)):
            continue  # (across the seam: left NaN)
        lo = below[-1] if len(below) else 0.0
        hi = above[0] if len(above) else n_bins
        if distance[k] <= reach * spacing[k]:
            stretches[k] = lo, hi
    return stretches


def _spacing(palette: np.ndarray) -> np.ndarray:
    """Each of ``palette``'s colors' distance (DN) to the nearest other one."""
    gaps = np.sqrt(((palette[:, None, :] - palette[None, :, :]) ** 2).sum(axis=2))
    np.fill_diagonal(gaps, np.inf)
    return gaps.min(axis=1)


def project(
    colors: np.ndarray, vertices: np.ndarray, positions: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Position (bins) of the nearest point of the polyline through ``vertices`` (at
    ``positions``) to each of ``colors`` ((P, 3) RGB, DN), and its distance (DN)."""
    if len(vertices) == 1:
        gap = np.sqrt(((colors - vertices[0]) ** 2).sum(axis=1))
        return np.full(len(colors), positions[0]), gap
    start, step = vertices[:-1], np.diff(vertices, axis=0)
    length2 = np.maximum((step**2).sum(axis=1), 1e-12)
    along = np.einsum("psc,sc->ps", colors[:, None, :] - start[None], step) / length2
    along = np.clip(along, 0.0, 1.0)
    gap = np.sqrt(((colors[:, None, :] - start[None] - along[..., None] * step[None]) ** 2).sum(2))
    best = np.argmin(gap, axis=1)
    rows = np.arange(len(colors))
    return positions[best] + along[rows, best] * np.diff(positions)[best], gap[rows, best]


def _nearest_within(color: np.ndarray, line: Polyline, lo: float, hi: float) -> float:
    """Position (bins) of the map's point nearest ``color`` between ``lo`` and ``hi``."""
    inside = (line.positions > lo) & (line.positions < hi)
    ends = np.array([lo, hi])
    positions = np.concatenate([[lo], line.positions[inside], [hi]])
    vertices = np.vstack(
        [line.colors_at(ends[:1]), line.vertices[inside], line.colors_at(ends[1:])]
    )
    return float(project(color[None], vertices, positions)[0][0])

"""Whether a picture is an exact render of the map, and a sharp one (:func:`exact_render`).

An exact render (``plt.imsave``, an ``imshow`` figure at 1:1, ``cmap(norm(x))``) holds
table colors; a sharp one also holds nothing blended by resampling, so what is off the
map there was drawn over it (text, lines) and the threshold stays at the table's own
rounding. Resampled pictures (downscaled, interpolated) hold blends of neighbouring
colors, which ``_resampled`` unmixes. ``_plan.make_plan`` asks for the verdict on its
sample of the picture; a figure's parts (an image and its colorbar, drawn at different
scales) are judged apart (:func:`largest_part`).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._chroma_test import BAND_ROWS
from truepix.color._decolorize._grow import dilated, joined, on_segment, speck_share
from truepix.color._decolorize._histogram import residual_histogram
from truepix.color._decolorize._tables import SHARE_SAMPLE, table_share

__all__ = [
    "MIN_THRESHOLD", "NOISE_CAP", "exact_render", "exact_share", "figure_render", "largest_part",
    "interpolated", "ramps", "seen_rows", "threshold_code",
]

#: The plain threshold (DN) of pictures without noise: a sharp render's strokes' edges
#: fade over more pixels than its table colors' rounding (``_plan.auto_threshold``).
MIN_THRESHOLD = 3.0
#: Residuals above this (DN) do not count in the noise estimate (off-map pixels).
NOISE_CAP = 32.0
#: A picture is an exact render when this share of its pixels within NOISE_CAP of
#: the map are table colors: 0.96-0.97 measured on annotated plt.imsave PNGs of real
#: fields, 0.52-0.90 on resampled pictures (whose median residual is 0 all the same).
EXACT_SHARE = 0.93
#: ... counted away from pixels this far (DN) from the map, and this many pixels
#: around them: on the test's annotated camera (16 % annotation) 0.974-1.0 over 28
#: matplotlib maps, where counting all pixels gave 0.910-0.965 (white text on RdBu,
#: PiYG, Blues, bone under 0.93); resampled pictures of real and smooth fields
#: (bilinear, bicubic, area at 0.33x, 0.5x, 2x) at most 0.903 (viridis, smooth)
#: but for maps whose blends are their own colors (gray, hot).
ANNOTATION_RESIDUAL = 6.0
ANNOTATION_RADIUS = 2
BLEND_TOLERANCE = 4.0
#: ... and where SHARP_STEP (DN) steps between neighbours join two table colors this
#: often (of MIN_SHARP_STEPS or more): 0.904-1.0 on the annotated cameras, at most
#: 0.848 on them resampled (jet at 0.5x, 0.7x), whose steps are blends -- but for maps
#: whose blends are their own colors (straight segments: hot, bwr, seismic, hsv).
EXACT_SHARP = 0.88
SHARP_STEP = 12.0
MIN_SHARP_STEPS = 100
#: ... and where few pixels between neighbours BLEND_STEP DN apart are their blend:
#: at most 0.38 on the annotated cameras (not gray), at least 0.446 resampled (area
#: 0.5x; bwr, seismic, hot, hsv 0.455-0.48, whose blends are table colors).
#: Past it, with some pixels off the table away from foreign ones, a picture is no
#: exact render at all (hot, bwr cameras at cv2 area/linear 0.5x: 0.50-0.54, 0.4-1.2 %
#: off the table; taken for exact, their off-map blends were annotations: 1.7 % holes).
EXACT_BLENDS = 0.41
BLEND_STEP = 24.0
#: ... or where at most this share of the pixels away from foreign ones (and within
#: NOISE_CAP of the map) are no table colors: none on exact renders of smooth fields
#: under black contour lines (viridis, twilight, jet; whose few steps between data
#: neighbours make the statistics above the strokes' edges: blends 0.68-0.96), 0.7-4 %
#: on cv2/Pillow 0.5x/0.33x resampled cameras of maps whose blends are mostly their
#: own colors (hot, bwr), 10 % and more on other maps' resampled pictures.
SHARP_OFF_TABLE = 0.001
#: ... and no exact render at all where more than SPECK_SHARE of its foreign pixels
#: (of MIN_DRAWN or more) lie in 8-connected groups of fewer than SPECK_GROUP: text
#: and lines are connected strokes (28 maps' annotated cameras at most 0.05, the
#: benchmark's annotated pictures 0.015, contour figures 0-0.15 where not exact
#: anyway), a point-sampling downscale's blends at edges are scattered: OpenCV
#: linear and cubic 0.33x and cubic 0.5x of hot, bwr, seismic photographs, taken for
#: sharp renders with 3-10 % holes, 0.13-0.86 (holes after: 0-0.5 %).
SPECK_SHARE = 0.1
#: ... judged again where not sharp, off-table pixels foreign too when more than
#: OUTSIDE_MARGIN DN outside the map's box of colors (no blend of map colors leaves
#: it) or joined to foreign ones through DRAWN_RINGS off-table pixels: black contours
#: on magma, white text on RdBu (0 % / 0.2-0.5 % flagged on PNG: "resampled").
OUTSIDE_MARGIN = 1.0
DRAWN_RINGS = 4
SPECK_GROUP = 6
MIN_DRAWN = 5
#: Samples with fewer table colors than this are no exact render, however counted.
MIN_EXACT_SHARE = 0.5
#: No sharp render has fewer than this share of its pixels on the map's polyline
#: (away from foreign ones) entries of its 8-bit table (``keys``): the statistics above
#: count a pixel on the polyline as a table color, and a map whose table runs
#: along the RGB cube's edges (hot: black-red-yellow-white; bwr, seismic) keeps a
#: resampler's blends on it, and a cubic kernel's overshoot too, clipped back onto
#: the cube's faces: hot's DEM at cv2 cubic 0.33x passed as sharp (12.7 % holes, the
#: "strokes' edges" flagged through its blends). Measured on 256^2 DEM and camera:
#: sharp renders 0.99-1.0 (Pillow and matplotlib strokes) but for white ones on bwr's
#: white middle, 0.934; cv2 cubic/linear/area 0.33x-2x: hot 0.35-0.47, bwr 0.50-0.61.
SHARP_KEY_SHARE = 0.8
#: The threshold (DN) on sharp exact renders: a table color in either rounding (truncated
#: and rounded bytes differ by 1 DN a channel: sqrt(3) DN) is on the map; black
#: text on magma (3-4 DN from its first color) is not.
EXACT_THRESHOLD = 2.0
#: A pixel is on a ramp of colors (:func:`ramps`) when it is the mean of its two
#: neighbours along rows and along columns, each channel within this many DN (three
#: roundings to bytes), and they are no flat fill.
RAMP_TOLERANCE = 2.0
#: A picture's colors were interpolated (``pcolormesh(shading='gouraud')``: each pixel a
#: linear RGB blend of its triangle's vertex colors) when at least this share of its
#: pixels off the map (MIN_RAMPS or more) lie on ramps: 0.45-0.5 on jet and hsv gouraud
#: pictures of a photograph (24x24 mesh at 320^2); at most 0.01 on the annotated
#: pictures of benchmarks/colormaps.py (6 maps, PNG, OpenCV area 0.5x, linear 2x,
#: cubic 1.5x), whose strokes' edges are no ramps across them.
RAMP_SHARE = 0.25
MIN_RAMPS = 20


def exact_share(hist: np.ndarray) -> float:
    """Share of the pixels within NOISE_CAP (DN) of the map that are table colors."""
    cap = int(NOISE_CAP * kernels.RESIDUAL_STEPS) + 1
    total = hist[1 : cap + 1].sum()
    return float(hist[1] / total) if total else 1.0


def exact_render(
    hist: np.ndarray, codes: np.ndarray, sample: np.ndarray, scale: float, spatial: bool,
    bounds: tuple[np.ndarray, np.ndarray] | None = None, quantized: bool = False,
    keys: tuple[np.ndarray, ...] | None = None, seen: np.ndarray | None = None,
) -> tuple[bool, bool, float]:  # fmt: skip
    """Whether a sample is an exact render, whether a sharp one (no resampling blended
    it: what was drawn on it is off the map), and the threshold (DN) a sharp one gets.

    Exact: its pixels within NOISE_CAP of the map are table colors (EXACT_SHARE),
    over all of them or, on spatial samples, away from (ANNOTATION_RADIUS) foreign
    pixels (:func:`foreign`): strokes near a map's end (white on RdBu, black on
    magma) put their edges within NOISE_CAP of the map too. Sharp: nothing off the
    map, or steps between neighbours that join table colors (:func:`sharp_share`)
    and few blends between far-apart neighbours (:func:`blend_share`), or all pixels
    away from foreign ones table colors (SHARP_OFF_TABLE). Not sharp, it is judged
    again with foreign also the off-table pixels outside ``bounds`` (the map's lowest
    and highest byte per channel: no blend of map colors leaves them) or joined to
    foreign ones (EXACT_BLENDS: maps whose blends are their own colors). With the
    sorted ``keys`` of the map's 8-bit tables (``_tables.table_keys``; an 8-bit
    ``sample``), a sharp one's pixels on the polyline are table entries (SHARP_KEY_SHARE).
    ``seen``: the sample's rows whose neighbours above and below are in it too (a banded
    sample's, :func:`seen_rows`); only they are counted away from foreign pixels.
    """
    verdict, drawn = _verdict(hist, codes, sample, scale, spatial, bounds, quantized, seen)
    if not verdict[1] and drawn is not None and keys is not None and not quantized and (
        exact_share(hist) >= EXACT_SHARE
    ):  # (a palette's cell means lie in thin runs too: never sharp, ``_judged``)
        # strokes in the map's own colors (white over pink's white end): their
        # no-table pixels drawn too, not blends away from any drawing
        from truepix.color._decolorize._near_strokes import thin_runs  # (loaded if asked)

        thin = thin_runs(sample, np.unique(np.concatenate(keys)), seen)
        if thin.any():
            again, _ = _verdict(hist, codes, sample, scale, spatial, bounds, quantized, seen,
                                drawn | thin)  # fmt: skip
            verdict = again if again[1] else verdict
    if not (verdict[1] and spatial and keys is not None):
        return verdict
    steps = (codes >> kernels.RESIDUAL_SHIFT).reshape(sample.shape[:-1])
    # first all its pixels on the polyline, evenly spaced: an exact render's are entries,
    # strokes or not (the full masks cost ~3 ms a 1 MP plan), and leaving out those near
    # foreign pixels only raises the share
    on_line = np.flatnonzero(steps.ravel() == 1)
    on_line = on_line[:: max(1, len(on_line) // SHARE_SAMPLE)]
    if table_share(sample.reshape(-1, sample.shape[-1])[on_line], keys) >= SHARP_KEY_SHARE:
        return verdict
    far = dilated(steps > threshold_code(ANNOTATION_RESIDUAL), ANNOTATION_RADIUS)
    if table_share(sample[(steps == 1) & ~far], keys) < SHARP_KEY_SHARE:
        return False, False, EXACT_THRESHOLD  # its blends lie along the polyline: resampled
    return verdict


def _verdict(
    hist: np.ndarray, codes: np.ndarray, sample: np.ndarray, scale: float, spatial: bool,
    bounds: tuple[np.ndarray, np.ndarray] | None, quantized: bool, seen: np.ndarray | None,
    drawn: np.ndarray | None = None,
) -> tuple[tuple[bool, bool, float], np.ndarray | None]:  # fmt: skip
    """:func:`exact_render`'s verdict from the polyline alone (no table entries), and
    the sample's :func:`foreign` pixels where they were asked for (else None).
    ``drawn``: those pixels given (with ``_near_strokes.thin_runs``' pixels too)."""
    share = exact_share(hist)
    if share == 1.0 or not spatial or share < MIN_EXACT_SHARE:
        return (share >= EXACT_SHARE, share == 1.0, EXACT_THRESHOLD), None
    steps = (codes >> kernels.RESIDUAL_SHIFT).reshape(sample.shape[:-1])
    rgb = sample[..., :3].astype(np.float32) * np.float32(scale)  # DN
    drawn = foreign(rgb, steps) if drawn is None else drawn
    black = (steps > 1) & (rgb.max(axis=-1) <= 1.0)
    judged = _judged(share, steps, rgb, drawn, drawn, black, quantized, seen)
    if judged[1] or bounds is None:
        return judged, drawn
    low, high = (np.asarray(b, np.float32) for b in bounds)
    outside = ((rgb < low - OUTSIDE_MARGIN) | (rgb > high + OUTSIDE_MARGIN)).any(axis=-1)
    strokes = joined(drawn | (outside & (steps > 1)), steps > 1, DRAWN_RINGS)
    link = black | (outside & (steps > 1))
    again = _judged(share, steps, rgb, drawn, strokes, link, quantized, seen)
    return (again if again[1] else judged), drawn


def _judged(share: float, steps: np.ndarray, rgb: np.ndarray, drawn: np.ndarray,
            around: np.ndarray, link: np.ndarray, quantized: bool = False,
            seen: np.ndarray | None = None,
            ) -> tuple[bool, bool, float]:  # fmt: skip
    """:func:`exact_render`'s verdict away from ``around``, ``drawn`` joined via ``link``;
    a ``quantized`` (palette) picture's off-table colors there are its cells' means.
    ``seen``: the rows counted (a banded sample's rows inside their bands)."""
    kept = ~dilated(around, ANNOTATION_RADIUS)
    if seen is not None:  # (a band's edge row: the stroke beside it may lie outside)
        kept &= seen[:, None]
    counted = (steps >= 1) & (steps <= threshold_code(NOISE_CAP)) & kept
    total = np.count_nonzero(counted)
    if share < EXACT_SHARE and (
        not total or np.count_nonzero(counted & (steps == 1)) < EXACT_SHARE * total
    ):
        return False, False, EXACT_THRESHOLD
    off_table = np.count_nonzero(counted & (steps > 1))
    if total >= MIN_SHARP_STEPS and off_table <= SHARP_OFF_TABLE * total:
        # nothing away from the drawing is a blend: no resampling; (smooth fields:
        # few steps) its strokes' edges fade over more pixels: the plain threshold
        return True, True, MIN_THRESHOLD
    blends = blend_share(rgb, kept)
    sharp = sharp_share(rgb, steps == 1, kept) >= EXACT_SHARP and blends <= EXACT_BLENDS
    # pixels between far-apart neighbours mostly their blend, and blends off the table
    # away from any drawing: resampled (maps whose blends are their own colors: hot, bwr)
    resampled = blends > EXACT_BLENDS and off_table > 0
    # or foreign pixels that are lone specks (a point-sampling downscale's), not
    # strokes (a black stroke's black core joins its edges)
    if off_table > 0 and np.count_nonzero(drawn) >= MIN_DRAWN:
        resampled |= speck_share(drawn, SPECK_GROUP, drawn | link) > SPECK_SHARE
        sharp = sharp and not resampled
    if quantized and off_table > 0:
        # an octree's palette holds means of cells, off the table: blends (Pillow's
        # FASTOCTREE of hot, bwr, hsv cameras, 256^2, taken for sharp: 4.8-15.9 % holes);
        # with nothing drawn over it, no exact render either
        sharp = False
        resampled |= np.count_nonzero(drawn) < MIN_DRAWN
    return (share >= EXACT_SHARE and not resampled) or sharp, sharp, EXACT_THRESHOLD


def sharp_share(rgb: np.ndarray, table: np.ndarray, kept: np.ndarray) -> float:
    """Share of the sharp steps between ``kept`` neighbours of ``rgb`` (DN; farther
    apart than SHARP_STEP DN) that join two table colors; 0 with fewer than
    MIN_SHARP_STEPS."""
    sharp = steps = 0
    for axis in (0, 1):
        ahead = (slice(1, None), slice(None)) if axis == 0 else (slice(None), slice(1, None))
        behind = (slice(None, -1), slice(None)) if axis == 0 else (slice(None), slice(None, -1))
        jump = rgb[ahead] - rgb[behind]
        step = (np.einsum("...c,...c", jump, jump) > SHARP_STEP**2) & kept[ahead] & kept[behind]
        steps += np.count_nonzero(step)
        sharp += np.count_nonzero(step & table[ahead] & table[behind])
    return sharp / steps if steps >= MIN_SHARP_STEPS else 0.0


def blend_share(rgb: np.ndarray, kept: np.ndarray) -> float:
    """Share of the ``kept`` pixels between two neighbours across (left and right, or
    above and below) BLEND_STEP DN or more apart that lie on the segment joining
    them (within BLEND_TOLERANCE DN, 15-85 % of the way): resampling's blends; 1
    with fewer than MIN_SHARP_STEPS such pixels."""
    lying = spans = 0
    for axis in (0, 1):
        cut = [slice(None), slice(None)]
        ahead, middle, behind = list(cut), list(cut), list(cut)
        ahead[axis], middle[axis], behind[axis] = slice(2, None), slice(1, -1), slice(None, -2)
        t, gap2, length2 = on_segment(rgb[tuple(middle)], rgb[tuple(behind)], rgb[tuple(ahead)])
        span = (length2 > BLEND_STEP**2) & kept[tuple(ahead)] & kept[tuple(middle)]
        span &= kept[tuple(behind)]
        spans += np.count_nonzero(span)
        lying += np.count_nonzero(span & (t > 0.15) & (t < 0.85) & (gap2 <= BLEND_TOLERANCE**2))
    return lying / spans if spans >= MIN_SHARP_STEPS else 1.0


def foreign(rgb: np.ndarray, steps: np.ndarray) -> np.ndarray:
    """Pixels of ``rgb`` (DN) farther than ANNOTATION_RESIDUAL DN from the map that lie
    on no segment (within BLEND_TOLERANCE DN) between two opposite neighbours near the
    map: the cores and edges of what was drawn over a picture, not a resampled one's
    blends."""
    near = np.pad((steps >= 1) & (steps <= threshold_code(ANNOTATION_RESIDUAL)), 1)
    far = steps > threshold_code(ANNOTATION_RESIDUAL)
    padded = np.pad(rgb, ((1, 1), (1, 1), (0, 0)))
    height, width = steps.shape
    between = np.zeros(steps.shape, dtype=bool)
    for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
        ahead = (slice(1 + dy, 1 + dy + height), slice(1 + dx, 1 + dx + width))
        behind = (slice(1 - dy, 1 - dy + height), slice(1 - dx, 1 - dx + width))
        # only far pixels between two near ones can be blends (a figure's margin:
        # none of its neighbours is near, left out before the arithmetic)
        ys, xs = np.nonzero(far & near[ahead] & near[behind])
        _, gap2, _ = on_segment(
            rgb[ys, xs], padded[ys + 1 - dy, xs + 1 - dx], padded[ys + 1 + dy, xs + 1 + dx]
        )  # fmt: skip
        between[ys[gap2 <= BLEND_TOLERANCE**2], xs[gap2 <= BLEND_TOLERANCE**2]] = True
    return far & ~between


def ramps(flat: np.ndarray, scale: float, width: int, candidates: np.ndarray) -> np.ndarray:
    """``candidates`` (flat mask) whose color is the mean of their two neighbours along
    rows and along columns, each channel within RAMP_TOLERANCE DN, and not that of
    all four: a ramp of colors (an interpolation's), not a stroke's edge nor a flat fill.
    The picture's border is no ramp (the candidates alone are read)."""
    height = len(candidates) // width
    at = np.flatnonzero(candidates)
    y, x = np.divmod(at, width)
    at = at[(y > 0) & (y < height - 1) & (x > 0) & (x < width - 1)]
    middle = flat[at, :3].astype(np.float32)
    ramp = np.ones(len(at), dtype=bool)
    spread = np.zeros(len(at), dtype=np.float32)
    for step in (1, width):
        ahead, behind = flat[at + step, :3].astype(np.float32), flat[at - step, :3]
        ramp &= np.abs(2 * middle - ahead - behind).max(axis=-1) * scale <= RAMP_TOLERANCE
        spread = np.maximum(spread, np.abs(ahead - behind).max(axis=-1) * scale)
    found = np.zeros(len(candidates), dtype=bool)
    found[at[ramp & (spread > RAMP_TOLERANCE)]] = True
    return found


def interpolated(flat: np.ndarray, scale: float, width: int, off_map: np.ndarray) -> np.ndarray:
    """The ``off_map`` pixels (flat mask) on :func:`ramps` where they are RAMP_SHARE of
    them (the picture's colors interpolated), else none."""
    count = np.count_nonzero(off_map)
    if count < MIN_RAMPS:
        return np.zeros(len(off_map), dtype=bool)
    found = ramps(flat, scale, width, off_map)
    if np.count_nonzero(found) < RAMP_SHARE * count:
        found[:] = False
    return found


def threshold_code(threshold: float) -> int:
    """Largest residual code kept for a threshold in DN."""
    if threshold >= (kernels.RESIDUAL_MAX_CODE - 1) / kernels.RESIDUAL_STEPS:
        return kernels.RESIDUAL_MAX_CODE
    return 1 + math.floor(threshold * kernels.RESIDUAL_STEPS + 1e-9)


#: A figure's parts are runs of its sample's columns, then rows, that hold pixels
#: within NOISE_CAP of the map, apart by a column (row) that holds none: an image and
#: its colorbar, with the figure's background between. Each part was drawn at its own
#: scale (a colorbar of 256 colors in 230 px is resampled, its blends off the table), so
#: a picture that is no sharp render as a whole is judged again on its largest part
#: when that part holds PART_SHARE or more of those pixels: black contours and text
#: over magma beside a colorbar, 0 % flagged (the bar's blends made the whole picture
#: "resampled", the strokes' edges blends), as without the bar: 99.9 %.
PART_SHARE = 0.5


def figure_render(
    hist: np.ndarray, codes: np.ndarray, sample: np.ndarray, scale: float, spatial: bool,
    bounds: tuple[np.ndarray, np.ndarray], quantized: bool, kept: Any,
    keys: tuple[np.ndarray, ...] | None = None, banded: bool = False,
) -> tuple[bool, bool, float]:  # fmt: skip
    """:func:`exact_render`'s verdict, or where the sample is no sharp render as a whole,
    its largest part's (:func:`largest_part`) when that one is sharp or exact.
    ``kept``: the sample's pixels that are no fill (a mask, or a slice for all);
    ``keys``: the map's 8-bit tables' (:func:`exact_render`); ``banded``: the sample is
    bands of BAND_ROWS rows (``_chroma_test.sample_rows``), not a whole picture."""
    seen = seen_rows(sample.shape[0], BAND_ROWS if banded else 0) if spatial else None
    verdict = exact_render(hist, codes, sample, scale, spatial, bounds, quantized, keys, seen)
    part = largest_part(codes, sample.shape[:2], kept) if spatial and not verdict[1] else None
    if part is None:
        return verdict
    codes = np.ascontiguousarray(codes.reshape(sample.shape[:2])[part]).ravel()
    counted = codes if isinstance(kept, slice) else codes[np.asarray(kept).reshape(
        sample.shape[:2])[part].ravel()]  # fmt: skip
    again = exact_render(
        residual_histogram(counted), codes, np.ascontiguousarray(sample[part]), scale, spatial,
        bounds, quantized, keys, None if seen is None else seen[part[0]],
    )  # fmt: skip
    return again if again[1] or (again[0] and not verdict[0]) else verdict


def seen_rows(n_rows: int, band: int) -> np.ndarray | None:
    """Rows of a sample of ``n_rows`` made of bands of ``band`` rows (0: a whole picture,
    None) whose neighbours above and below are in the sample: not a band's first or last.

    A faint edge row of a horizontal line (a gridline's antialiased side, 1-3 DN off the
    map) at a band's edge lies beside the line's core outside the sample: counted as no
    table color away from any drawing, it made a figure with gridlines "resampled"
    (viridis at dpi 150 under dashed gray gridlines: 449 such pixels, all on one row).

    Examples
    --------
    >>> seen_rows(12, 6).astype(int).tolist()
    [0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0]
    >>> seen_rows(12, 0) is None
    True
    """
    if band <= 2 or n_rows % band:
        return None
    inside = np.arange(n_rows) % band
    return (inside > 0) & (inside < band - 1)


def largest_part(
    codes: np.ndarray, shape: tuple[int, int], kept: Any
) -> tuple[slice, slice] | None:
    """The rows and columns of the largest part of a sample of ``shape`` (its pixels'
    ``codes``; ``kept``: its pixels that are no fill, a mask or a slice), when it is
    not the whole and holds PART_SHARE of the pixels near the map; else None."""
    steps = (codes >> kernels.RESIDUAL_SHIFT).reshape(shape)
    near = (steps >= 1) & (steps <= threshold_code(NOISE_CAP))
    if not isinstance(kept, slice):
        near &= np.asarray(kept).reshape(shape)
    total = np.count_nonzero(near)
    if total == 0:
        return None
    columns = _largest_run(near.sum(axis=0))
    rows = _largest_run(near[:, columns].sum(axis=1))
    if (rows.stop - rows.start, columns.stop - columns.start) == shape:
        return None
    if np.count_nonzero(near[rows, columns]) < PART_SHARE * total:
        return None
    return rows, columns


def _largest_run(counts: np.ndarray) -> slice:
    """The run of nonzero ``counts`` (apart by zeros) with the largest sum."""
    edges = np.diff(np.concatenate([[0], (counts > 0).astype(np.int8), [0]]))
    starts, stops = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    sums = np.array([counts[a:b].sum() for a, b in zip(starts, stops, strict=True)])
    best = int(np.argmax(sums))
    return slice(int(starts[best]), int(stops[best]))

"""Which pixels of a JPEG'd picture past the residual threshold are off the map.

JPEG's 4:2:0 chroma subsampling moves data pixels of maps that turn sharply (jet) far
off the map in RGB; its model (``chroma_model_residual``) explains most of them. What
it does not explain is judged by shape: annotations are strokes of one color (``core_groups``,
``grow_similar``; thin lines of one ink, ``_lines``), JPEG's misses specks or texture.
"""

from __future__ import annotations

from functools import partial

import numpy as np

from truepix.color._decolorize import _degraded as degraded
from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._alone import alone, luma_spread, strung
from truepix.color._decolorize._bleed import strokes_unbled
from truepix.color._decolorize._branches import map_samples, rebranch
from truepix.color._decolorize._chains import chain_cores
from truepix.color._decolorize._dip_lines import dip_lines
from truepix.color._decolorize._dips import ink_dips
from truepix.color._decolorize._discrete import mixed_cores, ringing
from truepix.color._decolorize._edges import beyond_cores, resized_blends
from truepix.color._decolorize._end_inks import end_ink_strokes, ink_ends
from truepix.color._decolorize._end_piles import end_line, end_undershoots
from truepix.color._decolorize._fills import MOSTLY_OFF, mostly_off
from truepix.color._decolorize._fringes import fringes
from truepix.color._decolorize._gray_curves import gray_curves
from truepix.color._decolorize._gray_inks import gray_ink_strokes, gray_middle
from truepix.color._decolorize._grow import counted_groups, dilated, grow_similar
from truepix.color._decolorize._inked import inked_strokes
from truepix.color._decolorize._inked import _peak_ink as peak_ink
from truepix.color._decolorize._ink_blends import ink_blends
from truepix.color._decolorize._jumps import jump_strokes
from truepix.color._decolorize._lines import ink_lines
from truepix.color._decolorize._margins import FillRinging, filled_pixels, grown_within
from truepix.color._decolorize._margins import inner_groups, margin_ring, on_map_pixels
from truepix.color._decolorize._palette import Polyline
from truepix.color._decolorize._plan import _YCBCR, Plan
from truepix.color._decolorize._remodel import remodel
from truepix.color._decolorize._speckle import model_fits, speckle_off_map, speckled
from truepix.color._decolorize._straight import straight_strokes

__all__ = ["jpeg_off_map"]

#: JPEG'd pictures: a pixel past the RGB threshold is still data when JPEG's 4:2:0
#: model (``chroma_model_residual``) explains it within JPEG_MODEL_WEAK DN, or when
#: no pixel within JPEG_STRONG_RADIUS belongs to a clearly foreign core: pixels
#: farther than JPEG_MODEL_STRONG DN from the model, or with a luma JPEG_STROKE DN
#: outside the map's or its 3x3 neighbours' (text, lines, black and white), in an
#: 8-connected group of JPEG_CORE_PIXELS or more, or with one of them farther than
#: JPEG_MODEL_FOREIGN DN from the model. Chroma subsampling moves data pixels of
#: maps that turn sharply (jet) 40-130 DN off the map in RGB, and on textured fields
#: (photographs) some also 35-60 DN off the model -- a wrong branch where the map's
#: luma turns, chroma quantization of single-pixel detail -- but as lone specks of
#: one or two pixels; annotations keep larger cores, or cores far off the model.
#: Measured in benchmarks/colormaps.py and with matplotlib-drawn text
#: (tests/color/test_decolorize_annotations.py): a larger group size (5-8) or a
#: stronger core (50 DN) leaves fewer holes but loses thin matplotlib strokes.
#: JPEG_MODEL_STRONG (4:2:0 pictures, ``Plan.subsampled``) was 35 DN, as
#: JPEG_MODEL_STRONG_FULL (4:4:4) still is, until the rules below (``_alone.alone``,
#: ``_textured``) kept texture's cores apart. At 30, matplotlib's thin strokes in colors
#: 47-66 DN from the map (benchmarks/_drawn_annotations.py, q75 4:2:0), flagged / data
#: lost, %: gray on viridis 65.3 / 1.45 -> 87.0 / 1.52, magenta on cmocean:thermal
#: 61.3 / 0.88 -> 80.6 / 0.98, on coolwarm 29.8 / 0.26 -> 41.2 / 0.28, black on turbo
#: 67.8 / 0.96 -> 74.4 / 1.09, white on magma 46.2 -> 53.7; the benchmark's Pillow
#: strokes (4:2:0) 0.1-1.2 points more, its map pixels lost -0.2 to +0.4; holes on
#: all-data pictures 0.00 -> 0.03 % at most (q50 4:2:0 jet / astronaut). At 25 DN: 2.0 %
#: holes on jet's camera at q50 (tests/color/test_decolorize_holes.py); at 30 on 4:4:4
#: too, 2.5 % on turbo's gray astronaut at q50 4:4:4 (same test). A plane through the
#: positions of the pixels around (a stroke's position jumps off what the field
#: predicts) tells strokes from smooth data, but thin data lines on photographs (the
#: camera's tripod legs) jump alike: judging by it every candidate past 12 DN from the
#: model left 1.7 % holes; only those past 30 DN, what 30 DN does alone.
JPEG_MODEL_WEAK = 12.0
JPEG_MODEL_STRONG = 30.0
JPEG_MODEL_STRONG_FULL = 35.0
JPEG_MODEL_FOREIGN = 80.0
JPEG_CORE_PIXELS = 3
JPEG_STRONG_RADIUS = 2
JPEG_STROKE = 10.0
JPEG_STROKE_LUMA = 25.0
#: ... or off the model where the luma around varies by less than this (DN): JPEG
#: moves a flat area's colors little, a white box or margin stays far off.
JPEG_FLAT = 4.0
#: On JPEG'd pictures whose chroma 4:2:0 does not explain better than the map's own
#: (4:4:4; ``Plan.subsampled``) the distance is the smaller of the 4:2:0 model's and
#: the map color's at the pixel's own position: 4:4:4 keeps each pixel's chroma, but
#: at q50 its coarse chroma quantization smooths it as 4:2:0 would. Holes on 4:4:4
#: q50, 6 maps x 5 fields: 0.32 -> 0.16 % mean, 3.3 -> 1.7 % worst (q75 0.03 -> 0.00).
#: The pixels next to (JPEG_HALO_RADIUS) a stroke -- JPEG_HALO_PIXELS or more
#: 8-connected off-map pixels whose luma lies JPEG_HALO_STROKE DN outside the map's
#: luma range: black or white text, lines, boxes -- are its antialiased edge, smeared
#: by JPEG, whatever their residual (blends of the stroke and the map fall near the
#: map's dark or bright end). Data pixels leave the map's luma range only by JPEG's
#: overshoot near its ends, in specks. Measured on the annotated camera figure of
#: tests/color/test_decolorize_annotations.py (q75 4:2:0): black text 60 -> 74 %
#: flagged and black lines 71 -> 84 % (viridis), white text 48 -> 62 % and white
#: lines 45 -> 84 % (coolwarm); holes on all-data q50 pictures as before (single
#: pixels: +0.2-0.5 % on jet and turbo photographs).
JPEG_HALO_STROKE = 10.0
JPEG_HALO_RADIUS = 1
JPEG_HALO_PIXELS = 5
#: A foreign core of fewer than JPEG_CORE_SPREAD_PIXELS whose luma spreads more than
#: JPEG_CORE_SPREAD DN (standard deviation) is JPEG's miss on texture, not a stroke
#: of one color -- unless one of its pixels is farther than JPEG_MODEL_FOREIGN from
#: the model or darker or brighter than every map color (black and white strokes
#: take their antialiased edge, and the field under it, into their cores). Data cores
#: on photographs (jet, q50 4:2:0): luma spread 2-80 DN, most above 12; matplotlib's
#: strokes' cores (tests/color/test_decolorize_annotations.py): 0.3-15 DN, larger
#: ones when the stroke's core merges with the field beside it. Holes on 4 maps x 4
#: real fields (256^2), mean / worst: q95 4:2:0 0.14 / 0.90 -> 0.06 / 0.45 %, q75
#: 0.23 / 1.48 -> 0.14 / 0.97 %, q50 0.77 / 4.12 -> 0.46 / 2.32 %, q50 4:4:4
#: 0.26 / 1.40 -> 0.13 / 0.87 %; annotations flagged as before (within 2 points).
#: (A spread of 20 DN, a pixel 5-10 DN beyond the map's luma, or 2-3 such pixels:
#: jet's black text and lines, whose cores reach only 5-14 DN below jet's darkest
#: blue, lost 2-8 points; keeping cores with a luma extreme among their neighbours
#: kept most data cores too. What holes are left are mostly such cores: JPEG's luma
#: ringing overshoots the map's luma range by up to 25 DN at sharp edges of turbo
#: and jet, as far as black strokes on them undershoot it.)
JPEG_CORE_SPREAD = 12.0
JPEG_CORE_SPREAD_PIXELS = 10
#: A map whose luma peaks (or bottoms) inside the map, not at an end (jet's and
#: turbo's yellow, coolwarm's gray, any cyclic map), paints every level curve of the
#: data through that value as a thin luma ridge, and JPEG overshoots ridges: there a
#: core pixel counts as beyond the map's luma (see JPEG_CORE_SPREAD) only when beyond
#: by more than JPEG_RIDGE_OVERSHOOT DN. The cores jet keeps on the astronaut (q50
#: 4:2:0) for their luma alone: 29 of 34 above its yellow, by 0.4-24 DN, each a
#: ridge 30-200 DN above the pixels 2-3 px away on both sides (so a ridge's shape
#: does not tell them from strokes, nor does the 8x8 grid); white (255) lies 29-35
#: DN above the interior peaks of jet, coolwarm, twilight, hsv, gist_rainbow, black
#: 31 DN below twilight's dark middle. A map's end keeps no margin: black strokes on
#: jet reach only 5-14 DN below its dark blue end. An extreme within JPEG_RIDGE_END DN
#: of an end's luma is the end's. Holes, worst of 4 maps x 5 fields (256^2) in
#: benchmarks/colormaps.py: q95 / q90 / q75 / q50 4:2:0 0.45 / 0.41 / 0.97 / 2.27 ->
#: 0.42 / 0.28 / 0.58 / 1.52 %, q50 4:4:4 0.63 -> 0.43 %; annotations flagged (JPEG
#: q75) within 0.1 point; matplotlib's strokes (tests/color/
#: test_decolorize_annotations.py): jet's black text 74.8 -> 73.0 %, turbo's black
#: lines 87.5 -> 85.5 % (their cores' own ringing above the yellow), others as before.
JPEG_RIDGE_OVERSHOOT = 25.0
JPEG_RIDGE_END = 2.0
#: A pixel's distance to JPEG's model is the smaller of the model on its own
#: positions and on the branches its 2x2 block's chroma calls for (``_branches``:
#: another position of the same luma, within JPEG_BRANCH_TOLERANCE DN, inside the
#: local arc of the pixels within JPEG_BRANCH_RADIUS whose residual is at most
#: JPEG_BRANCH_ANCHOR DN, widened by JPEG_BRANCH_MARGIN of its length each side).
#: jet's thin red lines on the astronaut lose their chroma to the cyan beside them
#: and come out gray; the cyan branch left them 40-120 DN off the model, the red one
#: explains them. Measured with benchmarks/colormaps.py (4 maps x 3 real fields,
#: worst picture): holes q95 / q75 / q50 4:2:0 0.42 / 0.58 / 1.52 -> 0.00 / 0.00 /
#: 0.11 % with the candidates as before. A wider arc (radius 8, or margin 1.0)
#: leaves fewer holes and flags gray and magenta strokes on jet and twilight less;
#: any position on the map (no arc) explains twilight's gray strokes as blends of its
#: blue and red halves (83 % flagged).
JPEG_BRANCH_TOLERANCE = 20.0
JPEG_BRANCH_RADIUS = 6
JPEG_BRANCH_MARGIN = 0.5
JPEG_BRANCH_ANCHOR = 15.0
#: 4:2:0 pictures (``Plan.subsampled``): pixels past JPEG_CANDIDATE DN are judged
#: too, though the threshold is higher, but only those past the threshold start a
#: core or join one by nearness: strokes of colors 50-80 DN from the map (green and
#: gray on viridis, gray on cmocean:thermal) keep pixels 20-40 DN off the map once
#: chroma subsampling blended them with the field, and they join their stroke's core
#: by its luma (``grow_similar``). Annotations flagged at q75 4:2:0 (benchmark):
#: viridis 91.4 -> 97.3 %, cmocean:thermal 87.5 -> 94.2 %, twilight 86.7 -> 90.2 %;
#: holes (worst picture) q75 0.00 -> 0.23 %, q50 0.11 -> 0.23 %. Joining by
#: nearness too flagged 1 point more and lost 1.5 points more of the map pixels next
#: to matplotlib's strokes (tests/color/test_decolorize_annotations.py: viridis 2.5
#: -> 3.7 -> 5.2 %). On 4:4:4 the branches explain less (chroma is smoothed, not
#: averaged per block) and the threshold stays: 20 DN there left 0.46 % holes on
#: q50 (jet, astronaut).
JPEG_CANDIDATE = 20.0
#: Maps of grays (every color's Cb and Cr within JPEG_GRAY_MAP_CHROMA DN: gray, binary, Greys):
#: libjpeg decodes a block of Cb = Cr = 128 to R = G = B exactly, so a picture of such a map keeps
#: no chroma where there is data (measured: R = G = B on every all-data gray picture of
#: benchmarks/colormaps.py, 4:2:0 and 4:4:4, q50-q95), and its luma is always on the map. Chroma
#: there is an annotation's, spread by 4:2:0 and ringing over its 16x16 block: pixels past
#: JPEG_GRAY_CANDIDATE DN are candidates (the stroke's thin parts, whose chroma 4:2:0 diluted to
#: 5-25 DN, as much as the ringing on the field beside them), and those within JPEG_GRAY_RADIUS of
#: a stroke's core join it when their luma is within JPEG_GRAY_LUMA DN of its mean: the stroke
#: keeps its luma, the field beside it has its own. Measured in benchmarks/colormaps.py (gray, q75
#: 4:2:0; flagged / map pixels lost, %): hard edges 77.4 / 5.7 -> 95.2 / 19.9, antialiased 91.0 /
#: 13.7 -> 95.4 / 22.0 (viridis, jet, turbo lose 21-27 % there); holes as before (none);
#: Pillow-drawn strokes on the camera (tests/color/test_decolorize_gray_jpeg.py) 63.0 / 1.7 ->
#: 80.8 / 2.7; matplotlib's colored text and lines on it 89.3 / 5.1 -> 89.4 / 7.9 (what it misses
#: there are antialiased blends, which no luma joins). The candidates alone (no luma join): 93.0 /
#: 93.2 %; joining every candidate by luma (no radius) at 25 DN: 98.7 % flagged but 38 % lost, and
#: on the matplotlib camera 3.8 % lost more than 8 px from any stroke; radius 2: 94.7 / 95.0 %,
#: radius 4: 95.6 / 95.7 % (camera lost 6.9 / 8.9 %).
JPEG_GRAY_MAP_CHROMA = 1.0
JPEG_GRAY_CANDIDATE = 6.0
JPEG_GRAY_LUMA = 12.0
JPEG_GRAY_RADIUS = 3
#: A stroke's pixels that JPEG's model explains as data (4:2:0 averaged their chroma
#: with the field's: 6-14 DN off the model, full-strength cores among them) are found
#: along it (``_follow_strokes``), as Canny's hysteresis follows an edge, from its
#: flagged pixels that no map color can be (farther than JPEG_MODEL_FOREIGN from the
#: model, or beyond the map's luma: ``_ridge_limits``): within JPEG_FOLLOW_RADIUS of
#: such a pixel or of one found before, sharing its luma within JPEG_FOLLOW_LUMA DN
#: (JPEG keeps luma: a stroke keeps one), farther than JPEG_FOLLOW_MODEL DN from the
#: model, and apart from the field around (``_apart``: the pixels within
#: JPEG_FIELD_RADIUS that are within JPEG_CANDIDATE DN of the map): JPEG_FIELD_GAP DN
#: or more from their median luma, and within JPEG_FIELD_LUMA DN of at most
#: JPEG_FIELD_SHARE of them; JPEG_FOLLOW_STEPS steps. The field's pixels beside a
#: stroke carry its ringing and smeared chroma but keep the field's luma.
#: benchmarks/colormaps.py's annotated pictures (q75 antialiased 4:2:0; flagged / map
#: pixels lost, %): magma 83.3 -> 84.4, twilight 90.6 -> 91.4, cmocean:thermal 94.5 ->
#: 94.6, jet 96.3 / 22.64 -> 97.1 / 22.65, coolwarm 96.2 -> 96.7, the others +0.0-0.2;
#: lost +0.00-0.01; holes on all-data pictures as before (JPEG q50-q95, 4:2:0 and
#: 4:4:4); matplotlib's black contours on turbo (benchmarks/_drawn_annotations.py)
#: 74.4 -> 78.3 %; the camera figure of tests/color/test_decolorize_annotations.py
#: within 2 points, its map pixels lost +0.04 at most. Starting from every flagged pixel
#: doubled the gains (twilight 92.9, thermal 95.0, magma 85.7 %, matplotlib's gray on
#: jet 88.7 -> 92.0 %) but grew the holes of pictures that have some: resampled, then
#: JPEG'd (benchmarks/decolorize_trial/trial13/resample_then_jpeg.py) 1.86 / 1.09 /
#: 3.09 -> 2.48 / 1.20 / 3.45 %, turbo on coffee at q75 0.52 -> 0.60 %; from the foreign
#: pixels, letting flagged pixels pass the lead on (the stroke's other parts): 1.90 %
#: on the first. With 16 steps, no model distance and no share (the median gap alone):
#: twilight 95.3, thermal 95.4, magma 89.7 %, but it followed the camera's tripod legs
#: (thin dark data lines, off the model as much as jet's black strokes, sky around):
#: its map pixels lost 3.70 / 4.29 / 3.96 -> 5.1 / 7.5 / 6.0 % (viridis / jet /
#: coolwarm). A median gap of 30 DN lost 0.2-0.5 point more (jet); a pixel's color (not
#: luma) against the nearby flagged pixels' lost 3-6 map pixels per stroke pixel;
#: growing by luma alone (``grow_similar`` through candidates 5-8 DN off the model)
#: lost 1-3 points of map pixels for 1-3 points flagged.
JPEG_FOLLOW_RADIUS = 2
JPEG_FOLLOW_STEPS = 4
JPEG_FOLLOW_LUMA = 20.0
JPEG_FOLLOW_MODEL = 10.0
JPEG_FIELD_RADIUS = 5
JPEG_FIELD_GAP = 40.0
JPEG_FIELD_LUMA = 20.0
JPEG_FIELD_SHARE = 0.1
#: JPEG rings around a fill (a figure's margin, ``_fills``) within its 8x8 blocks: the
#: candidates within JPEG_FILL_RING px of one show no ink's luma (``_inked``).
JPEG_FILL_RING = 8


def jpeg_off_map(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, residual: np.ndarray,
    plan: Plan, line: Polyline, unbled: np.ndarray | None = None,
) -> np.ndarray:  # fmt: skip
    """Which pixels of a JPEG'd picture past the threshold are off the map (flat mask).

    Positions are the luma-weighted ones for every pixel; see JPEG_MODEL_WEAK (and
    ``Plan.subsampled`` for 4:4:4). Only the pixels past the threshold are judged, and the
    kernels visit those alone; strokes beyond the map's luma take their antialiased edge
    along (JPEG_HALO_STROKE). One mostly past it (MOSTLY_OFF) is off at every candidate.
    ``unbled``: a flat mask set where a flagged pixel is JPEG's chroma bleed of a
    stroke, data again (``_bleed.strokes_unbled``).
    """
    lowest = min(plan.threshold, JPEG_CANDIDATE) if plan.subsampled else plan.threshold
    colorless = _colorless(line)
    if colorless:  # data keeps no chroma: what chroma there is, a stroke put there
        lowest = min(lowest, JPEG_GRAY_CANDIDATE)
    candidates = np.flatnonzero(residual > lowest)
    n_pixels = len(position)
    luma = line.vertices @ _YCBCR[0]
    modelled = None  # (the model of the candidates, once: the speckle test reads it too)
    if plan.lossy and not colorless:  # (a smooth codec's error: only what no data can be)
        return speckle_off_map(flat, scale, width, residual, plan.threshold, luma, _YCBCR)
    if not colorless and speckled(flat, scale, width, candidates, _YCBCR):
        # data that varies at the pixel scale everywhere: only strokes no data can be,
        # where JPEG's model explains it (a wrong map's speckle it does not: ``_speckle``)
        modelled = _model(flat, scale, width, position, candidates, line)
        if model_fits(modelled[0]):
            return speckle_off_map(flat, scale, width, residual, plan.threshold, luma, _YCBCR)
    few = len(candidates) <= MOSTLY_OFF * n_pixels  # (gray's 6 DN: annotated q50 76 %)
    if not few and mostly_off(flat, np.sum(residual[candidates] > plan.threshold), plan.fills):
        return residual > lowest  # (not the map: no strokes to find)
    # a figure's margin (the plan's fills, ``_fills``) is decided: off the map, and NaN
    # whatever is judged here; the rules below judge what is left, their cost that of
    # the candidates left (a 1800 x 1200 JPEG'd figure, half margin: 32 -> 0.9 s)
    filled = filled_pixels(flat, plan.fills)
    height = n_pixels // width
    fill_ring, margin = None, None  # (JPEG's ringing around a fill; around a margin)
    if filled is not None:
        fill_ring = dilated(filled, JPEG_FILL_RING, (height, width))
        margin = margin_ring(filled, (height, width))
    if filled is not None:
        filled &= residual > lowest  # (a fill within the threshold stays where it was)
        kept = ~filled[candidates]
        if not kept.all():
            candidates, modelled = candidates[kept], None
    if modelled is None:
        modelled = _model(flat, scale, width, position, candidates, line)
    distance, strong, chroma = modelled
    movable = distance > JPEG_MODEL_WEAK
    branched = _branched_distance(
        flat, scale, width, position, residual, candidates, movable, line, chroma
    )  # fmt: skip
    distance = np.minimum(distance, branched)
    if not plan.subsampled:
        # 4:4:4: each pixel keeps its own chroma, smoothed by its quantization
        own = _own_color_distance(flat, scale, position, candidates, line)
        distance = np.minimum(distance, own)
    strong |= distance > (JPEG_MODEL_STRONG if plan.subsampled else JPEG_MODEL_STRONG_FULL)
    weak = distance > JPEG_MODEL_WEAK
    groups = np.empty(len(candidates), dtype=np.int64)
    luma_of = (kernels.rgb_rows(flat, candidates) @ _YCBCR[0]) * scale
    # a core with a pixel no map color is as dark or bright as is a stroke's
    low, high = _ridge_limits(luma, line.cyclic)
    beyond_map = (luma_of < low) | (luma_of > high)
    if beyond_map.any():  # (JPEG's ringing past a colored end keeps its hue: _end_piles)
        beyond = np.flatnonzero(beyond_map)
        own = end_undershoots(flat, scale, width, candidates[beyond], luma_of[beyond], line)
        beyond_map[beyond[own]] = False
    far = distance > JPEG_MODEL_FOREIGN
    # a core starts past the threshold; the weaker candidates join it (JPEG_CANDIDATE)
    seeds = strong & weak & (residual[candidates] > plan.threshold)
    blend = np.zeros(len(candidates), dtype=bool)
    smooth = np.zeros(len(candidates), dtype=bool)  # (a smoothing kernel's blends: no ink)
    resized, on_map = False, np.zeros(0, dtype=bool)
    # (blends keep seeds out of cores and weak pixels out of chains; none without seed cores)
    counted_groups(seeds, distance, candidates, width, height, JPEG_CORE_PIXELS,
                   JPEG_MODEL_FOREIGN, groups)  # fmt: skip
    if not (colorless or line.cyclic) and groups.any():  # (see _edges.RESAMPLED_SHARE)
        on_map = on_map_pixels(flat, residual, plan.threshold, candidates, filled)
        ring = None if margin is None else margin[candidates]
        inner = inner_groups(groups, ring, beyond_map)  # (a margin's strokes: _margins)
        inked = beyond_cores(beyond_map, inner)
        blend, resized = resized_blends(
            flat, scale, width, candidates, on_map, seeds, beyond_map, inked, position, smooth
        )  # fmt: skip
        if resized:  # ... but for a stroke's ink, which pulls colors out of the data's
            # (imported here, as _around below: a first decode of a picture not resized
            # does not load them)
            from truepix.color._decolorize._pulled import pulled_strokes

            blend &= ~pulled_strokes(
                flat, scale, width, candidates, on_map, inner, blend, line.vertices
            )  # fmt: skip
    seeds &= ~blend
    n_groups = counted_groups(
        seeds, distance, candidates, width, height, JPEG_CORE_PIXELS,
        JPEG_MODEL_FOREIGN, groups,
    )  # fmt: skip
    groups[_textured(groups, n_groups, luma_of, far, beyond_map)] = 0
    if plan.discrete:  # JPEG mixes two colors that meet; a stroke strings what none explains
        mixed, kept = mixed_cores(flat, scale, width, position, candidates, line, groups)
        groups[mixed & (not strung(candidates[kept], luma_of[kept], width, height))] = 0
    if not colorless:  # (gray keeps data on the map: any core there is a stroke's)
        foreign = far | beyond_map
        if plan.discrete:  # (JPEG's ringing where two fields meet: no evidence)
            foreign &= ~ringing(flat, scale, width, position, candidates, line, groups)
        if resized:  # (blends of data colors around: no evidence)
            from truepix.color._decolorize._around import around_blends, hull_blends

            cored = np.flatnonzero((groups > 0) & foreign)
            foreign[cored[around_blends(flat, scale, width, candidates[cored], on_map)]] = False
            cored = np.flatnonzero((groups > 0) & foreign & ~beyond_map)
            foreign[cored[hull_blends(flat, scale, candidates[cored], line.vertices)]] = False
        cored = np.flatnonzero(groups > 0)  # (which cores are ink over one field: _dips)
        inks = np.zeros(len(candidates), dtype=bool)
        inks[cored] = ink_dips(flat, scale, width, candidates[cored], _YCBCR[0], plan.noise,
                               line.colors_at(np.linspace(0, line.n_bins, 257)), residual,
                               JPEG_CANDIDATE)
        groups[alone(groups, n_groups, candidates, foreign, luma_of, width, height,
                     cyclic=line.cyclic, ring=None if margin is None else margin[candidates],
                     inks=inks, end_line=partial(end_line, flat, scale, width, line))] = 0
    fill_rung = FillRinging(flat, scale, plan.fills, (height, width), candidates, line, _YCBCR,
                            on=fill_ring is not None and not colorless)  # (a fill's, JPEG'd)
    fill_rung.spare(groups, n_groups)
    groups[fill_rung.rung] = 0
    n_groups = chain_cores(flat, scale, width, candidates, weak & ~blend, distance, groups,
                           n_groups)  # fmt: skip
    cored = bool(np.any(groups > 0))  # (all-data pictures: no core, nothing grows)
    near = np.zeros(n_pixels if cored else 0, dtype=bool)
    degraded.near_any(candidates[groups > 0], width, height, JPEG_STRONG_RADIUS, near)
    near = near[candidates] if cored else np.zeros(len(candidates), dtype=bool)
    grown = np.zeros(len(candidates), dtype=bool)
    if cored:
        grown_within(flat, scale, _YCBCR, candidates, groups, n_groups, weak, width,
                     JPEG_STROKE_LUMA, grown, None if margin is None else margin[candidates])
    if colorless and cored:  # ... and its weakest pixels join a stroke by its luma alone
        beside = np.zeros(n_pixels, dtype=bool)
        degraded.near(candidates[groups > 0], width, height, JPEG_GRAY_RADIUS, beside)
        grow_similar(
            flat, scale, _YCBCR, candidates, groups, n_groups, beside[candidates], width,
            JPEG_GRAY_LUMA, grown,
        )  # fmt: skip
    # the weaker candidates (JPEG_CANDIDATE) join a stroke only by its luma
    judged = (weak & near & (residual[candidates] > plan.threshold) | grown) & ~blend
    judged &= ~fill_rung.rung
    off_map = np.zeros(n_pixels, dtype=bool) if filled is None else filled.copy()
    off_map[candidates[judged]] = True
    # ... and the stroke's pixels the model explains, found along it from its cores
    leads = candidates[judged & (far | beyond_map)]  # (all-data pictures: a few at most)
    _follow_strokes(flat, scale, width, position, leads, residual, off_map, line)
    # a stroke outside the map's luma range takes its antialiased edge along
    low, high = luma.min() - JPEG_HALO_STROKE, luma.max() + JPEG_HALO_STROKE
    beyond = judged & ((luma_of < low) | (luma_of > high))
    counted_groups(beyond, distance, candidates, width, height, JPEG_HALO_PIXELS, np.inf, groups)
    with fill_rung.kept_out(off_map, cores=True):  # (but a fill's ringing: its blot's halo)
        degraded.near_any(candidates[groups > 0], width, height, JPEG_HALO_RADIUS, off_map)
    strokes_unbled(flat, scale, width, position, residual, off_map, line, plan.subsampled,
                   filled, margin, unbled)  # fmt: skip
    inks = ink_lines(flat, scale, width, residual, candidates, off_map, line, plan.discrete,
                     margin)  # (inks over the data alone)
    if not (len(inks) or len(on_map) or colorless or line.cyclic) and peak_ink(
        luma_of if fill_ring is None else luma_of[~fill_ring[candidates]], n_pixels
    ) is not None:  # (no seed core asked it; a smoothing kernel's blends pile at a luma)
        on_map = on_map_pixels(flat, residual, plan.threshold, candidates, filled)
        resized = resized_blends(flat, scale, width, candidates, on_map, seeds, beyond_map,
                                 beyond_cores(beyond_map, groups), position, smooth)[1]
    # ... and, where it kept an ink, the strokes in it that data explains no better (_inked)
    # (the candidates hold no fill, and a margin's white is no ink's peak)
    ink_luma = luma_of[~smooth if fill_ring is None else ~(fill_ring[candidates] | smooth)]
    inked_strokes(flat, scale, width, position, inks, ink_luma, off_map, line, plan.discrete,
                  filled, resized, partial(np.less_equal, residual, plan.threshold))  # fmt: skip
    # ... and strokes in a color the map holds, where their positions jump (_jumps); gray
    # maps' strokes are found by their chroma (colorless), cyclic ones' positions wrap,
    # and a discrete map's few positions make every thin line of data one ink (jet's 6
    # BoundaryNorm colors on the camera, q95: its tripod's legs 3.8 % holes)
    if not (colorless or line.cyclic or plan.discrete):
        jump_strokes(flat, scale, width, position, off_map, resized, ink_ends(line),
                     line.vertices[[0, -1]], line)
        if gray_middle(line):  # ... and gray ones over a light middle, by their luma (_gray_inks)
            gray_ink_strokes(flat, scale, width, position, off_map, float(luma.max()))
        # ... and white or black ones over a map that ends near white or black (_end_inks)
        end_ink_strokes(flat, scale, width, position, off_map, line)
    # ... and thin black ones strung of dips (_dip_lines; their dips: a dashed line's)
    dips = None if colorless else dip_lines(
        flat, scale, width, off_map, _YCBCR, plan.noise,
        line.colors_at(np.linspace(0, line.n_bins, 65)), residual, JPEG_CANDIDATE, filled)
    # ... and the straight strokes found in part, along their lines (_straight)
    straight_strokes(flat, _YCBCR[0] * scale, width, off_map, plan.noise, filled, dips)
    # ... and thin gray curves over a smooth field, by their shape (_gray_curves; a map
    # with a light or gray middle holds such inks' colors: _gray_inks' part)
    if plan.subsampled and not (colorless or line.cyclic or plan.discrete or gray_middle(line)):
        gray_curves(flat, scale, width, residual, off_map,
                    line.colors_at(np.linspace(0, line.n_bins, 257)))  # fmt: skip
    # ... and the strokes' blends of their ink with the field across them (_ink_blends)
    ink_blends(flat, scale, width, off_map, line, inks)
    # ... and last, the flagged strokes' faint antialiased fringes (_fringes)
    with fill_rung.kept_out(off_map):
        fringes(flat, _YCBCR[0] * scale, width, off_map, plan.noise)
    return off_map


def _follow_strokes(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, cores: np.ndarray,
    residual: np.ndarray, off_map: np.ndarray, line: Polyline,
) -> None:  # fmt: skip
    """Mark in ``off_map`` the pixels taken for data that belong to the stroke of a
    flagged pixel (flat indices ``cores``), step by step along it (JPEG_FOLLOW_STEPS):
    within JPEG_FOLLOW_RADIUS of a flagged pixel or of one found before whose luma
    they share within JPEG_FOLLOW_LUMA DN, off JPEG's model by more than
    JPEG_FOLLOW_MODEL DN, and apart from the field around (``_apart``). A step costs
    a pass over one mark per pixel and what the strokes' pixels are; all-data pictures
    hold a few ``cores`` at most, usually none.
    """
    if len(cores) == 0:
        return
    height = len(off_map) // width
    luma_weights = _YCBCR[0] * scale
    leads = np.zeros(len(off_map), dtype=bool)  # the flagged and what was found along them
    beside = np.zeros(len(off_map), dtype=bool)
    for _ in range(JPEG_FOLLOW_STEPS):
        if len(cores) == 0:
            return
        leads[cores] = True
        beside[:] = False
        degraded.near(cores, width, height, JPEG_FOLLOW_RADIUS, beside)
        asked = np.flatnonzero(beside & ~off_map)
        luma = flat[asked, :3] @ luma_weights
        around = degraded.window_pixels(asked, width, height, JPEG_FOLLOW_RADIUS)
        gap = np.abs(flat[around, :3] @ luma_weights - luma[:, None])
        shared = np.any(leads[around] & (gap <= JPEG_FOLLOW_LUMA), axis=1)
        asked, luma = asked[shared], luma[shared]
        off_model = _model(flat, scale, width, position, asked, line)[0] > JPEG_FOLLOW_MODEL
        asked, luma = asked[off_model], luma[off_model]
        cores = asked[_apart(flat, luma_weights, width, asked, luma, residual, off_map)]
        off_map[cores] = True


def _apart(
    flat: np.ndarray, luma_weights: np.ndarray, width: int, pixels: np.ndarray,
    luma: np.ndarray, residual: np.ndarray, off_map: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """Per pixel (flat indices, ``luma`` in DN): whether its luma stands apart from the
    field's around it, the unflagged pixels within JPEG_FIELD_RADIUS whose
    ``residual`` is at most JPEG_CANDIDATE DN: JPEG_FIELD_GAP DN or more from their
    median, and within JPEG_FIELD_LUMA DN of at most JPEG_FIELD_SHARE of them."""
    around = degraded.window_pixels(pixels, width, len(off_map) // width, JPEG_FIELD_RADIUS)
    data = (residual[around] <= JPEG_CANDIDATE) & ~off_map[around]
    field = np.where(data, flat[around, :3] @ luma_weights, np.nan)
    count = data.sum(axis=1)
    alike = np.abs(field - luma[:, None]) < JPEG_FIELD_LUMA  # (NaN: False)
    asked = np.flatnonzero((count > 0) & (alike.sum(axis=1) <= JPEG_FIELD_SHARE * count))
    apart = np.zeros(len(pixels), dtype=bool)
    if len(asked):  # (the field's median on the pixels still in: np.nanmedian's, by a sort)
        ordered = np.sort(field[asked], axis=1)  # (NaN last)
        count = count[asked]
        median = 0.5 * (np.take_along_axis(ordered, ((count - 1) // 2)[:, None], axis=1)[:, 0]
                        + np.take_along_axis(ordered, (count // 2)[:, None], axis=1)[:, 0])
        apart[asked] = np.abs(luma[asked] - median) >= JPEG_FIELD_GAP
    return apart


def _colorless(line: Polyline) -> bool:
    """Whether every color of the map is a gray (chroma within JPEG_GRAY_MAP_CHROMA DN)."""
    return bool(np.abs(line.vertices @ _YCBCR[1:].T).max() <= JPEG_GRAY_MAP_CHROMA)


def _branched_distance(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, residual: np.ndarray,
    candidates: np.ndarray, movable: np.ndarray, line: Polyline,
    chroma: tuple[np.ndarray, np.ndarray],
) -> np.ndarray:  # fmt: skip
    """Distance (DN) of each candidate to JPEG's 4:2:0 model once the ``movable``
    ones took the branches their blocks' chroma calls for (JPEG_BRANCH_TOLERANCE;
    ``_branches``); inf for the others, which the model already explains as
    before (``chroma``: the first model's blocks' chroma, ``_model``, updated).

    ``position`` is moved in place for the model and put back before returning.
    """
    distance = np.full(len(candidates), np.inf)
    if not movable.any():  # (nothing moves: its kernel not even loaded)
        return distance
    samples = map_samples(line.vertices, line.positions, line.n_bins, line.cyclic, _YCBCR)
    moved, former = rebranch(
        flat, scale, width, position, residual, JPEG_BRANCH_ANCHOR, candidates, movable,
        samples, _YCBCR, JPEG_BRANCH_TOLERANCE, JPEG_BRANCH_RADIUS, JPEG_BRANCH_MARGIN, line.cyclic,
    )  # fmt: skip
    if len(moved) == 0:
        return distance
    # the model reads a pixel's own position and its 2x2 block's and 3 neighbouring
    # blocks' chroma: only candidates reading a block that holds a moved pixel change
    # (jet q75: 6 moved pixels among 17k candidates), and only those blocks (_remodel)
    try:
        with kernels.threads_for(len(candidates), kernels.SERIAL_CANDIDATES):
            remodel(
                flat, scale, width, position, candidates, moved, line.vertices, line.positions,
                float(line.n_bins), line.cyclic, _YCBCR, *chroma, distance,
            )  # fmt: skip
    finally:
        position[moved] = former
    return distance


def _model(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, pixels: np.ndarray,
    line: Polyline,
) -> tuple[np.ndarray, np.ndarray, tuple[np.ndarray, np.ndarray]]:  # fmt: skip
    """``chroma_model_residual`` of ``pixels`` (flat indices): their distance (DN) to
    JPEG's 4:2:0 model and whether strong (JPEG_STROKE, JPEG_FLAT), and the chroma
    of the blocks it read with their rows; on one thread for fewer than ``SERIAL_CANDIDATES``."""
    distance = np.empty(len(pixels), dtype=np.float64)
    strong = np.empty(len(pixels), dtype=bool)
    luma = line.vertices @ _YCBCR[0]
    with kernels.threads_for(len(pixels), kernels.SERIAL_CANDIDATES):
        chroma = degraded.chroma_model_residual(
            flat, scale, width, position, pixels, line.vertices, line.positions,
            float(line.n_bins), line.cyclic, _YCBCR, np.inf, float(luma.min()),
            float(luma.max()), JPEG_STROKE, JPEG_FLAT, distance, strong,
        )  # fmt: skip
    return distance, strong, chroma


def _ridge_limits(luma: np.ndarray, cyclic: bool) -> tuple[float, float]:
    """Luma (DN) below and above which a core pixel is a stroke's (JPEG_RIDGE_OVERSHOOT).

    ``luma`` per vertex of the map's polyline; an extreme reached inside the map (or
    any extreme of a cyclic map) is widened by JPEG's overshoot of ridges there.
    """
    low, high = float(luma.min()), float(luma.max())
    ends = luma[[0, -1]]
    if cyclic or np.all(ends > low + JPEG_RIDGE_END):
        low -= JPEG_RIDGE_OVERSHOOT
    if cyclic or np.all(ends < high - JPEG_RIDGE_END):
        high += JPEG_RIDGE_OVERSHOOT
    return low, high


def _own_color_distance(
    flat: np.ndarray, scale: float, position: np.ndarray, candidates: np.ndarray, line: Polyline
) -> np.ndarray:
    """Distance (DN, Y Cb Cr) of each candidate pixel to the map's color at its position."""
    at = position[candidates] * line.n_bins
    error = (flat[candidates, :3] * scale - line.colors_at(at)) @ _YCBCR.T
    distance = np.sqrt((error**2).sum(axis=1))
    distance[np.isnan(at)] = np.inf
    return distance


def _textured(
    groups: np.ndarray, n_groups: int, luma: np.ndarray, far: np.ndarray, beyond: np.ndarray
) -> np.ndarray:
    """Per candidate: whether its foreign core's luma varies as texture does.

    An annotation is a stroke of one color: its core's luma is nearly uniform. A
    core that JPEG's model misses on textured data spans the field's own luma
    variation. ``groups``: labels per candidate (0: none), ``luma`` (DN) per
    candidate; cores of JPEG_CORE_SPREAD_PIXELS or more, or with a ``far`` or
    ``beyond`` pixel, are strokes whatever their spread (JPEG_CORE_SPREAD).
    """
    labelled = groups > 0
    label = groups[labelled]
    count, spread = luma_spread(label, luma[labelled], n_groups)
    kept = np.zeros(n_groups, dtype=bool)
    kept[label[(far | beyond)[labelled]]] = True
    textured = (spread > JPEG_CORE_SPREAD) & (count < JPEG_CORE_SPREAD_PIXELS) & ~kept
    return textured[groups] & labelled

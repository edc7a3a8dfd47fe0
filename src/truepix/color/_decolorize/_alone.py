"""Which JPEG cores lie alone: JPEG's misses on texture, not annotations (``alone``).

A core past JPEG's model is an annotation's only near clear evidence of one -- a core
far off the model, a blob of one ink -- or when the picture holds a stroke strung of
cores (``strung``); the others are JPEG's misses on textured data.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from truepix.color._decolorize._grow import groups_of
from truepix.color._decolorize._margins import inner_groups

__all__ = ["alone", "luma_spread", "strung"]

#: A core is an annotation's only near clear evidence of one: a core holding
#: JPEG_FOREIGN_PIXELS or more foreign pixels (farther than JPEG_MODEL_FOREIGN from the
#: model, or beyond the map's luma: ``_jpeg._ridge_limits``) within the same or the next
#: JPEG_FOREIGN_TILE-pixel tile (16-32 px). JPEG's misses on a textured field are
#: cores like a thin stroke's in size, luma and chroma spread and distance to the model
#: (3-22 pixels, 35-60 DN), but lie alone: every all-data picture of
#: benchmarks/colormaps.py (10 maps x 5 fields, q50-q95, 4:2:0 and 4:4:4) holds at most
#: 21 foreign core pixels and no core with more than 7, an annotated one thousands
#: (text, lines, boxes: black, white or 80+ DN off the model somewhere along them).
#: Worst holes (benchmark, 256^2) q50 4:2:0 turbo / astronaut 0.64 -> 0.00 %,
#: colorcet:fire / camera 0.47 -> 0.00 %, q75 jet / astronaut 0.23 -> 0.00 %;
#: annotations flagged within 0.3 point (JPEG q75). Any foreign pixel as evidence
#: (1 instead of 8) left 0.10-0.30 % (rainbow, turbo on the astronaut at q50), the far
#: cores of sharp texture. Gray maps are left out: data there keeps no chroma at all.
JPEG_FOREIGN_TILE = 16
JPEG_FOREIGN_PIXELS = 8
#: ... JPEG_FOREIGN_CLUMP of them 8-connected: a stroke's ink runs along it, where JPEG's
#: luma undershoot beside a thin line of a map's dark end (the motorcycle disparity's
#: invalid pixels, jet's navy and turbo's dark purple between its red fields) dips past
#: the map's luma in specks: its cores of 71-400 px hold 8-24 such pixels in groups of
#: 1-5 (jet / turbo q50 4 / 21 cores, q75 1 / 6), a black stroke's cores over jet's camera
#: and a smooth field (tests/color/_annotate.py, q50-q90) runs of 6-864.
JPEG_FOREIGN_CLUMP = 6
#: ... unless the picture holds a stroke strung of cores: JPEG_STRUNG_PIXELS or more
#: core pixels linked through JPEG_LINK_CELL-pixel cells (cores in the same or touching
#: cells, up to 16-31 px apart) whose luma spreads by at most JPEG_STRUNG_SPREAD DN
#: (standard deviation): a stroke of one color, whatever its cores' strength. Then every
#: core counts, as before the rule above. A stroke in a color 50-90 DN from the map
#: (matplotlib's green coastline and gray text on viridis, tests/color/
#: test_decolorize_branches.py) keeps only weak cores, but they string into structures
#: of 88-193 px with a luma spread of 10-11 DN (q90 / q75 / q50 4:2:0). JPEG's misses
#: on texture string too, along sharp edges, but follow the field's luma: on the
#: all-data pictures of benchmarks/colormaps.py (256^2, 9 maps x 5 fields, q50-q95,
#: 4:2:0 and 4:4:4) no structure reaches 60 px; at 512^2 (5 maps) 66-128 px, spread
#: 46-55 DN; jet on the camera (tests/color/test_decolorize_holes.py, q50 4:2:0) 97 px,
#: 70 DN. Coastline and text flagged (q75 / q50 / q90): 0 / 0 / 0 -> 81.0 / 74.1 /
#: 79.1 %; holes and the benchmark's annotation flags as before. Keeping only the
#: structures of 40+ px (not every core) lost the text's glyphs (5-27 px per structure,
#: as texture's): 72.4 % at q75; structures by size alone (no spread) left 0.8 % holes
#: (jet, camera). The spread was 25 DN until JPEG's misses on texture strung within
#: it: turbo on scikit-image's coffee (256^2, q80 4:2:0) holds a structure of 82 px at
#: 22.8 DN along the cup's rim, every core counted (0.52 % holes -> 0.00 % at 15 DN;
#: tests/color/test_decolorize_holes.py).
JPEG_LINK_CELL = 16
JPEG_STRUNG_PIXELS = 60
JPEG_STRUNG_SPREAD = 15.0
#: A structure of JPEG_STRUNG_LONG core pixels is a stroke whatever its luma: an
#: antialiased black or white line over a varying field blends into it (matplotlib's
#: contours and text on a JPEG q75 imshow figure, benchmarks/_drawn_annotations.py:
#: 2017-10098 px, spread 26-50 DN), and JPEG's misses on texture never string that far
#: (at most 128 px over 8 maps x 5 fields x q50-q95 4:2:0/4:4:4 at 512^2, 10 at 1024^2)
#: -- but for a picture shrunk before it was JPEG'd, whose texture is twice as dense:
#: jet's astronaut 512 -> 256 (OpenCV area) at q75 strings 428 px at 40.5 DN (holes
#: 1.87 -> 1.11 % at 1000 px; benchmarks/decolorize_trial/trial13/resample_then_jpeg.py).
JPEG_STRUNG_LONG = 1000
#: ... if its luma spreads by at most JPEG_STRUNG_LONG_SPREAD DN: a stroke is one ink,
#: blended with the field (the strokes above 26-50 DN; black contours and text over
#: jet's 11 colors, JPEG q90-q50, 37-66 DN), where JPEG's marks on a discrete picture
#: (a BoundaryNorm's few colors) string along the edges between its fields as far as
#: the edges go and mix the two fields' colors: half their luma step, 78-96 DN over
#: jet's and turbo's 4 colors on photographs at q50 (benchmarks/_discrete_screen.py:
#: jet / 4 / astronaut, 4:2:0, 1027 px at 89.5 DN, 9.86 % holes -> 1.53 %, then
#: ``_discrete.MIX_RINGING`` 0.00 %).
JPEG_STRUNG_LONG_SPREAD = 75.0
#: ... and, where the stroke's inks (``_dips``) are known, it holds one ink: JPEG_STRUNG_PEAK of
#: its pixels or more within JPEG_STRUNG_PEAK_LUMA DN of one luma (the peak of their
#: histogram), or JPEG_INKED_SHARE of them inks. A field of flat regions with sharp edges
#: strings JPEG's misses along its edges as far as they go, at the lumas of the fields on
#: either side: skimage's motorcycle disparity resized to 512^2 with jet (its invalid
#: pixels 1-2 px lines of the first color between the regions, Pillow JPEG q50-q90)
#: strings 1234-6348 px at 62.6-65.4 DN, 0.20-0.27 of them at one luma, 0.03-0.12 inks
#: (3.3-7.2 % holes). Black, white and gray text and lines over the camera and a smooth
#: field (tests/color/_annotate.py; jet, turbo, rainbow, viridis, coolwarm, q50-q90),
#: their structures of 1000+ px past 30 DN: 0.30-0.75 at one luma, 0.06-0.86 inks, each
#: 0.30 or more of one of them (a black line over a smooth jet field, q50: 0.32, 0.36).
JPEG_STRUNG_PEAK = 0.3
JPEG_STRUNG_PEAK_LUMA = 15
#: A structure whose pixels at its one luma (the peak, JPEG_STRUNG_PEAK_LUMA) are a line
#: of the map's colored end (``_end_piles.end_line``: within its PILE_LUMA, of its chroma
#: against the fields beside) is data's floor, whichever rule strung it: the flat cells of
#: tests/color/test_decolorize_disparity.py with 2 px lines of the first color, JPEG q50
#: jet 8.53 % holes (seed 1; 1561 px, 0.48 at luma 29), rainbow 12.07 % (seed 0), q75 jet
#: 5.41 % (seed 0: 44 px at 5.7 DN, JPEG_STRUNG_SHORT).
#: ... and one of JPEG_STRUNG_SHORT whose luma spreads by at most JPEG_STRUNG_FLAT DN:
#: gray contours on viridis (drawn figure) string into 15-32 px at 3.6-5.6 DN (flagged
#: 0 -> 65.3 %, as before ``_alone``); texture's structures of 30+ px spread 18+ DN
#: (the smallest spreads, 1.7-2.0 DN on the moon and camera, are in 14-24 px ones).
JPEG_STRUNG_SHORT = 30
JPEG_STRUNG_FLAT = 10.0
#: ... and one of JPEG_STRUNG_MID whose luma spreads by at most JPEG_STRUNG_MID_SPREAD DN:
#: a thin (1-2 px) antialiased stroke in a color within the map's luma range (matplotlib's
#: ``contour(colors="0.4", linewidths=0.8)`` over a DEM on coolwarm, RdBu_r, JPEG q75
#: 4:2:0) keeps no pixel far from JPEG's model, and its cores blend the ink with the
#: field across it: structures of 101-684 px at 15.8-24.2 DN, every core dropped as
#: alone (0 % flagged; benchmarks/thin/t02_annotations.py). Texture's structures of
#: 200+ px spread 40+ DN (the shrunk astronaut's 428 px at 40.5 DN above); those within
#: 30 DN hold at most 128 px (JPEG_STRUNG_SPREAD's coffee rim: 82 px at 22.8 DN).
JPEG_STRUNG_MID = 200
JPEG_STRUNG_MID_SPREAD = 30.0
#: None of the strung rules holds on a cyclic map: there a field's edge between two far
#: hues (hsv's red coat against its blue sky on the camera, 512^2) mixes them in JPEG's
#: 4:2:0 chroma into cores that string along the whole edge, at its luma, as a stroke
#: does -- hsv camera q75 / q90: 8.7 / 6.6 % holes, no pixel 80 DN off the model or
#: beyond the map's luma. A cyclic map holds no black, white or gray (hsv) or no color
#: far from them (twilight's ends are pale): strokes there show foreign pixels, and
#: where the cores hold JPEG_FOREIGN_PIXELS of them the strung rules hold (white
#: contours and text on twilight, q75: flagged 94.3 % without them, 95.5 with).
#: ... and a core that is a blob of one ink counts as a foreign one: JPEG_BLOB_PIXELS or
#: more pixels whose luma spreads by at most JPEG_BLOB_SPREAD DN (standard deviation),
#: JPEG_BLOB_WIDTH px wide or more across its narrowest axis (``_blobs``). A glyph over a
#: flat field (a contourf band, a heatmap's cell) keeps such a core though its ink lies
#: within the map's luma range and near JPEG's model of the map (gray, red, magenta on
#: magma): matplotlib's 14 pt "A8g%" in six colors on a 10-band contourf (tests/color/
#: test_decolorize_flat_text.py, q50-q90), glyph cores of 18-201 px, the blobs among
#: them 43-178 px at 3-14 DN, 5.7-13.4 px wide (elongation 1.5-4.9); its structures
#: (``strung``) 400-1136 px at 31-86 DN (several inks). JPEG's misses on texture never
#: do: on the all-data pictures of benchmarks/colormaps.py (10 maps x 5 fields, q50-q95
#: 4:2:0 and 4:4:4) the cores ``alone`` drops hold 3-32 px; on pictures resized (0.33-
#: 1.5x: OpenCV area and cubic, Pillow bilinear) then JPEG'd (q50-q95), 8 maps x 4
#: fields, 2038 cores up to 149 px, none of 60+ px within 15 DN (the largest: 58 px),
#: and those of 30+ px within 20 DN 1.6-3.7 px wide (6.2 at 18.8 DN) -- ridges along
#: the field's sharp edges, where resampling blends the two sides: one of 112 px at 8.9
#: DN but 3 px wide along turbo's coffee cup (skimage rescale 0.5, OpenCV JPEG q50:
#: trial16/user_tools_sweep.py) left 0.46 % holes without the width. A spread of 20 DN
#: (60 px, no width) left 2.6 and 4.6 % on jet's and turbo's camera halved by Pillow
#: bilinear (q95 / q50). Flagged (magma, the six colors, q90 / q75 / q50): 53.0 / 0.0 /
#: 0.0 -> 72.5 / 58.3 / 49.7 % (gray, red, magenta 0 -> 97-99 % at q75; black is
#: magma's own darkest color: 0 %); one word of one color at a time (2 fields x 6 maps x
#: 6 colors, contourf and imshow, q90 / q75): 14 pt 47-55 -> 54-61 % on average, 10 pt
#: 27-30 -> 31-34 % (60 px: 29-31 %). Holes on every all-data picture as before
#: (benchmarks/colormaps.py; trial13/resample_jpeg_sweep.py 2; trial16/
#: user_tools_sweep.py --pairs 2).
JPEG_BLOB_PIXELS = 40
JPEG_BLOB_SPREAD = 15.0
JPEG_BLOB_WIDTH = 5.0
#: On a cyclic map a core's foreign pixels are evidence only if they are one ink: their
#: luma spreads by at most JPEG_CYCLIC_INK_SPREAD DN (standard deviation), or they are
#: JPEG_CYCLIC_INK_PIXELS or more. A picture shrunk before it was JPEG'd packs a
#: photograph's fine texture into pixel-scale hue changes, whose 4:2:0 blends JPEG's
#: model (luma-led positions: hsv's luma reads on up to 4 hues) misses by 80+ DN: hsv's
#: camera and astronaut (512^2 and 1024^2) shrunk 0.33x / 0.5x by OpenCV linear / area
#: and Pillow bilinear, q75 / q50, hold cores of 8-82 such pixels spread 17-51 DN (4.5-
#: 9.2 % holes at 512^2). Strokes on twilight and hsv (benchmarks/_stroke_screen.py, q75):
#: black, white and gray 8-957 at 0.1-15 DN (a few cores of light or pale gray 17.9-22.3,
#: beside others within 15); magenta on hsv one core of 697 at 16.2 DN (flagged 98.3 %
#: with it, 93.9 % without).
JPEG_CYCLIC_INK_SPREAD = JPEG_BLOB_SPREAD
JPEG_CYCLIC_INK_PIXELS = 200
#: A structure of cores (``strung``'s cells) that holds JPEG_INKED_PIXELS or more pixels
#: of a stroke's ink over the one field across it (``_dips``), JPEG_INKED_SHARE of its
#: pixels or more, is a stroke: its cores never lie alone. A black line's antialiased
#: blends over a varying field spread in luma as texture does, and few of its pixels are
#: far off the model: trial 45's t02 figures (JPEG q75), the 1 / 0.6 lw lines over jet's
#: DEM, 151 core pixels at 37.4 DN, none foreign, all dropped as alone; 37 of them ink
#: (25 %), turbo's 48 of 215 (22 %). JPEG's misses on texture: none in 108 all-data
#: pictures (6 maps x 9 fields, q50 / q75, 256^2); the dark gaps of the motorcycle's
#: disparity on viridis at q50 (the map's end, which JPEG takes to black) 15 of 368 and
#: 12 of 284 (4 %; at 40 px and 30 % without ``_dips``' sides on the data: 198 of 284,
#: holes 10.7 -> 11.8 %).
JPEG_INKED_PIXELS = 24
JPEG_INKED_SHARE = 0.15


def alone(
    groups: np.ndarray, n_groups: int, candidates: np.ndarray, foreign: np.ndarray,
    luma: np.ndarray, width: int, height: int, *, cyclic: bool = False,
    ring: np.ndarray | None = None, inks: np.ndarray | None = None,
    end_line: Callable[[np.ndarray, np.ndarray], bool] | None = None,
) -> np.ndarray:  # fmt: skip
    """Per candidate: whether its core lies alone, far from any clearly foreign core.

    ``foreign`` per candidate (JPEG_MODEL_FOREIGN off the model, or beyond the map's
    luma); a core with JPEG_FOREIGN_PIXELS of them, or a blob of one ink (``_blobs``:
    ``luma`` in DN per candidate), is evidence of annotations, and
    any core within its JPEG_FOREIGN_TILE-pixel tile or the 8 tiles around counts
    (16-32 px). ``groups``: core labels per candidate (0: none), below ``n_groups``.
    None lies alone in a picture that holds a stroke strung of cores (``strung``), but
    on a ``cyclic`` map none of whose cores holds JPEG_FOREIGN_PIXELS foreign pixels of
    one ink (JPEG_CYCLIC_INK_SPREAD; two hues' blends string along an edge of the
    field, and a shrunk photograph's hue texture leaves foreign pixels of every luma),
    or JPEG_CYCLIC_INK_PIXELS of them. ``ring`` (per candidate, or None): JPEG's ringing
    around a figure's margin (``_margins``), the edge of the data where it meets the
    margin: its cores string along that edge, and tell of no stroke; a core whose foreign
    pixels lie wholly in it (a plot's frame) keeps no data core near it. ``inks`` (per
    candidate, or None): a stroke's ink over the one field across it (``_dips``); the
    cores of a structure holding JPEG_INKED_PIXELS of them (JPEG_INKED_SHARE) never lie
    alone. ``end_line`` (or None): whether pixels at one luma are a line of the map's end
    color (``strung``).
    """
    labelled = groups > 0
    strength = np.bincount(groups[labelled & foreign], minlength=n_groups + 1)
    evidence = strength >= JPEG_FOREIGN_PIXELS
    if evidence.any():  # (JPEG's dips are specks: JPEG_FOREIGN_CLUMP)
        evidence &= _clumped(groups, candidates, labelled & foreign, width, height, n_groups)
    if cyclic:  # (one ink, not the hue texture's blends: JPEG_CYCLIC_INK_SPREAD)
        inked = labelled & foreign
        one_ink = luma_spread(groups[inked], luma[inked], n_groups + 1)[1] <= (
            JPEG_CYCLIC_INK_SPREAD
        )
        evidence &= one_ink | (strength >= JPEG_CYCLIC_INK_PIXELS)
    unseen = cyclic and not evidence.any()
    inside = labelled if ring is None else labelled & ~ring
    inked = None if inks is None else inks[inside]
    if not unseen and strung(candidates[inside], luma[inside], width, height, inked, end_line):
        return np.zeros_like(labelled)
    blobs = _blobs(groups[labelled], candidates[labelled], luma[labelled], width, n_groups)
    if end_line is not None:  # (a line of the map's end color, blended with a field)
        for label in np.flatnonzero(blobs):
            core = groups == label
            blobs[label] = not end_line(candidates[core], luma[core])
    evidence |= blobs
    ink, foreign = foreign, labelled & evidence[groups]
    # (a margin's strokes, the frame's, their foreign pixels in the ring: none near them)
    inner = foreign if ring is None else foreign & (inner_groups(groups, ring, ink) > 0)
    near = _tiles_around(candidates[inner], candidates, width, height)
    kept = np.zeros(n_groups + 1, dtype=bool)
    if inks is not None:
        kept[_inked(groups, candidates, inside, inks, width, height, end_line, luma)] = True
    kept[groups[labelled & (foreign | near)]] = True
    return labelled & ~kept[groups]


def _clumped(
    groups: np.ndarray, candidates: np.ndarray, foreign: np.ndarray, width: int, height: int,
    n_groups: int,
) -> np.ndarray:  # fmt: skip
    """Per core label (below ``n_groups + 1``): whether JPEG_FOREIGN_CLUMP or more of its
    ``foreign`` pixels (per candidate; sorted flat indices ``candidates``) are 8-connected."""
    label = groups[foreign]
    clump = groups_of(candidates[foreign], width, height)
    size = np.bincount(clump)
    largest = np.zeros(n_groups + 1, dtype=np.int64)
    np.maximum.at(largest, label, size[clump])
    return largest >= JPEG_FOREIGN_CLUMP


def _inked(
    groups: np.ndarray, candidates: np.ndarray, inside: np.ndarray, inks: np.ndarray,
    width: int, height: int, end_line: Callable[[np.ndarray, np.ndarray], bool] | None = None,
    luma: np.ndarray | None = None,
) -> np.ndarray:  # fmt: skip
    """The core labels (of ``groups``, per candidate) of the structures (``strung``'s
    cells, the ``inside`` cores') that hold JPEG_INKED_PIXELS ``inks`` or more, at least
    JPEG_INKED_SHARE of their pixels -- whose inks are no line of the map's end color
    (``end_line``, called with their pixels and ``luma``, per candidate)."""
    if not np.any(inks & inside):
        return np.zeros(0, dtype=np.int64)
    structure = _structures(candidates[inside], width, height)
    count = np.bincount(structure).astype(np.float64)
    inked = np.bincount(structure, inks[inside].astype(np.float64), minlength=len(count))
    stroke = (inked >= JPEG_INKED_PIXELS) & (inked >= JPEG_INKED_SHARE * count)
    if end_line is not None:
        pixels, ink, ink_luma = candidates[inside], inks[inside], luma[inside]
        for label in np.flatnonzero(stroke):
            at = (structure == label) & ink
            stroke[label] = not end_line(pixels[at], ink_luma[at])
    return groups[inside][stroke[structure]]


def _structures(pixels: np.ndarray, width: int, height: int) -> np.ndarray:
    """Per pixel (sorted flat indices): its structure, the label of its 8-connected
    JPEG_LINK_CELL-pixel cells."""
    cell = JPEG_LINK_CELL
    rows, cols = (height + cell - 1) // cell, (width + cell - 1) // cell
    cells = pixels // width // cell * cols + pixels % width // cell
    occupied = np.unique(cells)  # sorted, as groups_of wants its candidates
    links = groups_of(occupied, cols, rows)
    return links[np.searchsorted(occupied, cells)]


def luma_spread(
    label: np.ndarray, luma: np.ndarray, n_labels: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Per label (``np.bincount``'s, at least ``n_labels``): how many pixels carry it, as
    float, and the standard deviation (DN) of their ``luma``."""
    count = np.bincount(label, minlength=n_labels).astype(np.float64)
    mean = np.bincount(label, luma, minlength=n_labels) / np.maximum(count, 1.0)
    square = np.bincount(label, luma**2, minlength=n_labels) / np.maximum(count, 1.0)
    return count, np.sqrt(np.maximum(square - mean**2, 0.0))


def _blobs(
    label: np.ndarray, pixels: np.ndarray, luma: np.ndarray, width: int, n_groups: int
) -> np.ndarray:
    """Per core label (below ``n_groups + 1``): whether the core is a blob of one ink,
    JPEG_BLOB_PIXELS or more (flat indices ``pixels``) whose luma (DN) spreads by at most
    JPEG_BLOB_SPREAD DN (standard deviation) and that is JPEG_BLOB_WIDTH px wide or more
    across its narrowest axis (the uniform width of the same second moment)."""
    count, spread = luma_spread(label, luma, n_groups + 1)
    per = np.maximum(count, 1.0)

    def mean(values: np.ndarray) -> np.ndarray:
        return np.bincount(label, values, minlength=n_groups + 1) / per

    y, x = (pixels // width).astype(np.float64), (pixels % width).astype(np.float64)
    yy, xx = mean(y**2) - mean(y) ** 2, mean(x**2) - mean(x) ** 2
    xy = mean(x * y) - mean(x) * mean(y)
    narrowest = (yy + xx) / 2 - np.sqrt(((yy - xx) / 2) ** 2 + xy**2)
    wide = np.sqrt(12.0 * np.maximum(narrowest, 0.0)) >= JPEG_BLOB_WIDTH
    return (count >= JPEG_BLOB_PIXELS) & (spread <= JPEG_BLOB_SPREAD) & wide


def strung(
    pixels: np.ndarray, luma: np.ndarray, width: int, height: int,
    inks: np.ndarray | None = None,
    end_line: Callable[[np.ndarray, np.ndarray], bool] | None = None,
) -> bool:  # fmt: skip
    """Whether the core pixels (sorted flat indices; ``luma`` in DN) string into a
    stroke: JPEG_STRUNG_PIXELS or more in 8-connected JPEG_LINK_CELL-pixel cells,
    their luma spread (standard deviation) within JPEG_STRUNG_SPREAD DN,
    JPEG_STRUNG_SHORT within JPEG_STRUNG_FLAT DN, JPEG_STRUNG_MID within
    JPEG_STRUNG_MID_SPREAD DN, or JPEG_STRUNG_LONG within
    JPEG_STRUNG_LONG_SPREAD DN -- of one ink where ``inks`` (per pixel: a stroke's
    ink over the field across it, ``_dips``) are given (``_one_ink``) -- and not a line
    of the map's end color: ``end_line`` (or None) called with a structure's pixels within
    JPEG_STRUNG_PEAK_LUMA of the peak of its luma and their luma (JPEG_END_LINE)."""
    if len(pixels) == 0:
        return False
    structure = _structures(pixels, width, height)
    count, spread = luma_spread(structure, luma)
    one_color = (count >= JPEG_STRUNG_PIXELS) & (spread <= JPEG_STRUNG_SPREAD)
    one_color |= (count >= JPEG_STRUNG_SHORT) & (spread <= JPEG_STRUNG_FLAT)
    one_color |= (count >= JPEG_STRUNG_MID) & (spread <= JPEG_STRUNG_MID_SPREAD)
    lengthy = (count >= JPEG_STRUNG_LONG) & (spread <= JPEG_STRUNG_LONG_SPREAD)
    if inks is not None and lengthy.any():
        lengthy &= _one_ink(structure, luma, inks, len(count))
    stroke = np.flatnonzero(one_color | lengthy)
    if end_line is None or not len(stroke):
        return bool(len(stroke))
    for label in stroke:
        at = np.flatnonzero(structure == label)
        levels = np.bincount(np.clip(np.round(luma[at]), 0, 255).astype(np.int64), minlength=256)
        window = np.ones(2 * JPEG_STRUNG_PEAK_LUMA + 1)
        peak = int(np.argmax(np.convolve(levels, window, mode="same")))
        at = at[np.abs(luma[at] - peak) <= JPEG_STRUNG_PEAK_LUMA]
        if not end_line(pixels[at], luma[at]):
            return True
    return False


def _one_ink(structure: np.ndarray, luma: np.ndarray, inks: np.ndarray, n: int) -> np.ndarray:
    """Per structure (labels below ``n``, per pixel): whether JPEG_STRUNG_PEAK of its
    pixels lie within JPEG_STRUNG_PEAK_LUMA DN of one luma, or JPEG_INKED_SHARE of them
    are ``inks``."""
    count = np.bincount(structure, minlength=n).astype(np.float64)
    share = np.bincount(structure, inks.astype(np.float64), minlength=n) / np.maximum(count, 1)
    levels = np.clip(np.round(luma), 0, 255).astype(np.int64)
    histogram = np.bincount(structure * 256 + levels, minlength=n * 256).reshape(n, 256)
    window = np.ones(2 * JPEG_STRUNG_PEAK_LUMA + 1)
    peak = np.array([np.convolve(row, window, mode="same").max() for row in histogram])
    return (peak >= JPEG_STRUNG_PEAK * count) | (share >= JPEG_INKED_SHARE)


def _tiles_around(seen: np.ndarray, candidates: np.ndarray, width: int, height: int) -> np.ndarray:
    """Per candidate: whether a ``seen`` pixel (flat indices) is in its tile or the 8 around."""
    tile = JPEG_FOREIGN_TILE
    rows, cols = (height + tile - 1) // tile, (width + tile - 1) // tile
    marked = np.zeros((rows + 2, cols + 2), dtype=bool)
    marked[seen // width // tile + 1, seen % width // tile + 1] = True
    around = np.zeros_like(marked)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            around[1:-1, 1:-1] |= marked[1 + dy : rows + 1 + dy, 1 + dx : cols + 1 + dx]
    return around[candidates // width // tile + 1, candidates % width // tile + 1]

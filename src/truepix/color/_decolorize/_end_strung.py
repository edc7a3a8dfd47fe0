"""Black strokes over a textured field of a map that ends near black, found where their
cores of gray chroma string together (``strung_end_inks``).

``_end_inks`` finds a black stroke over magma or inferno by the luma peak of the cores
that stand below both sides, and asks that most cores do: over a smooth field a stroke's
cores are most of the picture's. Over terrain or a photograph the field's own valleys
and ridges outnumber them (trial 45's t02 figures, black 14 pt text and 1 / 0.6 lw lines
over magma, JPEG q75: 0.46-0.51 of the cores toward black, the dark peak at the DEM's
valleys, 30 DN), and neither gate holds: 0 % flagged. What tells the stroke there is
each core's chroma, one by one -- a blend of the sides' with gray (the ink's) fits it
END_GATE DN better than one with the map's at its luma -- and how such cores lie: a
stroke's string into 8-connected groups along it, JPEG's misses on texture lie alone.
Those figures' cores of gray chroma: DEM 546 (545 on the strokes), camera 362 (237);
the same fields with no stroke: DEM none, camera 126, one group of 12 (magma; inferno
alike). A stroke needs STRUNG_GROUPS groups of STRUNG_GROUP or more, STRUNG_PIXELS in
all; the gray cores they reach, STRUNG_REACH px a step, join, with the cores beside
them that fit gray better at all. At STRUNG_GROUP 10 the camera figures' strokes were
found too (magma 0 -> 8.4 %, inferno 0 -> 11.1 %) but the field 4+ px from them lost
up to 0.03 %; at 15 none is lost. The caller grows what is found by its edges and
fringes, not along the field's valleys of the ink's luma (``_gray_inks._along``: on
the camera that took the coat's texture beside the line, 0.14 % of the picture).
White strokes are not looked for so: JPEG clips a photograph's saturated light colors
(hot, afmhot, YlOrRd, cubehelix near white) toward gray, and their ridges string
(0.4-2.0 % of all-data pictures lost, benchmarks/annot2).
"""

from __future__ import annotations

import numpy as np

from truepix.color._decolorize._degraded import near_any
from truepix.color._decolorize._gray_inks import (
    GRAY_CORE,
    GRAY_INK_LUMA,
    GRAY_POSITION,
    GRAY_SAMPLE,
    _luma_jumps,
)
from truepix.color._decolorize._grow import groups_of
from truepix.color._decolorize._jumps import _peak, jumps, picture_luma

__all__ = ["strung_end_inks"]

#: A group of cores of gray chroma counts when it holds STRUNG_GROUP pixels or more; a
#: stroke needs STRUNG_GROUPS such groups, STRUNG_PIXELS pixels in them all.
STRUNG_GROUP = 15
STRUNG_GROUPS = 3
STRUNG_PIXELS = 40
#: ... and the cores within STRUNG_REACH px of them that fit gray better at all join.
STRUNG_REACH = 2
STRUNG_STEPS = 16


def strung_end_inks(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, off_map: np.ndarray,
    luma: np.ndarray, map_ycc: np.ndarray, signs: list[float], gate: float, chroma: float,
    scaled: np.ndarray | None = None,
) -> dict[float, tuple[np.ndarray, float, np.ndarray, np.ndarray]]:  # fmt: skip
    """Per sign (1: white, -1: black) whose cores of gray chroma string into a stroke:
    (those cores, flat indices; the ink's luma; the luma jumps and sides' lumas), as
    ``_end_inks._inks`` answers. ``luma``: the picture's (DN; or ``_end_inks._LumaAt``);
    ``map_ycc``: the map's colors by rising luma; ``gate``, ``chroma``: ``_end_inks``'
    END_GATE, END_CHROMA;
    ``scaled``: ``_jumps.sampled_luma`` of the GRAY_SAMPLE th rows, where made already."""
    height = len(luma) // width
    # (every GRAY_SAMPLE th row first: a picture with too few cores of gray chroma there
    # holds no stroke of them, at an eighth of the cost)
    found = {}
    for sign in signs:
        own, gain, _, _ = _cores(flat, scale, width, position, off_map, luma, map_ycc, sign,
                                 chroma, GRAY_SAMPLE, scaled)  # fmt: skip
        if np.count_nonzero(gain >= gate) < STRUNG_PIXELS / GRAY_SAMPLE:
            continue
        if not isinstance(luma, np.ndarray):  # (``_end_inks._LumaAt``: the rows' alone)
            luma = picture_luma(flat, scale)
        own, gain, jump, side = _cores(flat, scale, width, position, off_map, luma, map_ycc,
                                       sign, chroma, 1)  # fmt: skip
        gray = own[gain >= gate]  # (sorted: ``own`` is)
        if len(gray) < STRUNG_PIXELS:
            continue
        groups = groups_of(gray, width, height, STRUNG_GROUP)
        strung = gray[groups > 0]
        if len(strung) < STRUNG_PIXELS or len(np.unique(groups[groups > 0])) < STRUNG_GROUPS:
            continue
        # ... and the cores of gray chroma they reach along the stroke, step by step (a
        # stroke's cores break where it crosses a field of its own luma), with the cores
        # beside those that fit gray better at all (the stroke's blends)
        is_gray = np.zeros(len(luma), dtype=bool)
        is_gray[gray] = True
        reached = np.zeros(len(luma), dtype=bool)
        reached[strung] = True
        for _ in range(STRUNG_STEPS):
            beside = np.zeros(len(luma), dtype=bool)
            near_any(np.flatnonzero(reached), width, height, STRUNG_REACH, beside)
            fresh = beside & is_gray & ~reached
            if not fresh.any():
                break
            reached |= fresh
        beside = np.zeros(len(luma), dtype=bool)
        near_any(np.flatnonzero(reached), width, height, STRUNG_REACH, beside)
        taken = own[beside[own] & (gain > 0)]
        found[sign] = (taken, _peak(luma[strung], 0.0, 256.0, 256, GRAY_INK_LUMA), jump, side)
    return found


def _cores(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, off_map: np.ndarray,
    luma: np.ndarray, map_ycc: np.ndarray, sign: float, chroma: float, every: int,
    scaled: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
    """The cores toward the ``sign``'s ink on the rows 0, ``every`` ... where the map's
    chroma at their luma is ``chroma`` DN or more (flat indices, sorted), how much better
    (DN) a blend with gray fits their chroma than one with the map's (-inf where too few
    cores to ask), and the luma jumps and sides' lumas (of those rows; ``scaled``: as
    ``_luma_jumps`` reads it)."""
    from truepix.color._decolorize._end_inks import _gray_gain, _side_chroma

    jump, side = _luma_jumps(luma, width, off_map, every, scaled=scaled)
    cores = np.flatnonzero(jump >= GRAY_CORE)
    flat_cores = cores + (cores // width) * ((every - 1) * width)
    if len(cores):
        moved = jumps(position, width, off_map, every)[0][cores] >= GRAY_POSITION
        cores, flat_cores = cores[moved], flat_cores[moved]
        kept = ~off_map[flat_cores]
        cores, flat_cores = cores[kept], flat_cores[kept]
    toward = (luma[flat_cores] - side[cores]) * sign > 0
    own, at = cores[toward], flat_cores[toward]
    if len(own) < STRUNG_PIXELS / every:
        return at[:0], np.zeros(0), jump, side
    sides = _side_chroma(flat, scale, width, luma, side[own], at)
    gain, map_chroma = _gray_gain(flat, scale, luma, at, sides, map_ycc)
    colored = map_chroma >= chroma
    return at[colored], gain[colored], jump, side

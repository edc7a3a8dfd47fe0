"""White and black strokes over maps that end near white or black, found by the
direction of their luma jump and the chroma it carries (``end_ink_strokes``).

White text over magma or inferno, black text over them: the ink is (nearly) the map's
own end color, so JPEG's 4:2:0 model explains the stroke as data at the map's light or
dark end (white over magma JPEG q90: 0 % flagged, 92 % of the text decoded 40-90 % off).
What tells it is its luma against the field across it: the stroke's core stands above
(white) or below (black) both sides, a thin ridge or valley the field around does not
predict (``_gray_inks``' luma jumps, ``_jumps``' position jumps). Data makes such ridges
too -- a photograph's or terrain's thin light lines -- but along a map whose luma runs one
way its ridge carries the map's chroma at the ridge's luma, mixed by 4:2:0 with its
sides'; a white or black ink carries none: its chroma is the sides' shrunk toward gray.
Per core (at the cores' luma peak, the ink's) the chroma is fitted both ways -- a blend
of the sides' chroma with the map's at the core's luma, and with gray -- and the ink is
a gray's where the median core fits gray by END_GATE DN or more better; then every core
toward it that fits gray better (the ink's blends with the field, at other lumas) joins,
and the strokes grow as ``_gray_inks``' do (edges, along, fringes).

Measured on JPEG'd pictures (Pillow 4:2:0 q50-q90 and 4:4:4 q75, 256^2 smooth, terrain,
camera, astronaut, moon), median gain of gray over data: -4 to -21 DN where the cores
make an ink at all (magma, inferno); white text over magma and inferno (trial 43's
repro_white_text_magma.py figure) +12 to +19 DN, black text over magma +4 to +7 DN.
That figure's text pixels > 60 DN from the clean render, flagged at q90 / q75: white on
magma 0.0 / 0.0 -> 94.9 / 94.2 %, on inferno 5.5 / 6.0 -> 96.0 / 95.5 %, black on magma
0.0 / 0.0 -> 97.2 / 97.2 %; the field 1-2 px beside the text lost 0.0 -> 1.9-3.5 %.
All-data pictures: no new NaN on 263 JPEG'd ones of the 14 maps this rule looks at (magma,
inferno, hot, afmhot, YlOrRd, Blues, CMRmap, cmasher:ember, cmocean:matter, cmocean:ice,
pink, cubehelix, bone, colorcet:fire); benchmarks/colormaps.py's Holes as before.
Without the joining of cores at other lumas: 81-90 % flagged. Over a textured field,
where the field's own cores outnumber a black stroke's, ``_end_strung`` finds it by its
cores of gray chroma strung along it. PNG is not helped: there
the text's blends with magma lie within 3 DN of the map (magma runs nearly straight to
black) and their chroma is the map's too.
"""

from __future__ import annotations

import numpy as np

from truepix.color._decolorize._end_strung import strung_end_inks
from truepix.color._decolorize._gray_inks import (
    GRAY_CORE,
    GRAY_INK_COUNT,
    GRAY_INK_LUMA,
    GRAY_INK_PIXELS,
    GRAY_POSITION,
    GRAY_REACHES,
    GRAY_SAMPLE,
    _along,
    _fringes,
    _luma_jumps,
    _with_edges,
)
from truepix.color._decolorize._jumps import (
    JUMP_SAMPLE_SLACK,
    _peak,
    jumps,
    picture_luma,
    sampled_luma,
)
from truepix.color._decolorize._palette import Polyline
from truepix.color._decolorize._plan import _YCBCR

__all__ = ["end_ink_strokes", "end_inks", "ink_ends"]

#: A map's light end is near white when its luma is END_LIGHT DN or more, its dark end
#: near black at END_DARK DN or less; its luma must run one way (steps back of at most
#: END_MONOTONE DN) so that a luma names one map color.
END_LIGHT = 235.0
END_DARK = 20.0
END_MONOTONE = 1.0
#: The median core must fit a blend with gray END_GATE DN better than one with the map's
#: chroma at its luma.
END_GATE = 3.0
#: ... and the map's chroma at the cores' luma (median) must be END_CHROMA DN or more:
#: where the map is nearly gray (Blues' light end, bone) a white ink's chroma and the
#: data's are alike, and JPEG's noise decides.
END_CHROMA = 15.0
#: Cores looked at: END_CORES or more (in the picture's rows; the sampled rows' share of
#: it there), with the pixels other rules flagged at the ink's luma counting toward
#: ``_gray_inks``' GRAY_INK_PIXELS / GRAY_INK_COUNT (a figure's strokes that other
#: rules mostly flagged leave fewer cores than a stroke's).
END_CORES = 24
#: Of the cores, END_DIRECTION or more must stand out toward the ink (above both sides
#: for white, below for black): a photograph's ridges and valleys balance (0.43-0.57 of
#: its cores toward either end: magma and inferno, 256^2 camera, astronaut, moon, JPEG
#: q50-q90), text's do not (0.72-0.75; terrain data 0.62-0.69). It spares photographs
#: the chroma fit (magma 1 MP JPEG q75 photograph, one thread: 48 -> 64 ms a decode
#: without it).
END_DIRECTION = 0.6
#: The ink's luma peak (GRAY_INK_LUMA each side) must hold END_INK_SHARE of the cores
#: toward it: white text over a JPEG'd terrain (trial 43's t4_annot.py, q90) held 0.36 --
#: the terrain's own ridges, at every luma, are many -- where ``_gray_inks`` asks 0.36;
#: the chroma (END_GATE) tells the ink from data.
END_INK_SHARE = 0.25
#: Directions of the sides' pairs: (dy, dx), at the reaches of ``_gray_inks``.
_STEPS = ((0, 1), (1, 0), (1, 1), (1, -1))
_REACHES = (2, 3)
#: The rows (from a sampled row) whose luma a pass over every GRAY_SAMPLE th row reads:
#: its own and its sides' (the luma jumps' and ``_side_chroma``'s).
_SAMPLED_ROWS = tuple(sorted({0, *(s * r for r in GRAY_REACHES + _REACHES for s in (-1, 1))}))


def end_inks(line: Polyline) -> tuple[bool, bool]:
    """Whether the map's luma runs one way (END_MONOTONE) to a light end near white
    (END_LIGHT) and whether to a dark end near black (END_DARK)."""
    if line.cyclic or len(line.vertices) < 3:
        return False, False
    luma = line.vertices @ _YCBCR[0]
    step = np.diff(luma)
    if not (np.all(step >= -END_MONOTONE) or np.all(step <= END_MONOTONE)):
        return False, False
    return bool(luma.max() >= END_LIGHT), bool(luma.min() <= END_DARK)


def ink_ends(line: Polyline) -> tuple[bool, bool]:
    """Whether ``end_ink_strokes`` looks for strokes in the map's first color (position
    0) and in its last (``end_inks``, the ends by luma, put in the map's order)."""
    light, dark = end_inks(line)
    if not (light or dark):
        return False, False
    luma = line.vertices @ _YCBCR[0]
    return (dark, light) if luma[-1] > luma[0] else (light, dark)


def end_ink_strokes(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, off_map: np.ndarray,
    line: Polyline,
) -> None:  # fmt: skip
    """Mark in ``off_map`` the white (black) strokes whose luma stands above (below) the
    field on both sides and whose chroma is a gray's blend with the sides' rather than
    the map's (END_GATE), with their edges and fringes. ``flat``: the picture's pixels
    (times ``scale``: DN), ``position`` each one's (0-1, NaN: none); ``line``: the map,
    of ``end_inks``."""
    light, dark = end_inks(line)
    n_pixels = len(off_map)
    if not (light or dark) or width < 8 or n_pixels < 64:
        return
    ycc = line.vertices @ _YCBCR.T
    order = np.argsort(ycc[:, 0], kind="stable")
    map_ycc = ycc[order]
    least = min(GRAY_INK_PIXELS * n_pixels, GRAY_INK_COUNT)
    signs = [s for s, end in ((1.0, light), (-1.0, dark)) if end]
    # (every GRAY_SAMPLE th row first: most pictures make no ink there, at an eighth of the
    # cost; its luma jumps read luma / 255 on those rows and their sides' alone, the rest
    # the luma of its few cores, computed when asked; the whole picture's where it finds one)
    luma = _LumaAt(flat, scale)
    scaled = sampled_luma(flat, scale, width, GRAY_SAMPLE, _SAMPLED_ROWS)
    sampled = list(_inks(flat, scale, width, position, off_map, luma, map_ycc, signs,
                         GRAY_SAMPLE, JUMP_SAMPLE_SLACK * least / GRAY_SAMPLE, scaled))  # fmt: skip
    found = {}
    if sampled:
        luma = picture_luma(flat, scale)
        found = _inks(flat, scale, width, position, off_map, luma, map_ycc, sampled, 1, least)
    # ... and black ones over texture, where their cores string (``_end_strung``; white
    # ones no: JPEG clips a photograph's saturated light colors toward gray)
    rest = [s for s in signs if s < 0 and s not in found]
    strung = strung_end_inks(flat, scale, width, position, off_map, luma, map_ycc, rest,
                             END_GATE, END_CHROMA, scaled) if rest else {}  # fmt: skip
    if strung and not sampled:
        luma = picture_luma(flat, scale)
    for sign in list(found) + list(strung):
        pixels, ink, jump, side = found[sign] if sign in found else strung[sign]
        pixels = _with_edges(pixels, jump, luma, side, ink, width)
        if sign in found:  # (along a textured field's own valleys of the ink's luma: none)
            _along(pixels, jump, luma, side, ink, width, off_map, position)
        stroke = (pixels | off_map) & (np.abs(luma - ink) <= GRAY_INK_LUMA)
        _fringes(luma, width, np.flatnonzero(stroke), ink, off_map | stroke, pixels)
        off_map |= pixels


def _inks(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, off_map: np.ndarray,
    luma: np.ndarray, map_ycc: np.ndarray, signs: list[float], every: int, least: float,
    scaled: np.ndarray | None = None,
) -> dict[float, tuple[np.ndarray, float, np.ndarray, np.ndarray]]:  # fmt: skip
    """Per sign (1: light, -1: dark) whose cores make a gray ink on the rows 0, ``every``
    ...: (its cores, flat indices; the ink's luma; the luma jumps and sides' lumas).
    ``luma``: the pixels' (or a ``_LumaAt``); ``scaled``: it / 255 where made already
    (``_jumps.sampled_luma``: the rows it reads alone)."""
    jump, side = _luma_jumps(luma, width, off_map, every, scaled=scaled)
    cores = np.flatnonzero(jump >= GRAY_CORE)
    if every > 1:
        flat_cores = cores + (cores // width) * ((every - 1) * width)
    else:
        flat_cores = cores
    if len(cores):
        moved = jumps(position, width, off_map, every)[0][cores] >= GRAY_POSITION
        cores, flat_cores = cores[moved], flat_cores[moved]
        cores, flat_cores = cores[~off_map[flat_cores]], flat_cores[~off_map[flat_cores]]
    found = {}
    for sign in signs:
        toward = (luma[flat_cores] - side[cores]) * sign > 0
        own, at = cores[toward], flat_cores[toward]
        if len(own) < END_CORES / every or len(own) < END_DIRECTION * len(cores):
            continue
        ink = _peak(luma[at], 0.0, 256.0, 256, GRAY_INK_LUMA)
        held = np.abs(luma[at] - ink) <= GRAY_INK_LUMA
        n_held = np.count_nonzero(held)
        if n_held < END_INK_SHARE * len(own):
            continue
        if n_held < least:  # (the strokes' parts other rules flagged count toward it)
            flagged = np.count_nonzero(np.abs(luma[off_map] - ink) <= GRAY_INK_LUMA)
            if n_held + flagged / every < least:
                continue
        sides = _side_chroma(flat, scale, width, luma, side[own], at)
        gain, map_chroma = _gray_gain(flat, scale, luma, at, sides, map_ycc)
        if np.median(map_chroma[held]) < END_CHROMA or np.median(gain[held]) < END_GATE:
            continue
        # ... with the cores at other lumas (the ink's blends with the field) that fit
        # gray better one by one
        found[sign] = (at[held | (gain > 0)], ink, jump, side)
    return found


class _LumaAt:
    """``picture_luma`` of the pixels of ``flat`` indexed, computed when asked: a pass
    over every GRAY_SAMPLE th row reads the luma of its few cores and their sides."""

    def __init__(self, flat: np.ndarray, scale: float) -> None:
        self.flat, self.scale = flat, scale

    def __len__(self) -> int:
        return len(self.flat)

    def __getitem__(self, index: np.ndarray) -> np.ndarray:
        return picture_luma(self.flat[index], self.scale)


def _side_chroma(
    flat: np.ndarray, scale: float, width: int, luma: np.ndarray, side: np.ndarray,
    pixels: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """Per pixel (flat indices; ``side``: the luma of the sides its jump read): the mean
    (Cb, Cr) of the pair of pixels on opposite sides (``_STEPS``, ``_REACHES``) whose
    lumas agree best with each other and with ``side``."""
    height = len(luma) // width
    y, x = pixels // width, pixels % width
    best = np.full(len(pixels), np.inf)
    chroma = np.zeros((len(pixels), 2))
    to_chroma = _YCBCR[1:].T * scale
    for dy, dx in _STEPS:
        for reach in _REACHES:
            ay, ax, by, bx = y + dy * reach, x + dx * reach, y - dy * reach, x - dx * reach
            inside = (ay < height) & (by >= 0) & (np.minimum(ax, bx) >= 0)
            inside &= np.maximum(ax, bx) < width
            a = np.clip(ay, 0, height - 1) * width + np.clip(ax, 0, width - 1)
            b = np.clip(by, 0, height - 1) * width + np.clip(bx, 0, width - 1)
            gap = np.abs(luma[a] - luma[b])
            gap += np.maximum(np.abs(luma[a] - side), np.abs(luma[b] - side))
            gap[~inside] = np.inf
            take = gap < best
            best[take] = gap[take]
            chroma[take] = 0.5 * (flat[a[take], :3] @ to_chroma + flat[b[take], :3] @ to_chroma)
    return chroma


def _gray_gain(
    flat: np.ndarray, scale: float, luma: np.ndarray, pixels: np.ndarray, sides: np.ndarray,
    map_ycc: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Per pixel (flat indices): how much better (DN) its (Cb, Cr) fits a blend of its
    ``sides``' with gray than one with the map's at its luma (``map_ycc``: the map's
    colors by rising luma), and the length of the map's (Cb, Cr) there."""
    own = flat[pixels, :3] @ (_YCBCR[1:].T * scale)
    at_luma = np.stack(
        [np.interp(luma[pixels], map_ycc[:, 0], map_ycc[:, k]) for k in (1, 2)], axis=1
    )
    gain = _to_segment(own, sides, at_luma) - _to_segment(own, sides, np.zeros_like(sides))
    return gain, np.hypot(at_luma[:, 0], at_luma[:, 1])


def _to_segment(points: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Per row: the distance of ``points`` to the segment from ``start`` to ``end``."""
    along = end - start
    length = np.maximum((along * along).sum(axis=1), 1e-9)
    share = np.clip(((points - start) * along).sum(axis=1) / length, 0.0, 1.0)
    return np.hypot(*(points - start - share[:, None] * along).T)

"""Gray strokes over a diverging map's colored parts, found by where their luma jumps
(``gray_ink_strokes``).

A white or light gray contour line crossing RdBu_r's red is red -> white -> red: a thin
curve of a color the field around it does not predict. ``_jumps`` reads that in the
pixels' positions, but a gray ink's blend with the field projects onto the map between
the field and its light middle, so a JPEG'd 1-1.5 px line's position jumps by a share of
the way (0.1-0.2 of the range over a field 0.25 from the middle: below ``JUMP_CORE``) and
light gray lands anywhere. JPEG keeps luma: the stroke's luma stands out of both sides
by what its ink's does, whatever the field's position. Per pixel, the *luma jump* is how
far its luma stands out of both of two pixels GRAY_REACHES px away on opposite sides
(4 directions) that agree within GRAY_SIDES DN (``_jumps``' kernel on luma); the ink is a
peak of the cores' luma (GRAY_INK_LUMA each side) holding GRAY_INK_SHARE of them and
GRAY_INK_PIXELS of the picture, a gray: its cores' chroma is what the field's shrinks to
when mixed with a gray (GRAY_CHROMA). Only on maps with a light or gray middle (the
lightest color's chroma within GRAY_MIDDLE_CHROMA DN, inside the map): there a gray ink
lies inside the map's gamut and the other rules, which read distance to the map, miss it.
Data through the light middle is a luma ridge as high, but its positions pass through:
a core's position must stand out too (GRAY_POSITION); texture jumps everywhere
(GRAY_CORES_MAX). A stroke's antialiased fringe has the stroke on one side: it is judged
against the field beyond it (``_fringes``).

Measured with benchmarks/_stroke_screen.py (JPEG q75; white, flagged where the field is
> 10 % of the range from the ink's map position / stroke pixels silently wrong / data
lost, %): RdBu_r 58.4 / 17.9 / 0.00 -> 88.0 / 3.7 / 0.26, PiYG 32.7 / 38.1 / 0.00 ->
91.7 / 3.4 / 0.26, BrBG 61.5 / 13.4 / 0.00 -> 93.8 / 2.0 / 0.26, RdYlBu 47.9 / 19.9 /
0.00 -> 91.0 / 1.7 / 0.30; pale gray RdBu_r 39.5 / 38.9 -> 75.2 / 15.6, BrBG 21.2 /
33.7 -> 71.6 / 12.7; all-data holes 0.00 (q75, q50). Growing the stroke by the ink's
luma (as ``_jumps`` does) reached the field around the light middle: 0.36 % of the data
more than 2 px from the strokes lost (tests/color/test_decolorize_colored_strokes.py).
Light gray (191) over fields of its luma differs in chroma alone, which 4:2:0 blurs:
not found here (PiYG 67.9 %, RdBu_r 77.7 %, as before): the stroke's chroma loss (10-15
DN against the clean JPEG) spreads over JPEG's 16 px chroma blocks, so the field 3-5 px
beside it has lost it too (a dip of 2 DN, median, against the sides).
A second look counting the flagged pixels along, where the other rules took most of a
light stroke and left too few cores to tell the ink by, was measured and left out: pale
gray (217) PiYG 49.2 / 48.2 / 27.9 / 0.03 -> 74.2 / 74.8 / 11.9 / 0.21, Spectral 84.3 /
82.8 / 2.2 / 0.57 -> 90.1 / 90.5 / 0.9 / 0.75, light gray Spectral 68.4 / 88.5 / 2.7 /
0.08 -> 71.5 / 92.5 / 1.4 / 0.23 (flagged / far / silently wrong / data lost, %): data 1
px beside the strokes' faint fringes lost (tests/color/test_decolorize_inked.py's bounds).
"""

from __future__ import annotations

import numpy as np

from truepix.color._decolorize._degraded import near_any
from truepix.color._decolorize._grains import side_pairs
from truepix.color._decolorize._grow import core_groups
from truepix.color._decolorize._jumps import (
    JUMP_SAMPLE_SLACK,
    _jump_kernel,
    _peak,
    jumps,
    picture_luma,
)
from truepix.color._decolorize._palette import Polyline
from truepix.color._decolorize._plan import _YCBCR

__all__ = ["gray_ink_strokes", "gray_middle"]

#: Maps whose lightest color lies inside (not within GRAY_MIDDLE_END DN of an end's
#: luma) and is a gray (chroma within GRAY_MIDDLE_CHROMA DN): RdBu_r, PiYG, BrBG,
#: coolwarm; RdYlBu's and Spectral's pale yellow (32 DN).
GRAY_MIDDLE_CHROMA = 40.0
GRAY_MIDDLE_END = 20.0
#: Every GRAY_SAMPLE th row is looked at first (``JUMP_SAMPLE_SLACK`` of the cores
#: needed there). Until now only where the other rules had flagged 0.1 % of the picture
#: or more; at 1 MP the same 1 px contours are a smaller share and they had flagged none
#: (PiYG, RdYlBu white, RdBu_r, BrBG, PiYG pale gray: 0 % flagged, 44-78 % of the
#: strokes silently wrong). Now on every picture of these maps, at a cost (RdBu_r 1 MP
#: all-data JPEG q75, one thread; see the report of the change).
GRAY_SAMPLE = 8
#: Sides GRAY_REACHES px away agreeing within GRAY_SIDES DN of luma.
GRAY_REACHES = (2, 3)
GRAY_SIDES = 80.0
#: A core's luma jumps GRAY_CORE DN or more; its edge GRAY_EDGE DN, toward the ink's.
GRAY_CORE = 30.0
GRAY_EDGE = 10.0
#: ... and its position GRAY_POSITION or more (``_jumps.jumps``, 0-1).
GRAY_POSITION = 0.03
#: Cores of strokes over a smooth field are few: 0.1-1.5 % of the pictures of
#: benchmarks/_stroke_screen.py and tests/color/test_decolorize_colored_strokes.py;
#: JPEG'd photographs (coffee, astronaut, camera; RdBu_r, PiYG, coolwarm, q50-q75)
#: jump at 4.7-17 % (texture: 7-16 % holes without this bound). More than
#: GRAY_CORES_MAX of the picture: no stroke is looked for.
GRAY_CORES_MAX = 0.03
#: A core within GRAY_RING px of a flagged pixel GRAY_CORE DN or more past its field the
#: other way (a light core beside a flagged dark stroke) is that stroke's JPEG ringing:
#: not counted. (seismic's black contours over its white middle, JPEG q75, once jump_strokes
#: flagged them: their overshoot, 1-4 px beside them, made a "gray ink" of luma 214 that
#: took 2.0 % of the data.)
GRAY_RING = 4
#: The ink: the cores' luma peak (GRAY_INK_LUMA DN each side) holding GRAY_INK_SHARE of
#: them and GRAY_INK_PIXELS of the picture.
GRAY_INK_LUMA = 25.0
GRAY_INK_SHARE = 0.36
GRAY_INK_PIXELS = 0.002
#: ... or GRAY_INK_COUNT pixels where fewer (a 400 x 300 figure's GRAY_INK_PIXELS): a
#: stroke is as many pixels whatever the canvas (texture's GRAY_CORES_MAX stays a share).
GRAY_INK_COUNT = 240
#: ... and GRAY_INK_LEAST at the least whatever the canvas: a photograph shrunk to a
#: thumbnail (48-96 px, coolwarm / RdBu_r, Pillow JPEG q75-q95) has crater rims and edges
#: of one luma whose cores (16-56 px) made a gray ink (2.1-4.8 % holes); the strokes of
#: tests/color's figures keep 139 or more (``_jumps.JUMP_INK_LEAST``).
GRAY_INK_LEAST = 80
#: Inks looked at, one luma peak of the cores after another (see ``_strokes``).
GRAY_INKS = 1
#: Along a found stroke (hysteresis, GRAY_ALONG_STEPS steps of 8 neighbours), a pixel of
#: the ink's luma whose luma jumps GRAY_ALONG DN toward it and whose position jumps
#: GRAY_ALONG_POSITION joins it: a light stroke's stretches over a field nearer the
#: light middle stand out of it by less than a core's GRAY_CORE.
GRAY_ALONG = 20.0
GRAY_ALONG_POSITION = 0.03
GRAY_ALONG_STEPS = 16
#: A light ink's strokes over the field near the light middle: pixels GRAY_FAINT DN or
#: more above both sides (agreeing within GRAY_FAINT_SIDES), and no darker than the
#: map's lightest color less GRAY_FAINT_TOP DN.
GRAY_FAINT = 12.0
GRAY_FAINT_SIDES = 8.0
GRAY_FAINT_TOP = 4.0
GRAY_FAINT_POSITION = 0.02
#: A light ink's strokes over the light middle itself (a white contour along RdBu_r's
#: gray, Spectral's pale yellow): the field's position is the ink's own, so nothing but
#: luma tells them. No data is lighter than the map's lightest color: JPEG's overshoot of
#: the middle reaches 1-2 DN on smooth fields, up to 8.7 DN on photographs but in specks
#: (q50-q90, 4:2:0 and 4:4:4: 0.0-0.2 % of their pixels 6 DN over). Pixels GRAY_OVER_TOP
#: DN or more above the map's lightest and GRAY_OVER_JUMP DN above two sides that agree
#: within GRAY_FAINT_SIDES are the stroke's where 8-connected through such pixels to a
#: found stroke or to a flagged pixel as light, or in a curve of GRAY_OVER_PIXELS.
GRAY_OVER_TOP = 3.0
GRAY_OVER_JUMP = 3.0
GRAY_OVER_PIXELS = 24
#: A core's chroma (DN) at most its sides' shrunk toward gray by GRAY_CHROMA_KEPT of the
#: share of the way its luma went to the ink's, plus GRAY_CHROMA: 4:2:0 averages a thin
#: stroke's chroma with its 2x2 block's (measured: white on RdBu_r keeps about half).
GRAY_CHROMA = 10.0
GRAY_CHROMA_KEPT = 0.5
#: ... and the cores as a whole lose chroma: their median chroma at most
#: GRAY_INK_CHROMA of their sides' (a small JPEG'd PiYG/BrBG figure's data extrema
#: kept 0.94 and passed one by one by GRAY_CHROMA's slack: 5-7 % of the data lost).
GRAY_INK_CHROMA = 0.8
#: A found stroke's 8 neighbours are its fringe where their luma lies GRAY_FRINGE DN or
#: more toward the ink's from the field's GRAY_FRINGE_REACH px out (``_fringes``).
GRAY_FRINGE = 15.0
GRAY_FRINGE_REACH = 3
#: ... where the ink stands GRAY_FRINGE_CONTRAST DN or more from that field and the
#: neighbour's luma lies between the two (GRAY_FRINGE_SHARE of the way): a blend of
#: the ink and the field. JPEG's halo beside a hard-edged stroke (Pillow's text and
#: lines in benchmarks/colormaps.py) passed 15 DN past a field near the ink's luma,
#: or beyond the ink when the field was extrapolated from the next stroke.
GRAY_FRINGE_CONTRAST = 25.0
GRAY_FRINGE_SHARE = (0.25, 1.0)


def gray_middle(line: Polyline) -> bool:
    """Whether the map's lightest color is a gray inside it (GRAY_MIDDLE_CHROMA,
    GRAY_MIDDLE_END)."""
    if line.cyclic or len(line.vertices) < 3:
        return False
    ycc = line.vertices @ _YCBCR.T
    top = int(np.argmax(ycc[:, 0]))
    if ycc[top, 0] - max(ycc[0, 0], ycc[-1, 0]) < GRAY_MIDDLE_END:
        return False
    return bool(np.hypot(ycc[top, 1], ycc[top, 2]) <= GRAY_MIDDLE_CHROMA)


def _luma_jumps(
    luma: np.ndarray, width: int, off_map: np.ndarray, every: int = 1, sides: float = GRAY_SIDES,
    scaled: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Per pixel: the largest luma jump (DN) over directions and reaches whose sides
    agree (GRAY_SIDES), and the sides' mean (NaN where none); of the rows 0, ``every``,
    2 ``every`` ... only, one after another, as ``_jumps.jumps`` lays them out.
    ``scaled``: ``luma / 255`` where made already (``_jumps.sampled_luma``)."""
    scaled = luma / 255.0 if scaled is None else scaled
    height = len(luma) // width
    size = (height + every - 1) // every * width
    jump = np.zeros(size, dtype=np.float64)
    side = np.full(size, np.nan)
    reaches = np.array(GRAY_REACHES, dtype=np.int64)
    _jump_kernel(scaled, off_map, width, len(luma) // width, every, reaches, sides / 255.0,
                 jump, side)  # fmt: skip
    return jump * 255.0, side * 255.0


def gray_ink_strokes(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, off_map: np.ndarray,
    top: float = np.inf,
) -> None:  # fmt: skip
    """Mark in ``off_map`` the pixels of strokes in gray inks whose luma stands out of
    the field on both sides (GRAY_CORE) and whose position does too (GRAY_POSITION), an
    ink's (GRAY_INK_LUMA, GRAY_CHROMA), and their edges (GRAY_EDGE) and fringes
    (GRAY_FRINGE) beside them. ``flat``: the picture's pixels (times ``scale``: DN),
    ``position`` each one's (0-1, NaN: none); ``top``: the luma (DN) of the map's
    lightest color (GRAY_FAINT_TOP, GRAY_OVER_TOP)."""
    n_pixels = len(off_map)
    if width < 8 or n_pixels < 64:
        return
    luma = picture_luma(flat, scale)
    for pixels, ink in _strokes(flat, scale, width, position, off_map, luma, top):
        of_ink = np.abs(luma - ink) <= GRAY_INK_LUMA
        # (of the ink's luma: the stroke's own, also where other rules flagged them)
        stroke = (pixels | off_map) & of_ink
        _fringes(luma, width, np.flatnonzero(stroke), ink, off_map | stroke, pixels)
        off_map |= pixels
    # ... and light strokes over the light middle itself, found or not (GRAY_OVER_TOP)
    _over_top(luma, width, off_map, top)


def _strokes(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, off_map: np.ndarray,
    luma: np.ndarray, top: float = np.inf,
) -> list[tuple[np.ndarray, float]]:  # fmt: skip
    """Per gray ink the cores make: its strokes' cores and edges (a mask; pixels not
    ``off_map``) and the ink's luma; none where the cores make no gray ink."""
    n_pixels = len(off_map)
    least = max(min(GRAY_INK_PIXELS * n_pixels, GRAY_INK_COUNT), GRAY_INK_LEAST)
    # (every GRAY_SAMPLE th row first: an all-data picture's few cores -- its ridges
    # through the light middle pass in position -- show there at a quarter of the cost)
    sampled = _cores(luma, position, width, off_map, GRAY_SAMPLE)
    if len(sampled) < JUMP_SAMPLE_SLACK * least / GRAY_SAMPLE:
        return []
    jump, side = _luma_jumps(luma, width, off_map)
    # ... whose position stands out of the field's too: data through the map's light
    # middle is a luma ridge as high, but its positions pass through (0.45 -> 0.5 -> 0.55)
    cores = _cores(luma, position, width, off_map, 1, jump)
    # ... few: texture jumps everywhere (GRAY_CORES_MAX)
    if not least <= len(cores) <= GRAY_CORES_MAX * n_pixels:
        return []
    # ... not JPEG's ringing beside a stroke another rule flagged (GRAY_RING)
    cores = cores[~_ringing(luma, side, width, off_map, cores)]
    chroma = _chroma(flat, scale)
    found = []
    # the inks, one peak after another: a figure's strokes in a colored ink (magenta on
    # Spectral) can outnumber its white ones, and hide them behind a first peak that is
    # no gray (GRAY_INKS at most)
    for _ in range(GRAY_INKS):
        ink = _peak(luma[cores], 0.0, 256.0, 256, GRAY_INK_LUMA)
        at_ink = np.abs(luma[cores] - ink) <= GRAY_INK_LUMA
        if np.count_nonzero(at_ink) < max(GRAY_INK_SHARE * len(cores), least):
            break
        pixels = _gray_cores(chroma, luma, side, width, cores[at_ink], ink, least)
        if pixels is not None:
            pixels = _with_edges(pixels, jump, luma, side, ink, width)
            if np.median(luma[cores[at_ink]] - side[cores[at_ink]]) > 0:  # (a light ink)
                _grown(pixels, _faint(luma, position, width, off_map, top), width)
            _along(pixels, jump, luma, side, ink, width, off_map, position)
            found.append((pixels, ink))
        cores = cores[~at_ink]
    return found


def _ringing(
    luma: np.ndarray, side: np.ndarray, width: int, off_map: np.ndarray, cores: np.ndarray
) -> np.ndarray:
    """Per core (flat indices): whether a flagged pixel within GRAY_RING px lies
    GRAY_CORE DN or more past the core's field (``side``) on the other side from the
    core's own luma: the core is JPEG's overshoot beside that stroke, not an ink."""
    ringing = np.zeros(len(cores), dtype=bool)
    if len(cores) == 0 or not off_map.any():
        return ringing
    height = len(luma) // width
    y, x = cores // width, cores % width
    field = side[cores]
    away = np.sign(luma[cores] - field)
    for dy in range(-GRAY_RING, GRAY_RING + 1):
        for dx in range(-GRAY_RING, GRAY_RING + 1):
            yy, xx = y + dy, x + dx
            inside = (yy >= 0) & (yy < height) & (xx >= 0) & (xx < width)
            near = np.where(inside, yy * width + xx, 0)
            ringing |= inside & off_map[near] & ((luma[near] - field) * away <= -GRAY_CORE)
    return ringing


def _gray_cores(
    chroma: np.ndarray, luma: np.ndarray, side: np.ndarray, width: int, cores: np.ndarray,
    ink: float, least: float,
) -> np.ndarray | None:  # fmt: skip
    """The ``cores`` (flat indices) at the ``ink``'s luma that are a gray's, or None where
    they do not make a gray ink (GRAY_INK_CHROMA) or hold fewer than ``least``."""
    # a gray: mixed with the field, the field's chroma shrinks by the share of the
    # way its luma went to the ink's (the sides' chroma: the pixels on either side)
    field_chroma = _side_chroma(chroma, width, cores)
    share = np.clip((luma[cores] - side[cores]) / (ink - side[cores]), 0.0, 1.0)
    gray = chroma[cores] <= (1.0 - GRAY_CHROMA_KEPT * share) * field_chroma + GRAY_CHROMA
    if np.median(chroma[cores] / np.maximum(field_chroma, 1.0)) > GRAY_INK_CHROMA:
        return None
    cores = cores[gray]
    return cores if len(cores) >= least else None


def _with_edges(
    cores: np.ndarray, jump: np.ndarray, luma: np.ndarray, side: np.ndarray, ink: float,
    width: int,
) -> np.ndarray:  # fmt: skip
    """A mask of the ``cores`` (flat indices) and their 8 neighbours whose luma jumps
    GRAY_EDGE DN or more toward the ``ink``'s."""
    n_pixels = len(luma)
    beside = np.zeros(n_pixels, dtype=bool)
    near_any(cores, width, n_pixels // width, 1, beside)
    toward = (luma - side) * (ink - side) > 0
    found = beside & (jump >= GRAY_EDGE) & toward
    found[cores] = True
    return found


def _faint(
    luma: np.ndarray, position: np.ndarray, width: int, off_map: np.ndarray, top: float
) -> np.ndarray:
    """A mask of the pixels lighter than the map's lightest color less GRAY_FAINT_TOP DN
    (``top``) whose luma stands GRAY_FAINT DN or more above two sides that agree within
    GRAY_FAINT_SIDES: a light ink's stroke over the field near the map's light middle,
    which the field's smoothness does not make. They join a found stroke along it only
    (``_grown``): JPEG's noise on the data through the light middle makes a few such
    pixels apart from any stroke."""
    jump, side = _luma_jumps(luma, width, off_map, sides=GRAY_FAINT_SIDES)
    faint = (jump >= GRAY_FAINT) & (luma > side) & (luma >= top - GRAY_FAINT_TOP) & ~off_map
    # ... whose position stands out too: data through the light middle is a luma ridge
    # (the map's luma peaks there), but its positions pass through
    faint[faint] = jumps(position, width, off_map)[0][faint] >= GRAY_FAINT_POSITION
    return faint


def _over_top(luma: np.ndarray, width: int, off_map: np.ndarray, top: float) -> None:
    """Mark in ``off_map`` the pixels of light strokes over the map's light middle
    (GRAY_OVER_TOP; ``top``: the luma of the map's lightest color, DN)."""
    if not np.isfinite(top):
        return
    light = luma >= top + GRAY_OVER_TOP
    asked = np.flatnonzero(light & ~off_map)  # (smooth all-data pictures: none)
    if len(asked) == 0:
        return
    jump, side = _jumps_at(luma, width, off_map, asked, GRAY_FAINT_SIDES)
    over = np.zeros(len(luma), dtype=bool)
    over[asked[(jump >= GRAY_OVER_JUMP) & (luma[asked] > side)]] = True
    if not over.any():
        return
    seeds = off_map & light
    pixels = np.flatnonzero(over | seeds)
    seeded = np.where(seeds[pixels], np.inf, 0.0)
    groups = np.empty(len(pixels), dtype=np.int64)
    n_pixels = len(luma)
    core_groups(np.ones(len(pixels), dtype=bool), seeded, pixels, width, n_pixels // width,
                GRAY_OVER_PIXELS, 1.0, groups)  # fmt: skip
    off_map[pixels[(groups > 0) & over[pixels]]] = True


def _jumps_at(
    luma: np.ndarray, width: int, off_map: np.ndarray, pixels: np.ndarray, sides: float
) -> tuple[np.ndarray, np.ndarray]:
    """``_luma_jumps`` (reaches GRAY_REACHES, sides agreeing within ``sides`` DN) at the
    ``pixels`` (flat indices) alone: the same jumps and sides' means, in numpy (a light
    ink's candidates are 0.01-0.5 % of a picture; the whole picture's pass cost RdBu_r's
    1 MP JPEG'd terrain +20 % of its decode)."""
    height = len(luma) // width
    y, x = pixels // width, pixels % width
    luma, sides = luma / 255.0, sides / 255.0  # (as the kernel compares: the same ties)
    own = luma[pixels]
    best = np.zeros(len(pixels))
    mean = np.full(len(pixels), np.nan)
    for inside, a, b in side_pairs(y, x, height, width, GRAY_REACHES):
        high, low = np.maximum(luma[a], luma[b]), np.minimum(luma[a], luma[b])
        out = np.maximum(own - high, low - own)
        taken = inside & (out > best) & (high - low <= sides) & ~off_map[a] & ~off_map[b]
        best[taken] = out[taken]
        mean[taken] = 0.5 * (luma[a] + luma[b])[taken]
    return best * 255.0, mean * 255.0


def _grown(found: np.ndarray, able: np.ndarray, width: int) -> None:
    """Mark in ``found`` the ``able`` pixels 8-connected to it, GRAY_ALONG_STEPS steps out."""
    n_pixels = len(found)
    fresh = np.flatnonzero(found)
    beside = np.zeros(n_pixels, dtype=bool)
    for _ in range(GRAY_ALONG_STEPS):
        beside[:] = False
        near_any(fresh, width, n_pixels // width, 1, beside)
        fresh = np.flatnonzero(beside & able & ~found)
        if len(fresh) == 0:
            return
        found[fresh] = True


def _along(
    found: np.ndarray, jump: np.ndarray, luma: np.ndarray, side: np.ndarray, ink: float,
    width: int, off_map: np.ndarray, position: np.ndarray,
) -> None:  # fmt: skip
    """Mark in ``found`` the pixels along its strokes (``_grown``) whose luma is the ink's
    (GRAY_INK_LUMA) and jumps GRAY_ALONG DN or more toward it, and whose position jumps
    GRAY_ALONG_POSITION."""
    toward = (luma - side) * (ink - side) > 0
    able = toward & (jump >= GRAY_ALONG) & (np.abs(luma - ink) <= GRAY_INK_LUMA) & ~off_map
    able[able] = jumps(position, width, off_map)[0][able] >= GRAY_ALONG_POSITION
    _grown(found, able, width)


def _cores(
    luma: np.ndarray, position: np.ndarray, width: int, off_map: np.ndarray, every: int,
    jump: np.ndarray | None = None,
) -> np.ndarray:  # fmt: skip
    """Indices (into the rows 0, ``every`` ... laid out as ``_jumps.jumps`` does: flat
    ones for 1) of the pixels whose luma jumps GRAY_CORE DN or more (``jump``, when
    given, for every row) and whose position GRAY_POSITION."""
    if jump is None:
        jump = _luma_jumps(luma, width, off_map, every)[0]
    cores = np.flatnonzero(jump >= GRAY_CORE)
    if len(cores) == 0:
        return cores
    return cores[jumps(position, width, off_map, every)[0][cores] >= GRAY_POSITION]


def _chroma(flat: np.ndarray, scale: float) -> np.ndarray:
    """Per pixel: the length of its (Cb, Cr), DN."""
    chroma = flat[:, :3] @ (_YCBCR[1:].T * scale)
    return np.hypot(chroma[:, 0], chroma[:, 1])


def _fringes(
    luma: np.ndarray, width: int, stroke: np.ndarray, ink: float, off_map: np.ndarray,
    found: np.ndarray,
) -> None:  # fmt: skip
    """Mark in ``found`` the 8 neighbours of the ``stroke``'s pixels (flat indices) that
    are its antialiased fringe: their luma GRAY_FRINGE DN or more toward the ``ink``'s
    from what the field beyond them predicts (extrapolated from the pixels GRAY_FRINGE_REACH
    and twice that px from the stroke's, same direction; both unflagged). The jump misses
    them: one of their sides is the stroke."""
    height = len(luma) // width
    y, x = stroke // width, stroke % width
    reach = GRAY_FRINGE_REACH
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            if dy == dx == 0:
                continue
            fy, fx = y + 2 * reach * dy, x + 2 * reach * dx
            inside = (fy >= 0) & (fy < height) & (fx >= 0) & (fx < width)
            sy, sx = y[inside], x[inside]
            near = (sy + dy) * width + sx + dx
            field = (sy + reach * dy) * width + sx + reach * dx
            beyond = (sy + 2 * reach * dy) * width + sx + 2 * reach * dx
            # (the field's gradient carried on from the two pixels out to the neighbour)
            predicted = luma[field] + (luma[field] - luma[beyond]) * (reach - 1) / reach
            contrast = np.abs(ink - predicted)
            gap = (luma[near] - predicted) * np.sign(ink - predicted)
            share = gap / np.maximum(contrast, 1.0)
            blend = (share >= GRAY_FRINGE_SHARE[0]) & (share <= GRAY_FRINGE_SHARE[1])
            blend &= contrast >= GRAY_FRINGE_CONTRAST
            clear = ~(off_map[field] | found[field] | off_map[beyond] | found[beyond])
            found[near[(gap >= GRAY_FRINGE) & clear & blend]] = True


def _side_chroma(chroma: np.ndarray, width: int, pixels: np.ndarray) -> np.ndarray:
    """Per pixel (flat indices): the largest chroma among the pixels 3 px away in the 4
    axis directions (the field beside a thin stroke; clipped at the picture's edge)."""
    height = len(chroma) // width
    y, x = pixels // width, pixels % width
    best = np.zeros(len(pixels))
    for dy, dx in ((0, 3), (0, -3), (3, 0), (-3, 0)):
        yy, xx = np.clip(y + dy, 0, height - 1), np.clip(x + dx, 0, width - 1)
        best = np.maximum(best, chroma[yy * width + xx])
    return best

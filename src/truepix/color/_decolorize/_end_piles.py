"""Inks at a map's end that are the end's own color: data's floor (``end_color``, ``end_lines``).

``_jumps._ink_of`` takes the cores piled at an end of the map (their peak window reaching
position 0 or 1) for an ink there: a black contour over seismic, whose near-black ends
hold black's JPEG'd pixels (tests/color/test_decolorize_ink_at_end.py). Data piles there
too: a field clipped to vmin or vmax, a disparity or depth map whose invalid pixels are
set to its minimum. Such a map (skimage's ``stereo_motorcycle`` disparity, resized to
512^2, ``cmap(x, bytes=True)``, Pillow JPEG q75) is flat regions with sharp edges, and
its invalid pixels run between them as thin lines of the map's first color: 2 px wide
valleys below both sides, at one position and one luma, as a stroke's cores are. The
jump ink took them, with their edges and fringes: viridis 7.2 %, jet 8.5 % of the
picture NaN (6.4x and 4.1x the nearest-color k-d tree's error), and the same picture
beside a photograph 0 % (its texture's cores, at every position, left the peak
under ``_jumps.JUMP_INK_SHARE``): a decode that hangs on what else is in the picture.

What tells them is the color, as ``_end_inks`` tells a white or black stroke from the
map's light or dark end: a stroke's ink at an end is a color past it (black beyond
seismic's dark blue and dark red), the floor's is the end color itself. Per core of the
ink, its (Cb, Cr) is fitted as a blend of its sides' (the pair it stands out of,
``_jumps.JUMP_REACHES`` away) with gray, and with the end color's; the pile is the end's
own color where the median core does not fit gray ``_end_inks.END_GATE`` DN better. Measured
(median gain of gray, DN): the disparity map, JPEG q75, viridis -2.1, jet -16.4 (coolwarm
-9.2, turbo -7.0: their jump inks fell to other tests); black strokes over seismic
(benchmarks/annotnear's figure) +5.8. Where the end is nearly gray (its chroma under
``_end_inks.END_CHROMA``: magma, gray, Greys) the chroma cannot tell; there, where
``_end_inks`` judges the end (near black or white), the ink must show a gray's chroma
against the map's color at its own position (``inked_end``, ``end_gain``). The same
floor lines at q90 were taken by ``_lines`` for contours of one ink over several fields
(1.3 % of the picture): the chains whose ink lies at a colored end's luma are asked the
same question there (``end_lines``).

With jet the lines are its dark blue, the map's darkest color, between red and orange
fields, and JPEG's ringing takes their pixels 1-11 DN below it: past the map's luma, a
black stroke's sign (``_jpeg._ridge_limits``), whose cores then kept JPEG's misses
around them (``_alone``). Their chroma, where it tells (``end_undershoots``), is a blend
of the fields' with the dark blue's; a black stroke's over the same fields one with gray.
"""

from __future__ import annotations

import numpy as np

from truepix.color._decolorize._grains import closest_sides, side_pairs
from truepix.color._decolorize._palette import Polyline
from truepix.color._decolorize._plan import _YCBCR

__all__ = [
    "PILE_LUMA", "UNDERSHOOT_APART", "colored_ends", "end_color", "end_line", "end_lines",
    "end_undershoots",
    "END_INK_GAIN", "end_gain", "inked_end", "inked_end_runs",
]

#: The ink's luma (the peak of its cores') within PILE_LUMA DN of the end's: JPEG keeps
#: luma, but blurs a thin line's with its sides' (the disparity map's 1-2 px lines of
#: the first color, q75: viridis 1, jet 7, turbo 8 DN above it); red strokes over
#: coolwarm, piled at its dark red end at q75, 28 DN above (its chroma, far from gray,
#: does not tell: ``_jumps``' strokes in a color the map holds).
PILE_LUMA = 16.0
#: Past the darkest (brightest) end, a pixel's chroma tells the end's color from gray's
#: only where a blend of its sides' with gray lies UNDERSHOOT_APART DN or more from one
#: with the end's (``end_undershoots``).
UNDERSHOOT_APART = 20.0
#: ``end_line`` asks the chroma of the pixels whose sides lie UNDERSHOOT_APART from the
#: end's color, and only where END_LINE_APART of them do: a black stroke's inks over
#: jet's dark blue (the camera's coat, tests/color/_annotate.py, q50) fit the end's blend
#: as well as gray's there (27 % of a black text's and lines' pixels lost to it).
END_LINE_APART = 0.5
#: ... and there its median gain of gray (``_fits_end``) must be under END_LINE_GAIN DN: the
#: end's lines -6.8 to -12.8 DN, that black stroke's inks (114 px, luma 19.7) +0.8, black
#: strokes' strung cores over jet's and rainbow's fields +10.1 to +36.5.
END_LINE_GAIN = -3.0
#: The jump ink at a near-black (white) end's luma (``inked_end``) is a stroke's where its
#: cores' chroma fits a blend of their sides' with gray END_INK_GAIN DN or more better than
#: one with the map's color at the ink (``end_gain``, the median): magma's disparity lines
#: (q75 / q90) -2.8 / -2.7, black text and lines over magma's DEM (JPEG q75,
#: tests/color/test_decolorize_end_strung.py) +2.9. ``_end_inks``' own END_GATE (3) and
#: END_CHROMA gates, meant for its fit against the end color, leave the latter as data.
END_INK_GAIN = 0.0


def end_color(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, off_map: np.ndarray,
    cores: np.ndarray, ink_luma: float, end: np.ndarray, reaches: tuple[int, ...],
    sides: float, core: float,
) -> bool:  # fmt: skip
    """Whether the ink of ``cores`` (flat indices, rows of ``width``), piled at the map's
    end whose color is ``end`` (RGB, DN), is that color: the ink's luma (``ink_luma``,
    DN) lies within PILE_LUMA of the end's, the end's chroma is not nearly gray
    (``_end_inks.END_CHROMA``) and the median core's (Cb, Cr) does not fit a blend of its
    sides' with gray ``_end_inks.END_GATE`` DN better than one with the end's. A core's
    sides: of the pairs ``reaches`` px away across it (4 directions) that agree within
    ``sides`` and that it stands out of by ``core`` or more (``_jumps.jumps``), the closest
    pair. ``flat``: the picture's pixels (times ``scale``: DN); ``position``: each pixel's
    (0-1, NaN or ``off_map``: no side).

    Examples
    --------
    >>> import numpy as np
    >>> end = np.array([68.0, 1.0, 84.0])  # viridis' first color
    >>> rgb = np.tile(np.array([253, 231, 37], np.uint8), (9, 40, 1))  # its last color ...
    >>> rgb[4] = end  # ... with a line of its first across it
    >>> position = np.ones(rgb.shape[:2])
    >>> position[4] = 0.0
    >>> line = 4 * 40 + np.arange(3, 37)
    >>> off = np.zeros(position.size, dtype=bool)
    >>> args = (1.0, 40, position.ravel(), off, line, 30.5, end, (2, 3), 0.15, 0.15)
    >>> end_color(rgb.reshape(-1, 3), *args)
    True
    >>> rgb[4] = (40, 20, 30)  # a dark line of another color at its luma
    >>> end_color(rgb.reshape(-1, 3), *args)
    False
    """
    # (imported here: ``_end_inks`` imports ``_jumps``, which asks this)
    from truepix.color._decolorize._end_inks import END_CHROMA

    end = np.asarray(end, dtype=np.float64)
    if abs(ink_luma - end @ _YCBCR[0]) > PILE_LUMA or not len(cores):
        return False
    to_chroma = _YCBCR[1:].T
    if np.hypot(*(end @ to_chroma)) < END_CHROMA:
        return False
    closest, pixels = closest_sides(position, off_map, width, cores, reaches, sides, core)
    judged = np.isfinite(closest)
    a, b = pixels[judged, 0], pixels[judged, 1]
    side_chroma = 0.5 * (flat[a, :3].astype(np.float64) + flat[b, :3]) @ to_chroma * scale
    return bool(judged.any()) and _fits_end(flat, scale, cores[judged], side_chroma, end)


def end_gain(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, off_map: np.ndarray,
    cores: np.ndarray, color: np.ndarray, reaches: tuple[int, ...], sides: float, core: float,
) -> float:  # fmt: skip
    """The median over ``cores`` (flat indices) of how much better (DN) their (Cb, Cr)
    fits a blend of their sides' with gray than one with ``color`` (RGB, DN); sides as
    ``end_color`` finds them. NaN where no core has sides."""
    from truepix.color._decolorize._end_inks import _to_segment

    closest, pixels = closest_sides(position, off_map, width, cores, reaches, sides, core)
    judged = np.isfinite(closest)
    if not judged.any():
        return float("nan")
    a, b = pixels[judged, 0], pixels[judged, 1]
    to_chroma = _YCBCR[1:].T
    side_chroma = 0.5 * (flat[a, :3].astype(np.float64) + flat[b, :3]) @ to_chroma * scale
    chroma = flat[cores[judged], :3] @ to_chroma * scale
    ends = np.broadcast_to(np.asarray(color, dtype=np.float64) @ to_chroma, side_chroma.shape)
    gain = _to_segment(chroma, side_chroma, ends) - _to_segment(
        chroma, side_chroma, np.zeros_like(side_chroma)
    )  # fmt: skip
    return float(np.median(gain))


def end_line(
    flat: np.ndarray, scale: float, width: int, line: Polyline, pixels: np.ndarray,
    luma: np.ndarray,
) -> bool:  # fmt: skip
    """Whether cores' ``pixels`` (flat indices, rows of ``width``) at one luma (``luma``,
    DN, their median) are a line of a colored end of the map (``colored_ends``): within
    PILE_LUMA of the end's luma, and of its color against the fields beside them
    (``_fits_end``, the sides as ``end_undershoots`` reads them). ``_alone.strung`` took
    such lines for a stroke of one ink: 2 px lines of jet's dark blue (rainbow's purple)
    between flat cells (tests/color/test_decolorize_disparity.py's ``_cells``), JPEG q50,
    strung 1561-2189 px, 0.40-0.49 of them within 15 DN of one luma 2-15 DN above the
    end's; their median gain of gray (``_end_inks._to_segment``) -7.7 to -12.8 DN, a black
    stroke's over jet's and rainbow's smooth field and camera (tests/color/_annotate.py,
    q50-q90) +10.1 to +36.5 at 17-26 DN (jet's dark blue: 14.5).
    """
    from truepix.color._decolorize._end_inks import _to_segment

    if not len(pixels) or line.cyclic:
        return False
    lumas = line.vertices @ _YCBCR[0]
    for end in colored_ends(line):
        end_luma = float(end @ _YCBCR[0])
        if abs(float(np.median(luma)) - end_luma) > PILE_LUMA:
            continue
        darkest = end_luma - lumas.min() <= lumas.max() - end_luma
        sides = _brightest_sides(flat, scale, width, pixels, darkest)
        ends = np.broadcast_to(end @ _YCBCR[1:].T, sides.shape)
        apart = _to_segment(np.zeros_like(sides), sides, ends) >= UNDERSHOOT_APART
        if apart.mean() < END_LINE_APART:
            continue  # (over fields of the end's own hue the chroma cannot tell)
        if _fits_end(flat, scale, pixels[apart], sides[apart], end, END_LINE_GAIN):
            return True
    return False


def _fits_end(
    flat: np.ndarray, scale: float, pixels: np.ndarray, side_chroma: np.ndarray,
    end: np.ndarray, gate: float | None = None,
) -> bool:  # fmt: skip
    """Whether the median of the ``pixels``' (flat indices) (Cb, Cr) fits a blend of
    their sides' (``side_chroma``, DN) with the ``end`` color's (RGB, DN) no worse than
    ``gate`` DN (default ``_end_inks.END_GATE``) beyond one with gray."""
    from truepix.color._decolorize._end_inks import END_GATE, _to_segment

    chroma = flat[pixels, :3] @ _YCBCR[1:].T * scale
    ends = np.broadcast_to(end @ _YCBCR[1:].T, side_chroma.shape)
    gain = _to_segment(chroma, side_chroma, ends) - _to_segment(
        chroma, side_chroma, np.zeros_like(side_chroma)
    )  # fmt: skip
    return bool(np.median(gain) < (END_GATE if gate is None else gate))


def inked_end(ink_luma: np.ndarray, end_colors: np.ndarray, ends: tuple[bool, bool]) -> np.ndarray:
    """Per ink (``ink_luma``, DN): whether it lies within PILE_LUMA of the luma of an end of
    the map (``end_colors``: its first and last colors, RGB, DN) that is near black or
    white and where ``_end_inks`` looks for strokes (``ends``, ``_end_inks.ink_ends``).
    There a black (white) ink and the map's own end are one position and one luma: data
    that reaches the end stands out of both sides as a black contour does -- a disparity
    map's invalid pixels, thin lines of magma's or inferno's black between its flat
    regions (skimage's ``stereo_motorcycle``, JPEG q75 / q90: the jump ink held 4 600-5 700
    cores at 0.01-0.14, luma 12-14, and ``_lines`` took 25-27 chains of inks 8-16 DN for
    contours; magma 6.9 / 6.7 %, inferno 0.0 / 2.1 % of the picture NaN). What tells them
    is chroma, which positions and luma chains do not read: a gray's blend with the sides'
    or the map's (``_end_inks``: black text over magma 97 % flagged) and, over texture, a
    gray's cores strung along a stroke (``_end_strung``).

    Examples
    --------
    >>> import numpy as np
    >>> ends = np.array([[0.0, 0.0, 4.0], [252.0, 253.0, 191.0]])  # magma's
    >>> inked_end(np.array([13.5, 120.0, 240.0]), ends, (True, True)).tolist()
    [True, False, True]
    >>> inked_end(np.array([13.5]), ends, (False, True)).tolist()
    [False]
    """
    luma = np.asarray(end_colors, dtype=np.float64) @ _YCBCR[0]
    near = np.zeros(len(ink_luma), dtype=bool)
    for judged, end in zip(ends, luma):
        if judged:
            near |= np.abs(np.asarray(ink_luma, dtype=np.float64) - end) <= PILE_LUMA
    return near


def colored_ends(line: Polyline) -> np.ndarray:
    """The map's end colors (RGB, DN; rows) whose chroma is not nearly gray
    (``_end_inks.END_CHROMA``): those whose own color tells from a black or white ink's
    at their luma; none where the map is cyclic (no ends)."""
    from truepix.color._decolorize._end_inks import END_CHROMA

    if line.cyclic or len(line.vertices) < 2:
        return np.zeros((0, 3))
    ends = line.vertices[[0, -1]]
    return ends[np.hypot(*(ends @ _YCBCR[1:].T).T) >= END_CHROMA]


def end_lines(
    flat: np.ndarray, scale: float, width: int, luma: np.ndarray, side: np.ndarray,
    pixels: np.ndarray, end: np.ndarray,
) -> bool:  # fmt: skip
    """Whether thin lines' ``pixels`` (flat indices, rows of ``width``; ``luma`` and
    the luma ``side`` of the field across them, DN, per pixel of the picture) at an end's
    luma are that ``end``'s color (RGB, DN; ``_fits_end``), their sides' chroma read as
    ``_end_inks`` reads it: ``_lines``' contour test took the disparity map's invalid
    pixels (viridis JPEG q90: 1.3 % of the picture, ink 29.0 DN, the first color's
    30.5) for contours in one ink over several fields; 4:2:0 gives their core the
    sides' chroma, 67-95 DN from the map, so the residual that tells a discrete map's
    painted colors (``_lines.LINES_DISCRETE_RESIDUAL``) does not."""
    from truepix.color._decolorize._end_inks import _side_chroma

    if not len(pixels):
        return False
    sides = _side_chroma(flat, scale, width, luma, side[pixels], pixels)
    return _fits_end(flat, scale, pixels, sides, end)



def end_undershoots(
    flat: np.ndarray, scale: float, width: int, pixels: np.ndarray, luma: np.ndarray,
    line: Polyline,
) -> np.ndarray:  # fmt: skip
    """Per pixel (flat indices, rows of ``width``; ``luma`` its luma, DN): whether it lies
    past the luma of a colored end of the map that is the map's darkest (brightest)
    color (``colored_ends``) and is that end's color, JPEG's ringing past it: its
    (Cb, Cr) fits a blend of its sides' (``_brightest_sides``) with the end's no worse
    than ``_end_inks.END_GATE`` DN beyond a blend with gray, where the two blends lie
    UNDERSHOOT_APART DN apart or more (else it stays past the map).

    Examples
    --------
    >>> import numpy as np
    >>> from truepix.color._decolorize._palette import Polyline
    >>> navy_orange = np.array([[0.0, 0.0, 127.0], [255.0, 128.0, 0.0]])
    >>> line = Polyline.build(navy_orange, cyclic=False, matrix=np.eye(3))
    >>> rgb = np.tile(np.array([255, 128, 0], np.uint8), (9, 9, 1))
    >>> rgb[4] = (0, 0, 90)  # a line darker than navy, of navy's hue
    >>> rgb[4, :4] = (20, 20, 20)  # ... and of gray
    >>> pixels = 4 * 9 + np.arange(9)
    >>> luma = rgb.reshape(-1, 3)[pixels] @ np.array([0.299, 0.587, 0.114])
    >>> end_undershoots(rgb.reshape(-1, 3), 1.0, 9, pixels, luma, line).astype(int)
    array([0, 0, 0, 0, 1, 1, 1, 1, 1])
    """
    from truepix.color._decolorize._end_inks import END_GATE, _to_segment

    own = np.zeros(len(pixels), dtype=bool)
    if line.cyclic or len(line.vertices) < 2 or not len(pixels):
        return own
    lumas = line.vertices @ _YCBCR[0]
    to_chroma = _YCBCR[1:].T
    for end in colored_ends(line):
        end_luma = float(end @ _YCBCR[0])
        darkest = end_luma <= lumas.min()
        if not darkest and end_luma < lumas.max():
            continue  # (an end inside the map's luma range: nothing lies past it)
        past = np.flatnonzero((luma < end_luma) if darkest else (luma > end_luma))
        if not len(past):
            continue
        sides = _brightest_sides(flat, scale, width, pixels[past], darkest)
        chroma = flat[pixels[past], :3] @ to_chroma * scale
        ends = np.broadcast_to(end @ to_chroma, sides.shape)
        gray = np.zeros_like(sides)
        apart = _to_segment(gray, sides, ends) >= UNDERSHOOT_APART
        gain = _to_segment(chroma, sides, ends) - _to_segment(chroma, sides, gray)
        own[past[apart & (gain < END_GATE)]] = True
    return own


def _brightest_sides(
    flat: np.ndarray, scale: float, width: int, pixels: np.ndarray, darkest: bool
) -> np.ndarray:
    """Per pixel (flat indices): the mean (Cb, Cr) of the pair of pixels on opposite
    sides (``_jumps.JUMP_REACHES`` away, 4 directions) whose nearer luma lies farthest
    from the end (the brighter pair past the darkest end): the fields a line of the
    end's color runs between."""
    from truepix.color._decolorize._jumps import JUMP_REACHES

    height = len(flat) // width
    y, x = pixels // width, pixels % width
    best = np.full(len(pixels), -np.inf)
    chroma = np.zeros((len(pixels), 2))
    weights = _YCBCR[0] * scale
    to_chroma = _YCBCR[1:].T * scale
    sign = 1.0 if darkest else -1.0
    for inside, a, b in side_pairs(y, x, height, width, JUMP_REACHES):
        score = np.minimum(sign * (flat[a, :3] @ weights), sign * (flat[b, :3] @ weights))
        score[~inside] = -np.inf
        take = score > best
        best[take] = score[take]
        chroma[take] = 0.5 * (flat[a[take], :3] @ to_chroma + flat[b[take], :3] @ to_chroma)
    return chroma


def inked_end_runs(
    inks: np.ndarray, kept: np.ndarray, line: Polyline, ends: tuple[bool, bool], apart: float
) -> np.ndarray:  # fmt: skip
    """Per chain (``inks``: luma, DN): whether it is ``kept`` in a run of kept inks (their
    neighbours within ``apart`` DN, as ``_lines._inks`` groups them) that reaches a near-black
    or near-white end of the map ``_end_inks`` looks at (``ends``; :func:`inked_end`): one ink
    whose chains JPEG spreads over 8-18 DN (magma's disparity map at q90) is judged as a
    whole."""
    at_end = np.zeros(len(inks), dtype=bool)
    order = np.flatnonzero(kept)[np.argsort(inks[kept], kind="stable")]
    reaching = inked_end(inks[order], line.vertices[[0, -1]], ends)
    if not reaching.any():
        return at_end
    runs = np.cumsum(np.append(False, np.diff(inks[order]) > apart))
    at_end[order] = np.isin(runs, runs[reaching])
    return at_end

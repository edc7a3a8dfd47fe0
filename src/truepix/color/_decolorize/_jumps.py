"""Strokes in a color the map holds, found by where their positions jump (``jump_strokes``).

A thin stroke whose ink lies inside the map's gamut -- red on coolwarm or turbo, white
over a diverging map's light middle -- decodes as data: JPEG moves its core onto the
map (coolwarm's dark red end) and no residual tells it. What tells it is the field
around: data is smooth (its position is what the pixels on either side predict), a
stroke is a thin curve of one color whose two sides are the same field. Per pixel, the
*jump* is how far its position stands out of both of two pixels JUMP_REACHES px away on
opposite sides (4 directions) that agree within JUMP_SIDES: a field's gradient passes
through (0), a stroke's pixels stand out, toward one position (its ink's) and one luma.
Texture jumps too, but at every position: the ink's peak (JUMP_INK_SHARE) holds 16-34 %
of a JPEG'd photograph's cores (turbo's coffee the most), 38-81 % of the strokes'
(turbo's red text at q75 the least). Measured (docs/decolorize.md, "Strokes in a color
the map holds"): tests/color/test_decolorize_colored_strokes.py's red strokes, flagged
q90 / q75 %, coolwarm 0.0 / 11.8 -> 94.4 / 90.0, turbo 0.0 / 62.3 -> 87.2 / 85.5, RdBu_r
7.9 / 6.8 -> 92.3 / 91.8, RdYlBu 0.0 / 0.0 -> 94.9 / 93.6 (data 1 px beside the strokes
0.7-1.1 % lost: JPEG's blur of them); 240 JPEG'd photographs (14 maps, 256^2 and 512^2,
q50-q95) no new hole. Per-pixel purity (the cores around at the ink too) or curves of
10+ px cost the 1-px contours of benchmarks/_stroke_screen.py most of their gain; the
cores' chroma (30-45 DN of a peak) did not keep the shrunk camera's tripod legs (thin
data at the red ink's position, 1.2 % of its data lost) apart either.
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix._threads import split_rows
from truepix._validate import readonly
from truepix.color._decolorize._degraded import near_any
from truepix.color._decolorize._edges import EDGE_SMOOTH_SAMPLE, _sharpness
from truepix.color._decolorize._end_piles import END_INK_GAIN, end_color, end_gain, inked_end
from truepix.color._decolorize._grains import grains
from truepix.color._decolorize._grow import groups_of
from truepix.color._decolorize._kernels import _JIT
from truepix.color._decolorize._palette import Polyline
from truepix.color._decolorize._plan import _YCBCR

__all__ = ["jump_strokes", "jumps", "picture_luma", "sampled_luma"]

#: The two sides are JUMP_REACHES px away (a 1-4 px stroke's two fields) and agree
#: within JUMP_SIDES (positions, 0-1).
JUMP_REACHES = (2, 3)
JUMP_SIDES = 0.15
#: A stroke's core jumps JUMP_CORE or more; its antialiased edge JUMP_EDGE or more,
#: toward the ink, next to a core.
JUMP_CORE = 0.15
JUMP_EDGE = 0.05
#: The ink: a peak of the cores' own positions, JUMP_INK_WIDTH wide (each side),
#: holding JUMP_INK_SHARE of the cores and JUMP_INK_PIXELS of the picture or more.
JUMP_INK_WIDTH = 0.06
JUMP_INK_SHARE = 0.36
JUMP_INK_PIXELS = 0.004
#: ... of at most JUMP_INK_COUNT pixels (a 400 x 300 figure's JUMP_INK_PIXELS): a stroke
#: is as many pixels whatever the canvas, the share it holds of a 1 MP figure 2.7x less.
JUMP_INK_COUNT = 480
#: An ink of fewer than JUMP_INK_LEAST cores must be one color: JUMP_INK_TIGHT_SHARE of
#: them within JUMP_INK_TIGHT of their median position. A photograph shrunk to a
#: thumbnail (48-192 px) is all thin features -- a face's eyebrows and eyes, a moon's
#: crater rims, a DEM's ridges -- that stand out of both sides toward one stretch of the
#: map as an ink's strokes do: their cores held 1.3-1.6 % of the picture (11-148 px;
#: 33 of 600 Pillow JPEG q75 / q95 crops of 48-192 px, 10 maps: 2.1-9.3 % holes) but
#: spread over the peak's window (0.25-0.70 of them within 0.02). A red line across a
#: 48 px picture: 29-38 cores, 0.97-1.00 within; the strokes of tests/color's figures
#: hold 366-2,912 cores.
JUMP_INK_LEAST = 160
JUMP_INK_TIGHT = 0.02
JUMP_INK_TIGHT_SHARE = 0.9
JUMP_INK_BINS = 100
#: ... along a curve JUMP_INK_EXTENT px long or more (the uniform length of the same
#: second moment along the cores' widest axis): a field's extremum stands out of both
#: sides within a reach too where the field bends at the pixel scale -- a picture of
#: 32 x 32 px whose smooth field's peak is 5 px wide (Pillow JPEG q75-q90 / WebP
#: q50-q75, jet, viridis, turbo, coolwarm: 6-13 cores in one blob 5.0-5.5 px long,
#: 3.4-7.3 % holes) -- but then in one blob about two reaches across; a stroke is a
#: curve (a red line drawn across 32 and 48 px pictures, 4 maps x 3 fields: 9-38 cores
#: 11-48 px long).
JUMP_INK_EXTENT = 8.0
#: The rows sampled first (every JUMP_SAMPLE th) must show JUMP_SAMPLE_SLACK of that.
JUMP_SAMPLE = 4
JUMP_SAMPLE_SLACK = 0.7
#: An ink whose cores jump less than JUMP_WEAK (their median) must hold JUMP_WEAK_SHARE
#: of the cores: an upscaled-then-JPEG'd picture's texture is 2-4 px "strokes" at its
#: middle positions (OpenCV linear 2x, turbo / coolwarm / rainbow on the camera and
#: coffee, q50-q90: median 0.19-0.21, held 0.36-0.43; 1.2-2.9 % holes), red strokes'
#: median 0.34-0.43, white over RdBu_r's light middle 0.19 but held 0.56.
JUMP_WEAK = 0.27
JUMP_WEAK_SHARE = 0.5
#: ... or, on any picture, its cores' luma must spread JUMP_WEAK_SPREAD DN (std) or less
#: about the ink's: a stroke's ink is one color, JPEG'd; a small picture's texture at
#: one position is the map's colors there, blended with the field's (the camera shrunk to
#: 48-64 px, turbo, Pillow JPEG q75-q90 / WebP q75: median 0.24-0.25, held 0.36-0.37,
#: spread 11.5-12.6 DN, 8.1-10.5 % holes; white strokes over RdBu_r, PiYG, BrBG, RdYlBu:
#: 0.18-0.22, held 0.39-0.71, spread 1.3-4.5).
JUMP_WEAK_SPREAD = 8.0
#: ... and its cores must lie along curves: JUMP_CURVE_SHARE of them or more in 8-connected
#: groups JUMP_CURVE_LENGTH px long or more (``_extent``). A picture of small flat cells --
#: a spectrogram (``pcolormesh(t, f, dB, shading="auto")``, ``specgram``: cells 2-4 px
#: across) -- has a cell lower (or higher) than both its neighbours wherever the
#: data speckles, and each such cell is a core, at the positions its noise floor dips to:
#: the peak held 36 % of the cores, and 4.5-8.9 % of the plot area came back NaN
#: (benchmarks/decolorize_trial/trial50, t84; JPEG q75, viridis and magma). Those cores lie
#: in blobs of one cell (median 2 px; 5-7 % of them in groups 5 px long or more); a
#: stroke's along its lines (tests/color/test_decolorize_colored_strokes.py, q50-q90:
#: 83-95 %; turbo's red text at q75, whose JPEG'd cores break up, 26 %). The cost: trial 45's t02
#: viridis camera with gray text, line and contours (JPEG q75) 88.4 -> 86.6 % flagged, its
#: holes 0.192 -> 0.007 %: its ink was the camera's specks (325 cores, 2.8 % in curves),
#: which took some of the gray strokes along.
JUMP_CURVE_LENGTH = 5.0
JUMP_CURVE_SHARE = 0.15
#: ... groups JUMP_CURVE_ELONGATION times as long as they are wide or more: a curve, not a
#: blob. A star field (a simulated CCD frame, sky 100 +- 5, 150 Gaussian stars of sigma
#: 1.8 px, astropy's sqrt stretch of its 99 % interval, imshow with inferno or magma,
#: savefig JPEG q75; trial 50, t80) holds stars of similar flux whose peaks stand out
#: of the sky around toward one position as a stroke's ink does (inferno: 0.55, 36 % of
#: the cores), their cores discs 5+ px across for the brighter stars: 0.13-0.18 of the
#: cores in groups 5 px long, 0.08-0.09 once they must be 1.5 times as long as wide
#: (inferno 2.99 % holes before). The strokes of tests/color's stroke files (colored,
#: end inks, annotations, thin, rough, repeated, flagged, near): 0.26-0.96 either way
#: (turbo's red text at q75 the least, 0.255 both).
JUMP_CURVE_ELONGATION = 1.5
#: ... or hollow, holding JUMP_CURVE_HOLLOW times the square of their length or fewer
#: pixels (a ring 12 px across 0.18, a disc 1.05).
JUMP_CURVE_HOLLOW = 0.3
#: ... and its cores' sides must not all lie at the field's floor: at one level (their
#: positions' std under JUMP_FIELD_SPREAD) that JUMP_FLOOR_SHARE or more of the picture's
#: field lies within JUMP_FLOOR_WIDTH of. A spectrogram is its noise floor (half its
#: pixels within 0.05 of one level), and what stands out of it is data: the dips of its
#: cells, however long and thin (nperseg 512, 128: bars 5-8 px long, 17-32 % of the cores
#: in curves; 2.6-7.7 % holes), a chirp's or a tone's 1-px ridge (``specgram`` NFFT 512,
#: 1.5-2.7 % holes); their sides' std 0.020-0.058, 0.48-0.66 of the field within 0.05
#: (benchmarks/spectro/cells_jpeg.py, JPEG q75, viridis, magma, inferno, jet). A stroke
#: is drawn across the field: its cores' sides lie at the levels it crosses (red and white
#: strokes of test_decolorize_colored_strokes.py, q75-q90: std 0.13-0.22), or, where only
#: a stretch of it stands out at the ink, at a level few of the field's pixels hold
#: (trial 45's t02 gray strokes on jet's and magma's DEM: std 0.04, 0.13-0.20 of the
#: field; gated on the std alone, jet's lost 88.6 -> 78.8 % of its flags).
#: ... and its inked cores must be sharper than the field: their median luma second
#: difference (``_edges._sharpness``) over JUMP_SMOOTH times the field's. A noisy array
#: drawn by imshow(interpolation="bicubic") 2.7x and JPEG'd q75 (jet, noise 0.4 of the
#: range, benchmarks/interp3/grid.py) has texture that stands out of both sides toward
#: one position (1.5-2.5 % holes): its cores 1.9 times the field; strokes' 4.2 (on a
#: resized picture) to 81 (tests/color's colored strokes, grains, inked, gray contours).
JUMP_SMOOTH = 3.0
JUMP_FIELD_SPREAD = 0.08
JUMP_FLOOR_WIDTH = 0.05
JUMP_FLOOR_SHARE = 0.4
#: ... and its luma: the peak of the cores' luma there, within JUMP_INK_LUMA DN.
JUMP_INK_LUMA = 25.0
#: A pixel at the ink (JUMP_INK_WIDTH) next to a stroke's joins it, JUMP_GROW_STEPS
#: steps out.
JUMP_GROW_STEPS = 2


def jumps(
    position: np.ndarray, width: int, off_map: np.ndarray, every: int = 1, *, sides: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """Per pixel (flat ``position``, rows of ``width``; NaN or ``off_map``: no field):
    the largest jump over directions and reaches whose sides agree (JUMP_SIDES; 0
    where none), and the mean of those sides (NaN where none); of the rows 0, ``every``,
    2 ``every`` ... only, one after another (flat, rows of ``width``: every row's pixel
    at its flat index when ``every`` is 1). Without ``sides`` the means are not kept
    (an empty array)."""
    height = len(position) // width
    n_rows = (height + every - 1) // every
    jump = np.zeros(n_rows * width, dtype=np.float64)
    side = np.full(n_rows * width if sides else 0, np.nan)
    reaches = np.array(JUMP_REACHES, dtype=np.int64)
    _jump_kernel(position, off_map, width, height, every, reaches, JUMP_SIDES, jump, side)
    return jump, side


# (the pixels at least a reach from every side a row at a time, all directions and
# reaches in one loop numba vectorizes: ``jumps`` of a noisy 1 MP terrain, one thread,
# 8.3 -> 5.3 ms, every 4th row 2.1 -> 1.1, against a pass per direction and reach into
# row buffers; the rest pixel by pixel. The same comparisons in the same order: the
# same answers.)
@nb.njit(parallel=True, **_JIT)
def _jump_kernel(  # pragma: no cover - jitted
    position, off_map, width, height, every, reaches, sides, jump, side
):
    """``jumps``' loops, one row per thread; a side that is NaN or ``off_map`` is none.
    ``reaches``: two (JUMP_REACHES, ``_gray_inks.GRAY_REACHES``)."""
    steps = np.array([[0, 1], [1, 0], [1, 1], [1, -1]])
    edge = max(int(reaches.max()), 1)
    for row in nb.prange((height + every - 1) // every):
        y = row * every
        first, past = (edge, width - edge) if edge <= y < height - edge else (0, 0)
        n, out = max(past - first, 0), row * width + first
        _jump_row(position, off_map, y * width + first, n, width, reaches[0], reaches[1], sides,
                  jump[out:out + n], side[out:out + n] if len(side) else side)  # fmt: skip
        for x in range(width):
            if first <= x < past:  # (done above)
                continue
            p = y * width + x
            own = position[p]
            if off_map[p] or own != own:
                continue
            most, middle = 0.0, np.nan
            for d in range(4):
                dy, dx = steps[d, 0], steps[d, 1]
                for r in reaches:
                    ay, ax, by, bx = y + dy * r, x + dx * r, y - dy * r, x - dx * r
                    if ay >= height or by < 0 or min(ax, bx) < 0 or max(ax, bx) >= width:
                        continue
                    most, middle = _jump_pair(
                        own, position[ay * width + ax], position[by * width + bx],
                        off_map[ay * width + ax], off_map[by * width + bx], sides, most, middle,
                    )  # fmt: skip
            jump[row * width + x] = most
            if len(side):
                side[row * width + x] = middle


@nb.njit(inline="always", **_JIT)
def _jump_pair(own, pa, pb, off_a, off_b, sides, best, mean):  # pragma: no cover - jitted
    """(best, mean) after the sides ``pa``, ``pb`` of ``own``: how far it stands out of
    both (a field's gradient passes through, a stroke's two sides come back together),
    when more than ``best`` and the sides agree. (A NaN side is not always skipped:
    numba's max and min keep a NaN first argument, so a NaN ``pa`` gives a NaN jump and
    a NaN ``pb`` the jump from ``pa`` alone -- as the per-pixel loop before did.)"""
    high, low = max(pa, pb), min(pa, pb)
    out = max(own - high, low - own)
    skip = (out <= best) | (high - low > sides) | off_a | off_b
    return (best, mean) if skip else (out, 0.5 * (pa + pb))


@nb.njit(**_JIT)  # (LLVM inlines it: numba's inlining of 8 copies compiled 0.5 s longer)
def _pair_at(position, off_map, i, offset, own, sides, best, mean):  # pragma: no cover
    """``_jump_pair`` of the sides ``offset`` before and after flat index ``i``."""
    return _jump_pair(own, position[i + offset], position[i - offset], off_map[i + offset],
                      off_map[i - offset], sides, best, mean)  # fmt: skip


@nb.njit(**_JIT)
def _jump_row(  # pragma: no cover - jitted
    position, off_map, start, n, width, near, far, sides, jump, side
):
    """The ``n`` pixels from flat index ``start`` (a reach or more from every side): the
    largest jump into ``jump`` and its sides' mean into ``side`` (empty: not kept),
    where the pixel has a field. Unsigned indices: no wraparound test, so the loads
    along the row are contiguous (vectorized)."""
    u = np.uint64
    h_near, h_far = u(near), u(far)
    v_near, v_far = u(width * near), u(width * far)
    d_near, d_far = u((width + 1) * near), u((width + 1) * far)
    a_near, a_far = u((width - 1) * near), u((width - 1) * far)
    base, kept = u(start), len(side) != 0
    for x in range(n):
        i = base + u(x)
        own = position[i]
        best, mean = 0.0, np.nan  # directions, then reaches: as the per-pixel loop
        best, mean = _pair_at(position, off_map, i, h_near, own, sides, best, mean)
        best, mean = _pair_at(position, off_map, i, h_far, own, sides, best, mean)
        best, mean = _pair_at(position, off_map, i, v_near, own, sides, best, mean)
        best, mean = _pair_at(position, off_map, i, v_far, own, sides, best, mean)
        best, mean = _pair_at(position, off_map, i, d_near, own, sides, best, mean)
        best, mean = _pair_at(position, off_map, i, d_far, own, sides, best, mean)
        best, mean = _pair_at(position, off_map, i, a_near, own, sides, best, mean)
        best, mean = _pair_at(position, off_map, i, a_far, own, sides, best, mean)
        if not off_map[i] and own == own:
            jump[x] = best
            if kept:
                side[x] = mean


def jump_strokes(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, off_map: np.ndarray,
    resized: bool = False, ends: tuple[bool, bool] = (False, False),
    end_colors: np.ndarray | None = None, line: Polyline | None = None,
) -> None:  # fmt: skip
    """Mark in ``off_map`` the pixels of strokes in one ink that data would not make:
    cores that jump JUMP_CORE or more to the ink's position (a peak of the cores'
    positions, JUMP_INK_SHARE) and luma (JUMP_INK_LUMA), their edges (JUMP_EDGE) beside
    them, and the pixels of the ink next to those (JUMP_GROW_STEPS). ``flat``: the
    picture's pixels (times ``scale``: DN), ``position`` each one's (0-1, NaN: none).
    ``resized``: the picture was judged resampled (``_edges.resized_blends``); then
    weak jumps (JUMP_WEAK) are an upscale's texture unless the ink holds most cores.
    ``ends``: whether ``_end_inks`` looks for strokes in the map's first / last color
    (``_end_inks.ink_ends``); an ink piled there is left to it (``_ink_of``).
    ``end_colors``: the map's first and last colors (RGB, DN; None: not asked), of which
    an ink piled at an end must not be (``_end_piles``). ``line``: the map (None: an ink
    at a near-black or near-white end is not asked its chroma, ``_end_piles.end_gain``)."""
    if width < 8 or len(position) < 64:
        return
    # (every JUMP_SAMPLE th row first: an all-data picture's few cores, or their spread
    # over every position, show there at a quarter of the cost)
    sampled = jumps(position, width, off_map, JUMP_SAMPLE, sides=False)[0]
    sampled = np.flatnonzero(sampled >= JUMP_CORE)
    sampled += (sampled // width) * ((JUMP_SAMPLE - 1) * width)  # (flat indices again)
    # (a figure's strokes already flagged at a position count toward its ink there: only
    # their unflagged rest, where the ink passes for data, is left to jump)
    if not _ink_of(sampled, position, JUMP_SAMPLE_SLACK, len(position) / JUMP_SAMPLE,
                   off_map, 1.0 / JUMP_SAMPLE, ends):  # fmt: skip
        return
    jump, side = jumps(position, width, off_map)
    cores = np.flatnonzero(jump >= JUMP_CORE)
    ink = _ink_of(cores, position, 1.0, len(position), off_map, 1.0, ends)
    if ink is None:
        return
    piled = _piled_end(*_peak_window(position[cores], 0.0, 1.0, JUMP_INK_BINS, JUMP_INK_WIDTH),
                       ends)  # fmt: skip
    n_cores = len(cores)
    cores = cores[np.abs(position[cores] - ink) <= JUMP_INK_WIDTH]
    if _extent(cores, width) < JUMP_INK_EXTENT:  # (one blob: a field's extremum)
        return
    if len(cores) < JUMP_INK_LEAST and not _one_color(position[cores]):  # (a thumbnail's)
        return
    if _curved_share(cores, width) < JUMP_CURVE_SHARE:  # (specks: small cells' dips)
        return
    if _floor_level(side[cores], position, off_map):  # (a floor's own dips and ridges)
        return
    weak = np.median(jump[cores]) < JUMP_WEAK and len(cores) < JUMP_WEAK_SHARE * n_cores
    if weak and resized:  # (weak jumps at a middle position: an upscaled picture's texture)
        return
    # ... of one luma: JPEG keeps a stroke's; data at the ink's position (a photograph's
    # thin lines) has the map's luma there, blended with its field's
    luma = (flat[:, :3] * scale) @ _YCBCR[0]
    ink_luma = _peak(luma[cores], 0.0, 256.0, 256, JUMP_INK_LUMA)
    inked = cores[np.abs(luma[cores] - ink_luma) <= JUMP_INK_LUMA]
    if weak and np.std(luma[inked]) > JUMP_WEAK_SPREAD:  # (texture: the map's lumas there)
        return
    if _smooth(flat, scale, width, inked, off_map):  # (texture as smooth as the field's)
        return
    # ... and, at the luma of a near-black (white) end ``_end_inks`` judges, a gray's:
    # there a black (white) ink and the map's own end are one position, which only the
    # cores' chroma tells (``_end_piles.END_INK_GAIN``)
    if line is not None and end_colors is not None and inked_end(
        np.array([ink_luma]), end_colors, ends
    )[0]:  # fmt: skip
        color = line.colors_at(np.array([ink * line.n_bins]))[0]
        gain = end_gain(flat, scale, width, position, off_map, inked, color, JUMP_REACHES,
                        JUMP_SIDES, JUMP_CORE)  # fmt: skip
        if not gain > END_INK_GAIN:  # (NaN: no core with sides, no evidence)
            return
    # ... and, piled at an end of the map, not that end's own color (data's floor or
    # ceiling: a disparity map's invalid pixels, a clipped field; ``_end_piles``)
    if piled is not None and end_colors is not None and end_color(
        flat, scale, width, position, off_map, inked, ink_luma, end_colors[piled],
        JUMP_REACHES, JUMP_SIDES, JUMP_CORE,
    ):  # fmt: skip
        return
    # ... lying on one field (its two sides close): a texture's ridges between grains of
    # differing levels share a level too (skimage's brick mortar; _grains)
    if grains(position, off_map, width, inked, JUMP_REACHES, JUMP_SIDES, JUMP_CORE):
        return
    height = len(position) // width
    beside = np.zeros(len(position), dtype=bool)
    near_any(inked, width, height, 1, beside)
    toward = (position - side) * (ink - side) > 0
    edge = beside & (jump >= JUMP_EDGE) & toward
    found = edge
    found[inked] = True
    # ... and the stroke's pixels of the ink whose sides are the stroke too (glyphs'
    # bodies, crossings), step by step from those found
    of_ink = (np.abs(position - ink) <= JUMP_INK_WIDTH) & (np.abs(luma - ink_luma) <= JUMP_INK_LUMA)
    fresh = np.flatnonzero(found)
    for _ in range(JUMP_GROW_STEPS):
        beside[:] = False
        near_any(fresh, width, height, 1, beside)
        fresh = np.flatnonzero(beside & of_ink & ~found & ~off_map)
        if not len(fresh):
            break
        found[fresh] = True
    off_map |= found


def _smooth(
    flat: np.ndarray, scale: float, width: int, inked: np.ndarray, off_map: np.ndarray
) -> bool:  # fmt: skip
    """Whether the ``inked`` pixels' median sharpness is JUMP_SMOOTH times the field's
    (the pixels not ``off_map``, EDGE_SMOOTH_SAMPLE of them at most) or less."""
    height = len(off_map) // width
    field = np.flatnonzero(~off_map)
    field = field[:: max(len(field) // EDGE_SMOOTH_SAMPLE, 1)]
    own = _sharpness(flat, scale, width, height, inked)
    level = _sharpness(flat, scale, width, height, field)
    if not (np.isfinite(own).any() and np.isfinite(level).any()):
        return False
    level = float(np.nanmedian(level))
    return bool(level > 0 and np.nanmedian(own) <= JUMP_SMOOTH * level)


def _floor_level(sides: np.ndarray, position: np.ndarray, off_map: np.ndarray) -> bool:
    """Whether the cores' ``sides`` (positions) lie at one level (std under
    JUMP_FIELD_SPREAD) that JUMP_FLOOR_SHARE of the field -- the pixels with a
    ``position`` (NaN: none), not ``off_map`` -- lies within JUMP_FLOOR_WIDTH of."""
    if not len(sides) or np.std(sides) >= JUMP_FIELD_SPREAD:
        return False
    field = position[~off_map]
    field = field[field == field]
    near = np.count_nonzero(np.abs(field - np.median(sides)) <= JUMP_FLOOR_WIDTH)
    return bool(near >= JUMP_FLOOR_SHARE * len(field))


def _one_color(own: np.ndarray) -> bool:
    """Whether JUMP_INK_TIGHT_SHARE of the positions ``own`` lie within JUMP_INK_TIGHT of
    their median."""
    return bool(np.mean(np.abs(own - np.median(own)) <= JUMP_INK_TIGHT) >= JUMP_INK_TIGHT_SHARE)


def _extent(pixels: np.ndarray, width: int) -> float:
    """How long (px) the ``pixels`` (flat indices, rows of ``width``) lie along their
    widest axis: the uniform length of the same second moment."""
    y, x = (pixels // width).astype(np.float64), (pixels % width).astype(np.float64)
    yy, xx = y.var(), x.var()
    xy = np.mean((x - x.mean()) * (y - y.mean()))
    widest = (yy + xx) / 2 + np.sqrt(((yy - xx) / 2) ** 2 + xy**2)
    return float(np.sqrt(12.0 * widest))


def _curved_share(pixels: np.ndarray, width: int) -> float:
    """Share of the ``pixels`` (sorted flat indices, rows of ``width``) in 8-connected
    groups JUMP_CURVE_LENGTH px long or more along their widest axis (``_extent``) and
    JUMP_CURVE_ELONGATION times as long as wide (across their narrowest, plus a pixel)
    or hollow (JUMP_CURVE_HOLLOW)."""
    if not len(pixels):
        return 0.0
    groups = groups_of(pixels, width, int(pixels[-1]) // width + 1)
    y, x = (pixels // width).astype(np.float64), (pixels % width).astype(np.float64)
    sizes = np.bincount(groups).astype(np.float64)
    sizes[0] = 1.0  # (no pixel is left out of a group)

    def mean(values: np.ndarray) -> np.ndarray:
        return np.bincount(groups, weights=values, minlength=len(sizes)) / sizes

    my, mx = mean(y), mean(x)
    yy, xx = mean(y * y) - my**2, mean(x * x) - mx**2
    xy = mean(x * y) - mx * my
    across = np.sqrt(((yy - xx) / 2) ** 2 + xy**2)
    length = np.sqrt(12.0 * np.maximum((yy + xx) / 2 + across, 0.0))
    width = np.sqrt(12.0 * np.maximum((yy + xx) / 2 - across, 0.0) + 1.0)  # (a pixel's own)
    hollow = sizes <= JUMP_CURVE_HOLLOW * length**2  # (a ring: a glyph's o)
    long = (length >= JUMP_CURVE_LENGTH) & ((length >= JUMP_CURVE_ELONGATION * width) | hollow)
    return float(np.mean(long[groups]))


def _peak(values: np.ndarray, low: float, high: float, bins: int, half: float) -> float:
    """The centre of the window ``half`` wide each side that holds most ``values``
    (a histogram of ``bins`` over [``low``, ``high``])."""
    step = (high - low) / bins
    index = np.clip(((values - low) / step).astype(np.int64), 0, bins - 1)
    counts = np.bincount(index, minlength=bins)
    cells = int(round(half / step))
    around = np.convolve(counts, np.ones(2 * cells + 1), mode="same")
    return low + (int(np.argmax(around)) + 0.5) * step


def _peak_window(
    values: np.ndarray, low: float, high: float, bins: int, half: float
) -> tuple[float, float]:
    """The window ``half`` wide each side (its bins: half a bin wider) that holds most
    ``values`` (a histogram of ``bins`` over [``low``, ``high``], the ends' bins holding
    what lies past them), as its [lower, upper) edges, the first of tied windows; a
    window at an end reaches past it (to take in what piles there)."""
    step = (high - low) / bins
    index = np.clip(((values - low) / step).astype(np.int64), 0, bins - 1)
    counts = np.bincount(index, minlength=bins)
    cells = int(round(half / step))
    around = np.convolve(counts, np.ones(2 * cells + 1), mode="same")
    centre = int(np.argmax(around))
    first, last = centre - cells, centre + cells + 1
    return (low + first * step if first > 0 else -np.inf,
            low + last * step if last < bins else np.inf)  # fmt: skip


def _piled_end(low: float, high: float, ends: tuple[bool, bool]) -> int | None:
    """Which end of the map (0: the first color, 1: the last) a peak window [``low``,
    ``high``) (``_peak_window``) reaches where ``_end_inks`` does not look (``ends``);
    None where it reaches neither."""
    if np.isinf(low) and not ends[0]:
        return 0
    if np.isinf(high) and not ends[1]:
        return 1
    return None


def _ink_of(
    cores: np.ndarray, position: np.ndarray, slack: float, n_pixels: float,
    off_map: np.ndarray, flagged_weight: float, ends: tuple[bool, bool] = (False, False),
) -> float | None:  # fmt: skip
    """The ink's position: the peak (JUMP_INK_WIDTH each side) of the ``cores``' (flat
    indices into ``position``) where it holds JUMP_INK_SHARE of them and JUMP_INK_PIXELS
    of the ``n_pixels`` (JUMP_INK_COUNT at most, in the picture's share; both times
    ``slack``), the pixels already flagged (``off_map``) there counted toward the latter
    (each ``flagged_weight`` of a core: magenta on magma, whose strokes JPEG left
    far off the map are flagged, hold fewer than the 480 unflagged cores a 400 x 300 figure
    asks), else None. A peak at an end of the map (its window reaching 0 or 1) holds
    every core in its window and lies at their median: a black ink over a map whose ends
    are near black (seismic) piles at 0 or 1, out of the centre's reach
    (benchmarks/annotnear/near_strokes.py, JPEG q75: seismic black 46.8 -> 69.8 %
    flagged) -- unless ``_end_inks`` looks for strokes at that end (``ends``: the first,
    the last color): its rule takes white over inferno's light end whole (95.5 % of
    tests/color/test_decolorize_end_inks.py's text at q75), where the jump ink took
    70.5 % first and left it too few cores (pink black, which it misses, 85.0 -> 96.0 %
    that way, is left as it was)."""
    least = slack * n_pixels * min(JUMP_INK_PIXELS, JUMP_INK_COUNT / len(position))
    if len(cores) < least:
        return None
    own = position[cores]
    ink = _peak(own, 0.0, 1.0, JUMP_INK_BINS, JUMP_INK_WIDTH)
    held = np.count_nonzero(np.abs(own - ink) <= JUMP_INK_WIDTH)
    # (at an end of the map the peak's window holds the pile JPEG clipped there, which
    # lies past its centre's reach: the ink is where the window's positions lie)
    low, high = _peak_window(own, 0.0, 1.0, JUMP_INK_BINS, JUMP_INK_WIDTH)
    if _piled_end(low, high, ends) is not None:
        within = own[(own >= low) & (own < high)]
        held, ink = len(within), float(np.median(within))
    if held < slack * JUMP_INK_SHARE * len(cores):
        return None
    if held < least:  # (an all-data picture's few cores: seldom here)
        flagged = position[off_map]  # (NaN: at no ink)
        held += flagged_weight * np.count_nonzero(np.abs(flagged - ink) <= JUMP_INK_WIDTH)
        if held < least:
            return None
    return ink


def picture_luma(flat: np.ndarray, scale: float) -> np.ndarray:
    """Luma (DN, float64) of ``flat``'s pixels ((N, 3|4), times ``scale``: DN), BT.601
    (``_plan._YCBCR``'s first row), with numpy's arithmetic channel by channel
    (``r w0 + g w1 + b w2``, the same numbers to the bit) in one pass: numpy's three
    products and two sums over a 1 MP picture took ~4 ms, twice per JPEG'd picture of a
    map with a near-white or near-black end (``_gray_inks``, ``_end_inks``).

    Examples
    --------
    >>> import numpy as np
    >>> flat = np.array([[255, 255, 255], [0, 0, 0], [255, 0, 0]], np.uint8)
    >>> picture_luma(flat, 1.0).round(3).tolist()
    [255.0, 0.0, 76.245]
    """
    weights = _YCBCR[0] * scale
    out = np.empty(len(flat))
    w0, w1, w2 = (float(w) for w in weights)
    # one row as wide as the picture, not divided: ``sampled_luma``'s kernel, one to load
    # from numba's cache where both run (~2.5 ms of a fresh process); read-only as it
    # passes pixels (one compile)
    _luma_rows(readonly(flat), w0, w1, w2, max(len(flat), 1), 1, _ONE_ROW, False, out, 0, 1)
    return out


_ONE_ROW = np.zeros(1, dtype=np.int64)


def sampled_luma(
    flat: np.ndarray, scale: float, width: int, every: int, offsets: tuple[int, ...]
) -> np.ndarray:
    """``picture_luma`` divided by 255 (as ``_gray_inks._luma_jumps`` reads it), on the
    rows ``y + o`` only (``y`` = 0, ``every``, 2 ``every`` ...; ``o`` in ``offsets``,
    within the picture; rows of ``width``): the rows a pass over every ``every`` th row
    reads. The other rows are left unset: fresh memory never touched (a 1 MP picture's luma and
    luma / 255, 8 MB each, cost ~1 000 page faults written whole, 3-4 ms of CPU on a
    virtual machine, more than their arithmetic).

    Examples
    --------
    >>> import numpy as np
    >>> flat = np.arange(4 * 2 * 3, dtype=np.uint8).reshape(8, 3)
    >>> scaled = sampled_luma(flat, 1.0, 2, 4, (0, 1))
    >>> bool(np.array_equal(scaled[:4], picture_luma(flat, 1.0)[:4] / 255.0))
    True
    """
    weights = _YCBCR[0] * scale
    scaled = np.empty(len(flat))
    n_rows = (len(flat) // width + every - 1) // every
    split_rows(
        _luma_rows, n_rows, readonly(flat), float(weights[0]), float(weights[1]),
        float(weights[2]), width, every, np.array(offsets, dtype=np.int64), True, scaled,
    )  # fmt: skip
    return scaled


@nb.njit(**_JIT)
def _luma_rows(  # pragma: no cover - jitted
    flat, w0, w1, w2, width, every, offsets, divided, scaled, start, stop
):
    """flat[i, 0] w0 + flat[i, 1] w1 + flat[i, 2] w2 (left to right, float64), divided
    by 255 where ``divided``, into ``scaled``, on ``sampled_luma``'s rows around the
    sampled rows ``start`` to ``stop`` (``_threads.split_rows``' bands)."""
    height = flat.shape[0] // width
    for y in range(start * every, min(stop * every, height), every):
        for o in offsets:
            row = y + o
            if row < 0 or row >= height:
                continue
            if divided:
                for i in range(row * width, (row + 1) * width):
                    scaled[i] = (flat[i, 0] * w0 + flat[i, 1] * w1 + flat[i, 2] * w2) / 255.0
            else:
                for i in range(row * width, (row + 1) * width):
                    scaled[i] = flat[i, 0] * w0 + flat[i, 1] * w1 + flat[i, 2] * w2

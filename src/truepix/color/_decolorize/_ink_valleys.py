"""Black and white strokes whose pixels are all entries of the map, on a sharp exact
render (:func:`flag_ink_valleys`).

Where a map ends in black or white and runs from there in a straight line (hot,
gist_heat and afmhot from black through their dark reds, and from their yellows to
white; pink and seismic's middle to white), an antialiased black or white stroke over
that stretch is an entry at every pixel: its core is the map's end color and each
blend ``alpha * ink + (1 - alpha) * field`` is the map's own color further toward
that end. No color test tells it, and no rule that starts from a pixel off the map
finds it (black text over gist_heat's dark reds: 20-40 % flagged). Its shape does: a
stroke is a valley toward the ink (a ridge, for white) at most WIDTH pixels across,
with the same field on both sides -- each side within REACH pixels, at least JUMP DN
and SHARE of its distance from the ink farther from it than the pixel, itself FAR DN
or more from the ink and flat beyond (its next steps at most 1/SLOPE of that jump),
the two sides alike (within SIDES of the jump) -- and every pixel of it lies on the
segment from that field to the ink (within GAP DN plus half the sides' difference).
Data makes such valleys too (a photograph's dark seam, a narrow river on a DEM), so a
valley counts only in an 8-connected set of LENGTH or more valleys that touches a
pixel flagged already no farther from the ink (the stroke where it left the map: a
dark seam of data touching a white stroke is no black stroke), and a valley's sides
are no flagged pixels (a data pixel beside a stroke is no valley with it), nor does a
pixel in a 2 x 2 block of one color make one (data drawn larger than its grid; a
stroke's blends change from pixel to pixel). A pixel between two of one ink's flags
across, no farther from that ink than either, is the core between a stroke's blends.
The caller's gate (a picture that holds some NaN) keeps every all-data picture away.

What stays is a stroke that never leaves the map (black text wholly over gist_heat's
dark reds) and the faint blends at its rims: a stroke with no flagged pixel, or a
blend moved less than SHARE of the way, is one data makes as well (seams and rivers
beside the strokes were taken at SHARE 0.2 and without the seed's ink test: 2-17 data
pixels a figure, benchmarks/hotpng).
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix._validate import readonly
from truepix.color._decolorize._ink_rings import INKS, opaque_flags  # INKS: black, white
from truepix.color._decolorize._vertex import _JIT

__all__ = ["flag_ink_valleys"]

#: A stroke's pixel lies at least this much (DN) nearer its ink than the field on
#: each side of it ...
JUMP = 16.0
#: ... which lies within REACH pixels of it along a row, column or diagonal ...
REACH = 3
#: ... the stroke's pixels between the two fields at most WIDTH (matplotlib's 0.5-2 px
#: lines and 10-16 pt glyphs at 72-150 dpi, with their antialiased edges).
WIDTH = 4
#: The field on each side lies at least FAR DN from the ink, and the pixel has moved at
#: least SHARE of the way from it to the ink.
FAR = 48.0
SHARE = 0.35
#: The field beyond each side steps at most 1/SLOPE of the jump to it.
SLOPE = 3.0
#: The two sides' colors differ by at most SIDES of the smaller jump (DN).
SIDES = 0.5
#: The pixel lies within GAP DN (plus half the sides' difference) of the segment from
#: the field (the sides' mean) to the ink.
GAP = 4.0
#: Fewest pixels in a set of valleys taken (a speck of texture beside a stroke is one
#: to three).
LENGTH = 3


def flag_ink_valleys(values: np.ndarray, pixels: np.ndarray) -> int:
    """Set to NaN, in place, black and white strokes over a sharp exact render whose
    pixels are entries of the map (the module's rule); return how many.

    Parameters
    ----------
    values : (H, W) float64
        Decoded values; NaN: flagged already.
    pixels : (H, W, 3|4) uint8
        The sharp exact render.
    """
    nan = opaque_flags(values, pixels, 2 * REACH + 2)
    if nan is None:
        return 0
    flagged = np.zeros(values.shape, dtype=bool)
    _flag(readonly(np.ascontiguousarray(pixels[..., :3])), nan, INKS, flagged)  # (one compile)
    values[flagged] = np.nan
    return int(np.count_nonzero(flagged))


@nb.njit(**_JIT)
def _side(pixels, s, nan, y, x, dy, dx, sp):  # pragma: no cover - jitted
    """How many steps along (dy, dx) from (y, x) the field beside a valley lies (the
    first pixel JUMP DN farther from the ink, flat beyond); 0 where none within REACH."""
    height, width = s.shape
    for k in range(1, REACH + 1):
        yy, xx = y + k * dy, x + k * dx
        if yy < 0 or yy >= height or xx < 0 or xx >= width:
            return 0
        if nan[yy, xx]:
            return 0  # (a data pixel beside a flagged stroke is no valley with it)
        jump = s[yy, xx] - sp
        if jump >= JUMP:
            y2, x2 = yy + dy, xx + dx
            if y2 < 0 or y2 >= height or x2 < 0 or x2 >= width or nan[y2, x2]:
                return 0
            if abs(s[y2, x2] - s[yy, xx]) * SLOPE > jump:
                return 0
            y3, x3 = y2 + dy, x2 + dx  # (and the step after, where there is one)
            if 0 <= y3 < height and 0 <= x3 < width and not nan[y3, x3] and (
                abs(s[y3, x3] - s[y2, x2]) * SLOPE > jump
            ):
                return 0
            return k
    return 0


@nb.njit(**_JIT)
def _blocky(pixels, y, x):  # pragma: no cover - jitted
    """Whether (y, x) lies in a 2 x 2 block of one color: data drawn larger than its
    grid (``imshow`` of a small array, nearest) comes in such blocks; a stroke's blends
    change from pixel to pixel along and across it."""
    height, width = pixels.shape[:2]
    for oy in range(-1, 1):
        for ox in range(-1, 1):
            if y + oy < 0 or x + ox < 0 or y + oy + 1 >= height or x + ox + 1 >= width:
                continue
            same = True
            for yy in range(y + oy, y + oy + 2):
                for xx in range(x + ox, x + ox + 2):
                    for c in range(3):
                        same = same and pixels[yy, xx, c] == pixels[y, x, c]
            if same:
                return True
    return False


@nb.njit(**_JIT)
def _valley(pixels, s, nan, y, x, ink):  # pragma: no cover - jitted
    """The distance (DN) from ``ink`` of the field beside (y, x) where it lies in a valley
    toward ``ink`` along some direction, else 0."""
    if _blocky(pixels, y, x):
        return 0.0
    sp = s[y, x]
    for d in range(4):
        dy, dx = (0, 1, 1, 1)[d], (1, 0, 1, -1)[d]
        k1 = _side(pixels, s, nan, y, x, -dy, -dx, sp)
        if k1 == 0:
            continue
        k2 = _side(pixels, s, nan, y, x, dy, dx, sp)
        if k2 == 0 or k1 + k2 - 1 > WIDTH:
            continue
        ly, lx, ry, rx = y - k1 * dy, x - k1 * dx, y + k2 * dy, x + k2 * dx
        diff2 = 0.0
        for c in range(3):
            diff2 += (float(pixels[ly, lx, c]) - float(pixels[ry, rx, c])) ** 2
        diff = np.sqrt(diff2)
        near = min(s[ly, lx], s[ry, rx])
        if near < FAR or near - sp < SHARE * near or diff > SIDES * (near - sp):
            continue
        along = 0.0
        length2 = 0.0
        field = np.empty(3)
        for c in range(3):
            field[c] = 0.5 * (float(pixels[ly, lx, c]) + float(pixels[ry, rx, c]))
            seg = ink[c] - field[c]
            along += (float(pixels[y, x, c]) - field[c]) * seg
            length2 += seg * seg
        t = along / max(length2, 1e-9)
        gap2 = 0.0
        for c in range(3):
            gap2 += (float(pixels[y, x, c]) - field[c] - t * (ink[c] - field[c])) ** 2
        if t > 0.0 and gap2 <= (GAP + 0.5 * diff) ** 2:
            return near
    return 0.0


@nb.njit(**_JIT)
def _flag(pixels, nan, inks, out):  # pragma: no cover - jitted
    """Flag in ``out`` the 8-connected sets of valleys toward each ink (of LENGTH or
    more) that touch a flagged pixel no farther from the ink; valleys are read only
    where such a set grows (from the flagged pixels), not over the whole picture."""
    height, width = nan.shape
    s = np.empty((height, width))
    state = np.zeros((height, width), dtype=np.int8)  # 0 unread, 1 valley, 2 not
    seen = np.zeros((height, width), dtype=np.bool_)
    queue = np.empty(height * width, dtype=np.int64)
    mine = np.zeros((height, width), dtype=np.bool_)  # this ink's flags
    for e in range(inks.shape[0]):
        mine[:, :] = False
        for y in range(height):
            for x in range(width):
                total = 0.0
                for c in range(3):
                    total += (float(pixels[y, x, c]) - inks[e, c]) ** 2
                s[y, x] = np.sqrt(total)
        state[:, :] = 0
        seen[:, :] = False
        for qy in range(height):
            for qx in range(width):
                if not nan[qy, qx]:
                    continue
                for y0 in range(max(0, qy - 1), min(height, qy + 2)):
                    for x0 in range(max(0, qx - 1), min(width, qx + 2)):
                        # a flagged pixel no farther from the ink than the valley beside
                        # it: a stroke of this ink (not a dark seam beside a white one)
                        if nan[y0, x0] or seen[y0, x0] or s[qy, qx] > s[y0, x0]:
                            continue
                        if not _is_valley(pixels, s, nan, y0, x0, inks[e], state):
                            continue
                        seen[y0, x0] = True
                        queue[0] = y0 * width + x0
                        head, tail = 0, 1
                        while head < tail:  # the whole set of valleys joined to it
                            y, x = queue[head] // width, queue[head] % width
                            head += 1
                            for yy in range(max(0, y - 1), min(height, y + 2)):
                                for xx in range(max(0, x - 1), min(width, x + 2)):
                                    if nan[yy, xx] or seen[yy, xx] or not _is_valley(
                                        pixels, s, nan, yy, xx, inks[e], state
                                    ):
                                        continue
                                    seen[yy, xx] = True
                                    queue[tail] = yy * width + xx
                                    tail += 1
                        if tail >= LENGTH:
                            for i in range(tail):
                                mine[queue[i] // width, queue[i] % width] = True
        _cores(s, nan, mine)  # (between this ink's blends: not a light pixel between
        out |= mine  # two black strokes' blends taken for a white core)


@nb.njit(**_JIT)
def _is_valley(pixels, s, nan, y, x, ink, state):  # pragma: no cover - jitted
    """:func:`_valley` at (y, x), read once (``state``)."""
    if state[y, x] == 0:
        state[y, x] = 1 if _valley(pixels, s, nan, y, x, ink) > 0.0 else 2
    return state[y, x] == 1


@nb.njit(**_JIT)
def _cores(s, nan, out):  # pragma: no cover - jitted
    """Also flag a pixel between two flagged ones across (along a row, column or
    diagonal) that lies no farther from the ink than either: a stroke's core between
    its blends (whose sides are blends, not the field)."""
    height, width = s.shape
    for y in range(height):
        for x in range(width):
            if nan[y, x] or out[y, x]:
                continue
            for d in range(4):
                dy, dx = (0, 1, 1, 1)[d], (1, 0, 1, -1)[d]
                a, b = (y - dy, x - dx), (y + dy, x + dx)
                if min(a[0], b[0], a[1], b[1]) < 0 or max(a[0], b[0]) >= height or (
                    max(a[1], b[1]) >= width
                ):
                    continue
                if (out[a] or nan[a]) and (out[b] or nan[b]) and (out[a] or out[b]) and (
                    s[y, x] <= min(s[a], s[b])
                ):
                    out[y, x] = True
                    break

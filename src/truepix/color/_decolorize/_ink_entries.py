"""Strokes whose pixels are entries of the map on a sharp exact render
(:func:`flag_ink_entries`).

On a sharp render (``_exact.exact_render``) every data pixel is an entry of the table
the picture holds, and what was drawn is found by its pixels that are none
(``_tables.flag_edges``, ``_near_strokes``). An ink the map itself has at an end
breaks that: white is the last entry of hot, pink, gist_heat, bone, afmhot,
cubehelix; black the first of gist_heat, bone, gray: a stroke's core in that color is
an entry, and where the map runs in a straight line to it (hot's yellow-white
stretch) so are some of its blends with the field. Their geometry tells them:

- a core: a run of at most RUN pixels of an end color (within CORE DN) across a
  stroke, with on each side at most FRINGE pixels that are blends of that color and
  the field beyond them (within TOLERANCE DN of the segment joining the two), the
  field at least FAR DN from the end color and flat (its own step beyond it at most
  1/SLOPE of that): real data would need a jump of most of the map and back in a
  pixel or two. Only where a pixel of that cross-section (core or blends) is no
  entry: a picture of data alone has none, so no pixel of it is ever taken (nor a
  thin ridge of data clipped at the end, whose sides are entries).
- a box: the pixels of an end color whose runs along their row and their column end
  in hard borders on both sides (a jump of FAR DN to a field flat beyond it, by
  BOX_SLOPE, or a flagged pixel), one of them a jump to the field itself (not data
  enclosed by a glyph's strokes), in a 4-connected part of BOX pixels or more
  holding a pixel whose runs both exceed THICK and one whose run ends in a flagged
  pixel (a label's text); a region of data clipped at the map's end meets the field
  near that end along most of its border.

The pixels beside those that are no entry (RINGS deep) are the rest of the stroke,
as ``_tables.flag_edges`` grows from off-map cores. Measured on trial 45's t02
figures (``benchmarks/inkpng``).
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix.color._decolorize._cellmarks import cell_colored
from truepix.color._decolorize._near_strokes import _bits, _dist2, _is_key
from truepix.color._decolorize._vertex import _JIT

__all__ = ["flag_ink_entries"]

#: Longest run (pixels) of an end color across a stroke's core (matplotlib's 0.5-2 px
#: lines and 10-16 pt glyphs at 72-150 dpi).
RUN = 3
#: A pixel within this (DN, each channel) of an end color that is no entry is that
#: color (a stroke's core rounds a DN or two off the ink).
CORE = 8
#: Blend pixels between a core and the field on each side.
FRINGE = 2
#: A stroke's field differs from its ink by this much (DN) or more.
FAR = 48.0
#: A blend lies within this (DN) of the segment joining the colors it mixes.
TOLERANCE = 4.0
#: The field's own step beside a stroke is at most 1/SLOPE of the ink's jump.
SLOPE = 3.0
#: Smallest box (pixels).
BOX = 16
#: The field beyond a box's edge steps at most 1/BOX_SLOPE of the jump to the box (a
#: photograph's texture beside a box steps up to half as far; data clipped at the end
#: on a steep slope steps on as far).
BOX_SLOPE = 1.5
#: A box holds a pixel whose runs of its color along the row and the column are longer
#: than this (a stroke's core is RUN pixels across at most).
THICK = 6
#: Rings of no-table pixels grown around what the rules flag.
RINGS = 2
#: Passes of the rules (each sees what the last one flagged).
PASSES = 2

_DIRECTIONS = np.array([[0, 1], [1, 0], [1, 1], [1, -1]], dtype=np.int64)


def flag_ink_entries(
    values: np.ndarray, pixels: np.ndarray, keys: np.ndarray, ends: np.ndarray,
    fills: np.ndarray | None = None,
) -> int:  # fmt: skip
    """Set to NaN, in place, the pixels of strokes that are entries of the map (the
    module's rules); return how many.

    Parameters
    ----------
    values : (H, W) float64
        Decoded values; NaN: flagged already.
    pixels : (H, W, 3|4) uint8
        The sharp exact render.
    keys : ndarray
        Sorted keys of the table the picture holds (``_tables.table_keys``).
    ends : (2, 3) uint8
        The table's first and last colors.
    fills : ndarray or None
        The figure's margin fills (``_fills``): where its plot area is a heatmap's grid.
    """
    if values.ndim != 2 or min(values.shape) < 5:
        return 0
    nan = np.isnan(values)
    if not nan.any():
        return 0  # nothing drawn seen: no evidence for any rule
    if pixels.shape[-1] == 4:
        nan &= pixels[..., 3] == 255
    ends = np.asarray(ends, dtype=np.float64).reshape(-1, 3)
    flagged = np.zeros(values.shape, dtype=bool)
    _flag(np.ascontiguousarray(pixels), nan, _bits(keys), ends, flagged)
    flagged &= ~np.isnan(values)
    if flagged.any():
        # a heatmap's cell at the map's end with its number written in it (seaborn's
        # annot=True, rocket/mako/magma's darkest cells) is one datum, no label's box
        own = cell_colored(np.ascontiguousarray(pixels[..., :3]), fills)
        if own is not None:
            flagged &= ~own
    values[flagged] = np.nan
    return int(np.count_nonzero(flagged))


@nb.njit(**_JIT)
def _near(pixels, table, y, x, end):  # pragma: no cover - jitted
    """Whether (y, x) is the end color: that very color, or no entry within CORE DN of
    it (an entry near the end is the field's own)."""
    same = True
    for c in range(3):
        step = abs(float(pixels[y, x, c]) - end[c])
        if step > CORE:
            return False
        same = same and step == 0.0
    return same or not _is_key(pixels, table, y, x)


@nb.njit(**_JIT)
def _to_end2(pixels, y, x, end):  # pragma: no cover - jitted
    total = 0.0
    for c in range(3):
        total += (float(pixels[y, x, c]) - end[c]) ** 2
    return total


@nb.njit(**_JIT)
def _on_segment(pixels, y, x, fy, fx, end):  # pragma: no cover - jitted
    """Whether (y, x) lies between the field pixel (fy, fx) and the end color, strictly
    (a blend of the two), within TOLERANCE."""
    along = 0.0
    length2 = 0.0
    for c in range(3):
        seg = end[c] - float(pixels[fy, fx, c])
        along += (float(pixels[y, x, c]) - float(pixels[fy, fx, c])) * seg
        length2 += seg * seg
    if length2 == 0.0:
        return False
    t = along / length2
    if t <= 0.0 or t >= 1.0:
        return False
    gap2 = 0.0
    for c in range(3):
        start = float(pixels[fy, fx, c])
        gap2 += (float(pixels[y, x, c]) - start - t * (end[c] - start)) ** 2
    return gap2 <= TOLERANCE * TOLERANCE


@nb.njit(**_JIT)
def _inside(y, x, height, width):  # pragma: no cover - jitted
    return 0 <= y < height and 0 <= x < width


@nb.njit(**_JIT)
def _flat(pixels, nan, y, x, dy, dx, jump2):  # pragma: no cover - jitted
    """Whether the field pixel (y, x) steps to the next one on (dy, dx) by at most
    1/SLOPE of ``jump2``'s root."""
    height, width = nan.shape
    ny, nx = y + dy, x + dx
    if not _inside(ny, nx, height, width) or nan[ny, nx]:
        return False
    return _dist2(pixels, y, x, ny, nx) * SLOPE * SLOPE <= jump2


@nb.njit(**_JIT)
def _side(pixels, table, nan, y, x, dy, dx, end):  # pragma: no cover - jitted
    """Steps (1..FRINGE + 1) along (dy, dx) from a core's last pixel (y, x) to a far,
    flat field with only blends of it and the end color between; 0 where none."""
    height, width = nan.shape
    for k in range(1, FRINGE + 2):
        yy, xx = y + k * dy, x + k * dx
        if not _inside(yy, xx, height, width):
            return 0
        if nan[yy, xx] or not _is_key(pixels, table, yy, xx):
            continue
        jump2 = _to_end2(pixels, yy, xx, end)
        if jump2 < FAR * FAR:
            continue
        if not _flat(pixels, nan, yy, xx, dy, dx, jump2):
            return 0
        for j in range(1, k):
            if not _on_segment(pixels, y + j * dy, x + j * dx, yy, xx, end):
                return 0
        return k
    return 0


@nb.njit(**_JIT)
def _cores(pixels, table, nan, ends, out):  # pragma: no cover - jitted
    height, width = nan.shape
    for y in range(height):
        for x in range(width):
            if nan[y, x]:
                continue
            for e in range(ends.shape[0]):
                end = ends[e]
                if not _near(pixels, table, y, x, end):
                    continue
                for d in range(4):
                    dy, dx = _DIRECTIONS[d, 0], _DIRECTIONS[d, 1]
                    if _core(pixels, table, nan, y, x, dy, dx, end, out):
                        break
                break


@nb.njit(**_JIT)
def _run(pixels, table, y, x, dy, dx, end):  # pragma: no cover - jitted
    """Pixels (0..RUN) of the end color past (y, x) along (dy, dx)."""
    height, width = pixels.shape[:2]
    steps = 0
    while steps < RUN:
        yy, xx = y + (steps + 1) * dy, x + (steps + 1) * dx
        if not _inside(yy, xx, height, width) or not _near(pixels, table, yy, xx, end):
            break
        steps += 1
    return steps


@nb.njit(**_JIT)
def _core(pixels, table, nan, y, x, dy, dx, end, out):  # pragma: no cover - jitted
    """Flag, in ``out``, the core run through (y, x) across (dy, dx) and its blends
    when the rule holds; whether it did."""
    height, width = nan.shape
    ahead = _run(pixels, table, y, x, dy, dx, end)
    behind = _run(pixels, table, y, x, -dy, -dx, end)
    if ahead + behind + 1 > RUN:
        return False
    ya, xa = y + ahead * dy, x + ahead * dx
    yb, xb = y - behind * dy, x - behind * dx
    forward = _side(pixels, table, nan, ya, xa, dy, dx, end)
    if forward == 0:
        return False
    backward = _side(pixels, table, nan, yb, xb, -dy, -dx, end)
    if backward == 0:
        return False
    seen = False  # a blend or core pixel that is no entry: drawn across here (a flagged
    # entry is no evidence: data of the end color in line with a stroke's own pixels)
    for k in range(-behind - backward + 1, ahead + forward):
        seen = seen or not _is_key(pixels, table, y + k * dy, x + k * dx)
    if not seen:
        return False
    for k in range(-behind, ahead + 1):
        out[y + k * dy, x + k * dx] = True
    # ... and its blends that are no entry: one that is may be the field's own pixel
    # beside a crisp stroke (a glyph's hinted stem), lying between the field and the ink
    # as a dark map's data does near its black end
    for k in range(-behind - backward + 1, ahead + forward):
        yy, xx = y + k * dy, x + k * dx
        if not _is_key(pixels, table, yy, xx):
            out[yy, xx] = True
    return True


@nb.njit(**_JIT)
def _which_end(pixels, table, nan, ends, y, x):  # pragma: no cover - jitted
    if nan[y, x]:
        return -1
    for e in range(ends.shape[0]):
        if _near(pixels, table, y, x, ends[e]):
            return e
    return -1


@nb.njit(**_JIT)
def _border(pixels, table, nan, y, x, dy, dx, end):  # pragma: no cover - jitted
    """How a run of an end color ends at (y, x), the run stepping on (dy, dx): 2 flagged
    or no entry, 1 a hard jump (FAR DN to a field flat beyond it: a steep slope of data
    clipped at the end steps on as far; an entry between the two is the field's, as a
    ridge of data clipped at the end has), 0 else."""
    height, width = nan.shape
    if not _inside(y, x, height, width):
        return 0
    if nan[y, x] or not _is_key(pixels, table, y, x):
        return 2
    jump2 = _to_end2(pixels, y, x, end)
    if jump2 < FAR * FAR:
        return 0
    height, width = nan.shape
    ny, nx = y + dy, x + dx
    if not _inside(ny, nx, height, width) or nan[ny, nx]:
        return 0
    return 1 if _dist2(pixels, y, x, ny, nx) * BOX_SLOPE * BOX_SLOPE <= jump2 else 0


@nb.njit(**_JIT)
def _boxes(pixels, table, nan, ends, out):  # pragma: no cover - jitted
    """Flag, in ``out``, the regions of an end color the box rule takes: pixels whose
    runs of that color along their row and their column end in hard borders on both
    sides, one of them a jump to the field (not all flagged: data enclosed by a
    glyph's strokes), joined to one whose run ends in a flagged pixel and to a thick
    one."""
    height, width = nan.shape
    which = np.full((height, width), -1, dtype=np.int8)
    for y in range(height):
        for x in range(width):
            which[y, x] = _which_end(pixels, table, nan, ends, y, x)
    hard = np.zeros((height, width), dtype=np.bool_)
    drawn = np.zeros((height, width), dtype=np.bool_)
    thick = np.zeros((height, width), dtype=np.bool_)
    sees = np.zeros((height, width), dtype=np.bool_)  # a run meets the field itself
    for axis in range(2):
        lines, length = (height, width) if axis == 0 else (width, height)
        for i in range(lines):
            k = 0
            while k < length:
                y, x = (i, k) if axis == 0 else (k, i)
                e = which[y, x]
                if e < 0:
                    k += 1
                    continue
                stop = k
                while stop + 1 < length and e == (
                    which[i, stop + 1] if axis == 0 else which[stop + 1, i]
                ):
                    stop += 1
                dy, dx = (0, 1) if axis == 0 else (1, 0)
                first = _border(pixels, table, nan, y - dy, x - dx, -dy, -dx, ends[e])
                ly, lx = (i, stop) if axis == 0 else (stop, i)
                last = _border(pixels, table, nan, ly + dy, lx + dx, dy, dx, ends[e])
                for j in range(k, stop + 1):
                    yy, xx = (i, j) if axis == 0 else (j, i)
                    ok = first > 0 and last > 0
                    hard[yy, xx] = ok if axis == 0 else hard[yy, xx] and ok
                    thick[yy, xx] = stop - k >= THICK if axis == 0 else thick[yy, xx] and (
                        stop - k >= THICK
                    )
                    if first == 2 or last == 2:
                        drawn[yy, xx] = True
                    if first == 1 or last == 1:
                        sees[yy, xx] = True
                k = stop + 1
    _taken(hard & sees, drawn, thick, out, pixels, table, nan)


@nb.njit(**_JIT)
def _marked(pixels, table, nan, y, x):  # pragma: no cover - jitted
    """Whether (y, x) is flagged or no entry (what a box's text is)."""
    return nan[y, x] or not _is_key(pixels, table, y, x)


@nb.njit(**_JIT)
def _taken(hard, drawn, thick, out, pixels, table, nan):  # pragma: no cover - jitted
    """Flag, in ``out``, the 4-connected parts of ``hard`` that hold a ``thick`` pixel
    and a ``drawn`` one whose mark lies within the part's bounds: a label's text is
    inside its box, where the frame a cell of data meets (a heatmap's cell of the
    map's end color on the axes' spine: matshow's Blues 0) lies outside it."""
    height, width = hard.shape
    seen = np.zeros((height, width), dtype=np.bool_)
    stack = np.empty((np.count_nonzero(hard), 2), dtype=np.int64)
    part = np.empty_like(stack)
    for y0 in range(height):
        for x0 in range(width):
            if not hard[y0, x0] or seen[y0, x0]:
                continue
            seen[y0, x0] = True
            stack[0, 0], stack[0, 1] = y0, x0
            top, size, any_thick = 1, 0, False
            low_y, high_y, low_x, high_x = y0, y0, x0, x0
            while top > 0:
                top -= 1
                y, x = stack[top, 0], stack[top, 1]
                part[size, 0], part[size, 1] = y, x
                size += 1
                any_thick = any_thick or thick[y, x]
                low_y, high_y = min(low_y, y), max(high_y, y)
                low_x, high_x = min(low_x, x), max(high_x, x)
                for yy, xx in ((y - 1, x), (y + 1, x), (y, x - 1), (y, x + 1)):
                    if 0 <= yy < height and 0 <= xx < width and hard[yy, xx] \
                            and not seen[yy, xx]:  # fmt: skip
                        seen[yy, xx] = True
                        stack[top, 0], stack[top, 1] = yy, xx
                        top += 1
            if not any_thick or size < BOX:
                continue
            any_drawn = False
            for i in range(size):
                y, x = part[i, 0], part[i, 1]
                if not drawn[y, x]:
                    continue
                for yy, xx in ((y - 1, x), (y + 1, x), (y, x - 1), (y, x + 1)):
                    if low_y < yy < high_y and low_x < xx < high_x and not hard[yy, xx] \
                            and _marked(pixels, table, nan, yy, xx):  # fmt: skip
                        any_drawn = True
            if any_drawn:
                for i in range(size):
                    out[part[i, 0], part[i, 1]] = True


@nb.njit(**_JIT)
def _grow(pixels, table, nan, out):  # pragma: no cover - jitted
    """Set ``nan`` where ``out`` is, then flag the no-table pixels RINGS rings around
    the pixels ``out`` newly holds."""
    height, width = nan.shape
    fresh = out & ~nan
    for y in range(height):
        for x in range(width):
            if out[y, x]:
                nan[y, x] = True
    for _ in range(RINGS):
        ring = np.zeros((height, width), dtype=np.bool_)
        for y in range(height):
            for x in range(width):
                if not fresh[y, x]:
                    continue
                for yy in range(max(0, y - 1), min(height, y + 2)):
                    for xx in range(max(0, x - 1), min(width, x + 2)):
                        if not nan[yy, xx] and not _is_key(pixels, table, yy, xx):
                            ring[yy, xx] = True
        for y in range(height):
            for x in range(width):
                if ring[y, x]:
                    out[y, x] = nan[y, x] = True
        fresh = ring


@nb.njit(**_JIT)
def _flag(pixels, nan, table, ends, out):  # pragma: no cover - jitted
    for _ in range(PASSES):
        _cores(pixels, table, nan, ends, out)
        _grow(pixels, table, nan, out)
        _boxes(pixels, table, nan, ends, out)
        _grow(pixels, table, nan, out)

"""Strokes drawn over a sharp exact render in (nearly) the map's own colors
(:func:`flag_near_strokes`).

On a sharp render (``_exact.exact_render``) every data pixel is an entry of the table
the picture holds, and what was drawn over it off the map is NaN already, with its
antialiased edges that are no entry (``_tables.flag_edges``). What stays is a stroke
whose ink the map itself nearly has: white over seismic's white middle or pink's and
hot's white end, black over magma's and hot's dark ends. Its pixels are blends of the
ink and the field under it, close to the map's polyline (a blend of two colors on a
straight stretch of the map lies on it) and sometimes right on a table entry. A
per-pixel color test cannot tell them; where they lie can:

- a pixel that is no table entry in a thin run (at most RUN pixels of such, or
  NaN ones, along a row, a column or a diagonal) between two table colors is drawn when
  it is not their blend (farther than TOLERANCE DN from the segment joining them): a
  stroke's pixel is darker or lighter than the field on both sides of it, a resampled
  edge's or a cell border's blend lies between them. A real field's thin features (a
  DEM's rivers, a photograph's edges) are table entries: never looked at. The no-table
  pixels beside those, GROW rings deep, are the rest of the stroke (a glyph's pixels
  between its edges), as ``_tables.flag_edges`` grows from off-map cores.
- no-table pixels of one color joined to a flagged one of that color: a box filled
  with a color near the map (white over seismic, whose middle entries are 2 DN off it).
- a table entry with flagged pixels on both sides of it along a line (its stroke's
  edges), each on the segment from the table color beyond it to this one (a blend of
  this color, the ink, with the field), that differs from the field on each side by
  JUMP DN and by SLOPE times the field's own step there, and does not join the two:
  the stroke's core, in a color the map also has.

Measured on trial 45's t02 figures (text, lines and a boxed label over a photograph,
a DEM and smooth bumps; ``benchmarks/annotpng``), PNG, share of the pixels the ink
changed by 10 DN flagged: white over seismic 37-54 -> 95-98 %, black over magma
77-97 -> 99-100 %, over hot 76-80 -> 84-86 %; no data pixel away from the strokes lost.
What stays is a value the field also has right there: a white box over pink's or hot's
white end (their last entry), white glyphs over a near-white sky whose edges land on
entries, a stroke's edge that is a table entry (black over hot's and seismic's straight
black-red and black-blue stretches). Flagging those (an entry on the segment from the
field beside it to a flagged core) took 0.1 % of the data pixels beside the strokes
(a DEM's slope on a straight stretch of the map runs on into the stroke the same way).
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix.color._decolorize._vertex import _JIT

__all__ = ["flag_near_strokes", "thin_runs"]

#: Longest run (pixels) of no-table or flagged pixels a stroke's pixel lies in across
#: the stroke: matplotlib's 1-1.5 px lines and 10-16 pt glyphs with their edges.
RUN = 4
#: Rings of no-table pixels around those grown (``_tables.EDGE_RINGS``'s rule).
GROW = 2
#: A pixel farther than this (DN) from the segment joining the table colors on either
#: side of it is no blend of them (bytes round each channel: sqrt(3) DN).
TOLERANCE = 3.0
#: A stroke's core differs from the field on each side by this much (DN) or more, and
#: an edge lies at least EDGE_T of the way from the field to the core.
JUMP = 12.0
EDGE_T = 0.1
#: ... and by more than SLOPE times the field's own step beside it (a blend's jump,
#: not the field's gradient running on into the pixel).
SLOPE = 3.0
#: Passes of the core and edge rules (each flags beside what the last one flagged).
PASSES = 2


def flag_near_strokes(values: np.ndarray, pixels: np.ndarray, keys: np.ndarray) -> int:
    """Set to NaN, in place, the pixels of strokes drawn in the map's own colors over a
    sharp exact render (the module's rules); return how many.

    Parameters
    ----------
    values : (H, W) float64
        Decoded values; NaN: off the map (or transparent), strokes' edges flagged.
    pixels : (H, W, 3|4) uint8
        The picture.
    keys : ndarray
        Sorted keys of the table the picture holds (``_tables.table_keys``).
    """
    if values.ndim != 2 or min(values.shape) < 3:
        return 0
    table = _bits(keys)
    nan = np.isnan(values)
    if pixels.shape[-1] == 4:
        nan &= pixels[..., 3] == 255  # a transparent pixel is no stroke
    flagged = np.zeros(values.shape, dtype=bool)
    _flag(np.ascontiguousarray(pixels), nan, table, flagged, RUN, GROW, TOLERANCE**2, JUMP**2,
          SLOPE**2, EDGE_T, PASSES)  # fmt: skip
    values[flagged] = np.nan
    return int(np.count_nonzero(flagged))


def thin_runs(
    pixels: np.ndarray, keys: np.ndarray, seen: np.ndarray | None = None
) -> np.ndarray:
    """The no-table pixels of 8-bit ``pixels`` (H, W, 3|4) in thin runs between table
    colors (of the sorted ``keys``) they are no blend of: a stroke's in (nearly) the
    map's own color (the module's first rule). ``seen``: ``pixels`` is bands of rows (a
    plan's sample), whose first and last rows are False here (``_exact.seen_rows``): no
    run crosses from one band into the next; None: one picture."""
    found = np.zeros(pixels.shape[:2], dtype=bool)
    if pixels.ndim == 3 and min(pixels.shape[:2]) >= 3:
        seam = np.zeros(pixels.shape[0], dtype=bool)  # a seam between rows y and y + 1
        if seen is not None:
            seam[:-1] = ~seen[:-1] & ~seen[1:]
        _thin(np.ascontiguousarray(pixels), found.copy(), _bits(keys), found, RUN, seam,
              TOLERANCE**2)  # fmt: skip
    return found


def _bits(keys: np.ndarray) -> np.ndarray:
    """One bit per 24-bit color: set for the sorted ``keys``' and the colors a DN from
    them in one channel (a color rounded the other way there: no stroke, as a test's
    near-seam twilight color beside its end entry; a DN in two or three channels would
    take in most of a white stroke's blends over seismic's blues, 4 DN apart)."""
    table = np.zeros(1 << 21, dtype=np.uint8)
    keys = np.asarray(keys, dtype=np.int64)
    rgb = np.stack([keys >> 16, (keys >> 8) & 255, keys & 255], axis=-1)
    steps = np.concatenate([np.zeros((1, 3), np.int64), np.eye(3, dtype=np.int64),
                            -np.eye(3, dtype=np.int64)])  # fmt: skip
    rgb = np.clip(rgb[:, None, :] + steps, 0, 255).reshape(-1, 3)
    keys = (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]
    np.bitwise_or.at(table, keys >> 3, (1 << (keys & 7)).astype(np.uint8))
    return table


_DIRECTIONS = np.array([[0, 1], [1, 0], [1, 1], [1, -1]], dtype=np.int64)


@nb.njit(**_JIT)
def _is_key(pixels, table, y, x):  # pragma: no cover - jitted
    key = (np.int64(pixels[y, x, 0]) << 16) | (np.int64(pixels[y, x, 1]) << 8) | pixels[y, x, 2]
    return (table[key >> 3] >> (key & 7)) & 1 == 1


@nb.njit(**_JIT)
def _gap2(pixels, y, x, ya, xa, yb, xb):  # pragma: no cover - jitted
    """Squared distance (DN^2) of pixel (y, x) from the segment (ya, xa)-(yb, xb), and
    where along it (t, 0-1) it projects."""
    along = 0.0
    length2 = 0.0
    for c in range(3):
        seg = float(pixels[yb, xb, c]) - float(pixels[ya, xa, c])
        along += (float(pixels[y, x, c]) - float(pixels[ya, xa, c])) * seg
        length2 += seg * seg
    t = min(1.0, max(0.0, along / length2)) if length2 > 0 else 0.0
    gap2 = 0.0
    for c in range(3):
        start = float(pixels[ya, xa, c])
        point = start + t * (float(pixels[yb, xb, c]) - start)
        gap2 += (float(pixels[y, x, c]) - point) ** 2
    return gap2, t


@nb.njit(**_JIT)
def _dist2(pixels, y, x, ya, xa):  # pragma: no cover - jitted
    total = 0.0
    for c in range(3):
        total += (float(pixels[y, x, c]) - float(pixels[ya, xa, c])) ** 2
    return total


@nb.njit(**_JIT)
def _field(pixels, table, nan, y, x, dy, dx, run, seam):  # pragma: no cover - jitted
    """Steps (1..run) along (dy, dx) from (y, x) to the first table color that is not
    NaN, passing only no-table or NaN pixels and no ``seam`` between rows (a seam
    after row y: ``seam[y]``); 0 where there is none."""
    height, width = nan.shape
    for k in range(1, run + 1):
        yy, xx = y + k * dy, x + k * dx
        if yy < 0 or yy >= height or xx < 0 or xx >= width:
            return 0
        if dy != 0 and seam[min(yy, yy - dy)]:
            return 0
        if not nan[yy, xx] and _is_key(pixels, table, yy, xx):
            return k
    return 0


@nb.njit(**_JIT)
def _jumps(pixels, nan, y, x, fy, fx, dy, dx, least2, slope2):  # pragma: no cover - jitted
    """Whether (y, x) differs from the field pixel (fy, fx) by ``least2`` (DN^2) and by
    more than SLOPE times the field's own step to the next pixel on (dy, dx)."""
    height, width = nan.shape
    step = _dist2(pixels, y, x, fy, fx)
    if step < least2:
        return False
    ny, nx = fy + dy, fx + dx
    if ny < 0 or ny >= height or nx < 0 or nx >= width or nan[ny, nx]:
        return False
    return step > slope2 * _dist2(pixels, fy, fx, ny, nx)


@nb.njit(**_JIT)
def _edge_side(  # pragma: no cover - jitted
    pixels, table, nan, y, x, dy, dx, tol2, jump2, slope2, edge_t
):
    """Steps (2-3) along (dy, dx) from the core (y, x) to the field past one or two NaN
    edge pixels, each a blend of the core and that field; 0 where not so."""
    height, width = nan.shape
    for k in (2, 3):
        yy, xx = y + k * dy, x + k * dx
        if yy < 0 or yy >= height or xx < 0 or xx >= width:
            return 0
        if nan[yy, xx]:
            continue
        if not _is_key(pixels, table, yy, xx) or not _jumps(
            pixels, nan, y, x, yy, xx, dy, dx, jump2, slope2
        ):
            return 0
        for j in range(1, k):
            ey, ex = y + j * dy, x + j * dx
            if not nan[ey, ex]:
                return 0
            gap2, t = _gap2(pixels, ey, ex, yy, xx, y, x)
            if gap2 > tol2 or t < edge_t or t > 1.0 - edge_t:
                return 0
        return k
    return 0


@nb.njit(**_JIT)
def _flag(  # pragma: no cover - jitted
    pixels, nan, table, out, run, grow, tol2, jump2, slope2, edge_t, passes
):
    height, width = nan.shape
    _thin(pixels, nan, table, out, run, np.zeros(height, dtype=np.bool_), tol2)
    # ... and the no-table pixels beside them, GROW rings deep (a glyph's pixels between
    # its strokes' edges)
    frontier = np.empty((np.count_nonzero(out), 2), dtype=np.int64)
    count = 0
    for y in range(height):
        for x in range(width):
            if out[y, x]:
                nan[y, x] = True
                frontier[count, 0], frontier[count, 1] = y, x
                count += 1
    for _ in range(grow):
        ring = np.empty((8 * count, 2), dtype=np.int64)
        found = 0
        for i in range(count):
            for yy in range(max(0, frontier[i, 0] - 1), min(height, frontier[i, 0] + 2)):
                for xx in range(max(0, frontier[i, 1] - 1), min(width, frontier[i, 1] + 2)):
                    if not nan[yy, xx] and not _is_key(pixels, table, yy, xx):
                        nan[yy, xx] = out[yy, xx] = True
                        ring[found, 0], ring[found, 1] = yy, xx
                        found += 1
        frontier, count = ring, found
    _flood(pixels, nan, table, out)
    for _ in range(passes):
        found = np.zeros_like(out)
        for y in range(1, height - 1):
            for x in range(1, width - 1):
                if nan[y, x] or not (nan[y - 1, x] or nan[y + 1, x] or nan[y, x - 1]
                                     or nan[y, x + 1] or nan[y - 1, x - 1] or nan[y - 1, x + 1]
                                     or nan[y + 1, x - 1] or nan[y + 1, x + 1]):  # fmt: skip
                    continue
                for d in range(4):
                    dy, dx = _DIRECTIONS[d, 0], _DIRECTIONS[d, 1]
                    if _core(pixels, table, nan, y, x, dy, dx, tol2, jump2, slope2, edge_t):
                        found[y, x] = True
                        break
        for y in range(height):
            for x in range(width):
                if found[y, x]:
                    out[y, x] = True
                    nan[y, x] = True


@nb.njit(**_JIT)
def _core(  # pragma: no cover - jitted
    pixels, table, nan, y, x, dy, dx, tol2, jump2, slope2, edge_t
):
    """Whether (y, x) is a stroke's core across (dy, dx): NaN edges on both sides that
    blend it with the fields beyond them, which it does not join."""
    if not (nan[y + dy, x + dx] and nan[y - dy, x - dx]):
        return False
    ahead = _edge_side(pixels, table, nan, y, x, dy, dx, tol2, jump2, slope2, edge_t)
    if ahead == 0:
        return False
    behind = _edge_side(pixels, table, nan, y, x, -dy, -dx, tol2, jump2, slope2, edge_t)
    if behind == 0:
        return False
    gap2, _ = _gap2(pixels, y, x, y - behind * dy, x - behind * dx, y + ahead * dy,
                    x + ahead * dx)  # fmt: skip
    return gap2 > tol2


@nb.njit(**_JIT)
def _flood(pixels, nan, table, out):  # pragma: no cover - jitted
    """Flag, in ``out`` and ``nan``, the no-table pixels joined (4-connected) to a NaN
    one of their very color: a box filled with a color near the map (white over
    seismic's white middle), which no data pixel of a sharp render is."""
    height, width = nan.shape
    stack = [(np.int64(0), np.int64(0)) for _ in range(0)]  # (a typed, growing list)
    for y in range(height):
        for x in range(width):
            if not nan[y, x]:
                continue
            for yy, xx in ((y - 1, x), (y + 1, x), (y, x - 1), (y, x + 1)):
                if 0 <= yy < height and 0 <= xx < width and not nan[yy, xx] and _same(
                    pixels, y, x, yy, xx
                ) and not _is_key(pixels, table, yy, xx):
                    nan[yy, xx] = out[yy, xx] = True
                    stack.append((np.int64(yy), np.int64(xx)))
    while len(stack):
        y, x = stack.pop()
        for yy, xx in ((y - 1, x), (y + 1, x), (y, x - 1), (y, x + 1)):
            if 0 <= yy < height and 0 <= xx < width and not nan[yy, xx] and _same(
                pixels, y, x, yy, xx
            ):
                nan[yy, xx] = out[yy, xx] = True
                stack.append((yy, xx))


@nb.njit(**_JIT)
def _same(pixels, y, x, yy, xx):  # pragma: no cover - jitted
    return (pixels[y, x, 0] == pixels[yy, xx, 0] and pixels[y, x, 1] == pixels[yy, xx, 1]
            and pixels[y, x, 2] == pixels[yy, xx, 2])  # fmt: skip


@nb.njit(**_JIT)
def _thin(pixels, nan, table, out, run, seam, tol2):  # pragma: no cover - jitted
    """Mark in ``out`` the no-table pixels in thin runs between table colors they are
    no blend of (the module's first rule); ``seam``: :func:`_field`'s."""
    height, width = nan.shape
    for y in range(height):
        for x in range(width):
            if nan[y, x] or _is_key(pixels, table, y, x):
                continue
            for d in range(4):
                dy, dx = _DIRECTIONS[d, 0], _DIRECTIONS[d, 1]
                ahead = _field(pixels, table, nan, y, x, dy, dx, run, seam)
                if ahead == 0:
                    continue
                behind = _field(pixels, table, nan, y, x, -dy, -dx, run, seam)
                if behind == 0 or ahead + behind - 1 > run:
                    continue
                gap2, _ = _gap2(pixels, y, x, y - behind * dy, x - behind * dx,
                                y + ahead * dy, x + ahead * dx)  # fmt: skip
                if gap2 > tol2:
                    out[y, x] = True
                    break

"""A JPEG'd contour's pixels that blend its ink with the field across it, along its
flagged stretches (``ink_blends``).

A contour in an ink near a map color (magenta on magma, 29 DN from its pinks; gray
inside twilight's loop; light gray over twilight's pinks) is flagged where its core
holds the ink, but an antialiased 1 px line is mostly a blend of the ink and the
field beneath, and such a blend lies near the map between the field's color and the
ink's map neighbour: it decodes to a value of its own, silently wrong (magenta over
magma's purples passes for its reds). No distance to the map tells it; its shape
does. The field continues across a thin line: the pixels 2 and 3 px either side of
it (along a row, a column or a diagonal) lie on a straight line (INK_MISFIT), the
near two agree or the pixel stands out of both (INK_SIDES_LUMA, INK_SIDES_REL), and
the pixel lies on the way from that field to an ink (INK_SHARE, off it by at most
INK_REMAINDER plus INK_REMAINDER_REL of the way), departing INK_DEPARTURE DN or
more of luma (more beside a flagged pixel across, where JPEG's halo of the line
lies: INK_EDGE_SHARE, INK_EDGE_DEPARTURE). JPEG keeps luma and blurs chroma (4:2:0):
chroma weighs INK_CHROMA_WEIGHT. A pixel is asked only where it continues a flagged
stroke of the ink (INK_HELD_LUMA, INK_HELD_CHROMA): an 8-neighbour flagged or found
so, INK_STEPS steps along. The inks are the flagged pixels' stroke colors
(``_strokes.stroke_colors``) INK_OFF_MAP DN or more from the map, at the luma of the
thin lines of one ink over several levels ``_lines.ink_lines`` found (INK_LINES):
a photograph's texture holds thin ridges toward any color next to its JPEG holes,
and without that gate the camera figures of tests/color/test_decolorize_annotations.py
lost 0.6-0.7 point more of their data (an ink cell of their holes' colors).

Measured with benchmarks/_stroke_screen.py (matplotlib contours and text, JPEG q75;
stroke pixels flagged where the field is > 10 % of the range from the ink's map
position / stroke pixels silently wrong / data lost, %): magenta on magma 68.1 /
15.5 / 0.17 -> 77.2 / 10.5 / 0.17, light gray on twilight 79.9 / 13.8 / 0.26 -> 91.7
/ 3.1 / 0.34, on RdBu_r 79.8 / 10.3 / 0.10 -> 83.1 / 7.4 / 0.12, magenta on twilight
86.6 / 8.5 / 0.83 -> 88.6 / 7.0 / 0.83, on RdBu_r 94.1 / 4.2 / 1.25 -> 95.4 / 0.9 /
1.29; no cell worse, all-data holes 0 (see the report of the change for all
cells). Left: text over a field of nearly its luma (magenta over magma's 0.4: 10 DN;
the departure is chroma, which 4:2:0 halves), the faint fringes (under 0.45 of the
way to the ink: JPEG's ringing beside a line reaches 0.2-0.4, and taking them lost
2-10 times the data), and contours over a field within 0.1 of the ink's position.
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix.color._decolorize._degraded import near_any
from truepix.color._decolorize._kernels import _JIT
from truepix.color._decolorize._palette import Polyline
from truepix.color._decolorize._plan import _YCBCR
from truepix.color._decolorize._strokes import stroke_colors

__all__ = ["ink_blends"]

#: Inks: the flagged pixels' stroke colors INK_OFF_MAP DN or more (RGB) from the map.
INK_OFF_MAP = 20.0
#: The field across: the pixels 2 and 3 px either side (a row, a column or a diagonal),
#: none flagged, on a straight line within INK_MISFIT DN plus INK_MISFIT_REL of the
#: pixel's luma departure (each of Y, Cb, Cr) ...
INK_MISFIT = 6.0
INK_MISFIT_REL = 0.15
#: ... the two near ones agreeing within INK_SIDES_LUMA DN of luma, or INK_SIDES_REL of
#: the departure over a steep field (the pixel stands out of both).
INK_SIDES_LUMA = 16.0
INK_SIDES_REL = 0.8
#: The pixel departs INK_DEPARTURE DN of luma or more from the sides' mean, toward an
#: ink that stands INK_CONTRAST DN or more from them ...
INK_DEPARTURE = 20.0
INK_CONTRAST = 30.0
#: ... the share of the way (INK_SHARE), off that way by at most INK_REMAINDER DN plus
#: INK_REMAINDER_REL of the departure (chroma weighed INK_CHROMA_WEIGHT).
INK_SHARE = (0.45, 1.3)
INK_REMAINDER = 8.0
INK_REMAINDER_REL = 0.3
INK_CHROMA_WEIGHT = 0.5
#: Beside a flagged (or found) pixel across (the stroke's edge, or JPEG's halo of it),
#: INK_EDGE_SHARE of the way and INK_EDGE_DEPARTURE DN.
INK_EDGE_SHARE = 0.8
INK_EDGE_DEPARTURE = 24.0
#: Steps along the strokes, one 8-neighbour a step.
INK_STEPS = 64
#: Inks are those of ``_lines.ink_lines``' lines, within INK_LINES DN of luma.
INK_LINES = 12.0
#: Growth starts from the flagged pixels within INK_HELD_LUMA DN of luma and
#: INK_HELD_CHROMA DN of chroma of an ink.
INK_HELD_LUMA = 24.0
INK_HELD_CHROMA = 30.0


def ink_blends(
    flat: np.ndarray, scale: float, width: int, off_map: np.ndarray, line: Polyline,
    lines: np.ndarray,
) -> None:  # fmt: skip
    """Mark in ``off_map`` (flat, rows of ``width``) the unflagged pixels along flagged
    strokes that blend an ink with the field across them (see the module's doc).
    ``flat``: the picture's pixels (times ``scale``: DN). All-data pictures, with
    few flagged pixels, stop at ``stroke_colors``' count."""
    if not len(lines):  # (no thin lines of one ink over several levels: photographs)
        return
    inks = _inks(flat, scale, off_map, line)
    # ... of the lines' inks (an ink cell of a photograph's holes is no line's)
    inks = inks[np.abs(inks[:, :1] - lines[None, :]).min(axis=1) <= INK_LINES]
    if not len(inks):
        return
    n_pixels = len(off_map)
    height = n_pixels // width
    blocked = off_map.copy()  # (flagged or found: no side of the field)
    weights = np.array([1.0, INK_CHROMA_WEIGHT, INK_CHROMA_WEIGHT])

    def blends(asked: np.ndarray) -> np.ndarray:
        held = np.zeros(len(asked), dtype=bool)
        _blend_kernel(
            flat, float(scale), _YCBCR, width, height, asked, blocked, inks, weights,
            INK_SIDES_LUMA, INK_SIDES_REL, INK_MISFIT, INK_MISFIT_REL,
            INK_DEPARTURE, INK_CONTRAST, INK_SHARE[0], INK_SHARE[1],
            INK_REMAINDER, INK_REMAINDER_REL, INK_EDGE_SHARE, INK_EDGE_DEPARTURE, held,
        )  # fmt: skip
        found = asked[held]
        blocked[found] = True
        return found

    # (the flagged pixels that hold an ink: the strokes' cores, not JPEG's holes in data)
    fresh = _holding(flat, scale, inks, np.flatnonzero(off_map))
    beside = np.zeros(n_pixels, dtype=bool)
    for _ in range(INK_STEPS):
        beside[:] = False
        near_any(fresh, width, height, 1, beside)
        asked = np.flatnonzero(beside & ~blocked)
        if len(asked) == 0:
            break
        fresh = blends(asked)
        if len(fresh) == 0:
            break
    off_map |= blocked


def _inks(flat: np.ndarray, scale: float, off_map: np.ndarray, line: Polyline) -> np.ndarray:
    """(K, 3) Y Cb Cr (DN) of the flagged pixels' stroke colors INK_OFF_MAP DN or more
    from the map's colors."""
    colors = stroke_colors(flat, scale, off_map)
    if not len(colors):
        return colors
    rgb = colors @ np.linalg.inv(_YCBCR).T
    along = line.colors_at(np.linspace(0.0, line.n_bins, 4 * line.n_bins + 1))
    gap = np.sqrt(((rgb[:, None, :] - along[None, :, :3]) ** 2).sum(axis=-1)).min(axis=1)
    return np.ascontiguousarray(colors[gap >= INK_OFF_MAP])


def _holding(flat: np.ndarray, scale: float, inks: np.ndarray, pixels: np.ndarray) -> np.ndarray:
    """The ``pixels`` (flat indices) within INK_HELD_LUMA DN of luma and INK_HELD_CHROMA
    DN of chroma of one of the ``inks``."""
    held = np.zeros(len(pixels), dtype=bool)
    _held_kernel(flat, float(scale), _YCBCR, inks, pixels, INK_HELD_LUMA, INK_HELD_CHROMA, held)
    return pixels[held]


@nb.njit(**_JIT)
def _held_kernel(flat, scale, ycbcr, inks, pixels, luma, chroma, out):  # pragma: no cover
    """Per pixel of ``pixels``: whether within ``luma`` and ``chroma`` DN of an ink."""
    own = np.empty(3)
    for k in range(pixels.shape[0]):
        _ycc(flat, pixels[k], scale, ycbcr, own)
        for i in range(inks.shape[0]):
            if abs(own[0] - inks[i, 0]) <= luma and _hypot(
                own[1] - inks[i, 1], own[2] - inks[i, 2]
            ) <= chroma:  # fmt: skip
                out[k] = True
                break


@nb.njit(**_JIT)
def _ycc(flat, p, scale, ycbcr, out):  # pragma: no cover - jitted
    r, g, b = flat[p, 0] * scale, flat[p, 1] * scale, flat[p, 2] * scale
    for c in range(3):
        out[c] = r * ycbcr[c, 0] + g * ycbcr[c, 1] + b * ycbcr[c, 2]


@nb.njit(**_JIT)
def _blend_kernel(  # pragma: no cover - jitted
    flat, scale, ycbcr, width, height, pixels, blocked, inks, weights, sides_luma, sides_rel,
    misfit, misfit_rel, departure, contrast, share_low, share_high, remainder, remainder_rel,
    edge_share, edge_departure, out,
):  # fmt: skip
    """Per pixel of ``pixels``: whether, along one of 4 directions, the field across it
    (the unblocked pixels 2 and 3 px either side, on a straight line) continues and the
    pixel lies on the way from it to one of the ``inks`` (Y Cb Cr, DN); see
    ``ink_blends``' constants."""
    own, field, dep, way = np.empty(3), np.empty(3), np.empty(3), np.empty(3)
    sides = np.empty((4, 3))
    steps = np.array([-3, -2, 2, 3])
    directions = ((0, 1), (1, 0), (1, 1), (1, -1))
    for k in range(pixels.shape[0]):
        p = pixels[k]
        y, x = p // width, p % width
        _ycc(flat, p, scale, ycbcr, own)
        hit = False
        for dy, dx in directions:
            if hit:
                break
            if not (3 <= y < height - 3 or dy == 0) or not (3 <= x < width - 3 or dx == 0):
                continue
            clear = True
            for i in range(4):
                q = (y + steps[i] * dy) * width + x + steps[i] * dx
                if blocked[q]:
                    clear = False
                    break
                _ycc(flat, q, scale, ycbcr, sides[i])
            if not clear:
                continue
            # the field's straight line through the four (its value here: their mean)
            for c in range(3):
                field[c] = 0.25 * (sides[0, c] + sides[1, c] + sides[2, c] + sides[3, c])
                dep[c] = (own[c] - field[c]) * weights[c]
            # ... which they fit (the field continues across: no texture) ...
            fit = misfit + misfit_rel * abs(dep[0])
            bent = False
            for c in range(3):
                slope = 3.0 * (sides[3, c] - sides[0, c]) + 2.0 * (sides[2, c] - sides[1, c])
                slope /= 26.0  # (least squares over the steps -3, -2, 2, 3)
                for i in range(4):
                    if abs(sides[i, c] - field[c] - slope * steps[i]) > fit:
                        bent = True
            if bent:
                continue
            # ... and the pixel stands out of both near sides, not between them
            if abs(sides[2, 0] - sides[1, 0]) > max(sides_luma, sides_rel * abs(dep[0])):
                continue
            # beside a flagged pixel across: a stroke's edge, or JPEG's halo of it
            edge = blocked[(y - dy) * width + x - dx] or blocked[(y + dy) * width + x + dx]
            low = edge_share if edge else share_low
            if abs(dep[0]) < (edge_departure if edge else departure):
                continue
            for i in range(inks.shape[0]):
                length2 = 0.0
                for c in range(3):
                    way[c] = (inks[i, c] - field[c]) * weights[c]
                    length2 += way[c] * way[c]
                if length2 < contrast * contrast:
                    continue
                share = (dep[0] * way[0] + dep[1] * way[1] + dep[2] * way[2]) / length2
                if share < low or share > share_high:
                    continue
                off = 0.0
                for c in range(3):
                    gap = dep[c] - share * way[c]
                    off += gap * gap
                if off <= (remainder + remainder_rel * share * np.sqrt(length2)) ** 2:
                    hit = True
                    break
        out[k] = hit


@nb.njit(**_JIT)
def _hypot(a, b):  # pragma: no cover - jitted
    """The length of (a, b)."""
    return np.sqrt(a * a + b * b)

"""A JPEG'd stroke's pixels that blend its ink with the field across it, along a
flagged stroke (``ink_blends``).

A stroke in an ink near a map color (magenta on magma, 29 DN from its pinks; gray
inside twilight's loop; white over a diverging map's light middle) is flagged where
its core holds the ink, but an antialiased 1 px line is mostly a blend of the ink and
the field beneath, and such a blend lies near the map between the field's color and
the ink's map neighbour: it decodes to a value of its own, silently wrong (magenta
over magma's purples passes for its reds). No distance to the map tells it; its
shape does. The field continues across a thin stroke: the pixels 2 or 3 px either
side of it (along a row, a column or a diagonal) agree (INK_SIDES_LUMA,
INK_SIDES_CHROMA), and the pixel between lies on the way from them to an ink
(INK_SHARE; off that way by at most INK_REMAINDER plus INK_REMAINDER_REL of the
departure), departing INK_DEPARTURE DN or more of luma. Data over a smooth field
holds no such thin step toward one color; a photograph's texture may, so a pixel is
asked only where it continues a flagged stroke: an 8-neighbour flagged or found so
(INK_STEPS steps along). The inks are the flagged pixels' colors (``_strokes
.stroke_colors``) lying INK_OFF_MAP DN or more from the map; JPEG keeps luma and
blurs chroma (4:2:0), so chroma weighs INK_CHROMA_WEIGHT in the test.
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
#: Sides INK_REACHES px away on opposite sides, agreeing within INK_SIDES_LUMA DN of
#: luma and INK_SIDES_CHROMA DN of chroma.
INK_REACHES = (2, 3)
INK_SIDES_LUMA = 16.0
INK_SIDES_CHROMA = 16.0
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
INK_EDGE_SHARE = 0.6
INK_EDGE_DEPARTURE = 24.0
#: Steps along the strokes, one 8-neighbour a step.
INK_STEPS = 64
DEBUG = None


def ink_blends(
    flat: np.ndarray, scale: float, width: int, off_map: np.ndarray, line: Polyline
) -> None:
    """Mark in ``off_map`` (flat, rows of ``width``) the unflagged pixels along flagged
    strokes that blend an ink with the field across them (see the module's doc).
    ``flat``: the picture's pixels (times ``scale``: DN). All-data pictures, with
    few flagged pixels, stop at ``stroke_colors``' count."""
    inks = _inks(flat, scale, off_map, line)
    if not len(inks):
        return
    n_pixels = len(off_map)
    height = n_pixels // width
    found = np.zeros(n_pixels, dtype=bool)
    blocked = off_map.copy()
    fresh = np.flatnonzero(off_map)
    beside = np.zeros(n_pixels, dtype=bool)
    weights = np.array([1.0, INK_CHROMA_WEIGHT, INK_CHROMA_WEIGHT])
    for _ in range(INK_STEPS):
        beside[:] = False
        near_any(fresh, width, height, 1, beside)
        asked = np.flatnonzero(beside & ~blocked)
        if len(asked) == 0:
            break
        held = np.zeros(len(asked))
        depart = np.zeros(len(asked))
        _blend_kernel(
            flat, float(scale), _YCBCR, width, height, asked, blocked, inks, weights,
            np.array(INK_REACHES, dtype=np.int64), INK_SIDES_LUMA, INK_SIDES_CHROMA,
            INK_DEPARTURE, INK_CONTRAST, INK_SHARE[0], INK_SHARE[1], INK_REMAINDER,
            INK_REMAINDER_REL, INK_EDGE_SHARE, INK_EDGE_DEPARTURE, held, depart,
        )  # fmt: skip
        fresh = asked[held > 0]
        if DEBUG is not None:
            DEBUG.append((fresh, held[held > 0], depart[held > 0]))
        if len(fresh) == 0:
            break
        found[fresh] = True
        blocked[fresh] = True
    off_map |= found


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


@nb.njit(**_JIT)
def _ycc(flat, p, scale, ycbcr, out):  # pragma: no cover - jitted
    r, g, b = flat[p, 0] * scale, flat[p, 1] * scale, flat[p, 2] * scale
    for c in range(3):
        out[c] = r * ycbcr[c, 0] + g * ycbcr[c, 1] + b * ycbcr[c, 2]


@nb.njit(**_JIT)
def _blend_kernel(  # pragma: no cover - jitted
    flat, scale, ycbcr, width, height, pixels, blocked, inks, weights, reaches, sides_luma,
    sides_chroma, departure, contrast, share_low, share_high, remainder, remainder_rel, edge_share, edge_departure, out, depart,
):  # fmt: skip
    """Per pixel of ``pixels``: whether, along one of 4 directions, two unblocked sides
    (``reaches`` px away) agree and the pixel lies on the way from their mean to one of
    the ``inks`` (Y Cb Cr, DN); see ``ink_blends``' constants."""
    own, first, second = np.empty(3), np.empty(3), np.empty(3)
    dep, way = np.empty(3), np.empty(3)
    directions = ((0, 1), (1, 0), (1, 1), (1, -1))
    for k in range(pixels.shape[0]):
        p = pixels[k]
        y, x = p // width, p % width
        _ycc(flat, p, scale, ycbcr, own)
        hit = False
        for dy, dx in directions:
            if hit:
                break
            for reach in reaches:
                ay, ax, by, bx = y - reach * dy, x - reach * dx, y + reach * dy, x + reach * dx
                if not (0 <= ay < height and 0 <= by < height and 0 <= ax < width
                        and 0 <= bx < width):  # fmt: skip
                    continue
                a, b = ay * width + ax, by * width + bx
                if blocked[a] or blocked[b]:
                    continue
                _ycc(flat, a, scale, ycbcr, first)
                _ycc(flat, b, scale, ycbcr, second)
                if abs(first[0] - second[0]) > sides_luma:
                    continue
                if math_hypot(first[1] - second[1], first[2] - second[2]) > sides_chroma:
                    continue
                for c in range(3):
                    dep[c] = (own[c] - 0.5 * (first[c] + second[c])) * weights[c]
                # beside a flagged pixel across: a stroke's edge, or JPEG's halo of it
                edge = blocked[(y - dy) * width + x - dx] or blocked[(y + dy) * width + x + dx]
                low = edge_share if edge else share_low
                if abs(dep[0]) < (edge_departure if edge else departure):
                    continue
                for i in range(inks.shape[0]):
                    length2 = 0.0
                    for c in range(3):
                        way[c] = (inks[i, c] - 0.5 * (first[c] + second[c])) * weights[c]
                        length2 += way[c] * way[c]
                    if length2 < contrast * contrast:
                        continue
                    share = (dep[0] * way[0] + dep[1] * way[1] + dep[2] * way[2]) / length2
                    if share < low or share > share_high:
                        continue
                    off = 0.0
                    for c in range(3):
                        d = dep[c] - share * way[c]
                        off += d * d
                    if off <= (remainder + remainder_rel * share * np.sqrt(length2)) ** 2:
                        hit = True
                        out[k] = share
                        depart[k] = dep[0]
                        break
                if hit:
                    break


@nb.njit(**_JIT)
def math_hypot(a, b):  # pragma: no cover - jitted
    return np.sqrt(a * a + b * b)

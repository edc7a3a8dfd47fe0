"""Strokes in a color the map holds, found by where their positions jump (``jump_strokes``).

A thin stroke whose ink lies inside the map's gamut -- red on coolwarm or turbo, white
over a diverging map's light middle -- decodes as data: JPEG moves its core onto the
map (coolwarm's dark red end) and no residual tells it. What tells it is the field
around: data is smooth (its position is what the pixels on either side predict), a
stroke is a thin curve of one color whose two sides are the same field. Per pixel, the
*jump* is how far its position lies from the mean of two pixels JUMP_REACHES px away on
opposite sides (4 directions), where those two agree within JUMP_SIDES; a stroke's
pixels jump, across it, toward one position (its ink's), a smooth field's do not.
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix.color._decolorize._degraded import near_any
from truepix.color._decolorize._kernels import _JIT

__all__ = ["jump_strokes", "jumps"]

#: The two sides are JUMP_REACHES px away (a 1-4 px stroke's two fields) and agree
#: within JUMP_SIDES (positions, 0-1).
JUMP_REACHES = (2, 3)
JUMP_SIDES = 0.05
#: A stroke's core jumps JUMP_CORE or more; its antialiased edge JUMP_EDGE or more,
#: toward the ink, next to a core.
JUMP_CORE = 0.15
JUMP_EDGE = 0.05
#: The ink: a peak of the cores' own positions, JUMP_INK_WIDTH wide (each side),
#: holding JUMP_INK_SHARE of the cores and JUMP_INK_PIXELS of the picture or more.
JUMP_INK_WIDTH = 0.06
JUMP_INK_SHARE = 0.4
JUMP_INK_PIXELS = 0.002
JUMP_INK_BINS = 100


def jumps(position: np.ndarray, width: int, off_map: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per pixel (flat ``position``, rows of ``width``; NaN or ``off_map``: no field):
    the largest jump over directions and reaches whose sides agree (JUMP_SIDES; 0
    where none), and the mean of those sides (NaN where none)."""
    jump = np.zeros(len(position), dtype=np.float64)
    side = np.full(len(position), np.nan)
    reaches = np.array(JUMP_REACHES, dtype=np.int64)
    _jump_kernel(position, off_map, width, len(position) // width, reaches, JUMP_SIDES,
                 jump, side)  # fmt: skip
    return jump, side


@nb.njit(parallel=True, **_JIT)
def _jump_kernel(position, off_map, width, height, reaches, sides, jump, side):  # pragma: no cover
    """``jumps``' loops, one row per thread."""
    for y in nb.prange(height):
        for x in range(width):
            p = y * width + x
            own = position[p]
            if off_map[p] or not np.isfinite(own):
                continue
            for direction in range(4):
                dy, dx = (0, 1) if direction == 0 else (1, 0) if direction == 1 else (
                    (1, 1) if direction == 2 else (1, -1))
                for r in reaches:
                    ay, ax, by, bx = y + dy * r, x + dx * r, y - dy * r, x - dx * r
                    if ay >= height or by < 0 or min(ax, bx) < 0 or max(ax, bx) >= width:
                        continue
                    a, b = ay * width + ax, by * width + bx
                    if off_map[a] or off_map[b]:
                        continue
                    pa, pb = position[a], position[b]
                    if not (np.isfinite(pa) and np.isfinite(pb)) or abs(pa - pb) > sides:
                        continue
                    mean = 0.5 * (pa + pb)
                    if abs(own - mean) > jump[p]:
                        jump[p] = abs(own - mean)
                        side[p] = mean


def jump_strokes(position: np.ndarray, width: int, off_map: np.ndarray) -> None:
    """Mark in ``off_map`` the pixels of strokes in one ink that data would not make:
    cores that jump JUMP_CORE or more to the ink's position (a peak of the cores'
    positions, JUMP_INK_SHARE), and their edges (JUMP_EDGE) beside them."""
    if width < 8 or len(position) < 64:
        return
    jump, side = jumps(position, width, off_map)
    cores = np.flatnonzero(jump >= JUMP_CORE)
    if len(cores) < JUMP_INK_PIXELS * len(position):
        return
    own = position[cores]
    counts = np.bincount(np.clip((own * JUMP_INK_BINS).astype(np.int64), 0, JUMP_INK_BINS - 1),
                         minlength=JUMP_INK_BINS)  # fmt: skip
    half = int(round(JUMP_INK_WIDTH * JUMP_INK_BINS))
    around = np.convolve(counts, np.ones(2 * half + 1), mode="same")
    top = int(np.argmax(around))
    if around[top] < max(JUMP_INK_SHARE * len(cores), JUMP_INK_PIXELS * len(position)):
        return
    ink = (top + 0.5) / JUMP_INK_BINS
    at_ink = np.abs(own - ink) <= JUMP_INK_WIDTH
    height = len(position) // width
    inked = cores[at_ink]
    beside = np.zeros(len(position), dtype=bool)
    near_any(inked, width, height, 1, beside)
    toward = (position - side) * (ink - side) > 0
    edge = beside & (jump >= JUMP_EDGE) & toward
    off_map[inked] = True
    off_map |= edge


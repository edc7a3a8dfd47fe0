"""A texture's ridges that share a level, told from a stroke of one ink (``grains``).

``_jumps.jump_strokes`` takes the peak of its cores' positions for a stroke's ink.
skimage's brick texture is a field whose light mortar runs between the bricks as thin
lines at one level (0.72-0.85 of its range): 41-48 % of its cores lie in the ink's
window, more than ``_jumps.JUMP_INK_SHARE``, and its mortar was flagged (12.7 % holes
with viridis at JPEG q75, 6-13 % with jet, magma, turbo, coolwarm at q75 / q90 / WebP;
benchmarks/brick). On every other number of its cores (their share, spread, luma,
chroma, blobs, tiles, neighbours) it looks like the tests' strokes.

What tells them: a stroke lies *on* a field, which goes on under it, so the two sides
a core stands out of (``_jumps.JUMP_REACHES`` away) are one field, a few pixels apart;
a texture's ridge lies *between* two grains, whose levels differ. Per core, the closest
pair of sides among the pairs it stands out of (JUMP_CORE, both agreeing within
JUMP_SIDES); the ink is a texture's when GRAIN_SHARE of its cores or more have no pair
closer than GRAIN_GAP. Measured (jump ink's cores, share with no pair within 0.06):
brick JPEG q75 / q90 / WebP, viridis / jet / magma / turbo / coolwarm 0.33-0.40, and
with red strokes drawn over it 0.38-0.40 (its mortar keeps the peak); brick's corner
upscaled 2x (cubic) with jet, q75: 0.30 (3.4 % holes before); the strokes of tests/color
(red over coolwarm / turbo / RdBu_r / RdYlBu, white and black over the diverging maps,
red text over the shrunk camera, gates' inks, magenta over magma's steep field) 0.00-0.24,
red text over turbo at q75 the most. GRAIN_SHARE lies midway.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np

__all__ = ["closest_sides", "grains", "side_pairs"]

#: A core's sides differ by more than GRAIN_GAP (positions, 0-1) in every pair ...
GRAIN_GAP = 0.06
#: ... for GRAIN_SHARE of the ink's cores or more: a texture's; of GRAIN_LEAST cores
#: or more (a red line across a 48 px picture of a steep field, JPEG q90: 35-38 cores,
#: 0.24-0.34 of them between sides 0.06 apart: the field's own slope over 4-6 px; fewer
#: cores are judged by ``_jumps._one_color``)
GRAIN_SHARE = 0.27
GRAIN_LEAST = 160

_STEPS = ((0, 1), (1, 0), (1, 1), (1, -1))


def grains(
    position: np.ndarray, off_map: np.ndarray, width: int, cores: np.ndarray,
    reaches: tuple[int, ...], sides: float, core: float,
) -> bool:  # fmt: skip
    """Whether the ``cores`` (flat indices, rows of ``width``) of an ink are a texture's
    ridges: GRAIN_SHARE of them or more stand out (``core`` or more) only of pairs of
    sides (``reaches`` px away, 4 directions, agreeing within ``sides``) that differ by
    more than GRAIN_GAP, and they are GRAIN_LEAST or more. ``position``: each pixel's
    (NaN or ``off_map``: no side).

    Examples
    --------
    >>> import numpy as np
    >>> field = np.tile(np.linspace(0.3, 0.34, 200), (9, 1))  # one field, a line across it
    >>> field[4] = 0.9
    >>> off = np.zeros(field.size, dtype=bool)
    >>> line = 4 * 200 + np.arange(3, 197)
    >>> grains(field.ravel(), off, 200, line, (2, 3), 0.15, 0.15)
    False
    >>> field[5:] += 0.1  # two grains of different levels, the line between them
    >>> grains(field.ravel(), off, 200, line, (2, 3), 0.15, 0.15)
    True
    """
    if len(cores) < GRAIN_LEAST:
        return False
    closest, _ = closest_sides(position, off_map, width, cores, reaches, sides, core)
    judged = np.isfinite(closest)
    if not judged.any():
        return False
    return bool(np.mean(closest[judged] > GRAIN_GAP) >= GRAIN_SHARE)


def closest_sides(
    position: np.ndarray, off_map: np.ndarray, width: int, cores: np.ndarray,
    reaches: tuple[int, ...], sides: float, core: float,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Each core's closest pair of sides (``reaches`` px away, 4 directions) that agree
    within ``sides`` and that it stands out of by ``core`` or more: the pair's gap
    (``position`` units; inf: none) and its two pixels ((N, 2) flat indices; -1: none).
    ``position``: each pixel's (NaN or ``off_map``: no side)."""
    height = len(position) // width
    y, x = cores // width, cores % width
    own = position[cores]
    closest = np.full(len(cores), np.inf)
    pixels = np.full((len(cores), 2), -1, dtype=np.int64)
    for inside, a, b in side_pairs(y, x, height, width, reaches):
        pa, pb = position[a], position[b]
        with np.errstate(invalid="ignore"):
            gap = np.abs(pa - pb)
            out = np.maximum(own - np.maximum(pa, pb), np.minimum(pa, pb) - own)
            pair = inside & ~off_map[a] & ~off_map[b] & (gap <= sides) & (out >= core)
        take = pair & (gap < closest)
        closest[take] = gap[take]
        pixels[take, 0], pixels[take, 1] = a[take], b[take]
    return closest, pixels


def side_pairs(
    y: np.ndarray, x: np.ndarray, height: int, width: int, reaches: Iterable[int]
) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """For pixels (``y``, ``x``) of a ``height`` x ``width`` picture, the two sides
    ``reach`` pixels away across each of four directions (row, column, both diagonals),
    for each of ``reaches``: ``(inside, a, b)``, whether both lie in the picture and
    their flat indices (0 where not inside)."""
    for dy, dx in _STEPS:
        for reach in reaches:
            ay, ax, by, bx = y + dy * reach, x + dx * reach, y - dy * reach, x - dx * reach
            inside = (ay < height) & (by >= 0) & (np.minimum(ax, bx) >= 0)
            inside &= np.maximum(ax, bx) < width
            yield inside, np.where(inside, ay * width + ax, 0), np.where(inside, by * width + bx, 0)

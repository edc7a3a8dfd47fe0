"""A mosaic of colormapped fields JPEG'd whole decodes as its tiles do alone.

trial 49 (t75): 16 viridis tiles of 1024^2 (real and smooth fields) ``np.block``-ed into
one picture and saved by Pillow at q75 came back 22.4 % NaN: the tiles' edges, jumps of
the field from one tile to the next, read as a heatmap's grid (``_cellmarks``), and each
smooth tile's pixels far from its median color as numbers written in a cell. A cell holds
one datum: flat a JPEG block or more from its marks (``_flatcells.flat_off_marks``).
"""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

from tests.color._photographs import pillow_jpeg
import truepix as tp
from truepix.color._decolorize._cellmarks import cell_marks

TILE, GRID = 256, 4


def _tile(kind: str, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:TILE, 0:TILE] / TILE
    if kind == "texture":  # a rough field (terrain, a photograph): blocky noise plus noise
        f = np.kron(rng.normal(size=(TILE // 4, TILE // 4)), np.ones((4, 4)))
        f = f + 0.5 * rng.normal(size=(TILE, TILE))
    elif kind == "ramp":
        f = x + y * rng.uniform(0.2, 1)
    elif kind == "waves":
        f = np.sin(rng.uniform(3, 8) * x) * np.cos(rng.uniform(2, 6) * y) + 0.3 * x
    else:  # bumps
        f = np.zeros((TILE, TILE))
        for _ in range(6):
            cx, cy = rng.uniform(0, 1, 2)
            s, a = rng.uniform(0.08, 0.3), rng.uniform(-1, 1)
            f += a * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * s * s))
    return (f - f.min()) / (f.max() - f.min())


def _mosaic() -> np.ndarray:
    kinds = ["texture", "bumps", "ramp", "waves"]
    return np.block([
        [_tile(kinds[(i * GRID + j) % 4] if (i + j) % 3 else "bumps", i * GRID + j)
         for j in range(GRID)]
        for i in range(GRID)
    ])  # fmt: skip


def _error(values: np.ndarray, truth: np.ndarray) -> float:
    """Mean absolute error, a hole counting as the whole range."""
    return float(np.where(np.isnan(values), 1.0, np.abs(values - truth)).mean())


@pytest.mark.parametrize("cmap", ["viridis", "jet"])
def test_mosaic_decodes_as_its_tiles_alone(cmap: str) -> None:
    truth = _mosaic()
    picture = pillow_jpeg(matplotlib.colormaps[cmap](truth, bytes=True)[..., :3])
    whole = tp.decolorize(picture, cmap=cmap, vmin=0, vmax=1)
    alone = np.block([
        [tp.decolorize(np.ascontiguousarray(picture[i * TILE:(i + 1) * TILE,
                                                     j * TILE:(j + 1) * TILE]),
                       cmap=cmap, vmin=0, vmax=1) for j in range(GRID)]
        for i in range(GRID)
    ])  # fmt: skip
    # (before: viridis 27.0 % NaN, the smooth tiles' far pixels taken for cells' numbers)
    assert np.isnan(whole).mean() <= 0.002
    assert _error(whole, truth) <= 1.25 * _error(alone, truth)


def test_mosaic_tiles_are_no_cells_with_marks() -> None:
    picture = pillow_jpeg(matplotlib.colormaps["viridis"](_mosaic(), bytes=True)[..., :3])
    marks = cell_marks(picture)
    assert marks is None or not marks.any()

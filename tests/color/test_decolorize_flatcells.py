"""Numbers in the cells of a heatmap of smooth data, JPEG'd: cells that differ by a few DN.

seaborn's ``heatmap(data, annot=True)`` of a smooth field in its default figure (a
colorbar, tick labels): neighbouring cells differ by 5-30 DN, so no grid of 24 DN edges
stands; ``_flatcells.peak_share`` reads it from where each line's largest jump lies, and
the cells must be flat (``flat_grid``). Digits = pixels the digits moved more than 10 DN
(PNG, with against without); data = cell pixels 3 px or more from any, and from the
cells' edges.
"""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from scipy import ndimage

from tests.color._photographs import photo_jpeg, saved_rgb
import truepix as tp
from truepix.color._decolorize import _cellmarks, _flatcells

matplotlib.use("Agg")

pytestmark = pytest.mark.usefixtures("seaborn")  # its maps (rocket) for this module

SHAPE = (10, 14)


def _smooth_data() -> np.ndarray:
    """A smooth field sampled at SHAPE cells, a little seeded noise, one decimal."""
    y, x = np.mgrid[0 : SHAPE[0], 0 : SHAPE[1]] / 6.0
    field = np.sin(1.3 * x + 0.4) * np.cos(0.9 * y - 0.3) + 0.3 * x
    noise = np.random.default_rng(5).normal(0, 0.08, SHAPE)
    return np.round(10 * (field + noise), 1)


def _figure(cmap: str | None, annotated: bool, quality: int | None) -> tuple[np.ndarray, tuple]:
    """seaborn's default heatmap figure (8 x 6 in, 100 dpi) and its cells' box."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    data = _smooth_data()
    figure, axes = plt.subplots(figsize=(8, 6), dpi=100)
    sns.heatmap(data, annot=annotated, cmap=cmap, ax=axes)
    figure.canvas.draw()
    height = figure.canvas.get_width_height()[1]
    (x0, y0), (x1, y1) = axes.transData.transform([(0, 0), (SHAPE[1], SHAPE[0])])
    box = (round(height - max(y0, y1)), round(height - min(y0, y1)),
           round(min(x0, x1)), round(max(x0, x1)))  # fmt: skip
    return saved_rgb(figure, jpeg=quality is not None, dpi=100, quality=quality or 75), box


@pytest.mark.parametrize(("cmap", "name"), [(None, "seaborn:rocket"), ("coolwarm", "coolwarm")])
def test_digits_over_smooth_cells_are_flagged(cmap: str | None, name: str) -> None:
    # measured (before / now), digits flagged, %: rocket 22.3 / 98.4, coolwarm 91.5 / 98.0
    # (trial47/t34's: 28.5 / 98.9, 90.8 / 98.1)
    plain, box = _figure(cmap, False, None)
    drawn, _ = _figure(cmap, True, None)
    top, bottom, left, right = box
    moved = np.abs(drawn.astype(int) - plain.astype(int)).max(axis=-1)
    inside = np.zeros(moved.shape, dtype=bool)
    inside[top + 1 : bottom - 1, left + 1 : right - 1] = True
    digits = inside & (moved > 10)
    rows, cols = np.mgrid[0 : moved.shape[0], 0 : moved.shape[1]]
    cell_h, cell_w = (bottom - top) / SHAPE[0], (right - left) / SHAPE[1]
    from_edge_y = np.abs((rows - top + 0.5) / cell_h - np.round((rows - top + 0.5) / cell_h))
    from_edge_x = np.abs((cols - left + 0.5) / cell_w - np.round((cols - left + 0.5) / cell_w))
    edges = (from_edge_y * cell_h < 3) | (from_edge_x * cell_w < 3)
    data = inside & ~edges & ~ndimage.binary_dilation(moved > 0, iterations=3)
    picture, _ = _figure(cmap, True, 75)
    values = _smooth_data()
    holes = np.isnan(tp.decolorize(picture, cmap=name, vmin=values.min(), vmax=values.max()))
    assert holes[digits].mean() >= 0.95
    assert holes[data].mean() <= 0.002


def test_peak_share_against_numpy() -> None:
    rng = np.random.default_rng(3)
    pixels = rng.integers(0, 256, (40, 52, 3)).astype(np.uint8)
    pixels[:, 20:] = np.minimum(pixels[:, 20:].astype(int) // 8 + 120, 255)  # a flat-ish step
    for axis in (0, 1):
        for step in (1, 3):
            sample = pixels[::step] if axis == 1 else pixels[:, ::step].transpose(1, 0, 2)
            jumps = np.abs(np.diff(sample.astype(int), axis=1)).max(axis=-1)
            n = jumps.shape[1]
            reach = _flatcells.PEAK_REACH
            padded = np.pad(jumps, ((0, 0), (reach, reach)))
            others = np.max([padded[:, reach + o : reach + o + n]
                             for o in range(-reach, reach + 1) if o], axis=0)  # fmt: skip
            expected = ((jumps > others) & (jumps > _flatcells.PEAK_FLOOR)).mean(axis=0)
            assert np.array_equal(_flatcells.peak_share(pixels, axis, step), expected)


@pytest.mark.parametrize("name", ["camera", "astronaut"])
@pytest.mark.parametrize("cmap", ["viridis", "jet"])
def test_jpeg_blocks_of_a_photograph_are_no_flat_cells(name: str, cmap: str) -> None:
    # JPEG's 8x8 / 16x16 blocks stand as a grid of jump peaks at q50; their cells are
    # no flat cells: 6-77 % of them flat where a heatmap's are all
    picture = photo_jpeg(name, cmap, quality=50)
    assert _cellmarks.cell_marks(picture) is None

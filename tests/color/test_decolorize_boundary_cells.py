"""A BoundaryNorm heatmap on JPEG: a coarser grid than its cells is no grid of marks.

trial 56: ``pcolormesh(field, cmap="jet", norm=BoundaryNorm(range(11), 256,
extend="both"))`` of 32 x 48 cells (8 x 11 px), JPEG q75, decoded by name: 18 % of the
data NaN, and 0 % with the PNG cropped by a pixel first. Few levels leave many equal
neighbours, so half the cells' boundaries show no edge; ``_cellmarks`` read a grid of
16 x 24 (or 16 x 8) cells from the others, and took each coarse cell's other fine cells
-- flat blocks of another color -- for numbers written in it.
"""

from __future__ import annotations

import io

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

from tests.color._photographs import dem
import truepix as tp

matplotlib.use("Agg")


def _figure() -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """The figure's PNG pixels and its plot area (top, bottom, left, right) inside the frame."""
    levels = matplotlib.colors.BoundaryNorm(np.arange(11), 256, extend="both")
    field = dem(64, seed=6)[:32, :48] * 14 - 2  # (levels 0..10, and both extends)
    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
    mesh = ax.pcolormesh(field, cmap="jet", norm=levels)
    fig.colorbar(mesh, extend="both")
    fig.canvas.draw()
    box, height = ax.get_window_extent(), fig.canvas.get_width_height()[1]
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    area = (int(height - box.y1) + 3, int(height - box.y0) - 3, int(box.x0) + 3, int(box.x1) - 3)
    return np.asarray(Image.open(buffer).convert("RGB")), area


@pytest.mark.parametrize("shift", [0, 1, 2, 3])
def test_a_boundarynorm_heatmap_on_jpeg_keeps_its_cells(shift: int) -> None:
    png, (top, bottom, left, right) = _figure()
    buffer = io.BytesIO()
    Image.fromarray(png[shift:, shift:]).save(buffer, "JPEG", quality=75)
    picture = np.asarray(Image.open(buffer).convert("RGB"))
    values = tp.decolorize(picture, cmap="jet", vmin=0, vmax=10)
    area = values[top - shift : bottom - shift, left - shift : right - shift]
    assert np.isnan(area).mean() <= 0.002
    # each level's colour read within its own 1-wide band, but for the cells' blurred edges
    truth = tp.decolorize(png, cmap="jet", vmin=0, vmax=10)[top:bottom, left:right]
    truth = truth[shift:, shift:][: area.shape[0], : area.shape[1]]
    assert np.nanmedian(np.abs(area[: truth.shape[0], : truth.shape[1]] - truth)) <= 0.1

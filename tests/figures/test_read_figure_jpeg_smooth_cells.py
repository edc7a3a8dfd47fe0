"""read_figure on a JPEG'd imshow of many small cells of a smooth field.

Neighbouring cells of a smooth 40 x 50 field differ by a few DN, which
JPEG's noise (q90) buries in the summed color changes; the mean signed step
keeps them (the noise cancels), so the cells' lattice is seen. Either the
grid is recovered or the reading says that cells were seen and not
recovered: never one value per pixel at full confidence.
"""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import truepix as tp


@pytest.fixture(scope="module")
def smooth_cells_jpeg():
    field = np.add.outer(np.sin(np.linspace(0, 3, 40)), np.linspace(0, 1, 50)) * 4
    fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
    image = ax.imshow(field, cmap="viridis", vmin=-1, vmax=8, extent=(0, 50, 0, 40))
    fig.colorbar(image)
    png = io.BytesIO()
    fig.savefig(png, format="png", dpi=100)
    plt.close(fig)
    jpeg = io.BytesIO()
    Image.open(png).convert("RGB").save(jpeg, format="JPEG", quality=90)
    return tp.read_figure(jpeg.getvalue()).panels[0]


def test_cells_found_or_doubted(smooth_cells_jpeg):
    panel = smooth_cells_jpeg
    assert abs(panel.vmin + 1.0) <= 0.05 and abs(panel.vmax - 8.0) <= 0.05
    if panel.grid is None:
        assert "the plot shows cells" in panel.data.attrs["doubts"]
        assert panel.confidence < 0.9
    else:
        assert panel.grid == (40, 50)

"""matplotlib's annotated heatmap, JPEG'd: the values written in the cells are NaN, the
cells' pixels beside them that JPEG rang are data (``_cellmarks``: RIM_SHARE,
FRINGE_SHARE, RINGING_DN; issue 11).

The recipe of matplotlib's gallery: an 8x8 ``imshow(interpolation="nearest")`` with each
cell's value written in it, ``ax.text(j, i, f"{v:.2f}", ha="center", va="center",
color="k")``, 9 pt, savefig JPEG q75. Truth: the figure drawn again with ``gray`` and
blue text; data are the plot's pixels still gray there, the text those 60 DN or more
blue (benchmarks/decolorize_trial/annot11).
"""

from __future__ import annotations

import io

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import truepix as tp

matplotlib.use("Agg")


def _figure(cmap: str, ink: object, face: object, quality: int | None) -> tuple:
    """The annotated heatmap's pixels (PNG or JPEG ``quality``) and its plot area."""
    values = np.random.default_rng(56).uniform(size=(8, 8))
    figure, axes = plt.subplots(figsize=(6, 5), dpi=100)
    if face is not None:
        axes.set_facecolor(face)
    image = axes.imshow(values, interpolation="nearest", cmap=cmap)
    figure.colorbar(image)
    for i in range(8):
        for j in range(8):
            axes.text(j, i, f"{values[i, j]:.2f}", ha="center", va="center", color=ink,
                      fontsize=9)  # fmt: skip
    figure.canvas.draw()
    box, height = axes.get_window_extent(), figure.canvas.get_width_height()[1]
    area = np.s_[int(height - box.y1) + 2 : int(height - box.y0) - 2,
                 int(box.x0) + 2 : int(box.x1) - 2]  # fmt: skip
    buffer = io.BytesIO()
    kwargs = {} if quality is None else {"pil_kwargs": {"quality": quality}}
    figure.savefig(buffer, format="png" if quality is None else "jpeg", dpi=100, **kwargs)
    plt.close(figure)
    return np.asarray(Image.open(buffer).convert("RGB")), area


@pytest.mark.parametrize("cmap", ["viridis", "jet"])
def test_annotated_cells_ringing_is_data(cmap: str) -> None:
    gray, area = _figure(matplotlib.colormaps["gray"], (0, 0, 1), (1, 0, 0), None)
    gray = gray[area].astype(np.int16)
    data = (np.abs(np.diff(gray, axis=-1)) <= 1).all(axis=-1)
    text = gray[..., 2] - gray[..., :2].max(axis=-1) > 60
    picture, _ = _figure(cmap, "k", None, 75)
    holes = np.isnan(tp.decolorize(picture, cmap=cmap, vmin=0.0, vmax=1.0)[area])
    # measured, data NaN / text flagged, %: viridis 3.24 / 99.8 -> 1.27 / 99.2, jet
    # 5.85 / 99.3 -> 1.61 / 98.9 (annot11's probe; the text's ringing on both sides of
    # the cells' color was flagged with it)
    assert holes[data].mean() <= 0.02
    assert holes[text].mean() >= 0.97

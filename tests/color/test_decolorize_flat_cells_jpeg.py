"""Big flat cells JPEG'd at high quality: an 8x8 ``imshow(interpolation="nearest")``.

A figure of a few big cells, saved by ``savefig`` as JPEG at q90-q98, keeps its luma,
and 4:2:0's model of jet's chroma fits its sharp cell edges worse than the map's own:
none of JPEG's usual marks showed, and the edges' chroma, smeared 1-3 px, came back as
holes (2.1-2.3 % of the cells' pixels, trial 56). JPEG moves the flat cells' blocks off
the table; exact renders and resampled ones keep them on it (``_plan.FLAT_CELLS_OFF``).
"""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image
from scipy.spatial import cKDTree

from truepix import Decolorizer


def _cells(cmap: str, n: int, quality: int | None) -> tuple[np.ndarray, np.ndarray]:
    """The axes area (2 px in) of an n x n nearest imshow with a colorbar, saved as
    JPEG at ``quality`` (PNG for None), and each pixel's true value: its bin centre
    in the same figure drawn with ``gray`` and saved as PNG."""
    import matplotlib.pyplot as plt

    matplotlib.use("Agg")
    data = np.random.default_rng(56).uniform(size=(n, n))
    pictures = []
    for name, fmt, options in [
        (cmap, "png" if quality is None else "jpg", {"pil_kwargs": {"quality": quality}}),
        ("gray", "png", {}),
    ]:
        fig, ax = plt.subplots(figsize=(6, 5))
        image = ax.imshow(data, interpolation="nearest", cmap=name, vmin=0.0, vmax=1.0)
        fig.colorbar(image)
        fig.canvas.draw()
        box = ax.get_window_extent()
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, **(options if fmt == "jpg" else {}))
        plt.close(fig)
        picture = np.asarray(Image.open(buffer).convert("RGB"))
        height = picture.shape[0]
        rows = slice(height - int(box.y1) + 2, height - int(box.y0) - 2)
        pictures.append(picture[rows, int(box.x0) + 2 : int(box.x1) - 2])
    return pictures[0], (pictures[1][..., 0] + 0.5) / 256


def _tree_error(picture: np.ndarray, cmap: str, truth: np.ndarray) -> float:
    """The nearest table color's bin centre (a k-d tree over the table's bytes)."""
    table = matplotlib.colormaps[cmap](np.linspace(0, 1, 256), bytes=True)[:, :3]
    _, index = cKDTree(table.astype(float)).query(picture.reshape(-1, 3).astype(float))
    return float(np.abs((index + 0.5) / 256 - truth.ravel()).mean())


@pytest.mark.parametrize(
    "cmap, n, quality", [("jet", 8, 90), ("jet", 8, 95), ("jet", 8, 98), ("turbo", 16, 98)]
)
def test_high_quality_jpeg_of_big_cells_keeps_every_cell_pixel(
    cmap: str, n: int, quality: int
) -> None:
    picture, truth = _cells(cmap, n, quality)
    result = Decolorizer(cmap, vmin=0.0, vmax=1.0).decode(picture)
    assert result.jpeg
    holes = np.isnan(result.values)
    assert holes.mean() <= 0.002
    error = np.where(holes, 1.0, np.abs(result.values - truth)).mean()
    assert error <= _tree_error(picture, cmap, truth)


@pytest.mark.parametrize("cmap", ["jet", "turbo"])
def test_the_same_cells_exact_or_resized_are_no_jpeg(cmap: str) -> None:
    import cv2

    picture, truth = _cells(cmap, 8, None)
    exact = Decolorizer(cmap, vmin=0.0, vmax=1.0).decode(picture)
    assert not exact.jpeg
    # each cell's color is its table entry: the value is in its bin
    assert np.abs(exact.values - truth).max() <= 1.5 / 256
    resized = cv2.resize(picture, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    assert not Decolorizer(cmap, vmin=0.0, vmax=1.0).decode(resized).jpeg

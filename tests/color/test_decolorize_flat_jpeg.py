"""Flat colour bands JPEG'd: a ``contourf`` figure saved by ``savefig`` as JPEG.

Its bands are table colors, so most of the picture decodes with no residual (noise
0) -- the mark JPEG's other tests look for. Only the ringing at the bands' edges
is off the map; taken for an exact picture's strokes it was 0.4-0.6 % holes on jet at
150-200 dpi (trial 16's F6). The same figure resized by OpenCV is no JPEG: its
edges' blends are judged as blends.
"""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

from truepix import Decolorizer


def _contourf(cmap: str, dpi: int, fmt: str) -> np.ndarray:
    """The axes area of a contourf figure (10 levels) saved by savefig."""
    import matplotlib.pyplot as plt

    matplotlib.use("Agg")
    y, x = np.mgrid[0:64, 0:64] / 64
    field = np.sin(3 * x + 1) * np.cos(2 * y) + 0.5 * np.exp(
        -((x - 0.6) ** 2 + (y - 0.4) ** 2) / 0.05
    )
    fig = plt.figure(figsize=(5, 4), dpi=dpi)
    ax = fig.add_axes((0.12, 0.1, 0.7, 0.8))
    ax.contourf(field, levels=10, cmap=cmap)
    ax.set_axis_off()
    fig.canvas.draw()
    box = ax.get_window_extent()
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=dpi)
    plt.close(fig)
    picture = np.asarray(Image.open(buffer).convert("RGB"))
    height = picture.shape[0]
    return picture[
        height - int(box.y1) + 2 : height - int(box.y0) - 2, int(box.x0) + 2 : int(box.x1) - 2
    ]


@pytest.mark.parametrize("dpi", [150, 200])
def test_jpegd_contourf_bands_keep_their_pixels(dpi: int) -> None:
    picture = _contourf("jet", dpi, "jpg")
    result = Decolorizer("jet", vmin=0.0, vmax=1.0).decode(picture)
    assert result.jpeg
    assert np.isnan(result.values).mean() <= 0.002


@pytest.mark.parametrize("factor", [0.5, 2.0])
def test_resized_contourf_bands_are_no_jpeg(factor: float) -> None:
    import cv2

    picture = _contourf("jet", 150, "png")
    how = cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC
    resized = cv2.resize(picture, None, fx=factor, fy=factor, interpolation=how)
    result = Decolorizer("jet", vmin=0.0, vmax=1.0).decode(resized)
    assert not result.jpeg
    assert np.isnan(result.values).mean() <= 0.002

"""Whole matplotlib figures saved as PNG are no JPEG (``_fills.RUNG_SHARE``).

A figure's plot area is a resampled image (imshow) or flat cells (pcolormesh,
contourf) beside a colorbar, axes, ticks and text on white. Its residual's few far
steps along rows can fall on one column phase and read as JPEG's 8x8 grid: trial 44's
640 x 480 imshow of a terrain field in viridis with its colorbar, no JPEG anywhere,
was judged JPEG (block score 1.084 > 1.08) and its off-map pixels judged against
JPEG's model. Its white margin tells: a lossless one holds no JPEG ringing (pixels
off white away from the ink). The same figures JPEG'd by Pillow stay JPEG, and the
plot area decodes at the floor of the 8-bit truth (the same figure drawn in gray).
"""

from __future__ import annotations

import functools
import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

from tests.color._photographs import pillow_jpeg
from truepix import Decolorizer

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def _terrain(n: int = 256) -> np.ndarray:
    """trial 44's terrain field (fBm, spectrum k^-3.2), over [0, 1]."""
    rng = np.random.default_rng(41)
    k = np.fft.fftfreq(n)[:, None] ** 2 + np.fft.fftfreq(n)[None, :] ** 2
    k[0, 0] = 1
    spectrum = (rng.normal(size=(n, n)) + 1j * rng.normal(size=(n, n))) / k**1.6
    t = np.real(np.fft.ifft2(spectrum))
    return ((t - t.min()) / np.ptp(t)) ** 1.5


@functools.cache
def _figure(kind: str, cmap: str, dpi: int) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """A 6.4 x 4.8 in figure of the field (``kind``), colorbar, title, label, savefig PNG
    at ``dpi``; the plot area's rows and columns, 3 pixels inside the axes."""
    field = _terrain()
    fig = plt.figure(figsize=(6.4, 4.8), dpi=dpi)
    ax = fig.add_subplot()
    if kind == "imshow":
        drawn = ax.imshow(field, cmap=cmap, vmin=0, vmax=1)
    elif kind == "pcolormesh":
        drawn = ax.pcolormesh(field[::8, ::8], cmap=cmap, vmin=0, vmax=1)
    else:
        drawn = ax.contourf(field, levels=np.linspace(0, 1, 12), cmap=cmap, vmin=0, vmax=1)
    fig.colorbar(drawn)
    ax.set_title("field")
    ax.set_xlabel("x [px]")
    fig.canvas.draw()
    box = ax.get_window_extent()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    plt.close(fig)
    picture = np.asarray(Image.open(buffer).convert("RGB"))
    height = picture.shape[0]
    area = (int(height - box.y1) + 3, int(height - box.y0) - 3, int(box.x0) + 3, int(box.x1) - 3)
    return picture, area


_FIGURES = [
    ("imshow", "viridis", 100), ("imshow", "jet", 100), ("imshow", "RdBu_r", 72),
    ("pcolormesh", "magma", 100), ("contourf", "viridis", 100),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "cmap", "dpi"), _FIGURES)
def test_figure_png_is_no_jpeg_and_its_jpeg_is(kind: str, cmap: str, dpi: int) -> None:
    picture, _ = _figure(kind, cmap, dpi)
    decoder = Decolorizer(cmap, vmin=0, vmax=1)
    assert not decoder.decode(picture).jpeg
    for quality in (75, 90):
        assert decoder.decode(pillow_jpeg(picture, quality)).jpeg, f"q{quality}"


@pytest.mark.parametrize(("kind", "cmap", "dpi"), _FIGURES[:2] + _FIGURES[3:])
def test_figure_png_plot_area_at_the_floor(kind: str, cmap: str, dpi: int) -> None:
    picture, (y0, y1, x0, x1) = _figure(kind, cmap, dpi)
    gray, _ = _figure(kind, "gray", dpi)
    truth = gray[y0:y1, x0:x1, 0] / 255.0  # (the same pipeline: its resampling in the truth)
    values = Decolorizer(cmap, vmin=0, vmax=1).decode(picture).values
    error = np.abs(values[y0:y1, x0:x1] - truth)
    assert np.isnan(error).mean() < 0.001
    # 8-bit truth and the map's 256 colors: a byte each (0.2 %; imshow's resampling
    # of the colors and of the gray differ by about that much more)
    assert np.nanmean(error) < 0.003
    # the white margin, the text, the axes: no data
    margin = np.ones(picture.shape[:2], dtype=bool)
    margin[y0 - 8 : y1 + 8, x0 - 8 :] = False  # (the plot area, the colorbar right of it)
    assert np.isnan(values[margin]).mean() > 0.99


@pytest.mark.parametrize("cmap", ["magma", "viridis", "jet"])
@pytest.mark.parametrize("quality", [75, 90])
def test_jpeg_with_a_margin_along_its_blocks_is_jpeg(cmap: str, quality: int) -> None:
    """A white margin whose edge runs along JPEG's 8x8 (and 16x16 chroma) grid rings
    nowhere: it says nothing, and the picture's own marks judge it (it was taken for a
    lossless figure, and magenta strokes over magma went 61 -> 7 % flagged)."""
    data = _terrain(256)[:, :240]
    drawn = np.asarray(matplotlib.colormaps[cmap](data, bytes=True)[..., :3]).copy()
    drawn[:, :16] = 255
    drawn[:, -16:] = 255
    picture = pillow_jpeg(drawn, quality)
    assert Decolorizer(cmap, vmin=0, vmax=1).decode(picture).jpeg
    assert not Decolorizer(cmap, vmin=0, vmax=1).decode(drawn).jpeg

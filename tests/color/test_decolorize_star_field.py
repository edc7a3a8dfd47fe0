"""A JPEG'd star field: stars of similar flux are no stroke's ink.

A simulated CCD frame (sky 100 +- 5 counts, 150 Gaussian stars of sigma 1.8 px with
power-law fluxes, a galaxy), shown as astronomers do -- a square-root stretch of its
99 % interval (matplotlib's ``PowerNorm(0.5)``, as astropy's ``SqrtStretch``), imshow with
inferno, a colorbar, savefig JPEG q75 (trial 50, t80). Many stars share a flux, so their
peaks stand out of the sky around toward one position as a stroke's ink does, and
``_jumps.jump_strokes`` took them for one: 3 % of the plot area NaN, 2.6x the
nearest-color k-d tree's error. Their cores are discs, not curves
(``_jumps.JUMP_CURVE_ELONGATION``).
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import PowerNorm  # noqa: E402
from PIL import Image  # noqa: E402

from truepix import decolorize  # noqa: E402


def _frame(size: int = 400) -> np.ndarray:
    rng = np.random.default_rng(7)
    y, x = np.mgrid[0:size, 0:size]
    frame = 100 + rng.normal(0, 5, (size, size))
    sx, sy = rng.uniform(5, size - 5, 150), rng.uniform(5, size - 5, 150)
    flux = 50 * (rng.pareto(1.5, 150) + 1)
    for a, b, f in zip(sx, sy, flux, strict=True):
        frame += f * np.exp(-((x - a) ** 2 + (y - b) ** 2) / (2 * 1.8**2))
    r = np.hypot(x - 0.55 * size, (y - 0.45 * size) / 0.6)
    return frame + 400 * np.exp(-((r / 30) ** 0.6))


def _figure(frame: np.ndarray, norm: PowerNorm, cmap: str, fmt: str) -> tuple[np.ndarray, tuple]:
    """The figure saved as ``fmt`` (dpi 100, JPEG q75) and its plot area's inside."""
    figure, axes = plt.subplots()
    image = axes.imshow(frame, cmap=cmap, norm=norm, origin="lower")
    figure.colorbar(image, ax=axes)
    buffer = io.BytesIO()
    options = {"pil_kwargs": {"quality": 75}} if fmt == "jpg" else {}
    figure.savefig(buffer, format=fmt, dpi=100, **options)
    figure.canvas.draw()
    box = axes.get_window_extent()
    plt.close(figure)
    picture = np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))
    height = picture.shape[0]
    inside = (
        slice(int(np.ceil(height - box.y1)) + 3, int(np.floor(height - box.y0)) - 3),
        slice(int(np.ceil(box.x0)) + 3, int(np.floor(box.x1)) - 3),
    )
    return picture, inside


#: main before: inferno JPEG q75 2.99 % of the plot area NaN
@pytest.mark.parametrize("cmap", ["inferno", "magma"])
@pytest.mark.parametrize("fmt", ["png", "jpg"])
def test_star_field_keeps_its_stars(cmap, fmt):
    frame = _frame()
    low, high = np.percentile(frame, [0.5, 99.5])
    norm = PowerNorm(0.5, vmin=low, vmax=high, clip=True)
    picture, inside = _figure(frame, norm, cmap, fmt)
    values = decolorize(picture, cmap=cmap, norm=norm)
    assert np.isnan(values[inside]).mean() <= 0.002

"""Gray contours over a DEM, JPEG'd: no resized picture (``_stroked``).

matplotlib's sample DEM drawn by ``imshow``, ``contour(colors="0.4", linewidths=0.8)``
lines, gray text and a line over it (the new-user trial's figure, trial 45's t02), saved by
``savefig`` as PNG and JPEG'd by Pillow at q75. The strokes' fringes lie between their ink
and the field, so ``_edges.resized_blends`` took the picture for one resized before it was
JPEG'd and made every stroke's core a blend: 0 % flagged on magma, 4.5 % on jet. Candidates
near a stroke's long core (``_stroked.long_cores``) count no more toward that share. The
stroke pixels are those the annotation changes by more than 40 DN (the same figure drawn
without it); the figure without it keeps every pixel.
"""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image
from scipy import ndimage

from truepix import Decolorizer
from truepix.color._decolorize._plan import MAX_THRESHOLD
from truepix.color._decolorize._stroked import STROKE_CORE_PIXELS, long_cores

matplotlib.use("Agg")


def _dem() -> np.ndarray:
    """matplotlib's sample DEM (Jacksboro fault) in [0, 1] (0.5-99.5 percentiles), its
    middle up to 384 px square."""
    from matplotlib.cbook import get_sample_data

    elevation = np.asarray(get_sample_data("jacksboro_fault_dem.npz")["elevation"], float)
    low, high = np.percentile(elevation, [0.5, 99.5])
    field = np.clip((elevation - low) / (high - low), 0.0, 1.0)
    top, left = max(0, (field.shape[0] - 384) // 2), max(0, (field.shape[1] - 384) // 2)
    return field[top : top + 384, left : left + 384]


def _png(field: np.ndarray, cmap: str, annotated: bool) -> np.ndarray:
    """The figure (imshow filling it, the trial's gray annotations), savefig PNG, RGB."""
    import matplotlib.pyplot as plt

    height, width = field.shape
    figure = plt.figure(figsize=(width / 100, height / 100), dpi=100)
    axes = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    axes.set_axis_off()
    axes.imshow(field, cmap=cmap, vmin=0.0, vmax=1.0, interpolation="nearest", aspect="auto")
    if annotated:
        axes.text(20, 60, "t = 3.5 s", color="0.5", fontsize=16)
        axes.plot([10, width - 10], [height * 0.5, height * 0.6], color="0.5", lw=1)
        axes.contour(field, levels=[0.3, 0.7], colors="0.4", linewidths=0.8)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    plt.close(figure)
    return np.asarray(Image.open(buffer).convert("RGB"))


def _jpeg(rgb: np.ndarray) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, "JPEG", quality=75)
    return np.asarray(Image.open(buffer).convert("RGB"))


@pytest.mark.parametrize(("cmap", "least"), [("magma", 65.0), ("jet", 80.0)])
def test_jpeg_gray_contours_are_no_resized_picture(cmap: str, least: float) -> None:
    field = _dem()
    drawn, clean = _png(field, cmap, True), _png(field, cmap, False)
    strokes = np.abs(drawn.astype(int) - clean.astype(int)).max(axis=-1) > 40
    decoder = Decolorizer(cmap, vmin=0.0, vmax=1.0)
    flagged = 100 * float(np.isnan(decoder.values(_jpeg(drawn)))[strokes].mean())
    assert flagged >= least, f"expected >= {least} % of stroke pixels flagged, got {flagged:.1f} %"
    holes = 100 * float(np.isnan(decoder.values(_jpeg(clean))).mean())
    assert holes <= 0.2, f"expected <= 0.2 % NaN on the all-data figure, got {holes:.3f} %"


def test_long_cores_are_the_large_groups_past_the_cap() -> None:
    rng = np.random.default_rng(7)
    height, width = 48, 64
    residual = rng.uniform(0.0, 30.0, (height, width))
    residual[10, 5:60] = 55.0  # a line: one long core
    residual[30:33, 20:23] = 70.0  # a speck of 9
    residual[40, ::3] = 90.0  # lone pixels
    residual = residual.ravel()
    candidates = np.flatnonzero(residual > 20.0)
    labels, count = ndimage.label((residual > MAX_THRESHOLD).reshape(height, width),
                                  structure=np.ones((3, 3)))  # fmt: skip
    sizes = np.bincount(labels.ravel(), minlength=count + 1)
    expected = (labels.ravel() > 0) & (sizes[labels.ravel()] >= STROKE_CORE_PIXELS)
    np.testing.assert_array_equal(long_cores(candidates, residual, width), expected[candidates])

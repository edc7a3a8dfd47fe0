"""See-through patches over a map, saved as JPEG (``_overlays``).

A smooth field shown by ``imshow`` in a figure with a white margin, with a patch drawn
at alpha over part of it -- ``Rectangle(facecolor="white", alpha=0.5)``,
``axvspan(color="0.5", alpha=0.3)`` -- saved by ``savefig`` as JPEG q75 (Pillow, 4:2:0).
The patch's pixels are those it changes by more than 10 DN (the same figure saved as
PNG without it gives it). Over coolwarm a white blend lands near coolwarm's own light
middle colors: before, none of the box came back NaN and all of it was answered 5-40 %
of the range off (trial 47's t23). The figure without a patch, and with only text and
lines over it, gets no holes 3 px or more from what was drawn.
"""

from __future__ import annotations

import functools
import warnings

import matplotlib
import numpy as np
import pytest
from scipy.ndimage import binary_dilation

from tests.color._annotate import bumps
from tests.color._photographs import saved_rgb
from truepix.color._decolorize._api import decolorize
from truepix.color._decolorize._overlays import overlay_blends
from truepix.errors import OffMapWarning

matplotlib.use("Agg")


def _field() -> np.ndarray:
    return bumps(100, 130, top=0.8)


def _figure(name: str, patch: str, jpeg: bool) -> np.ndarray:
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    figure = plt.figure(figsize=(4, 3), dpi=100)
    axes = figure.add_axes((0.05, 0.05, 0.9, 0.9))
    axes.set_axis_off()
    axes.imshow(_field(), cmap=name, vmin=0, vmax=1, interpolation="nearest", aspect="auto")
    if patch == "white box":
        axes.add_patch(Rectangle((15, 15), 45, 30, facecolor="white", alpha=0.5))
    elif patch == "gray span":
        axes.axvspan(50, 80, color="0.5", alpha=0.3)
    elif patch == "marks":
        axes.text(10, 80, "Region B: 12.5 km", fontsize=11, color="k")
        axes.contour(_field(), levels=[0.3, 0.7], colors="0.3", linewidths=0.8)
    return saved_rgb(figure, jpeg=jpeg, dpi=100)


@functools.cache
def _pictures(name: str, patch: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(the figure JPEG'd, the patch's pixels, pixels 3 px or more from anything drawn)."""
    drawn = _figure(name, patch, jpeg=True)
    changed = np.abs(_figure(name, patch, jpeg=False).astype(int) - _figure(name, "", False))
    changed = changed.max(axis=-1)
    return drawn, changed > 10, ~binary_dilation(changed > 0, iterations=3)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "patch"),
    [("coolwarm", "white box"), ("jet", "white box"), ("viridis", "gray span"),
     ("coolwarm", "gray span")],
)  # fmt: skip
def test_a_see_through_patch_on_jpeg_is_flagged(name: str, patch: str) -> None:
    drawn, covered, far = _pictures(name, patch)
    assert covered.sum() > 2000  # (the patch is there)
    with warnings.catch_warnings():  # (a span over a quarter of it: its NaN are said)
        warnings.simplefilter("ignore", OffMapWarning)
        lost = np.isnan(decolorize(drawn, cmap=name, vmin=0, vmax=1))
    assert lost[covered].mean() >= 0.9
    inside = far.copy()
    inside[:20], inside[-20:], inside[:, :25], inside[:, -25:] = False, False, False, False
    assert lost[inside].mean() <= 0.002


@pytest.mark.slow
@pytest.mark.parametrize("name", ["viridis", "coolwarm", "magma"])
@pytest.mark.parametrize("patch", ["", "marks"])
def test_a_figure_without_a_patch_keeps_its_data(name: str, patch: str) -> None:
    drawn, _, far = _pictures(name, patch)
    lost = np.isnan(decolorize(drawn, cmap=name, vmin=0, vmax=1))
    inside = far.copy()
    inside[:20], inside[-20:], inside[:, :25], inside[:, -25:] = False, False, False, False
    assert lost[inside].mean() <= 0.002


def test_one_blend_is_read_from_its_edge_pairs() -> None:
    # pairs of a data color and its blend at a = 0.6 over (200, 200, 200), with noise,
    # among as many pairs of unrelated colors
    rng = np.random.default_rng(0)
    data = rng.uniform(0, 255, (400, 3))
    blend = 0.6 * data + 0.4 * 200.0 + rng.normal(0, 2, (400, 3))
    other = rng.uniform(0, 255, (400, 3)), rng.uniform(0, 255, (400, 3))
    pairs = np.concatenate([data, other[0]]), np.concatenate([blend, other[1]])
    models = overlay_blends(*pairs, 8.0)
    assert models
    a, b, inliers = models[0]
    assert abs(a - 0.6) < 0.02
    assert np.allclose(b / (1 - a), 200.0, atol=4.0)
    assert inliers[:400].mean() > 0.95 and inliers[400:].mean() < 0.05

"""A confidence honest both ways: high on right readings, low on wrong ones.

Each figure here was read right at a confidence that said otherwise (or read
wrong), in a new user's trial: a doubt that fires on right readings teaches
users to ignore it. The other side of the rule -- a range given with
confidence >= 0.9 is within 0.5% of the span -- is checked on every figure.
"""

from __future__ import annotations

import io

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib import colors as mcolors
from PIL import Image

import truepix as tp
from tests.figures.conftest import jpeg_of, save, smooth_field


def _right_and_confident(panel, vmin: float, vmax: float) -> None:
    share = max(abs(panel.vmin - vmin), abs(panel.vmax - vmax)) / (vmax - vmin)
    assert share <= 0.005, (panel.vmin, panel.vmax)
    assert panel.confidence >= 0.9, panel.data.attrs["doubts"]


def _bump_field() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x, y = np.linspace(-3, 3, 300), np.linspace(-2, 2, 200)
    xx, yy = np.meshgrid(x, y)
    bumps = np.exp(-((xx - 0.5) ** 2) - yy**2) + 0.5 * np.exp(-((xx + 1.5) ** 2) - (yy - 1) ** 2)
    return x, y, (-20 + 40 * bumps / 1.5) * 1.2 - 4


def test_extended_contourf_in_a_jpeg_reads_its_under_color_as_past_the_low_end():
    # the under color (the map's end) lies within JPEG's noise of the first step's:
    # it was decoded as that step, and the bar's map came back "custom"
    x, y, field = _bump_field()
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
    filled = ax.contourf(x, y, field, levels=np.linspace(-20, 20, 9), cmap="RdYlBu_r", extend="both")
    bar = fig.colorbar(filled)
    panel = tp.read_figure(jpeg_of(save(fig, [ax], [bar]).png)).panels[0]
    assert panel.cmap == "RdYlBu_r"
    _right_and_confident(panel, -20.0, 20.0)
    under = float(np.mean(field < -20))
    assert abs(panel.data.attrs["under"] - under) < 0.03, (panel.data.attrs["under"], under)
    values = panel.pixel_values
    assert np.isnan(values).mean() < 0.03
    assert np.nanmean(values == -20.0) > under - 0.03  # the under color's pixels are at vmin, not step 1's -17.5


@pytest.mark.parametrize(
    ("draw", "name"),
    [
        (lambda ax, z: ax.contourf(z, levels=7, cmap="viridis"), "viridis"),
        (lambda ax, z: ax.contourf(z, levels=np.linspace(-1, 1, 6), cmap="coolwarm_r", extend="both"), "coolwarm_r"),
        (lambda ax, z: ax.imshow(z, cmap=matplotlib.colormaps["Blues"].resampled(6)), "Blues"),
        (
            lambda ax, z: ax.pcolormesh(z, cmap="plasma", norm=mcolors.BoundaryNorm([-1, -0.5, 0, 0.2, 0.6, 1], 256)),
            "plasma",
        ),
    ],
)
def test_a_stepped_bar_names_the_map_its_steps_were_taken_from(draw, name):
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
    bar = fig.colorbar(draw(ax, smooth_field(40, 60, 3)))
    made = save(fig, [ax], [bar])
    for picture in (made.png, jpeg_of(made.png)):
        assert tp.read_figure(picture).panels[0].cmap == name


@pytest.mark.parametrize("orientation", ["vertical", "horizontal"])
def test_an_extend_triangle_is_not_an_unread_offset(orientation):
    # the triangle's outline, read as text ("1^A"), stood where an offset goes
    field = 10 ** (smooth_field(40, 60, 4) * 2.5 + 0.5)
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
    image = ax.imshow(field, norm=mcolors.LogNorm(0.01, 1000))
    bar = fig.colorbar(image, extend="both", orientation=orientation)
    panel = tp.read_figure(save(fig, [ax], [bar]).png).panels[0]
    assert "offset" not in panel.data.attrs["doubts"]
    assert panel.norm == "log"
    assert abs(np.log10(panel.vmin) + 2) <= 0.025 and abs(np.log10(panel.vmax) - 3) <= 0.025
    assert panel.confidence >= 0.9, panel.data.attrs["doubts"]


def test_an_offset_past_an_extend_triangle_is_still_read():
    field = (smooth_field(30, 40, 5) + 1) * 1.5e-6
    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    bar = fig.colorbar(ax.imshow(field, vmin=0, vmax=3e-6), extend="both")
    panel = tp.read_figure(save(fig, [ax], [bar]).png).panels[0]
    assert abs(panel.vmin) <= 0.005 * 3e-6 and abs(panel.vmax - 3e-6) <= 0.005 * 3e-6


def test_a_title_above_a_bar_is_not_an_unread_offset():
    # plotnine draws its legend title there; users set one with cbar.ax.set_title
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
    bar = fig.colorbar(ax.imshow(smooth_field(40, 60, 6) * 50 + 50, vmin=0, vmax=100))
    bar.ax.set_title("z (%)")
    panel = tp.read_figure(save(fig, [ax], [bar]).png).panels[0]
    assert "offset" not in panel.data.attrs["doubts"]
    _right_and_confident(panel, 0.0, 100.0)


@pytest.mark.parametrize(("shrink", "vmin", "vmax"), [(0.6, 10.0, 80.0), (0.45, 4.0, 18.0), (0.5, -1.3, 2.9)])
def test_an_exact_bar_whose_ends_no_label_states_is_read_with_confidence(shrink, vmin, vmax):
    # ends between ticks are placed by the bar's pixels: in an exact picture to its last row
    field = smooth_field(40, 60, 7) * (vmax - vmin) / 2 + (vmax + vmin) / 2
    fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
    bar = fig.colorbar(ax.pcolormesh(field, cmap="cividis", vmin=vmin, vmax=vmax), shrink=shrink)
    made = save(fig, [ax], [bar])
    panel = tp.read_figure(made.png).panels[0]
    _right_and_confident(panel, vmin, vmax)
    # the same bar resampled (a screenshot at another zoom) is placed no better than a pixel or two
    image = Image.open(io.BytesIO(made.png)).convert("RGB")
    image = image.resize((round(image.width * 0.8), round(image.height * 0.8)), Image.BICUBIC)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    shot = tp.read_figure(buffer.getvalue()).panels[0]
    share = max(abs(shot.vmin - vmin), abs(shot.vmax - vmax)) / (vmax - vmin)
    assert shot.confidence < 0.9 or share <= 0.005, (shot.confidence, share)


@pytest.mark.parametrize(("alpha", "cmap"), [(0.6, "viridis"), (0.4, "magma"), (0.75, "RdBu_r")])
def test_a_plot_drawn_with_alpha_beside_an_opaque_bar_is_decoded(alpha, cmap):
    field = smooth_field(40, 60, 2)
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
    image = ax.imshow(field, vmin=-1, vmax=1, cmap=cmap)
    bar = fig.colorbar(image)
    image.set_alpha(alpha)  # after the bar: the plot is blended over white, the bar is not
    panel = tp.read_figure(save(fig, [ax], [bar]).png).panels[0]
    assert panel.grid == field.shape
    values = panel.data.values
    assert np.isnan(values).mean() < 0.01
    error = np.abs(values - field)
    # the blend keeps a share alpha of the map's steps: about 1/alpha bins of 2/256
    assert float(np.median(error)) <= 2.0 / 256 / alpha + 0.004, float(np.median(error))
    assert float(error.max()) <= panel.data.attrs["max_error"], (float(error.max()), panel.data.attrs["max_error"])
    assert f"alpha {alpha:.2f}" in panel.cmap
    _right_and_confident(panel, -1.0, 1.0)

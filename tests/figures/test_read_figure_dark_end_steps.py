"""A JPEG'd contourf bar of a dark-ended map keeps its darkest step.

magma's and inferno's darkest contourf steps are 10-37 DN from black: in a
JPEG at 160-200 dpi the noise-tolerant search chained them with the bar's
black outline and stopped a step short. The bar was read with 7 of 8 (9 of
10) steps, no catalog map matched, it was decoded by its own colors: the
plot's darkest band NaN (6-8 % of the plot) and, with 12 levels, vmin -0.8
for -1.0 at confidence 1.0 (trial57).
"""

from __future__ import annotations

import io

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import truepix as tp

_RED = (1.0, 0.0, 0.0)


def _contourf(cmap, levels: int, face=None):
    x, y = np.meshgrid(np.linspace(0, np.pi, 200), np.linspace(0, np.pi, 150))
    fig, ax = plt.subplots(figsize=(3, 2.25))
    if face is not None:
        ax.set_facecolor(face)
    fig.colorbar(ax.contourf(x, y, np.sin(2 * x) * np.cos(3 * y), levels=levels, cmap=cmap))
    return fig


def _picture(fig, **kwargs) -> np.ndarray:
    out = io.BytesIO()
    fig.savefig(out, dpi=160, **kwargs)
    plt.close(fig)
    return np.asarray(Image.open(out).convert("RGB"))


@pytest.mark.parametrize(("cmap", "levels"), [("magma", 8), ("inferno", 8), ("magma", 12), ("inferno", 12)])
def test_dark_end_step_of_a_jpeg_contourf_bar_is_read(cmap, levels):
    picture = _picture(_contourf(cmap, levels), format="jpeg", pil_kwargs={"quality": 75})
    # the truth: the same figure drawn in gray on red (a band's gray is its place along the map)
    gray = matplotlib.colormaps["gray"].with_extremes(bad=_RED, under=_RED, over=_RED)
    redraw = _picture(_contourf(gray, levels, _RED), format="png").astype(np.int16)
    is_gray = (np.abs(redraw[..., 0] - redraw[..., 1]) <= 1) & (np.abs(redraw[..., 1] - redraw[..., 2]) <= 1)
    panel = tp.read_figure(picture).panels[0]
    steps = {8: 8, 12: 10}[levels]  # matplotlib's nice levels: -1..1 by 0.25, by 0.2
    assert panel.colorbar is not None and len(panel.colorbar.colors) == steps
    assert panel.data.attrs["cmap"] == cmap
    assert panel.data.attrs["vmin"] == pytest.approx(-1.0, abs=0.01)
    assert panel.data.attrs["vmax"] == pytest.approx(1.0, abs=0.01)
    top, bottom, left, right = panel.interior
    inside = is_gray[top:bottom, left:right]
    truth = (redraw[top:bottom, left:right, 0] + 0.5) / 256
    read = (np.asarray(panel.pixel_values) + 1.0) / 2.0
    assert np.mean(np.isnan(read[inside])) < 0.005  # was 6-8 %: the darkest band
    assert np.nanmean(np.abs(read[inside] - truth[inside])) < 0.01


def test_a_dark_step_past_the_box_is_no_outline():
    # 20 levels at 200 dpi q75-90: the box left magma's darkest steps (2-13 DN from black)
    # out, and the check past its end took them for the outline: vmin -0.8/-0.9 for -1 at conf 1.0
    from truepix.color._identify._bar import Colorbar
    from truepix.figures._checks import truncated_ends

    steps = np.array([[2, 2, 13], [30, 17, 71], [90, 22, 126], [150, 44, 128], [213, 68, 109], [252, 242, 180]], np.uint8)
    rgb = np.full((200, 40, 3), 255, np.uint8)
    rgb[8:192, 10:30] = 0  # the outline, 2 px
    rgb[10:190, 12:28] = np.repeat(steps[::-1], 30, axis=0)[:, None]
    colors, edges = steps[1:], np.linspace(0.0, 1.0, 6)
    assert truncated_ends(rgb, Colorbar((12, 10, 28, 160), "vertical", colors, False, edges)) == [True, False]
    whole = Colorbar((12, 10, 28, 190), "vertical", steps, False, np.linspace(0.0, 1.0, 7))
    assert truncated_ends(rgb, whole) == [False, False]  # past the true end: the outline, then the paper

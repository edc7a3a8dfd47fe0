"""A matplotlib figure of ``imshow(alpha=a)`` with its colorbar, decoded by name without
alpha (trial 58's failure 2, trial 57's 9c): bwr drawn at alpha paints its own lighter
colors, so the decode was silent at every alpha (MAE 3-9 % of the range, no NaN on the
plot), as were PiYG, RdBu_r and RdYlBu JPEG'd. The colorbar, drawn at the same alpha,
tells it (``_faded_bar``): the warning names the alpha, and the same figures drawn
opaque stay quiet."""

from __future__ import annotations

import io
import re

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image
from tests.color._photographs import fbm
from tests.color._warned import off_map_messages

from truepix.color._decolorize._faded_bar import bar_fit


def _figure(cmap: str, alpha: float | None, quality: int | None) -> np.ndarray:
    """A 300 x 300 px figure: imshow (default interpolation) of fBm and its colorbar,
    PNG, or JPEG at ``quality`` (Pillow, 4:2:0)."""
    figure = Figure(figsize=(3, 3), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    image = axes.imshow(fbm(128, 1), cmap=cmap, vmin=0, vmax=1, alpha=alpha)
    figure.colorbar(image)
    buffer = io.BytesIO()
    if quality is None:
        figure.savefig(buffer, format="png")
    else:
        figure.savefig(buffer, format="jpeg", pil_kwargs={"quality": quality})
    return np.asarray(Image.open(buffer).convert("RGB"))


@pytest.mark.parametrize(
    "cmap, alpha, quality",
    [("bwr", 0.8, None), ("bwr", 0.6, 75), ("PiYG", 0.8, 75), ("RdBu_r", 0.8, 90)],
)
def test_a_figure_drawn_with_alpha_is_named_by_its_faded_colorbar(
    cmap: str, alpha: float, quality: int | None
) -> None:
    # before: no warning on all four
    messages = off_map_messages(_figure(cmap, alpha, quality), cmap)
    assert len(messages) == 1, messages
    assert "over white" in messages[0], messages[0]
    named = float(re.findall(r"pass alpha=([0-9.]+)", messages[0])[0])
    assert abs(named - alpha) <= 0.03, messages[0]


@pytest.mark.parametrize("cmap", ["bwr", "PiYG", "RdBu_r", "viridis"])
@pytest.mark.parametrize("quality", [None, 75])
def test_the_same_figure_drawn_opaque_stays_quiet(cmap: str, quality: int | None) -> None:
    assert off_map_messages(_figure(cmap, None, quality), cmap) == []


def test_bar_fit_reads_the_alpha_of_a_faded_ramp() -> None:
    table = np.stack([np.linspace(0, 255, 256), np.full(256, 40.0), np.linspace(255, 0, 256)], 1)
    alpha, faded, opaque, _ = bar_fit(0.7 * table[::3] + 0.3 * 255, table)
    assert abs(alpha - 0.7) < 0.01 and faded < 1.0 < opaque
    alpha, faded, opaque, _ = bar_fit(table[::3], table)  # the map itself
    assert alpha > 0.99 and opaque < 1.0

"""A map through white drawn with alpha in a small matplotlib figure (imshow + colorbar,
imshow's default resampling, PNG), decoded without alpha (trial 58, t645): the faded
middle decodes on the map to wrong values, and the call was silent. Two rules hid the
blend: the judged path (a fifth off the map) fitted it to the off pixels alone, the
dark ends, where alpha and face trade off (seismic at 0.8: 0.73 over #c0c0c0, no
advice); and the fit to all shown pixels counted the figure's frame and labels (8-10 %
of them, 100-160 DN off), which left the blend short of beating the map itself. Both
warn now with the alpha, and the same figures drawn opaque stay quiet."""

from __future__ import annotations

import io

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image
from tests.color._photographs import dem, fbm
from tests.color._warned import off_map_messages


FIELDS = {"fbm": lambda: fbm(256, 0), "dem": lambda: dem(200, 2)}


def _figure(field: str, cmap: str, alpha: float | None) -> np.ndarray:
    """A 300 x 300 px figure: imshow (default interpolation) and its colorbar, PNG."""
    figure = Figure(figsize=(3, 3), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    image = axes.imshow(FIELDS[field](), cmap=cmap, vmin=0, vmax=1, alpha=alpha)
    figure.colorbar(image)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return np.asarray(Image.open(buffer).convert("RGB"))


@pytest.mark.parametrize(
    "field, cmap",
    [("fbm", "seismic"), ("fbm", "RdBu_r"), ("dem", "seismic"), ("dem", "RdBu_r")],
)
def test_a_small_figure_of_a_map_through_white_drawn_with_alpha_names_it(
    field: str, cmap: str
) -> None:
    # before: no warning on all four (dem/seismic judged JPEG'd, 24 % off the map)
    messages = off_map_messages(_figure(field, cmap, 0.8), cmap)
    assert len(messages) == 1, messages
    assert "over white" in messages[0], messages[0]
    named = float(messages[0].rsplit("pass alpha=", 1)[1].split(",")[0].split()[0])
    assert abs(named - 0.8) <= 0.05, messages[0]


@pytest.mark.parametrize("field", ["fbm", "dem"])
@pytest.mark.parametrize("cmap", ["seismic", "RdBu_r"])
def test_the_same_figure_drawn_opaque_stays_quiet(field: str, cmap: str) -> None:
    assert off_map_messages(_figure(field, cmap, None), cmap) == []

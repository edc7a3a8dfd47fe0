"""x/y axes read from tick labels: the plot area's corners within a pixel's worth of the axes' limits."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest

import truepix as tp
from tests.figures.conftest import save, smooth_field


def _corners_error(panel, box, limits) -> list[float]:
    """Error at each corner in pixels' worth: value read at the axes' edges against its limits."""
    left, top, right, bottom = box
    x0, x1, y0, y1 = limits
    out = []
    for axis, pixels, values in ((panel.x, (left, right), (x0, x1)), (panel.y, (bottom, top), (y0, y1))):
        worth = abs(values[1] - values[0]) / abs(pixels[1] - pixels[0])
        found = axis.scale.value(np.array(pixels))
        out.extend((np.abs(found - np.array(values)) / worth).tolist())
    return out


@pytest.mark.parametrize(
    ("dpi", "font", "size", "kind"),
    [(200, "DejaVu Serif", 12, "imshow"), (300, "DejaVu Sans", 14, "pcolormesh"), (150, "DejaVu Sans", 10, "imshow")],
)
def test_tick_marks_rounded_to_whole_pixels_do_not_move_the_axes(dpi, font, size, kind):
    # Agg draws every tick mark at a whole pixel, rounded the same way: at high dpi the
    # marks all stood up to a pixel off the positions they mark, and the corners with them
    data = smooth_field(16, 18, 3)
    matplotlib.rcParams.update({"font.family": font, "font.size": size})
    try:
        fig, ax = plt.subplots(figsize=(5.4, 4.05), dpi=dpi)
        if kind == "imshow":
            ax.imshow(data, cmap="RdBu_r", interpolation="bilinear", aspect="auto")
        else:
            ax.pcolormesh(np.arange(19) * 4.0, np.arange(17) * 7.5, data, cmap="magma")
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        made = save(fig, [ax], [])
    finally:
        matplotlib.rcParams.update({"font.family": matplotlib.rcParamsDefault["font.family"], "font.size": 10})
    panel = tp.read_figure(made.png).panels[0]
    assert panel.x.scale is not None and panel.y.scale is not None
    errors = _corners_error(panel, made.axes[0], made.limits[0])
    assert max(errors) <= 1.0, errors

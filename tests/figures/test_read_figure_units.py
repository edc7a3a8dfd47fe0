"""Tick labels with SI prefixes, units, currency and thousands separators; facets sharing an axis; named doubts.

Two figures, each drawn once: EngFormatter axes and colorbar (``1 km``,
``500 µs``, ``5 MHz``) beside a panel sharing their y axis whose x labels
have thousands separators; a ``$50k`` colorbar over a plot with word labels.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.ticker import EngFormatter, FuncFormatter, StrMethodFormatter

import truepix as tp
from tests.figures.conftest import save, smooth_field
from truepix.figures._axes import fit_ticks
from truepix.figures._labels import Tick


@pytest.fixture(scope="module")
def engineering():
    fig, axes = plt.subplots(1, 2, figsize=(12, 3.6), dpi=100, sharey=True)
    field = (smooth_field(10, 16, 5) + 1.0) * 2.5e6
    left = axes[0].pcolormesh(np.linspace(0, 5000, 17), np.linspace(0, 0.002, 11), field, cmap="viridis", vmin=0, vmax=5e6)
    axes[1].pcolormesh(np.linspace(1e6, 3e6, 17), np.linspace(0, 0.002, 11), field[::-1], cmap="viridis", vmin=0, vmax=5e6)
    axes[0].xaxis.set_major_formatter(EngFormatter(unit="m"))
    axes[0].yaxis.set_major_formatter(EngFormatter(unit="s"))
    axes[1].set_xticks([1.5e6, 2e6, 2.5e6])
    axes[1].xaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    bar = fig.colorbar(left, ax=list(axes), format=EngFormatter(unit="Hz"))
    return tp.read_figure(save(fig, list(axes), [bar]).png)


@pytest.fixture(scope="module")
def dollars():
    fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
    image = ax.imshow(smooth_field(6, 8, 2) * 125000 + 125000, cmap="Greens", vmin=0, vmax=250000)
    ax.set_xticks(range(8), ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Hol"])
    ax.set_yticks(range(6), list("ABCDEF"))
    bar = fig.colorbar(image, format=FuncFormatter(lambda v, _: f"${v / 1000:.0f}k"), label="price")
    return tp.read_figure(save(fig, [ax], [bar]).png)


def test_si_prefixes_on_a_colorbar_give_whole_values_and_the_unit(engineering):
    for panel in engineering.panels:
        attrs = panel.data.attrs
        assert abs(panel.vmin) <= 0.005 * 5e6 and abs(panel.vmax - 5e6) <= 0.005 * 5e6, (panel.vmin, panel.vmax)
        assert attrs["units"] == "Hz"


def test_si_prefixes_and_thousands_separators_on_axes(engineering):
    left, right = engineering.panels
    x, y = left.data.x.values, left.data.y.values
    step = 5000 / 16
    assert abs(x[0] - step / 2) < 0.1 * step and abs(x[-1] - (5000 - step / 2)) < 0.1 * step, x[[0, -1]]
    assert abs(y[0] - 0.0019) < 2e-5 and abs(y[-1] - 0.0001) < 2e-5, y[[0, -1]]  # top row first
    assert left.data.x.attrs["units"] == "m" and left.data.y.attrs["units"] == "s"
    span = 2e6 / 16
    xr = right.data.x.values
    assert abs(xr[0] - (1e6 + span / 2)) < 0.1 * span and abs(xr[-1] - (3e6 - span / 2)) < 0.1 * span, xr[[0, -1]]


def test_a_facet_without_y_labels_shares_its_rows_y_axis(engineering):
    left, right = engineering.panels
    assert right.y.scale is not None
    np.testing.assert_allclose(right.data.y.values, left.data.y.values, rtol=0, atol=2e-5)
    assert right.confidence >= 0.9 and "not read" not in right.data.attrs["doubts"]


def test_currency_with_a_prefix(dollars):
    panel = dollars.panels[0]
    assert abs(panel.vmin) <= 0.005 * 250000 and abs(panel.vmax - 250000) <= 0.005 * 250000, (panel.vmin, panel.vmax)
    assert panel.data.attrs["units"] == "$"


def test_word_labels_are_a_named_doubt_not_a_wrong_value(dollars):
    panel = dollars.panels[0]
    doubts = panel.data.attrs["doubts"]
    assert "x coordinates not read" in doubts and "y coordinates not read" in doubts and "'Mon'" in doubts
    assert 0.0 < panel.confidence < 0.9  # the values are read; the coordinates are pixel indices
    assert panel.grid == (6, 8)
    assert list(panel.data.x_category.values) == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Hol"]
    assert list(panel.data.y_category.values) == list("ABCDEF")


def test_every_confidence_below_one_names_its_doubt(engineering, dollars):
    for reading in (engineering, dollars):
        for panel in reading.panels:
            assert panel.confidence == 1.0 or panel.data.attrs["doubts"], panel
            assert panel.data.attrs["confidence"] == panel.confidence


@pytest.mark.parametrize(
    ("texts", "values"),
    [
        (["0 s", "250 ps", "500 µs", "750 µs", "1 ms"], [0.0, 2.5e-4, 5e-4, 7.5e-4, 1e-3]),  # µ read as p
        (["0 m", "1 km", "2 km", "3 km"], [0.0, 1e3, 2e3, 3e3]),
        (["0", "500 m", "1", "1.5"], [0.0, 0.5, 1.0, 1.5]),  # m is milli here
        (["100", "125", "15C", "175", "200"], [100.0, 125.0, None, 175.0, 200.0]),  # a misread 150, no unit C
    ],
)
def test_the_progression_picks_each_labels_reading(texts, values):
    ticks = [Tick(text, tp.figures._numbers.parse_value(text), 10.0 + 20.0 * k, (0, 0, 1, 1), True, 1.0) for k, text in enumerate(texts)]
    assert fit_ticks(ticks) is not None
    assert [t.value if t.value is None or t.inlier else "outlier" for t in ticks] == pytest.approx(values)


def test_a_bar_cut_by_a_crop_is_doubted():
    import io

    from PIL import Image

    fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
    bar = fig.colorbar(ax.imshow(smooth_field(20, 30, 7) * 100 + 100, cmap="plasma", vmin=0, vmax=200))
    made = save(fig, [ax], [bar])
    image = Image.open(io.BytesIO(made.png)).convert("RGB")
    cut = int(made.bars[0][0][3]) - 12  # through the bar, below its 25 label, the 0 label lost
    buffer = io.BytesIO()
    image.crop((0, 0, image.width, cut)).save(buffer, format="PNG")
    panel = tp.read_figure(buffer.getvalue()).panels[0]
    assert "runs to the picture's low edge" in panel.data.attrs["doubts"] and panel.confidence < 0.9

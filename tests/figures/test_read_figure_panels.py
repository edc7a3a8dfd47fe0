"""Every panel of a multi-panel figure, and every pixel of a plot area.

A new-user trial found a 2x2 screenshot (pcolormesh, shared bar, resized
0.75x with Pillow) read as three panels at confidence 1.0: the fourth's left
spine, blended into the data beside it, broke into pieces the frame finder
would not join. Panels are checked against matplotlib's axes extents; the
per-pixel data against the plot area's pixels. The sweep of layouts, scales and
filters is test_read_figure_panels_layouts (a file of its own: pytest-xdist's
``--dist loadfile`` runs a file on one worker).
"""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import truepix as tp
from tests.figures._panels import _areas_of, _matched, _resized, _subplots
from tests.figures.conftest import iou, pixels_inside, save
from truepix.figures import _areas

# each lost a panel before: a spine blended into the data beside it broke into pieces
# (2x2 0.75 LANCZOS, 2x3), or a bar between two panels cut the far one from the colored
# extent the reading fell back on (1x2 with a bar each at 0.5)
@pytest.mark.parametrize(
    ("rows", "columns", "seed", "shared", "scale", "resample"),
    [
        (2, 2, 2, True, 0.75, "LANCZOS"),
        (2, 2, 5, True, 0.75, "LANCZOS"),
        (1, 2, 0, False, 0.5, "BICUBIC"),
        (1, 2, 3, False, 0.75, "BILINEAR"),
        (2, 3, 0, False, 0.66, "LANCZOS"),
        (2, 3, 1, False, 0.75, "LANCZOS"),
        (2, 3, 0, True, 0.9, "BILINEAR"),
    ],
)
def test_resized_screenshot_keeps_every_panel(rows, columns, seed, shared, scale, resample):
    rgb, truth = _resized(_subplots(rows, columns, seed, shared), scale, resample)
    found, inferred = _areas_of(rgb)
    assert _matched(found, truth), (found, truth)
    assert not inferred  # each by its own frame


def test_trial_screenshot_reads_four_panels_with_their_grids():
    made = _subplots(2, 2, 2, True)
    rgb, truth = _resized(made, 0.75, "LANCZOS")
    reading = tp.read_figure(rgb)
    assert len(reading.panels) == 4, [p.bbox for p in reading.panels]
    for k, (panel, box) in enumerate(zip(reading.panels, truth, strict=True)):
        assert iou(panel.bbox, box) > 0.95, (panel.bbox, box)
        assert panel.grid == (15 + 3 * k, 25)
        assert panel.vmin == 0 and panel.vmax == 50


def test_a_slot_whose_frame_is_not_found_is_read_with_a_doubt(monkeypatch):
    # the safety net: when the frames found stand in rows and columns, a slot of that
    # layout painted with the map's colors is a panel -- returned, its confidence lowered
    made = _subplots(2, 2, 1, True)
    frames = _areas.frames

    def without_the_last_panel(ink, blank=None):
        found = frames(ink, blank)
        last = made.axes[3]
        return [f for f in found if iou(f[0], last) < 0.5]

    monkeypatch.setattr(_areas, "frames", without_the_last_panel)
    reading = tp.read_figure(made.png)
    assert len(reading.panels) == 4
    *framed, slot = reading.panels
    assert iou(slot.bbox, made.axes[3]) > 0.98
    assert "row and column" in slot.data.attrs["doubts"] and slot.confidence <= 0.8
    assert slot.grid == (24, 25)
    assert all("row and column" not in p.data.attrs["doubts"] for p in framed)


@pytest.mark.parametrize("drop", [0, 1, 2])
def test_a_colored_block_beside_the_framed_panels_is_a_panel(monkeypatch, drop):
    # one row of three: two found panels make no slot for the third, but its block of the
    # map's colors, as large as theirs and outside them, is one
    made = _subplots(1, 3, 4, True)
    frames = _areas.frames
    monkeypatch.setattr(
        _areas, "frames", lambda ink, blank=None: [f for f in frames(ink, blank) if iou(f[0], made.axes[drop]) < 0.5]
    )
    rgb = np.asarray(Image.open(io.BytesIO(made.png)).convert("RGB"))
    found, inferred = _areas_of(rgb)
    assert _matched(found, made.axes), (found, made.axes)
    assert list(inferred.values()) == ["block"]
    assert iou(next(iter(inferred)), made.axes[drop]) > 0.9


def test_an_empty_slot_adds_no_panel():
    made = _subplots(2, 2, 3, True, off=3)
    rgb = np.asarray(Image.open(io.BytesIO(made.png)).convert("RGB"))
    found, inferred = _areas_of(rgb)
    assert _matched(found, made.axes) and not inferred


@pytest.mark.parametrize(("dpi", "scale"), [(72, 1.0), (100, 1.0), (150, 1.0), (110, 0.75)])
def test_per_pixel_data_cover_every_pixel_of_the_plot_area(dpi, scale):
    # bilinear imshow: no cell grid, one value per screen pixel. The pixels under the
    # frame's lines belong to the plot area (the left and top spines cover its first
    # column and row): the data start there, NaN, with coordinates at pixel centres
    field = np.add.outer(np.sin(np.linspace(0, 3, 30)), np.cos(np.linspace(0, 4, 45)))
    fig, ax = plt.subplots(figsize=(6, 4), dpi=dpi)
    image = ax.imshow(field, cmap="viridis", interpolation="bilinear", aspect="auto", extent=(0, 45, 0, 30))
    made = save(fig, [ax], [fig.colorbar(image)])
    rgb, (box,) = _resized(made, scale, "LANCZOS")
    panel = tp.read_figure(rgb).panels[0]
    assert panel.grid is None
    # resized, a spine lies across one column, and its centre (here 0.6 px from the
    # true edge) may fall either side of the half-pixel that decides the count
    rows, columns = pixels_inside(box)
    slack = 0 if scale == 1.0 else 1
    assert abs(panel.data.shape[0] - rows) <= slack, (panel.bbox, box)
    assert abs(panel.data.shape[1] - columns) <= slack, (panel.bbox, box)
    left, top, right, bottom = box
    # the first column and row the panel holds: their true coordinates are x[0], y[0]
    found_left, found_top = panel.bbox[:2]
    first_column = min(c for c in range(int(found_left) - 1, int(found_left) + 2) if c + 0.5 > found_left)
    first_row = min(r for r in range(int(found_top) - 1, int(found_top) + 2) if r + 0.5 > found_top)
    assert abs(first_column + 0.5 - left) <= 1 + slack and abs(first_row + 0.5 - top) <= 1 + slack
    pixel_x, pixel_y = 45 / (right - left), 30 / (bottom - top)
    x, y = panel.data.x.values, panel.data.y.values
    assert abs(x[0] - (first_column + 0.5 - left) * pixel_x) <= 0.6 * pixel_x
    assert abs(y[0] - (30 - (first_row + 0.5 - top) * pixel_y)) <= 0.6 * pixel_y
    assert np.isfinite(panel.data.values[2:-2, 2:-2]).mean() > 0.99


@pytest.mark.parametrize("dpi", [72, 100])
def test_axis_label_x_is_not_read_as_a_multiplication_sign(dpi):
    # the OCR reads a lone "x" as "×"; in a label "×" only multiplies a power of ten
    fig, ax = plt.subplots(figsize=(6, 4), dpi=dpi)
    image = ax.imshow(np.random.default_rng(1).uniform(size=(20, 30)), extent=(0, 30, -5, 15), aspect="auto")
    bar = fig.colorbar(image)
    ax.set_xlabel("x (km)")
    ax.set_ylabel("y (km)")
    panel = tp.read_figure(save(fig, [ax], [bar]).png).panels[0]
    assert panel.data.attrs["x_label"] == "x (km)"
    assert panel.data.attrs["y_label"] == "y (km)"

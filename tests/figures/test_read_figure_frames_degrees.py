"""Frames placed by their lines' coverage, log-spaced cells hidden in the frame's rim, degree labels."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.ticker import FuncFormatter
from PIL import Image

import truepix as tp
from tests.figures.conftest import box_of, save
from truepix.figures._areas import frames
from truepix.figures._labels import ink


def _cell_centre_errors(panel, box, x_edges, y_edges) -> list[float]:
    """Error (pixels' worth) of the coordinates read for the first and last cells against their true centres."""
    out = []
    for dim, (lo, hi), edges in (("x", (box[0], box[2]), x_edges), ("y", (box[1], box[3]), y_edges)):
        worth = abs(edges[-1] - edges[0]) / abs(hi - lo)
        read = panel.data[dim].values
        out += [abs(read[0] - (edges[0] + edges[1]) / 2) / worth, abs(read[-1] - (edges[-2] + edges[-1]) / 2) / worth]
    return out


def test_a_spine_beside_dark_data_stands_where_it_is_drawn():
    # xarray's robust imshow with cividis: the data's dark blue beside the spine counted as
    # the spine's ink and pulled the frame a pixel inward, the cells and their coordinates with it
    rng = np.random.default_rng(0)
    cells = rng.normal(size=(25, 35)).cumsum(0)
    fig, ax = plt.subplots(figsize=(6, 4), dpi=110)
    image = ax.imshow(cells, cmap="cividis", extent=(-0.25, 17.25, -1.0, 49.0), aspect="auto", vmin=-6, vmax=6)
    fig.colorbar(image)
    made = save(fig, [ax], [])
    panel = tp.read_figure(made.png).panels[0]
    assert panel.grid == (25, 35)
    assert max(abs(a - b) for a, b in zip(panel.bbox, made.axes[0], strict=True)) <= 0.6
    x_edges, y_edges = np.linspace(-0.25, 17.25, 36), np.linspace(49.0, -1.0, 26)
    errors = _cell_centre_errors(panel, made.axes[0], x_edges, y_edges)
    assert max(errors) <= 1.0, errors


def test_a_wide_spine_found_in_pieces_stands_at_its_centre():
    # at 400 dpi a spine is 4 px wide; beside colored data its rows were found as two lines,
    # and the frame took the outer one's centre: a pixel outside the axes
    fig, ax = plt.subplots(figsize=(1.6, 1.2), dpi=400)
    ax.imshow(np.add.outer(np.arange(6.0), np.arange(8.0)), cmap="viridis", aspect="auto")
    ax.set_xticks([])
    ax.set_yticks([])
    fig.canvas.draw()
    box = box_of(ax, int(fig.bbox.height))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=400)
    plt.close(fig)
    rgb = np.asarray(Image.open(buffer).convert("RGB"))
    found = [b for b, _ in frames(ink(rgb))]
    assert found
    assert max(abs(a - b) for a, b in zip(found[0], box, strict=True)) <= 0.5, (found[0], box)


def test_log_spaced_cells_narrowing_into_the_frame_are_all_counted():
    # pcolormesh with geomspace x edges on a linear axis: the first cell, a pixel and a half
    # wide, lies under the spine's rim; it was taken for part of the next (8 x 14, not 8 x 15)
    rng = np.random.default_rng(4)
    x_edges = np.geomspace(1, 100, 16)
    fig, ax = plt.subplots(figsize=(7, 5), dpi=100)
    mesh = ax.pcolormesh(x_edges, np.arange(9), rng.random((8, 15)) * 12, cmap="viridis", vmin=0, vmax=12)
    fig.colorbar(mesh)
    made = save(fig, [ax], [])
    panel = tp.read_figure(made.png).panels[0]
    assert panel.grid == (8, 15)
    assert "one more may hide under its frame" in panel.data.attrs["doubts"]
    errors = _cell_centre_errors(panel, made.axes[0], x_edges, np.arange(8.0, -1.0, -1.0))
    assert max(errors) <= 1.0, errors


def test_a_frame_found_around_a_colored_block_keeps_its_lines():
    # three panels over one shared bar, JPEG'd: only one frame was found among the blocks of
    # color, so every panel took its block's extent -- a pixel inside that frame's lines
    rng = np.random.default_rng(4)
    fig, axes = plt.subplots(1, 3, figsize=(10, 4), dpi=100, sharey=True)
    images = [ax.imshow(rng.random((16, 16)) * 300 + 100 * k, cmap="inferno", vmin=0, vmax=500) for k, ax in enumerate(axes)]
    fig.colorbar(images[0], ax=axes, orientation="horizontal", fraction=0.05, pad=0.12)
    made = save(fig, list(axes), [], fmt="jpeg", pil_kwargs={"quality": 80})
    panels = tp.read_figure(made.png).panels
    assert len(panels) == 3
    edges = np.arange(17.0) - 0.5
    for panel, box in zip(panels, made.axes, strict=True):
        assert panel.grid == (16, 16)
        assert max(_cell_centre_errors(panel, box, edges, edges)) <= 1.0


@pytest.fixture(scope="module")
def degrees():
    """A map in longitude and latitude with a bar in degrees Celsius, as user formatters write them."""
    cells = np.add.outer(np.linspace(-1, 1, 60), np.linspace(0, 1, 90)) * 10 + 10
    fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
    image = ax.imshow(cells, cmap="viridis", extent=(-180, 180, -90, 90), vmin=0, vmax=20)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{abs(v):g}°{'W' if v < 0 else 'E' if v > 0 else ''}"))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{abs(v):g}°{'S' if v < 0 else 'N' if v > 0 else ''}"))
    fig.colorbar(image, format=FuncFormatter(lambda v, _: f"{v:g}°C"))
    made = save(fig, [ax], [])
    return made, tp.read_figure(made.png).panels[0]


def test_latitude_and_longitude_labels_give_signed_coordinates(degrees):
    made, panel = degrees
    assert panel.data.x.attrs["units"] == "°E" and panel.data.y.attrs["units"] == "°N"
    left, top, right, bottom = made.axes[0]
    worth_x, worth_y = 360 / (right - left), 180 / (bottom - top)
    assert abs(float(panel.x.scale.value(left)) + 180) <= worth_x
    assert abs(float(panel.x.scale.value(right)) - 180) <= worth_x
    assert abs(float(panel.y.scale.value(top)) - 90) <= worth_y
    assert abs(float(panel.y.scale.value(bottom)) + 90) <= worth_y
    assert panel.confidence >= 0.9


def test_a_bar_in_degrees_celsius_gives_its_range_and_units(degrees):
    _, panel = degrees
    assert panel.data.attrs["units"] == "°C"
    assert abs(panel.vmin - 0.0) <= 0.1 and abs(panel.vmax - 20.0) <= 0.1



def test_black_data_beside_a_spine_leaves_the_frame_where_it_is():
    # set_under("black") paints the low corner black against the spines: that data, as dark
    # as the line, was taken for more of it and the frame was lost
    cmap = plt.get_cmap("viridis").with_extremes(under="black", over="white")
    fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
    ax.imshow(np.add.outer(np.linspace(0, 1, 20), np.linspace(0, 1, 30)) * 14 - 2, cmap=cmap, vmin=0, vmax=10, extent=(0, 30, 0, 20))
    fig.canvas.draw()
    box = box_of(ax, int(fig.bbox.height))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    rgb = np.asarray(Image.open(buffer).convert("RGB"))
    found = [b for b, _ in frames(ink(rgb))]
    assert found
    assert max(abs(a - b) for a, b in zip(found[0], box, strict=True)) <= 0.6, (found[0], box)

"""read_figure on colorbars whose end is the paper's color or JPEG-smeared, and on norms that look alike.

hot's and gray's top end is white on white paper, jet's dark red smears into
the outline: after JPEG the bar's colors stop 4-6 px short of its end, and
the ends were read that far off at confidence 1.0 (benchmarks/bar_ends). The
outline (and, under a white extend triangle, the triangle's outline) still
places the end; where nothing does, the confidence drops. A PowerNorm(0.5)
bar (astropy's sqrt stretch) is told from a LogNorm one by its labels'
spacing. A contourf's fills under the frame's antialiased edge are their
steps, not holes.
"""

from __future__ import annotations

import functools
import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import LogNorm, Normalize, PowerNorm
from PIL import Image

import truepix as tp
from tests.figures._bar_figures import bar_figure

LIMITS = (0.03, 0.97)  # no tick on an end: its pixel position alone gives the value


def _ramp(cmap):
    norm = Normalize(*LIMITS)
    ramp = norm.inverse(np.linspace(-0.05, 1.05, 48 * 64).reshape(48, 64))
    return lambda ax: ax.imshow(ramp, cmap=cmap, norm=norm)


@functools.cache  # drawn once for the PNG and the JPEG cases
def _ramp_png(cmap: str, extend: str, outline: bool, orientation: str) -> tuple[bytes, float]:
    return bar_figure(_ramp(cmap), extend=extend, outline=outline, orientation=orientation)


def _ramp_bar(
    cmap: str, kind: str = "png", *, extend: str = "neither", outline: bool = True, orientation: str = "vertical"
) -> tuple[bytes, float]:
    """``bar_figure`` of the unlabelled ramp; its JPEG is the PNG through Pillow q75, as there."""
    png, length = _ramp_png(cmap, extend, outline, orientation)
    if kind == "png":
        return png, length
    out = io.BytesIO()
    Image.open(io.BytesIO(png)).convert("RGB").save(out, format="JPEG", quality=75)
    return out.getvalue(), length


@functools.cache  # one picture's reading, asserted by two tests; nothing changes a reading
def _read(picture: bytes) -> tp.figures.FigureReading:
    return tp.read_figure(picture)


def _errors_px(panel, length):
    """The read vmin and vmax off the truth, in pixels of the bar."""
    pixel = (LIMITS[1] - LIMITS[0]) / length
    return (panel.vmin - LIMITS[0]) / pixel, (panel.vmax - LIMITS[1]) / pixel


@pytest.mark.parametrize("orientation", ["vertical", "horizontal"])
@pytest.mark.parametrize("kind", ["png", "jpeg"])
@pytest.mark.parametrize("cmap", ["hot", "gray", "jet"])
def test_ends_next_to_the_paper_are_placed(cmap, kind, orientation):
    # before: JPEG'd hot and gray vertical bars read their white top 5.7 px short at confidence 1.0
    picture, length = _ramp_bar(cmap, kind, orientation=orientation)
    panel = _read(picture).panels[0]
    low, high = _errors_px(panel, length)
    assert abs(low) <= 1.5 and abs(high) <= 1.5, (low, high)
    assert panel.data.attrs["cmap"] == cmap


@pytest.mark.parametrize("cmap", ["hot", "gray"])
def test_a_white_triangle_on_white_paper_ends_at_its_base(cmap):
    # the over triangle is white: only its outline shows, narrowing to the tip (before: -5.8 px)
    picture, length = _ramp_bar(cmap, "jpeg", extend="both")
    panel = tp.read_figure(picture).panels[0]
    low, high = _errors_px(panel, length)
    assert abs(high) <= 1.5, high
    assert abs(low) <= 2.0, low


@pytest.mark.parametrize("orientation", ["vertical", "horizontal"])
@pytest.mark.parametrize("kind", ["png", "jpeg"])
@pytest.mark.parametrize("cmap", ["hot", "gray"])
def test_a_black_end_under_a_white_over_triangle_at_its_outline(cmap, kind, orientation):
    # no line crosses the top (a white triangle): the black low end's rows were taken for the
    # outline's, placing it 1.3-1.9 px inward at confidence 1.0; the sides' line says how thick
    picture, length = _ramp_bar(cmap, kind, extend="max", orientation=orientation)
    panel = tp.read_figure(picture).panels[0]
    low, _ = _errors_px(panel, length)
    assert abs(low) <= 1.0, low


def test_an_end_nothing_shows_costs_the_confidence():
    # no outline and a white top on white paper, JPEG'd: where the bar ends is not seen
    picture, length = _ramp_bar("gray", "jpeg", outline=False)
    panel = tp.read_figure(picture).panels[0]
    low, high = _errors_px(panel, length)
    if abs(high) > 1.5:  # read off: it must say so
        assert panel.confidence <= 0.5, (high, panel.confidence)
        assert "paper's color" in panel.data.attrs["doubts"]
    # the same bar with its outline is placed, and trusted
    outlined = _read(_ramp_bar("gray", "jpeg")[0]).panels[0]
    assert "paper's color" not in outlined.data.attrs["doubts"]


@pytest.mark.parametrize("kind", ["png", "jpeg"])
@pytest.mark.parametrize(
    ("norm", "scale"),
    [(PowerNorm(0.5, 95.8, 303.9), "power"), (LogNorm(1.0, 1e4), "log"), (PowerNorm(0.5, 0.0, 100.0), "power")],
)
def test_sqrt_and_log_bars_told_apart_by_their_labels(norm, scale, kind):
    # before: PowerNorm(0.5, 95.8, 303.9) (astropy's SqrtStretch bar) read as log, 9-11 % off, conf 0.89
    values = norm.inverse(np.linspace(0, 1, 48 * 64).reshape(48, 64))
    picture, _ = bar_figure(lambda ax: ax.imshow(values, cmap="viridis" if kind == "png" else "gray", norm=norm), kind=kind)
    panel = tp.read_figure(picture).panels[0]
    assert panel.norm == scale
    span = norm.vmax - norm.vmin if scale == "power" else np.log10(norm.vmax / norm.vmin)
    if scale == "power":
        assert abs(panel.data.attrs["gamma"] - 0.5) <= 0.03
        off = max(abs(panel.vmin - norm.vmin), abs(panel.vmax - norm.vmax)) / span
    else:
        off = max(abs(np.log10(panel.vmin / norm.vmin)), abs(np.log10(panel.vmax / norm.vmax))) / span
    assert off <= 0.005, off  # half a percent of the range
    # the values through the true norm: within a percent of it
    truth = np.asarray(norm(values))
    rows = np.clip(np.rint(panel.data.y.values).astype(int), 0, values.shape[0] - 1)  # imshow's cell centres
    columns = np.clip(np.rint(panel.data.x.values).astype(int), 0, values.shape[1] - 1)
    read = np.asarray(norm(np.asarray(panel.data.values, dtype=float)))
    assert np.nanmean(np.abs(read - truth[np.ix_(rows, columns)])) < 0.01


def test_contourf_fills_under_the_frame_edge_are_their_steps():
    # xarray's DataArray.plot.contourf(levels=10) draws with matplotlib: contourf + colorbar. The
    # fills' pixels beside the frame are the step's color with some of the frame's black (before:
    # 1-1.6 % of the plot NaN at confidence 1.0)
    rng = np.random.default_rng(4)
    y, x = np.mgrid[0:60, 0:120]
    field = np.sin(x / 17.0) * np.cos(y / 11.0) + 0.3 * np.sin((x + 2 * y) / 5.0) + 0.05 * rng.normal(size=x.shape)
    data = 250 + 60 * (field - field.min()) / (field.max() - field.min())
    fig, ax = plt.subplots()
    contours = ax.contourf(np.linspace(-180, 178, 120), np.linspace(-60, 60, 60), data, levels=10)
    fig.colorbar(contours, ax=ax, label="temperature [K]")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    panel = tp.read_figure(buffer.getvalue()).panels[0]
    holes = float(np.isnan(panel.pixel_values).mean())
    assert holes <= 0.001, holes
    assert abs(panel.vmin - contours.levels[0]) <= 0.01 * np.ptp(contours.levels)
    assert abs(panel.vmax - contours.levels[-1]) <= 0.01 * np.ptp(contours.levels)

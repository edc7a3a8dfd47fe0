"""read_figure on JPEG'd figures of many small cells: an ``xarray``-style ``pcolormesh`` of a
49 x 81 or 60 x 90 rough field in a 6.4 x 4.8 in figure (cells 4.4-7.5 pixels) saved q60-q90.

JPEG halves chroma both ways (4:2:0, 16-pixel blocks): cells narrower than that lose their
edges' color steps to the blur, and each cell's colors spread as much as its neighbours'
differ (viridis 49 x 81 q75: 10.8 DN^2 inside a cell against 27.8 half a cell off). Luma is
kept at full resolution (1.0 against 7.6): the lattice is found and confirmed in luma too.
Before, such figures came back one value per pixel (368 x 396) with the frame's rim NaN.
The control: a smooth field drawn bilinear and JPEG'd shows JPEG's 8-pixel blocks in luma,
no grid of the data.
"""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import truepix as tp


def _field(shape: tuple[int, int], seed: int = 7) -> np.ndarray:
    """A rough (fBm-like, spectral slope -2.2) field of ``shape`` over 250..290 K."""
    rng = np.random.default_rng(seed)
    power = np.fft.fftfreq(shape[0])[:, None] ** 2 + np.fft.fftfreq(shape[1])[None] ** 2
    spectrum = (rng.normal(size=shape) + 1j * rng.normal(size=shape)) / np.maximum(power, 1e-4) ** 1.1
    field = np.fft.ifft2(spectrum).real
    return 250.0 + 40.0 * (field - field.min()) / np.ptp(field)


def _jpeg(draw, quality: int) -> bytes:
    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
    fig.colorbar(draw(ax), label="K")
    png = io.BytesIO()
    fig.savefig(png, format="png", dpi=100)
    plt.close(fig)
    out = io.BytesIO()
    Image.open(png).convert("RGB").save(out, format="JPEG", quality=quality)
    return out.getvalue()


@pytest.mark.parametrize(
    ("cmap", "shape", "quality"),
    [("viridis", (49, 81), 75), ("viridis", (49, 81), 60), ("viridis", (60, 90), 90),
     ("viridis", (60, 90), 75), ("cividis", (60, 90), 75), ("jet", (60, 90), 60),
     ("viridis", (60, 90), 60), ("cividis", (60, 90), 60)],
)  # fmt: skip
def test_small_cells_keep_their_grid(cmap: str, shape: tuple[int, int], quality: int) -> None:
    field = _field(shape)
    x, y = np.linspace(100, 180, shape[1]), np.linspace(30, -30, shape[0])
    picture = _jpeg(lambda ax: ax.pcolormesh(x, y, field, cmap=cmap), quality)
    panel = tp.read_figure(picture).panels[0]
    assert panel.cmap == cmap and panel.grid == shape
    cells = panel.data.values
    if panel.data.y.values[0] < panel.data.y.values[-1]:
        cells = cells[::-1]
    error = np.abs(cells - field) / 40.0
    assert np.isnan(cells).mean() <= 0.01
    assert np.nanmean(error) <= 0.005 and np.nanpercentile(error, 99) <= 0.025
    # (cells beside the frame share their few pixels with its line's JPEG ringing: up to 6 %)
    assert np.nanmax(error[1:-1, 1:-1]) <= 0.03


@pytest.mark.parametrize(
    ("cmap", "quality"), [("jet", 90), ("jet", 75), ("RdBu_r", 60), ("magma", 60)]
)
def test_cells_beside_the_frame_keep_their_values(cmap: str, quality: int) -> None:
    """A 4.4 px column of cells keeps one pixel inside its rims, and the frame line's JPEG
    ringing took it: 17-37 of the 296 cells along the frame came back NaN (12.5 % on jet
    q90). Their rims' pixels hold their color."""
    field = _field((60, 90))
    x, y = np.linspace(100, 180, 90), np.linspace(30, -30, 60)
    picture = _jpeg(lambda ax: ax.pcolormesh(x, y, field, cmap=cmap), quality)
    panel = tp.read_figure(picture).panels[0]
    assert panel.cmap == cmap and panel.grid == (60, 90)
    cells = panel.data.values
    if panel.data.y.values[0] < panel.data.y.values[-1]:
        cells = cells[::-1]
    beside = np.zeros(cells.shape, dtype=bool)
    beside[[0, -1]] = beside[:, [0, -1]] = True
    assert np.isnan(cells[beside]).mean() <= 0.02
    error = np.abs(cells - field)[beside] / 40.0
    assert np.nanmean(error) <= 0.01 and np.nanmax(error) <= 0.06


@pytest.mark.parametrize(("cmap", "shape"), [("turbo", (60, 90)), ("magma", (60, 90)), ("turbo", (49, 81))])
def test_every_cell_beside_a_q60_frame_has_a_value(cmap: str, shape: tuple[int, int]) -> None:
    """At q60 the frame line's pixel and the next are ringing (25-86 DN off the map) and a 4.4 px
    column of cells keeps 7-8 values of its 28 pixels, all beyond them: 12 (turbo), 5 (magma)
    and 6 (turbo 49 x 81) of the cells along the frame came back NaN. The cell's pixels beyond
    the ring hold its color."""
    field = _field(shape)
    x, y = np.linspace(100, 180, shape[1]), np.linspace(30, -30, shape[0])
    panel = tp.read_figure(_jpeg(lambda ax: ax.pcolormesh(x, y, field, cmap=cmap), 60)).panels[0]
    assert panel.cmap == cmap and panel.grid == shape
    cells = panel.data.values
    if panel.data.y.values[0] < panel.data.y.values[-1]:
        cells = cells[::-1]
    beside = np.zeros(cells.shape, dtype=bool)
    beside[[0, -1]] = beside[:, [0, -1]] = True
    assert np.isnan(cells[beside]).sum() <= 4
    assert np.nanmax(np.abs(cells - field)[beside]) / 40.0 <= 0.05


def test_a_row_the_frame_cuts_is_a_row_of_the_grid() -> None:
    """A q60 plasma pcolormesh of 60 rows: the frame was found 2.5 px off the rows' lattice and
    3.65 px of the first 6.2 px row lay inside it -- over half the row, but the rule counted a
    cut row only past half a cell of data: 59 rows came back, the first lost, at confidence
    1.0. A row a third inside the frame is a row."""
    field = _field((60, 90))
    x, y = np.linspace(100, 180, 90), np.linspace(30, -30, 60)
    panel = tp.read_figure(_jpeg(lambda ax: ax.pcolormesh(x, y, field, cmap="plasma"), 60)).panels[0]
    assert panel.cmap == "plasma" and panel.grid == (60, 90)
    cells = panel.data.values
    if panel.data.y.values[0] < panel.data.y.values[-1]:
        cells = cells[::-1]
    assert np.nanmean(np.abs(cells - field)) / 40.0 <= 0.005
    np.testing.assert_allclose(panel.data.y.values[[0, -1]][:: 1 if panel.data.y.values[0] > 0 else -1], [30, -30], atol=0.5)


def test_a_smooth_picture_shows_no_cells() -> None:
    field = _field((240, 320), seed=3)
    field = np.fft.ifft2(np.fft.fft2(field) * np.exp(-np.add.outer(
        np.fft.fftfreq(240) ** 2, np.fft.fftfreq(320) ** 2) * 4000)).real  # fmt: skip
    picture = _jpeg(lambda ax: ax.imshow(field, cmap="viridis", interpolation="bilinear", aspect="auto"), 75)
    panel = tp.read_figure(picture).panels[0]
    assert panel.cmap == "viridis" and panel.grid is None
    assert panel.data.shape[0] > 300

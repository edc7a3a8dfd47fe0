"""Exact pictures in the forms they arrive: read by plt.imread, drawn by Agg in figures."""

from __future__ import annotations

import io

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest

from truepix.color._decolorize._api import decolorize

matplotlib.use("Agg")


def _figure_cells(draw, counts: np.ndarray, cell: int = 8) -> np.ndarray:
    """Draw ``counts`` filling a whole figure, one ``cell``-pixel square per value;
    return the RGBA pixel at each cell's center, as savefig + plt.imread give it."""
    rows, cols = counts.shape
    fig = plt.figure(figsize=(cols * cell / 100, rows * cell / 100), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    draw(ax, counts)
    ax.set_xlim(0, cols)
    ax.set_ylim(rows, 0)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    buffer.seek(0)
    picture = plt.imread(buffer)  # float32 RGBA
    centers = np.arange(cell // 2, rows * cell, cell), np.arange(cell // 2, cols * cell, cell)
    return picture[np.ix_(*centers)]


DRAWERS = {
    "pcolormesh": lambda ax, c: ax.pcolormesh(c, cmap="viridis", vmin=0, vmax=255),
    "pcolor": lambda ax, c: ax.pcolor(c, cmap="viridis", vmin=0, vmax=255),
    "imshow": lambda ax, c: ax.imshow(
        c, cmap="viridis", vmin=0, vmax=255, extent=(0, c.shape[1], c.shape[0], 0),
        interpolation="nearest", aspect="auto",
    ),  # fmt: skip
}


@pytest.mark.parametrize("how", sorted(DRAWERS))
def test_integer_counts_from_a_figure_come_back_exact_with_step_1(how: str) -> None:
    """Agg paints pcolormesh faces with rounded table bytes (cmap(x, bytes=True)
    truncates); the decoder picks the table the picture was painted with."""
    rng = np.random.default_rng(31)
    counts = rng.integers(0, 256, (24, 32)).astype(np.float64)
    cells = _figure_cells(DRAWERS[how], counts)
    assert cells.dtype == np.float32
    values = decolorize(cells, cmap="viridis", vmin=0, vmax=255, step=1)
    # 255 / 256 of a count per bin: bins and counts pair up except where viridis
    # repeats a byte color (254 distinct), so compare with what the colors allow
    same_color = np.all(cells[..., None, :3] == cells.reshape(-1, 4)[None, None, :, :3], -1)
    unique = same_color.sum(-1) == np.array(
        [[np.sum(counts == c) for c in row] for row in counts]
    )  # a color drawn only by this count
    assert unique.mean() > 0.95
    assert np.array_equal(values[unique], counts[unique])


def test_plt_imread_float32_png_decodes_like_the_uint8_picture(tmp_path) -> None:
    rng = np.random.default_rng(32)
    data = rng.random((60, 80))
    path = tmp_path / "picture.png"
    plt.imsave(path, data, cmap="viridis", vmin=0, vmax=1)
    floats = plt.imread(path)
    assert floats.dtype == np.float32
    from PIL import Image

    as_bytes = np.asarray(Image.open(path))
    expected = decolorize(as_bytes, cmap="viridis", vmin=0, vmax=1)
    assert np.array_equal(decolorize(floats, cmap="viridis", vmin=0, vmax=1), expected)
    bins = np.minimum(np.floor(data * 256), 255)
    own_bin = np.minimum(np.floor(expected * 256), 255) == bins
    assert own_bin.mean() > 0.99  # viridis has two repeated byte colors
    widened = as_bytes.astype(np.uint16) * 257
    assert np.array_equal(decolorize(widened, cmap="viridis", vmin=0, vmax=1), expected)

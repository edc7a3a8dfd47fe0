"""Exact pictures in the forms they arrive: read by plt.imread, drawn by Agg in figures."""

from __future__ import annotations

import io

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest

from truepix.color._decolorize._api import Decolorizer, decolorize
from truepix.errors import ShapeError

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


def _contourf(ax, counts: np.ndarray, cmap: str) -> None:
    """Filled contours between half-integers, through the cell centers: layer k is
    painted cmap(norm(k)), as a cell of count k."""
    rows, cols = counts.shape
    x, y = np.arange(cols) + 0.5, np.arange(rows) + 0.5
    ax.contourf(x, y, counts, levels=np.arange(-0.5, 256), cmap=cmap, vmin=0, vmax=255)


DRAWERS = {
    "pcolormesh": lambda ax, c, m: ax.pcolormesh(c, cmap=m, vmin=0, vmax=255),
    "pcolor": lambda ax, c, m: ax.pcolor(c, cmap=m, vmin=0, vmax=255),
    "imshow": lambda ax, c, m: ax.imshow(
        c, cmap=m, vmin=0, vmax=255, extent=(0, c.shape[1], c.shape[0], 0),
        interpolation="nearest", aspect="auto",
    ),
    # seaborn.heatmap draws pcolormesh cells with white lines between them
    "heatmap": lambda ax, c, m: ax.pcolormesh(
        c, cmap=m, vmin=0, vmax=255, linewidths=0.5, edgecolor="white"
    ),
    "contourf": _contourf,
}  # fmt: skip


def _counts(how: str, rng: np.random.Generator) -> np.ndarray:
    if how != "contourf":
        return rng.integers(0, 256, (24, 32)).astype(np.float64)
    # contours need neighbours a level apart at most, so that every center's layer
    # reaches half a cell around it
    y, x = np.mgrid[0:24, 0:32]
    return (100 + x + y // 3).astype(np.float64)


@pytest.mark.parametrize("cmap", ["viridis", "turbo", "gray"])
@pytest.mark.parametrize("how", sorted(DRAWERS))
def test_integer_counts_from_a_figure_come_back_exact_with_step_1(how: str, cmap: str) -> None:
    """Agg paints pcolormesh faces with rounded table bytes (cmap(x, bytes=True)
    truncates); the decoder picks the table the picture was painted with."""
    rng = np.random.default_rng(31)
    counts = _counts(how, rng)
    cells = _figure_cells(lambda ax, c: DRAWERS[how](ax, c, cmap), counts)
    assert cells.dtype == np.float32
    if how == "contourf":  # the contours end at the outer centers: their pixels blend
        cells, counts = cells[1:-1, 1:-1], counts[1:-1, 1:-1]
    values = decolorize(cells, cmap=cmap, vmin=0, vmax=255, step=1)
    # 255 / 256 of a count per bin: bins and counts pair up except where viridis
    # repeats a byte color (254 distinct), so compare with what the colors allow
    same_color = np.all(cells[..., None, :3] == cells.reshape(-1, 4)[None, None, :, :3], -1)
    unique = same_color.sum(-1) == np.array(
        [[np.sum(counts == c) for c in row] for row in counts]
    )  # a color drawn only by this count
    assert unique.mean() > 0.75  # gray has 232 distinct byte colors, viridis 254
    assert np.array_equal(values[unique], counts[unique])
    # counts sharing a color come back within half their run of bins
    assert np.all(np.abs(values - counts) <= 2)


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


def _forms(name: str, data: np.ndarray, path) -> dict[str, np.ndarray]:
    """One picture of ``data`` in every form an exact picture arrives in."""
    colormap = matplotlib.colormaps[name]
    plt.imsave(path, data, cmap=name, vmin=0, vmax=1)
    read = plt.imread(path)
    return {
        "uint8 RGBA": colormap(data, bytes=True),
        "uint8 RGB": colormap(data, bytes=True)[..., :3],
        "plt.imread float32": read,
        "plt.imread as float64": read.astype(np.float64),
        "cmap(x) float64": colormap(data),
        "cmap(x) float32": colormap(data).astype(np.float32),
        "uint16 x257": colormap(data, bytes=True).astype(np.uint16) * 257,
    }


@pytest.mark.parametrize("name", ["viridis", "jet", "gray", "coolwarm"])
def test_exact_pictures_decode_at_the_floor_in_every_form(name: str, tmp_path) -> None:
    """Each pixel in its own bin, or in the bins its color shares (flagged ambiguous);
    the mean error is the floor, half a bin's width on average."""
    rng = np.random.default_rng(33)
    data = rng.random((48, 64))
    bins = np.minimum(np.floor(data * 256), 255)
    for form, picture in _forms(name, data, tmp_path / "p.png").items():
        result = Decolorizer(name, vmin=0, vmax=1).decode(picture)
        own_bin = np.minimum(np.floor(result.values * 256), 255) == bins
        assert np.all(own_bin | result.ambiguous), form
        assert np.all(result.residual == 0), form
        floor = 1 / 256 / 4  # uniform data in its bin's center: mean error of a quarter bin
        assert np.mean(np.abs(result.values - data)) <= floor * 1.25, form


def test_a_gray_picture_with_a_colored_map_is_refused() -> None:
    gray = np.zeros((4, 5), np.uint8)
    with pytest.raises(
        ShapeError, match=r"expected an RGB\(A\) picture for cmap 'viridis', got a 2-D array"
    ):
        decolorize(gray, cmap="viridis", vmin=0, vmax=1)
    ramp = matplotlib.colormaps["gray"](np.linspace(0, 1, 20).reshape(4, 5), bytes=True)
    for name in ("gray", "Greys_r", "binary_r"):  # gray-like maps take one channel
        assert np.array_equal(
            decolorize(ramp[..., 0], cmap=name, vmin=0, vmax=1),
            decolorize(ramp, cmap=name, vmin=0, vmax=1),
        )


def test_a_colorbar_carries_its_limits_and_norm_into_decolorize() -> None:
    import matplotlib.colors as mcolors

    from truepix.color import Colorbar
    from truepix.errors import InputError

    colors = matplotlib.colormaps["magma"](np.linspace(0, 1, 200), bytes=True)[:, :3]
    norm = mcolors.LogNorm(1, 1000)
    bar = Colorbar((0, 0, 10, 200), "vertical", colors, vmin=1.0, vmax=1000.0, norm=norm)
    data = 10 ** np.random.default_rng(34).uniform(0, 3, (20, 30))
    picture = matplotlib.colormaps["magma"](norm(data), bytes=True)
    values = decolorize(picture, cmap=bar)
    assert np.all(np.abs(np.log10(values) - np.log10(data)) <= 3 / 256)
    assert np.array_equal(values, decolorize(picture, cmap="magma", norm=norm))
    with pytest.raises(InputError, match=r"vmax=10\.0 and the colorbar's vmax=1000\.0"):
        decolorize(picture, cmap=bar, vmax=10.0)
    with pytest.raises(InputError, match="norm='log' and the colorbar's norm=<"):
        decolorize(picture, cmap=bar, norm="log")


@pytest.mark.parametrize("channels", [3, 4])
@pytest.mark.parametrize("cmap", ["viridis", "jet", "gray", "Greys_r"])
def test_one_d_data_round_trips_as_n_pixels(cmap: str, channels: int) -> None:
    """matplotlib colors 1-D data as (N, 4): decolorize takes that as N pixels, (N,) back."""
    data = np.linspace(0.0, 10.0, 100)
    data[7] = np.nan  # the bad color, (0, 0, 0, 0): still a row of pixels
    rgba = matplotlib.colormaps[cmap](data / 10.0, bytes=True)[:, :channels]
    values = decolorize(rgba, cmap=cmap, vmin=0, vmax=10)
    as_row = decolorize(rgba[None], cmap=cmap, vmin=0, vmax=10)[0]
    assert values.shape == (100,)
    assert np.array_equal(values, as_row, equal_nan=True)
    valid = ~np.isnan(data)
    assert np.nanmax(np.abs(values[valid] - data[valid])) <= 10.0 / 256 * 3  # gray repeats
    result = Decolorizer(cmap, vmin=0, vmax=10).decode(rgba)
    assert result.values.shape == result.residual.shape == result.ambiguous.shape == (100,)


def test_a_two_d_gray_array_of_width_3_or_4_is_refused_when_ambiguous() -> None:
    """(N, 3|4) whose rows are not gray pixels could be N pixels or a gray picture."""
    rng = np.random.default_rng(3)
    picture = rng.integers(0, 256, (50, 4), dtype=np.uint8)  # a gray picture 4 wide?
    with pytest.raises(ShapeError, match=r"could be either; pass N pixels as a\[None\]"):
        decolorize(picture, cmap="gray", vmin=0, vmax=1)
    as_gray = np.repeat(picture[..., None], 3, axis=-1)  # what the message says to do
    assert decolorize(as_gray, cmap="gray", vmin=0, vmax=1).shape == (50, 4)
    wide = rng.integers(0, 256, (50, 5), dtype=np.uint8)  # no other reading: a picture
    assert decolorize(wide, cmap="gray", vmin=0, vmax=1).shape == (50, 5)
    with pytest.raises(ShapeError, match=r"2-D array of shape \(50, 5\) \(a gray picture"):
        decolorize(wide, cmap="viridis", vmin=0, vmax=1)


def test_a_palette_png_read_as_indices_gets_an_error_naming_convert_rgb(tmp_path) -> None:
    """A Pillow mode 'P' PNG read with np.asarray is its palette's indices (2-D): the error
    says how to get its colors, and doing what it says decodes at the floor."""
    from PIL import Image

    data = np.linspace(0.0, 1.0, 64 * 48).reshape(48, 64)
    rgb = matplotlib.colormaps["viridis"](data, bytes=True)[..., :3]
    path = tmp_path / "palette.png"
    Image.fromarray(rgb).quantize(256, dither=Image.Dither.NONE).save(path)
    indices = np.asarray(Image.open(path))
    assert indices.ndim == 2  # what a user gets
    with pytest.raises(ShapeError, match=r"palette PNG/GIF.*convert\('RGB'\)"):
        decolorize(indices, cmap="viridis", vmin=0, vmax=1)
    colors = np.asarray(Image.open(path).convert("RGB"))
    values = decolorize(colors, cmap="viridis", vmin=0, vmax=1)
    assert not np.isnan(values).any()
    assert np.abs(values - data).max() <= 2.0 / 256  # 256 colors of a 256-entry map


@pytest.mark.parametrize("form", ["png", "gif"])
def test_a_pillow_palette_image_is_its_colors_everywhere(form: str, tmp_path) -> None:
    """The opened Pillow image itself (not np.asarray of it) is read by its colors: trial
    47 found identify_colormap(Image.open(gif)) naming ``gray`` at score 1.0 -- it had
    read the palette's indices -- while decolorize refused the same object."""
    from PIL import Image

    from truepix import find_colorbar, identify_colormap

    data = np.linspace(0.0, 1.0, 64 * 48).reshape(48, 64)
    rgb = matplotlib.colormaps["magma"](data, bytes=True)[..., :3]
    path = tmp_path / f"palette.{form}"
    Image.fromarray(rgb).quantize(256, dither=Image.Dither.NONE).save(path)
    with Image.open(path) as file:
        opened = file.copy()  # (a GIF's file stays open while its image lives)
    assert opened.mode == "P"
    assert identify_colormap(opened)[0].name == "magma"
    values = decolorize(opened, cmap="magma", vmin=0, vmax=1)
    expected = decolorize(np.asarray(opened.convert("RGB")), cmap="magma", vmin=0, vmax=1)
    np.testing.assert_array_equal(values, expected)
    assert np.abs(values - data).max() <= 2.0 / 256
    assert find_colorbar(opened) is None  # a picture, no figure: no bar (and no error)

def test_one_d_data_as_a_dask_array() -> None:
    """The same rule chunk by chunk: (N, 4) of a colored map is N pixels."""
    import dask.array as da
    data = np.linspace(0.0, 1.0, 64)
    rgba = matplotlib.colormaps["jet"](data, bytes=True)
    lazy = decolorize(da.from_array(rgba, chunks=(16, 4)), cmap="jet", vmin=0, vmax=1)
    assert lazy.shape == (64,)
    assert np.array_equal(lazy.compute(), decolorize(rgba, cmap="jet", vmin=0, vmax=1))
    gray = matplotlib.colormaps["gray"](data, bytes=True)
    with pytest.raises(ShapeError, match="could be either"):
        decolorize(da.from_array(gray, chunks=(16, 4)), cmap="gray", vmin=0, vmax=1)


def test_eight_bit_levels_in_a_uint16_array_are_refused_with_the_fix():
    """A uint16 array holding 0..255 levels (a cast that widened the type without
    scaling) is every color within 1 DN of black as 16-bit: an error that says so and
    names the fix, where trial 47 got 100 % NaN and advice to pass cmap='flag'."""
    from truepix import find_colorbar, identify_colormap
    from truepix.errors import OutOfRangeError

    field = np.linspace(0.0, 1.0, 64).reshape(8, 8)
    rgb = matplotlib.colormaps["viridis"](field, bytes=True)[..., :3]
    widened = rgb.astype(np.uint16)
    for call in (
        lambda: decolorize(widened, cmap="viridis", vmin=0.0, vmax=1.0),
        lambda: identify_colormap(widened),
        lambda: find_colorbar(widened),
    ):
        with pytest.raises(OutOfRangeError, match=r"astype\(np.uint8\)") as caught:
            call()
        assert "\n" not in str(caught.value)
    # ... the same levels scaled to 16 bits decode, and so do the 8-bit ones
    expected = decolorize(rgb, cmap="viridis", vmin=0.0, vmax=1.0)
    np.testing.assert_array_equal(
        decolorize(widened * 257, cmap="viridis", vmin=0.0, vmax=1.0), expected
    )
    # an all-black 16-bit picture is black, not 8-bit levels
    black = np.zeros((4, 4, 3), np.uint16)
    assert decolorize(black, cmap="gray", vmin=0.0, vmax=1.0).shape == (4, 4)

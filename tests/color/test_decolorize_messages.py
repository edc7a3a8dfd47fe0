"""What decolorize says about its input: paths, NaN pixels, ranges, a wrong cmap."""

from __future__ import annotations

import io
import re
import warnings
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import truepix as tp
from truepix.errors import InputError, OffMapWarning, OutOfRangeError, UnsupportedInputError

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def figure() -> dict[str, np.ndarray]:
    """A matplotlib figure: imshow with a colorbar, a title and labels (big white
    margins), as PNG and as JPEG q75, plus the data and the bare picture."""
    rng = np.random.default_rng(0)
    data = np.cumsum(np.cumsum(rng.normal(size=(96, 128)), 0), 1)
    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=80)
    image = ax.imshow(data, cmap="viridis")
    fig.colorbar(image)
    ax.set_title("a title")
    ax.set_xlabel("x")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    png = np.asarray(Image.open(buffer))
    jpeg_buffer = io.BytesIO()
    Image.fromarray(png[..., :3]).save(jpeg_buffer, "JPEG", quality=75)
    jpeg = np.asarray(Image.open(jpeg_buffer))
    bare = matplotlib.colormaps["viridis"]((data - data.min()) / np.ptp(data), bytes=True)
    return {"png": png, "jpeg": jpeg, "bare": bare}


@pytest.mark.parametrize("path", ["file.png", Path("file.png")])
def test_a_path_is_refused_with_how_to_load_it(path) -> None:
    with pytest.raises(UnsupportedInputError, match=r"got a (str|\w*Path) .*truepix\.load"):
        tp.decolorize(path, cmap="viridis", vmin=0, vmax=1)


def test_nan_pixels_get_the_hint_to_mask_them() -> None:
    picture = matplotlib.colormaps["viridis"](np.linspace(0, 1, 12).reshape(3, 4))
    picture[0, 0] = np.nan
    with pytest.raises(OutOfRangeError, match=r"got 4 NaN; mark pixels that are not data"):
        tp.decolorize(picture, cmap="viridis", vmin=0, vmax=1)
    values = tp.decolorize(np.ma.masked_invalid(picture), cmap="viridis", vmin=0, vmax=1)
    assert np.isnan(values[0, 0]) and not np.isnan(values.reshape(-1)[1:]).any()  # as hinted
    with pytest.raises(OutOfRangeError, match=r"divide 0\.\.255 values by 255"):
        tp.decolorize(np.nan_to_num(picture) * 255, cmap="viridis", vmin=0, vmax=1)


@pytest.mark.parametrize(
    ("vmin", "vmax", "got"), [(2.0, 1.0, "2.0 > vmax=1.0"), (1.0, 1.0, "1.0 = vmax=1.0")]
)
def test_empty_and_reversed_ranges_read_alike(vmin: float, vmax: float, got: str) -> None:
    with pytest.raises(InputError, match=rf"^expected vmin < vmax, got vmin={got}"):
        tp.decolorize(np.zeros((2, 2, 3), np.uint8), cmap="viridis", vmin=vmin, vmax=vmax)


def test_a_wrong_cmap_warns(figure) -> None:
    """A viridis picture decoded as plasma: most pixels off the map, one warning line
    that names the map the colors fit far better."""
    pattern = r"^\d+% of the picture's pixels are not colors of 'plasma' and came back NaN; "
    better = r"the colors fit 'viridis' far better \(0\.0 DN against \d+\.\d DN for 'plasma'\)"
    with pytest.warns(OffMapWarning, match=pattern + better + ": pass cmap='viridis'$") as caught:
        values = tp.decolorize(figure["bare"], cmap="plasma", vmin=0, vmax=1)
    assert np.isnan(values).mean() > 0.5 and len(caught) == 1
    assert "\n" not in str(caught[0].message)
    with pytest.warns(OffMapWarning, match="the colors fit 'viridis' far better"):
        tp.decolorize(figure["png"], cmap="plasma", vmin=0, vmax=1)  # a whole figure too


@pytest.mark.parametrize("size", [16, 64])
def test_a_wrong_cmap_no_map_fits_keeps_the_identify_hint(size: int) -> None:
    """Colors of no catalog map (random ones): the warning points at identify_colormap --
    on a 16x16 picture too (trial43: silent under 1024 pixels), nearly all its pixels off."""
    picture = np.random.default_rng(3).integers(0, 256, (size, size, 3), dtype=np.uint8)
    with pytest.warns(OffMapWarning, match=r"is cmap right\? truepix\.identify_colormap"):
        tp.decolorize(picture, cmap="viridis", vmin=0, vmax=1)


@pytest.mark.parametrize(("low", "high"), [(-0.012, 1.0), (0.0, 1.013), (-0.05, 1.08), (0, 1.2)])
def test_a_resize_overshoot_gets_the_hint_to_clip(low: float, high: float) -> None:
    """Floats a cubic or Lanczos resize left outside [0, 1] are refused with the extremes,
    the share of pixels outside and how to clip; 0..255 floats with the hint to divide."""
    picture = matplotlib.colormaps["viridis"](np.linspace(0, 1, 12).reshape(3, 4))[..., :3]
    picture[0, 0, 0], picture[2, 3, 1] = low, high
    share = sum(v < 0 or v > 1 for v in (low, high)) / 12
    got = rf"got floats in \[{low:.4g}, {high:.4g}\] \({share:.0%} of the pixels outside \[0, 1\]\)"
    with pytest.raises(OutOfRangeError, match=got + r"; .*Lanczos.*np\.clip\(picture, 0, 1\)$"):
        tp.decolorize(picture, cmap="viridis", vmin=0, vmax=1)
    with pytest.raises(OutOfRangeError, match=r"\[0, 255\]; divide 0\.\.255 values by 255"):
        tp.decolorize(picture.clip(0, 1) * 255, cmap="viridis", vmin=0, vmax=1)
    values = tp.decolorize(np.clip(picture, 0, 1), cmap="viridis", vmin=0, vmax=1)  # as hinted
    assert values.shape == (3, 4)


@pytest.mark.parametrize(("name", "kernel"), [
    ("jet", "INTER_CUBIC"), ("viridis", "INTER_CUBIC"), ("hsv", "INTER_LANCZOS4"),
    ("turbo", "INTER_LANCZOS4"),
])  # fmt: skip
def test_a_resize_far_past_one_is_still_an_overshoot(name: str, kernel: str) -> None:
    """OpenCV's resizes of float colors reach [-0.29, 1.43] (jet, hsv; Lanczos also lifts a
    constant alpha to 1 + 1e-7 at every pixel): the clip advice, from every entry that
    checks a picture, and the share it states is the resize's."""
    import cv2

    field = np.random.default_rng(0).random((64, 64))  # sharp edges everywhere
    colors = matplotlib.colormaps[name](field).astype(np.float32)
    picture = cv2.resize(colors, (150, 150), interpolation=getattr(cv2, kernel))
    outside = ((picture < 0) | (picture > 1)).any(axis=-1).mean()
    assert picture.max() > 1.1  # past the old 0.1 allowance
    entries = [lambda: tp.decolorize(picture, cmap=name, vmin=0, vmax=1),
               lambda: tp.Decolorizer(name, vmin=0, vmax=1).decode(picture),
               lambda: tp.identify_colormap(picture), lambda: tp.find_colorbar(picture),
               lambda: tp.read_figure(picture)]  # fmt: skip
    for entry in entries:
        with pytest.raises(OutOfRangeError, match=r"np\.clip\(picture, 0, 1\)$") as caught:
            entry()
        assert "255" not in str(caught.value)
        assert f"({outside:.0%} of the pixels outside [0, 1])" in str(caught.value)
    tp.decolorize(np.clip(picture, 0, 1), cmap=name, vmin=0, vmax=1)


@pytest.mark.parametrize(("value", "shown"), [(1 + 1e-9, "1.000000001"),
                                              (np.float32(1) + np.float32(2**-23), "1.0000001"),
                                              (-1e-12, "-1e-12")])  # fmt: skip
def test_an_excess_too_small_for_four_digits_is_shown(value: float, shown: str) -> None:
    """Not "floats in [0, 1]" for a picture that is not: enough digits to see the excess."""
    picture = np.full((8, 8, 3), 0.5, dtype=np.asarray(value).dtype)
    picture[0, 0, 0] = value
    low, high = (shown, "0.5") if value < 0 else ("0.5", shown)
    with pytest.raises(OutOfRangeError, match=rf"got floats in \[{low}, {high}\] \(2% of"):
        tp.decolorize(picture, cmap="viridis", vmin=0, vmax=1)


@pytest.mark.parametrize(("high", "hint"), [(2.0, "divide 0..255 values by 255"),
                                            (255.0, "divide 0..255 values by 255"),
                                            (4095.0, "divide 0..65535 values by 65535")])
def test_scaled_values_get_the_hint_to_divide(high: float, hint: str) -> None:
    """0..255 (or 0..65535) floats: most values above 1, or a maximum past any overshoot."""
    picture = np.full((8, 8, 3), high)
    picture[0, 0] = 0.0
    with pytest.raises(OutOfRangeError, match=re.escape(hint)):
        tp.decolorize(picture, cmap="viridis", vmin=0, vmax=1)


@pytest.mark.parametrize("form", ["png", "jpeg", "bare"])
def test_right_cmaps_are_quiet_on_figures_with_margins(figure, form: str) -> None:
    """A whole figure (white margins, colorbar, title: ~60 % NaN) decoded as the docs
    show, by name and by the colorbar found in it, warns of nothing; nor does a
    picture of mostly transparent (NaN) data, nor a small crop of one labelled cell."""
    picture = figure[form]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = tp.decolorize(picture, cmap="viridis", vmin=0, vmax=1)
        if form != "bare":
            assert np.isnan(values).mean() > 0.5  # the margins
            tp.decolorize(picture, cmap=tp.find_colorbar(picture), vmin=0, vmax=1)
        mostly_nan = np.full((40, 40), np.nan)
        mostly_nan[:5] = 0.5
        tp.decolorize(tp.colorize(mostly_nan, vmin=0, vmax=1), cmap="viridis", vmin=0, vmax=1)
    # a 20x20 crop all off the map is no longer too small to say so (trial43: the
    # evidence needs few pixels when nearly all are off), and names the map it is
    with pytest.warns(OffMapWarning, match=r"100% .* pass cmap='viridis'"):
        tp.decolorize(figure["bare"][:20, :20], cmap="plasma", vmin=0, vmax=1)


@pytest.mark.parametrize("colors", [["red"], ["#123456"]])
def test_a_one_color_colormap_is_refused(colors: list[str]) -> None:
    # trial 47: ListedColormap(["red"]) decoded every red pixel to 0.5 silently; one color
    # carries no value (the (N, 3) array form already needs N >= 2)
    from matplotlib.colors import ListedColormap

    picture = np.full((4, 4, 3), 200, np.uint8)
    with pytest.raises(InputError, match=r"^expected a colormap of N >= 2 colors to decode, "
                       r"got N=1: one color carries no value"):  # fmt: skip
        tp.decolorize(picture, cmap=ListedColormap(colors), vmin=0, vmax=1)
    with pytest.raises(InputError, match="N >= 2"):
        tp.decolorize(picture, cmap=np.array([[255, 0, 0]], np.uint8), vmin=0, vmax=1)


@pytest.mark.parametrize("channels", [3, 4])
def test_a_channels_first_picture_is_told_to_move_its_channels(channels: int) -> None:
    # trial 48: a (3, H, W) array (torch, rasterio) got the hint about rows of colors
    data = np.linspace(0.0, 1.0, 40 * 50).reshape(40, 50)
    picture = np.moveaxis(tp.colorize(data, cmap="viridis")[..., :channels], -1, 0)
    hint = r"got shape \(%d, 40, 50\); channels first .*np\.moveaxis\(picture, -3, -1\)$" % channels
    with pytest.raises(tp.errors.ShapeError, match=hint):
        tp.decolorize(picture, cmap="viridis", vmin=0, vmax=1)
    with pytest.raises(tp.errors.ShapeError, match=hint):
        tp.identify_colormap(picture)
    moved = np.moveaxis(picture, 0, -1)  # doing what it says works
    values = tp.decolorize(moved, cmap="viridis", vmin=0, vmax=1)
    assert np.abs(values - data).max() <= 1 / 256


def test_a_tcyx_stack_is_told_to_move_its_channels_too() -> None:
    # trial 49: tifffile reads an ImageJ hyperstack as (T, C, Y, X): no hint was given
    data = np.linspace(0.0, 1.0, 40 * 50).reshape(40, 50)
    picture = np.moveaxis(tp.colorize(data, cmap="viridis")[..., :3], -1, 0)[None]
    hint = r"got shape \(1, 3, 40, 50\); channels first .*np\.moveaxis\(picture, -3, -1\)$"
    with pytest.raises(tp.errors.ShapeError, match=hint):
        tp.decolorize(picture, cmap="viridis", vmin=0, vmax=1)
    values = tp.decolorize(np.moveaxis(picture, -3, -1)[0], cmap="viridis", vmin=0, vmax=1)
    assert np.abs(values - data).max() <= 1 / 256


def test_imageios_gif_frames_are_read_and_a_stack_is_told_to_pass_one() -> None:
    # trial 53: identify_colormap refused imageio's (1, H, W, 3) GIF with the hint about rows
    import imageio.v3 as iio

    data = np.linspace(0.0, 1.0, 60 * 80).reshape(60, 80)
    frames = iio.imread(iio.imwrite("<bytes>", tp.colorize(data, cmap="viridis")[None, ..., :3],
                                    extension=".gif"), extension=".gif", index=None)  # fmt: skip
    assert frames.shape == (1, 60, 80, 3)
    assert tp.identify_colormap(frames)[0].name == "viridis"
    assert tp.read_figure(frames).shape == (60, 80)
    values = tp.decolorize(frames, cmap="viridis", vmin=0, vmax=1)  # (a stack: one answer each)
    assert values.shape == (1, 60, 80) and np.nanmax(np.abs(values[0] - data)) <= 2 / 256
    hint = r"got shape \(2, 60, 80, 3\); a stack of 2 pictures .*pass one: picture\[0\]$"
    for call in (tp.identify_colormap, tp.find_colorbar, tp.read_figure):
        with pytest.raises(tp.errors.ShapeError, match=hint):
            call(np.concatenate([frames, frames]))


def test_an_animated_gif_is_decoded_frame_by_frame_or_refused_as_one_picture() -> None:
    # trial 55: a 3-frame GIF opened with Pillow was decoded from its first frame, silently
    ramp = np.linspace(0.0, 1.0, 40 * 50).reshape(40, 50)
    data = np.stack([ramp, ramp**2, ramp**3])
    frames = [Image.fromarray(tp.colorize(frame, cmap="viridis")[..., :3]) for frame in data]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=100)
    gif = Image.open(buffer)
    assert (gif.n_frames, gif.mode) == (3, "P")
    values = tp.decolorize(gif, cmap="viridis", vmin=0, vmax=1)  # Pillow: P, then RGB frames
    assert values.shape == (3, 40, 50) and gif.tell() == 0
    assert np.nanmax(np.abs(values - data)) <= 2 / 256 and not np.isnan(values).any()
    hint = r"^expected one picture, got a Pillow image of 3 frames .*image\.seek\(i\)"
    for call in (tp.identify_colormap, tp.find_colorbar, tp.read_figure):
        with pytest.raises(tp.errors.ShapeError, match=hint):
            call(gif)


@pytest.mark.parametrize("kind", [bytes, bytearray, memoryview])
def test_an_encoded_files_bytes_get_one_short_line(kind) -> None:
    # trial 49: a JPEG's bytes got an error of 2,207 characters, mostly their repr
    buffer = io.BytesIO()
    field = np.linspace(0, 1, 64 * 64).reshape(64, 64)
    Image.fromarray(tp.colorize(field, cmap="viridis")[..., :3]).save(buffer, "JPEG")
    data = kind(buffer.getvalue())
    with pytest.raises(UnsupportedInputError) as raised:
        tp.decolorize(data, cmap="viridis", vmin=0, vmax=1)
    message = str(raised.value)
    expected = f"expected a picture (an array of pixels), got {len(buffer.getvalue())} bytes"
    assert message.startswith(expected)
    assert len(message) < 200 and "\n" not in message
    assert "PIL.Image.open(io.BytesIO(data))" in message
    decoded = np.asarray(Image.open(io.BytesIO(bytes(data))))  # doing what it says works
    assert tp.decolorize(decoded, cmap="viridis", vmin=0, vmax=1).shape == (64, 64)


def _plot_objects() -> dict[str, object]:
    field = np.add.outer(np.linspace(0, 1, 16), np.linspace(0, 1, 16))
    fig, ax = plt.subplots(figsize=(2, 2), dpi=50)
    return {
        "fig": fig, "ax": ax, "im": ax.imshow(field), "mesh": ax.pcolormesh(field),
        "contours": ax.contourf(field), "scatter": ax.scatter([1, 2], [3, 4], c=[0, 1]),
    }  # fmt: skip


@pytest.mark.parametrize(
    "call",
    [
        lambda o: tp.decolorize(o, cmap="viridis"),  # no limits: the input is told first
        lambda o: tp.decolorize(o, cmap="viridis", vmin=0, vmax=1),
        lambda o: tp.Decolorizer("viridis", vmin=0, vmax=1).values(o),
        tp.identify_colormap,
        tp.read_figure,
    ],
    ids=["decolorize", "decolorize-limits", "Decolorizer", "identify_colormap", "read_figure"],
)
def test_a_matplotlib_object_is_refused_with_how_to_draw_it(call) -> None:
    # trial 50: a Figure or AxesImage passed as the picture got "got shape ()"
    objects = _plot_objects()
    try:
        for name, thing in objects.items():
            with pytest.raises(UnsupportedInputError) as raised:
                call(thing)
            message = str(raised.value)
            kind = type(thing).__name__
            expected = f"expected a picture (an array of pixels), got a matplotlib {kind};"
            assert message.startswith(expected), message
            assert "canvas.buffer_rgba()" in message and "\n" not in message, message
            # artists holding data say where it is; the way shown gives a picture that decodes
            assert ("get_array()" in message) == (name not in ("fig", "ax")), message
        fig = objects["fig"]
        fig.canvas.draw()
        picture = np.asarray(fig.canvas.buffer_rgba())  # as the message says
    finally:
        plt.close(objects["fig"])
    assert picture.shape[-1] == 4 and tp.identify_colormap(picture)[0].name == "viridis"


def test_a_plotnine_or_seaborn_plot_object_is_refused_with_how_to_draw_it() -> None:
    # trial 53: a plotnine ggplot passed as the picture got "got shape ()"
    from tests._needs import need_module

    pd, p9, sns = need_module("pandas"), need_module("plotnine"), need_module("seaborn")

    frame = pd.DataFrame({"x": np.tile(np.arange(6), 4), "y": np.repeat(np.arange(4), 6)})
    frame["z"] = frame.x * frame.y
    plot = p9.ggplot(frame, p9.aes("x", "y", fill="z")) + p9.geom_tile()
    grid = sns.FacetGrid(frame, col="y")
    # trial 55: an xarray facet plot (a FacetGrid with .fig, no .figure) got "got shape ()"
    facets = need_module("xarray").DataArray(np.zeros((2, 3, 4)), dims=("t", "y", "x"))
    facets = facets.plot(col="t")
    try:
        for thing, kind, recipe in ((plot, "a plotnine ggplot", "FigureCanvasAgg(plot.draw())"),
                                    (grid, "a seaborn FacetGrid", "fig = grid.figure"),
                                    (facets, "an xarray FacetGrid", "fig = grid.fig;"),
                                    ):  # fmt: skip
            for call in (tp.identify_colormap, tp.read_figure,
                         lambda o: tp.decolorize(o, cmap="viridis", vmin=0, vmax=1)):  # fmt: skip
                with pytest.raises(UnsupportedInputError) as raised:
                    call(thing)
                message = str(raised.value)
                assert message.startswith(f"expected a picture (an array of pixels), got {kind};")
                assert recipe in message and "\n" not in message, message
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        canvas = FigureCanvasAgg(plot.draw())  # as the message says: a picture that decodes
        canvas.draw()
        picture = np.asarray(canvas.buffer_rgba())
    finally:
        plt.close("all")
    assert picture.shape[-1] == 4 and tp.read_figure(picture).panels

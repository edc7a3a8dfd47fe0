"""`truepix show`: quick-look pictures of truepix files, foreign pictures and .npy arrays."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import imagecodecs
import numpy as np
import pytest
import tifffile
from click.testing import CliRunner
from matplotlib.figure import Figure
from PIL import Image

import truepix as tp
from truepix.cli.main import cli
from truepix.display import preview_figure

RNG = np.random.default_rng(7)


def title(fig: Figure) -> str:
    assert fig._suptitle is not None
    return fig._suptitle.get_text()


def shown(fig: Figure, panel: int = 0) -> Any:
    """The array drawn in a panel (masked where NaN/Inf)."""
    return fig.axes[panel].images[0].get_array()


def colorbar_range(fig: Figure, panel: int = 0) -> tuple[float, float]:
    image = fig.axes[panel].images[0]
    return (image.norm.vmin, image.norm.vmax)


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, ["show", *args], catch_exceptions=False)


# ---------------------------------------------------------------- files truepix wrote


def test_exact_file_shows_the_values_and_says_exact(tmp_path: Path) -> None:
    data = RNG.normal(size=(24, 32)).astype(np.float32)
    data[2, 3] = np.nan
    data[4, 5] = -np.inf
    path = tmp_path / "field.png"
    tp.save(path, data)
    fig = preview_figure(path)
    assert "truepix PNG, encoding 'exact': exact, bit for bit" in title(fig)
    assert "float32 24x32" in title(fig)
    assert "1 NaN, 1 ±Inf" in title(fig)
    drawn = shown(fig)
    np.testing.assert_array_equal(drawn.mask, ~np.isfinite(data))
    np.testing.assert_array_equal(drawn.data[np.isfinite(data)], data[np.isfinite(data)])
    finite = data[np.isfinite(data)]
    assert colorbar_range(fig) == (finite.min(), finite.max())
    assert fig.axes[1].get_ylabel() == "value"


@pytest.mark.parametrize("bits", [8, 16])
def test_lossy_file_states_its_bound_and_shows_real_units(tmp_path: Path, bits: int) -> None:
    data = RNG.uniform(-40.0, 90.0, size=(20, 30))
    path = tmp_path / "temperature.png"
    tp.save(path, data, encoding="linear", bits=bits, vmin=-40, vmax=90)
    info = tp.info(path)
    fig = preview_figure(path)
    assert f"encoding 'linear': lossy, |error| ≤ {info.max_error:.3g} (guaranteed)" in title(fig)
    np.testing.assert_array_equal(shown(fig).data, tp.load(path))  # decoded, not samples
    loaded = tp.load(path)
    assert colorbar_range(fig) == (loaded.min(), loaded.max())
    assert colorbar_range(fig)[1] > 80  # real units, not 0..255 samples


def test_tiff_stack_shows_one_plane_and_says_which(tmp_path: Path) -> None:
    data = RNG.random((2, 3, 8, 9))
    path = tmp_path / "stack.tif"
    tp.save(path, data)
    fig = preview_figure(path, plane=4)
    assert "showing plane [1, 1] of 6 (--plane)" in title(fig)
    np.testing.assert_array_equal(shown(fig).data, data[1, 1])


# ---------------------------------------------------------------- foreign pictures


def test_foreign_gray_png_shows_stored_samples_on_their_dtype_range(tmp_path: Path) -> None:
    samples = RNG.integers(40, 90, size=(16, 20), dtype=np.uint8)  # a dim picture
    path = tmp_path / "photo.png"
    Image.fromarray(samples).save(path)
    fig = preview_figure(path)
    assert "foreign PNG: the stored samples, as saved" in title(fig)
    np.testing.assert_array_equal(shown(fig).data, samples)
    assert colorbar_range(fig) == (0, 255)  # not stretched like imshow would
    assert fig.axes[0].images[0].cmap.name.startswith("gray")
    assert fig.axes[1].get_ylabel() == "stored sample"


def test_foreign_16_bit_tiff(tmp_path: Path) -> None:
    samples = RNG.integers(0, 4096, size=(10, 12), dtype=np.uint16)
    path = tmp_path / "camera.tif"
    tifffile.imwrite(path, samples)
    fig = preview_figure(path, vmin=0, vmax=4095)
    assert "foreign TIFF" in title(fig)
    np.testing.assert_array_equal(shown(fig).data, samples)
    assert colorbar_range(fig) == (0, 4095)


@pytest.mark.parametrize(("dtype", "channels"), [("uint8", 3), ("uint16", 4), ("uint16", 3)])
def test_foreign_color_pictures_are_drawn_in_color_via_to_display(
    tmp_path: Path, dtype: str, channels: int
) -> None:
    samples = RNG.integers(0, np.iinfo(dtype).max, size=(9, 11, channels), dtype=dtype)
    path = tmp_path / "color.png"
    path.write_bytes(imagecodecs.png_encode(samples))
    fig = preview_figure(path)
    assert len(fig.axes) == 1  # colors are the data: no colorbar
    np.testing.assert_array_equal(shown(fig), tp.to_display(samples))
    kind = "RGBA" if channels == 4 else "RGB"
    assert f"{kind}: [0, {np.iinfo(dtype).max}] → [0, 1]" in title(fig)


# ---------------------------------------------------------------- .npy arrays and shapes


def test_float_rgb_in_minus_one_one_keeps_its_colors(tmp_path: Path) -> None:
    original = RNG.random((6, 7, 3))
    original[0, 0] = [0.0, 0.0, 0.0]
    original[0, 1] = [1.0, 1.0, 1.0]
    np.save(tmp_path / "rgb.npy", original * 2 - 1)
    fig = preview_figure(tmp_path / "rgb.npy")
    np.testing.assert_allclose(shown(fig), original, atol=1e-15)
    assert "RGB: [-1, 1] → [0, 1]" in title(fig)


@pytest.mark.parametrize(
    ("data", "plane", "expected", "note"),
    [
        (np.arange(60.0).reshape(3, 4, 5), 2, lambda d: d[2], "showing plane [2] of 3"),
        (np.arange(24.0).reshape(4, 6, 1), 0, lambda d: d[..., 0], None),
        (np.arange(700.0).reshape(7, 10, 10), 0, lambda d: d[0], "plane [0] of 7"),
        (np.arange(10.0).reshape(2, 5) > 4, 0, lambda d: d, None),
        (np.arange(6).reshape(2, 3) + 2j, 0, lambda d: np.abs(d), "complex: showing |z|"),
    ],
)
def test_planes_and_dtypes(
    tmp_path: Path, data: np.ndarray, plane: int, expected: Any, note: str | None
) -> None:
    np.save(tmp_path / "a.npy", data)
    fig = preview_figure(tmp_path / "a.npy", plane=plane)
    np.testing.assert_array_equal(shown(fig).data, expected(data))
    assert "NumPy .npy file" in title(fig)
    if note:
        assert note in title(fig)


def test_two_channels_are_two_panels(tmp_path: Path) -> None:
    flow = RNG.normal(size=(8, 9, 2))
    np.save(tmp_path / "flow.npy", flow)
    fig = preview_figure(tmp_path / "flow.npy")
    images = [ax for ax in fig.axes if ax.images]
    assert len(images) == 2
    for channel, ax in enumerate(images):
        np.testing.assert_array_equal(ax.images[0].get_array().data, flow[..., channel])
        assert ax.get_title() == f"channel {channel}"


def test_one_dimensional_data_is_a_line(tmp_path: Path) -> None:
    values = RNG.normal(size=50)
    np.save(tmp_path / "signal.npy", values)
    fig = preview_figure(tmp_path / "signal.npy")
    (line,) = fig.axes[0].lines
    np.testing.assert_array_equal(line.get_ydata(), values)


# ---------------------------------------------------------------- the command


def test_default_output_is_next_to_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    np.save(data_dir / "depth.npy", RNG.random((12, 16)))
    monkeypatch.chdir(tmp_path)
    result = run(str(data_dir / "depth.npy"))
    assert result.exit_code == 0, result.output
    written = tmp_path / "depth.preview.png"
    assert result.output.strip() == f"saved {written}: quick look of depth.npy"
    with Image.open(written) as picture:
        assert picture.format == "PNG" and picture.width > 300


def test_output_option_and_truepix_files(tmp_path: Path) -> None:
    tp.save(tmp_path / "f.tif", RNG.random((5, 6)).astype(np.float16))
    target = tmp_path / "out" / "quick.png"
    target.parent.mkdir()
    result = run(str(tmp_path / "f.tif"), "-o", str(target), "--cmap", "magma")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"saved {target}: ")
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_output_as_last_argument_or_option_not_both(tmp_path: Path) -> None:
    np.save(tmp_path / "a.npy", RNG.random((5, 6)))
    target = tmp_path / "b.png"
    assert run(str(tmp_path / "a.npy"), str(target)).exit_code == 0
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    both = CliRunner().invoke(
        cli, ["show", str(tmp_path / "a.npy"), str(target), "-o", str(tmp_path / "c.png")]
    )
    assert both.exit_code == 2 and "got both" in both.output


def test_no_overwrite_keeps_the_existing_file(tmp_path: Path) -> None:
    np.save(tmp_path / "a.npy", RNG.random((5, 6)))
    target = tmp_path / "b.png"
    target.write_bytes(b"mine")
    result = CliRunner().invoke(
        cli, ["show", str(tmp_path / "a.npy"), str(target), "--no-overwrite"]
    )
    assert result.exit_code == 1 and result.output.startswith("error: expected a new file")
    assert target.read_bytes() == b"mine"


def test_catalog_colormaps_beyond_matplotlib(tmp_path: Path) -> None:
    import matplotlib

    data = RNG.random((6, 7))
    np.save(tmp_path / "a.npy", data)
    fig = preview_figure(tmp_path / "a.npy", cmap="cmocean:thermal")
    table = fig.axes[0].images[0].cmap(np.linspace(0, 1, 256), bytes=True)
    expected = tp.color.catalog["cmocean:thermal"].lut_bytes
    np.testing.assert_array_equal(table, expected)
    assert isinstance(fig.axes[0].images[0].cmap, matplotlib.colors.Colormap)
    result = run(str(tmp_path / "a.npy"), "-o", str(tmp_path / "t.png"), "--cmap", "opencv:jet")
    assert result.exit_code == 0, result.output


def test_masked_values_are_drawn_bad_and_left_out_of_the_range() -> None:
    data = np.ma.masked_greater(np.arange(12.0).reshape(3, 4), 8)
    fig = preview_figure(data)
    drawn = shown(fig)
    np.testing.assert_array_equal(np.ma.getmaskarray(drawn), np.ma.getmaskarray(data))
    assert colorbar_range(fig) == (0.0, 8.0)
    assert "3 masked" in title(fig)


@pytest.mark.parametrize(
    ("make", "args", "message"),
    [
        (lambda p: np.save(p / "a.npy", np.float64(3.0)), ["--plane", "0"], "got shape ()"),
        (lambda p: np.save(p / "a.npy", np.zeros((3, 4, 5))), ["--plane", "3"], "0..2, got 3"),
        (lambda p: np.save(p / "a.npy", np.zeros((3, 4))), ["--cmap", "virdis"], "'viridis'"),
        (lambda p: np.save(p / "a.npy", np.zeros((3, 4))), ["--vmin", "2", "--vmax", "1"], "vmin <= vmax"),
        (
            lambda p: np.save(p / "a.npy", np.array([["x"]])),
            [],
            "expected numeric data, got dtype <U1",
        ),
    ],
)
def test_bad_input_is_one_red_line(
    tmp_path: Path, make: Any, args: list[str], message: str
) -> None:
    make(tmp_path)
    result = CliRunner().invoke(cli, ["show", str(tmp_path / "a.npy"), *args])
    assert result.exit_code == 1
    assert result.output.startswith("error: expected")
    assert message in result.output
    assert "Traceback" not in result.output


def test_corrupt_and_missing_files(tmp_path: Path) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"junk" * 10)
    result = CliRunner().invoke(cli, ["show", str(broken), "-o", str(tmp_path / "x.png")])
    assert result.exit_code == 1 and result.output.startswith("error:")
    missing = CliRunner().invoke(cli, ["show", str(tmp_path / "nope.npy")])
    assert missing.exit_code == 1 and "(no such file)" in missing.output


def test_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    Image.fromarray(np.zeros((4, 4), np.uint8)).save(tmp_path / "a.png")
    before = (tmp_path / "a.png").read_bytes()
    result = CliRunner().invoke(
        cli, ["show", str(tmp_path / "a.png"), "-o", str(tmp_path / "a.png")]
    )
    assert result.exit_code == 1 and "other than the input" in result.output
    assert (tmp_path / "a.png").read_bytes() == before


def test_listed_in_help() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert "show" in result.output and "quick-look" in result.output

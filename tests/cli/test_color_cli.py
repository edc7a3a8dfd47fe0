"""truepix colorize / identify and the demo's colormap section, through click."""

from __future__ import annotations

import io
import json
from pathlib import Path

import imagecodecs
import matplotlib
import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image
from rich.console import Console

import truepix as tp
from truepix.cli import _demo_color
from truepix.cli.main import cli


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def field(tmp_path: Path) -> tuple[Path, np.ndarray]:
    data = np.random.default_rng(0).normal(size=(30, 40)).cumsum(axis=0) + 50
    path = tmp_path / "field.npy"
    np.save(path, data)
    return path, data


@pytest.mark.parametrize("norm", ["linear", "log"])
def test_colorize_writes_matplotlibs_picture(runner, tmp_path, field, norm) -> None:
    source, data = field
    target = tmp_path / "out.png"
    args = ["colorize", str(source), str(target), "--cmap", "jet", "--vmin", "40", "--vmax", "60"]
    result = runner.invoke(cli, [*args, "--norm", norm, "--over", "white"])
    assert result.exit_code == 0, result.output
    norm_class = matplotlib.colors.LogNorm if norm == "log" else matplotlib.colors.Normalize
    expected = matplotlib.colormaps["jet"].with_extremes(over="white")(
        norm_class(40, 60)(data), bytes=True
    )
    np.testing.assert_array_equal(imagecodecs.png_decode(target.read_bytes()), expected)


def test_colorize_defaults_to_the_data_range(runner, tmp_path, field) -> None:
    source, data = field
    target = tmp_path / "out.png"
    assert runner.invoke(cli, ["colorize", str(source), str(target)]).exit_code == 0
    expected = tp.colorize(data, cmap="viridis", vmin=data.min(), vmax=data.max())
    np.testing.assert_array_equal(imagecodecs.png_decode(target.read_bytes()), expected)


@pytest.mark.parametrize("shape", [(64, 64), (50,)])
def test_colorize_records_its_map_and_limits(runner, tmp_path, shape) -> None:
    """The picture colorize writes is matplotlib's, and carries cmap and limits the
    way ``save --encoding colormap`` does: info, load and decolorize need nothing."""
    data = np.linspace(1000.0, 5000.0, int(np.prod(shape))).reshape(shape)
    source, target = tmp_path / "x.npy", tmp_path / "c.png"
    np.save(source, data)
    args = ["colorize", str(source), str(target), "--cmap", "viridis", "--vmin", "1500"]
    result = runner.invoke(cli, [*args, "--vmax", "4500"])
    assert result.exit_code == 0, result.output
    expected = matplotlib.colormaps["viridis"](
        matplotlib.colors.Normalize(1500, 4500)(data), bytes=True
    )
    written = imagecodecs.png_decode(target.read_bytes())
    assert np.array_equal(written.reshape(expected.shape), expected)
    info = tp.info(target)
    assert info.encoding == "colormap"
    recorded = (info.params["cmap"], info.params["vmin"], info.params["vmax"])
    assert recorded == ("viridis", 1500, 4500)
    result = runner.invoke(cli, ["info", str(target)])
    assert "not written by truepix" not in result.output and "colormap" in result.output
    values_path = tmp_path / "v.npy"
    result = runner.invoke(cli, ["decolorize", str(target), str(values_path)])  # no options
    assert result.exit_code == 0, result.output
    values = np.load(values_path)
    assert values.shape == shape
    assert np.nanmax(np.abs(values - np.clip(data, 1500, 4500))) <= 3000 / 256 * 1.5  # shared
    result = runner.invoke(cli, ["decolorize", str(target), str(values_path), "--vmin", "0"])
    assert result.exit_code == 1 and "1500" in result.output  # a conflict names both


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--cmap", "virdis"], "did you mean 'viridis'"),
        (["--vmin", "5", "--vmax", "1"], "vmin <= vmax"),
    ],
)
def test_colorize_errors_are_one_line(runner, tmp_path, field, extra, message) -> None:
    source, _ = field
    result = runner.invoke(cli, ["colorize", str(source), str(tmp_path / "o.png"), *extra])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_colorize_refuses_other_outputs_and_shapes(runner, tmp_path, field) -> None:
    source, _ = field
    result = runner.invoke(cli, ["colorize", str(source), str(tmp_path / "o.jpg")])
    assert result.exit_code == 1 and ".png" in result.output
    np.save(tmp_path / "cube.npy", np.zeros((2, 3, 4)))
    result = runner.invoke(cli, ["colorize", str(tmp_path / "cube.npy"), str(tmp_path / "o.png")])
    assert result.exit_code == 1 and "2-D" in result.output


def test_identify_png_and_jpeg(runner, tmp_path, field) -> None:
    _, data = field
    picture = tp.colorize(np.kron(data, np.ones((4, 4))), cmap="cmocean:deep")
    png = tmp_path / "p.png"
    png.write_bytes(imagecodecs.png_encode(picture))
    jpg = tmp_path / "p.jpg"
    Image.fromarray(picture[..., :3]).save(jpg, quality=90)
    for path in (png, jpg):
        result = runner.invoke(cli, ["identify", str(path), "--json", "--top", "2"])
        assert result.exit_code == 0, result.output
        matches = json.loads(result.output)
        assert len(matches) == 2
        assert matches[0]["name"] == "cmocean:deep" or "cmocean:deep" in matches[0]["aliases"]
    result = runner.invoke(cli, ["identify", str(png)])
    assert result.exit_code == 0 and "cmocean:deep" in result.output


def test_identify_colorbar_of_a_figure(runner, tmp_path) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(5, 4), dpi=90)
    canvas = FigureCanvasAgg(fig)
    ax = fig.subplots()
    fig.colorbar(ax.imshow(np.random.default_rng(1).normal(size=(20, 20)), cmap="cividis_r"))
    canvas.draw()
    path = tmp_path / "figure.png"
    path.write_bytes(imagecodecs.png_encode(np.asarray(canvas.buffer_rgba())))
    result = runner.invoke(cli, ["identify", str(path), "--colorbar", "--json", "--top", "1"])
    assert result.exit_code == 0, result.output
    (best,) = json.loads(result.output)
    assert best["name"] == "cividis" and best["reversed"] is True
    blank = tmp_path / "blank.png"
    blank.write_bytes(imagecodecs.png_encode(np.full((50, 50, 3), 255, np.uint8)))
    result = runner.invoke(cli, ["identify", str(blank), "--colorbar"])
    assert result.exit_code == 1 and "expected a colorbar" in result.output


def test_identify_prints_the_doubt_of_a_hand_built_map(runner, tmp_path) -> None:
    """No catalog map fits a hand-built navy-white-darkred map's picture closely: the
    table and the JSON say so (ColormapMatch.doubt), a catalog map's picture has none."""
    import matplotlib.pyplot as plt
    from matplotlib.colors import LinearSegmentedColormap
    from scipy.ndimage import gaussian_filter

    field = gaussian_filter(np.random.default_rng(0).standard_normal((128, 128)), 6)
    made = LinearSegmentedColormap.from_list("m", ["navy", "white", "darkred"])
    for cmap, doubted in ((made, True), ("RdBu_r", False)):
        path = tmp_path / "picture.png"
        plt.imsave(path, field, cmap=cmap)
        result = runner.invoke(cli, ["identify", str(path), "--json", "--top", "2"])
        assert result.exit_code == 0, result.output
        best = json.loads(result.stdout)[0]
        assert ("no catalog map fits closely" in best["doubt"]) is doubted, best
        result = runner.invoke(cli, ["identify", str(path)])
        assert result.exit_code == 0 and ("doubt: no catalog map" in result.output) is doubted


def test_identify_a_blank_picture_warns_in_one_line(runner, tmp_path) -> None:
    # trial 50: a blank picture was named colorcet:CET_D10 (0.85) with nothing said
    blank = tmp_path / "blank.png"
    blank.write_bytes(imagecodecs.png_encode(np.full((50, 50, 3), 255, np.uint8)))
    result = runner.invoke(cli, ["identify", str(blank), "--json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 5  # stdout stays JSON
    (line,) = result.stderr.splitlines()
    assert line.startswith("warning: the picture holds 1 color (#ffffff)"), line


def test_identify_unreadable_file(runner, tmp_path) -> None:
    path = tmp_path / "junk.jpg"
    path.write_bytes(b"not a picture")
    result = runner.invoke(cli, ["identify", str(path)])
    assert result.exit_code == 1 and "expected a picture file" in result.output


def test_demo_section(tmp_path) -> None:
    buffer = io.StringIO()
    _demo_color.run_section(tmp_path, Console(file=buffer, width=140))
    text = buffer.getvalue()
    assert "cmocean:thermal (1.000)" in text
    assert "its map: magma" in text
    assert (tmp_path / "heatmap_rainbow.png").exists()
    assert np.isfinite(tp.load(tmp_path / "heatmap_rainbow.png")).all()


def test_colorize_records_a_log_norm(runner, tmp_path, field) -> None:
    """--norm log writes the colormap encoding with the norm recorded: info shows it,
    load gives the data back within its bound, decolorize needs no options."""
    source, data = field
    target, out = tmp_path / "log.png", tmp_path / "values.npy"
    result = runner.invoke(cli, ["colorize", str(source), str(target), "--norm", "log"])
    assert result.exit_code == 0, result.output
    assert "limits recorded" in result.output
    info = tp.info(target)
    assert info.encoding == "colormap" and info.params["norm"] == "log"
    expected = matplotlib.colormaps["viridis"](
        matplotlib.colors.LogNorm(data.min(), data.max())(data), bytes=True
    )
    np.testing.assert_array_equal(imagecodecs.png_decode(target.read_bytes()), expected)
    assert np.all(np.abs(tp.load(target) - data) <= info.max_error)
    decoded = runner.invoke(cli, ["decolorize", str(target), str(out)])
    assert decoded.exit_code == 0, decoded.output
    width = np.log(data.max() / data.min()) / 256
    assert np.all(np.abs(np.log(np.load(out)) - np.log(data)) <= width)  # viridis repeats
    clash = runner.invoke(cli, ["decolorize", str(target), str(out), "--norm", "linear"])
    assert clash.exit_code != 0 and "norm" in clash.output


def test_colorize_records_colors_of_its_own(runner, tmp_path, field) -> None:
    """--under/--over/--bad colors apart from the map's are recorded: load gives the
    limits for under/over pixels (as clip does), decolorize NaN (not the map's)."""
    source, data = field
    target, out = tmp_path / "own.png", tmp_path / "values.npy"
    args = ["--under", "red", "--over", "white", "--vmin", "45", "--vmax", "55"]
    result = runner.invoke(cli, ["colorize", str(source), str(target), *args])
    assert result.exit_code == 0, result.output
    assert "limits recorded" in result.output
    info = tp.info(target)
    assert info.params["under"] == "ff0000ff" and info.params["over"] == "ffffffff"
    expected = matplotlib.colormaps["viridis"].with_extremes(under="red", over="white")(
        matplotlib.colors.Normalize(45, 55)(data), bytes=True
    )
    np.testing.assert_array_equal(imagecodecs.png_decode(target.read_bytes()), expected)
    inside = (data >= 45) & (data <= 55)
    loaded = tp.load(target)
    assert np.all(np.abs(loaded - np.clip(data, 45, 55))[inside] <= info.max_error)
    assert np.all(loaded[data < 45] == 45) and np.all(loaded[data > 55] == 55)
    decoded = runner.invoke(cli, ["decolorize", str(target), str(out)])
    assert decoded.exit_code == 0, decoded.output
    values = np.load(out)
    assert np.all(np.abs(values - data)[inside] <= 10 / 256)
    assert np.isnan(values[~inside]).all()


@pytest.mark.parametrize("case", ["under is a map color", "log of values <= 0"])
def test_colorize_says_how_to_decode_what_it_cannot_record(runner, tmp_path, field, case) -> None:
    """What the file could not tell apart: a plain PNG, and the output prints the
    decolorize options that read it back; run as printed, each value lands within a bin."""
    source, data = field
    if case == "under is a map color":
        color = "#" + tp.color.catalog["viridis"].lut_bytes[100, :3].tobytes().hex()
        extra, low, high = ["--under", color, "--vmin", "45"], 45.0, data.max()
    else:
        data = data - 48.0  # some values <= 0: LogNorm paints them as bad
        source = tmp_path / "shifted.npy"
        np.save(source, data)
        extra, low, high = ["--norm", "log"], data[data > 0].min(), data.max()
    target = tmp_path / "plain.png"
    result = runner.invoke(cli, ["colorize", str(source), str(target), *extra])
    assert result.exit_code == 0, result.output
    assert "not recorded" in result.output
    assert tp.info(target).encoding is None
    lines = result.output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("truepix decolorize"))
    printed = " ".join(lines[start : start + 2]).split()[2:]  # after "truepix decolorize"
    out = tmp_path / "values.npy"
    printed[printed.index("OUT.npy")] = str(out)
    decoded = runner.invoke(cli, ["decolorize", *printed])
    assert decoded.exit_code == 0, decoded.output
    values = np.load(out)
    shown = data >= low
    if "log" in extra:
        with np.errstate(invalid="ignore", divide="ignore"):
            error = np.abs(np.log(values) - np.log(data))
        width = np.log(high / low) / 256
    else:
        error, width = np.abs(values - data), (high - low) / 256
    assert np.all(error[shown] <= width)  # half a bin; viridis repeats two colors
    assert np.isnan(values[~shown]).all() or case == "under is a map color"


def test_summary_lines_fit_80_columns(runner, tmp_path, field, monkeypatch) -> None:
    source, _ = field
    monkeypatch.chdir(tmp_path)  # short names, as typed in a terminal
    shifted = np.load(source) - 48.0
    np.save("shifted.npy", shifted)
    outputs = []
    for args in (
        ["colorize", source.name, "a.png"],
        ["colorize", source.name, "b.png", "--under", "red", "--bad", "k"],
        ["colorize", "shifted.npy", "c.png", "--norm", "log"],  # not recorded: says why
        ["decolorize", "a.png", "a.npy"],
        ["info", "a.png"],
    ):
        result = runner.invoke(cli, args, env={"COLUMNS": "80"})
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
    assert "not recorded" in outputs[2]
    for line in "\n".join(outputs).splitlines():
        assert len(line.rstrip()) < 80, line

"""``truepix decolorize`` and the demo section, through click like a user."""

from __future__ import annotations

import re

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from click.testing import CliRunner
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

import truepix as tp
from truepix.cli.main import cli

matplotlib.use("Agg")


@pytest.fixture
def heatmap(tmp_path):
    """A plt.imsave picture of data in 1500-4500 with jet, and the data."""
    y, x = np.mgrid[0:60, 0:80]
    data = 3000 + 1400 * np.sin(x / 9) * np.cos(y / 7)
    path = tmp_path / "heatmap.png"
    plt.imsave(path, data, cmap="turbo", vmin=1500, vmax=4500)
    return path, data


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize("suffix", [".npy", ".tif", ".png"])
def test_decolorize_writes_the_values(heatmap, tmp_path, suffix: str) -> None:
    path, data = heatmap
    out = tmp_path / f"values{suffix}"
    result = _run("decolorize", str(path), str(out), "--cmap", "turbo", "--vmin", "1500",
                  "--vmax", "4500")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "100% of pixels are colormap colors" in result.output
    values = np.load(out) if suffix == ".npy" else tp.load(out)
    assert values.dtype == np.float64 and values.shape == data.shape
    assert np.max(np.abs(values - data)) <= 3000 / 256
    expected = tp.decolorize(np.asarray(Image.open(path)), cmap="turbo", vmin=1500, vmax=4500)
    assert np.array_equal(values, expected)


def test_decolorize_a_jpeg_with_residual_and_integer_step(tmp_path) -> None:
    data = np.add.outer(np.arange(40), np.arange(50)).astype(float)  # integers 0..88
    picture = tp.colorize(data, cmap="magma", vmin=0, vmax=88)
    path = tmp_path / "ints.png"
    Image.fromarray(picture).save(path)
    out, residual = tmp_path / "ints.npy", tmp_path / "residual.npy"
    result = _run("decolorize", str(path), str(out), "--cmap", "magma", "--vmin", "0",
                  "--vmax", "88", "--step", "1", "--residual", str(residual))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert np.array_equal(np.load(out), data)
    assert np.array_equal(np.load(residual), np.zeros(data.shape, np.float32))
    jpeg = tmp_path / "ints.jpg"
    Image.fromarray(picture[..., :3]).save(jpeg, quality=90)
    result = _run(
        "decolorize", str(jpeg), str(out), "--cmap", "magma", "--vmin", "0", "--vmax", "88"
    )
    assert result.exit_code == 0, result.output
    assert np.nanmean(np.abs(np.load(out) - data)) < 1.0


def test_decolorize_reads_the_colormap_from_the_colorbar(tmp_path) -> None:
    y, x = np.mgrid[0:90, 0:120]
    data = 10 + 20 * (0.5 + 0.5 * np.sin(x / 13) * np.cos(y / 11))
    fig = Figure(figsize=(5, 3.5), dpi=100)
    canvas = FigureCanvasAgg(fig)
    ax = fig.subplots()
    image = ax.imshow(data, cmap="viridis", vmin=10, vmax=30, interpolation="nearest")
    ax.set_title("temperature")
    fig.colorbar(image, ax=ax)
    canvas.draw()
    path = tmp_path / "figure.png"
    Image.fromarray(np.asarray(canvas.buffer_rgba())).save(path)
    out = tmp_path / "figure.npy"
    result = _run("decolorize", str(path), str(out), "--colorbar", "auto", "--vmin", "10",
                  "--vmax", "30")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "from the colorbar at" in result.output
    values = np.load(out)
    bar = tp.find_colorbar(np.asarray(Image.open(path)))
    left, top, right, bottom = bar.bbox
    assert np.all(np.isnan(values[top:bottom, left:right]))
    kept = values[~np.isnan(values)]
    assert kept.size > 0.8 * data.size  # the axes' pixels: the image is drawn enlarged
    assert 9.5 <= kept.min() and kept.max() <= 30.5
    # without the limits: the bar gives colors, not values; read-figure reads its labels
    for limits, said in (((), "neither"), (("--vmin", "10"), "one")):
        result = CliRunner().invoke(
            cli, ["decolorize", str(path), str(out), "--colorbar", "auto", *limits]
        )
        assert result.exit_code == 1, result.output
        assert f"--vmin and --vmax, got {said}; `truepix read-figure figure.png`" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "either --cmap NAME or --colorbar auto, got neither"),
        (("--cmap", "jet", "--colorbar", "auto"), "got both"),
        (("--cmap", "jte"), "did you mean 'jet'"),
        (("--cmap", "jet", "--vmin", "2", "--vmax", "1"), "vmin"),
    ],
)
def test_decolorize_errors_are_one_line(heatmap, tmp_path, args, message: str) -> None:
    path, _ = heatmap
    result = CliRunner().invoke(cli, ["decolorize", str(path), str(tmp_path / "o.npy"), *args])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_decolorize_refuses_an_unknown_output_suffix(heatmap, tmp_path) -> None:
    path, _ = heatmap
    result = CliRunner().invoke(
        cli, ["decolorize", str(path), str(tmp_path / "o.csv"), "--cmap", "jet"]
    )
    assert result.exit_code == 1 and "expected an output ending in .npy" in result.output


def test_demo_section_runs_and_writes_its_files(tmp_path) -> None:
    from rich.console import Console

    from truepix.cli import _demo_decolor

    console = Console(record=True, width=120)
    _demo_decolor.run_section(tmp_path, console)
    text = console.export_text()
    assert "JPEG q75" in text and "colorbar at" in text
    assert "decolor_figure_q75.jpg (JPEG q75): colorbar found" in text and "'turbo'" in text
    for name in ("decolor_jet.png", "decolor_jet_q75.jpg", "decolor_figure.npy"):
        assert (tmp_path / name).exists()
    recovered = np.load(tmp_path / "decolor_jet_q75.npy")
    assert recovered.shape == (192, 256) and np.nanmin(recovered) >= 1500


@pytest.mark.parametrize("cmap", ["jet", "custom"])
def test_decolorize_takes_map_and_limits_from_a_truepix_colormap_file(tmp_path, cmap) -> None:
    """A file tp.save wrote with encoding="colormap" records its map and range."""
    data = np.linspace(1500, 4500, 600).reshape(20, 30)
    table = np.array([[0, 0, 0], [90, 10, 200], [255, 200, 40]], np.uint8)
    path = tmp_path / "saved.png"
    tp.save(path, data, encoding="colormap", cmap=table if cmap == "custom" else cmap)
    out = tmp_path / "values.npy"
    result = _run("decolorize", str(path), str(out))
    assert result.exit_code == 0, result.output
    # what truepix's own load gives (positions are kept to 22 bits)
    np.testing.assert_allclose(np.load(out), tp.load(path), rtol=0, atol=3000 * 2.0**-21)
    assert np.max(np.abs(np.load(out) - data)) <= tp.info(path).max_error + 3000 * 2.0**-21
    clash = CliRunner().invoke(cli, ["decolorize", str(path), str(out), "--vmin", "0"])
    assert clash.exit_code != 0
    assert "--vmin 0.0 and the file's vmin=1500.0" in clash.output


def test_decolorize_a_map_drawn_with_alpha(tmp_path) -> None:
    """imshow(..., alpha=0.7) saved by savefig: the plain command says what to pass,
    and --alpha decodes it."""
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    rng = np.random.default_rng(2)
    data = np.cumsum(rng.normal(size=(40, 64)), axis=1)
    data = (data - data.min()) / np.ptp(data) * 100
    fig = Figure(figsize=(0.64, 0.40), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.imshow(data, cmap="viridis", alpha=0.7, vmin=0, vmax=100, aspect="auto",
              interpolation="nearest")  # fmt: skip
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    source = tmp_path / "alpha.png"
    source.write_bytes(buffer.getvalue())
    out = tmp_path / "values.npy"
    args = ["decolorize", str(source), str(out), "--cmap", "viridis", "--vmin", "0", "--vmax", "100"]
    plain = CliRunner().invoke(cli, args)
    assert plain.exit_code == 0, plain.output
    assert "pass --alpha 0.7" in plain.output
    decoded = CliRunner().invoke(cli, [*args, "--alpha", "0.7"])
    assert decoded.exit_code == 0, decoded.output
    # entries whose blends round to the same bytes come back in the middle of their bins
    assert np.all(np.abs(np.load(out) - data) <= 1.5 * 100 / 256)


def test_decolorize_prints_the_warnings_of_the_decode(tmp_path) -> None:
    """A wrong --cmap: the file is saved as asked (exit 0) and every truepix warning the
    decode raised is a line of stderr, as tp.decolorize would warn it."""
    y, x = np.mgrid[0:128, 0:128] / 128
    source = tmp_path / "jet.png"
    plt.imsave(source, 0.5 + 0.5 * np.sin(5 * x) * np.cos(3 * y), cmap="jet")
    args = ["decolorize", str(source), str(tmp_path / "v.npy"), "--cmap", "viridis"]
    result = CliRunner().invoke(cli, [*args, "--vmin", "0", "--vmax", "1"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert len(lines) == 1, result.stderr
    assert "not colors of 'viridis'" in lines[0]
    assert lines[0].endswith(": pass --cmap jet")  # the option, not the library's cmap='jet'
    with pytest.warns(tp.errors.OffMapWarning) as caught:
        tp.decolorize(plt.imread(source), cmap="viridis", vmin=0, vmax=1)
    library = str(caught[0].message)
    assert library.endswith(": pass cmap='jet'")
    assert lines[0] == "warning: " + library.replace("cmap='jet'", "--cmap jet")


def test_decolorize_without_limits_says_the_options(tmp_path) -> None:
    """The library's "pass vmin=0, vmax=1" is "--vmin 0 --vmax 1" on the command line."""
    source = tmp_path / "jet.png"
    plt.imsave(source, np.linspace(0, 1, 64 * 64).reshape(64, 64), cmap="jet")
    result = CliRunner().invoke(cli, ["decolorize", str(source), str(tmp_path / "v.npy"),
                                      "--cmap", "jet"])  # fmt: skip
    assert result.exit_code == 1
    assert "pass --vmin 0 --vmax 1 for positions along the map" in result.stderr
    assert "vmin=" not in result.stderr
    with pytest.raises(tp.errors.InputError, match=r"pass vmin=0, vmax=1 for positions"):
        tp.decolorize(plt.imread(source), cmap="jet")  # the library's own words


def test_the_summary_and_the_warning_count_alike(tmp_path) -> None:
    """16 of 4096 pixels in the given map's colors, the rest jet's: the summary's share
    of map colors and the warning's share of NaN are one count and add up (0.4 % and
    99.6 %, not 0.4 % beside "100%"); a transparent margin is no data to either."""
    y, x = np.mgrid[0:64, 0:64] / 64
    rgba = plt.get_cmap("jet")(0.5 + 0.5 * np.sin(5 * x) * np.cos(3 * y), bytes=True)
    rgba[:4, :4] = plt.get_cmap("viridis")(0.3, bytes=True)
    rgba[:, 60:, 3] = 0  # transparent: not data
    source = tmp_path / "mixed.png"
    Image.fromarray(rgba).save(source)
    args = ["decolorize", str(source), str(tmp_path / "v.npy"), "--cmap", "viridis",
            "--vmin", "0", "--vmax", "1"]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    summary = re.search(r"  ([\d.]+)% of pixels are colormap colors \(of (\d+): (\d+) ",
                        result.output)  # fmt: skip
    warned = re.search(r"warning: ([\d.]+)% of the picture's pixels are not colors of 'viridis'",
                       result.stderr)  # fmt: skip
    assert summary is not None and warned is not None, result.output
    assert (summary.group(2), summary.group(3)) == (str(64 * 60), str(64 * 4))
    assert summary.group(1) == f"{16 / 3840:.1%}"[:-1] and warned.group(1) == "99.6"
    assert float(summary.group(1)) + float(warned.group(1)) == pytest.approx(100.0)


def test_decolorize_extend_colors(tmp_path) -> None:
    """An imsave with jet's extend colors (trial41): --over/--under decode them as the
    limits; without them the warning names the two options."""
    x = np.linspace(-0.3, 1.3, 128)[None].repeat(96, 0) + np.linspace(0, 0.1, 96)[:, None]
    cmap = plt.get_cmap("jet").with_extremes(over="magenta", under="cyan")
    path, out = tmp_path / "extend.png", tmp_path / "values.npy"
    plt.imsave(path, x, cmap=cmap, vmin=0, vmax=1)
    args = ("decolorize", str(path), str(out), "--cmap", "jet", "--vmin", "0", "--vmax", "1")
    plain = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert plain.exit_code == 0
    assert "pass --over '#ff00ff' --under '#00ffff'" in plain.output
    assert np.isnan(np.load(out)).mean() > 0.3
    given = _run(*args, "--over", "magenta", "--under", "#00ffff", "--overwrite")
    assert given.exit_code == 0, given.output
    assert "of pixels are the over color: data above --vmax" in given.output
    values = np.load(out)
    assert not np.isnan(values).any()
    assert np.max(np.abs(values - np.clip(x, 0, 1))) <= 2 / 256  # (jet's repeated blues)
    bad = CliRunner().invoke(cli, [*args, "--over", "nocolor", "--overwrite"])
    assert bad.exit_code != 0 and "expected a matplotlib color for --over" in bad.output


def test_decolorize_levels_advice_is_a_command_line(tmp_path) -> None:
    """trial42 item 6: a field drawn with get_cmap('viridis', 8), decoded with the plain
    name: the advice names --levels 8 and --boundaries, options that parse as a shell
    command, and --levels 8 decodes each level to its middle, quietly."""
    import shlex

    y, x = np.mgrid[0:128, 0:128]
    field = np.hypot(x - 64, y - 64)
    path, out = tmp_path / "lev8.png", tmp_path / "values.npy"
    plt.imsave(path, field, cmap=plt.get_cmap("viridis", 8), vmin=0, vmax=90)
    args = ("decolorize", str(path), str(out), "--cmap", "viridis", "--vmin", "0", "--vmax", "90")
    plain = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert plain.exit_code == 0
    text = " ".join(plain.output.split())
    assert "pass --boundaries E0,E1,... with the edges it was drawn with" in text
    assert "--levels 8 (each level's middle)" in text
    advised = text.split("vmin to vmax ")[1].split(" (each")[0]
    assert shlex.split(advised) == ["--levels", "8"]
    followed = _run(*args, *shlex.split(advised), "--overwrite")
    assert followed.exit_code == 0, followed.output
    assert "warning" not in followed.output
    middles = (np.clip(np.floor(field / (90 / 8)), 0, 7) + 0.5) * (90 / 8)
    assert np.max(np.abs(np.load(out) - middles)) < 1e-3


def test_decolorize_boundaries(tmp_path) -> None:
    """trial42 item 9a: an uneven BoundaryNorm picture decodes exactly with --boundaries."""
    import matplotlib.colors as mcolors

    y, x = np.mgrid[0:96, 0:128]
    field = x / 127 * 100.0 + y / 95 * 0.0
    edges = [0, 10, 20, 35, 50, 70, 100]
    norm = mcolors.BoundaryNorm(edges, 256)
    path, out = tmp_path / "bn.png", tmp_path / "values.npy"
    plt.imsave(path, plt.get_cmap("viridis")(norm(field), bytes=True))
    result = _run("decolorize", str(path), str(out), "--cmap", "viridis", "--vmin", "0",
                  "--vmax", "100", "--boundaries", "0,10,20,35,50,70,100")  # fmt: skip
    assert result.exit_code == 0, result.output
    level = np.clip(np.searchsorted(edges, field, side="right") - 1, 0, 5)
    middles = (np.take(edges, level) + np.take(edges, level + 1)) / 2
    assert np.max(np.abs(np.load(out) - middles)) < 1e-3
    bad = CliRunner().invoke(cli, ["decolorize", str(path), str(out), "--cmap", "viridis",
                                   "--vmin", "0", "--vmax", "100", "--boundaries", "5,1",
                                   "--overwrite"])  # fmt: skip
    assert bad.exit_code != 0 and "expected --boundaries as increasing numbers" in bad.output


def test_decolorize_levels_on_a_jpeg(tmp_path) -> None:
    """trial43 item 4: --levels 6 on a JPEG'd picture of viridis' 6 levels came back
    between the levels (mean error 0.86, max 15 % of the range): every value is now a
    level's middle, and those the JPEG left near their color are right."""
    y, x = np.mgrid[0:128, 0:128]
    field = np.clip(np.hypot(x - 40, y - 50) / 1.2 + 8 * np.sin(x / 6), 0, 100)
    path, out = tmp_path / "lev6.jpg", tmp_path / "values.npy"
    picture = plt.get_cmap("viridis", 6)(field / 100, bytes=True)[..., :3]
    Image.fromarray(picture).save(path, quality=85)
    result = _run("decolorize", str(path), str(out), "--cmap", "viridis", "--vmin", "0",
                  "--vmax", "100", "--levels", "6")  # fmt: skip
    assert result.exit_code == 0, result.output
    values, middles = np.load(out), (np.arange(6) + 0.5) / 6 * 100
    truth = middles[np.clip(np.floor(field / 100 * 6), 0, 5).astype(int)]
    assert np.all(np.isclose(values[..., None], middles).any(-1))
    assert np.mean(values != truth) < 0.01


def _in_a_new_process(*args: str, debug_cache: bool = False):
    import os
    import subprocess
    import sys

    env = dict(os.environ, NUMBA_DEBUG_CACHE="1" if debug_cache else "0")
    return subprocess.run(
        [sys.executable, "-m", "truepix", "decolorize", *args], capture_output=True, text=True,
        check=False, env=env,
    )  # fmt: skip


def test_the_command_in_a_new_process_decodes_png_and_jpeg_files(tmp_path) -> None:
    """``python -m truepix decolorize`` as a user runs it, once per file: the values are
    the library's; run again, every kernel of the JPEG path loads from numba's disk
    cache (nothing is compiled twice)."""
    y, x = np.mgrid[0:120, 0:160]
    data = 2500 + 1200 * np.sin(x / 11) * np.cos(y / 8)
    png, jpg = tmp_path / "field.png", tmp_path / "field.jpg"
    plt.imsave(png, data, cmap="jet", vmin=1000, vmax=4000)
    Image.open(png).convert("RGB").save(jpg, quality=85)
    limits = ("--cmap", "jet", "--vmin", "1000", "--vmax", "4000")
    for path in (png, jpg):
        out = tmp_path / f"{path.suffix[1:]}.npy"
        done = _in_a_new_process(str(path), str(out), *limits)
        assert done.returncode == 0, done.stderr
        assert f"saved {out}" in done.stdout and "of pixels are colormap colors" in done.stdout
        picture = np.asarray(Image.open(path).convert("RGB"))
        expected = tp.decolorize(picture, cmap="jet", vmin=1000, vmax=4000)
        assert np.array_equal(np.load(out), expected, equal_nan=True)
    error = np.abs(np.load(tmp_path / "png.npy") - data)  # (jet repeats a few colors: a
    assert np.mean(error) <= 3000 / 256 and np.max(error) <= 3 * 3000 / 256  # union's middle)
    assert np.nanmean(np.abs(np.load(tmp_path / "jpg.npy") - data)) <= 3000 / 100
    again = _in_a_new_process(str(jpg), str(tmp_path / "again.npy"), *limits, debug_cache=True)
    assert again.returncode == 0, again.stderr
    log = again.stdout + again.stderr
    assert "data loaded" in log and "data saved" not in log

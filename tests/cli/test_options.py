"""The conventions every subcommand shares (``truepix.cli.options``), tested over every command.

The rasterio model: options defined once, so each convention is tested once
here for every command that has it.
"""

from __future__ import annotations

from pathlib import Path

import imagecodecs
import matplotlib
import numpy as np
import pytest
from click.testing import CliRunner

import truepix as tp
from truepix.cli.main import cli

RNG = np.random.default_rng(3)


def make_inputs(folder: Path) -> dict[str, list[str]]:
    """For each writing command: its arguments before the output."""
    data = RNG.normal(size=(12, 16)).cumsum(axis=0)
    np.save(folder / "data.npy", data)
    picture = tp.colorize(data, cmap="viridis")
    (folder / "picture.png").write_bytes(imagecodecs.png_encode(picture))
    tp.save(folder / "saved.png", data)
    frames = folder / "frames"
    frames.mkdir()
    for k in range(4):
        np.save(frames / f"f{k}.npy", RNG.random((5, 6)))
    return {
        "colorize": ["colorize", str(folder / "data.npy")],
        "decolorize": [
            "decolorize",
            str(folder / "picture.png"),
            "--cmap",
            "viridis",
            "--vmin",
            "0",
            "--vmax",
            "1",
        ],
        "equalize": ["equalize", str(folder / "data.npy")],
        "show": ["show", str(folder / "data.npy")],
        "hist": ["hist", str(frames / "*.npy"), "--bins", "4", "--range", "0", "1"],
        "save": ["save", str(folder / "data.npy"), "-e", "linear", "--bits", "16"],
        "load": ["load", str(folder / "saved.png")],
    }


SUFFIX = {
    "colorize": ".png",
    "decolorize": ".npy",
    "equalize": ".npy",
    "show": ".png",
    "hist": ".npy",
    "save": ".png",
    "load": ".npy",
}


@pytest.mark.parametrize("name", sorted(SUFFIX))
def test_output_is_the_last_argument_or_the_option_and_reported_once(
    tmp_path: Path, name: str
) -> None:
    args = make_inputs(tmp_path)[name]
    by_position = tmp_path / f"a{SUFFIX[name]}"
    by_option = tmp_path / f"b{SUFFIX[name]}"
    first = CliRunner().invoke(cli, [*args, str(by_position)], catch_exceptions=False)
    second = CliRunner().invoke(cli, [*args, "-o", str(by_option)], catch_exceptions=False)
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    assert by_position.read_bytes() == by_option.read_bytes() or name == "show"
    assert f"saved {by_position}: " in first.output
    if name != "hist":  # INPUT... takes any number of files: with -o, all are inputs
        both = CliRunner().invoke(cli, [*args, str(by_position), "-o", str(by_option)])
        assert both.exit_code == 2 and "got both" in both.output


@pytest.mark.parametrize("name", sorted(SUFFIX))
def test_no_overwrite_refuses_before_any_work(tmp_path: Path, name: str) -> None:
    args = make_inputs(tmp_path)[name]
    target = tmp_path / f"taken{SUFFIX[name]}"
    target.write_bytes(b"keep me")
    result = CliRunner().invoke(cli, [*args, str(target), "--no-overwrite"])
    assert result.exit_code == 1
    assert result.output.startswith("error: expected a new file with --no-overwrite")
    assert target.read_bytes() == b"keep me"
    replaced = CliRunner().invoke(cli, [*args, str(target)])
    assert replaced.exit_code == 0 and target.read_bytes() != b"keep me"


def test_vmin_vmax_default_to_the_data_everywhere(tmp_path: Path) -> None:
    """No command fills in a silent 0 and 1: colorize and show take the data's range."""
    data = RNG.normal(size=(12, 16)) * 50 + 300
    np.save(tmp_path / "d.npy", data)
    out = tmp_path / "c.png"
    assert CliRunner().invoke(cli, ["colorize", str(tmp_path / "d.npy"), str(out)]).exit_code == 0
    expected = matplotlib.colormaps["viridis"](
        matplotlib.colors.Normalize(data.min(), data.max())(data), bytes=True
    )
    np.testing.assert_array_equal(imagecodecs.png_decode(out.read_bytes()), expected)
    for command in ("colorize", "decolorize", "save", "show"):
        params = {p.name: p for p in cli.get_command(None, command).params}  # type: ignore[union-attr]
        assert params["vmin"].default is None and params["vmax"].default is None, command


def test_shared_options_are_one_definition() -> None:
    from truepix.cli import options

    helps: dict[str, set[object]] = {}
    shared = ("cmap", "vmin", "vmax", "norm", "overwrite", "output", "palette", "series")
    for command in ("colorize", "decolorize", "show", "hist", "equalize", "save", "load", "info"):
        for param in cli.get_command(None, command).params:  # type: ignore[union-attr]
            if param.name in shared:
                helps.setdefault(param.name, set()).add(getattr(param, "help", None))
            if param.name == "source":  # every one-input command names it alike
                assert param.human_readable_name == "INPUT", command
    # decolorize's --cmap says it is required unless a colorbar is read, its --vmin and
    # --vmax that they are unless the file carries its limits
    required = ("cmap", "vmin", "vmax")
    assert all(len(helps[k]) == 2 for k in required)
    assert all(len(v) == 1 for k, v in helps.items() if k not in required)
    command = cli.get_command(None, "decolorize")
    decolorize = {p.name: p for p in command.params}  # type: ignore[union-attr]
    for name in ("vmin", "vmax"):
        help_text = getattr(decolorize[name], "help", "")
        assert "Required unless INPUT is a truepix colormap file" in help_text, name
        assert "from the data" not in help_text, name
    assert set(helps) == set(shared)
    for name in shared:
        assert f"``{name}_opt``" in (options.__doc__ or ""), name


@pytest.mark.parametrize("name", ["colorize", "decolorize"], ids=["colorize", "decolorize"])
def test_catalog_names_beyond_matplotlib(tmp_path: Path, name: str) -> None:
    data = np.linspace(0, 1, 64).reshape(8, 8)
    np.save(tmp_path / "d.npy", data)
    picture = tp.colorize(data, cmap="cmocean:thermal", vmin=0, vmax=1)
    (tmp_path / "p.png").write_bytes(imagecodecs.png_encode(picture))
    source = "d.npy" if name == "colorize" else "p.png"
    out = tmp_path / ("o.png" if name == "colorize" else "o.npy")
    args = [name, str(tmp_path / source), str(out), "--cmap", "cmocean:thermal"]
    if name == "decolorize":
        args += ["--vmin", "0", "--vmax", "1"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    if name == "colorize":
        np.testing.assert_array_equal(imagecodecs.png_decode(out.read_bytes()), picture)
    else:
        assert np.nanmax(np.abs(np.load(out) - data)) < 1 / 255


def test_hist_plot_pixel_colors_bars_with_a_catalog_map(tmp_path: Path) -> None:
    frames = RNG.random((40, 5, 6))
    np.save(tmp_path / "s.npy", frames)
    out = tmp_path / "h.npz"
    args = ["hist", str(tmp_path / "s.npy"), str(out), "--bins", "5", "--plot-pixel", "1,2"]
    ok = CliRunner().invoke(cli, [*args, "--cmap", "cmocean:thermal"], catch_exceptions=False)
    assert ok.exit_code == 0, ok.output
    picture = imagecodecs.png_decode((tmp_path / "h_pixel_1_2.png").read_bytes())
    thermal = tp.color.catalog["cmocean:thermal"]
    edges = np.load(out)["edges"]
    centre = (edges[0] + edges[1]) / 2
    first_bar = thermal.lut_bytes[int((centre - edges[0]) / (edges[-1] - edges[0]) * 256)][:3]
    colors = picture[..., :3].reshape(-1, 3)
    assert (np.abs(colors.astype(int) - first_bar).sum(axis=1) <= 3).any()
    bad = CliRunner().invoke(cli, [*args, "--cmap", "thermall"])
    assert bad.exit_code == 1 and "did you mean" in bad.output


def test_library_errors_are_one_line_and_bugs_keep_their_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    np.save(tmp_path / "d.npy", np.zeros((3, 4)))
    named = CliRunner().invoke(
        cli, ["colorize", str(tmp_path / "d.npy"), str(tmp_path / "o.png"), "--cmap", "virdis"]
    )
    assert named.exit_code == 1
    assert named.output.count("\n") == 1 and named.output.startswith("error: expected")

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(tp, "colorize", broken)
    monkeypatch.setattr(tp, "save", broken)  # colorize writes a linear picture through save
    bug = CliRunner().invoke(cli, ["colorize", str(tmp_path / "d.npy"), str(tmp_path / "o.png")])
    assert bug.exit_code == 1 and isinstance(bug.exception, ZeroDivisionError)
    assert "error:" not in bug.output

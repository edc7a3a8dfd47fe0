"""Bad input gets one line of truepix.errors on every subcommand, before any work.

One table (every command that reads or writes a file) times every kind of bad
input: a missing file, a folder where a file belongs, a file that is not what
its name says, an output suffix the command does not write, an output folder
that does not exist, an output that is a folder. The answer is always
``error: expected ..., got ...`` naming the path, on one line, exit status 1 --
never click's usage text, never a traceback, never "Aborted!".
"""

from __future__ import annotations

from pathlib import Path

import click
import imagecodecs
import numpy as np
import pytest
from click.testing import CliRunner, Result

import truepix as tp
from truepix.cli.main import COMMANDS, cli

# command -> (arguments before INPUT, arguments after it, an output suffix it writes or None)
READERS: dict[str, tuple[list[str], list[str], str | None]] = {
    "save": (["save"], [], ".png"),
    "load": (["load"], [], ".npy"),
    "info": (["info"], [], None),
    "colorize": (["colorize"], [], ".png"),
    "decolorize": (["decolorize"], ["--cmap", "viridis", "--vmin", "0", "--vmax", "1"], ".npy"),
    "identify": (["identify"], [], None),
    "hist": (["hist"], ["--bins", "4", "--range", "0", "1"], ".npy"),
    "equalize": (["equalize"], [], ".npy"),
    "show": (["show"], [], ".png"),
    "read-figure": (["read-figure"], [], ".nc"),
}
WRITERS = sorted(name for name, (_, _, suffix) in READERS.items() if suffix is not None)


@pytest.fixture
def files(tmp_path: Path) -> Path:
    data = np.random.default_rng(11).random((6, 7))
    np.save(tmp_path / "data.npy", data)
    (tmp_path / "picture.png").write_bytes(imagecodecs.png_encode(tp.colorize(data)))
    (tmp_path / "junk.png").write_bytes(b"this is text, not a PNG")
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "empty.npy").write_bytes(b"")
    (tmp_path / "folder").mkdir()
    return tmp_path


def _invoke(name: str, source: Path, *extra: str) -> Result:
    before, after, _ = READERS[name]
    return CliRunner().invoke(cli, [*before, str(source), *after, *extra])


def _one_line_error(result: Result, *fragments: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.output.startswith("error: expected"), result.output
    assert result.output.count("\n") == 1, result.output
    assert "Traceback" not in result.output and "Usage:" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    for fragment in fragments:
        assert fragment in result.output, (fragment, result.output)


def test_the_table_covers_every_command_that_takes_a_file() -> None:
    assert set(READERS) == set(COMMANDS) - {"serve", "demo"}


@pytest.mark.parametrize("name", sorted(READERS))
def test_a_missing_input(files: Path, name: str) -> None:
    missing = files / "missing.npy"
    _one_line_error(_invoke(name, missing, *_output(name, files)), repr(str(missing)))


@pytest.mark.parametrize("name", sorted(READERS))
def test_a_folder_where_a_file_belongs(files: Path, name: str) -> None:
    # hist reads a folder of frames: this one holds none, which it says
    _one_line_error(_invoke(name, files / "folder", *_output(name, files)), "folder")


@pytest.mark.parametrize("source", ["junk.png", "notes.txt", "empty.npy"])
@pytest.mark.parametrize("name", sorted(READERS))
def test_a_file_that_is_not_what_it_says(files: Path, name: str, source: str) -> None:
    _one_line_error(_invoke(name, files / source, *_output(name, files)), source)


def _output(name: str, folder: Path, suffix: str | None = None) -> list[str]:
    written = READERS[name][2]
    if written is None:
        return []
    return ["-o", str(folder / f"out{written if suffix is None else suffix}")]


@pytest.mark.parametrize("name", WRITERS)
def test_an_output_suffix_it_does_not_write_is_refused_before_reading(
    files: Path, name: str
) -> None:
    # the input is junk: reading it would fail, so the output was checked first
    result = _invoke(name, files / "junk.png", *_output(name, files, ".xyz"))
    _one_line_error(result, "expected an output ending in", "out.xyz")
    assert not (files / "out.xyz").exists()


@pytest.mark.parametrize("name", WRITERS)
def test_an_output_into_a_folder_that_does_not_exist(files: Path, name: str) -> None:
    target = files / "no" / "such" / f"out{READERS[name][2]}"
    result = _invoke(name, files / "junk.png", "-o", str(target))
    _one_line_error(result, "expected an existing folder to save into", repr(str(target.parent)))


@pytest.mark.parametrize("name", WRITERS)
def test_an_output_that_is_a_folder(files: Path, name: str) -> None:
    target = files / f"taken{READERS[name][2]}"
    target.mkdir()
    result = _invoke(name, files / "junk.png", "-o", str(target))
    _one_line_error(result, "which is a folder", repr(str(target)))


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["equalize", "{dir}/data.npy", "{dir}/o.npy", "--mask", "{dir}/nomask.npy"], "mask file"),
        (["equalize", "{dir}/data.npy", "{dir}/o.npy", "--mask", "{dir}/folder"], "mask file"),
        (["decolorize", "{dir}/junk.png", "{dir}/o.npy", "--residual", "{dir}/r.txt"], ".npy"),
        (["read-figure", "{dir}/junk.png", "--report", "{dir}/r.jpg"], "ending in .png"),
        (["read-figure", "{dir}/junk.png", "--found", "{dir}/none/c.json"], "existing folder"),
        (["read-figure", "{dir}/picture.png", "--calibration", "{dir}/folder"], "calibration"),
        (["demo", "--out", "{dir}/data.npy"], "which is a file"),
        (["demo", "--out", "{dir}/data.npy/tour"], "inside a file"),
        (["serve", "--host", "192.0.2.1"], "loopback"),
    ],
)
def test_the_other_file_options(files: Path, args: list[str], fragment: str) -> None:
    result = CliRunner().invoke(cli, [a.format(dir=files) for a in args])
    _one_line_error(result, fragment)


def test_a_zarr_output_may_replace_a_zarr_folder(files: Path) -> None:
    """read-figure writes a .zarr store, which is a folder: that folder is not refused."""
    (files / "old.zarr").mkdir()
    result = CliRunner().invoke(
        cli, ["read-figure", str(files / "junk.png"), "-o", str(files / "old.zarr")]
    )
    _one_line_error(result, "junk.png")  # the figure's own error: the output was accepted


def test_syntax_errors_stay_clicks_usage_errors(files: Path) -> None:
    """Option values that are not numbers or choices: click's message, exit status 2."""
    result = CliRunner().invoke(cli, ["serve", "--port", "70000"])
    assert result.exit_code == 2 and "70000 is not in the range" in result.output
    result = CliRunner().invoke(cli, ["colorize", str(files / "data.npy"), "--norm", "cubic"])
    assert result.exit_code == 2 and "'cubic' is not one of" in result.output


def test_no_command_checks_files_with_clicks_path_type() -> None:
    """click.Path's checks answer in click's usage text: every file parameter is an
    InputFile or OutputFile (demo's --out folder and read-figure's --calibration,
    which may be JSON text, are checked by truepix itself)."""
    from truepix.cli.options import InputFile, OutputFile

    own_checks = {("demo", "out_dir"), ("read-figure", "calibration")}
    for name in COMMANDS:
        command = cli.get_command(None, name)  # type: ignore[arg-type]
        assert command is not None
        for param in command.params:
            if (name, param.name) in own_checks:
                continue
            assert not isinstance(param.type, click.Path), (name, param.name)
            if param.name in ("source", "figure", "mask"):
                assert isinstance(param.type, InputFile), (name, param.name)
            if param.name in ("target", "output", "residual_path", "report", "found"):
                assert isinstance(param.type, OutputFile), (name, param.name)


def _jpeg(path: Path, mode: str = "RGB", keep: float = 1.0) -> Path:
    """A JPEG of jet's colors (Pillow, q90) in ``mode``, its first ``keep`` of bytes."""
    import io

    import matplotlib as mpl
    from PIL import Image

    ramp = np.linspace(0, 1, 256)[None].repeat(96, 0)
    buffer = io.BytesIO()
    picture = Image.fromarray(mpl.colormaps["jet"](ramp, bytes=True)[..., :3]).convert(mode)
    picture.save(buffer, format="JPEG", quality=90)
    data = buffer.getvalue()
    path.write_bytes(data[: int(len(data) * keep)])
    return path


@pytest.mark.parametrize("name", ["decolorize", "identify", "read-figure"])
def test_a_truncated_jpeg_is_refused(files: Path, name: str) -> None:
    """libjpeg hands back the rows it got (gray below) with a warning only: trial 51's
    ``decolorize`` decoded a third of a file, 70 % NaN, exit 0."""
    source = _jpeg(files / "cut.jpg", keep=1 / 3)
    _one_line_error(_invoke(name, source, *_output(name, files)), "truncated", "cut.jpg")


def test_a_cmyk_jpeg_is_decoded_as_its_colors(files: Path) -> None:
    """Its 4 channels are CMYK, not RGBA (K for alpha: 0, every pixel transparent)."""
    jet = ["--cmap", "jet", "--vmin", "0", "--vmax", "1", "-o"]
    rgb = CliRunner().invoke(cli, ["decolorize", str(_jpeg(files / "rgb.jpg")), *jet,
                                   str(files / "rgb.npy")])  # fmt: skip
    cmyk = CliRunner().invoke(cli, ["decolorize", str(_jpeg(files / "cmyk.jpg", "CMYK")), *jet,
                                    str(files / "c.npy")])  # fmt: skip
    assert rgb.exit_code == 0 and cmyk.exit_code == 0, (rgb.output, cmyk.output)
    values, reference = np.load(files / "c.npy"), np.load(files / "rgb.npy")
    assert not np.isnan(values).any()
    assert np.abs(values - reference).max() < 0.02  # (two JPEG encodings of one ramp)


@pytest.mark.parametrize("mode", ["RGB", "L"])
def test_a_jpeg_is_read_once_as_imagecodecs_reads_it(files: Path, mode: str) -> None:
    """The CLI decodes a JPEG once, by Pillow (to refuse a truncated one): its pixels
    are libjpeg-turbo's, byte for byte what imagecodecs.imread gives."""
    from truepix.cli._common import read_picture

    path = _jpeg(files / f"{mode}.jpg", mode)
    np.testing.assert_array_equal(read_picture(path), imagecodecs.imread(str(path)))

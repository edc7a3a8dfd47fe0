"""The io options on the command line: .jxl and .webp, --palette, --series, info's table,
and ``python -m truepix``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import imagecodecs
import numpy as np
import pytest
import tifffile
from click.testing import CliRunner
from PIL import Image

import truepix as tp
from truepix.cli.main import cli

_RNG = np.random.default_rng(21)


def test_python_dash_m_truepix_runs_the_cli(tmp_path: Path) -> None:
    array = np.arange(20, dtype=np.uint16).reshape(4, 5)
    np.save(tmp_path / "a.npy", array)
    saved = subprocess.run(
        [sys.executable, "-m", "truepix", "save", str(tmp_path / "a.npy"), str(tmp_path / "a.jxl")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert saved.returncode == 0, saved.stderr
    described = subprocess.run(
        [sys.executable, "-m", "truepix", "info", str(tmp_path / "a.jxl"), "--json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert described.returncode == 0, described.stderr
    meta = json.loads(described.stdout)
    assert meta["format"] == "jxl" and meta["dtype"] == "<u2" and meta["shape"] == [4, 5]


def test_load_palette_indices_and_tiff_series(tmp_path: Path) -> None:
    runner = CliRunner()
    labels = np.array([[0, 1, 2], [2, 1, 0]], np.uint8)
    image = Image.fromarray(labels, mode="P")
    image.putpalette([0, 0, 0, 128, 0, 0, 128, 0, 0])  # classes 1 and 2 share a color
    image.save(tmp_path / "voc.png")
    result = runner.invoke(
        cli, ["load", str(tmp_path / "voc.png"), str(tmp_path / "ids.npy"), "--palette", "indices"]
    )
    assert result.exit_code == 0, result.output
    np.testing.assert_array_equal(np.load(tmp_path / "ids.npy"), labels)
    with tifffile.TiffWriter(tmp_path / "two.tif") as tif:
        tif.write(np.zeros((3, 4), np.uint8))
        tif.write(np.ones((5, 6), np.uint16))
    result = runner.invoke(cli, ["info", str(tmp_path / "two.tif"), "--series", "1", "--json"])
    assert result.exit_code == 0, result.output
    meta = json.loads(result.output)
    assert meta["shape"] == [5, 6] and meta["n_series"] == 2 and meta["axes"] == "YX"
    result = runner.invoke(cli, ["info", str(tmp_path / "voc.png")])
    assert result.exit_code == 0 and "palette" in result.output


@pytest.mark.parametrize("suffix", [".jxl", ".webp"])
def test_the_cli_reads_and_writes_jxl_and_webp(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / f"in{suffix}"
    picture = _RNG.integers(0, 256, (6, 5, 3), dtype=np.uint8)
    if suffix == ".jxl":
        source.write_bytes(imagecodecs.jpegxl_encode(picture, lossless=True))
    else:
        Image.fromarray(picture).save(source, lossless=True)
    target = tmp_path / f"out{suffix}"
    runner = CliRunner()
    assert runner.invoke(cli, ["save", str(source), str(target)]).exit_code == 0
    assert runner.invoke(cli, ["load", str(target), str(tmp_path / "out.npy")]).exit_code == 0
    assert np.array_equal(np.load(tmp_path / "out.npy"), picture)
    for command in ("save", "load"):
        assert ".webp" in runner.invoke(cli, [command, "--help"]).output


def test_cli_info_shows_axes_as_a_row_of_the_table(tmp_path: Path) -> None:
    path = tmp_path / "stack.tif"
    tifffile.imwrite(path, np.zeros((3, 4, 5), np.uint8), imagej=True)
    output = CliRunner().invoke(cli, ["info", str(path)]).output
    rows = {line.split()[0]: line for line in output.splitlines() if line.strip()}
    axes = tp.info(path).axes
    assert axes and rows["axes"].index(axes) == rows["dtype"].index("uint8")

"""The io options on the command line: .jxl, --palette, --series, and ``python -m truepix``.

(Kept beside the io tests so the CLI test module others are refactoring stays theirs;
move it to tests/cli when that settles.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import tifffile
from click.testing import CliRunner
from PIL import Image

from truepix.cli.main import cli


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

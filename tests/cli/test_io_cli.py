"""The save / load / info / demo commands, through click and as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

import truepix as tp
from truepix.cli.main import cli


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def field_npy(tmp_path: Path) -> tuple[Path, np.ndarray]:
    array = np.random.default_rng(0).standard_normal((12, 17)).astype(">f4")
    array[0, 0] = np.nan
    path = tmp_path / "field.npy"
    np.save(path, array)
    return path, array


def test_save_info_load_round_trip(
    runner: CliRunner, tmp_path: Path, field_npy: tuple[Path, np.ndarray]
) -> None:
    source, array = field_npy
    png, back = tmp_path / "field.png", tmp_path / "back.npy"
    result = runner.invoke(cli, ["save", str(source), str(png)])
    assert result.exit_code == 0, result.output
    assert "exact" in result.output
    result = runner.invoke(cli, ["info", str(png), "--json"])
    described = json.loads(result.output)
    assert described["dtype"] == ">f4" and described["shape"] == [12, 17] and described["exact"]
    result = runner.invoke(cli, ["load", str(png), str(back)])
    assert result.exit_code == 0, result.output
    loaded = np.load(back)
    assert loaded.dtype.str == ">f4" and loaded.tobytes() == array.tobytes()


def test_save_linear_with_options(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "m.npy"
    np.save(source, np.linspace(-1, 1, 30).reshape(5, 6))
    target = tmp_path / "m.png"
    result = runner.invoke(
        cli,
        [
            "save",
            str(source),
            str(target),
            "-e",
            "linear",
            "--bits",
            "8",
            "--vmin",
            "-1",
            "--vmax",
            "1",
        ],
    )
    assert result.exit_code == 0, result.output
    assert tp.info(target).max_error == pytest.approx(1 / 255)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["save", "{src}", "{dir}/x.png", "-e", "lineer"], "did you mean 'linear'"),
        (["save", "{src}", "{dir}/x.jpg"], "expected an output ending in .png, .tif"),
        (
            ["save", "{src}", "{dir}/x.png", "-e", "linear", "--vmin", "0", "--vmax", "0.1"],
            "outside",
        ),
        (["load", "{dir}/junk.png", "{dir}/o.npy"], "damaged"),
        (["info", "{dir}/junk.png"], "damaged"),
        (["load", "{dir}/junk.png", "{dir}/o.txt"], "expected an output ending in .npy, got"),
    ],
)
def test_errors_are_one_line_without_traceback(
    runner: CliRunner,
    tmp_path: Path,
    field_npy: tuple[Path, np.ndarray],
    args: list[str],
    message: str,
) -> None:
    (tmp_path / "junk.png").write_bytes(b"not a png at all")
    argv = [a.format(src=field_npy[0], dir=tmp_path) for a in args]
    result = runner.invoke(cli, argv)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert result.output.count("\n") == 1 and result.output.startswith("error: ")


def test_demo_runs_as_a_real_process(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    completed = subprocess.run(
        [sys.executable, "-m", "truepix.cli", "demo", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "bit for bit" in completed.stdout and "DIFFERENT" not in completed.stdout
    written = {p.name for p in out.iterdir()}
    assert {"depth.png", "specials.tif", "field_linear8.png", "dem_terrain-rgb.png"} <= written
    for path in out.glob("*.png"):
        if not tp.info(path).foreign:
            tp.load(path)  # every file it wrote verifies


def test_load_foreign_with_encoding(runner: CliRunner, tmp_path: Path) -> None:
    import cv2

    raw = np.arange(1, 13, dtype=np.uint16).reshape(3, 4) * 256
    cv2.imwrite(str(tmp_path / "d.png"), raw)
    result = runner.invoke(
        cli, ["load", str(tmp_path / "d.png"), str(tmp_path / "d.npy"), "-e", "kitti-depth"]
    )
    assert result.exit_code == 0, result.output
    assert "decoded as kitti-depth" in result.output
    np.testing.assert_array_equal(np.load(tmp_path / "d.npy"), raw / 256.0)

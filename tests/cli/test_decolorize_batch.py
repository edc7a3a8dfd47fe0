"""``truepix decolorize`` over a folder or a glob: every picture in one process, one line
each, a bad file an error line while the others are still written (trial 46 item 9: a
folder was refused, and a shell loop paid a Python start per file)."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image

import truepix as tp
from truepix.cli.main import cli

matplotlib.use("Agg")
LIMITS = ["--cmap", "viridis", "--vmin", "0", "--vmax", "1"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """in/: a plt.imsave PNG, a Pillow JPEG q75, a text file, an empty PNG, a sub-folder."""
    y, x = np.mgrid[0:48, 0:64]
    data = 0.5 + 0.45 * np.sin(x / 7) * np.cos(y / 5)
    source = tmp_path / "in"
    (source / "sub").mkdir(parents=True)
    plt.imsave(source / "a_exact.png", data, cmap="viridis", vmin=0, vmax=1)
    rgb = matplotlib.colormaps["viridis"](data, bytes=True)[..., :3]
    Image.fromarray(rgb).save(source / "b_q75.jpg", quality=75)
    (source / "c_notes.txt").write_text("not a picture\n")
    (source / "d_empty.png").write_bytes(b"")
    plt.imsave(source / "sub" / "e_nested.png", data, cmap="viridis", vmin=0, vmax=1)
    return source


def _expected(path: Path) -> np.ndarray:
    return tp.decolorize(np.asarray(Image.open(path)), cmap="viridis", vmin=0, vmax=1)


def _invoke(*args: str):
    return CliRunner().invoke(cli, ["decolorize", *args, *LIMITS])


def test_a_folder_decodes_every_picture_beside_it(folder: Path) -> None:
    result = _invoke(str(folder))
    assert result.exit_code == 1, result.output
    saved = result.stdout.splitlines()
    assert len(saved) == 2 and all(line.startswith("saved ") for line in saved), saved
    for name in ("a_exact", "b_q75"):
        source = next(folder.glob(f"{name}.*"))
        assert np.array_equal(np.load(folder / f"{name}.npy"), _expected(source))
    errors = result.stderr.splitlines()
    assert len(errors) == 3, errors  # one line a bad file, and the count
    assert errors[0].startswith(f"error: {folder / 'c_notes.txt'}: expected a picture file")
    assert errors[1].startswith(f"error: {folder / 'd_empty.png'}: expected")
    assert errors[2] == "error: 2 of 4 files failed"
    assert sorted(p.name for p in folder.iterdir()) == [  # no temporary files left
        "a_exact.npy", "a_exact.png", "b_q75.jpg", "b_q75.npy", "c_notes.txt", "d_empty.png",
        "sub"]  # fmt: skip
    assert not (folder / "sub" / "e_nested.npy").exists()  # not its sub-folders
    again = _invoke(str(folder))  # a second run: its outputs are no pictures
    assert again.stdout == result.stdout and again.stderr == result.stderr


def test_a_glob_into_an_output_folder(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "values"  # made when missing
    result = _invoke(str(folder / "*_*.[pj][np]g"), "--out", str(out))
    assert result.exit_code == 1  # d_empty.png matches
    assert sorted(p.name for p in out.iterdir()) == ["a_exact.npy", "b_q75.npy"]
    good = _invoke(str(folder / "a_*.png"), str(out), "--no-overwrite")  # a folder OUTPUT
    assert good.exit_code == 1 and "--no-overwrite" in good.stderr  # a_exact.npy exists
    fresh = tmp_path / "fresh"
    done = _invoke(str(folder / "[ab]_*"), "--out", str(fresh))
    assert done.exit_code == 0 and done.stderr == "", done.output
    assert np.array_equal(np.load(fresh / "b_q75.npy"), _expected(folder / "b_q75.jpg"))


def test_one_file_with_an_output_folder(folder: Path, tmp_path: Path) -> None:
    result = _invoke(str(folder / "a_exact.png"), "--out", str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    values = np.load(tmp_path / "o" / "a_exact.npy")
    assert np.array_equal(values, _expected(folder / "a_exact.png"))


def test_a_folder_with_a_file_output_is_refused(folder: Path, tmp_path: Path) -> None:
    result = _invoke(str(folder), "-o", str(tmp_path / "x.npy"))
    assert result.exit_code == 2 and "expected a folder for the outputs" in result.output
    assert not (tmp_path / "x.npy").exists() and not (folder / "a_exact.npy").exists()


def test_one_residual_file_for_a_folder_is_refused(folder: Path, tmp_path: Path) -> None:
    result = _invoke(str(folder), "--residual", str(tmp_path / "r.npy"))
    assert result.exit_code == 2 and "expected --residual with one INPUT file" in result.output
    assert not (folder / "a_exact.npy").exists()


def test_a_pattern_that_matches_nothing(tmp_path: Path) -> None:
    result = _invoke(str(tmp_path / "*.png"))
    assert result.exit_code == 1
    pattern = str(tmp_path / "*.png")
    assert result.output == f"error: expected pictures in the pattern {pattern!r}, got no file\n"


def test_two_pictures_of_one_name_keep_their_suffix(tmp_path: Path) -> None:
    data = np.linspace(0, 1, 64).reshape(8, 8)
    plt.imsave(tmp_path / "f.png", data, cmap="viridis", vmin=0, vmax=1)
    buffer = io.BytesIO()
    plt.imsave(buffer, data, cmap="viridis", vmin=0, vmax=1, format="tiff")
    (tmp_path / "f.tif").write_bytes(buffer.getvalue())
    result = _invoke(str(tmp_path))
    assert result.exit_code == 0, result.output
    assert {p.name for p in tmp_path.glob("*.npy")} == {"f.png.npy", "f.tif.npy"}

"""``truepix hist`` and ``truepix equalize`` through click, and the stacks demo section."""

from __future__ import annotations

from pathlib import Path

import cv2
import imagecodecs
import numpy as np
import pytest
from click.testing import CliRunner
from rich.console import Console

import truepix as tp
from truepix.cli.main import cli


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def frames_dir(tmp_path: Path) -> tuple[Path, np.ndarray]:
    frames = np.random.default_rng(13).integers(0, 256, (30, 10, 14), dtype=np.uint8)
    folder = tmp_path / "frames"
    folder.mkdir()
    for k, frame in enumerate(frames):
        (folder / f"f{k:02d}.png").write_bytes(imagecodecs.png_encode(frame))
    return folder, frames


def test_hist_glob_to_npy_with_progress_and_plot(
    runner: CliRunner, tmp_path: Path, frames_dir: tuple[Path, np.ndarray]
) -> None:
    folder, frames = frames_dir
    out = tmp_path / "hist.npy"
    result = runner.invoke(
        cli,
        ["hist", str(folder / "*.png"), "--bins", "10", "--range", "0", "255", "-o", str(out),
         "--plot-pixel", "3,4"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "frames" in result.output and "saved" in result.output
    counts = np.load(out)
    assert np.array_equal(counts, tp.pixel_histogram(frames, bins=10, range=(0, 255)))
    picture = tmp_path / "hist_pixel_3_4.png"
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert imagecodecs.png_decode(picture.read_bytes()).ndim == 3


def test_hist_many_paths_edges_to_npz(
    runner: CliRunner, tmp_path: Path, frames_dir: tuple[Path, np.ndarray]
) -> None:
    folder, frames = frames_dir
    out = tmp_path / "hist.npz"
    paths = [str(p) for p in sorted(folder.glob("*.png"))]
    result = runner.invoke(cli, ["hist", *paths, "--bins", "0,10,100,255", "-o", str(out)])
    assert result.exit_code == 0, result.output
    with np.load(out) as saved:
        assert np.array_equal(saved["edges"], [0, 10, 100, 255])
        assert np.array_equal(saved["counts"], tp.pixel_histogram(frames, bins=[0, 10, 100, 255]))


def test_hist_range_none_uses_the_stacks_range(
    runner: CliRunner, tmp_path: Path, frames_dir: tuple[Path, np.ndarray]
) -> None:
    folder, frames = frames_dir
    out = tmp_path / "hist.npz"
    result = runner.invoke(cli, ["hist", str(folder), "-b", "7", "-o", str(out)])
    assert result.exit_code == 0, result.output
    with np.load(out) as saved:
        assert np.array_equal(saved["edges"], np.histogram_bin_edges(frames, 7))


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--bins", "x"], "--bins N"),
        (["--plot-pixel", "99,0"], "inside frames"),
        (["--plot-pixel", "3"], "Y,X"),
        (["-o", "out.txt"], ".npy or .npz"),
        (["--workers", "2", "--scheduler", "tcp://x:1"], "not both|got both"),
    ],
)
def test_hist_bad_options(
    runner: CliRunner,
    tmp_path: Path,
    frames_dir: tuple[Path, np.ndarray],
    arguments: list[str],
    message: str,
) -> None:
    folder, _ = frames_dir
    base = ["hist", str(folder), "--range", "0", "1"]
    if "-o" not in arguments:
        base += ["-o", str(tmp_path / "h.npy")]
    result = runner.invoke(cli, [*base, *arguments])
    assert result.exit_code != 0
    assert any(part in result.output for part in message.split("|")), result.output


def test_hist_missing_files_is_one_red_line(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        cli, ["hist", str(tmp_path / "none*.png"), "-o", str(tmp_path / "h.npy")]
    )
    assert result.exit_code == 1
    assert result.output.startswith("error: expected files matching")


@pytest.mark.slow
def test_hist_on_a_local_dask_cluster(
    runner: CliRunner, tmp_path: Path, frames_dir: tuple[Path, np.ndarray]
) -> None:
    folder, frames = frames_dir
    out = tmp_path / "hist.npy"
    result = runner.invoke(
        cli,
        [
            "hist",
            str(folder),
            "--bins",
            "5",
            "--range",
            "0",
            "255",
            "-o",
            str(out),
            "--workers",
            "2",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Dask cluster" in result.output and "frames counted on the cluster" in result.output
    assert np.array_equal(np.load(out), tp.pixel_histogram(frames, bins=5, range=(0, 255)))


def test_equalize_uint8_stack_as_opencv(runner: CliRunner, tmp_path: Path) -> None:
    images = np.random.default_rng(1).integers(30, 90, (4, 20, 16), dtype=np.uint8)
    source, target = tmp_path / "in.npy", tmp_path / "out.tif"
    np.save(source, images)
    result = runner.invoke(cli, ["equalize", str(source), str(target)])
    assert result.exit_code == 0, result.output
    expected = np.stack([cv2.equalizeHist(image) for image in images])
    assert np.array_equal(tp.load(target), expected)


def test_equalize_float_image_with_mask_to_npy(runner: CliRunner, tmp_path: Path) -> None:
    rng = np.random.default_rng(2)
    image = rng.gamma(2.0, 1.0, (24, 18)).astype(np.float32)
    mask = rng.random((24, 18)) > 0.3
    tp.save(tmp_path / "in.tif", image)
    np.save(tmp_path / "mask.npy", mask)
    target = tmp_path / "out.npy"
    result = runner.invoke(
        cli,
        ["equalize", str(tmp_path / "in.tif"), str(target), "--nbins", "64", "--mask",
         str(tmp_path / "mask.npy")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert np.array_equal(np.load(target), tp.equalize(image, nbins=64, mask=mask))


def test_equalize_refuses_nbins_for_uint8(runner: CliRunner, tmp_path: Path) -> None:
    np.save(tmp_path / "in.npy", np.zeros((3, 4), np.uint8))
    result = runner.invoke(
        cli, ["equalize", str(tmp_path / "in.npy"), str(tmp_path / "o.npy"), "--nbins", "8"]
    )
    assert result.exit_code == 1 and "nbins=256" in result.output


def test_demo_section_writes_its_files(tmp_path: Path) -> None:
    from truepix.cli._demo_stacks import run_section

    console = Console(record=True, width=100)
    run_section(tmp_path, console)
    text = console.export_text()
    assert "equals np.histogram" in text and "NO" not in text
    assert "warm" in text and "starting numba" in text  # times say what they include
    # the start-up says whether it compiled the kernels (the first run after an install)
    flat = " ".join(text.split())
    assert "(from numba's disk cache)" in flat or "(compiling them: the first run" in flat
    for name in ("stack_hist.npz", "stack_pixel_48_64.png", "equalized_montage.png"):
        assert (tmp_path / name).stat().st_size > 0

"""``series=``: which series of a multi-series TIFF a per-pixel histogram counts.

Files are written by tifffile (several series in one file; an OME-TIFF with two
images); the oracle is ``np.histogram`` over what ``tifffile.imread(path, series=k)``
returns for each pixel.
"""

from __future__ import annotations

from pathlib import Path

import imagecodecs
import numpy as np
import pytest
import tifffile
from click.testing import CliRunner

import truepix as tp
from truepix.cli.main import cli
from truepix.errors import InputError

BINS, RANGE = 8, (0, 256)
RNG = np.random.default_rng(23)


def _oracle(stack: np.ndarray) -> np.ndarray:
    flat = stack.reshape(stack.shape[0], -1)
    counts = [np.histogram(flat[:, i], bins=BINS, range=RANGE)[0] for i in range(flat.shape[1])]
    return np.array(counts).reshape(*stack.shape[1:], BINS)


@pytest.fixture(scope="module")
def two_series(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plain TIFF holding two stacks: 4 frames of low values, 7 frames of high ones."""
    path = tmp_path_factory.mktemp("series") / "two.tif"
    with tifffile.TiffWriter(path) as tif:
        tif.write(RNG.integers(0, 100, (4, 6, 5), dtype=np.uint8), photometric="minisblack")
        tif.write(RNG.integers(150, 256, (7, 6, 5), dtype=np.uint8), photometric="minisblack")
    return path


def test_each_series_counts_its_own_frames(two_series: Path) -> None:
    assert tp.info(two_series).n_series == 2
    first, second = (tifffile.imread(two_series, series=k) for k in (0, 1))
    default = tp.pixel_histogram(two_series, bins=BINS, range=RANGE)
    np.testing.assert_array_equal(default, _oracle(first))  # series 0, as tifffile reads
    assert int(default.sum()) == first.size  # the second series is not counted
    for series in (1, -1):
        counts = tp.pixel_histogram(two_series, bins=BINS, range=RANGE, series=series)
        np.testing.assert_array_equal(counts, _oracle(second))
    edges = tp.stacks.bin_edges(two_series, bins=4, series=1)  # range from series 1 only
    assert edges[0] == second.min() and edges[-1] == second.max()


def test_a_series_the_file_lacks_is_refused_naming_the_count(two_series: Path) -> None:
    for series in (2, -3):
        with pytest.raises(InputError, match=r"the file holds 2\)"):
            tp.pixel_histogram(two_series, bins=BINS, range=RANGE, series=series)


def test_series_of_an_ome_tiff(tmp_path: Path) -> None:
    path = tmp_path / "two.ome.tif"
    images = [RNG.integers(0, 256, (n, 4, 9), dtype=np.uint8) for n in (3, 5)]
    with tifffile.TiffWriter(path, ome=True) as tif:
        for image in images:
            tif.write(image, metadata={"axes": "ZYX"}, photometric="minisblack")
    assert tp.info(path).n_series == 2
    for series, image in enumerate(images):
        np.testing.assert_array_equal(tifffile.imread(path, series=series), image)
        counts = tp.pixel_histogram(path, bins=BINS, range=RANGE, series=series)
        np.testing.assert_array_equal(counts, _oracle(image))


def test_series_other_than_0_is_refused_where_there_is_no_tiff(tmp_path: Path) -> None:
    png = tmp_path / "a.png"
    png.write_bytes(imagecodecs.png_encode(np.zeros((3, 4), np.uint8)))
    frames = np.zeros((2, 3, 4), np.uint8)
    for stack, what in ((png, "PNG file"), (frames, "an array"), (list(frames), "in memory")):
        with pytest.raises(InputError, match=f"expected series=0 for .*{what}"):
            tp.pixel_histogram(stack, bins=BINS, range=RANGE, series=1)


def test_cli_hist_series(two_series: Path, tmp_path: Path) -> None:
    out = tmp_path / "h.npy"
    arguments = ["hist", str(two_series), "-b", "8", "--range", "0", "256", "--series", "1"]
    result = CliRunner().invoke(cli, [*arguments, "-o", str(out)])
    assert result.exit_code == 0, result.output
    np.testing.assert_array_equal(np.load(out), _oracle(tifffile.imread(two_series, series=1)))
    result = CliRunner().invoke(cli, ["hist", str(two_series), "--series", "5", "-o", str(out)])
    assert result.exit_code != 0 and "holds 2" in result.output

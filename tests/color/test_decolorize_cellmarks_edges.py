"""The cell grid's edge shares (``_cellmarks._edge_share``): the numba pass over uint8
pictures gives the numpy oracle's shares (int16 differences, the bools' mean) to the
last bit, on pictures made as users make them and on odd shapes."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image, ImageDraw

from truepix.color._decolorize import _cellmarks


def _oracle(pixels: np.ndarray, axis: int) -> np.ndarray:
    """``_edge_share`` through numpy: int16 pictures never take the kernel."""
    return _cellmarks._edge_share(pixels.astype(np.int16), axis)


def _heatmap_jpeg(quality: int) -> np.ndarray:
    """A 6 x 8 cell heatmap (viridis) with numbers written in its cells, Pillow JPEG."""
    rng = np.random.default_rng(4)
    cells = rng.random((6, 8))
    rgb = matplotlib.colormaps["viridis"](np.kron(cells, np.ones((40, 40))), bytes=True)[..., :3]
    image = Image.fromarray(np.ascontiguousarray(rgb))
    draw = ImageDraw.Draw(image)
    for row in range(6):
        for col in range(8):
            draw.text((col * 40 + 8, row * 40 + 14), f"{cells[row, col]:.2f}", fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return np.asarray(Image.open(buffer).convert("RGB"))  # read-only, as Pillow gives it


@pytest.mark.parametrize("quality", [50, 90])
@pytest.mark.parametrize("axis", [0, 1])
def test_edge_share_heatmap_matches_oracle(quality: int, axis: int) -> None:
    pixels = _heatmap_jpeg(quality)
    shares = _cellmarks._edge_share(pixels, axis)
    expected = _oracle(pixels, axis)
    assert shares.dtype == expected.dtype and shares.shape == expected.shape
    assert np.array_equal(shares, expected)
    assert shares.max() > 0.5  # the cells' boundaries are there to be found


@pytest.mark.parametrize("channels", [3, 4])
def test_edge_share_odd_shapes_match_oracle(channels: int) -> None:
    rng = np.random.default_rng(7)
    for height, width in [(1, 1), (1, 9), (9, 1), (2, 2), (7, 300), (600, 5), (513, 771)]:
        pixels = rng.integers(0, 256, (height, width, channels), dtype=np.uint8)
        for axis in (0, 1):
            shares = _cellmarks._edge_share(pixels, axis)
            assert np.array_equal(shares, _oracle(pixels, axis)), (height, width, axis)


def test_grid_found_on_heatmap() -> None:
    """The grid read through the kernel's shares: the heatmap's 8 columns and 6 rows."""
    pixels = _heatmap_jpeg(75)
    cols = _cellmarks._grid(_cellmarks._edge_share(pixels, 1), pixels.shape[1])
    rows = _cellmarks._grid(_cellmarks._edge_share(pixels, 0), pixels.shape[0])
    assert cols is not None and rows is not None
    assert cols.tolist() == list(range(0, 321, 40))
    assert rows.tolist() == list(range(0, 241, 40))


def _grid_oracle(share: np.ndarray, n: int) -> np.ndarray | None:
    """``_cellmarks._grid`` through numpy: the median of the 3 shares each side (ends
    repeated), the peaks' rolled maxima, each grid's count below GRID_PEAK."""
    padded = np.pad(share, 3, mode="edge")
    around = np.median(np.stack([padded[k : k + len(share)] for k in (0, 1, 2, 4, 5, 6)]), axis=0)
    peak = share - around
    counts = np.arange(_cellmarks.CELLS_MIN, n // _cellmarks.GRID_FINEST + 1)
    if len(counts) == 0:
        return None
    near = np.maximum(np.maximum(peak, np.roll(peak, 1)), np.roll(peak, -1))
    grids, at, most = _cellmarks._grid_bounds(n)
    below = near[at] < _cellmarks.GRID_PEAK
    standing = np.bincount(grids, below, minlength=len(counts)) <= most
    if not np.any(standing):
        return None
    k = int(counts[standing].max())
    return _cellmarks._bounds(k, n) if n / k >= _cellmarks.CELL_PIXELS else None


@pytest.mark.parametrize("quality", [50, 90])
def test_grid_matches_numpy_oracle(quality: int) -> None:
    """The jitted grid test finds numpy's grid: on a JPEG'd heatmap (its cells), on noise
    (none) and on seeded shares with boundaries, ties and plateaus."""
    pixels = _heatmap_jpeg(quality)
    for axis, n in ((1, pixels.shape[1]), (0, pixels.shape[0])):
        share = _cellmarks._edge_share(pixels, axis)
        assert _cellmarks._grid(share, n) is not None
        np.testing.assert_array_equal(_cellmarks._grid(share, n), _grid_oracle(share, n))
    rng = np.random.default_rng(11)
    found = 0
    for trial in range(200):
        n = int(rng.integers(48, 700))
        share = np.round(rng.random(n - 1) * (0.2 + 0.3 * (trial % 2)) * 37) / 37
        cells = int(rng.integers(3, n // 10))
        bounds = np.round(np.arange(1, cells) * n / cells).astype(int) - 1
        share[np.clip(bounds + rng.integers(-1, 2, len(bounds)), 0, n - 2)] += 0.6
        want, got = _grid_oracle(share, n), _cellmarks._grid(share, n)
        found += want is not None
        assert (got is None) == (want is None)
        if want is not None:
            np.testing.assert_array_equal(got, want)
    assert found > 50

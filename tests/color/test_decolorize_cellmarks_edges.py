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

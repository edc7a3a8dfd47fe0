"""The grid-of-cells kernels against their oracles: numpy's median per cell, OpenCV's
8-connected components and its square dilation, on a JPEG'd mosaic of colormapped tiles
(the picture whose 16 MP made them kernels) and seeded masks."""

from __future__ import annotations

import cv2
import matplotlib as mpl
import numpy as np
import pytest

from tests.color._photographs import encoded
from truepix.color._decolorize import _cellmarks, _flatcells


def _mosaic() -> np.ndarray:
    """A 3 x 4 mosaic of seeded smooth viridis tiles (40 x 36 px), JPEG q75."""
    rng = np.random.default_rng(11)
    y, x = np.mgrid[0:120, 0:144] / 30.0
    field = np.sin(x * rng.uniform(0.5, 2)) * np.cos(y * rng.uniform(0.5, 2))
    field += np.kron(rng.random((3, 4)), np.ones((40, 36)))
    field = (field - field.min()) / np.ptp(field)
    rgb = np.ascontiguousarray(mpl.colormaps["viridis"](field, bytes=True)[..., :3])
    return encoded(rgb, "JPEG", 75)


def test_cell_medians_are_numpys_median_of_each_cell() -> None:
    pixels = _mosaic()
    rows, cols = _cellmarks._bounds(3, 120), _cellmarks._bounds(4, 144)
    medians = _flatcells.cell_medians(pixels, rows, cols, _cellmarks.CELL_EDGE)[0]
    assert medians.dtype == np.float32
    for i in range(3):
        for j in range(4):
            cell = pixels[rows[i] : rows[i + 1], cols[j] : cols[j + 1]].reshape(-1, 3)
            np.testing.assert_array_equal(medians[i * 4 + j], np.median(cell, axis=0))


@pytest.mark.parametrize("share", [0.002, 0.05, 0.4])
def test_glyph_marks_are_opencvs_big_components(share: float) -> None:
    marks = np.random.default_rng(4).random((90, 130)) < share
    count, labels, stats, _ = cv2.connectedComponentsWithStats(marks.astype(np.uint8), 8)
    big = np.flatnonzero(stats[:, cv2.CC_STAT_AREA] >= 5)
    expected = np.isin(labels, big[big > 0])
    np.testing.assert_array_equal(_flatcells.glyph_marks(marks, 5), expected)


@pytest.mark.parametrize("share", [0.0, 0.001, 0.02])
def test_square_is_opencvs_dilation(share: float) -> None:
    marks = np.random.default_rng(6).random((70, 95)) < share
    reach = _flatcells.MARK_REACH
    near = np.empty(marks.shape, dtype=bool)
    _flatcells._square(marks, reach, near)
    kernel = np.ones((2 * reach + 1, 2 * reach + 1), np.uint8)
    expected = cv2.dilate(marks.astype(np.uint8), kernel, borderValue=0) > 0
    np.testing.assert_array_equal(near, expected)

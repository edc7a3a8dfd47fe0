"""Vendor maps as the vendors draw them: MATLAB's tables and OpenCV's applyColorMap."""

from __future__ import annotations

import numpy as np
import pytest

from tests._needs import need_module
from truepix.color._catalog import get, names
from truepix.color._decolorize._api import decolorize


def test_matlab_tables_follow_matlabs_published_values() -> None:
    """Rows MATLAB's documentation prints for the 64-entry maps (format short)."""
    published = {
        "matlab:jet_64": {0: [0, 0, 0.5625], 23: [0, 1, 1], 63: [0.5, 0, 0]},
        "matlab:hot_64": {0: [0.0417, 0, 0], 63: [1, 1, 1]},
        "matlab:bone_64": {0: [0, 0, 0.0052], 63: [1, 1, 1]},
        "matlab:copper_64": {63: [1, 0.7812, 0.4975]},
        "matlab:parula_64": {0: [0.2081, 0.1663, 0.5292], 63: [0.9763, 0.9831, 0.0538]},
        "matlab:summer_64": {0: [0, 0.5, 0.4]},
    }
    for name, rows in published.items():
        lut = get(name).lut
        assert lut.shape == (64, 4) and get(name).source == "matlab"
        for row, rgb in rows.items():
            np.testing.assert_allclose(lut[row, :3], rgb, atol=5e-5)
    # matplotlib's jet is a different table: MATLAB's is not an alias of it
    assert get("matlab:jet").lut_bytes[0, 2] != get("jet").lut_bytes[0, 2]
    assert {"matlab:parula", "matlab:parula_64", "matlab:jet_64"} <= set(names())


@pytest.mark.parametrize("name", ["matlab:jet_64", "matlab:parula_64", "matlab:parula"])
def test_matlab_pictures_with_rounded_bytes_decode_at_the_floor(name: str) -> None:
    """``ind2rgb(X, jet(64))`` saved as an 8-bit picture: round(255 * color)."""
    table = get(name).lut[:, :3]
    n_colors = len(table)
    rng = np.random.default_rng(51)
    index = rng.integers(0, n_colors, (40, 60))
    picture = np.round(table[index] * 255).astype(np.uint8)
    values = decolorize(picture, cmap=name, vmin=0, vmax=n_colors)
    assert not np.isnan(values).any()
    # value in [k, k + 1) draws entry k: each comes back at its entry's center
    distinct = len(np.unique(np.round(table * 255), axis=0)) == n_colors
    assert distinct
    np.testing.assert_allclose(values, index + 0.5, atol=n_colors * 2.0**-21)  # 22-bit positions


def test_opencv_pictures_put_value_v_in_entry_v() -> None:
    cv2 = need_module("cv2")
    rng = np.random.default_rng(52)
    data = rng.integers(0, 256, (50, 70)).astype(np.uint8)
    bgr = cv2.applyColorMap(data, cv2.COLORMAP_VIRIDIS)
    picture = np.ascontiguousarray(bgr[..., ::-1])
    values = decolorize(picture, cmap="opencv:viridis", vmin=0, vmax=255)
    table = get("opencv:viridis").lut_bytes[:, :3]
    unique = np.array([np.sum(np.all(table == table[v], axis=1)) == 1 for v in range(256)])
    exact = unique[data]
    assert exact.mean() > 0.9
    # v itself, no step (positions are kept to 22 bits: 6e-5 of 255)
    np.testing.assert_allclose(values[exact], data[exact], atol=1e-4)

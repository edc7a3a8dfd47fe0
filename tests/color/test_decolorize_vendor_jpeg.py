"""Vendor maps' pictures JPEG'd: MATLAB's jet(64) under its plain name, OpenCV's
applyColorMap of 8-bit data.

``cmap="matlab:jet"`` also decodes MATLAB's 64-entry ``jet(64)``; a JPEG'd picture
holds neither table's exact colors, and the 256-entry table read it between its bins
(1.46-1.65x the 64-entry k-d tree on smooth fields at q75, trial 48 t55). Its
positions along the 64-entry table, unfiltered, gather in its bins' middle
(``_lengths.CLUSTERED``). ``cv2.applyColorMap`` paints 8-bit data only: a JPEG'd
picture's values are the entries' (``_indexed``). Oracles: the data drawn, and a k-d
tree over the table's bytes.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.spatial import cKDTree

from tests._needs import need_module
from tests.color._photographs import pillow_jpeg
from truepix import Decolorizer, decolorize
from truepix.color._catalog import get


def _bumps(size: int = 256) -> np.ndarray:
    """A smooth field in [0, 1): a few Gaussian bumps."""
    y, x = np.mgrid[0:size, 0:size] / size
    field = np.exp(-((x - 0.3) ** 2 + (y - 0.4) ** 2) * 8) + 0.7 * np.exp(
        -((x - 0.75) ** 2 + (y - 0.7) ** 2) * 12
    )  # fmt: skip
    return np.clip(field / field.max(), 0.0, 0.999)


@pytest.mark.parametrize("quality", [75, 95])
def test_matlab_jet_64_jpeg_decodes_with_the_64_entry_table(quality: int) -> None:
    """MATLAB's jet(64) (rounded bytes, as ``imwrite(ind2rgb(...))``), JPEG'd, under
    ``"matlab:jet"``: the 64-entry table's answer, under the k-d tree's error. (At 256 px
    the levels are a few px wide and JPEG blurs them: 0.42-0.44 gather, 256-entry kept.)"""
    field = _bumps(512)
    table = np.round(get("matlab:jet_64").lut[:, :3] * 255).astype(np.uint8)
    picture = pillow_jpeg(table[(field * 64).astype(int)], quality)
    values = decolorize(picture, cmap="matlab:jet", vmin=0, vmax=1)
    named = decolorize(picture, cmap="matlab:jet_64", vmin=0, vmax=1)
    np.testing.assert_array_equal(values, named)
    nearest = cKDTree(table.astype(np.float64)).query(picture.reshape(-1, 3).astype(float))[1]
    baseline = np.abs((nearest + 0.5) / 64 - field.reshape(-1)).mean()
    assert np.abs(values - field).mean() < 0.8 * baseline


@pytest.mark.parametrize("quality", [50, 75, 95])
def test_matlab_jet_256_jpeg_keeps_the_256_entry_table(quality: int) -> None:
    field = _bumps()
    table = np.round(get("matlab:jet").lut[:, :3] * 255).astype(np.uint8)
    picture = pillow_jpeg(table[(field * 256).astype(int)], quality)
    decoder = Decolorizer("matlab:jet", vmin=0, vmax=1)
    assert not decoder._other.holds(picture, "u8", decoder._keys())
    nearest = cKDTree(table.astype(np.float64)).query(picture.reshape(-1, 3).astype(float))[1]
    baseline = np.abs((nearest + 0.5) / 256 - field.reshape(-1)).mean()
    assert np.abs(decoder.decode(picture).values - field).mean() < baseline


@pytest.mark.parametrize("name", ["jet", "turbo", "viridis"])
def test_opencv_jpeg_of_8_bit_data_decodes_to_entries(name: str) -> None:
    """``cv2.applyColorMap`` of smooth 8-bit data, ``cv2.imencode`` JPEG (q95, its
    default): values are entries (integers for vmin=0, vmax=255), under the k-d tree's
    error (the k-d tree answers entries too)."""
    cv2 = need_module("cv2")
    data = np.round(_bumps(320) * 255).astype(np.uint8)
    painted = cv2.applyColorMap(data, getattr(cv2, "COLORMAP_" + name.upper()))
    picture = cv2.cvtColor(cv2.imdecode(cv2.imencode(".jpg", painted)[1], 1), cv2.COLOR_BGR2RGB)
    values = decolorize(picture, cmap=f"opencv:{name}", vmin=0, vmax=255)
    assert not np.isnan(values).any()
    np.testing.assert_array_equal(values, np.rint(values))
    table = get(f"opencv:{name}").lut_bytes[:, :3].astype(np.float64)
    nearest = cKDTree(table).query(picture.reshape(-1, 3).astype(np.float64))[1]
    assert np.abs(values - data).mean() < np.abs(nearest - data.reshape(-1)).mean()
    # a log norm: the entries' values along it
    logged = decolorize(picture, cmap=f"opencv:{name}", vmin=1, vmax=256, norm="log")
    steps = (np.log10(logged) / np.log10(256)) * 255
    np.testing.assert_allclose(steps, np.rint(steps), atol=1e-6)

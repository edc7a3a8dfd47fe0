"""Vendor maps as the vendors draw them: MATLAB's tables and OpenCV's applyColorMap."""

from __future__ import annotations

import numpy as np
import pytest

from tests._needs import need_module
from truepix.color._catalog import get, names
from truepix.color._decolorize._api import Decolorizer, decolorize


def test_matlab_tables_follow_matlabs_published_values() -> None:
    """Rows MATLAB's documentation prints for the 64-entry maps (format short)."""
    published = {
        "matlab:jet_64": {0: [0, 0, 0.5625], 23: [0, 1, 1], 63: [0.5, 0, 0]},
        "matlab:hot_64": {0: [0.0417, 0, 0], 63: [1, 1, 1]},
        "matlab:bone_64": {0: [0, 0, 0.0052], 63: [1, 1, 1]},
        "matlab:copper_64": {63: [1, 0.7812, 0.4975]},
        "matlab:parula_2014b_64": {0: [0.2081, 0.1663, 0.5292], 63: [0.9763, 0.9831, 0.0538]},
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


def test_parula_is_todays_matlab_parula() -> None:
    """parula(256) and parula(64) of R2017a and later, as MATLAB writes them: the
    256 rows of a figure's saved ``Colormap`` (format short) and rows of ``parula(64)``
    printed in full precision, which interpolate those 256 linearly."""
    parula = get("matlab:parula").lut[:, :3]
    assert parula.shape == (256, 3)
    np.testing.assert_allclose(parula[[0, 1, 128, 255]], [
        [0.2422, 0.1504, 0.6603], [0.2444, 0.1534, 0.6728], [0.0770, 0.7468, 0.7224],
        [0.9769, 0.9839, 0.0805]], atol=5e-5)  # fmt: skip
    parula_64 = {
        1: [0.250390476190476, 0.164995238095238, 0.707614285714286],
        6: [0.2783, 0.255871428571429, 0.899071428571429],
        30: [0.00665714285714287, 0.731214285714286, 0.766014285714286],
        55: [0.995204761904762, 0.789252380952381, 0.202761904761905],
        62: [0.969114285714286, 0.960628571428571, 0.106361904761905],
    }
    lut = get("matlab:parula_64").lut
    for row, rgb in parula_64.items():
        np.testing.assert_allclose(lut[row, :3], rgb, atol=1e-12)
    # R2014b-R2016b's parula is another table, kept under its own name
    assert np.abs(get("matlab:parula_2014b").lut - get("matlab:parula").lut).max() > 0.2


@pytest.mark.parametrize(
    "name", ["matlab:jet_64", "matlab:parula_64", "matlab:parula", "matlab:parula_2014b_64"]
)
def test_matlab_pictures_with_rounded_bytes_decode_at_the_floor(name: str) -> None:
    """``ind2rgb(X, jet(64))`` saved as an 8-bit picture: round(255 * color)."""
    table = get(name).lut[:, :3]
    n_colors = len(table)
    rng = np.random.default_rng(51)
    index = rng.integers(0, n_colors, (40, 60))
    picture = np.floor(table[index] * 255 + 0.5).astype(np.uint8)  # MATLAB rounds half up
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


def test_matlab_turbo_lines_and_colorcube_are_matlabs() -> None:
    import matplotlib

    # turbo: Google's published table (first and last rows of turbo_colormap_data),
    # the one matplotlib draws with too
    turbo = get("matlab:turbo").lut[:, :3]
    np.testing.assert_array_equal(turbo[0], [0.18995, 0.07176, 0.23217])
    np.testing.assert_array_equal(turbo[-1], [0.47960, 0.01583, 0.01055])
    np.testing.assert_array_equal(turbo, matplotlib.colormaps["turbo"](np.arange(256))[:, :3])
    assert get("matlab:turbo_64").n_colors == 64
    # lines: the seven default line colors MATLAB's documentation prints, repeated
    lines = get("matlab:lines_64").lut[:, :3]
    np.testing.assert_array_equal(lines[0], [0, 0.4470, 0.7410])
    np.testing.assert_array_equal(lines[1], [0.8500, 0.3250, 0.0980])
    np.testing.assert_array_equal(lines[6], [0.6350, 0.0780, 0.1840])
    np.testing.assert_array_equal(lines[7:14], lines[:7])
    assert get("matlab:lines").discrete and get("matlab:colorcube").discrete
    # colorcube(256): a 6x6x6 cube without its 6 grays and 15 pure colors, then
    # 15-step red, green and blue ramps, black, a 15-step gray ramp; all distinct
    cube = get("matlab:colorcube").lut[:, :3]
    assert len(np.unique(cube, axis=0)) == 256
    steps = np.arange(1, 16) / 15
    np.testing.assert_allclose(cube[195:210, 0], steps)
    np.testing.assert_allclose(cube[210:225, 1], steps)
    np.testing.assert_allclose(cube[225:240, 2], steps)
    np.testing.assert_array_equal(cube[240], [0, 0, 0])
    np.testing.assert_allclose(cube[241:], np.column_stack([steps] * 3))
    grid = np.round(cube[:195] * 5)
    assert np.allclose(cube[:195] * 5, grid) and np.all(np.ptp(grid, axis=1) > 0)
    assert np.all(np.sort(grid, axis=1)[:, 1] > 0)  # never two channels zero
    assert get("matlab:colorcube_64").n_colors == 64


OPENCV_MAPS = [name for name in names() if name.startswith("opencv:")]


@pytest.mark.parametrize("name", OPENCV_MAPS)
def test_every_opencv_map_decodes_at_its_floor(name: str) -> None:
    """applyColorMap paints value v with entry v: v itself where the color is
    the entry's alone, the middle of the entries sharing it otherwise (flagged)."""
    cv2 = need_module("cv2")
    code = getattr(cv2, "COLORMAP_" + name.removeprefix("opencv:").upper())
    data = np.arange(256, dtype=np.uint8).reshape(16, 16)
    picture = np.ascontiguousarray(cv2.applyColorMap(data, code)[..., ::-1])
    result = Decolorizer(name, vmin=0, vmax=255).decode(picture)
    table = get(name).lut_bytes[:, :3]
    same = np.all(picture.reshape(-1, 1, 3) == table[None], axis=-1)  # (256, 256)
    assert same[np.arange(256), data.ravel()].all()  # the catalog holds OpenCV's table
    low = np.where(same, np.arange(256), 256).min(axis=1)
    high = np.where(same, np.arange(256), -1).max(axis=1)
    values = result.values.ravel()
    one_run = same.sum(axis=1) == high - low + 1
    middle = np.abs(values - (low + high) / 2) <= 1e-4
    assert np.all(middle[one_run]), np.flatnonzero(~middle & one_run)
    assert result.ambiguous.ravel()[same.sum(axis=1) > 1].all()
    entry = np.rint(values).astype(int) % 256  # wrapped runs: within the entries
    assert same[np.arange(256), entry].all()


def test_matlab_bytes_as_im2uint8_writes_them_and_as_imsave_writes_them() -> None:
    """MATLAB's ``im2uint8(parula(64))`` row 1 is [62 38 168] (0.2422 0.1504 0.6603
    rounded): the table's ``lut_rounded``; ``lut_bytes`` stays matplotlib's truncation
    [61 38 168], what ``plt.imsave`` of the same map writes. The decoder tries both."""
    entry = get("matlab:parula_64")
    assert entry.lut_rounded[0, :3].tolist() == [62, 38, 168]
    assert entry.lut_bytes[0, :3].tolist() == [61, 38, 168]
    for name in ("matlab:jet_64", "matlab:parula", "matlab:hot", "matlab:turbo_64_r"):
        entry = get(name)
        rounded = np.floor(entry.lut[:, :3] * 255 + 0.5)
        np.testing.assert_array_equal(entry.lut_rounded[:, :3], rounded)
        np.testing.assert_array_equal(entry.lut_bytes[:, :3], (entry.lut[:, :3] * 255).astype(int))


def _matlab_picture(table: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``imwrite(ind2rgb(X, map))`` of a seeded field: rounded bytes, and the field."""
    rng = np.random.default_rng(seed)
    field = rng.random((48, 64))
    index = np.minimum((field * len(table)).astype(int), len(table) - 1)
    return np.floor(table[index] * 255 + 0.5).astype(np.uint8), index


@pytest.mark.parametrize("base", ["jet", "parula", "hot", "gray", "hsv", "parula_2014b"])
def test_matlab_name_decodes_64_and_256_entry_pictures_at_the_floor(base: str) -> None:
    """``cmap="matlab:jet"`` is what a MATLAB user types for ``jet(64)`` (before R2019b)
    and ``jet(256)`` (since): each picture comes back at its own table's bin centers.
    Before, a ``jet(64)`` picture decoded with the 256-entry table: mean error 0.61 %
    of the range where its floor is 0.39 %."""
    from truepix.color import _matlab

    for n_colors, seed in ((64, 61), (256, 62)):
        picture, index = _matlab_picture(_matlab.MAPS[base](n_colors), seed)
        for name in (f"matlab:{base}", f"matlab:{base}_r"):
            turned = name.endswith("_r")
            values = decolorize(picture, cmap=name, vmin=0, vmax=n_colors)
            expected = (n_colors - 1 - index if turned else index) + 0.5
            np.testing.assert_allclose(values, expected, atol=n_colors * 2.0**-21)
    # a 256-entry picture decodes as it did with the 256-entry table alone
    picture, _ = _matlab_picture(_matlab.MAPS[base](256), 63)
    alone = Decolorizer(f"matlab:{base}", vmin=0, vmax=1)
    alone._other = None
    np.testing.assert_array_equal(
        decolorize(picture, cmap=f"matlab:{base}", vmin=0, vmax=1), alone.values(picture)
    )

"""A picture read with ``cv2.imread`` is BGR: passed as is it decodes to numbers that
look like data (coolwarm: 98 % of the pixels off by more than 5 % of the range, within
the threshold), so ``decolorize`` says so. RGB pictures, exact or degraded, are quiet."""

from __future__ import annotations

import warnings

import cv2
import matplotlib as mpl
import numpy as np
import pytest
from tests.color._photographs import camera_256, imsave_rgb

import truepix as tp
from truepix.errors import OffMapWarning

MAPS = ("jet", "coolwarm", "viridis")


def _through_cv2(rgb: np.ndarray, path, suffix: str = ".png", quality: int = 95) -> np.ndarray:
    """``rgb`` written by cv2.imwrite (RGB -> BGR first, as OpenCV wants) and read
    back by cv2.imread: what an OpenCV user holds, BGR."""
    name = str(path / f"picture{suffix}")
    params = [cv2.IMWRITE_JPEG_QUALITY, quality] if suffix == ".jpg" else []
    assert cv2.imwrite(name, cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), params)
    return cv2.imread(name)


@pytest.fixture(scope="module")
def camera() -> np.ndarray:
    return cv2.resize(camera_256(), (128, 128), interpolation=cv2.INTER_AREA)


@pytest.mark.parametrize("cmap", MAPS)
def test_a_bgr_picture_is_named_as_such(camera, tmp_path, cmap: str) -> None:
    bgr = _through_cv2(imsave_rgb(camera, cmap), tmp_path)
    with pytest.warns(OffMapWarning, match=r"looks like BGR \(as cv2.imread returns\)"):
        values = tp.decolorize(bgr, cmap=cmap, vmin=0, vmax=255)
    # warned, not swapped: the picture is decoded as given (a map may be drawn so)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", OffMapWarning)
        assert np.array_equal(values, tp.decolorize(bgr, cmap=cmap, vmin=0, vmax=255),
                              equal_nan=True)  # fmt: skip
    # the advice is right: swapped back, the picture decodes within its bins (quietly;
    # jet's pure blue run of entries comes back in its middle, 2 bins off at most)
    swapped = tp.decolorize(bgr[..., ::-1], cmap=cmap, vmin=0, vmax=255)
    assert np.nanmax(np.abs(swapped - camera)) <= 2.0
    assert not np.isnan(swapped).any()


@pytest.mark.parametrize("cmap", ["coolwarm", "viridis"])
def test_a_jpegd_bgr_picture_is_named_as_such(camera, tmp_path, cmap: str) -> None:
    # (jet with red and blue swapped is nearly jet reversed: JPEG'd, the two fit alike)
    bgr = _through_cv2(imsave_rgb(camera, cmap), tmp_path, ".jpg", 75)
    with pytest.warns(OffMapWarning, match="looks like BGR"):
        tp.decolorize(bgr, cmap=cmap, vmin=0, vmax=255)


@pytest.mark.parametrize("cmap", [*MAPS, "twilight", "RdBu", "gray"])
@pytest.mark.parametrize("form", ["png", "jpeg75", "jpeg50", "area"])
def test_rgb_pictures_raise_no_warning(camera, tmp_path, cmap: str, form: str) -> None:
    rgb = imsave_rgb(camera, cmap)
    if form == "area":
        rgb = cv2.resize(rgb, (64, 64), interpolation=cv2.INTER_AREA)
    elif form.startswith("jpeg"):
        rgb = _through_cv2(rgb, tmp_path, ".jpg", int(form[4:]))[..., ::-1]
    result = tp.Decolorizer(cmap, vmin=0, vmax=255).decode(rgb)
    assert not result.bgr
    tp.decolorize(rgb, cmap=cmap, vmin=0, vmax=255)  # warnings are errors here


def test_an_under_color_that_fits_swapped_is_not_called_bgr(camera) -> None:
    """jet with a cyan under-color over a third of the picture (trial41): the cyan alone
    fits jet with red and blue swapped (as yellow). Told BGR, the user swapped and got
    0.11 -> 50.9 % mean error; one flat color is a coincidence, not a BGR picture."""
    low = np.quantile(camera, 0.33)
    cmap = mpl.colormaps["jet"].with_extremes(under="cyan", over="magenta")
    norm = mpl.colors.Normalize(low, camera.max() * 0.97)
    rgb = cmap(norm(camera), bytes=True)[..., :3]
    for given in ("jet", cmap):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            values = tp.decolorize(rgb, cmap=given, vmin=norm.vmin, vmax=norm.vmax)
        assert not any("swapped" in str(w.message) for w in caught)
        data = (camera >= low) & (camera <= norm.vmax)
        assert np.nanmean(np.abs(values - camera)[data]) < 0.01 * (norm.vmax - low)


@pytest.mark.parametrize("dtype", [np.uint8, np.uint16, np.float32])
def test_distinct_colors_match_numpys_row_unique(dtype) -> None:
    """The packed-key count of distinct colors is numpy's row-wise unique (any order)."""
    from truepix.color._decolorize._swapped import _distinct

    top = 5 if dtype == np.float32 else np.iinfo(dtype).max
    rows = np.random.default_rng(4).integers(0, top, (5000, 3)).astype(dtype)
    rows[:2000] = rows[0]  # one color over 40 % of the sample
    colors, counts = _distinct(rows)
    expected, expected_counts = np.unique(rows, axis=0, return_counts=True)
    order = np.lexsort(colors.T[::-1])
    np.testing.assert_array_equal(colors[order], expected)
    np.testing.assert_array_equal(counts[order], expected_counts)


@pytest.mark.parametrize("n_channels", [3, 4])
def test_distinct_byte_rows_first_indices_are_numpys(n_channels: int) -> None:
    """Bytes' distinct colors by one sort of key and index: numpy's unique of packed
    keys, first indices (each color's first row) and counts alike, in its order."""
    from truepix.color._decolorize._swapped import _distinct_rows

    rng = np.random.default_rng(5)
    for top in (2, 16, 256):
        rows = rng.integers(0, top, (7000, n_channels)).astype(np.uint8)
        rows[:3000] = rows[0]
        keys = (rows.astype(np.uint64) << (np.arange(n_channels, dtype=np.uint64) * 16)).sum(
            axis=1, dtype=np.uint64
        )
        got_colors, got_first, got_counts = _distinct_rows(rows[::2])
        _, first, counts = np.unique(keys[::2], return_index=True, return_counts=True)
        np.testing.assert_array_equal(got_first, first)
        np.testing.assert_array_equal(got_counts, counts)
        np.testing.assert_array_equal(got_colors, rows[::2][first])

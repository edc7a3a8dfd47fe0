"""All-data pictures that lossy coding moved mostly past the threshold.

Random matrices drawn with a map and saved as Pillow lossy WebP or AVIF (both 4:2:0)
land mostly far off the map: JPEG's 4:2:0 chroma test, which reads only the 2x2 blocks
within the threshold, read none, and the picture was not taken for JPEG'd: jet and
turbo 97.5-97.6 % NaN, viridis 80-81 %, coolwarm at q90 29 %, jet's blurred noise at
WebP q90 26 % (``_chroma_test.WIDE_SHARE``). Pictures that are not lossy (noise,
resizing, 256 colors) keep their plan. The oracle is the nearest table color (a k-d
tree), with a hole counted as the full range.
"""

from __future__ import annotations

import io
import warnings

import cv2
import numpy as np
import pytest
from PIL import Image

from tests.color.test_decolorize_speckle import _field, _rgb, assert_all_data
from truepix import Decolorizer
from truepix.errors import OffMapWarning


def _saved(rgb: np.ndarray, fmt: str, quality: int) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format=fmt, quality=quality)
    return np.asarray(Image.open(buffer).convert("RGB"))


@pytest.mark.parametrize(
    ("cmap", "kind", "fmt", "quality"),
    [
        ("jet", "white", "WEBP", 50),  # 97.5 % NaN before
        ("jet", "white", "WEBP", 90),  # 97.6 %
        ("turbo", "white", "WEBP", 75),  # 97.5 %
        ("viridis", "white", "WEBP", 75),  # 80.4 %
        ("coolwarm", "white", "WEBP", 90),  # 29.1 %
        ("jet", "blurred", "WEBP", 90),  # 25.7 %
        ("jet", "white", "AVIF", 75),  # 98.2 %
        ("viridis", "white", "AVIF", 75),  # 81.1 %
        ("magma", "white", "WEBP", 50),  # 53.4 %
        ("plasma", "white", "AVIF", 60),  # 77.8 %
        ("Spectral", "white", "WEBP", 90),  # 46.9 %
    ],
)
def test_lossy_white_noise_gets_values(cmap: str, kind: str, fmt: str, quality: int) -> None:
    field = _field(kind)
    picture = _saved(_rgb(cmap, field), fmt, quality)
    assert_all_data(cmap, picture, field)


def _not_lossy(rgb: np.ndarray, how: str) -> np.ndarray:
    if how == "noise":
        rng = np.random.default_rng(1)
        return np.clip(rgb + rng.normal(0, 20, rgb.shape), 0, 255).astype(np.uint8)
    if how == "area":
        return cv2.resize(rgb, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    if how == "cubic":
        return cv2.resize(rgb, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    return np.asarray(Image.fromarray(rgb).quantize(256).convert("RGB"))


@pytest.mark.parametrize("cmap", ["jet", "viridis", "coolwarm"])
@pytest.mark.parametrize("how", ["noise", "area", "cubic", "colors"])
def test_white_noise_not_lossy_is_no_jpeg(cmap: str, how: str) -> None:
    # (shrunk 0.5x by area the 4:2:0 model fits jet's and coolwarm's chroma too, 0.45:
    # their luma, smoothed, tells them from JPEG)
    picture = _not_lossy(_rgb(cmap, _field("white")), how)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", OffMapWarning)
        result = Decolorizer(cmap, vmin=0, vmax=1).decode(picture)
    assert not result.jpeg

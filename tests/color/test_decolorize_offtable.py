"""Silently wrong numbers from the default call (trial 44): exact pictures whose colors
are not the map's table -- a diverging map drawn with alpha over white, OpenCV's own
tables decoded with matplotlib's names -- warn with what to pass; OpenCV's HSV is not
called BGR."""

from __future__ import annotations

import warnings

import cv2
import matplotlib as mpl
import numpy as np
import pytest
from tests.color._photographs import camera_256, fbm, imshow_png, pillow_jpeg

import truepix as tp
from truepix.errors import OffMapWarning

mpl.use("Agg")

DIVERGING = ("RdBu_r", "coolwarm", "PiYG", "seismic", "bwr")


def _terrain() -> np.ndarray:
    return 200.0 + 3800.0 * fbm(192, 4) ** 1.5


def _imshow(field: np.ndarray, cmap: str, alpha: float) -> np.ndarray:
    return imshow_png(field, cmap, 200, 4000, alpha)


def _decode(picture: np.ndarray, cmap: str, vmin: float, vmax: float) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tp.decolorize(picture, cmap=cmap, vmin=vmin, vmax=vmax)
    return [str(w.message) for w in caught if issubclass(w.category, OffMapWarning)]


@pytest.mark.parametrize(
    ("cmap", "alpha"), [("coolwarm", 0.8), ("PiYG", 0.8), ("RdBu_r", 0.9), ("PiYG", 0.95)]
)
def test_a_diverging_map_drawn_with_alpha_names_the_alpha(cmap: str, alpha: float) -> None:
    # coolwarm 0.8: 5.3 % mean error, PiYG 0.8: 3.8 %, all decoded and no warning before
    messages = _decode(_imshow(_terrain(), cmap, alpha), cmap, 200, 4000)
    assert len(messages) == 1 and f"pass alpha={alpha:g}" in messages[0], messages


@pytest.mark.parametrize("cmap", DIVERGING)
@pytest.mark.parametrize("quality", [None, 75])
def test_opaque_diverging_pictures_raise_no_warning(cmap: str, quality: int | None) -> None:
    picture = _imshow(_terrain(), cmap, 1.0)
    picture = picture if quality is None else pillow_jpeg(picture, quality)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tp.decolorize(picture, cmap=cmap, vmin=200, vmax=4000)


def _opencv(name: str) -> tuple[np.ndarray, np.ndarray]:
    u8 = np.round(camera_256()[::2, ::2]).astype(np.uint8)
    bgr = cv2.applyColorMap(u8, getattr(cv2, "COLORMAP_" + name))
    return np.ascontiguousarray(bgr[..., ::-1]), u8


@pytest.mark.parametrize("name", ["HOT", "JET"])
def test_opencvs_table_decoded_with_matplotlibs_name_names_it(name: str) -> None:
    picture, _ = _opencv(name)  # 3-3.7 % off (hot), up to 8 DN (jet), silently before
    messages = _decode(picture, name.lower(), 0, 255)
    assert len(messages) == 1 and f"pass cmap='opencv:{name.lower()}'" in messages[0], messages
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = tp.decolorize(picture, cmap=f"opencv:{name.lower()}", vmin=0, vmax=255)
    assert np.nanmax(np.abs(values - _opencv(name)[1])) <= 0.5


def test_opencvs_hsv_is_not_called_bgr() -> None:
    # its picture fits 'hsv' a little better swapped (hsv swapped is on hsv): the advice
    # to swap took a 3.5 DN decode to 64.8 DN
    y, x = np.mgrid[0:256, 0:256] / 256  # trial 44's smooth field
    field = (20 * np.exp(-((x - 0.3) ** 2 + (y - 0.6) ** 2) / 0.05)
             - 12 * np.exp(-((x - 0.7) ** 2 + (y - 0.3) ** 2) / 0.03) + 5 * x)  # fmt: skip
    u8 = np.clip(np.round((field + 12) / 33 * 255), 0, 255).astype(np.uint8)
    picture = cv2.applyColorMap(u8, cv2.COLORMAP_HSV)[..., ::-1]
    messages = _decode(np.ascontiguousarray(picture), "hsv", 0, 255)
    assert not any("BGR" in m for m in messages), messages


@pytest.mark.parametrize("cmap", ["jet", "viridis", "turbo"])
def test_bgr_pictures_of_other_maps_still_warn(cmap: str) -> None:
    rgb = mpl.colormaps[cmap](camera_256()[::2, ::2] / 255.0, bytes=True)[..., :3]
    messages = _decode(np.ascontiguousarray(rgb[..., ::-1]), cmap, 0, 1)
    assert len(messages) == 1 and "BGR" in messages[0], messages

"""Maps drawn with alpha over white and then JPEG'd (trial 44, item 1): the default call
decoded them with no NaN and values 1-9 % of the range off, and no warning, where JPEG's
error hid the blend. They warn now with the alpha (read from the picture's smooth
blocks), following it decodes them, and opaque pictures stay quiet."""

from __future__ import annotations

import functools
import io
import warnings

import cv2
import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image
from scipy.spatial import cKDTree
from tests.color._photographs import blob_field, camera_256, fbm, few_color_field, imshow_png

import truepix as tp
from truepix.errors import OffMapWarning

mpl.use("Agg")

DIVERGING = ("coolwarm", "RdBu_r", "PiYG", "PuOr", "BrBG", "seismic", "Spectral")
VMIN, VMAX = 200.0, 4000.0


def _terrain() -> np.ndarray:
    """Rough terrain: no 8x8 block of it is smooth, and it is not judged."""
    return VMIN + (VMAX - VMIN) * fbm(192, 4) ** 1.5


def _blobs() -> np.ndarray:
    """Smooth blobs a few tens of pixels across: too rough at 8 pixels to be judged."""
    return VMIN + (VMAX - VMIN) * blob_field(256)


def _ramp() -> np.ndarray:
    return VMIN + (VMAX - VMIN) * few_color_field("smooth", 256)


def _camera() -> np.ndarray:
    picture = camera_256()
    return VMIN + (VMAX - VMIN) * (picture - picture.min()) / np.ptp(picture)


def _imshow(field: np.ndarray, cmap: str, alpha: float) -> np.ndarray:
    return imshow_png(field, cmap, VMIN, VMAX, alpha)


def _jpeg(picture: np.ndarray, quality: int) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(picture).save(buffer, format="JPEG", quality=quality)
    return np.asarray(Image.open(buffer).convert("RGB"))


def _cv2_jpeg(picture: np.ndarray) -> np.ndarray:
    ok, data = cv2.imencode(".jpg", np.ascontiguousarray(picture[..., ::-1]))
    assert ok
    return np.ascontiguousarray(cv2.imdecode(data, cv2.IMREAD_COLOR)[..., ::-1])


def _messages(picture: np.ndarray, cmap: str, **kwargs: float) -> tuple[np.ndarray, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        values = tp.decolorize(picture, cmap=cmap, vmin=VMIN, vmax=VMAX, **kwargs)
    return values, [str(w.message) for w in caught if issubclass(w.category, OffMapWarning)]


def _named_alpha(message: str) -> float:
    return float(message.rsplit("pass alpha=", 1)[1].split(",")[0].split()[0])


@pytest.mark.parametrize("cmap", DIVERGING)
@pytest.mark.parametrize("alpha", [0.7, 0.9, 0.95])
def test_a_jpegd_diverging_map_drawn_with_alpha_names_the_alpha(cmap: str, alpha: float) -> None:
    # before: coolwarm 0.9 q75 3.3 % mean error, PiYG 0.95 1.9 %, BrBG 0.95 1.9 %: no warning
    drawn = _imshow(_camera(), cmap, alpha)
    for picture in (_jpeg(drawn, 75), _jpeg(drawn, 90), _cv2_jpeg(drawn)):
        _, messages = _messages(picture, cmap)
        assert len(messages) == 1, messages
        assert "pass alpha=" in messages[0] and abs(_named_alpha(messages[0]) - alpha) <= 0.05


@pytest.mark.parametrize("cmap", ["viridis", "magma"])
@pytest.mark.parametrize("quality", [85, 90])
def test_a_jpegd_sequential_map_at_alpha_095_names_it(cmap: str, quality: int) -> None:
    _, messages = _messages(_jpeg(_imshow(_ramp(), cmap, 0.95), quality), cmap)
    assert len(messages) == 1 and abs(_named_alpha(messages[0]) - 0.95) <= 0.05, messages


@pytest.mark.parametrize("cmap", ["coolwarm", "PiYG"])
def test_following_the_advice_decodes_as_a_kd_tree_over_the_blended_table(cmap: str) -> None:
    field = _camera()
    picture = _jpeg(_imshow(field, cmap, 0.8), 85)
    _, messages = _messages(picture, cmap)
    alpha = _named_alpha(messages[0])
    values, again = _messages(picture, cmap, alpha=alpha)
    assert again == []
    table = mpl.colormaps[cmap](np.arange(256), bytes=True)[:, :3].astype(float)
    blended = 0.8 * table + 0.2 * 255.0  # the oracle: the true alpha's table
    nearest = cKDTree(blended).query(picture.reshape(-1, 3).astype(float))[1]
    kd = VMIN + (nearest.reshape(field.shape) + 0.5) / 256 * (VMAX - VMIN)
    ours = np.nanmean(np.abs(values - field)) + np.isnan(values).mean() * (VMAX - VMIN)
    assert np.isnan(values).mean() < 0.002
    assert ours <= 1.2 * np.mean(np.abs(kd - field))


FIELDS = {"terrain": _terrain, "blobs": _blobs, "ramp": _ramp, "camera": _camera}


@functools.cache
def _opaque(field: str, cmap: str) -> np.ndarray:
    """``_imshow(FIELDS[field](), cmap, 1.0)``, drawn once for every quality (read-only)."""
    picture = _imshow(FIELDS[field](), cmap, 1.0)
    picture.setflags(write=False)
    return picture


@pytest.mark.parametrize("cmap", [*DIVERGING, "bwr", "viridis", "jet", "magma", "turbo"])
@pytest.mark.parametrize("quality", [50, 75, 95])
def test_opaque_jpegd_pictures_name_no_alpha(cmap: str, quality: int) -> None:
    for field in FIELDS:
        _, messages = _messages(_jpeg(_opaque(field, cmap), quality), cmap)
        assert not any("alpha=" in message for message in messages), messages


def test_bwr_drawn_with_alpha_is_bwr_itself() -> None:
    # bwr is a blend of blue, white and red: at alpha a over white it paints its own
    # colors at 0.5 + a (t - 0.5); the colors cannot tell, so nothing is named
    _, messages = _messages(_jpeg(_imshow(_camera(), "bwr", 0.8), 75), "bwr")
    assert not any("alpha=" in message for message in messages), messages


@pytest.mark.parametrize(
    ("name", "bad"),
    [("magma", "0.5"), ("magma", "gray"), ("RdBu_r", "0.5"), ("inferno", "0.3"),
     ("cividis", "0.6"), ("viridis", "gray"), ("jet", "lightgray")],
)  # fmt: skip
def test_a_masked_field_in_a_bad_color_is_no_blend(name: str, bad: str) -> None:
    """``cmap.with_extremes(bad=...)`` over a masked field: a quarter of the picture in
    one gray, NaN as it should be. One color pins no blend -- alpha and face trade off
    along a line (gray 0.5 is magma's black at alpha 0.5 over white) -- yet its many
    blocks and pixels outweighed the data: 'pass alpha=0.50' (over white: the smooth
    blocks' fit) or 'alpha=0.31 over #b8b8b8' (the off pixels' fit) on 5 of 7 (a
    new-user trial), advice that breaks the decode. A fill's blocks count once, and a
    color holding FILL_SHARE of the off pixels is left out of the fit."""
    field, mask = fbm(256, 0), fbm(256, 7) > 0.62
    cmap = mpl.colormaps[name].with_extremes(bad=bad)
    picture = imshow_png(np.ma.masked_array(field, mask), cmap, 0.0, 1.0)  # type: ignore[arg-type]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = tp.decolorize(picture, cmap=name, vmin=0, vmax=1)
    assert np.isnan(values[mask]).all()
    error = np.abs(values[~mask] - field[~mask])  # (jet's repeated colors: their runs' middle)
    assert error.mean() <= 0.5 / 256 and error.max() <= 2.0 / 256

"""Exact renders of gray maps whose data has JPEG's 8x8 blocks of its own.

matplotlib's ``grace_hopper.jpg`` read as a gray field carries the blocks of the JPEG
it came from; drawn exactly with ``gray``, ``Greys`` or ``binary`` (``plt.imsave``) the
picture shows them in luma as a JPEG'd one would. It holds none of the gray levels
its truncated table lacks (``_gray_levels``), where a JPEG'd picture holds them as
often as their neighbours: it decodes at the floor, unsmoothed. The same render as
floats (``cmap(norm(x))``, float64 or float32) or as a 16-bit TIFF holds the float
table's grays, all 256 levels for gray: judged by their values, as given
(``_gray_levels.deep_table_only``), not by levels.
"""

from __future__ import annotations

import io

import matplotlib as mpl
import matplotlib.cbook as cbook
import matplotlib.pyplot as plt
import numpy as np
import pytest
import tifffile
from PIL import Image

from tests.color._photographs import pillow_jpeg
from truepix import Decolorizer


@pytest.fixture(scope="module")
def field() -> np.ndarray:
    """grace_hopper.jpg as gray, stretched to [0, 1] (256^2 from its middle)."""
    path = cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)
    photo = plt.imread(path).astype(np.float64)
    gray = photo[..., :3] @ np.array([0.299, 0.587, 0.114])
    low, high = np.percentile(gray, [0.5, 99.5])
    crop = gray[128:384, 172:428]
    return np.clip((crop - low) / (high - low), 0.0, 1.0)


def _imsave(field: np.ndarray, cmap: str) -> np.ndarray:
    buffer = io.BytesIO()
    plt.imsave(buffer, field, cmap=cmap, vmin=0.0, vmax=1.0, format="png")
    return np.asarray(Image.open(buffer).convert("RGB"))


@pytest.mark.parametrize("cmap", ["gray", "Greys", "binary"])
def test_exact_render_of_blocky_data_decodes_at_the_floor(field: np.ndarray, cmap: str) -> None:
    """Was judged JPEG and smoothed: gray MAE 0.284 % (max 3.85 %, 10 bins) where the
    nearest table color gives 0.116 %; now 0.109 % (trial 45, t15)."""
    picture = _imsave(field, cmap)
    assert np.array_equal(picture, mpl.colormaps[cmap](field, bytes=True)[..., :3])
    result = Decolorizer(cmap, vmin=0.0, vmax=1.0).decode(picture)
    assert not result.jpeg and not result.denoised
    error = np.abs(result.values - field)
    # each pixel within its bin, or within half the union of the entries sharing its color
    assert np.mean(error) < 0.0013
    assert np.max(error[~result.ambiguous]) <= 1.0 / 256 + 1e-9
    assert np.max(error) < 2.5 / 256


@pytest.mark.parametrize("cmap", ["gray", "Greys", "binary"])
@pytest.mark.parametrize("quality", [90, 75])
def test_the_same_picture_jpegd_is_still_jpeg(field: np.ndarray, cmap: str, quality: int) -> None:
    """Pillow's JPEG of the same render holds the lacking levels: still judged JPEG
    (as before; at q95 neither before nor now, the data's own blocks 4 px off the file's)."""
    picture = pillow_jpeg(_imsave(field, cmap), quality)
    result = Decolorizer(cmap, vmin=0.0, vmax=1.0).decode(picture)
    assert result.jpeg
    assert np.mean(np.abs(result.values - field)) < 0.015


def _deep_forms(field: np.ndarray, cmap: str) -> dict[str, np.ndarray]:
    """The render as users make it deeper than 8 bits: ``cmap(norm(x))`` as float64 and
    float32, and as 16-bit TIFFs (tifffile) of the floats rounded and truncated."""
    floats = mpl.colormaps[cmap](mpl.colors.Normalize(0.0, 1.0)(field))[..., :3]
    forms = {"float64": floats, "float32": floats.astype(np.float32)}
    for name, cut in (("uint16", np.round), ("uint16 truncated", np.floor)):
        buffer = io.BytesIO()
        tifffile.imwrite(buffer, cut(floats * 65535).astype(np.uint16), photometric="rgb")
        forms[name] = tifffile.imread(io.BytesIO(buffer.getvalue()))
    return forms


@pytest.mark.parametrize("cmap", ["gray", "Greys", "binary", "gist_yarg"])
def test_float_and_16_bit_renders_decode_at_the_floor(field: np.ndarray, cmap: str) -> None:
    """Were judged JPEG and smoothed (trial 47 t38/t43b, gray: MAE 0.264 % against 0.096 %
    unsmoothed; Greys 16-bit 0.310 %); now unsmoothed, each pixel within its bin."""
    for name, picture in _deep_forms(field, cmap).items():
        result = Decolorizer(cmap, vmin=0.0, vmax=1.0).decode(picture)
        assert not result.jpeg and not result.denoised, name
        error = np.abs(result.values - field)
        assert np.mean(error) < 0.0011, name
        assert np.max(error[~result.ambiguous]) <= 1.0 / 256 + 1e-9, name


@pytest.mark.parametrize("cmap", ["gray", "Greys"])
def test_a_jpeg_read_as_float64_is_still_jpeg(field: np.ndarray, cmap: str) -> None:
    """A JPEG'd render divided by 255 (``skimage.img_as_float``) holds k / 255 where the
    float table does not (gray: 24 levels; Greys: nearly all): still judged JPEG."""
    picture = pillow_jpeg(_imsave(field, cmap), 75)
    result = Decolorizer(cmap, vmin=0.0, vmax=1.0).decode(picture.astype(np.float64) / 255.0)
    assert result.jpeg and result.denoised
    assert np.mean(np.abs(result.values - field)) < 0.015

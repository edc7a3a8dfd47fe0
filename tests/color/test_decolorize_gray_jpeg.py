"""JPEG on gray maps: no chroma to show it, so its 8x8 grid in luma must.

Pictures are scikit-image's camera drawn with matplotlib's ``gray`` and JPEG'd by
Pillow or OpenCV; the exact renders next to them must not be taken for JPEG (the
JPEG filter would move their values off their bins).
"""

from __future__ import annotations

import io

import cv2
import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image

from truepix import Decolorizer


@pytest.fixture(scope="module")
def camera() -> tuple[np.ndarray, np.ndarray]:
    """The camera halved (texture and edges), with half a gray level of dither; its render."""
    from skimage import data

    image = data.camera()[::2, ::2] / 255.0
    dither = np.random.default_rng(5).uniform(-0.5, 0.5, image.shape) / 255.0
    field = np.clip(image + dither, 0.0, 1.0)
    return field, mpl.colormaps["gray"](field, bytes=True)[..., :3]


def _pillow(picture: np.ndarray, quality: int, mode: str) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(picture).convert(mode).save(buffer, format="JPEG", quality=quality)
    return np.asarray(Image.open(buffer))


def test_gray_picture_at_q90_is_seen_as_jpeg(camera: tuple[np.ndarray, np.ndarray]) -> None:
    """Pillow q90 4:2:0, read back as RGB: the run votes scored 1.6-2.0, under their
    cut; the blocks' DCT zeros 1.9."""
    field, rgb = camera
    picture = _pillow(rgb, 90, "RGB")
    assert picture.ndim == 3
    decoder = Decolorizer("gray", vmin=0.0, vmax=1.0)
    assert decoder.decode(picture).jpeg
    assert not decoder.decode(rgb).jpeg  # the PNG
    # taken for JPEG, the values stay within a few bins of the field
    error = np.abs(decoder.values(picture) - field)
    assert np.mean(error) < 2.5 / 256


@pytest.mark.parametrize("writer", ["pillow L q75", "opencv q90"])
def test_single_channel_gray_jpeg_is_seen_as_jpeg(
    camera: tuple[np.ndarray, np.ndarray], writer: str
) -> None:
    """A 2-D gray JPEG (Pillow ``L`` mode, ``cv2.imwrite`` of a gray image) decoded
    as it is read: (H, W) uint8."""
    _, rgb = camera
    if writer.startswith("pillow"):
        picture = _pillow(rgb, 75, "L")
    else:
        ok, buffer = cv2.imencode(".jpg", rgb[..., 0].copy(), [cv2.IMWRITE_JPEG_QUALITY, 90])
        assert ok
        picture = cv2.imdecode(buffer, cv2.IMREAD_UNCHANGED)
    assert picture.ndim == 2 and picture.dtype == np.uint8
    assert Decolorizer("gray", vmin=0.0, vmax=1.0).decode(picture).jpeg


@pytest.mark.parametrize("axes", ["x", "x and y"])
def test_exact_raster_ramp_is_not_taken_for_jpeg(axes: str) -> None:
    """A 64x64 ramp of 4 levels a direction (a step every 16 px) changes slope only
    at one phase mod 8, as JPEG's block boundaries do -- but in every other 8-pixel
    run, where JPEG's boundaries are in every run."""
    steps = np.arange(64) // 16
    ramp = np.add.outer(steps if axes == "x and y" else np.zeros(64), steps) / 6.0
    picture = mpl.colormaps["gray"](ramp, bytes=True)[..., :3]
    result = Decolorizer("gray", vmin=0.0, vmax=1.0).decode(picture)
    assert not result.jpeg
    assert np.abs(result.values - ramp).max() <= 1.0 / 256


def _overlaid(rgb: np.ndarray, *, antialias: bool) -> np.ndarray:
    """Magenta and green lines and text drawn over the picture by Pillow."""
    from PIL import ImageDraw, ImageFont

    canvas = Image.fromarray(rgb)
    draw = ImageDraw.Draw(canvas)
    draw.fontmode = "L" if antialias else "1"
    font = ImageFont.load_default(size=14)
    rng = np.random.default_rng(5)
    for k in range(8):
        color = [(200, 30, 120), (40, 160, 60)][k % 2]
        draw.line([tuple(p) for p in rng.integers(0, 256, (4, 2))], fill=color, width=1 + k % 3)
        draw.text(tuple(rng.integers(0, 180, 2)), "T = 25.0 K", fill=color, font=font)
    return np.asarray(canvas)


# Before -> after the gray maps' rule (``_jpeg.JPEG_GRAY_CANDIDATE``), measured with
# this very test (flagged / map pixels lost, %): hard edges 63.0 / 1.7 -> 80.8 / 2.7,
# antialiased 58.7 / 1.7 -> 75.3 / 2.4; the all-data picture has no hole either way.
@pytest.mark.parametrize(("antialias", "bound"), [(False, 0.78), (True, 0.72)])
def test_colored_strokes_on_jpeg_gray_picture_are_flagged(
    camera: tuple[np.ndarray, np.ndarray], antialias: bool, bound: float
) -> None:
    """On a gray map's JPEG every chroma is an annotation's: its strokes' thin parts,
    whose chroma 4:2:0 diluted, are flagged with the rest; data keeps its values."""
    _, rgb = camera
    picture = _overlaid(rgb, antialias=antialias)
    annotation = picture.max(axis=-1).astype(int) - picture.min(axis=-1) >= 10
    is_map = np.all(picture == rgb, axis=-1)
    decoder = Decolorizer("gray", vmin=0.0, vmax=1.0)
    lost = np.isnan(decoder.values(_pillow(picture, 75, "RGB")))
    assert lost[annotation].mean() >= bound
    assert lost[is_map].mean() <= 0.04
    assert not np.isnan(decoder.values(_pillow(rgb, 50, "RGB"))).any()

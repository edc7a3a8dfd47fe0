"""Holes the default call left on all-data pictures: tiny ones, and hsv shrunk then JPEG'd.

A 32 x 32 px smooth field (trial 41's: two Gaussian bumps and a ramp) drawn with a map
and saved by Pillow as JPEG or lossy WebP: its peak, 5 px wide, stands out of both sides
within ``_jumps``' reaches, as a stroke does, and was taken for one (3.4-7.3 % holes) --
but it is one blob, where a stroke is a curve (``_jumps.JUMP_INK_EXTENT``). The camera
drawn with hsv, shrunk by OpenCV or Pillow, then JPEG'd: its hue texture's 4:2:0 blends
lie far from JPEG's model at every luma, and were taken for an annotation's ink
(``_alone.JPEG_CYCLIC_INK_SPREAD``; 4.5-9.2 % holes). The oracle is the k-d tree's nearest
table color.
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image, ImageDraw

from tests.color._photographs import encoded, nearest_bins
from truepix import Decolorizer

#: Holes allowed on an all-data picture (issue 11).
MAX_HOLES = 0.002


def _smooth(size: int) -> np.ndarray:
    y, x = np.mgrid[0:size, 0:size] / size
    field = (
        20 * np.exp(-((x - 0.3) ** 2 + (y - 0.6) ** 2) / 0.05)
        - 12 * np.exp(-((x - 0.7) ** 2 + (y - 0.3) ** 2) / 0.03)
        + 5 * x
    )
    return (field - field.min()) / np.ptp(field)


@pytest.mark.parametrize(
    ("cmap", "fmt", "quality"),
    [("jet", "WEBP", 75), ("jet", "WEBP", 50), ("viridis", "WEBP", 75),
     ("viridis", "WEBP", 50), ("turbo", "JPEG", 90), ("turbo", "WEBP", 50),
     ("coolwarm", "JPEG", 75), ("coolwarm", "WEBP", 75)],
)  # fmt: skip
def test_tiny_smooth_field_has_no_holes(cmap, fmt, quality):
    field = _smooth(32)
    picture = encoded(mpl.colormaps[cmap](field, bytes=True)[..., :3], fmt, quality)
    values = Decolorizer(cmap, vmin=0.0, vmax=1.0).values(picture)
    assert np.isnan(values).mean() <= MAX_HOLES
    error = np.abs(values - field).mean()
    assert error <= 1.1 * np.abs(nearest_bins(picture, cmap) - field).mean()


@pytest.mark.parametrize("cmap", ["coolwarm", "RdBu_r"])
def test_red_line_on_a_small_picture_stays_flagged(cmap):
    """A stroke across a 48 px picture is a curve, not a blob: still off the map."""
    rgb = mpl.colormaps[cmap](_smooth(48), bytes=True)[..., :3]
    image = Image.fromarray(rgb)
    ImageDraw.Draw(image).line([(2, 16), (45, 24)], fill=(220, 20, 20), width=1)
    drawn = np.any(np.asarray(image) != rgb, axis=-1)
    values = Decolorizer(cmap, vmin=0.0, vmax=1.0).values(encoded(np.asarray(image), "JPEG", 90))
    assert np.isnan(values[drawn]).mean() >= 0.85


def _shrunk(rgb: np.ndarray, how: str, factor: float) -> np.ndarray:
    import cv2

    height, width = rgb.shape[:2]
    size = (round(width * factor), round(height * factor))
    if how == "pillow":
        return np.asarray(Image.fromarray(rgb).resize(size, Image.Resampling.BILINEAR))
    interpolation = {"linear": cv2.INTER_LINEAR, "area": cv2.INTER_AREA}[how]
    return cv2.resize(rgb, size, interpolation=interpolation)


@pytest.mark.parametrize(
    ("how", "factor", "quality"),
    [("linear", 0.33, 75), ("linear", 0.33, 50), ("area", 0.33, 75), ("area", 0.33, 50),
     ("pillow", 0.33, 75), ("pillow", 0.5, 75), ("pillow", 0.5, 50)],
)  # fmt: skip
def test_hsv_shrunk_then_jpegd_has_no_holes(how, factor, quality):
    from skimage import data
    from skimage.transform import resize

    camera = resize(data.camera() / 255.0, (512, 512), anti_aliasing=True)
    camera = (camera - camera.min()) / np.ptp(camera)
    rgb = mpl.colormaps["hsv"](camera, bytes=True)[..., :3]
    picture = encoded(_shrunk(rgb, how, factor), "JPEG", quality)
    values = Decolorizer("hsv", vmin=0.0, vmax=1.0).values(picture)
    assert np.isnan(values).mean() <= MAX_HOLES
    # the values are the nearest color's, give or take JPEG (around the circle)
    gap = np.abs(values - nearest_bins(picture, "hsv"))
    assert np.median(np.minimum(gap, 1.0 - gap)) <= 0.02


@pytest.mark.parametrize(
    ("size", "fmt", "quality"),
    [(48, "JPEG", 75), (48, "JPEG", 90), (48, "WEBP", 75), (64, "JPEG", 75), (64, "WEBP", 75)],
)  # fmt: skip
def test_small_camera_texture_is_no_weak_stroke(size, fmt, quality):
    """The camera shrunk by scikit-image to 48-64 px, turbo, JPEG'd or WebP'd: its texture
    at one position jumps weakly as a stroke might (median 0.24-0.25, 36 % of the cores),
    but its lumas spread as the map's there do (``_jumps.JUMP_WEAK_SPREAD``; 8.1-10.5 %
    holes before)."""
    from skimage import data
    from skimage.transform import resize

    camera = resize(data.camera().astype(float) / 255, (size, size), anti_aliasing=True)
    field = (camera - camera.min()) / np.ptp(camera)
    picture = encoded(mpl.colormaps["turbo"](field, bytes=True)[..., :3], fmt, quality)
    values = Decolorizer("turbo", vmin=0.0, vmax=1.0).values(picture)
    assert np.isnan(values).mean() <= MAX_HOLES
    error = np.abs(values - field).mean()
    assert error <= np.abs(nearest_bins(picture, "turbo") - field).mean()


def _thumbnail(name: str, size: int) -> np.ndarray:
    """A photograph's middle ``size`` px of its middle 512, stretched from its 0.5th to
    99.5th percentile to 0-1 (trial 45's real fields)."""
    from matplotlib import cbook
    from skimage import data

    if name == "grace_hopper":
        with cbook.get_sample_data("grace_hopper.jpg") as handle:
            gray = np.asarray(Image.open(handle).convert("L"), dtype=float)
    elif name == "dem":  # (matplotlib's Jacksboro fault DEM, 344 x 297)
        with np.load(cbook.get_sample_data("jacksboro_fault_dem.npz", asfileobj=False)) as file:
            gray = np.asarray(file["elevation"], dtype=float)
    else:
        gray = getattr(data, name)().astype(float)

    def middle(a: np.ndarray, n: int) -> np.ndarray:
        y, x = (a.shape[0] - min(a.shape[0], n)) // 2, (a.shape[1] - min(a.shape[1], n)) // 2
        return a[y : y + n, x : x + n]

    field = middle(gray, 512)
    low, high = np.percentile(field, [0.5, 99.5])
    return middle(np.clip((field - low) / (high - low), 0.0, 1.0), size)


@pytest.mark.parametrize(
    ("name", "size", "cmap", "quality"),
    [("grace_hopper", 64, "viridis", 75), ("grace_hopper", 64, "magma", 95),
     ("grace_hopper", 96, "hot", 75), ("grace_hopper", 48, "turbo", 95),
     ("camera", 48, "Spectral", 75), ("moon", 48, "cividis", 95),
     ("moon", 64, "RdBu_r", 75), ("camera", 48, "coolwarm", 75)],
)  # fmt: skip
def test_photograph_thumbnail_has_no_holes(name, size, cmap, quality):
    """A photograph shrunk to a thumbnail is all thin features -- eyebrows, crater rims --
    that stand out of both sides as an ink's strokes do; few, and of many positions, they
    are no ink (``_jumps.JUMP_INK_LEAST``, ``_gray_inks.GRAY_INK_LEAST``: 2.1-9.3 % holes
    before)."""
    _no_holes_at_the_nearest_colors_error(name, size, cmap, quality)


def _no_holes_at_the_nearest_colors_error(name, size, cmap, quality) -> None:
    """A thumbnail JPEG'd: holes <= MAX_HOLES, mean error within 1.1x the nearest color's."""
    field = _thumbnail(name, size)
    picture = encoded(mpl.colormaps[cmap](field, bytes=True)[..., :3], "JPEG", quality)
    values = Decolorizer(cmap, vmin=0.0, vmax=1.0).values(picture)
    assert np.isnan(values).mean() <= MAX_HOLES
    error = np.abs(values - field).mean()
    assert error <= 1.1 * np.abs(nearest_bins(picture, cmap) - field).mean()


@pytest.mark.parametrize(
    ("name", "size", "cmap", "quality"),
    [("dem", 64, "jet", 90), ("dem", 96, "hot", 50), ("moon", 48, "hot", 50)],
)  # fmt: skip
def test_thumbnail_luma_peak_is_no_ink(name, size, cmap, quality):
    """A thumbnail's JPEG candidates can peak at one luma as a stroke's ink does; the
    stroke that ink would draw claims 10-65 % of the pixels at that luma, but on so small
    a picture a stroke claims more (``_inked.INKED_CLAIM`` grows as the side shrinks) and
    as many pixels as made the peak: 17-30 here (1.3-2.6 % holes before)."""
    _no_holes_at_the_nearest_colors_error(name, size, cmap, quality)

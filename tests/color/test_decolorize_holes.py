"""Holes: data pixels of degraded pictures the default call leaves NaN.

A photograph (scikit-image's camera, every other pixel: sharp texture) drawn with
matplotlib, then degraded the way pictures arrive: resized by Pillow, noisy,
quantized to 256 colors, JPEG'd with and without chroma subsampling. Every pixel
is data, so every NaN is a hole. (JPEG with 4:2:0 chroma on such texture still
leaves holes with jet at sharp red/blue edges, where JPEG's chroma rings: docs/decolorize.md
and benchmarks/colormaps.py give the numbers.)
"""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

from truepix.color._decolorize._api import decolorize

_R = Image.Resampling


def _camera() -> np.ndarray:
    from skimage import data

    return data.camera()[::2, ::2] / 255.0


def _resize(picture: np.ndarray, factor: float, method: _R) -> np.ndarray:
    height, width = picture.shape[:2]
    size = (round(width * factor), round(height * factor))
    return np.asarray(Image.fromarray(picture).resize(size, method))


def _jpeg444(picture: np.ndarray, quality: int) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(picture).save(buffer, format="JPEG", quality=quality, subsampling=0)
    return np.asarray(Image.open(buffer))


def _jpeg420(picture: np.ndarray, quality: int) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(picture).save(buffer, format="JPEG", quality=quality)  # 4:2:0
    return np.asarray(Image.open(buffer))


def _noisy(picture: np.ndarray) -> np.ndarray:
    rng = np.random.default_rng(61)
    return np.clip(np.round(picture + rng.normal(0, 2.0, picture.shape)), 0, 255).astype(np.uint8)


def _quantized(picture: np.ndarray) -> np.ndarray:
    # Pillow dithers only onto a given palette: quantize(256, dither=...) alone never does
    image = Image.fromarray(picture)
    paletted = image.quantize(palette=image.quantize(256), dither=Image.Dither.FLOYDSTEINBERG)
    return np.asarray(paletted.convert("RGB"))


DEGRADE = {
    "bilinear 0.5x": lambda p: _resize(p, 0.5, _R.BILINEAR),
    "area 0.33x": lambda p: _resize(p, 0.33, _R.BOX),
    "bicubic 2x": lambda p: _resize(p, 2.0, _R.BICUBIC),
    "noise 2 DN": _noisy,
    "256 colors": _quantized,
    "JPEG q90 4:4:4": lambda p: _jpeg444(p, 90),
    "JPEG q75 4:4:4": lambda p: _jpeg444(p, 75),
    "JPEG q50 4:4:4": lambda p: _jpeg444(p, 50),
    "JPEG q90 4:2:0": lambda p: _jpeg420(p, 90),
    "JPEG q75 4:2:0": lambda p: _jpeg420(p, 75),
    "JPEG q50 4:2:0": lambda p: _jpeg420(p, 50),
}
# measured with this very test: viridis meets the 0.2 % everywhere; jet,
# whose blends of far-apart colors on sharp texture leave the map by up to ~100 DN,
# did not after downscaling (1.8 %) until the local arc was widened and lone specks
# within the map's hull counted as data (bilinear 0.5x 0.10 %, area 0.33x 0.07 %)
LIMITS = {
    # 4:2:0 chroma on sharp texture: 3.4 % (viridis) and 8.7 % (jet) at q90 before pixels
    # past the threshold were judged against JPEG's model; 0.02 % and 2.7 % after; jet
    # 1.0 / 1.6 / 3.7 % at q90 / q75 / q50 (2.7 / 4.3 / 6.8 % before) once foreign
    # cores count only as connected groups (viridis 0.1 % at q50, was 1.0 %); 0.99 /
    # 1.56 / 3.71 -> 0.50 / 0.76 / 2.72 % once small cores whose luma spreads like
    # the field's texture count as data (``_jpeg.JPEG_CORE_SPREAD``); 0.37 / 0.49 /
    # 1.80 % once JPEG's overshoot of jet's yellow ridges is not a stroke's luma
    # (``_jpeg.JPEG_RIDGE_OVERSHOOT``); 0.29 / 0.32 / 0.82 % once off-map pixels are
    # judged on the luma branches their blocks' chroma calls for (``_branches``);
    # 0.07 / 0.00 / 0.00 % once cores far from any clearly foreign one count as data
    # (``_jpeg.JPEG_FOREIGN_PIXELS``).
    # 4:4:4 JPEG, found by its luma's 8x8 grid (before: not seen as JPEG, 0.44 % viridis
    # and 1.7 % jet at q75); judged by 4:2:0's model alone: jet 0.49 % at q75, 3.9 % at
    # q50 (viridis 0.36 %); by the nearer of 4:2:0's model and the pixel's own map
    # color: 0.01 % and 2.0 % (viridis 0.10 %); textured cores as data: 1.05 % at q50;
    # ridges' overshoot not a stroke's luma: 0.62 %; luma branches: 0.49 %; lone cores
    # as data: 0.00 %
}


@pytest.mark.parametrize("name", ["viridis", "jet"])
@pytest.mark.parametrize("how", sorted(DEGRADE))
def test_degraded_data_pictures_keep_their_pixels(name: str, how: str) -> None:
    picture = np.ascontiguousarray(matplotlib.colormaps[name](_camera(), bytes=True)[..., :3])
    values = decolorize(DEGRADE[how](picture), cmap=name, vmin=0, vmax=1)
    assert np.isnan(values).mean() <= LIMITS.get((name, how), 0.003)


def _astronaut() -> np.ndarray:
    from skimage import data
    from skimage.color import rgb2gray

    return rgb2gray(data.astronaut())[::2, ::2]


# the worst photograph of benchmarks/colormaps.py (skin, hair, stripes: sharp detail
# in every hue of jet); measured with this very test, before -> after 4:4:4 pictures
# were judged by the nearer of 4:2:0's model and the pixel's own map color -> after
# small foreign cores whose luma spreads like texture counted as data
# (``_jpeg.JPEG_CORE_SPREAD``) -> after JPEG's overshoot of the thin luma ridges that
# jet's and turbo's yellow paints was no longer taken for a stroke's luma
# (``_jpeg.JPEG_RIDGE_OVERSHOOT``) -> after off-map pixels were judged on the luma
# branches their 2x2 blocks' chroma calls for (``_branches``) -> after cores far
# from any clearly foreign core counted as data (``_jpeg.JPEG_FOREIGN_PIXELS``). The
# issue's goal is 0.2 % on every picture.
ASTRONAUT = [
    ("viridis", "JPEG q50 4:4:4", 0.002),  # 0.56 -> 0.30 -> 0.11 -> 0.10 -> 0.00 %
    ("viridis", "JPEG q50 4:2:0", 0.002),  # 0.37 -> 0.40 -> 0.32 -> 0.30 -> 0.00 %
    ("jet", "JPEG q75 4:4:4", 0.001),  # 0.54 -> 0.01 -> 0.00 %
    ("jet", "JPEG q50 4:4:4", 0.002),  # 4.74 -> 2.79 -> 1.37 -> 0.88 -> 0.47 -> 0.00 %
    ("jet", "JPEG q90 4:2:0", 0.002),  # 2.35 -> 1.06 -> 0.88 -> 0.28 -> 0.00 %
    ("jet", "JPEG q50 4:2:0", 0.002),  # 6.71 -> 6.71 -> 4.71 -> 3.62 -> 0.89 -> 0.00 %
    ("turbo", "JPEG q75 4:2:0", 0.002),  # 1.99 -> 1.68 -> 1.20 -> 0.17 -> 0.00 %
    ("turbo", "JPEG q50 4:2:0", 0.002),  # 4.09 -> 2.69 -> 1.40 -> 1.24 -> 0.00 %
    ("turbo", "JPEG q50 4:4:4", 0.002),  # 3.24 -> 2.28 -> 1.50 -> 1.38 -> 1.26 -> 0.00 %
]


@pytest.mark.parametrize(("name", "how", "limit"), ASTRONAUT)
def test_degraded_photograph_keeps_its_pixels(name: str, how: str, limit: float) -> None:
    picture = np.ascontiguousarray(matplotlib.colormaps[name](_astronaut(), bytes=True)[..., :3])
    values = decolorize(DEGRADE[how](picture), cmap=name, vmin=0, vmax=1)
    assert np.isnan(values).mean() <= limit


# The default call's error with holes counted as what they are to a user (a pixel
# with no value: an error of the full range), against the nearest table color of a
# scipy k-d tree, the usual answer; the goal at q50 is 0.85x. Measured with
# this very test: turbo 1.14 / rainbow 1.07 / jet 0.87 -> 0.78 / 0.78 / 0.81 once
# cores far from any clearly foreign core counted as data (``_jpeg.JPEG_FOREIGN_PIXELS``;
# the holes had been 1.24 / 0.89 / 0.20 %).
@pytest.mark.parametrize("name", ["turbo", "rainbow", "jet"])
def test_jpeg_photograph_beats_the_nearest_color_with_holes_counted(name: str) -> None:
    from scipy.spatial import cKDTree

    colormap = matplotlib.colormaps[name]
    truth = _astronaut()
    picture = DEGRADE["JPEG q50 4:2:0"](np.ascontiguousarray(colormap(truth, bytes=True)[..., :3]))
    values = decolorize(picture, cmap=name, vmin=0, vmax=1)
    error = np.where(np.isnan(values), 1.0, np.abs(values - truth)).mean()
    table = colormap(np.arange(colormap.N), bytes=True)[:, :3].astype(np.float64)
    _, index = cKDTree(table).query(picture.reshape(-1, 3).astype(np.float64))
    nearest = np.abs((index + 0.5) / colormap.N - truth.ravel()).mean()
    assert error <= 0.85 * nearest, error / nearest


def _photograph(name: str) -> np.ndarray:
    from skimage import data
    from skimage.color import rgb2gray

    image = getattr(data, name)()
    return rgb2gray(image) if image.ndim == 3 else image / 255.0


def _opencv_area(picture: np.ndarray) -> np.ndarray:
    import cv2

    height, width = picture.shape[:2]
    return cv2.resize(picture, (width // 2, height // 2), interpolation=cv2.INTER_AREA)


# full-size photographs (512^2) downscaled 0.5x: a pixel mixes 4-16 source pixels,
# at sharp detail far-apart map colors (jet: blue, yellow, red) that no neighbour
# keeps. Measured with this very test, before -> after the local arc was widened
# and lone specks within the map's hull counted as data: jet 0.30-0.89 % -> <= 0.04 %,
# viridis 0.01-0.07 % -> 0
@pytest.mark.parametrize("photo", ["camera", "astronaut"])
@pytest.mark.parametrize("name", ["viridis", "jet"])
@pytest.mark.parametrize("how", ["opencv area 0.5x", "pillow bilinear 0.5x"])
def test_downscaled_photographs_keep_their_pixels(photo: str, name: str, how: str) -> None:
    colors = matplotlib.colormaps[name](_photograph(photo), bytes=True)[..., :3]
    picture = np.ascontiguousarray(colors)
    if how == "opencv area 0.5x":
        small = _opencv_area(picture)
    else:
        small = _resize(picture, 0.5, _R.BILINEAR)
    values = decolorize(small, cmap=name, vmin=0, vmax=1)
    assert np.isnan(values).mean() <= 0.002


def _opencv(picture: np.ndarray, factor: float, interpolation: int) -> np.ndarray:
    import cv2

    height, width = picture.shape[:2]
    size = (round(width * factor), round(height * factor))
    return cv2.resize(picture, size, interpolation=interpolation)


# OpenCV's cubic and Lanczos kernels have negative lobes: beside a sharp edge a pixel
# overshoots the colors it blends, by up to the lobes' weight times the contrast
# there. Measured with this very test, before -> after the hull's tolerance allowed
# that overshoot (and the hull test became exact): cubic 0.16 / 0.27 %, Lanczos4
# 0.33 / 0.46 % (jet / turbo) -> 0.04 / 0.04 % and 0.10 / 0.07 %
@pytest.mark.parametrize("name", ["jet", "turbo"])
@pytest.mark.parametrize("how", ["INTER_CUBIC", "INTER_LANCZOS4"])
def test_negative_lobe_downscales_keep_their_pixels(name: str, how: str) -> None:
    import cv2

    colors = matplotlib.colormaps[name](_photograph("astronaut"), bytes=True)[..., :3]
    small = _opencv(np.ascontiguousarray(colors), 0.5, getattr(cv2, how))
    assert np.isnan(decolorize(small, cmap=name, vmin=0, vmax=1)).mean() <= 0.002


def _wrapped_phase(size: int = 256, cycles: float = 4.0) -> np.ndarray:
    """A fractal relief wrapped into [0, 1) ``cycles`` times: a phase field whose
    fringes cross a cyclic map's seam everywhere."""
    rng = np.random.default_rng(7)
    fy, fx = np.fft.fftfreq(size)[:, None], np.fft.rfftfreq(size)[None, :]
    radius = np.hypot(fx, fy)
    radius[0, 0] = 1.0
    spectrum = radius**-1.5 * np.exp(2j * np.pi * rng.random(radius.shape))
    spectrum[0, 0] = 0.0
    field = np.fft.irfft2(spectrum, s=(size, size))
    field = (field - field.min()) / np.ptp(field)
    return (field * cycles) % 1.0


# Cyclic maps: the local arc is the shortest one around the circle, and blends of
# far-apart hues (hsv's red and cyan make gray) that pass for 18 DN of noise no longer
# switch the blend test off. Measured with this very test, before -> after: hsv
# 34.4 / 0.00 % (Pillow bilinear / OpenCV area) -> 0.00 / 0.00 %; twilight 0.00 %
@pytest.mark.parametrize("name", ["hsv", "twilight"])
@pytest.mark.parametrize("how", ["pillow bilinear", "opencv area"])
def test_cyclic_maps_across_the_seam_keep_their_pixels(name: str, how: str) -> None:
    import cv2

    colors = matplotlib.colormaps[name](_wrapped_phase(), bytes=True)[..., :3]
    picture = np.ascontiguousarray(colors)
    if how == "pillow bilinear":
        small = _resize(picture, 0.5, _R.BILINEAR)
    else:
        small = _opencv(picture, 0.5, cv2.INTER_AREA)
    assert np.isnan(decolorize(small, cmap=name, vmin=0, vmax=1)).mean() <= 0.002


def test_jpeg_texture_that_strings_along_edges_keeps_its_pixels() -> None:
    # turbo on scikit-image's coffee (gray, 256^2), Pillow JPEG q80 4:2:0: JPEG's misses
    # on texture string along the cup's rim into a structure of 82 core pixels whose
    # luma spreads 22.8 DN -- one color to _jpeg.JPEG_STRUNG_SPREAD at 25 DN, so every
    # core counted. Measured with this very test, before -> after the spread was
    # narrowed to 15 DN: 0.52 % -> 0.00 % NaN
    from skimage import data, transform
    from skimage.color import rgb2gray

    field = transform.resize(rgb2gray(data.coffee()), (256, 256), anti_aliasing=True)
    field = (field - field.min()) / (field.max() - field.min())
    colors = np.ascontiguousarray(matplotlib.colormaps["turbo"](field, bytes=True)[..., :3])
    buffer = io.BytesIO()
    Image.fromarray(colors).save(buffer, format="JPEG", quality=80)  # 4:2:0
    values = decolorize(np.asarray(Image.open(buffer)), cmap="turbo", vmin=0, vmax=1)
    assert np.isnan(values).mean() <= 0.002

"""Speckle: JPEG'd pictures whose data vary at the pixel scale everywhere.

SAR intensity (exponential speckle), photon counts and random matrices drawn with a
map and saved as Pillow JPEG 4:2:0 lose their chroma to 2x2 averages of unrelated map
colors: most pixels land far off the map in RGB, yet every one is data. The default
call used to leave 58-98 % of them NaN and ask "is cmap right?"
(benchmarks/decolorize_trial/speckle_screen.py; ``_speckle``). The oracle is the
nearest table color (a k-d tree), with a hole counted as the full range.
"""

from __future__ import annotations

import io
import warnings

import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image, ImageDraw
from scipy.ndimage import binary_dilation, gaussian_filter
from scipy.spatial import cKDTree

from tests.color._photographs import pillow_jpeg
from truepix import Decolorizer
from truepix.errors import OffMapWarning

SIZE = 192


def _field(kind: str) -> np.ndarray:
    rng = np.random.default_rng(7)
    if kind == "white":  # a random matrix
        return rng.random((SIZE, SIZE))
    if kind == "exponential":  # SAR intensity: gamma(1) speckle, clipped at 5x the mean
        return np.clip(rng.gamma(1.0, 1.0, (SIZE, SIZE)) / 5, 0, 1)
    field = gaussian_filter(rng.random((SIZE, SIZE)), 0.7)  # speckle a little correlated
    return (field - field.min()) / np.ptp(field)


def _rgb(cmap: str, field: np.ndarray) -> np.ndarray:
    return mpl.colormaps[cmap](field, bytes=True)[..., :3]


def assert_all_data(cmap: str, picture: np.ndarray, field: np.ndarray) -> None:
    """The default decode of an all-data ``picture`` of ``field`` (0-1): no "is cmap
    right?" warning, <= 0.2 % NaN, and a mean error (a hole counted as the full range)
    within 1.05x that of the k-d tree's nearest table color."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", OffMapWarning)  # a right map: no "is cmap right?"
        values = Decolorizer(cmap, vmin=0, vmax=1).values(picture)
    assert np.isnan(values).mean() <= 0.002
    table = mpl.colormaps[cmap](np.arange(256), bytes=True)[:, :3].astype(float)
    _, index = cKDTree(table).query(picture.reshape(-1, 3).astype(float))
    nearest = np.abs((index + 0.5) / 256 - field.ravel()).mean()
    error = np.where(np.isnan(values), 1.0, np.abs(values - field)).mean()
    assert error <= 1.05 * nearest


@pytest.mark.parametrize(
    ("cmap", "kind", "quality"),
    [
        ("jet", "white", 90),  # 97.9 % NaN before (256 px)
        ("jet", "exponential", 75),  # 64.7 %
        ("viridis", "white", 50),  # 89.6 %
        ("coolwarm", "white", 50),  # 57.6 %
        ("coolwarm", "exponential", 90),  # 82.8 %
        ("coolwarm", "blurred", 50),  # 16.8 %
    ],
)
def test_all_data_speckle_gets_values(cmap: str, kind: str, quality: int) -> None:
    field = _field(kind)
    picture = pillow_jpeg(_rgb(cmap, field), quality)
    assert_all_data(cmap, picture, field)


@pytest.mark.parametrize("cmap", ["jet", "viridis", "coolwarm"])
def test_black_and_white_strokes_on_speckle_stay_flagged(cmap: str) -> None:
    rgb = _rgb(cmap, _field("exponential"))
    image = Image.fromarray(rgb)
    draw = ImageDraw.Draw(image)
    draw.text((12, 14), "speckle 123", fill=(0, 0, 0))
    draw.text((12, 150), "label 42", fill=(255, 255, 255))
    draw.line((0, 96, SIZE - 1, 104), fill=(0, 0, 0), width=1)
    draw.line((96, 0, 90, SIZE - 1), fill=(255, 255, 255), width=2)
    draw.rectangle((130, 24, 180, 48), fill=(255, 255, 255))
    annotated = np.asarray(image)
    stroke = np.any(annotated != rgb, axis=-1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", OffMapWarning)
        values = Decolorizer(cmap, vmin=0, vmax=1).values(pillow_jpeg(annotated, 75))
    holes = np.isnan(values)
    assert holes[stroke].mean() >= 0.7  # jet 0.75, viridis 0.91, coolwarm 0.89 (256 px)
    assert holes[~binary_dilation(stroke, iterations=2)].mean() <= 0.002


def test_wrong_map_speckle_is_still_told() -> None:
    # JPEG's model does not explain a wrong map's speckle: mostly NaN, and the warning
    picture = pillow_jpeg(_rgb("viridis", _field("white")), 90)
    with pytest.warns(OffMapWarning, match="cmap right"):
        values = Decolorizer("jet", vmin=0, vmax=1).values(picture)
    assert np.isnan(values).mean() > 0.9


def _webp(rgb: np.ndarray, quality: int) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="WEBP", quality=quality)  # VP8, 4:2:0
    return np.asarray(Image.open(buffer).convert("RGB"))


def _phase_noise(size: int) -> np.ndarray:
    """White noise of a flat spectrum with random phases (benchmarks/_conditions'
    ``terrain_field`` of slope 0), clipped to its 0.2-99.8 percentiles."""
    rng = np.random.default_rng(5)
    radius = np.hypot(np.fft.rfftfreq(size)[None, :], np.fft.fftfreq(size)[:, None])
    spectrum = np.exp(2j * np.pi * rng.random(radius.shape))
    spectrum[0, 0] = 0.0
    field = np.fft.irfft2(spectrum, s=(size, size))
    low, high = np.percentile(field, [0.2, 99.8])
    return np.clip((field - low) / (high - low), 0.0, 1.0)


@pytest.mark.parametrize("quality", [50, 75, 90])
def test_webp_white_noise_gets_values(quality: int) -> None:
    # WebP's 4x4 transforms show no 8x8 grid: at q75 jet's noise was no block-coded
    # picture (chroma model / map 1.04, blocks 1.05), 49.9 % NaN; its luma keeps 5.9x the
    # map's detail while its chroma loses some (``_plan.SPECKLE_LUMA_DETAIL``)
    field = _phase_noise(256)
    picture = _webp(_rgb("jet", field), quality)
    assert_all_data("jet", picture, field)

"""Photographs drawn with ``plt.imsave`` and shrunk 0.5x by kernels with negative lobes.

A cubic or Lanczos kernel sends a pixel past the colors it blends by its lobes' weight
times the contrast under it, and the resampler clips each channel to 0-255 (issue 11,
Deliver 1-2; benchmarks/acc5 ``holes --why``: 75 holes over trial 45's 40 bicubic
pictures). Past a map's end, where the field is clipped at its limit, such pixels
came back NaN: hot's moon holds pure black, darker than hot's first color [10, 0, 0]
(``_end_lobes``).

The oracle: the field shrunk by the same kernel, clipped to [0, 1].
"""

from __future__ import annotations

import io

import cv2
import matplotlib
import numpy as np
import pytest
from PIL import Image

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from truepix import decolorize  # noqa: E402


def _field(name: str) -> np.ndarray:
    """scikit-image's ``name`` (512^2) between its 0.5th and 99.5th percentiles (as a
    user's robust vmin, vmax: clipped at both), its middle 256^2."""
    from skimage import data

    image = getattr(data, name)().astype(np.float64)
    low, high = np.percentile(image, [0.5, 99.5])
    return np.clip((image - low) / (high - low), 0.0, 1.0)[128:384, 128:384]


def _imsave(field: np.ndarray, cmap: str) -> np.ndarray:
    buffer = io.BytesIO()
    plt.imsave(buffer, field, cmap=cmap, vmin=0.0, vmax=1.0, format="png")
    return np.asarray(Image.open(buffer).convert("RGB"))


def _shrunk(rgb: np.ndarray, field: np.ndarray, kernel: int) -> tuple[np.ndarray, np.ndarray]:
    """The picture and the field shrunk 0.5x by OpenCV's ``kernel``."""
    size = (rgb.shape[1] // 2, rgb.shape[0] // 2)
    truth = cv2.resize(field.astype(np.float32), size, interpolation=kernel)
    return cv2.resize(rgb, size, interpolation=kernel), np.clip(truth, 0.0, 1.0)


# (the cubic picture also draws "those of 'autumn' exactly": the moon lies mostly on
# hot's orange ramp (255, g, 0), which is autumn's -- another matter than its holes)
@pytest.mark.filterwarnings("ignore::truepix.errors.OffMapWarning")
@pytest.mark.parametrize("kernel", [cv2.INTER_CUBIC, cv2.INTER_LANCZOS4])
def test_lobe_past_hots_black_end_is_the_end(kernel: int) -> None:
    """The moon in hot: the pixels darker than hot's first color come back in its first
    bin, where the shrunk field is at its limit (OpenCV cubic: 13 of 14 NaN before, 1
    now, whose neighbours on the map lie 0.12 or more from the end; Lanczos4: 0 of 15)."""
    field = _field("moon")
    picture, truth = _shrunk(_imsave(field, "hot"), field, kernel)
    past = picture.max(axis=-1) < 10  # darker than [10, 0, 0]
    values = decolorize(picture, cmap="hot", vmin=0.0, vmax=1.0)[past]
    assert past.sum() >= 10
    assert np.isnan(values).mean() <= 0.1
    assert np.nanmax(values) < 1 / 256  # (hot's first bin)
    assert truth[past].max() < 0.02

"""A noisy render reduced to a 256-color palette (Pillow's ``quantize``: median cut,
fast octree). Its palette holds the means of cells of noisy colors, off the map by up
to 1.8 times their distance to the palette's next color, and a few of a data color's
pixels left NaN by the decode's local judgement: they were holes (0.3-2.3 %). Pictures:
scikit-image's camera drawn with matplotlib maps plus seeded Gaussian noise; the oracle
is the k-d tree's nearest table color.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from tests.color.test_decolorize_kind import _annotated, _errors, _render
from truepix import Decolorizer


@pytest.fixture(scope="module")
def camera() -> np.ndarray:
    from skimage import data

    return data.camera() / 255.0


def _noisy(picture: np.ndarray, sigma: float) -> np.ndarray:
    noise = np.random.default_rng(5).normal(0.0, sigma, picture.shape)
    return np.clip(picture + noise, 0, 255).round().astype(np.uint8)


def _quantized(picture: np.ndarray, method: int) -> np.ndarray:
    return np.asarray(Image.fromarray(picture).quantize(256, method=method).convert("RGB"))


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("viridis", Image.Quantize.MAXCOVERAGE),
        ("RdBu_r", Image.Quantize.MEDIANCUT),
        ("turbo", Image.Quantize.MEDIANCUT),
        ("twilight", Image.Quantize.MAXCOVERAGE),
    ],
)
def test_noisy_render_reduced_to_a_palette_has_few_holes(
    camera: np.ndarray, name: str, method: int
) -> None:
    """Gaussian noise (3 DN) then 256 colors: viridis, RdBu_r, turbo, twilight had 2.3,
    1.2, 1.1, 1.7 % holes (cells off the map by 1.0-1.8 times their spacing, and a few
    of data colors' pixels); now at most 0.2 %, the mean error within 5 % of the k-d
    tree's nearest table color (0.97-1.02 of it)."""
    picture = _quantized(_noisy(_render(name, camera), 3.0), method)
    holes, error, nearest = _errors(name, picture, camera)
    assert holes <= 0.002
    assert error <= 1.05 * nearest


@pytest.mark.parametrize("name", ["viridis", "jet", "twilight"])
def test_annotations_on_a_noisy_palette_stay_flagged(camera: np.ndarray, name: str) -> None:
    """Text and lines over the noisy render, then 256 colors (median cut): the strokes'
    pixels stay NaN as before (covered: viridis / jet / twilight 98.6 / 70.5 / 79.8 %;
    their colors touch inks, or lie in a line of holes), and the field's untouched
    pixels hold fewer holes (0.74 / 0.04 / 0.18 % -> 0.04 / 0.02 / 0.01 %)."""
    drawn, touched, covered = _annotated(_noisy(_render(name, camera), 3.0))
    picture = _quantized(drawn, Image.Quantize.MEDIANCUT)
    flagged = np.isnan(Decolorizer(name, vmin=0.0, vmax=1.0).values(picture))
    assert flagged[covered].mean() >= COVERED[name]
    assert flagged[~touched].mean() <= 0.001


COVERED = {"viridis": 0.98, "jet": 0.69, "twilight": 0.78}

"""Light strokes whose luma lies inside the map's, told from data by two models.

matplotlib's light gray (#bfbfbf) contours and text over an axes-filling ``imshow`` of
Spectral, saved as JPEG q75 (4:2:0): the gray reads, by its luma, as Spectral's light
orange or green, and 4:2:0 averages its chroma with the field's, so JPEG's model of the
map explains it as data. Once ``_lines.ink_lines`` keeps the ink, ``_inked`` asks each
pixel whether the ink laid over the field around explains it better than the map does.
Stroke pixels are those the annotation moved more than 12 DN; data pixels those it left
alone (``contour_flags``).
"""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

from tests.color._photographs import colormap, contour_flags
from truepix import Decolorizer
from truepix.color._decolorize import _jpeg

matplotlib.use("Agg")


def test_light_gray_contours_over_spectral_are_flagged() -> None:
    # Measured: 27.8 % flagged / 0.0 % lost before the rule, 54.2 / 0.0 after.
    stroke_flagged, data_lost = contour_flags("Spectral", "#bfbfbf", False)
    assert stroke_flagged >= 45.0
    assert data_lost <= 0.1


def _photograph(name: str, photo: str) -> np.ndarray:
    """scikit-image's camera or astronaut (256^2, dithered) in ``name``, JPEG q75 4:2:0."""
    from skimage import data
    from skimage.color import rgb2gray
    from skimage.transform import resize

    image = data.camera() / 255.0 if photo == "camera" else rgb2gray(data.astronaut())
    field = resize(image, (256, 256), order=1, anti_aliasing=True)
    rng = np.random.default_rng(len(photo))
    field = np.clip(field + rng.uniform(-0.5, 0.5, field.shape) / 255.0, 0.0, 1.0)
    rgb = np.ascontiguousarray(colormap(name)(field, bytes=True)[..., :3])
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="JPEG", quality=75)
    return np.asarray(Image.open(buffer))


@pytest.mark.parametrize("name", ["Spectral", "coolwarm", "RdYlBu"])
@pytest.mark.parametrize("photo", ["camera", "astronaut"])
def test_photographs_gain_no_holes(name: str, photo: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # All data: the rule finds no ink there, and the answer is the one without it.
    picture = _photograph(name, photo)
    decoder = Decolorizer(colormap(name), vmin=0.0, vmax=1.0)
    holes = np.isnan(decoder.values(picture))
    monkeypatch.setattr(_jpeg, "inked_strokes", lambda *args: None)
    before = np.isnan(Decolorizer(colormap(name), vmin=0.0, vmax=1.0).values(picture))
    assert np.array_equal(holes, before)
    assert holes.mean() <= 0.002

"""A JPEG reduced to a 256-color palette: GIF export of a JPEG, pngquant, Pillow's
``quantize``. Its palette holds JPEG's off-map colors (chroma 4:2:0 lost at edges),
not means of map colors: judged as a palette's cells with noise 0 (threshold ~23 DN)
they were holes. Pictures: scikit-image's camera drawn with matplotlib maps, JPEG'd
by Pillow (q90, 4:2:0), reduced by Pillow's ``quantize`` (median cut, fast octree);
the oracle is the k-d tree's nearest table color.
"""

from __future__ import annotations

import io

import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image

from tests.color.test_decolorize_kind import _annotated, _errors, _render
from truepix import Decolorizer

mpl.use("Agg")


@pytest.fixture(scope="module")
def camera() -> np.ndarray:
    """The camera's central 256^2, uncut by resampling (its texture JPEG blocks)."""
    from skimage import data

    return data.camera()[128:384, 128:384] / 255.0


def _jpeg(picture: np.ndarray, quality: int = 90) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(picture).save(buffer, format="JPEG", quality=quality)
    return np.asarray(Image.open(buffer).convert("RGB"))


def _quantized(picture: np.ndarray, method: int) -> np.ndarray:
    return np.asarray(Image.fromarray(picture).quantize(256, method=method).convert("RGB"))


@pytest.mark.parametrize("method", [Image.Quantize.MEDIANCUT, Image.Quantize.FASTOCTREE])
@pytest.mark.parametrize("name", ["jet", "viridis", "magma"])
def test_jpeg_reduced_to_a_palette_is_jpeg(camera: np.ndarray, name: str, method: int) -> None:
    """jet / viridis / magma, median cut: 7.3 / 2.6 / 2.2 % holes (noise read 0, JPEG
    not seen), mean error 4.5 / 2.4 / 2.7x the k-d tree's; now JPEG'd: no holes, and
    the error below the k-d tree's on the same picture."""
    picture = _quantized(_jpeg(_render(name, camera)), method)
    assert len(np.unique(picture.reshape(-1, 3), axis=0)) <= 256
    assert Decolorizer(name, vmin=0.0, vmax=1.0).decode(picture).jpeg
    holes, error, nearest = _errors(name, picture, camera)
    assert holes <= 0.002
    assert error <= nearest


@pytest.mark.parametrize("method", [Image.Quantize.MEDIANCUT, Image.Quantize.FASTOCTREE])
def test_palette_of_an_exact_render_is_no_jpeg(camera: np.ndarray, method: int) -> None:
    """The palette tried as a JPEG's (its noise kept) shows no JPEG when the picture
    was an exact render: its plan is the palette cells' as before."""
    picture = _quantized(_render("viridis", camera), method)
    decoded = Decolorizer("viridis", vmin=0.0, vmax=1.0).decode(picture)
    assert not decoded.jpeg
    assert np.isnan(decoded.values).mean() == 0.0


@pytest.mark.parametrize("name", ["viridis"])
def test_annotations_on_jpeg_palette_stay_flagged(camera: np.ndarray, name: str) -> None:
    """Text and lines drawn, JPEG'd, then the palette made: the strokes are no data as
    on the JPEG itself (whose ringing around them is flagged too: 2-3 % of the pixels
    they leave untouched). (jet's, median cut, is not seen as JPEG's: its palette moved
    chroma more than 4:2:0 did, and 24 % of the untouched pixels are flagged. magma's
    black strokes, near its dark end, are 38 % flagged on the JPEG, 19 % on its palette
    judged as JPEG, 52 % as the palette's cells.)"""
    drawn, touched, covered = _annotated(_render(name, camera))
    decoder = Decolorizer(name, vmin=0.0, vmax=1.0)
    flagged = np.isnan(decoder.values(_quantized(_jpeg(drawn), Image.Quantize.MEDIANCUT)))
    before = np.isnan(decoder.values(_jpeg(drawn)))
    assert flagged[covered].mean() >= before[covered].mean() - 0.05
    assert flagged[~touched].mean() <= before[~touched].mean() + 0.01

"""A JPEG reduced to a 256-color palette: GIF export of a JPEG, pngquant, Pillow's
``quantize``. Its palette holds JPEG's off-map colors (chroma 4:2:0 lost at edges),
not means of map colors: judged as a palette's cells with noise 0 (threshold ~23 DN)
they were holes. Pictures: scikit-image's camera drawn with matplotlib maps, JPEG'd
by Pillow (q90, 4:2:0), reduced by Pillow's ``quantize`` (median cut, fast octree);
the oracle is the k-d tree's nearest table color.
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image

import warnings

from tests.color._photographs import fbm, pillow_jpeg
from tests.color.test_decolorize_kind import _annotated, _errors, _render
from truepix import Decolorizer

mpl.use("Agg")


@pytest.fixture(scope="module")
def camera() -> np.ndarray:
    """The camera's central 256^2, uncut by resampling (its texture JPEG blocks)."""
    from skimage import data

    return data.camera()[128:384, 128:384] / 255.0


def _quantized(picture: np.ndarray, method: int) -> np.ndarray:
    return np.asarray(Image.fromarray(picture).quantize(256, method=method).convert("RGB"))


@pytest.mark.parametrize("method", [Image.Quantize.MEDIANCUT, Image.Quantize.FASTOCTREE])
@pytest.mark.parametrize("name", ["jet", "viridis", "magma"])
def test_jpeg_reduced_to_a_palette_is_jpeg(camera: np.ndarray, name: str, method: int) -> None:
    """jet / viridis / magma, median cut: 7.3 / 2.6 / 2.2 % holes (noise read 0, JPEG
    not seen), mean error 4.5 / 2.4 / 2.7x the k-d tree's; now JPEG'd: no holes, and
    the error below the k-d tree's on the same picture."""
    picture = _quantized(pillow_jpeg(_render(name, camera), 90), method)
    assert len(np.unique(picture.reshape(-1, 3), axis=0)) <= 256
    assert Decolorizer(name, vmin=0.0, vmax=1.0).decode(picture).jpeg
    holes, error, nearest = _errors(name, picture, camera)
    assert holes <= 0.002
    assert error <= nearest


@pytest.mark.parametrize(("name", "quality"), [("viridis", 95), ("jet", 90), ("RdBu_r", 95)])
def test_jpeg_palette_whose_cells_hide_4_2_0_is_jpeg(name: str, quality: int) -> None:
    """A textured field's JPEG reduced by Pillow's fast octree (q90-q95): its cells'
    means scatter chroma as far from 4:2:0's model as from the map's (ratio 1.02-1.6,
    above JPEG_WEAK_RATIO), read as the palette's cells with noise 0: fbm 192-320 px x
    5 maps, 11 of 60 with 0.55-2.5 % holes, here 0.4-2.0 %. A palette of an exact,
    resized or noisy render stays far above (3-800: below). Now JPEG'd: no holes, the
    error below the k-d tree's, and no warning (its values gather at its colors'
    places, which the few-levels hint took for 16 levels)."""
    field = fbm(256, seed=0)
    picture = _quantized(pillow_jpeg(_render(name, field), quality), Image.Quantize.FASTOCTREE)
    assert len(np.unique(picture.reshape(-1, 3), axis=0)) <= 256
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert Decolorizer(name, vmin=0.0, vmax=1.0).decode(picture).jpeg
        holes, error, nearest = _errors(name, picture, field)
    assert holes <= 0.002
    assert error <= nearest


def _noisy(picture: np.ndarray, sigma: float) -> np.ndarray:
    noise = np.random.default_rng(5).normal(0.0, sigma, picture.shape)
    return np.clip(np.rint(picture + noise), 0, 255).astype(np.uint8)


def _halved(picture: np.ndarray) -> np.ndarray:
    image = Image.fromarray(picture)
    return np.asarray(image.resize((image.width // 2, image.height // 2), Image.BILINEAR))


@pytest.mark.parametrize("method", [Image.Quantize.MEDIANCUT, Image.Quantize.FASTOCTREE])
@pytest.mark.parametrize("degraded", ["exact", "noise 3 DN", "bilinear 0.5x"])
def test_palette_of_an_exact_render_is_no_jpeg(
    camera: np.ndarray, method: int, degraded: str
) -> None:
    """The palette tried as a JPEG's (its noise kept) shows no JPEG when the picture
    was an exact render, a noisy or a resized one (4:2:0's model explains their chroma
    3-800 times worse than the map: PALETTE_JPEG_RATIO): its plan is the palette
    cells' as before."""
    render = _render("viridis", camera)
    render = {"exact": render, "noise 3 DN": _noisy(render, 3.0)}.get(degraded, render)
    render = _halved(render) if degraded == "bilinear 0.5x" else render
    picture = _quantized(render, method)
    decoded = Decolorizer("viridis", vmin=0.0, vmax=1.0).decode(picture)
    assert not decoded.jpeg
    if degraded == "exact":  # (a noisy render's palette: its cells' own holes, up to 0.6 %)
        assert np.isnan(decoded.values).mean() == 0.0


@pytest.mark.parametrize("name", ["viridis", "jet"])
def test_annotations_on_jpeg_palette_stay_flagged(camera: np.ndarray, name: str) -> None:
    """Text and lines drawn, JPEG'd, then the palette made: the strokes are no data as
    on the JPEG itself (whose ringing around them is flagged too: 2-3 % of the pixels
    they leave untouched). (jet's, median cut, was not seen as JPEG's -- its palette
    moved chroma more than 4:2:0 did -- and 23 % of the untouched pixels were flagged;
    within PALETTE_JPEG_RATIO it is: 3.0 %, strokes 89 % against the JPEG's 91. magma's
    black strokes, near its dark end, are 38 % flagged on the JPEG, 19 % on its palette
    judged as JPEG, 52 % as the palette's cells.)"""
    drawn, touched, covered = _annotated(_render(name, camera))
    decoder = Decolorizer(name, vmin=0.0, vmax=1.0)
    flagged = np.isnan(decoder.values(_quantized(pillow_jpeg(drawn, 90), Image.Quantize.MEDIANCUT)))
    before = np.isnan(decoder.values(pillow_jpeg(drawn, 90)))
    assert flagged[covered].mean() >= before[covered].mean() - 0.05
    assert flagged[~touched].mean() <= before[~touched].mean() + 0.01

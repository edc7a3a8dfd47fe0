"""Pictures handed over as Pillow images in other color spaces, or with no opaque pixel.

Trial 51: a CMYK JPEG (Pillow writes one from ``.convert("CMYK")``; print workflows
do) passed as the open image, or as ``np.asarray`` of it, decoded to 100 % NaN with no
word: its 4 channels were read as RGBA, K (0 for these colors) as alpha.
"""

from __future__ import annotations

import io
import warnings

import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image

import truepix as tp
from truepix.errors import OffMapWarning

RAMP = np.linspace(0, 1, 256)[None].repeat(64, 0)


def _jpeg(mode: str) -> Image.Image:
    rgb = mpl.colormaps["viridis"](RAMP, bytes=True)[..., :3]
    buffer = io.BytesIO()
    Image.fromarray(rgb).convert(mode).save(buffer, format="JPEG", quality=90)
    return Image.open(io.BytesIO(buffer.getvalue()))


@pytest.mark.parametrize("mode", ["CMYK", "YCbCr"])
def test_a_pillow_image_in_another_color_space_is_decoded_as_its_colors(mode):
    values = tp.decolorize(_jpeg(mode), cmap="viridis", vmin=0, vmax=1)
    reference = tp.decolorize(_jpeg("RGB").convert("RGB"), cmap="viridis", vmin=0, vmax=1)
    assert not np.isnan(values).any()
    assert np.abs(values - RAMP).max() <= np.abs(reference - RAMP).max() + 0.01
    assert tp.identify_colormap(_jpeg(mode))[0].name == "viridis"


@pytest.mark.parametrize("picture", ["cmyk array", "transparent"])
def test_a_picture_with_no_opaque_pixel_is_named(picture):
    image = (np.asarray(_jpeg("CMYK")) if picture == "cmyk array"
             else np.zeros((64, 64, 4), np.uint8))  # fmt: skip
    with pytest.warns(OffMapWarning, match="every pixel of the picture is transparent"):
        values = tp.decolorize(image, cmap="viridis", vmin=0, vmax=1)
    assert np.isnan(values).all()  # (alpha 0 is not data: no value is made up)


def test_a_small_transparent_crop_stays_quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tp.decolorize(np.zeros((8, 8, 4), np.uint8), cmap="viridis", vmin=0, vmax=1)


def _quantized_figure(name: str) -> Image.Image:
    """A whole figure (white margins, black text, a colorbar) resized 1.25x bicubic, as
    trial 51 met it: 256 colors with Floyd-Steinberg dither, a palette image."""
    import matplotlib.pyplot as plt

    y, x = np.mgrid[0:120, 0:120] / 120
    field = 0.5 + 0.4 * np.sin(7 * x) * np.cos(5 * y)
    figure, axes = plt.subplots(figsize=(3, 2.4), dpi=80)
    figure.colorbar(axes.imshow(field, cmap=name, vmin=0, vmax=1), ax=axes)
    axes.set_title("a field (m)")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    rgb = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    return rgb.resize((300, 240), Image.BICUBIC).quantize(256)


@pytest.mark.parametrize("name", ["viridis", "jet"])
def test_a_quantized_figure_is_judged_by_its_colors_not_its_indices(name):
    """Trial 51: the decode read the palette image's colors, the warning its indices --
    a gray picture, which 'gray' fits: "53% of the picture's pixels are not colors of
    'viridis' ... the colors fit 'gray' far better" for values at 0.90x the k-d tree."""
    picture = _quantized_figure(name)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        values = tp.decolorize(picture, cmap=name, vmin=0, vmax=1)
        as_colors = tp.decolorize(np.asarray(picture.convert("RGB")), cmap=name, vmin=0, vmax=1)
    assert np.array_equal(values, as_colors, equal_nan=True)
    assert not [w for w in caught if issubclass(w.category, OffMapWarning)]

"""A 4:2:0 JPEG's chroma lattice read off the picture's own grid (``_lattice``).

A JPEG'd figure's panel starts wherever its axes were drawn, not on the file's 16-pixel
coding units: read from its top left, a 4:2:0 JPEG's lattice of quantized chroma showed
nothing (z 1.8-2.6) and such a picture was taken for JPEG XL (a seaborn heatmap at JPEG
q75 lost its grid: lossy's reverted rule). Read at every phase of the coding unit, the
JPEG's lattice shows at its own; JPEG XL, which codes no YCbCr, holds none at any.
"""

from __future__ import annotations

import io

import imagecodecs
import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

from tests.color._photographs import camera_256, fbm, imsave_rgb, pillow_jpeg
from truepix.color._decolorize import _lattice as lattice
from truepix.color._decolorize._api import Decolorizer
from truepix.color._decolorize._inputs import as_pixels, planned

matplotlib.use("Agg")


def _field(name: str) -> np.ndarray:
    return camera_256().astype(float) if name == "camera" else fbm(256) * 255.0


@pytest.mark.parametrize("cmap", ["jet", "viridis"])
@pytest.mark.parametrize("name", ["camera", "terrain"])
def test_a_cut_jpeg_shows_its_lattice_at_its_own_phase(name: str, cmap: str) -> None:
    rgb = imsave_rgb(_field(name), cmap)
    for quality in (50, 75, 95):
        for top, left in ((5, 11), (9, 2)):
            cut = pillow_jpeg(rgb, quality)[top:, left:]
            first = lattice.chroma_lattice(cut, 1.0, subsampled_first=True, blocks=144)
            assert first < lattice.LATTICE_Z  # (its top left: no lattice)
            z, phase = lattice.lattice_any_phase(cut, 1.0, 144, np.inf)
            assert z >= lattice.LATTICE_Z, (quality, top, left)
            assert phase == (-top % 16, -left % 16)


@pytest.mark.parametrize("cmap", ["jet", "turbo"])
@pytest.mark.parametrize("name", ["camera", "terrain"])
def test_jpeg_xl_holds_no_lattice_at_any_phase(name: str, cmap: str) -> None:
    rgb = imsave_rgb(_field(name), cmap)
    for distance in (1.0, 2.0, 4.0):
        picture = imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(rgb, distance=distance))
        assert lattice.lattice_any_phase(picture, 1.0, 144, np.inf)[0] < lattice.LATTICE_Z


def _figure_jpeg(rgb: np.ndarray, quality: int, left: int, bottom: int) -> np.ndarray:
    """``rgb`` drawn into a figure at (left, bottom) pixels (``figimage``), saved as PNG
    and that as a JPEG (Pillow), read back and cut to where ``rgb`` was drawn."""
    height, width = rgb.shape[:2]
    fig = plt.figure(figsize=((width + 2 * left) / 100, (height + 2 * bottom) / 100), dpi=100)
    fig.figimage(rgb, xo=left, yo=bottom, origin="upper")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    png = np.asarray(Image.open(buffer).convert("RGB"))
    top = png.shape[0] - bottom - height
    return pillow_jpeg(png, quality)[top : top + height, left : left + width]


@pytest.mark.parametrize("cmap", ["jet", "viridis", "turbo"])
def test_a_picture_cut_from_a_jpegd_figure_stays_jpeg(cmap: str) -> None:
    # the data area of a figure JPEG'd at q50-q95, 5 rows and 3 columns off its coding
    # units, is read with JPEG's rules, not as JPEG XL (which it was read as without the
    # scan: lossy at q50)
    field = _field("terrain")
    decoder = Decolorizer(cmap, vmin=0, vmax=255)
    for quality in (50, 75, 90, 95):
        picture = _figure_jpeg(imsave_rgb(field, cmap), quality, 83, 37)
        pixels, kind, scale = as_pixels(picture)
        plan = planned(decoder, pixels, kind, scale)[3]
        assert plan.jpeg and not plan.lossy, quality

"""JPEG'd pictures of a few flat colors (BoundaryNorm): no holes, each pixel in its bin.

A BoundaryNorm of 4 or 6 intervals paints a picture in as many flat colors. The
decoder's JPEG tests read a continuous map's marks and missed many such pictures
(jet's 4 colors on the camera at q90: 8.3 % holes, decoded as resampled); and where
a photograph's edge joins two colors that are no neighbours in the map's order, JPEG
mixes them into colors the map's 4:2:0 model does not explain (``_discrete``).
"""

from __future__ import annotations

import io

import matplotlib
import matplotlib.colors as mcolors
import numpy as np
import pytest
from PIL import Image
from scipy.spatial import cKDTree

import truepix as tp
from truepix import Decolorizer

NORMS = {
    "4 bins": mcolors.BoundaryNorm([0.0, 0.3, 0.5, 0.8, 1.0], 256),
    "6 bins": mcolors.BoundaryNorm([0.0, 0.02, 0.04, 0.1, 0.2, 0.4, 1.0], 256),
}


def _field(name: str) -> np.ndarray:
    """A photograph, or a smooth field, scaled to [0, 1] (256 x 256)."""
    if name == "camera":
        from skimage import data as images
        from skimage.transform import resize

        field = resize(images.camera() / 255.0, (256, 256), anti_aliasing=True)
    else:
        y, x = np.mgrid[0:256, 0:256] / 255.0
        field = np.sin(6 * x) * np.cos(5 * y) + x
    return (field - field.min()) / np.ptp(field)


def _jpeg(picture: np.ndarray, quality: int) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(picture).save(buffer, "JPEG", quality=quality)  # Pillow: 4:2:0
    return np.asarray(Image.open(buffer))


def _bins(norm: mcolors.BoundaryNorm, values: np.ndarray) -> np.ndarray:
    """The interval each value lies in; -1 for NaN."""
    edges = np.asarray(norm.boundaries)
    found = np.clip(np.searchsorted(edges, values, side="right") - 1, 0, len(edges) - 2)
    return np.where(np.isnan(values), -1, found)


@pytest.mark.parametrize("field", ["camera", "smooth"])
@pytest.mark.parametrize("cmap", ["jet", "turbo", "coolwarm"])
@pytest.mark.parametrize("bins", list(NORMS))
def test_jpegd_few_color_picture_has_no_holes(field: str, cmap: str, bins: str) -> None:
    """JPEG q75 and q90: holes <= 0.2 %, and each pixel in its own interval at least as
    often as the nearest of the painted colors puts it there."""
    norm, data = NORMS[bins], _field(field)
    data = np.clip(data, 0.0, np.nextafter(1.0, 0.0))  # (1.0 is the last edge: no interval)
    colormap = matplotlib.colormaps[cmap]
    picture = colormap(norm(data), bytes=True)[..., :3]
    truth = _bins(norm, data)
    edges = np.asarray(norm.boundaries)
    painted = colormap(norm((edges[:-1] + edges[1:]) / 2), bytes=True)[:, :3]
    nearest = cKDTree(painted.astype(np.float64))  # the oracle: nearest painted color
    for quality in (75, 90):
        degraded = _jpeg(picture, quality)
        found = _bins(norm, tp.decolorize(degraded, cmap=cmap, norm=norm))
        holes = np.mean(found < 0)
        assert holes <= 0.002, (quality, holes)
        oracle = nearest.query(degraded.reshape(-1, 3).astype(np.float64))[1]
        assert np.mean(found == truth) >= np.mean(oracle.reshape(truth.shape) == truth), quality


@pytest.mark.parametrize("how", ["bilinear", "bicubic", "box"])
def test_resized_few_color_picture_is_no_jpeg(how: str) -> None:
    """Resampling keeps a discrete picture's flat areas on their colors: no JPEG there
    (its blends are judged as blends)."""
    norm = NORMS["4 bins"]
    picture = matplotlib.colormaps["jet"](norm(_field("camera")), bytes=True)[..., :3]
    method = {"bilinear": Image.BILINEAR, "bicubic": Image.BICUBIC, "box": Image.BOX}[how]
    small = np.asarray(Image.fromarray(picture).resize((128, 128), method))
    result = Decolorizer("jet", norm=norm).decode(small)
    assert not result.jpeg
    assert Decolorizer("jet", norm=norm).decode(_jpeg(picture, 90)).jpeg

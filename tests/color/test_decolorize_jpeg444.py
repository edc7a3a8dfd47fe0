"""4:4:4 JPEG (Pillow ``subsampling=0``; Photoshop's and GIMP's high quality): decoded
with a model of full-resolution chroma, not 4:2:0's.

Judged JPEG and decoded as 4:2:0 (chroma weighted 0.1), such pictures came back no
better than the nearest table color: jet on the camera at q75 1.008x the k-d tree's
mean error, its p99 1.056x; coolwarm's p99 1.017-1.057x. Their chroma shows JPEG's
8x8 grid (``_grid.chroma_grid``); 4:2:0's, quantized in 16x16 pixels, does not.
"""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from scipy.spatial import cKDTree

from tests.color._photographs import pillow_jpeg
import truepix as tp
from truepix.color._decolorize._grid import chroma_grid
from truepix.color._decolorize._plan import CHROMA_GRID


def _camera() -> np.ndarray:
    """scikit-image's camera, 256^2, in [0, 1]."""
    from skimage import data
    from skimage.transform import resize

    return resize(data.camera() / 255.0, (256, 256), anti_aliasing=True)


def _nearest(picture: np.ndarray, cmap: str) -> np.ndarray:
    """The oracle: the nearest table color in RGB (k-d tree), its bin's center."""
    table = matplotlib.colormaps[cmap](np.arange(256), bytes=True)[:, :3].astype(np.float64)
    index = cKDTree(table).query(picture.reshape(-1, 3).astype(np.float64))[1]
    return ((index + 0.5) / 256).reshape(picture.shape[:-1])


#: (cmap, quality, mean error / the k-d tree's at most): measured 0.893 / 0.892,
#: 0.967 / 0.964, 0.940 / 0.951 (4:2:0's model: 0.907 / 0.909, 1.008 / 0.995, 0.952 /
#: 0.969), 0.02 of margin.
CASES = [
    ("viridis", 75, 0.915), ("viridis", 50, 0.915), ("jet", 75, 0.985), ("jet", 50, 0.985),
    ("coolwarm", 75, 0.96), ("coolwarm", 50, 0.97),
]  # fmt: skip


@pytest.mark.parametrize(("cmap", "quality", "limit"), CASES)
def test_444_jpeg_beats_nearest_color(cmap: str, quality: int, limit: float) -> None:
    """The default call's mean error within ``limit`` of the k-d tree's, its p99 no
    worse (holes counted as the whole range)."""
    data = _camera()
    picture = pillow_jpeg(matplotlib.colormaps[cmap](data, bytes=True)[..., :3], quality, 0)
    values = tp.decolorize(picture, cmap=cmap, vmin=0, vmax=1)
    error = np.where(np.isnan(values), 1.0, np.abs(values - data))
    oracle = np.abs(_nearest(picture, cmap) - data)
    assert error.mean() <= limit * oracle.mean()
    assert np.percentile(error, 99) <= np.percentile(oracle, 99)


@pytest.mark.parametrize("cmap", ["viridis", "jet"])
def test_chroma_grid_tells_444_from_420(cmap: str) -> None:
    """4:4:4's chroma shows the 8x8 grid, 4:2:0's and an exact render's do not
    (measured 1.5-2.8 against 0.88-1.12 on photographs)."""
    picture = matplotlib.colormaps[cmap](_camera(), bytes=True)[..., :3]
    for quality in (90, 50):
        assert chroma_grid(pillow_jpeg(picture, quality, 0)) > CHROMA_GRID
        assert chroma_grid(pillow_jpeg(picture, quality, 2)) < CHROMA_GRID
    assert chroma_grid(picture) < CHROMA_GRID

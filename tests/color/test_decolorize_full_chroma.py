"""4:4:4 JPEG'd pictures (``_full_chroma``): told from 4:2:0 where chroma has little
detail (smooth fields, the moon) by where chroma's block edges fall, and filtered by
the DCT shrinkage in windows halfway between JPEG's blocks where the field is textured.

Before, a 4:4:4 picture whose chroma showed no 8x8 grid in its blocks' DCT was decoded
as 4:2:0 (chroma weighted 0.1), and every 4:4:4 picture took the planes: 12 maps x 4
real fields, error / the k-d tree's at q90 / q75 / q50 0.935 / 0.940 / 0.946, now
0.912 / 0.916 / 0.926 (benchmarks/colormaps.py).
"""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image
from scipy.spatial import cKDTree

import truepix as tp
from truepix.color._decolorize import _full_chroma as full
from truepix.color._decolorize._api import Decolorizer
from truepix.color._decolorize._grid import chroma_grid
from truepix.color._decolorize._plan import CHROMA_GRID, make_plan
from truepix.synthetic import smooth_field


def _moon() -> np.ndarray:
    """scikit-image's moon, 256^2, in [0, 1]: low-contrast texture, little chroma."""
    from skimage import data
    from skimage.transform import resize

    return resize(data.moon() / 255.0, (256, 256), anti_aliasing=True)


def _camera() -> np.ndarray:
    from skimage import data
    from skimage.transform import resize

    return resize(data.camera() / 255.0, (256, 256), anti_aliasing=True)


def _smooth() -> np.ndarray:
    return smooth_field((256, 256), seed=np.random.default_rng(7))


def _jpeg(field: np.ndarray, cmap: str, quality: int, subsampling: int) -> np.ndarray:
    rgb = matplotlib.colormaps[cmap](field, bytes=True)[..., :3]
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, "JPEG", quality=quality, subsampling=subsampling)
    return np.asarray(Image.open(buffer))


def _nearest(picture: np.ndarray, cmap: str) -> np.ndarray:
    """The oracle: the nearest table color in RGB (k-d tree), its bin's center."""
    table = matplotlib.colormaps[cmap](np.arange(256), bytes=True)[:, :3].astype(np.float64)
    index = cKDTree(table).query(picture.reshape(-1, 3).astype(np.float64))[1]
    return ((index + 0.5) / 256).reshape(picture.shape[:-1])


def _plan(picture: np.ndarray, cmap: str):
    return make_plan(Decolorizer(cmap, vmin=0.0, vmax=1.0), picture, "u8", 1.0)


@pytest.mark.parametrize("cmap", ["viridis", "coolwarm", "magma"])
@pytest.mark.parametrize("name", ["smooth", "moon"])
def test_chroma_phase_tells_444_from_420(cmap: str, name: str) -> None:
    """Where chroma's DCT shows no 8x8 grid, its jumps do: 4:4:4's blocks end every 8
    pixels, 4:2:0's every 16; an exact render shows none."""
    field = _smooth() if name == "smooth" else _moon()
    for quality in (90, 50):
        full_res = _jpeg(field, cmap, quality, 0)
        assert full.full_chroma(full_res, CHROMA_GRID)
        assert not full.full_chroma(_jpeg(field, cmap, quality, 2), CHROMA_GRID)
        if name == "smooth":  # (what chroma_grid alone misses)
            assert chroma_grid(full_res) <= CHROMA_GRID
    exact = matplotlib.colormaps[cmap](field, bytes=True)[..., :3]
    assert not full.full_chroma(exact, CHROMA_GRID)


@pytest.mark.parametrize("cmap", ["viridis", "jet", "coolwarm"])
def test_444_plan_filters_texture_by_dct_and_smooth_fields_by_planes(cmap: str) -> None:
    """A 4:4:4 picture is decoded with full chroma's metric; textured fields (the
    camera, the moon) by the DCT shrinkage, smooth ones by the planes."""
    for field, textured in ((_camera(), True), (_moon(), True), (_smooth(), False)):
        plan = _plan(_jpeg(field, cmap, 75, 0), cmap)
        assert plan.jpeg and plan.full_chroma and plan.metric == "jpeg444"
        assert plan.dct == textured
        assert plan.denoise


def test_fine_texture_tells_smooth_fields_from_texture() -> None:
    """Smooth fields' blocks are ramps: little past the first order (measured 3-11 DN
    on 11 maps), the moon's 21-70 DN."""
    for cmap in ("viridis", "jet", "twilight"):
        for quality in (95, 50):
            smooth = full.fine_texture(_jpeg(_smooth(), cmap, quality, 0))
            moon = full.fine_texture(_jpeg(_moon(), cmap, quality, 0))
            assert smooth < full.FULL_TEXTURE < moon


#: (field, cmap, quality, mean error / the k-d tree's at most): measured 0.870, 0.911,
#: 0.872, 0.878, 0.937 (before, decoded as 4:2:0 or by the planes: 0.927, 0.956, 0.893,
#: 0.892, 0.951; p99 0.89-0.95 of the tree's, before 0.84-0.99).
CASES = [
    ("moon", "viridis", 90, 0.89), ("moon", "coolwarm", 75, 0.93),
    ("camera", "viridis", 75, 0.885), ("camera", "viridis", 50, 0.885),
    ("camera", "coolwarm", 50, 0.945),
]  # fmt: skip


@pytest.mark.parametrize(("name", "cmap", "quality", "limit"), CASES)
def test_444_default_call_beats_nearest_color(
    name: str, cmap: str, quality: int, limit: float
) -> None:
    """The default call's mean error within ``limit`` of the k-d tree's, its p99 no
    worse, no holes."""
    data = _moon() if name == "moon" else _camera()
    picture = _jpeg(data, cmap, quality, 0)
    values = tp.decolorize(picture, cmap=cmap, vmin=0, vmax=1)
    assert not np.isnan(values).any()
    error = np.abs(values - data)
    oracle = np.abs(_nearest(picture, cmap) - data)
    assert error.mean() <= limit * oracle.mean()
    assert np.percentile(error, 99) <= np.percentile(oracle, 99)

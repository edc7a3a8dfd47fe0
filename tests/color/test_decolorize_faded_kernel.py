"""``_faded._smooth_opaque`` (one kernel: the smooth blocks' means and the map's own
distance to them) gives what ``smooth_means`` (numpy) and ``_screen.blend_costs`` gave
one after the other, to the bit, on maps drawn with and without alpha over white, saved
as PNG and JPEG by Pillow."""

from __future__ import annotations

import io

import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image
from tests.color._photographs import few_color_field

from truepix.color._catalog import get
from truepix.color._decolorize import _faded
from truepix.color._decolorize._screen import blend_costs


def _picture(cmap: str, alpha: float, quality: int | None) -> np.ndarray:
    field = few_color_field("smooth", 256)
    rgb = mpl.colormaps[cmap](field, bytes=True)[..., :3].astype(np.float64)
    rgb = np.clip(alpha * rgb + (1.0 - alpha) * 255.0, 0, 255).round().astype(np.uint8)
    if quality is None:
        return rgb
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="JPEG", quality=quality)
    return np.asarray(Image.open(buffer).convert("RGB"))


@pytest.mark.parametrize("cmap", ["coolwarm", "viridis", "RdBu_r"])
@pytest.mark.parametrize("alpha", [1.0, 0.8])
@pytest.mark.parametrize("quality", [None, 75])
def test_smooth_opaque_is_smooth_means_then_blend_costs(
    cmap: str, alpha: float, quality: int | None
) -> None:
    picture, entry = _picture(cmap, alpha, quality), get(cmap)
    expected = _faded.smooth_means(picture)
    found = _faded._smooth_opaque(picture, entry)
    assert expected is not None and found is not None
    colors, opaque = found
    assert colors.dtype == expected.dtype and colors.shape == expected.shape
    assert np.array_equal(colors, expected)
    cost = np.empty(1)
    white = np.full((1, 3), 255.0)
    blend_costs(expected, _faded._dense(entry), np.ones(1), white, _faded.OUTLIER, cost)
    assert opaque == float(np.sqrt(cost[0]))


def test_smooth_opaque_too_few_blocks() -> None:
    picture = _picture("viridis", 1.0, None)[:32, :32]  # 16 blocks: under MIN_BLOCKS
    assert _faded.smooth_means(picture) is None
    assert _faded._smooth_opaque(picture, get("viridis")) is None

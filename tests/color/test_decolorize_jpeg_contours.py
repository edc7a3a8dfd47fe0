"""matplotlib's contour lines and text on a JPEG'd imshow figure stay off the map.

A smooth field drawn with ``imshow`` filling the figure, ``contour`` lines and
``ax.text`` in a color the map lacks but whose luma lies inside the map's (gray on
twilight and cmocean:thermal, magenta on coolwarm), saved by ``savefig`` as JPEG
q75 (Pillow, 4:2:0). JPEG keeps such a thin stroke's luma and averages its chroma
with the field's, so per pixel it lies only 12-30 DN off JPEG's model; it is told
by its shape, a long thin chain departing from the field towards one color
(``_decolorize._chains``). Stroke pixels are those the annotation moved more than
12 DN (drawn once more as PNG, and once without it); data pixels are those it left
alone. The same rule must leave an all-data JPEG'd photograph alone.
"""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

from tests.color._photographs import contour_flags
from truepix import Decolorizer

matplotlib.use("Agg")

#: The stroke colors as matplotlib color specs: gray (128, 128, 128), magenta
#: (200, 30, 120), as benchmarks/_drawn_annotations.py draws them.
_COLORS = {"gray": "#808080", "magenta": "#c81e78"}


# (map, stroke color, cyclic): stroke pixels flagged at least, data pixels lost at
# most (%). Measured: twilight gray 0.0 / 0.00 -> 54.2 / 0.51, cmocean:thermal gray
# 0.0 / 0.00 -> 46.3 / 0.72, coolwarm magenta 56.4 / 0.28 -> 91.0 / 1.33. Since the
# inked strokes' antialiased edge (_inked.INKED_EDGE_ALPHA) thermal gray reads 66.7 / 1.00.
CASES = [
    ("twilight", "gray", True, 50.0, 0.8),
    ("cmocean:thermal", "gray", False, 42.0, 1.2),
    ("coolwarm", "magenta", False, 86.0, 1.8),
]


@pytest.mark.parametrize(("name", "color", "cyclic", "flagged", "lost"), CASES)
def test_contours_and_text_are_flagged(
    name: str, color: str, cyclic: bool, flagged: float, lost: float
) -> None:
    stroke_flagged, data_lost = contour_flags(name, _COLORS[color], cyclic)
    assert stroke_flagged >= flagged
    assert data_lost <= lost


# (jet leaves 0.25 % here with or without the chains: its known holes at q50,
# tests/color/test_decolorize_holes.py)
@pytest.mark.parametrize("name", ["viridis", "magma", "twilight", "coolwarm"])
def test_all_data_photograph_keeps_its_pixels(name: str) -> None:
    """Thin data lines (the camera's tripod legs) are not strokes: <= 0.2 % NaN."""
    from skimage import data

    field = data.camera()[::2, ::2] / 255.0
    rng = np.random.default_rng(5)
    field = np.clip(field + rng.uniform(-0.5, 0.5, field.shape) / 255.0, 0.0, 1.0)
    cmap = matplotlib.colormaps[name]
    rgb = np.ascontiguousarray(cmap(field, bytes=True)[..., :3])
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="JPEG", quality=50)  # 4:2:0
    picture = np.asarray(Image.open(buffer))
    decoder = Decolorizer(cmap, cyclic=name == "twilight", vmin=0.0, vmax=1.0)
    assert np.isnan(decoder.values(picture)).mean() <= 0.002

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

from truepix import Decolorizer

matplotlib.use("Agg")

_COLORS = {"gray": (128, 128, 128), "magenta": (200, 30, 120)}


def _colormap(name: str) -> matplotlib.colors.Colormap:
    if ":" in name:
        import cmap

        return cmap.Colormap(name).to_mpl()
    return matplotlib.colormaps[name]


def _field() -> np.ndarray:
    y, x = np.mgrid[0:300, 0:400]
    return 0.5 + 0.45 * np.sin(x / 37 + np.cos(y / 41)) * np.cos(y / 29)


def _figure(cmap: matplotlib.colors.Colormap, color: str | None, *, jpeg: bool) -> np.ndarray:
    import matplotlib.pyplot as plt

    data = _field()
    height, width = data.shape
    figure = plt.figure(figsize=(width / 100, height / 100), dpi=100)
    axes = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    axes.set_axis_off()
    axes.imshow(data, cmap=cmap, vmin=0.0, vmax=1.0, interpolation="nearest", aspect="auto")
    if color is not None:
        rgb = np.array(_COLORS[color]) / 255
        axes.contour(data, levels=[0.25, 0.5, 0.75], colors=[rgb], linewidths=1.0)
        axes.text(30, 60, "T = 25.0 K", color=rgb, fontsize=12)
        axes.text(200, 220, "max 3.2 m/s", color=rgb, fontsize=10)
    buffer = io.BytesIO()
    if jpeg:
        figure.savefig(buffer, format="jpg", pil_kwargs={"quality": 75})
    else:
        figure.savefig(buffer, format="png")
    plt.close(figure)
    return np.asarray(Image.open(buffer).convert("RGB"))


# (map, stroke color, cyclic): stroke pixels flagged at least, data pixels lost at
# most (%). Measured: twilight gray 0.0 / 0.00 -> 54.2 / 0.51, cmocean:thermal gray
# 0.0 / 0.00 -> 46.3 / 0.72, coolwarm magenta 56.4 / 0.28 -> 91.0 / 1.33.
CASES = [
    ("twilight", "gray", True, 50.0, 0.8),
    ("cmocean:thermal", "gray", False, 42.0, 1.0),
    ("coolwarm", "magenta", False, 86.0, 1.8),
]


@pytest.mark.parametrize(("name", "color", "cyclic", "flagged", "lost"), CASES)
def test_contours_and_text_are_flagged(
    name: str, color: str, cyclic: bool, flagged: float, lost: float
) -> None:
    cmap = _colormap(name)
    clean = _figure(cmap, None, jpeg=False).astype(np.float64)
    drawn = _figure(cmap, color, jpeg=False).astype(np.float64)
    moved = np.sqrt(((drawn - clean) ** 2).sum(axis=-1))
    stroke, untouched = moved > 12.0, moved == 0
    decoder = Decolorizer(cmap, cyclic=cyclic, vmin=0.0, vmax=1.0)
    holes = np.isnan(decoder.values(_figure(cmap, color, jpeg=True)))
    assert 100 * holes[stroke].mean() >= flagged
    assert 100 * holes[untouched].mean() <= lost


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

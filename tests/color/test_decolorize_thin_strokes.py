"""Thin strokes on JPEG'd figures: which kinds the default call flags, and which not yet.

A figure as matplotlib draws it (``benchmarks/_drawn_annotations.py``, smaller): an
axes-filling ``imshow`` of a smooth field with ``contour`` lines and a label in one
color, saved by ``savefig`` as JPEG q75 (Pillow, 4:2:0). A stroke pixel is one the
annotation moved by more than 12 DN; a data pixel one it left alone.

Issue 11 asks for 95 % of stroke pixels flagged on JPEG q75. Strokes whose color
JPEG's 4:2:0 model explains are not met yet: a one-pixel line keeps its luma, which
some map color shares (gray on twilight's blue and orange, white on twilight's light
ends, magenta on magma's pinks), and 4:2:0 averages its chroma with the field's, the
only evidence left: the stroke pixels' median distance to JPEG's model is 8-26 DN,
under the 30 DN a core needs (``_jpeg.JPEG_MODEL_STRONG``). Those cases are strict
xfails: one that starts passing fails here until it leaves the list.
"""

from __future__ import annotations

import functools
import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

from truepix import Decolorizer

matplotlib.use("Agg")

_COLORS = {"white": (255, 255, 255), "black": (0, 0, 0), "gray": (128, 128, 128),
           "magenta": (200, 30, 120)}  # fmt: skip
_MOVED = 12.0

#: Kinds not yet at 95 % (flagged %, this file's pictures, 2026-12-02): twilight gray 0.0,
#: white 37.5; magma magenta 0.0; cmocean:thermal gray 0.0; coolwarm magenta 35.3, white
#: 73.3; turbo black 74.4. Passing: coolwarm black 99.5, viridis white 99.0, magenta 99.0.
_SHORT = {  # why: stroke pixels' median residual / model distance, DN (the benchmark figure)
    ("twilight", "gray"): "same luma as twilight's blue and orange; residual 32, model 14",
    ("twilight", "white"): "1-px white on twilight's light ends; residual 35, model 10",
    ("magma", "magenta"): "30 DN from magma's pinks; residual 13, model 8",
    ("cmocean:thermal", "gray"): "residual 24, model 15: no core past the threshold",
    ("coolwarm", "magenta"): "residual 64 but model 26, under the 30 DN a core needs",
    ("coolwarm", "white"): "white over coolwarm's light middle; residual 31, model 18",
    ("turbo", "black"): "antialiased fringe over turbo's dark ends; residual 68, model 25",
}


def _colormap(name: str) -> matplotlib.colors.Colormap:
    if ":" in name:
        import cmap

        return cmap.Colormap(name).to_mpl()
    return matplotlib.colormaps[name]


def _figure(name: str, color: str | None, *, jpeg: bool) -> np.ndarray:
    import matplotlib.pyplot as plt

    y, x = np.mgrid[0:150, 0:200]
    data = 0.5 + 0.45 * np.sin(x / 19 + np.cos(y / 21)) * np.cos(y / 15)
    figure = plt.figure(figsize=(2.0, 1.5), dpi=100)
    axes = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    axes.set_axis_off()
    axes.imshow(data, cmap=_colormap(name), vmin=0.0, vmax=1.0, interpolation="nearest",
                aspect="auto")  # fmt: skip
    if color is not None:
        rgb = np.array(_COLORS[color]) / 255
        axes.contour(data, levels=[0.25, 0.5, 0.75], colors=[rgb], linewidths=1.0)
        axes.text(15, 30, "T = 25 K", color=rgb, fontsize=10)
    buffer = io.BytesIO()
    if jpeg:
        figure.savefig(buffer, format="jpg", pil_kwargs={"quality": 75})
    else:
        figure.savefig(buffer, format="png")
    plt.close(figure)
    return np.asarray(Image.open(buffer).convert("RGB"))


@functools.cache
def _flagged(name: str, color: str) -> tuple[float, float]:
    """Stroke pixels flagged and data pixels lost (NaN), %, on the JPEG q75 figure."""
    clean = _figure(name, None, jpeg=False).astype(float)
    drawn = _figure(name, color, jpeg=False).astype(float)
    moved = np.sqrt(((drawn - clean) ** 2).sum(axis=-1))
    stroke, data = moved > _MOVED, moved == 0
    decoder = Decolorizer(_colormap(name), cyclic=name == "twilight", vmin=0.0, vmax=1.0)
    lost = np.isnan(decoder.values(_figure(name, color, jpeg=True)))
    return 100 * lost[stroke].mean(), 100 * lost[data].mean()


def _case(name: str, color: str) -> object:
    if (name, color) in _SHORT:
        marks = pytest.mark.xfail(strict=True, reason=_SHORT[name, color])
        return pytest.param(name, color, marks=marks, id=f"{name}-{color}")
    return pytest.param(name, color, id=f"{name}-{color}")


@pytest.mark.parametrize(
    ("name", "color"),
    [_case("coolwarm", "black"), _case("viridis", "white"), _case("viridis", "magenta"),
     *(_case(*key) for key in _SHORT)],  # fmt: skip
)
def test_jpeg_thin_strokes_are_flagged(name: str, color: str) -> None:
    flagged, lost = _flagged(name, color)
    assert lost < 15.0, f"expected < 15 % of data pixels lost, got {lost:.1f} %"
    assert flagged >= 95.0, f"expected >= 95 % of stroke pixels flagged, got {flagged:.1f} %"

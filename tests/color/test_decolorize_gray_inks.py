"""White and light gray contours and text over a diverging map, saved by matplotlib as JPEG.

A new user's figure (issue 11, Deliver 1): ``imshow`` of a smooth field with a diverging
map (RdBu_r, PiYG, BrBG, RdYlBu), ``contour`` lines and ``text`` in white or light gray,
``savefig`` JPEG q75. These maps' light middle lies within 15-35 DN of white, so a white
stroke's pixels are map colors: crossing the red half of RdBu_r a contour reads red ->
white -> red, what the field around does not predict. Only where the field itself is near
the ink's position on the map is a stroke truly indistinguishable, and there its value is
nearly right anyway; so the stroke pixels counted are those whose field lies more than
FAR of the range from the ink's map position. Before ``_gray_inks`` (white, flagged there
/ silently wrong, %): RdBu_r 63.9 / 13.5, PiYG 36.3 / 34.1, BrBG 60.5 / 13.6, RdYlBu
47.9 / 18.5; data lost 0.00 %.
The oracle for the stroke's pixels: the same figure drawn without the strokes (PNG).
"""

from __future__ import annotations


import matplotlib as mpl
import numpy as np
import pytest
from scipy.spatial import cKDTree

from tests.color._photographs import photo_jpeg, saved_rgb
from truepix.color._decolorize._api import decolorize

mpl.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

HEIGHT, WIDTH = 240, 320
FAR = 0.1
#: A stroke pixel more than this (share of the range) from its field is silently wrong.
SILENT = 0.05
_INKS = {"white": (255, 255, 255), "light gray": (191, 191, 191)}


def _field() -> np.ndarray:
    y, x = np.mgrid[0:HEIGHT, 0:WIDTH]
    return 0.5 + 0.45 * np.sin(x / 37 + np.cos(y / 41)) * np.cos(y / 29)


def _figure(cmap: str, ink: str | None, quality: int | None) -> np.ndarray:
    """The field drawn with ``cmap``; contours at 0.25, 0.5, 0.75 and two labels in
    ``ink`` unless None; PNG (``quality`` None) or JPEG."""
    fig = plt.figure(figsize=(WIDTH / 100, HEIGHT / 100), dpi=100)
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_axis_off()
    ax.imshow(_field(), cmap=cmap, vmin=0, vmax=1, interpolation="nearest", aspect="auto")
    if ink is not None:
        rgb = np.array(_INKS[ink]) / 255
        ax.contour(_field(), levels=[0.25, 0.5, 0.75], colors=[rgb], linewidths=1.0)
        ax.text(20, 50, "T = 25.0 K", color=rgb, fontsize=12)
        ax.text(150, 180, "max 3.2 m/s", color=rgb, fontsize=10)
    return saved_rgb(fig, jpeg=quality is not None, dpi=100, quality=quality or 75)


def _scores(cmap: str, ink: str) -> tuple[float, float, float]:
    """Stroke pixels (moved 12 DN or more) flagged where their field is FAR from the ink's
    map position, stroke pixels silently wrong, and data pixels (untouched) lost."""
    clean = _figure(cmap, None, None).astype(float)
    moved = np.sqrt(((_figure(cmap, ink, None) - clean) ** 2).sum(-1))
    stroke, untouched = moved > 12, moved == 0
    table = mpl.colormaps[cmap](np.arange(256), bytes=True)[:, :3].astype(float)
    index = cKDTree(table).query(_INKS[ink])[1]
    far = np.abs(_field() - (index + 0.5) / 256) > FAR
    values = decolorize(_figure(cmap, ink, 75), cmap=cmap, vmin=0, vmax=1)
    lost = np.isnan(values)
    wrong = ~lost & (np.abs(values - _field()) > SILENT)
    return lost[stroke & far].mean(), wrong[stroke].mean(), lost[untouched].mean()


#: measured with _fringes after this rule (flagged where far / silently wrong / data lost,
#: %): RdBu_r 93.4 / 1.5 / 0.59, PiYG 93.9 / 1.7 / 0.76, BrBG 92.4 / 1.8 / 0.67, RdYlBu
#: 93.2 / 0.6 / 0.53 (without _fringes 87.7-91.6 / 0.8-2.8 / 0.21-0.48; the data lost:
#: pixels next to the strokes, blurred toward them by JPEG). Not yet the 95 % of issue 11:
#: what is left are the faintest fringes, which decode within SILENT mostly.
@pytest.mark.parametrize("cmap", ["RdBu_r", "PiYG", "BrBG", "RdYlBu"])
def test_white_strokes_over_a_diverging_map_flagged(cmap):
    flagged, wrong, lost = _scores(cmap, "white")
    assert flagged >= 0.90
    assert wrong <= 0.025
    assert lost <= 0.009


@pytest.mark.parametrize("cmap", ["RdBu_r", "PiYG", "BrBG", "RdYlBu"])
@pytest.mark.parametrize("quality", [90, 75, 50])
def test_same_figures_without_strokes_keep_their_data(cmap, quality):
    values = decolorize(_figure(cmap, None, quality), cmap=cmap, vmin=0, vmax=1)
    assert np.isnan(values).mean() <= 0.002


@pytest.mark.parametrize("cmap", ["PiYG", "BrBG", "RdYlBu"])
@pytest.mark.parametrize("name", ["coffee", "camera"])
def test_textured_photograph_keeps_its_data(cmap, name):
    """Texture's luma and positions jump everywhere, 4.7-17 % of a JPEG'd photograph's
    pixels (``_gray_inks.GRAY_CORES_MAX``), strokes' 0.1-1.5 %."""
    picture = photo_jpeg(name, cmap)
    assert np.isnan(decolorize(picture, cmap=cmap, vmin=0, vmax=1)).mean() <= 0.002

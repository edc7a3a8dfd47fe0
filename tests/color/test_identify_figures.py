"""identify_colormap on whole matplotlib figures: white paper, black text and axes.

A figure's neutral pixels (paper, text, axes, ticks) are no map's colors; at the full
cap they cost every map alike except the maps holding grays, which won (``gray`` for
viridis, ``RdGy`` for coolwarm). The oracle is the map matplotlib drew with.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from PIL import Image

import truepix as tp
from tests._needs import need
from truepix.color._identify._nearest import (
    NEUTRAL_CAP, color_caps, nearest_color_cost, nearest_color_cost_numpy,
)  # fmt: skip

matplotlib.use("Agg")


def _field(n: int = 48) -> np.ndarray:
    y, x = np.mgrid[0:n, 0:n] / (n - 1)
    return np.sin(3 * x) * np.cos(2 * y) + x


def _figure(cmap: str, how: str, bar: bool, fmt: str) -> np.ndarray:
    """A small figure (title, ticks, maybe a colorbar) saved by matplotlib, read back as RGB."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(3, 2.4), dpi=80)
    field = _field()
    drawn = ax.imshow(field, cmap=cmap) if how == "imshow" else ax.pcolormesh(field, cmap=cmap)
    if bar:
        fig.colorbar(drawn, ax=ax)
    ax.set_title(cmap)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    picture = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    if fmt == "jpeg":
        buffer = io.BytesIO()
        picture.save(buffer, format="JPEG", quality=75)
        picture = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    return np.asarray(picture)


def _right(match: tp.ColormapMatch, name: str) -> bool:
    return match.name == name or name in match.aliases


# (map, how, colorbar, format): each of these was named wrong before neutral colors were
# capped (gray, Greys, CMRmap, hot, RdGy, tol:WhOrBr, colorcet:CET_L17, ...)
FIGURES = [
    ("viridis", "imshow", True, "png"),
    ("viridis", "pcolormesh", False, "jpeg"),
    ("plasma", "pcolormesh", True, "png"),
    ("magma", "imshow", False, "png"),
    ("inferno", "imshow", True, "jpeg"),
    ("jet", "imshow", True, "png"),
    ("jet", "pcolormesh", False, "jpeg"),
    ("turbo", "imshow", False, "jpeg"),
    ("coolwarm", "imshow", True, "png"),
    ("coolwarm", "pcolormesh", True, "jpeg"),
    ("Spectral", "pcolormesh", False, "png"),
    ("twilight", "imshow", True, "jpeg"),
    ("copper", "pcolormesh", True, "png"),
    ("RdBu", "imshow", True, "jpeg"),
    ("YlOrRd", "imshow", False, "png"),
]


@pytest.mark.parametrize(("cmap", "how", "bar", "fmt"), FIGURES)
def test_whole_figure_names_its_map(cmap: str, how: str, bar: bool, fmt: str) -> None:
    best = tp.identify_colormap(_figure(cmap, how, bar, fmt))[0]
    assert _right(best, cmap), (best.name, best.score)


#: gray ramps no picture tells apart (the same colors, one reversed or of another gamma)
_GRAY_TWINS = {"gray", "Greys", "binary"}


@pytest.mark.parametrize("cmap", ["gray", "Greys", "binary", "RdBu", "seismic"])
def test_figures_of_maps_holding_neutral_colors(cmap: str) -> None:
    # gray figures are all neutral: judged at the full cap, still gray (or its twin)
    best = tp.identify_colormap(_figure(cmap, "imshow", True, "png"))[0]
    assert _right(best, cmap) or {cmap, best.name} <= _GRAY_TWINS, best.name


def _picture(cmap: str) -> np.ndarray:
    y, x = np.mgrid[0:96, 0:96] / 95
    field = (np.sin(4 * x) * np.cos(3 * y) + 1) / 2
    return matplotlib.colormaps[cmap](field, bytes=True)[..., :3]


@pytest.mark.parametrize("cmap", ["gray", "binary", "Greys", "RdBu", "coolwarm", "seismic"])
@pytest.mark.parametrize("border", [False, True])
def test_plain_pictures_keep_their_map(cmap: str, border: bool) -> None:
    picture = _picture(cmap)
    if border:  # white paper around it
        picture = np.pad(picture, ((20, 20), (20, 20), (0, 0)), constant_values=255)
    best = tp.identify_colormap(picture)[0]
    assert _right(best, cmap) or {cmap, best.name} <= _GRAY_TWINS, best.name


def test_color_caps_only_on_a_mostly_colored_picture() -> None:
    colors = np.array([[255, 255, 255], [20, 40, 44], [20, 45, 44], [68, 1, 84]])
    caps = color_caps(colors, np.array([6.0, 1.0, 1.0, 3.0]), 40.0)  # colored: 4 of 11
    # within 24 DN: neutral; 25 apart: a color
    assert caps.tolist() == [NEUTRAL_CAP, NEUTRAL_CAP, 40.0, 40.0]
    # colored 4 of 17, under a quarter: a gray picture, every color at the full cap
    assert color_caps(colors, np.array([12.0, 1.0, 1.0, 3.0]), 40.0).tolist() == [40.0] * 4


def test_per_color_caps_match_the_numpy_oracle() -> None:
    rng = np.random.default_rng(7)
    colors = rng.integers(0, 256, size=(300, 3))
    weights = rng.integers(1, 50, size=300).astype(np.float64)
    luts = rng.integers(0, 256, size=(5, 64, 3)).astype(np.int32)
    caps = rng.choice([5.0, 40.0], size=300)
    np.testing.assert_allclose(
        nearest_color_cost(colors, weights, luts, caps),
        nearest_color_cost_numpy(colors, weights, luts, caps),
        rtol=1e-6,
    )


@pytest.mark.parametrize("cmap", ["viridis", "coolwarm"])
def test_read_figure_without_a_colorbar_names_the_map_around_white_gaps(cmap: str) -> None:
    # NaN columns leave the paper showing through a third of the plot area: the plot's
    # own colors name the map (before the neutral cap: gray, under read_figure's 0.8 gate)
    import matplotlib.pyplot as plt

    field = _field()
    field[:, np.arange(48) % 16 < 5] = np.nan
    fig, ax = plt.subplots(figsize=(3, 2.4), dpi=80)
    ax.pcolormesh(field, cmap=cmap)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    picture = np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))
    assert tp.read_figure(picture).panels[0].cmap == cmap


@pytest.mark.parametrize("cmap", ["RdBu_r", "coolwarm", "seismic", "plasma", "viridis_r"])
@pytest.mark.parametrize("fmt", ["png", "jpeg"])
def test_a_figure_with_a_colorbar_is_named_from_its_bar_with_its_direction(cmap, fmt) -> None:
    # the bar holds the map's colors in order: the name from it, the direction known
    # (a picture alone cannot tell jet(x) from jet_r(1 - x))
    best = tp.identify_colormap(_figure(cmap, "imshow", True, fmt))[0]
    name, reversed_ = (cmap[:-2], True) if cmap.endswith("_r") else (cmap, False)
    assert _right(best, name), (best.name, best.score)
    assert best.direction_known and best.reversed is reversed_


@pytest.mark.parametrize("border", [False, True])
def test_a_picture_without_a_bar_keeps_its_direction_unknown(border: bool) -> None:
    picture = _picture("plasma")
    if border:  # a figure's paper around it, but no bar
        picture = np.pad(picture, ((20, 20), (20, 20), (0, 0)), constant_values=255)
    best = tp.identify_colormap(picture)[0]
    assert _right(best, "plasma") and not best.direction_known


_REAL = Path(__file__).resolve().parents[2].parent / "shared" / "real_figures"


# Published figures (trial 44): ranked by their pixels alone, paper, text and the maps'
# light middles named a gray map (RdGy for RdBu_r, gray for coolwarm, Greys for plasma)
@pytest.mark.parametrize(
    ("name", "cmap", "reversed_"),
    [
        ("mpl_constrained_layout4", "RdBu", True),
        ("mpl_constrained_layout5", "RdBu", True),
        ("mpl_surface3d", "coolwarm", False),
        ("pdsh2_scatter_plasma6", "plasma", False),
        ("mpl_streamplot_colormap", "autumn", False),
    ],
)
def test_published_figures_are_named_from_their_bars(name, cmap, reversed_) -> None:
    path = _REAL / f"{name}.png"
    if not path.is_file():
        need(f"the real figures are not at {_REAL}", how="they are checked out beside the repository")
    best = tp.identify_colormap(np.asarray(Image.open(path).convert("RGB")))[0]
    assert _right(best, cmap) and best.reversed is reversed_, (best.name, best.reversed)

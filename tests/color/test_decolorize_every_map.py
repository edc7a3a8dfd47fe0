"""Every continuous catalog map (and the discrete ones of matplotlib and MATLAB), drawn
by matplotlib three ways, decodes at the floor.

One small picture per map and way: ``plt.imsave`` read back by ``plt.imread``
(truncated table bytes, float32), and the data area of ``pcolormesh`` and
``imshow`` figures saved with ``savefig`` (Agg paints a mesh's faces with rounded
table bytes, an image with truncated ones). Each
pixel must come back in its own bin -- or, where several table entries share
its color, in the middle of their run of bins, or of the union of their bins
where they are runs apart (the shortest arc on a cyclic map), flagged ambiguous.
"""

from __future__ import annotations

import functools
import io
from typing import Any

import matplotlib
import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

from truepix.color._catalog import get, names
from truepix.color._decolorize._api import Decolorizer

matplotlib.use("Agg")

SIDE = 16  # cells per side: 256 values, one in each 1/256 of the range
CELL = 4  # pixels per cell in the figures

# opaque maps: a translucent one (vispy:RdYeBuCy) is drawn blended with the figure
CONTINUOUS = [
    name
    for name in names()
    if not (get(name).discrete or get(name).indexed) and np.all(get(name).lut[:, 3] == 1)
]


# sets of distinct colors: matplotlib's own and MATLAB's (lines repeats seven
# colors over its 64 entries: every color is shared, and flagged)
DISCRETE = [
    name
    for name in names()
    if get(name).discrete and not name.endswith("_r") and (":" not in name or "matlab:" in name)
]


def _colormap(name: str) -> mcolors.Colormap:
    """The matplotlib colormap a user draws with: matplotlib's own, else the table
    (what ``cmap.Colormap(name).to_mpl()`` gives; MATLAB's as a listed map)."""
    if name in matplotlib.colormaps:
        return matplotlib.colormaps[name]
    return mcolors.ListedColormap(get(name).lut, name=name)


def _saved(fig: Figure) -> np.ndarray:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    buffer.seek(0)
    return plt.imread(buffer)


@functools.cache
def _canvas(data_bytes: bytes) -> tuple[Figure, Any, Any]:
    """One figure that is all data area, ``pcolormesh`` and ``imshow`` of the data side by
    side, drawn again for each map by changing the artists' colormap: building two axes
    took two thirds of this module's time, and the data and layout are every map's."""
    data = np.frombuffer(data_bytes).reshape(SIDE, SIDE)
    side = SIDE * CELL / 100
    fig = Figure(figsize=(2 * side, side), dpi=100)
    mesh, image = fig.add_axes((0, 0, 0.5, 1)), fig.add_axes((0.5, 0, 0.5, 1))
    drawn_mesh = mesh.pcolormesh(data, cmap="gray", vmin=0, vmax=1)
    drawn_image = image.imshow(
        data, cmap="gray", vmin=0, vmax=1, interpolation="nearest",
        extent=(0, SIDE, SIDE, 0), aspect="auto",
    )  # fmt: skip
    for ax in (mesh, image):
        ax.set_axis_off()
        ax.set_xlim(0, SIDE)
        ax.set_ylim(SIDE, 0)
    return fig, drawn_mesh, drawn_image


def _figures(data: np.ndarray, colormap: mcolors.Colormap) -> tuple[np.ndarray, np.ndarray]:
    """The cell centers of ``pcolormesh`` and ``imshow`` drawn side by side in one
    figure that is all data area, as savefig + plt.imread give them."""
    fig, mesh, image = _canvas(np.ascontiguousarray(data, dtype=np.float64).tobytes())
    mesh.set_cmap(colormap)
    image.set_cmap(colormap)
    picture = _saved(fig)
    centers = np.arange(CELL // 2, SIDE * CELL, CELL)
    return picture[np.ix_(centers, centers)], picture[np.ix_(centers, centers + SIDE * CELL)]


def _pictures(name: str, data: np.ndarray) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Picture and the 8-bit table it was painted with, per way of drawing."""
    colormap = _colormap(name)
    buffer = io.BytesIO()
    plt.imsave(buffer, data, cmap=colormap, vmin=0, vmax=1, format="png")
    buffer.seek(0)
    lut = get(name).lut[:, :3]
    truncated = (lut * 255).astype(np.uint8)
    rounded = np.floor(lut * 255 + 0.5).astype(np.uint8)  # Agg's rgba8: half up
    mesh, shown = _figures(data, colormap)
    return {
        "imsave+imread": (plt.imread(buffer), truncated),
        "pcolormesh+savefig": (mesh, rounded),
        "imshow+savefig": (shown, truncated),  # images are colored as cmap(x, bytes=True)
    }


def _entries(picture: np.ndarray, table: np.ndarray) -> np.ndarray:
    """(P, N) bool: the table entries painted with each pixel's color."""
    pixels = np.round(picture[..., :3] * 255).astype(np.uint8).reshape(-1, 1, 3)
    same = np.all(pixels == table[None], axis=-1)
    assert same.any(axis=1).all(), "a pixel of no table color"
    return same


def _at_union_middle(same: np.ndarray, position: np.ndarray, *, cyclic: bool) -> np.ndarray:
    """(P,) bool: the position (bins) is the middle of the smallest interval (cyclic:
    any shortest arc) of bins holding every entry of the pixel's color."""
    n_bins = same.shape[1]
    found = np.zeros(len(same), dtype=bool)
    for p, row in enumerate(same):
        entries = np.flatnonzero(row)
        starts = entries if cyclic else entries[:1]
        lengths = (entries[None, :] - starts[:, None]) % n_bins if cyclic else entries - starts
        lengths = lengths.max(axis=-1) + 1
        middles = (starts + lengths / 2.0)[lengths == lengths.min()]
        apart = np.abs(position[p] - middles) % n_bins
        found[p] = np.any(np.minimum(apart, n_bins - apart) <= 1e-5 * n_bins)
    return found


@pytest.mark.slow
@pytest.mark.parametrize("name", CONTINUOUS + DISCRETE)
def test_every_map_decodes_at_the_floor(name: str) -> None:
    rng = np.random.default_rng(61)
    data = ((np.arange(SIDE * SIDE) + rng.random(SIDE * SIDE)) / SIDE**2).reshape(SIDE, SIDE)
    decoder = Decolorizer(name, vmin=0, vmax=1)
    n_bins = get(name).n_colors
    index = np.arange(n_bins)
    bins = np.minimum(np.floor(data * n_bins), n_bins - 1).astype(int).ravel()
    for how, (picture, table) in _pictures(name, data).items():
        result = decoder.decode(picture)
        same = _entries(picture, table)
        assert same[np.arange(len(bins)), bins].all(), f"{how}: the picture is not the map's"
        # in the bins of its color: its own bin when no other entry has that color
        position = result.values.ravel() * n_bins
        entry = np.minimum(np.floor(position), n_bins - 1).astype(int) % n_bins
        inside = same[np.arange(len(bins)), entry]
        # entries k..m sharing a color: the middle of their bins, half the run away
        low = np.where(same, index, n_bins).min(axis=1)
        high = np.where(same, index, -1).max(axis=1)
        one_run = same.sum(axis=1) == high - low + 1
        middle = np.abs(position - (low + high + 1) / 2) <= 1e-5 * n_bins
        assert np.all(middle | ~one_run), f"{how}: not in the middle of the shared bins"
        shared = same.sum(axis=1) > 1
        # runs apart (flag's black): the middle of their union, which may be painted
        # otherwise
        apart = shared & ~one_run
        if apart.any():
            union = _at_union_middle(same[apart], position[apart], cyclic=get(name).cyclic)
            inside[apart] |= union
        assert inside.all(), f"{how}: {np.count_nonzero(~inside)} pixels outside their bins"
        flagged = result.ambiguous.ravel() | ~shared
        assert flagged.all(), f"{how}: {np.count_nonzero(~flagged)} shared colors not flagged"

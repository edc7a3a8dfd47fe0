"""Exact pictures whose float colors were rounded to bytes the way common writers round.

``cmap(x, bytes=True)`` truncates, Agg rounds figure faces half up, and ``np.round``,
``skimage.util.img_as_ubyte`` and OpenCV round half to even (OpenCV's
``convertScaleAbs`` in float32): for maps with channels at exactly k + 0.5 DN (jet,
bone, winter ...) that is a table of its own (``benchmarks/round3/README.md``). Each
writer is called, not emulated; the truth is numpy's (each pixel's bin, the writer's
own table), compared with a k-d tree over that table.
"""

from __future__ import annotations

import os
import tempfile

import matplotlib as mpl
import numpy as np
import pytest
from matplotlib.colors import ListedColormap, Normalize
from scipy.spatial import cKDTree

import truepix as tp
from truepix.color._catalog import resolve

N_BINS = 256


def _colors(table: np.ndarray) -> set[tuple[float, ...]]:
    return set(map(tuple, table.tolist()))


def _half_even_maps() -> list[str]:
    """Continuous catalog maps whose ``np.round`` table holds colors that their truncated
    table lacks and colors that their half-up one lacks (numpy's own arithmetic, not
    truepix's tables). (Where its colors are all the half-up table's, at other entries --
    vispy:light_blues, a pale ramp of sub-DN steps -- no picture tells which it is.)"""
    found = []
    for name in tp.colormaps():
        entry = resolve(name)
        if entry.discrete or entry.n_colors != N_BINS:
            continue
        dn = entry.lut[:, :3] * 255.0
        even = _colors(np.round(dn))
        if even - _colors(np.floor(dn)) and even - _colors(np.floor(dn + 0.5)):
            found.append(name)
    return found


HALF_EVEN_MAPS = _half_even_maps()


def _cv2_imwrite(rgba: np.ndarray) -> np.ndarray:
    """``cv2.imwrite`` of float DN (it casts to 8 bits itself), read back as RGB."""
    cv2 = pytest.importorskip("cv2")
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "picture.png")
        assert cv2.imwrite(path, np.ascontiguousarray(rgba[..., 2::-1] * 255.0))
        return cv2.imread(path)[..., ::-1]


def _img_as_ubyte(rgba: np.ndarray) -> np.ndarray:
    from skimage.util import img_as_ubyte

    return img_as_ubyte(rgba)


def _img_as_ubyte_f32(rgba: np.ndarray) -> np.ndarray:
    from skimage.util import img_as_ubyte

    return img_as_ubyte(rgba.astype(np.float32))


def _convert_scale_abs(rgba: np.ndarray) -> np.ndarray:
    cv2 = pytest.importorskip("cv2")
    return cv2.convertScaleAbs(rgba, alpha=255)


WRITERS = {
    "np.round": lambda rgba: np.round(rgba * 255).astype(np.uint8),
    "np.rint": lambda rgba: np.rint(rgba * 255).astype(np.uint8),
    "img_as_ubyte": _img_as_ubyte,
    "img_as_ubyte float32": _img_as_ubyte_f32,
    "cv2.convertScaleAbs": _convert_scale_abs,
    "cv2.imwrite": _cv2_imwrite,
}


def _field(rng: np.random.Generator) -> np.ndarray:
    """A smooth seeded field in [0, 1), (48, 256), its first row every bin's centre."""
    y, x = np.mgrid[0:47, 0:N_BINS] / 40.0
    phase = rng.uniform(0, 2 * np.pi, 4)
    wave = np.sin(1.3 * x + phase[0]) * np.cos(0.9 * y + phase[1]) + np.sin(
        0.4 * x + 0.7 * y + phase[2]) + 0.3 * np.sin(3.1 * y + phase[3])  # fmt: skip
    wave = (wave - wave.min()) / (wave.max() - wave.min()) * (1 - 1e-9)
    centres = (np.arange(N_BINS) + 0.5) / N_BINS
    return np.vstack([centres[None], wave])


def _bins_of_colors(table: np.ndarray) -> dict[tuple[int, ...], tuple[int, int]]:
    """For each color of the writer's (N, 3) table, the first and last entries holding it."""
    spans: dict[tuple[int, ...], tuple[int, int]] = {}
    for index, color in enumerate(map(tuple, table.tolist())):
        low, _ = spans.get(color, (index, index))
        spans[color] = (low, index)
    return spans


@pytest.mark.parametrize("name", HALF_EVEN_MAPS)
def test_half_even_pictures_decode_in_their_bins(name: str) -> None:
    assert len(HALF_EVEN_MAPS) >= 11  # matplotlib's 11 maps and their reverses at least
    cmap = ListedColormap(resolve(name).lut)  # the map's floats, as cmap(norm(x)) gives them
    field = _field(np.random.default_rng(sum(map(ord, name))))
    bins = np.minimum(np.floor(field * N_BINS), N_BINS - 1).astype(int)
    for writer, write in WRITERS.items():
        picture = np.asarray(write(cmap(field)))[..., :3]
        # the writer's own table (its truth): the same call on the table's colors
        table = np.asarray(write(cmap((np.arange(N_BINS) + 0.5)[None] / N_BINS)))[0, :, :3]
        assert np.array_equal(picture, table[bins]), writer
        values = tp.decolorize(picture, cmap=name, vmin=0, vmax=1)
        assert not np.isnan(values).any(), writer
        spans = _bins_of_colors(table)
        low, high = np.array([spans[tuple(c)] for c in table.tolist()]).T
        # each pixel within the bins of the entries its color stands for (one bin alone)
        inside = (values >= low[bins] / N_BINS) & (values <= (high[bins] + 1) / N_BINS)
        assert inside.all(), (writer, float(inside.mean()))
        # a unique color: the k-d tree over the writer's table says the same bin's centre
        nearest = cKDTree(table.astype(float)).query(picture.reshape(-1, 3).astype(float))[1]
        unique = (low == high)[bins].reshape(-1)
        kd_values = (nearest + 0.5) / N_BINS
        assert np.allclose(values.reshape(-1)[unique], kd_values[unique], atol=1e-12), writer


#: matplotlib's maps with channels at exactly k + 0.5 DN.
MATPLOTLIB_HALVES = [
    "jet", "winter", "summer", "rainbow", "afmhot", "gist_heat", "ocean", "terrain", "bone",
    "seismic", "CMRmap",
]  # fmt: skip


@pytest.mark.parametrize("name", MATPLOTLIB_HALVES)
def test_counts_rounded_by_numpy_come_back_exact(name: str) -> None:
    """Integer counts, ``Normalize(0, 255)``, ``np.round`` to bytes (what imageio and
    skimage.io users write): with ``step=1`` every count whose color the table holds once
    comes back exact (winter, summer, rainbow, ocean, bone failed when read as the half-up
    table), the others (jet's shared blues) within their colors' counts."""
    rng = np.random.default_rng(11)
    counts = np.vstack([np.arange(256)[None], rng.integers(0, 256, (63, 256))])
    cmap = mpl.colormaps[name]
    picture = np.round(cmap(Normalize(0, 255)(counts)) * 255).astype(np.uint8)
    values = tp.decolorize(picture, cmap=name, vmin=0, vmax=255, step=1)
    table = np.round(cmap(Normalize(0, 255)(np.arange(256)))[:, :3] * 255).astype(np.uint8)
    spans = _bins_of_colors(table)
    low, high = np.array([spans[tuple(c)] for c in table.tolist()]).T
    unique = (low == high)[counts]
    assert unique.mean() > 0.95
    assert np.array_equal(values[unique], counts[unique])
    assert np.all((values >= low[counts]) & (values <= high[counts]))


def test_identify_names_maps_rounded_by_numpy() -> None:
    rng = np.random.default_rng(12)
    for name in MATPLOTLIB_HALVES:
        picture = np.round(mpl.colormaps[name](rng.random((64, 96))) * 255).astype(np.uint8)
        assert tp.identify_colormap(picture)[0].name == name

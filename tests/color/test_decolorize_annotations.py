"""Annotations drawn by matplotlib onto a colormapped picture stay off the map.

The picture is a photograph (scikit-image's camera: sharp texture) drawn with a
colormap, pasted pixel for pixel into a figure (``figimage``, under the axes) and
annotated the way figures are: antialiased text and lines in black, white and gray,
a white label box with a black edge and a coastline in a color the map lacks. An
annotation's pixels are those it changes by 10 DN or more into a color at least
6 DN from every table color (fainter antialiasing is indistinguishable from the
map); each kind is drawn alone once more to know its pixels.
"""

from __future__ import annotations

import functools

import matplotlib
import numpy as np
import pytest
from PIL import Image
from scipy.spatial import cKDTree

from tests.color._photographs import pillow_jpeg, saved_rgb
from truepix.color._decolorize._api import decolorize

matplotlib.use("Agg")

KINDS = ("black text", "white text", "gray text", "black line", "white line", "gray line",
         "white box", "magenta coastline")  # fmt: skip
_COLORS = {"black": "black", "white": "white", "gray": "0.5"}


def _render(rgb: np.ndarray, kinds: tuple[str, ...]) -> np.ndarray:
    import matplotlib.pyplot as plt

    height, width = rgb.shape[:2]
    figure = plt.figure(figsize=(width / 100, height / 100), dpi=100)
    figure.figimage(rgb, 0, 0, zorder=-1)  # under the axes: the axes draw after it
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, width)
    axes.set_ylim(0, height)
    axes.axis("off")
    rng = np.random.default_rng(3)
    for k, name in enumerate(["black", "white", "gray", "black", "white", "gray"]):
        where = rng.uniform(0.05, 0.7, 2)
        xs, ys = rng.uniform(0, width, 3), rng.uniform(0, height, 3)
        if f"{name} text" in kinds:
            figure.text(*where, "T = 25.0 K", color=_COLORS[name], fontsize=8 + k)
        if f"{name} line" in kinds:
            axes.plot(xs, ys, color=_COLORS[name], lw=0.6 + k / 4)
    if "white box" in kinds:
        box = plt.Rectangle((0.6 * width, 0.05 * height), 0.3 * width, 0.12 * height,
                            facecolor="white", edgecolor="black", lw=1)  # fmt: skip
        axes.add_patch(box)
        axes.text(0.62 * width, 0.09 * height, "label 12", fontsize=9, color="black")
    if "magenta coastline" in kinds:
        t = np.linspace(0, 2 * np.pi, 400)
        radius = 0.3 + 0.05 * np.sin(7 * t) + 0.03 * np.cos(13 * t)
        axes.plot(width * (0.5 + radius * np.cos(t)), height * (0.5 + radius * np.sin(t)),
                  color="magenta", lw=1.0)  # fmt: skip
    return saved_rgb(figure, dpi=100)


@functools.cache
def _annotated(name: str) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """(picture, map pixels, annotation pixels per kind) of the annotated camera."""
    from skimage import data

    cmap = matplotlib.colormaps[name]
    rgb = np.ascontiguousarray(cmap(data.camera()[::2, ::2] / 255.0, bytes=True)[..., :3])
    clean, picture = _render(rgb, ()), _render(rgb, KINDS)
    is_map = np.all(picture == clean, axis=-1) & np.all(clean == rgb, axis=-1)
    tree = cKDTree(cmap(np.arange(cmap.N), bytes=True)[:, :3].astype(float))
    off_table = tree.query(picture.reshape(-1, 3).astype(float))[0].reshape(is_map.shape) > 6
    changed = np.abs(picture.astype(int) - rgb).max(axis=-1) >= 10
    annotation = ~is_map & changed & off_table
    kinds = {}
    for kind in KINDS:
        alone = np.abs(_render(rgb, (kind,)).astype(int) - clean).max(axis=-1) >= 10
        kinds[kind] = alone & annotation
    return picture, is_map, kinds


# measured with this very test: every kind >= 99.6 % flagged on PNG but coolwarm's
# white text (98.4 %: coolwarm's light end is near white). Gray strokes on jet were
# 88 % (text) / 81 % (lines) and on turbo 38 % / 36 % while a blend of the map colors
# around could make them (red and cyan make gray); exact pictures' cores no longer
# ask that. Maps with an end near a stroke's color put its antialiased edge within
# NOISE_CAP of the map, where it passed for a blend and the picture for a resampled
# one (``_exact.exact_render``: counted away from foreign pixels, and sharp), before
# -> after, worst kind: magma black lines 50.7 -> 100 %, cividis gray text 9.6 ->
# 100 %, RdBu gray text 63.1 -> 100 % (white lines 32.0), Blues white lines 9.9 ->
# 99.8 %, coolwarm white text 97.1 -> 100 %. Strokes in a map's own end color
# (white on hot, bone, terrain) stay data: their cores are the map's color.
PNG_BOUNDS: dict[tuple[str, str], float] = {}


@pytest.mark.parametrize("name", ["viridis", "jet", "coolwarm", "magma", "cividis", "RdBu", "Blues"])
def test_png_annotations_are_flagged(name: str) -> None:
    picture, is_map, kinds = _annotated(name)
    lost = np.isnan(decolorize(picture, cmap=name, vmin=0, vmax=1))
    flagged = {kind: lost[mask].mean() for kind, mask in kinds.items()}
    assert all(flagged[kind] >= PNG_BOUNDS.get((name, kind), 0.99) for kind in KINDS), flagged
    assert lost[is_map].mean() <= 0.001


# measured with this very test on JPEG q75 (4:2:0): share of each kind's pixels
# flagged at least (0.95 unless listed), before -> after strokes darker or brighter
# than the whole map took their antialiased edge along; map pixels lost at most (JPEG
# smears each stroke into the map pixels beside it: those count as lost, 1.7 / 4.5 /
# 1.4 % before). 4:2:0 keeps a quarter of the chroma, which is all that tells a thin
# gray stroke from a map color of the same luma (and a black one from jet's dark
# blue): gray text stays at 51 / 89 / 61 % (viridis / jet / coolwarm). Small cores
# whose luma spreads like texture taken for data (``pillow_jpeg.JPEG_CORE_SPREAD``): every
# kind within 0.5 points but viridis's gray text (50.9 -> 49.0 %); map pixels lost
# 2.5 / 4.2 / 2.6 %. JPEG's overshoot of the ridges jet's yellow paints no longer
# taken for a stroke's luma (``pillow_jpeg.JPEG_RIDGE_OVERSHOOT``): jet's black text 74.8
# -> 73.0 % (its own ringing above the yellow), black lines 73.6 -> 73.5 %, map
# pixels lost 4.2 -> 4.0 %; viridis and coolwarm as before. Pixels 20-40 DN off the
# map judged too, joining a stroke's core by its luma (``pillow_jpeg.JPEG_CANDIDATE``), and
# off-map pixels judged on the luma branches their blocks' chroma calls for
# (``_branches``; red and cyan make gray: jet's gray strokes are flagged less) --
# the last figure on each line; map pixels lost 2.5 / 4.0 / 2.6 -> 3.7 / 4.0 / 3.9 %.
JPEG_BOUNDS = {
    ("viridis", "black text"): 0.75,  # 59.7 -> 74.1 -> 78.4 %
    ("viridis", "gray text"): 0.70,  # 50.6 -> 50.9 -> 49.0 -> 73.4 %
    ("viridis", "black line"): 0.84,  # 70.5 -> 83.6 -> 87.0 %
    ("viridis", "gray line"): 0.90,  # 77.5 -> 77.8 -> 93.3 %
    ("jet", "black text"): 0.69,  # 74.2 -> 74.8 -> 73.0 -> 71.9 %
    ("jet", "gray text"): 0.78,  # 88.6 -> 88.7 -> 81.2 %
    ("jet", "black line"): 0.70,  # 73.8 -> 73.8 -> 73.5 %
    ("jet", "gray line"): 0.84,  # 95.8 -> 87.0 %
    ("jet", "white box"): 0.93,  # 95.2 -> 95.4 -> 95.0 %
    ("coolwarm", "white text"): 0.73,  # 47.9 -> 62.2 -> 76.0 %
    ("coolwarm", "gray text"): 0.67,  # 60.6 -> 60.9 -> 70.0 %
    ("coolwarm", "white line"): 0.84,  # 45.1 -> 84.2 -> 87.5 %
    ("coolwarm", "gray line"): 0.77,  # 80.3 -> 80.8 -> 80.1 %
}
# (a stroke's faint antialiased fringe, ``_fringes``, costs map pixels beside the
# strokes: 4.5 / 5.8 / 5.1 % lost since)
JPEG_MAP_LOST = {"viridis": 0.047, "jet": 0.06, "coolwarm": 0.053}


@pytest.mark.parametrize("name", ["viridis", "jet", "coolwarm"])
def test_jpeg_annotations_are_mostly_flagged(name: str) -> None:
    picture, is_map, kinds = _annotated(name)
    lost = np.isnan(decolorize(pillow_jpeg(picture, 75), cmap=name, vmin=0, vmax=1))
    flagged = {kind: lost[mask].mean() for kind, mask in kinds.items()}
    assert all(flagged[kind] >= JPEG_BOUNDS.get((name, kind), 0.95) for kind in KINDS), flagged
    assert lost[is_map].mean() <= JPEG_MAP_LOST[name]


# Downscaled 0.5x (Pillow bilinear) an antialiased stroke is still a stroke: a line of
# pixels darker (brighter) than both flanks, whose color no blend of the flanks with a
# map color beyond makes. A blend of black and the map colors around often lies in
# their hull (turbo's dark end is near black), so before that test black text on
# turbo was 14 % flagged. Measured with this very test, before -> after (share of
# the kind's pixels at least half covered by it, flagged): turbo black text 14.0 ->
# 53.2 %, black lines 23.8 -> 42.8 %; jet black text 74.0 -> 78.6 %; map pixels lost
# 0.01 -> 0.19 % / 0.74 -> 0.77 %.
DOWNSCALED_BOUNDS = {
    ("turbo", "black text"): 0.45, ("turbo", "black line"): 0.35, ("jet", "black text"): 0.72,
}  # fmt: skip


@pytest.mark.parametrize("name", ["turbo", "jet"])
def test_downscaled_strokes_stay_flagged(name: str) -> None:
    picture, is_map, kinds = _annotated(name)
    height, width = is_map.shape
    half = (height // 2, width // 2)
    small = np.asarray(Image.fromarray(picture).resize(half[::-1], Image.Resampling.BILINEAR))
    lost = np.isnan(decolorize(small, cmap=name, vmin=0, vmax=1))

    def shrink(mask: np.ndarray) -> np.ndarray:
        return mask[: 2 * half[0], : 2 * half[1]].reshape(half[0], 2, half[1], 2).mean(axis=(1, 3))

    for (map_name, kind), bound in DOWNSCALED_BOUNDS.items():
        if map_name == name:
            assert lost[shrink(kinds[kind]) >= 0.5].mean() >= bound, kind
    assert lost[shrink(is_map) == 1.0].mean() <= 0.01


def _contoured(name: str, kinds: tuple[str, ...]) -> np.ndarray:
    """A smooth field ``imshow``'d at 1:1 with black contour lines and white text."""
    import matplotlib.pyplot as plt

    y, x = np.mgrid[0:128, 0:128] / 128
    field = 0.5 + 0.3 * np.sin(5 * x + 1) * np.cos(4 * y) + 0.2 * x * y
    figure = plt.figure(figsize=(1.28, 1.28), dpi=100)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.imshow(field, cmap=name, vmin=0, vmax=1, interpolation="nearest")
    axes.set_axis_off()
    if "black line" in kinds:
        axes.contour(field, levels=5, colors="k", linewidths=0.8)
    if "white text" in kinds:
        axes.text(10, 40, "Station 12.5", color="w", fontsize=8)
    axes.set_xlim(-0.5, 127.5)
    axes.set_ylim(127.5, -0.5)
    return saved_rgb(figure, dpi=100)


# Black lines on magma (3 DN from its first color) and white text on RdBu (8 DN from
# its middle white) are foreign only where they cross the far side of the map: their
# faint edges off the table made the figure a resampled one, whose strokes pass for
# blends (magma here 0.0 % flagged; RdBu's text over the trial's camera 0.2 %, this
# smaller one passed before). Judged again, off-table pixels outside the map's box of
# colors, and those joined to foreign ones, count as drawn (``_exact.exact_render``).
@pytest.mark.parametrize(("name", "kinds"), [("magma", ("black line",)), ("RdBu", ("white text",))])
def test_strokes_near_a_maps_end_are_flagged(name: str, kinds: tuple[str, ...]) -> None:
    clean, picture = _contoured(name, ()), _contoured(name, kinds)
    cmap = matplotlib.colormaps[name]
    tree = cKDTree(cmap(np.arange(cmap.N), bytes=True)[:, :3].astype(float))
    off_table = tree.query(picture.reshape(-1, 3).astype(float))[0].reshape(clean.shape[:2]) > 6
    changed = np.abs(picture.astype(int) - clean).max(axis=-1) >= 10
    lost = np.isnan(decolorize(picture, cmap=name, vmin=0, vmax=1))
    assert lost[changed & off_table].mean() >= 0.99
    assert not lost[np.all(picture == clean, axis=-1)].any()

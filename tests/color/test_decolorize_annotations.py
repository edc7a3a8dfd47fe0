"""Annotations drawn by matplotlib onto a colormapped picture stay off the map.

The picture is a photograph (scikit-image's camera: sharp texture) drawn with a
colormap, pasted pixel for pixel into a figure (``figimage``) and annotated the way
figures are: antialiased text in black, white and gray, lines, a white label box
with a black edge and a coastline in a color the map lacks. Annotation pixels are
those the annotations changed by 10 DN or more into a color at least 6 DN from
every table color (fainter antialiasing is indistinguishable from the map).
"""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image
from scipy.spatial import cKDTree

from truepix.color._decolorize._api import decolorize

matplotlib.use("Agg")


def _render(rgb: np.ndarray, *, annotate: bool) -> np.ndarray:
    import matplotlib.pyplot as plt

    height, width = rgb.shape[:2]
    figure = plt.figure(figsize=(width / 100, height / 100), dpi=100)
    figure.figimage(rgb, 0, 0)
    if annotate:
        rng = np.random.default_rng(3)
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_xlim(0, width)
        axes.set_ylim(0, height)
        axes.axis("off")
        for k, color in enumerate(["black", "white", "0.5", "black", "white"]):
            figure.text(*rng.uniform(0.05, 0.7, 2), "T = 25.0 K", color=color, fontsize=8 + 2 * k)
            xs, ys = rng.uniform(0, width, 4), rng.uniform(0, height, 4)
            axes.plot(xs, ys, color=color, lw=0.6 + k / 2)
        box = plt.Rectangle((0.6 * width, 0.05 * height), 0.3 * width, 0.12 * height,
                            facecolor="white", edgecolor="black", lw=1)  # fmt: skip
        axes.add_patch(box)
        axes.text(0.62 * width, 0.09 * height, "label 12", fontsize=9, color="black")
        t = np.linspace(0, 2 * np.pi, 400)
        radius = 0.3 + 0.05 * np.sin(7 * t) + 0.03 * np.cos(13 * t)
        axes.plot(width * (0.5 + radius * np.cos(t)), height * (0.5 + radius * np.sin(t)),
                  color="magenta", lw=1.0)  # fmt: skip
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    plt.close(figure)
    return np.asarray(Image.open(buffer).convert("RGB"))


def _annotated(name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(picture, map pixels, annotation pixels) of the annotated camera."""
    from skimage import data

    cmap = matplotlib.colormaps[name]
    rgb = np.ascontiguousarray(cmap(data.camera()[::2, ::2] / 255.0, bytes=True)[..., :3])
    clean, picture = _render(rgb, annotate=False), _render(rgb, annotate=True)
    is_map = np.all(picture == clean, axis=-1) & np.all(clean == rgb, axis=-1)
    tree = cKDTree(cmap(np.arange(cmap.N), bytes=True)[:, :3].astype(float))
    off_table = tree.query(picture.reshape(-1, 3).astype(float))[0].reshape(is_map.shape) > 6
    changed = np.abs(picture.astype(int) - rgb).max(axis=-1) >= 10
    return picture, is_map, ~is_map & changed & off_table


def _jpeg(picture: np.ndarray, quality: int) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(picture).save(buffer, format="JPEG", quality=quality)
    return np.asarray(Image.open(buffer))


@pytest.mark.parametrize("name", ["viridis", "jet", "coolwarm"])
def test_png_annotations_are_flagged(name: str) -> None:
    picture, is_map, annotation = _annotated(name)
    lost = np.isnan(decolorize(picture, cmap=name, vmin=0, vmax=1))
    assert lost[annotation].mean() >= 0.99
    assert lost[is_map].mean() <= 0.001


# measured with this very test (JPEG's 4:2:0 chroma takes thin gray strokes' color):
# share of annotation pixels flagged at least / of map pixels lost at most
# (a foreign core counts when 3+ of its pixels touch, or one is 80 DN off JPEG's model:
# 0.77 / 0.84 / 0.52 flagged, 0.2 / 2.4 / 0.2 % lost; lone cores counted: 0.76 / 0.86 /
# 0.53 and 0.6 / 5.1 / 0.7 %)
JPEG_BOUNDS = {"viridis": (0.74, 0.005), "jet": (0.82, 0.035), "coolwarm": (0.50, 0.005)}


@pytest.mark.parametrize("name", sorted(JPEG_BOUNDS))
def test_jpeg_annotations_are_mostly_flagged(name: str) -> None:
    picture, is_map, annotation = _annotated(name)
    lost = np.isnan(decolorize(_jpeg(picture, 75), cmap=name, vmin=0, vmax=1))
    flagged, kept = JPEG_BOUNDS[name]
    assert lost[annotation].mean() >= flagged
    assert lost[is_map].mean() <= kept

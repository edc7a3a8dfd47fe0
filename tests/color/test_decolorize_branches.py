"""JPEG'd pictures: off-map pixels judged on the luma branches their blocks' chroma calls for.

``_branches.rebranch`` lets each 2x2 block's off-map pixels take another position of
the same luma (jet: the cyan and the red side of its yellow peak) when the mean
chroma of the block, as JPEG's 4:2:0 keeps it, is then explained; the pixels
between 20 DN and the threshold join a stroke by its luma (``pillow_jpeg.JPEG_CANDIDATE``).
"""

from __future__ import annotations

import functools
import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

from tests.color._photographs import pillow_jpeg
from truepix.color._decolorize._api import decolorize
from truepix.color._decolorize._branches import map_samples, rebranch
from truepix.color._decolorize._plan import _YCBCR

matplotlib.use("Agg")


def _same_luma(samples: np.ndarray, luma: float) -> tuple[int, int]:
    """jet's bins of ``luma`` below and above its yellow peak."""
    peak = int(np.argmax(samples[:, 0]))
    rising = int(np.argmin(np.abs(samples[:peak, 0] - luma)))
    falling = peak + int(np.argmin(np.abs(samples[peak:, 0] - luma)))
    return rising, falling


def test_rebranch_moves_a_blocks_pixels_to_the_branch_its_chroma_calls_for() -> None:
    # a 4:2:0 block as JPEG keeps it: each pixel's own luma, the block's mean chroma;
    # two pixels come from jet's red side, two from its cyan side, all of one luma, and
    # the nearest color put all four on the cyan side
    cmap = matplotlib.colormaps["jet"]
    table = cmap(np.arange(256), bytes=True)[:, :3].astype(np.float64)
    samples = map_samples(table, np.arange(256) + 0.5, 256, False, _YCBCR)
    cyan, red = _same_luma(samples, 120.0)
    height = width = 12
    bins = np.full((height, width), cyan)
    bins[:, :5] = red  # the red side holds the left of the picture: the local arc spans both
    block = [(4, 4), (4, 5), (5, 4), (5, 5)]
    truth = {(4, 4): red, (5, 4): red, (4, 5): cyan, (5, 5): cyan}
    ycc = samples[bins].copy()
    mean_chroma = np.mean([samples[truth[p], 1:] for p in block], axis=0)
    for y, x in block:
        ycc[y, x, 1:] = mean_chroma
    # neighbours' blocks keep their own chroma; pixels to RGB as a decoder does
    rgb = ycc @ np.linalg.inv(_YCBCR).T
    flat = np.ascontiguousarray(rgb.reshape(-1, 3))
    position = ((bins + 0.5) / 256).reshape(-1).astype(np.float64)
    position[[y * width + x for y, x in block]] = (cyan + 0.5) / 256
    residual = np.zeros(height * width, np.float32)
    candidates = np.array(sorted(y * width + x for y, x in block), dtype=np.int64)
    residual[candidates] = 50.0
    before = position.copy()
    moved, former = rebranch(
        flat, 1.0, width, position, residual, 15.0, candidates,
        np.ones(len(candidates), dtype=bool), samples, _YCBCR, 20.0, 6, 0.5, False,
    )  # fmt: skip
    assert sorted(moved.tolist()) == [4 * width + 4, 5 * width + 4]
    assert np.array_equal(former, before[moved])
    assert np.allclose(position[moved] * 256, red + 0.5)


def test_rebranch_leaves_a_block_alone_when_no_branch_is_near() -> None:
    # the same block on a field all of the cyan side: the red side is outside the arc
    cmap = matplotlib.colormaps["jet"]
    table = cmap(np.arange(256), bytes=True)[:, :3].astype(np.float64)
    samples = map_samples(table, np.arange(256) + 0.5, 256, False, _YCBCR)
    cyan, red = _same_luma(samples, 120.0)
    width = 12
    ycc = np.repeat(samples[[cyan]], 144, axis=0)
    block = [4 * width + 4, 4 * width + 5, 5 * width + 4, 5 * width + 5]
    ycc[block, 1:] = 0.5 * (samples[red, 1:] + samples[cyan, 1:])  # gray, as a stroke
    flat = np.ascontiguousarray(ycc @ np.linalg.inv(_YCBCR).T)
    position = np.full(144, (cyan + 0.5) / 256)
    residual = np.zeros(144, np.float32)
    residual[block] = 50.0
    moved, _ = rebranch(
        flat, 1.0, width, position, residual, 15.0, np.array(block, dtype=np.int64),
        np.ones(4, dtype=bool), samples, _YCBCR, 20.0, 6, 0.5, False,
    )  # fmt: skip
    assert len(moved) == 0
    assert np.all(position == (cyan + 0.5) / 256)


@functools.cache
def _astronaut(name: str) -> np.ndarray:
    from skimage import data
    from skimage.color import rgb2gray

    field = rgb2gray(data.astronaut())[::2, ::2]
    return np.ascontiguousarray(matplotlib.colormaps[name](field, bytes=True)[..., :3])


# jet on the astronaut: thin detail in every hue; holes before -> after the luma
# branches, measured with this very test: q75 4:2:0 1.80 -> 0.50 %, q50 4:2:0 3.62 ->
# 0.89 %, q50 4:4:4 0.88 -> 0.47 % (the issue asks 0.2 %: not there yet)
@pytest.mark.parametrize(
    ("quality", "subsampling", "limit"), [(75, 2, 0.006), (50, 2, 0.011), (50, 0, 0.006)]
)
def test_jet_photograph_jpeg_holes(quality: int, subsampling: int, limit: float) -> None:
    picture = pillow_jpeg(_astronaut("jet"), quality, subsampling)
    assert np.isnan(decolorize(picture, cmap="jet", vmin=0, vmax=1)).mean() <= limit


@functools.cache
def _coastlines() -> tuple[np.ndarray, np.ndarray]:
    """A viridis field with a green coastline and gray text drawn by matplotlib: colors
    50-90 DN from viridis, which 4:2:0 blends to within 20-40 DN of it."""
    import matplotlib.pyplot as plt
    from skimage import data

    field = data.camera()[::2, ::2] / 255.0
    rgb = np.ascontiguousarray(matplotlib.colormaps["viridis"](field, bytes=True)[..., :3])
    height, width = rgb.shape[:2]
    figure = plt.figure(figsize=(width / 100, height / 100), dpi=100)
    figure.figimage(rgb, 0, 0, zorder=-1)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, width)
    axes.set_ylim(0, height)
    axes.axis("off")
    t = np.linspace(0, 2 * np.pi, 400)
    radius = 0.3 + 0.05 * np.sin(7 * t) + 0.03 * np.cos(13 * t)
    axes.plot(width * (0.5 + radius * np.cos(t)), height * (0.5 + radius * np.sin(t)),
              color=(40 / 255, 160 / 255, 60 / 255), lw=1.5)  # fmt: skip
    for k in range(4):
        figure.text(0.1, 0.1 + 0.2 * k, "T = 25.0 K", color="0.5", fontsize=9 + k)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    plt.close(figure)
    picture = np.asarray(Image.open(buffer).convert("RGB"))
    # the strokes' pixels: changed by 30 DN or more (their cores, not faint edges)
    strokes = np.abs(picture.astype(int) - rgb).max(axis=-1) >= 30
    return picture, strokes


def test_green_coastline_and_gray_text_on_viridis_stay_flagged_under_jpeg() -> None:
    # measured with this very test, before -> after pixels 20-40 DN off the map were
    # judged too: strokes flagged 49.2 -> 81.0 %, map pixels lost 0.24 -> 1.03 %; with
    # lone weak cores as data (pillow_jpeg.JPEG_FOREIGN_PIXELS) 0 % until a picture whose cores
    # string into a stroke keeps them all (pillow_jpeg.JPEG_STRUNG_PIXELS): 81.0 % again
    picture, strokes = _coastlines()
    lost = np.isnan(decolorize(pillow_jpeg(picture, 75), cmap="viridis", vmin=0, vmax=1))
    assert lost[strokes].mean() >= 0.78
    assert lost[~strokes].mean() <= 0.019  # (1.83 % since _fringes)

"""All-data pictures as users' tools make them: the default call leaves no holes.

Each test is one kind that failed in ``benchmarks/decolorize_trial/trial16/
user_tools_sweep.py`` (issue 11 item 1: at most 0.2 % NaN, and the 99th-percentile
error, a hole counted as the full range, no worse than the nearest table color's,
found with scipy's k-d tree).
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image
from scipy.spatial import cKDTree
from tests.color._photographs import fbm, pillow_jpeg

from truepix import Decolorizer


def _errors(name: str, picture: np.ndarray, truth: np.ndarray) -> tuple[float, float, float]:
    """NaN share, p99 error (holes as 1) of the default call, and the k-d tree's p99."""
    cyclic = name == "twilight"
    values = Decolorizer(name, vmin=0.0, vmax=1.0, cyclic=cyclic).values(picture)
    table = mpl.colormaps[name](np.arange(mpl.colormaps[name].N), bytes=True)[:, :3]
    _, index = cKDTree(table.astype(float)).query(picture.reshape(-1, 3).astype(float))
    nearest = ((index + 0.5) / len(table)).reshape(truth.shape)
    error, baseline = np.abs(values - truth), np.abs(nearest - truth)
    if cyclic:
        error, baseline = np.minimum(error, 1 - error), np.minimum(baseline, 1 - baseline)
    holes = np.isnan(values)
    error[holes] = 1.0
    return holes.mean(), np.percentile(error, 99), np.percentile(baseline, 99)


@pytest.mark.parametrize("dither", [False, True])
def test_median_cut_palette_of_twilight_has_no_holes(dither: bool) -> None:
    """Pillow's median cut averages boxes across twilight's bends into colors 11-25 DN
    off the map, farther than the local hull's 3 DN: 0.44 % (0.34 % dithered) holes.
    Each is still the palette's nearest color to a map color of the local arc. (p99
    against the k-d tree's: 0.99x undithered, 1.016x dithered: error diffusion's.)"""
    field = fbm()
    image = Image.fromarray(mpl.colormaps["twilight"](field, bytes=True)[..., :3])
    paletted = image.quantize(256)
    if dither:  # Pillow dithers only onto a given palette
        paletted = image.quantize(palette=paletted, dither=Image.Dither.FLOYDSTEINBERG)
    nan, p99, p99_nearest = _errors("twilight", np.asarray(paletted.convert("RGB")), field)
    assert nan <= 0.002
    assert p99 <= 1.03 * p99_nearest


def _astronaut(size: int) -> np.ndarray:
    """scikit-image's astronaut in gray, ``size``^2, with half a gray level of dither."""
    from skimage import data
    from skimage.color import rgb2gray
    from skimage.transform import resize

    image = resize(rgb2gray(data.astronaut()), (size, size), order=1, anti_aliasing=True)
    dither = np.random.default_rng(9).uniform(-0.5, 0.5, image.shape) / 255.0
    return np.clip(image + dither, 0.0, 1.0)


@pytest.mark.parametrize(
    ("name", "shrink", "quality", "p99_ratio"),
    [("turbo", "lanczos 0.5x", 90, 1.01)],
)
def test_shrunk_then_jpegd_photograph_has_no_holes(
    name: str, shrink: str, quality: int, p99_ratio: float
) -> None:
    """A figure shrunk (Pillow Lanczos) and then JPEG'd: its edge blends lie between
    their neighbours less often (0.17) than the resized test asked (0.2), and strung
    into strokes: 0.89 % holes, p99 2.7x the k-d tree's. JPEG's model explains most of
    them (0.04 strongly off it; strokes in near-map colors 0.20-0.22). (jet's shrunk
    0.33x by area then q90 keeps 1.5 % holes: cores strung along its edges, near 8-26
    foreign pixels; docs/decolorize.md says why its fix was reverted.)"""
    import cv2

    field = _astronaut(512)
    rgb = np.ascontiguousarray(mpl.colormaps[name](field, bytes=True)[..., :3])
    size = 170 if "0.33" in shrink else 256
    if shrink.startswith("area"):
        picture = cv2.resize(rgb, (size, size), interpolation=cv2.INTER_AREA)
        truth = cv2.resize(field.astype(np.float32), (size, size), interpolation=cv2.INTER_AREA)
    else:
        lanczos = Image.Resampling.LANCZOS
        picture = np.asarray(Image.fromarray(rgb).resize((size, size), lanczos))
        truth = Image.fromarray(field.astype(np.float32), mode="F").resize((size, size), lanczos)
    truth = np.clip(np.asarray(truth, dtype=np.float64), 0.0, 1.0)
    nan, p99, p99_nearest = _errors(name, pillow_jpeg(picture, quality), truth)
    assert nan <= 0.002
    assert p99 <= p99_ratio * p99_nearest

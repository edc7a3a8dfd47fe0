"""Resampled pictures as other tools make them: every pixel is data.

A photograph drawn with ``plt.imsave`` (PNG, read back with Pillow), then shrunk by
OpenCV, Pillow or scikit-image, decoded with the default call: at most 0.2 % holes
(NaN), and -- a hole counted as an error of the full range -- no worse than the
nearest table color (a k-d tree over the map's 256 bytes), mean and 99th
percentile. The truth is the data shrunk by the same filter.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import matplotlib
import numpy as np
import pytest
from PIL import Image
from scipy.spatial import cKDTree

from tests._needs import need_module
from tests.color._photographs import camera_256, imsave_rgb
from truepix.color._decolorize._api import decolorize

matplotlib.use("Agg")
cv2 = need_module("cv2")


@pytest.fixture(scope="module")
def photograph() -> np.ndarray:
    return camera_256()


def _opencv(method: str) -> Callable[[np.ndarray], np.ndarray]:
    return lambda a: cv2.resize(a, (84, 84), interpolation=getattr(cv2, method))


def _pillow(method: Image.Resampling) -> Callable[[np.ndarray], np.ndarray]:
    def shrink(a: np.ndarray) -> np.ndarray:
        mode = "RGB" if a.ndim == 3 else "F"
        return np.asarray(Image.fromarray(a, mode).resize((84, 84), method), dtype=a.dtype)

    return shrink


def _skimage(a: np.ndarray) -> np.ndarray:
    from skimage.transform import resize

    channels = a.shape[2:]
    out = resize(a, (84, 84, *channels), order=1, anti_aliasing=True, preserve_range=True)
    return np.round(out).astype(np.uint8) if a.dtype == np.uint8 else out


def _check(
    photograph: np.ndarray, cmap: str, shrink: Callable[[np.ndarray], np.ndarray],
    mean_ratio: float = 1.0,
) -> None:  # fmt: skip
    small = shrink(imsave_rgb(photograph, cmap))
    truth = np.clip(shrink(photograph.astype(np.float32)).astype(float), 0, 255)
    values = decolorize(small, cmap=cmap, vmin=0, vmax=255)
    holes = np.isnan(values)
    assert holes.mean() <= 0.002
    table = matplotlib.colormaps[cmap](np.arange(256), bytes=True)[:, :3].astype(float)
    nearest = cKDTree(table).query(small.reshape(-1, 3).astype(float))[1].reshape(truth.shape)
    baseline = np.abs((nearest + 0.5) * 255 / 256 - truth)
    error = np.where(holes, 255.0, np.abs(values - truth))
    assert error.mean() <= mean_ratio * baseline.mean()
    assert np.percentile(error, 99) <= np.percentile(baseline, 99)


# OpenCV's linear and cubic shrink by sampling (no antialiasing): most pixels keep a
# table color, and the blends of far-apart colors at the field's edges lie scattered.
# On maps whose blends are mostly their own colors (straight segments: hot, bwr,
# seismic) the picture passed for a sharp render and those blends for an annotation:
# 3.5-9.3 % holes at 0.33x, 13-24x the k-d tree's mean error (``_exact.exact_render``:
# foreign pixels as lone specks). seismic's cubic left blends of three colors pushed
# past the local hull at the camera's tripod (0.18 % holes, 1.21x the k-d tree's mean
# error, each hole counting 255) until the hull's overshoot read the contrast of
# neighbours that are blends too (``HULL_CONTRAST_RESIDUAL``): 0 %, 0.78x.
@pytest.mark.parametrize("cmap", ["hot", "bwr", "seismic"])
@pytest.mark.parametrize("method", ["INTER_LINEAR", "INTER_CUBIC"])
def test_point_sampled_downscales_keep_their_pixels(
    photograph: np.ndarray, cmap: str, method: str
) -> None:
    _check(photograph, cmap, _opencv(method))


# A filter that shrinks 3x spreads a thin bright or dark detail over the pixels
# around it, none of which keeps its color: their blend lies outside the hull of the
# map colors around (hot, fire on the camera at Pillow bilinear 0.33x: 0.3-0.5 %
# holes before ``_hull.thin_blends``).
@pytest.mark.parametrize(
    "shrink",
    [_pillow(Image.Resampling.BILINEAR), _pillow(Image.Resampling.BICUBIC), _opencv("INTER_AREA"),
     _skimage],
    ids=["pillow-bilinear", "pillow-bicubic", "opencv-area", "skimage"],
)  # fmt: skip
@pytest.mark.parametrize("cmap", ["hot", "afmhot", "seismic", "turbo"])
def test_thin_details_keep_their_pixels(
    photograph: np.ndarray, cmap: str, shrink: Callable[[np.ndarray], np.ndarray]
) -> None:
    _check(photograph, cmap, shrink)


@pytest.mark.parametrize(("name", "overshoot"), [("hot", 0.0), ("jet", 0.25), ("twilight", 0.25)])
def test_thin_blends_match_oracle(name: str, overshoot: float) -> None:
    from truepix import Decolorizer
    from truepix.color._decolorize import _oracle as oracle
    from truepix._validate import readonly
    from truepix.color._decolorize._hull import simplify, thin_blends

    rng = np.random.default_rng(6)
    data = rng.random((12, 14))
    picture = matplotlib.colormaps[name](data, bytes=True)[..., :3]
    picture[4, 2:12] = (128, 128, 128)  # a gray line: no blend of these colors
    picture[7:9, 3:9] = rng.integers(0, 256, (2, 6, 3))  # anything
    line = Decolorizer(name, vmin=0, vmax=1)._grid("u8", "rgb").line
    table = line.vertices
    residual = np.min(
        np.linalg.norm(picture.reshape(-1, 1, 3).astype(float) - table[None], axis=-1), axis=1
    )  # a vertex's distance: on the map where it is 0 (every table color is one)
    metric = line.vertices @ line.matrix.T
    corners = np.ascontiguousarray(metric[simplify(metric, line.positions, 1.0)])
    candidates = np.flatnonzero(residual > 3.0)
    got = np.zeros(len(candidates), dtype=bool)
    thin_blends(
        readonly(np.ascontiguousarray(picture.reshape(-1, 3))), 1.0, 14, candidates, residual,
        3.0, corners, line.matrix, 0.5, 12.0, overshoot, got,
    )  # fmt: skip
    beyond = oracle.thin_blends(
        picture, residual.reshape(12, 14), corners, line.matrix, candidates, threshold=3.0,
        share=0.5, tolerance=12.0, overshoot=overshoot,
    )  # fmt: skip
    assert not got[np.isnan(beyond)].any()
    clear = np.abs(beyond) > 0.6  # Frank-Wolfe stops once a bound decides
    assert np.array_equal(got[clear], beyond[clear] <= 0)
    assert got.any() and not got.all()


# An 84^2 picture holds some 80 8x8 blocks: the best of 64 alignments of so few can
# look like JPEG's grid by chance (turbo's astronaut shrunk 0.33x by area scored
# 1.157 against JPEG_DCT 1.15 and was decoded as JPEG: 0.71 % holes). A JPEG file's
# blocks start at its top left; elsewhere the grid must be clearer (JPEG_DCT_SHIFTED).
def test_a_shrunk_photograph_is_not_jpeg_by_chance_and_a_cut_jpeg_still_is() -> None:
    from skimage import data
    from skimage.color import rgb2gray

    from truepix.color._decolorize._grid import dct_grid

    from skimage.transform import resize

    # the benchmark's field: half a gray level of seeded dither makes it continuous
    gray = resize(rgb2gray(data.astronaut()), (256, 256), order=1, anti_aliasing=True)
    gray = np.clip(gray + np.random.default_rng(9).uniform(-0.5, 0.5, gray.shape) / 255, 0, 1)
    picture = np.ascontiguousarray(matplotlib.colormaps["turbo"](gray, bytes=True)[..., :3])
    small = np.asarray(Image.fromarray(picture).resize((84, 84), Image.Resampling.BOX))
    values = decolorize(small, cmap="turbo", vmin=0, vmax=1)
    assert np.isnan(values).mean() <= 0.002
    buffer = io.BytesIO()
    Image.fromarray(picture).save(buffer, "JPEG", quality=95, subsampling=0)
    jpeg = np.asarray(Image.open(buffer))
    score, own = dct_grid(jpeg)
    assert own and score > 1.5
    score, own = dct_grid(jpeg[3:, 5:])  # cut: the grid starts 5 and 3 pixels in
    assert not own and score > 1.5


@pytest.mark.parametrize("name", ["gray", "viridis"])
def test_a_small_exact_picture_of_random_colors_is_not_jpeg_by_chance(name: str) -> None:
    """35 blocks of random colors: a few more zero coefficients at one alignment by
    chance (36 against 27) read a score of 1.33 before the Poisson test; its JPEG q95
    does have the grid (88 against 45)."""
    from truepix.color._decolorize._grid import dct_grid

    data = np.random.default_rng(33).random((48, 64))
    colormap = matplotlib.colormaps[name]
    for picture in (colormap(data, bytes=True)[..., :3],
                    np.round(colormap(data)[..., :3] * 255).astype(np.uint8)):  # fmt: skip
        assert dct_grid(picture) == (1.0, False)
        buffer = io.BytesIO()
        Image.fromarray(picture).save(buffer, "JPEG", quality=95)
        score, own = dct_grid(np.asarray(Image.open(buffer)))
        assert own and score > 1.5


# Cubic and Lanczos kernels have negative lobes: beside an edge a pixel weighs one
# side by more than 1 and the other by less than 0, so its color lies on the chord
# between the two sides' map colors past its end, and so does the truth, the data
# resampled alike. ``unmix`` extends its chords by that overshoot: viridis on the
# camera, OpenCV cubic / Lanczos4 0.5x, 0.75 / 0.97 -> under 0.65x the k-d tree's mean
# error; seismic (OpenCV cubic, its lobes' blends of three colors past the local
# hull) 0.53 -> 0.02 % holes, 1.55 -> 0.75x.
@pytest.mark.parametrize(
    "shrink",
    [lambda a: cv2.resize(a, (128, 128), interpolation=cv2.INTER_CUBIC),
     lambda a: cv2.resize(a, (128, 128), interpolation=cv2.INTER_LANCZOS4),
     lambda a: np.asarray(Image.fromarray(a, "RGB" if a.ndim == 3 else "F").resize(
         (128, 128), Image.Resampling.LANCZOS), dtype=a.dtype)],
    ids=["opencv-cubic", "opencv-lanczos4", "pillow-lanczos"],
)  # fmt: skip
def test_negative_lobes_overshoot_along_the_chord(
    photograph: np.ndarray, shrink: Callable[[np.ndarray], np.ndarray]
) -> None:
    _check(photograph, "viridis", shrink, mean_ratio=0.65)


def test_negative_lobes_past_the_local_hull_are_data(photograph: np.ndarray) -> None:
    _check(photograph, "seismic", lambda a: cv2.resize(a, (128, 128), interpolation=cv2.INTER_CUBIC),
           mean_ratio=0.85)  # fmt: skip


# A map whose table runs along the RGB cube's edges (hot: black, red, yellow, white)
# keeps a cubic kernel's overshoot on its polyline: clipped to the cube's faces, a
# pixel pushed past red or yellow lands on the next edge. matplotlib's sample DEM in
# hot at OpenCV cubic 0.33x passed for a sharp render -- its blends on the polyline
# counted as table colors -- and the few pixels off it for strokes whose "edges" were
# flagged through every blend: 12.7 % holes, 83x the k-d tree's mean error
# (``_exact.SHARP_KEY_SHARE``: on a sharp render those pixels are table entries).
def test_cubic_overshoot_back_onto_the_cubes_edges_is_data() -> None:
    from skimage.transform import resize

    dem = matplotlib.cbook.get_sample_data("jacksboro_fault_dem.npz")["elevation"]
    field = resize(dem.astype(float), (256, 256), anti_aliasing=True)
    field = ((field - field.min()) / (field.max() - field.min())).astype(np.float32)
    picture = matplotlib.colormaps["hot"](field, bytes=True)[..., :3]
    small = cv2.resize(picture, None, fx=0.33, fy=0.33, interpolation=cv2.INTER_CUBIC)
    truth = cv2.resize(field, None, fx=0.33, fy=0.33, interpolation=cv2.INTER_CUBIC)
    values = decolorize(small, cmap="hot", vmin=0, vmax=1)
    holes = np.isnan(values)
    assert holes.mean() <= 0.002
    table = matplotlib.colormaps["hot"](np.arange(256), bytes=True)[:, :3].astype(float)
    nearest = cKDTree(table).query(small.reshape(-1, 3).astype(float))[1].reshape(truth.shape)
    inner = (slice(1, -1), slice(1, -1))  # (the border's overshoot has no truth)
    baseline = np.abs((nearest + 0.5) / 256 - truth)[inner]
    assert np.where(holes, 1.0, np.abs(values - truth))[inner].mean() <= baseline.mean()


def test_cubic_overshoot_past_a_maps_end_is_data() -> None:
    """matplotlib's Jacksboro DEM with coolwarm, shrunk 0.5x by OpenCV's cubic kernel:
    its plateaus at the top of the range ring past coolwarm's last color (3-5 DN, red
    clipped at 0), too few pixels within the threshold (3 DN, the noise read 0.42) to
    call the picture's blends in -- 0.15 % holes, 1.9x the k-d tree's error. Pixels past
    the threshold of an unfiltered, not exact picture count as blends too."""
    from matplotlib import cbook

    with np.load(cbook.get_sample_data("jacksboro_fault_dem.npz", asfileobj=False)) as dem:
        elevation = dem["elevation"].astype(float)
    low, high = np.percentile(elevation, [0.5, 99.5])
    top, left = (elevation.shape[0] - 256) // 2, (elevation.shape[1] - 256) // 2
    field = np.clip((elevation[top : top + 256, left : left + 256] - low) / (high - low), 0, 1)
    picture = matplotlib.colormaps["coolwarm"](field, bytes=True)[..., :3]
    small = cv2.resize(picture, (128, 128), interpolation=cv2.INTER_CUBIC)
    truth = np.clip(cv2.resize(field.astype(np.float32), (128, 128),
                               interpolation=cv2.INTER_CUBIC), 0, 1)  # fmt: skip
    values = decolorize(small, cmap="coolwarm", vmin=0, vmax=1)
    table = matplotlib.colormaps["coolwarm"](np.arange(256), bytes=True)[:, :3].astype(float)
    nearest = (cKDTree(table).query(small.reshape(-1, 3).astype(float))[1] + 0.5) / 256
    assert not np.isnan(values).any()
    error = np.abs(values - truth).mean()
    assert error <= 0.8 * np.abs(nearest.reshape(truth.shape) - truth).mean()

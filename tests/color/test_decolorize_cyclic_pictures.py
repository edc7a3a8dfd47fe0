"""Cyclic maps on all-data pictures made by Pillow (issue 11, Deliver 1
and 2): no holes (at most 0.2 %), and the default call's errors beside the
nearest-color k-d tree's, errors not wrapped on the circle (0.01 decoded as 0.99 is
98 % off). Each picture is one a shortfall was measured on."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from PIL import Image
from scipy.spatial import cKDTree

import truepix as tp
from tests.color._photographs import colormap, pillow_jpeg


def _photo(name: str, size: int) -> np.ndarray:
    """scikit-image's ``name`` photograph, gray, ``size`` square (anti-aliased resize),
    in [0, 1] with its darkest and brightest pixels at the ends (a field clipped there)."""
    from skimage import data
    from skimage.color import rgb2gray
    from skimage.transform import resize

    image = getattr(data, name)()
    image = rgb2gray(image) if image.ndim == 3 else image / 255.0
    photo = resize(image, (size, size), anti_aliasing=True)
    return (photo - photo.min()) / np.ptp(photo)


def _scores(picture: np.ndarray, truth: np.ndarray, cmap: str) -> dict[str, float]:
    """NaN %, and mean / p99 errors (% of the range, a hole 100 %) of the default call
    and of the k-d tree (nearest of the map's colors, its bin's center)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        values = tp.Decolorizer(cmap, vmin=0.0, vmax=1.0).values(picture)
    table = colormap(cmap)
    colors = table(np.arange(table.N), bytes=True)[:, :3].astype(np.float64)
    _, index = cKDTree(colors).query(picture.reshape(-1, 3).astype(np.float64))
    nearest = ((index + 0.5) / table.N).reshape(truth.shape)
    error = np.where(np.isnan(values), 1.0, np.abs(values - truth)) * 100.0
    tree = np.abs(nearest - truth) * 100.0
    return {"nan": 100.0 * np.isnan(values).mean(), "mean": error.mean(),
            "p99": np.percentile(error, 99), "kd": tree.mean(),
            "kd99": np.percentile(tree, 99)}  # fmt: skip


@pytest.mark.parametrize("quality", [75, 90])
def test_hsv_camera_jpeg_has_no_holes(quality: int) -> None:
    # hsv's red coat against its blue sky: JPEG's 4:2:0 blends of the two hues string
    # along the whole edge as a stroke's cores do (``_alone``: 8.7 / 6.6 % holes)
    truth = _photo("camera", 512)
    picture = pillow_jpeg(colormap("hsv")(truth, bytes=True)[..., :3], quality)
    score = _scores(picture, truth, "hsv")
    assert score["nan"] <= 0.2
    assert score["mean"] <= 1.1 * score["kd"]


@pytest.mark.parametrize("quality", [50, 75])
def test_twilight_astronaut_jpeg_keeps_its_minimum_at_its_end(quality: int) -> None:
    # the dark space around the astronaut is the field's minimum, twilight's white end,
    # 1 DN from its maximum: split between the ends as far as each told border reached
    # (mean 4.2-4.9 %, p99 99.7 %, as the tree's)
    truth = _photo("astronaut", 256)
    picture = pillow_jpeg(colormap("twilight")(truth, bytes=True)[..., :3], quality)
    score = _scores(picture, truth, "twilight")
    assert score["nan"] <= 0.2
    assert score["mean"] <= 0.4 * score["kd"]
    assert score["p99"] <= 0.8 * score["kd99"]


@pytest.mark.parametrize("quality", [50, 75])
def test_colorcet_c6_astronaut_jpeg_beside_the_tree(quality: int) -> None:
    # C6's red ends are 3 DN apart: the region at the field's minimum leans to its
    # own end, where its border is half on each side (mean 8.5 % at q50, tree 5.8 %)
    truth = _photo("astronaut", 256)
    picture = pillow_jpeg(colormap("colorcet:CET_C6")(truth, bytes=True)[..., :3], quality)
    score = _scores(picture, truth, "colorcet:CET_C6")
    assert score["nan"] <= 0.2
    assert score["mean"] <= 0.8 * score["kd"]
    assert score["p99"] <= score["kd99"]


def test_twilight_astronaut_bicubic_shrink() -> None:
    # a picture of blends (``plan.unmix``) gets the seam's rule too; blends of a true
    # edge between the field's two ends stay as far off as the tree's
    truth = _photo("astronaut", 512)
    rgb = colormap("twilight")(truth, bytes=True)[..., :3]
    size = (171, 171)
    picture = np.asarray(Image.fromarray(rgb).resize(size, Image.Resampling.BICUBIC))
    shrunk = Image.fromarray(truth.astype(np.float32), "F").resize(size, Image.Resampling.BICUBIC)
    score = _scores(picture, np.clip(np.asarray(shrunk, np.float64), 0, 1), "twilight")
    assert score["nan"] <= 0.2
    assert score["mean"] <= 1.25 * score["kd"]

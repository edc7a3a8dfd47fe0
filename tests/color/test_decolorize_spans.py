"""JPEG'd blends of two map colors that meet across a pixel are data (``_spans``).

Made as the new-user trial made them (benchmarks/decolorize_trial/trial42, items 2 and 3):
``pcolormesh(shading='gouraud')`` figures saved as PNG by ``savefig`` then JPEG'd by Pillow,
and ``get_cmap(name, 5)`` pictures of a photograph JPEG'd by Pillow and decoded with the
plain name. The oracle is the k-d tree's nearest table color (of 256, or of the N painted
colors); a hole counts as an error of the full range.
"""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from scipy.spatial import cKDTree

from tests._needs import need_module
from tests.color._photographs import GOURAUD_MESH, camera_256, contour_figure, pillow_jpeg
from tests.color._photographs import gouraud_errors
from tests.color._photographs import gouraud_figure as _gouraud
from truepix.color._decolorize import _spans
from truepix.color._decolorize._api import decolorize
from truepix.errors import OffMapWarning

matplotlib.use("Agg")
cv2 = need_module("cv2")

MESH = GOURAUD_MESH


@pytest.fixture(scope="module")
def mesh() -> np.ndarray:
    return cv2.resize(camera_256().astype(float), (MESH, MESH), interpolation=cv2.INTER_AREA)


# holes before (main 063a3b9, trial42's repro): jet 1.9 / 8.2 %, turbo 10.7 / 10.4 %, hsv
# 13.1 / 13.3 % (q85 / q75); then (main d0e0b55, every blend found from sides on the map)
# 0.22-0.27, 0.62-0.87, 2.4-2.6 % (q90-q75), the error with holes 0.88-0.93x, 1.13-1.38x,
# 2.9-3.0x the k-d tree's: ramps wider than 2 SPAN_RADIUS (blue to orange across a jet cell,
# trial43 item 5) had no sides. Now the blends found anchor the next pass: 0, 0.16-0.20,
# 0.34-0.38 %; 0.61x, 0.69-0.75x, 0.99-1.03x (answered 0.54-0.68x)
@pytest.mark.parametrize(
    ("cmap", "most_holes", "ratio"),
    [("jet", 0.001, 0.7), ("turbo", 0.003, 0.85), ("hsv", 0.005, 1.15)],
)  # fmt: skip
@pytest.mark.parametrize("quality", [90, 85, 75])
def test_jpegd_gouraud_pictures_are_data(
    mesh: np.ndarray, cmap: str, most_holes: float, ratio: float, quality: int
) -> None:
    picture = pillow_jpeg(_gouraud(mesh, cmap), quality)
    values = decolorize(picture, cmap=cmap, vmin=0, vmax=255)
    holes = np.isnan(values)
    assert holes.mean() <= most_holes
    error, baseline = gouraud_errors(mesh, picture, values, cmap)
    # (the holes left cost most of it: 2.55 DN for each 1 % of the pixels)
    assert error.mean() <= ratio * baseline.mean()
    # where answered, about as good as the nearest table color
    assert error[~holes].mean() <= 0.8 * baseline[~holes].mean()


def _levels(name: str, quality: int) -> tuple[np.ndarray, np.ndarray]:
    """camera drawn with ``get_cmap(name, 5)`` (a photograph's 5 levels), JPEG'd: the
    picture and the level each pixel was drawn in (0-4)."""
    import matplotlib.pyplot as plt

    field = camera_256() / 255.0
    painted = plt.get_cmap(name, 5)(field, bytes=True)[..., :3]
    level = np.clip(np.floor(field * 5), 0, 4)
    return pillow_jpeg(np.ascontiguousarray(painted), quality), level


# holes before (main 621dd4c): RdBu_r 0, jet 12.7, viridis 24.8, turbo 0 % at q75; here
# 0 / 11.7 / 21.9 / 0 %: only blends across a level's step (two flat levels <= 4 px
# apart) are data. What is left, the photograph's grass: two levels speckled pixel by
# pixel, JPEG blended whole, no flat side (taking those took text over contourf bands
# too, tests/color/test_decolorize_flat_text.py; holesj had 4.2-4.7 %)
@pytest.mark.parametrize(
    ("name", "most_holes"),
    [("RdBu_r", 0.01), ("jet", 0.12), ("viridis", 0.225), ("turbo", 0.01)],
)  # fmt: skip
def test_jpegd_few_level_pictures_with_the_plain_name(name: str, most_holes: float) -> None:
    import matplotlib.pyplot as plt

    picture, level = _levels(name, 75)
    # decoded with the plain name, the picture also gets the few-level hint (_levels)
    with pytest.warns(OffMapWarning, match=r"drawn in 5 levels.*get_cmap\('%s', 5\)" % name):
        values = decolorize(picture, cmap=name, vmin=0, vmax=5)
    holes = np.isnan(values)
    assert holes.mean() <= most_holes
    # the oracle: the k-d tree's nearest of the 5 painted colors
    painted = plt.get_cmap(name, 5)(np.arange(5), bytes=True)[:, :3].astype(float)
    oracle = cKDTree(painted).query(picture.reshape(-1, 3).astype(float))[1]
    oracle = oracle.reshape(level.shape)
    off = np.abs(np.floor(np.clip(values, 0, 4.999)) - level) > 1
    assert off[~holes].mean() <= 0.01
    assert off[~holes].mean() <= (np.abs(oracle - level) > 1).mean() + 0.005


def test_annotated_figures_are_left_to_the_stroke_rules() -> None:
    # strokes' antialiased fringes blend the field too: on a picture that is neither
    # interpolated nor few-level the rule finds nothing (benchmarks/_stroke_screen.py)
    found = []
    original = _spans.far_blends  # (``_ringed`` imports it where it calls it)

    def spy(*args: object) -> tuple[np.ndarray, np.ndarray]:
        result = original(*args)
        found.append(len(result[0]))
        return result

    _spans.far_blends = spy  # type: ignore[assignment]
    try:
        for name, color in [("RdBu_r", "gray"), ("jet", "black"), ("viridis", "white")]:
            picture = contour_figure(name, color, True)
            decolorize(picture, cmap=name, vmin=0, vmax=1)
    finally:
        _spans.far_blends = original
    assert found and not any(found)


def test_planar_share_tells_ramps_from_strokes() -> None:
    rng = np.random.default_rng(5)
    ramp = np.linspace(0, 200, 40)[None, :, None] * np.ones((40, 1, 3))
    ramp = np.clip(ramp + rng.normal(0, 0.8, ramp.shape), 0, 255).astype(np.uint8)
    flat = ramp.reshape(-1, 3)
    at = np.flatnonzero(np.ones(len(flat), dtype=bool))
    assert _spans.planar_share(flat, 1.0, 40, at, 1.0) >= 0.9
    ramp[:, 20] = 0  # a black stroke down the middle: its pixels and their neighbours
    stroke = np.flatnonzero((np.abs(np.arange(40) - 20) <= 1)[None, :].repeat(40, 0))
    assert _spans.planar_share(ramp.reshape(-1, 3), 1.0, 40, stroke, 1.0) <= 0.1


def test_few_levels_from_positions() -> None:
    rng = np.random.default_rng(2)

    def found(levels: list[float]) -> np.ndarray:
        grid = _spans.few_levels(rng.choice(levels, 5000) + rng.normal(0, 0.005, 5000), 256)
        assert grid is not None
        return grid

    # get_cmap(name, 5)'s levels, the middle one JPEG'd whole (no peak): the grid
    assert np.allclose(found([0.0, 0.75, 1.0]), [0.0, 0.25, 0.5, 0.75, 1.0])
    assert np.allclose(found([0.1, 0.5, 0.9]), [0.1, 0.3, 0.5, 0.7, 0.9])
    assert np.allclose(found([0.13, 0.52, 0.81]), [0.13, 0.52, 0.81], atol=0.01)
    assert _spans.few_levels(rng.random(5000), 256) is None  # a continuous field

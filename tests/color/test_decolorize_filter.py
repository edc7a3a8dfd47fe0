"""The spatial filter on noisy pictures: its noise model and its choice per picture.

Pictures are scikit-image's photographs drawn with matplotlib and given seeded
Gaussian noise; the oracle is the nearest table color (a scipy k-d tree).
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pytest
from scipy.spatial import cKDTree

from truepix import Decolorizer


def _nearest(name: str, picture: np.ndarray) -> np.ndarray:
    table = mpl.colormaps[name](np.arange(256), bytes=True)[:, :3].astype(float)
    _, index = cKDTree(table).query(picture.reshape(-1, 3).astype(float))
    return ((index + 0.5) / 256).reshape(picture.shape[:-1])


def _noisy(data: np.ndarray, name: str, seed: int) -> np.ndarray:
    rgb = mpl.colormaps[name](data, bytes=True)[..., :3].astype(float)
    noisy = rgb + np.random.default_rng(seed).normal(0.0, 2.0, rgb.shape)
    return np.clip(np.round(noisy), 0, 255).astype(np.uint8)


@pytest.fixture(scope="module")
def fields() -> dict[str, np.ndarray]:
    from skimage import data

    camera = data.camera()[::2, ::2] / 255.0  # texture and edges
    dither = np.random.default_rng(3).uniform(-0.5, 0.5, camera.shape) / 255.0
    y, x = np.mgrid[0:256, 0:256] / 256.0
    smooth = 0.5 + 0.4 * np.sin(3 * x + np.cos(2 * y)) * np.cos(2.5 * y)
    return {"camera": np.clip(camera + dither, 0, 1), "smooth": smooth}


@pytest.mark.parametrize("name", ["viridis", "jet"])
def test_noisy_textured_photograph_is_filtered_without_blurring_its_texture(
    fields: dict[str, np.ndarray], name: str
) -> None:
    """The fixed 9x9 plane left the camera at 0.91x (jet) / 0.94x (viridis) the k-d
    tree's error at sigma 2 DN; the window chosen per picture keeps its texture
    (0.88 / 0.89x)."""
    data = fields["camera"]
    picture = _noisy(data, name, seed=8)
    values = Decolorizer(name, threshold=np.inf, vmin=0.0, vmax=1.0).values(picture)
    error = np.abs(values - data).mean()
    assert error <= 0.9 * np.abs(_nearest(name, picture) - data).mean()


@pytest.mark.parametrize("name", ["viridis", "jet"])
def test_noisy_smooth_field_is_still_smoothed_hard(
    fields: dict[str, np.ndarray], name: str
) -> None:
    """The noise positions carry, measured, is larger than sigma over the map's speed
    says (jet's corners): jet's smooth field 0.22x -> 0.15x; viridis 0.125x."""
    data = fields["smooth"]
    picture = _noisy(data, name, seed=9)
    values = Decolorizer(name, threshold=np.inf, vmin=0.0, vmax=1.0).values(picture)
    error = np.abs(values - data).mean()
    assert error <= 0.2 * np.abs(_nearest(name, picture) - data).mean()


def test_jpeg_gray_picture_is_seen_as_jpeg_and_filtered(fields: dict[str, np.ndarray]) -> None:
    """Gray keeps every JPEG'd pixel on the map (no residual shows the noise): its
    luma's 8x8 grid does. Pillow q75 4:2:0 on a smooth field: 0.89x -> 0.43x."""
    import io

    from PIL import Image

    data = fields["smooth"]
    rgb = mpl.colormaps["gray"](data, bytes=True)[..., :3]
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="JPEG", quality=75)
    picture = np.asarray(Image.open(buffer).convert("RGB"))
    result = Decolorizer("gray", vmin=0.0, vmax=1.0).decode(picture)
    assert result.jpeg
    error = np.abs(result.values - data).mean()
    assert error <= 0.6 * np.abs(_nearest("gray", picture) - data).mean()
    exact = Decolorizer("gray", vmin=0.0, vmax=1.0).decode(rgb)  # the PNG: left alone
    assert not exact.jpeg
    assert np.abs(exact.values - data).max() <= 1.5 / 256


@pytest.mark.parametrize(("field", "sd"), [("camera", 0.01), ("camera", 0.02), ("smooth", 0.02)])
def test_texture_weight_is_the_weight_the_truth_would_choose(
    fields: dict[str, np.ndarray], field: str, sd: float
) -> None:
    """The DCT's weight in the blend, chosen by Stein's unbiased risk estimate from the
    noisy positions alone, is within 0.05 of the least-squares weight the truth gives
    on the same tiles (numpy's least squares, clipped to the same range); fixing
    TEXTURE_WEIGHT decides it instead."""
    from truepix.color._decolorize import _dct, _filter

    truth = 0.05 + 0.9 * fields[field][::2, ::2]  # 128^2: three tiles of 96 overlap
    position = truth + sd * np.random.default_rng(2).standard_normal(truth.shape)
    noise = np.full(256, sd**2)
    choice = _filter.filter_choice(position, noise, False)
    assert choice is not None
    weight = _filter.texture_weight(position, noise, False, choice)
    assert weight == _filter.texture_weight(position, noise, False, choice)  # seeded
    planes = np.empty_like(position)
    _filter.apply_filter(choice, position, noise, False, planes)
    cosines = _dct.dct_denoise(position, noise, False)
    planes_error = np.concatenate([t.ravel() for t in _filter.sure_tiles(planes - truth)])
    change = np.concatenate([t.ravel() for t in _filter.sure_tiles(cosines - planes)])
    # (1 - w) planes + w cosines - truth = planes_error + w change
    best = np.linalg.lstsq(change[:, None], -planes_error, rcond=None)[0][0]
    low, high = _filter.TEXTURE_WEIGHTS
    assert abs(weight - np.clip(best, low, high)) < 0.05



@pytest.mark.parametrize("per_bin", [False, True])
@pytest.mark.parametrize("sd", [0.002, 0.01, 0.03])
@pytest.mark.parametrize("seed", [0, 2])
def test_filtered_positions_stay_within_the_maps_ends(seed: int, sd: float, per_bin: bool) -> None:
    """A plane fitted to noisy positions half of them at a map's low end reached past it
    (down to -0.011 of the range): no color of the map stands for a value beyond its ends,
    with or without the per-bin noise model, planes alone or blended with the DCT's."""
    from truepix.color._decolorize import _filter
    from truepix.color._decolorize._palette import Polyline

    table = mpl.colormaps["viridis"](np.arange(256), bytes=True)[:, :3].astype(float)
    line = Polyline.build(table, cyclic=False, matrix=np.eye(3))
    rng = np.random.default_rng(seed)
    truth = np.clip(rng.random((96, 96)) * 0.2 - 0.1, 0, 1)  # half at the low end
    position = np.clip(truth + rng.normal(0.0, sd, truth.shape), 0, 1)
    noise = np.full(256, sd**2) if per_bin else None
    for texture in (False, True):
        out = _filter.denoise(position.copy(), line, 0.3 * 255 * sd, noise=noise, texture=texture)
        assert out.min() >= 0.0 and out.max() <= 1.0

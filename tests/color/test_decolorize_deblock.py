"""JPEG'd textured fields: DCT shrinkage in windows halfway between JPEG's
(``_deblock``) smooths luma's quantization where no filter ran before (issue 11); its
kernel against a numpy oracle."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from tests.color._photographs import pillow_jpeg
import truepix as tp
from truepix.color._decolorize import _deblock
from truepix.color._decolorize._api import Decolorizer
from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._dct import _dct_basis
from truepix.color._decolorize._plan import make_plan


def _oracle(position: np.ndarray, noise_by_bin: np.ndarray, cyclic: bool) -> np.ndarray:
    """``_deblock.deblock`` window by window in float64 numpy."""
    n_bins = len(noise_by_bin)
    side, half = _deblock.BLOCK, _deblock.HALF
    height, width = position.shape
    n_y, n_x = -(-(height + half) // side), -(-(width + half) // side)
    padded = np.pad(
        position, ((half, n_y * side - height - half), (half, n_x * side - width - half)),
        mode="symmetric",
    )
    basis = _dct_basis(side)
    # each frequency's share of the threshold^2: its JPEG luma step over the table's rms
    share_by_frequency = _deblock.QUANT**2 / np.mean(_deblock.QUANT**2)
    correction = np.zeros_like(padded)
    for top in range(0, n_y * side, side):
        for left in range(0, n_x * side, side):
            values = padded[top : top + side, left : left + side]
            if np.isnan(values).any() or (cyclic and np.ptp(values) > 0.5):
                continue
            coefficients = basis @ values @ basis.T
            bin_ = min(max(int(values.mean() * n_bins), 0), n_bins - 1)
            limit = _deblock.THRESHOLD**2 * noise_by_bin[bin_] * share_by_frequency
            with np.errstate(divide="ignore"):
                gains = np.maximum(1 - limit / coefficients**2, 0.0)
            gains[0, 0] = 1.0
            weight = 1 / (1 + np.sum(gains**2) - 1.0)
            back = basis.T @ (coefficients * gains) @ basis
            share = weight / (weight + _deblock.IDENTITY)
            correction[top : top + side, left : left + side] = share * (back - values)
    out = position + correction[half : half + height, half : half + width]
    return out - np.floor(out) if cyclic else np.clip(out, 0, 1)


@pytest.mark.parametrize("cyclic", [False, True])
@pytest.mark.parametrize("shape", [(37, 53), (64, 64), (9, 130), (3, 5)])
def test_deblock_matches_the_numpy_oracle(cyclic: bool, shape: tuple[int, int]) -> None:
    rng = np.random.default_rng(7)
    rows, cols = np.mgrid[: shape[0], : shape[1]]
    field = 0.5 + 0.3 * np.sin(rows / 5.0) * np.cos(cols / 7.0)
    position = np.clip(field + rng.normal(0, 0.01, shape), 0, 1)
    if cyclic:  # a seam across the picture
        position = (position + 0.45) % 1.0
    position[shape[0] // 2, shape[1] // 3] = np.nan  # a hole: its window left alone
    noise_by_bin = (rng.uniform(0.5, 3.0, 256) / 256) ** 2
    got, n_nan = _deblock.deblock(position, noise_by_bin, cyclic)
    want = _oracle(position, noise_by_bin, cyclic)
    assert got.shape == want.shape and got.dtype == np.float64
    assert np.array_equal(np.isnan(got), np.isnan(position)) and n_nan == 1
    difference = np.abs(got - want)
    if cyclic:
        difference = np.minimum(difference, 1 - difference)
    assert np.nanmax(difference) < 2e-5  # (float32 windows)
    if min(shape) >= 8:
        assert np.nanmean(np.abs(got - position)) > 5e-4  # it did filter
    # a log norm's values: the positions' (``_kernels._inverse_norm``)
    logged, _ = _deblock.deblock(position, noise_by_bin, cyclic, (kernels.NORM_LOG, -1.0, 2.0))
    assert np.allclose(logged, 10.0 ** (-1.0 + 3.0 * got), rtol=1e-12, equal_nan=True)


def _astronaut() -> np.ndarray:
    """scikit-image's astronaut (gray), halved: texture at every scale."""
    from skimage import data
    from skimage.color import rgb2gray

    return np.asarray(rgb2gray(data.astronaut())[::2, ::2], dtype=np.float64)


@pytest.mark.parametrize("name", ["viridis", "RdBu_r", "twilight", "gray"])
@pytest.mark.parametrize("quality", [90, 50])
def test_jpeg_of_a_photograph_is_filtered_on_the_grid(name: str, quality: int) -> None:
    """Pillow 4:2:0 JPEG of a photograph: mean error with the filter below the same
    decoder's without it."""
    data = _astronaut()
    cyclic = name == "twilight"
    picture = pillow_jpeg(tp.colorize(data, cmap=name, vmin=0, vmax=1), quality)
    decoder = Decolorizer(name, vmin=0, vmax=1, cyclic=cyclic)
    plan = make_plan(decoder, picture, "u8", 1.0)
    assert plan.jpeg and plan.dct and plan.denoise
    values = decoder.values(picture)
    plain = Decolorizer(name, vmin=0, vmax=1, cyclic=cyclic, denoise=False).values(picture)
    assert not np.isnan(values).any()

    def error(answer: np.ndarray) -> float:
        change = np.abs(answer - data)
        return float(np.minimum(change, 1 - change).mean() if cyclic else change.mean())

    assert error(values) <= 0.998 * error(plain)


def test_threshold_follows_jpeg_luma_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """The garrote's threshold grows with frequency as the luma table Pillow writes
    does, and that beats one threshold for all (acc3's: 1.5 sds) on a photograph's
    q75 JPEG (real fields, 12 maps: 0.805 -> 0.795 of the k-d tree's error)."""
    buffer = io.BytesIO()
    Image.fromarray(np.zeros((16, 16, 3), np.uint8)).save(buffer, "JPEG", quality=50)
    table = np.array(Image.open(buffer).quantization[0]).reshape(8, 8)
    assert np.array_equal(_deblock.QUANT, table)
    data = _astronaut()
    picture = pillow_jpeg(tp.colorize(data, cmap="viridis", vmin=0, vmax=1), 75)
    shared = Decolorizer("viridis", vmin=0, vmax=1).values(picture)
    monkeypatch.setattr(_deblock, "_SHAPE", np.ones((8, 8), np.float32))
    monkeypatch.setattr(_deblock, "THRESHOLD", 1.5)
    flat = Decolorizer("viridis", vmin=0, vmax=1).values(picture)
    assert np.abs(shared - data).mean() < 0.995 * np.abs(flat - data).mean()


def test_jpeg_of_a_smooth_gray_field_keeps_the_planes() -> None:
    """A smooth field's JPEG'd gray picture: its blocks' luma has little texture
    (``luma_texture``), and the planes, not the grid's DCT, filter it."""
    rows, cols = np.mgrid[:256, :256] / 256.0
    data = 0.5 + 0.25 * np.sin(3 * rows) * np.cos(2 * cols) + 0.2 * rows
    picture = pillow_jpeg(tp.colorize(data, cmap="gray", vmin=0, vmax=1), 75)
    assert _deblock.luma_texture(picture) < 15
    decoder = Decolorizer("gray", vmin=0, vmax=1)
    plan = make_plan(decoder, picture, "u8", 1.0)
    assert plan.jpeg and plan.denoise and not plan.dct

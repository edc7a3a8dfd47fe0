"""The sliding-window DCT denoiser of noisy positions (``_dct``) and its blend with the planes.

The kernel is checked against a numpy oracle (scipy's DCT over every window, from
skimage's ``view_as_windows``); the blend on scikit-image's camera drawn with
matplotlib and given seeded Gaussian noise, against the nearest table color (a
scipy k-d tree) and against the planes alone.
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pytest
from scipy.fft import dctn, idctn
from scipy.spatial import cKDTree

from truepix import Decolorizer
from truepix.color._decolorize import _dct, _filter
from truepix.color._decolorize._kernels import NORM_LINEAR


def _oracle_stage(
    stable: np.ndarray, pilot: np.ndarray | None, side: int, step: int, threshold: float
) -> np.ndarray:
    """One stage over a padded field, every window in numpy (see ``_dct``)."""
    from skimage.util import view_as_windows

    windows = view_as_windows(stable, (side, side), step)
    coef = dctn(windows, axes=(-2, -1), norm="ortho")
    if pilot is None:
        gain = (np.abs(coef) > threshold).astype(float)
        gain[..., 0, 0] = 1.0
        weight = 1.0 / np.maximum(gain.sum(axis=(-2, -1)), 1.0)
    else:
        pilot_windows = view_as_windows(pilot, (side, side), step)
        covered = np.isfinite(pilot_windows).all(axis=(-2, -1))  # else left out
        guide = dctn(np.nan_to_num(pilot_windows), axes=(-2, -1), norm="ortho")
        gain = guide**2 / (guide**2 + _dct.WIENER_NOISE)
        gain[..., 0, 0] = 1.0
        weight = covered / np.maximum((gain**2).sum(axis=(-2, -1)), 1.0)
    blocks = idctn(coef * gain, axes=(-2, -1), norm="ortho")
    total, count = np.zeros_like(stable), np.zeros_like(stable)
    rows, cols = windows.shape[:2]
    for i in range(side):
        for j in range(side):
            region = (slice(i, i + rows * step, step), slice(j, j + cols * step, step))
            total[region] += (blocks[:, :, i, j] - windows[:, :, i, j]) * weight
            count[region] += weight
    correction = np.divide(total, count, out=np.full_like(total, np.nan), where=count > 0)
    return stable + correction


def _oracle(
    position: np.ndarray, noise: np.ndarray, windows: tuple[tuple[int, int, int], ...]
) -> np.ndarray:
    """Both stages of each window size, their answers' mean, in numpy."""
    edges = _dct.stabilising_transform(noise)
    n_bins = len(noise)
    stable = np.interp(position * n_bins, np.arange(n_bins + 1), edges)
    answers = []
    for side, step, pilot_step in windows:
        pad = side - 1
        padded = np.pad(stable, pad, mode="symmetric")
        pilot = _oracle_stage(padded, None, side, pilot_step, _dct.THRESHOLD)
        answers.append(_oracle_stage(padded, pilot, side, step, 0.0)[pad:-pad, pad:-pad])
    return np.interp(np.mean(answers, axis=0), edges, np.arange(n_bins + 1)) / n_bins


@pytest.mark.parametrize(
    "windows", [((8, 1, 1),), ((8, 2, 3),), ((12, 3, 4),), _dct.WINDOWS]
)  # fmt: skip
def test_dct_kernel_matches_its_numpy_oracle(windows: tuple[tuple[int, int, int], ...]) -> None:
    """Both stages, the windows' weights, the stabilising transform and the mean of
    window sizes, on a noisy ramp with texture whose noise differs per bin."""
    rng = np.random.default_rng(2)
    y, x = np.mgrid[0:40, 0:52] / 52.0
    truth = 0.2 + 0.5 * x + 0.05 * np.sin(9 * y) * np.cos(7 * x)
    noise = (0.004 + 0.004 * np.linspace(0, 1, 64)) ** 2
    position = np.clip(truth + 0.006 * rng.standard_normal(truth.shape), 0.0, 1.0)
    got = _dct.dct_denoise(position, noise, False, windows=windows)
    expected = _oracle(position, noise, windows)
    # the kernel's stages run in float32 (stabilised values are O(100) noise sds: 1e-5
    # of a sd), the oracle in float64
    assert np.abs(got - expected).max() < 1e-6


@pytest.mark.parametrize("cyclic", [False, True])
def test_same_answers_on_one_thread_and_two(
    cyclic: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stages' window rows and the filters' pixel rows are split among Python
    threads (``_threads.split_rows``, as many as ``numba.get_num_threads()``): every split
    sums in the same order. The thread count is set where ``split_rows`` reads it, so the
    test holds under any ``NUMBA_NUM_THREADS`` (numba refuses ``set_num_threads(2)`` when
    its pool has one thread)."""
    import numba

    from truepix._threads import MIN_ROWS

    rng = np.random.default_rng(3)
    height = 2 * MIN_ROWS * 8 + 40  # each stage's phases have rows for two threads
    y, x = np.mgrid[0:height, 0:60] / 60.0
    position = (0.3 + 0.4 * x + 0.1 * np.sin(5 * y) + 0.01 * rng.standard_normal(x.shape)) % 1.0
    position[rng.random(position.shape) < 0.0005] = np.nan  # windows without an answer
    noise = np.full(64, 2e-5)
    answers = []
    for threads in (1, 2, 3):
        monkeypatch.setattr(numba, "get_num_threads", lambda threads=threads: threads)
        planes = np.empty_like(position)
        _filter.pilot_wiener(position, position, noise, 2, cyclic, planes)
        answers.append((_dct.dct_denoise(position, noise, cyclic), planes))
    for other in answers[1:]:
        for one, two in zip(answers[0], other, strict=True):
            assert np.isfinite(one).mean() > 0.8  # answers, not only NaN, compared
            assert np.array_equal(one, two, equal_nan=True)


def _camera() -> np.ndarray:
    from skimage import data
    from skimage.transform import resize

    # 256 x 256, anti-aliased as benchmarks/colormaps.py makes it: texture and edges
    camera = resize(data.camera() / 255.0, (256, 256), order=1, anti_aliasing=True)
    dither = np.random.default_rng(6).uniform(-0.5, 0.5, camera.shape) / 255.0
    return np.clip(camera + dither, 0.0, 1.0)


def _noisy(rgb: np.ndarray, seed: int, sigma: float = 2.0) -> np.ndarray:
    noisy = rgb.astype(float) + np.random.default_rng(seed).normal(0.0, sigma, rgb.shape)
    return np.clip(np.round(noisy), 0, 255).astype(np.uint8)


def _error(values: np.ndarray, data: np.ndarray, cyclic: bool = False) -> float:
    error = np.abs(values - data)
    if cyclic:
        error = np.minimum(error, 1.0 - error)
    return float(np.where(np.isnan(values), 1.0, error).mean())


@pytest.fixture(scope="module")
def camera() -> np.ndarray:
    return _camera()


@pytest.mark.parametrize("name", ["viridis", "twilight"])
def test_blend_errs_less_than_the_planes_alone(
    camera: np.ndarray, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a noisy photograph the planes keep flat areas and the DCT's cosines keep
    texture: their mean errs less than the planes alone (measured: viridis 0.804x ->
    0.783x the k-d tree's error, twilight, across its seam, 0.817x -> 0.803x; on
    ``camera[::2, ::2]``, aliased to the pixel, only 0.859x -> 0.851x)."""
    cyclic = name == "twilight"
    cmap = mpl.colormaps[name]
    picture = _noisy(cmap(camera, bytes=True)[..., :3], seed=3)
    table = cmap(np.arange(cmap.N), bytes=True)[:, :3].astype(float)
    index = cKDTree(table).query(picture.reshape(-1, 3).astype(float))[1]
    baseline = _error((index + 0.5) / len(table), camera.ravel(), cyclic)
    blended = _error(Decolorizer(name, vmin=0.0, vmax=1.0).values(picture), camera, cyclic)
    monkeypatch.setattr(_filter, "TEXTURE_WEIGHT", 0.0)
    planes = _error(Decolorizer(name, vmin=0.0, vmax=1.0).values(picture), camera, cyclic)
    assert blended < 0.99 * planes
    assert blended < (0.82 if cyclic else 0.80) * baseline


def test_seam_and_holes() -> None:
    """A cyclic field that crosses the seam everywhere comes back without seam
    artefacts (windows across it unwrapped). A NaN position leaves out the windows
    that hold it: the pixels no other window covers are NaN here, and the blend
    takes the planes' answer there."""
    rng = np.random.default_rng(4)
    y, x = np.mgrid[0:64, 0:64] / 64.0
    truth = (0.9 + 0.3 * x + 0.05 * np.sin(6 * y)) % 1.0
    noise = np.full(256, 0.004**2)
    position = (truth + 0.004 * rng.standard_normal(truth.shape)) % 1.0
    position[30, 30] = np.nan
    out = _dct.dct_denoise(position, noise, True)
    error = np.abs(out - truth)
    error = np.minimum(error, 1.0 - error)
    holes = np.argwhere(np.isnan(out))
    assert [30, 30] in holes.tolist()
    assert np.abs(holes - 30).max() < _dct.BLOCK
    assert np.nanmax(error) < 0.02
    noisy = np.abs(position - truth)
    assert np.nanmean(error) < 0.6 * np.nanmean(np.minimum(noisy, 1.0 - noisy))


def test_blend_takes_the_planes_where_the_dct_has_no_answer() -> None:
    planes = np.array([0.2, 0.98, np.nan, 0.4])
    texture = np.array([0.3, 0.02, 0.5, np.nan])
    out = np.empty(4)
    _filter._blend(planes, texture, 0.5, True, NORM_LINEAR, 0.0, 1.0, out)
    assert np.allclose(out[[0, 1, 3]], [0.25, 0.0, 0.4])
    assert np.isnan(out[2])

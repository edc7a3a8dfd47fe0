"""The fused kernels of ``_lattice_kernels`` answer what numpy's steps answered: the
phases' medians bit for bit and their fits within float32's rounding
(``phase_fits``); the lattice's z score within float32's rounding, numpy's own bits
near the values callers compare it with (``lattice_score``); and ``shift_share``'s
colors at sorted positions are np.interp's at the positions as they come."""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pytest

from tests.color._photographs import pillow_jpeg
from truepix.color._decolorize import _lattice, _lossy
from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._lattice_kernels import _phase_median, phase_fits
from truepix.color._decolorize._phase420 import chroma_phase
from truepix.synthetic import smooth_field


def _picture(name: str, quality: int, size: int = 256, *, ripples: bool = False) -> np.ndarray:
    if ripples:  # (chroma detail at every 2x2 phase: what tells the phases apart)
        y, x = np.mgrid[0:size, 0:size]
        data = 0.5 + 0.45 * np.sin(x / 5 + np.cos(y / 7)) * np.cos(y / 4)
    else:
        data = smooth_field((size, size), seed=3)
    return pillow_jpeg(mpl.colormaps[name](data, bytes=True)[..., :3], quality)


@pytest.mark.parametrize("shape", [(224, 224), (223, 224), (37, 40)])
def test_phase_medians_of_the_fused_kernel_are_numpys(shape):
    # few distinct values, ties and -0.0 at the middle: numpy's median, sign and all
    rng = np.random.default_rng(9)
    for levels in (3, 40, 10**6):
        plane = (rng.integers(0, levels, shape) * np.float32(0.37)).astype(np.float32)
        plane -= plane[shape[0] // 2, shape[1] // 2]
        plane[plane == 0] = -0.0
        ordered = np.sort(plane, axis=None)
        for dy, dx in _lattice.PHASES:
            rows, cols = _lattice.phase_cut(shape, dy, dx)
            got = _phase_median(plane, ordered, rows.start, rows.stop, cols.start, cols.stop)
            expected = np.median(plane[rows, cols])
            assert got == expected
            assert np.signbit(got) == np.signbit(expected)


@pytest.mark.parametrize("cut", [(0, 0), (1, 0), (0, 1), (1, 1), (3, 6)])
def test_phase_fits_are_numpys_fits_and_the_phase_is_found(cut):
    # a JPEG'd picture cut at each phase: every fit within float32's rounding of numpy's,
    # and the phase read is the cut's
    picture = _picture("jet", 75, ripples=True)[cut[0] :, cut[1] :]
    window = _lattice._central(picture, 144)
    rgb = window.astype(np.float32)
    planes = np.stack(_lattice.chroma_planes(rgb))
    fits = phase_fits(planes, np.sort(planes.reshape(2, -1), axis=1), _lattice._UNFILTER)
    for (dy, dx), (error, spread, size) in zip(_lattice.PHASES, fits, strict=True):
        medians = tuple(_lattice.phase_medians(plane)[(dy, dx)] for plane in planes)
        expected = _lattice.phase_fit(rgb, dy, dx, tuple(planes), medians)
        assert size == expected[2]
        assert error == pytest.approx(expected[0], rel=1e-5)
        assert spread == pytest.approx(expected[1], rel=1e-5)
    assert chroma_phase(picture) == (cut[0] % 2, cut[1] % 2)


@pytest.mark.parametrize("blocks", [64, 144, 1024])
@pytest.mark.parametrize("quality", [50, 95])
def test_lattice_score_is_numpys_histogram_score(blocks, quality):
    # 4:2:0 and 4:4:4 readings of JPEG'd pictures: the sparse float64 sums within
    # float32's rounding of numpy's dense ones, and a JPEG's lattice read as one
    picture = _picture("viridis", quality, 320)
    rgb = _lattice._central(picture, blocks)
    chroma = _lattice._CHROMA[0].astype(np.float32)
    best = 0.0
    for plane in (_lattice._samples(_lattice._plane(_lattice._means(rgb), chroma)),
                  _lattice._plane(rgb.astype(np.float32), chroma)):  # fmt: skip
        side = int(np.sqrt(blocks))
        n_y, n_x = min(plane.shape[0] // 8, side), min(plane.shape[1] // 8, side)
        top, left = (plane.shape[0] // 8 - n_y) // 2 * 8, (plane.shape[1] // 8 - n_x) // 2 * 8
        crop = plane[top : top + 8 * n_y, left : left + 8 * n_x]
        values = (_lattice._DCT @ crop.reshape(n_y, 8, n_x, 8).transpose(0, 2, 1, 3)
                  @ _lattice._DCT.T).reshape(1, -1, 64)[..., 1:]  # fmt: skip
        dense = float(_lattice._histogram_z(values, _lattice._FINE)[0])
        assert _lattice._lattice_z(plane, blocks) == pytest.approx(dense, rel=1e-5, abs=1e-6)
        best = max(best, dense)
    assert best >= _lattice.LATTICE_Z


def test_lattice_score_near_the_compared_values_is_numpys_bits():
    # a plane of few coefficients off zero: nothing read, 0.0 as numpy says; and a score
    # within LATTICE_DENSE_NEAR of LATTICE_Z comes from numpy's dense sums
    flat = np.zeros((64, 64), np.float32)
    assert _lattice._lattice_z(flat, 64) == 0.0
    rng = np.random.default_rng(2)
    for _ in range(200):
        plane = (rng.normal(size=(64, 64)) * 3.0).astype(np.float32)
        z = _lattice._lattice_z(plane, 64)
        side = 8
        values = (_lattice._DCT @ plane.reshape(side, 8, side, 8).transpose(0, 2, 1, 3)
                  @ _lattice._DCT.T).reshape(1, -1, 64)[..., 1:]  # fmt: skip
        dense = float(_lattice._histogram_z(values, _lattice._FINE)[0])
        near = min(dense, abs(dense - _lattice.LATTICE_Z)) < _lattice.LATTICE_DENSE_NEAR / 2
        assert z == dense if near else z == pytest.approx(dense, rel=1e-5, abs=1e-6)


def test_shift_share_colors_are_np_interps():
    # codes of a JPEG'd picture's sample, unsorted: the share as with np.interp in order
    picture = _picture("coolwarm", 75, 128).reshape(-1, 3)
    decoder = __import__("truepix").Decolorizer("coolwarm", vmin=0, vmax=1)
    decoder.values(picture.reshape(128, 128, 3))
    codes = decoder._codes(np.ascontiguousarray(picture), "u8", 1.0, "rgb")
    line = decoder._grid("u8", "rgb").line
    counted = np.flatnonzero((codes >> kernels.RESIDUAL_SHIFT) <= 40)
    at = (codes[counted] & kernels.POS_MASK) * (line.n_bins / kernels.POS_SCALE)
    assert not np.all(np.diff(at) >= 0)  # (the case the sort is for)
    residual = picture[counted].astype(np.float64) - line.colors_at(at)
    bins = np.minimum((at * (_lossy.SHIFT_BINS / line.n_bins)).astype(np.intp),
                      _lossy.SHIFT_BINS - 1)  # fmt: skip
    counts = np.bincount(bins, minlength=_lossy.SHIFT_BINS).astype(np.float64)
    sums = np.stack([np.bincount(bins, residual[:, k], _lossy.SHIFT_BINS) for k in range(3)], 1)
    squares = np.bincount(bins, (residual**2).sum(axis=1), _lossy.SHIFT_BINS).sum()
    expected = ((sums**2).sum(axis=1) / np.maximum(counts, 1.0)).sum() / squares
    assert _lossy.shift_share(picture, 1.0, codes, 40, line) == expected

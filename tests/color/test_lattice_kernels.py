"""The compiled deconvolution and upsampling of ``_lattice`` give numpy's bits; its
phases' medians from one sort are numpy's medians."""

from __future__ import annotations

import numpy as np
import pytest

from truepix.color._decolorize import _lattice


def _samples_numpy(means: np.ndarray) -> np.ndarray:
    """``_lattice._samples`` as numpy's shifted copies (the reference)."""
    taps = _lattice.UNFILTER_TAPS
    padded = np.pad(means, taps, mode="symmetric")
    height, width = means.shape
    rows = sum(_lattice._UNFILTER[k] * padded[k : k + height] for k in range(2 * taps + 1))
    return sum(_lattice._UNFILTER[k] * rows[:, k : k + width] for k in range(2 * taps + 1))


@pytest.mark.parametrize("shape", [(112, 112), (40, 57), (5, 9), (3, 3)])
def test_compiled_lattice_planes_are_numpys_bits(shape):
    # a JPEG'd plane's 2x2 means: DN-sized float32 values, a -0.0 among them; planes
    # smaller than the taps' reach (several reflections) too
    rng = np.random.default_rng(5)
    means = (rng.normal(size=shape) * 40.0).astype(np.float32)
    means[0, 0] = -0.0
    samples = _lattice._samples(means)
    expected = _samples_numpy(means)
    assert samples.dtype == np.float32
    assert np.array_equal(samples, expected)
    assert np.array_equal(np.signbit(samples), np.signbit(expected))
    upsampled = _lattice._samples(means, upsample=True)
    assert upsampled.dtype == np.float32
    assert np.array_equal(upsampled, _lattice._upsampled(expected))  # (numpy's, the reference)


@pytest.mark.parametrize("shape", [(224, 224), (223, 224), (37, 40)])
def test_phase_medians_are_numpys(shape):
    # a JPEG'd chroma plane: few distinct values, many ties (and -0.0) at the middle
    rng = np.random.default_rng(9)
    for levels in (3, 40, 10**6):
        plane = (rng.integers(0, levels, shape) * np.float32(0.37)).astype(np.float32)
        plane -= plane[shape[0] // 2, shape[1] // 2]
        plane[plane == 0] = -0.0
        medians = _lattice.phase_medians(plane)
        for dy, dx in _lattice.PHASES:
            expected = np.median(plane[_lattice.phase_cut(shape, dy, dx)])
            assert medians[(dy, dx)] == expected
            assert medians[(dy, dx)].dtype == expected.dtype

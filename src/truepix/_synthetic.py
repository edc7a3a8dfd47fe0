"""Built-in synthetic data for the demo, the benchmarks and the tests (no downloads).

Fields are fractal (1/f^beta) noise made with an FFT, which looks like terrain,
clouds or depth: smooth at large scales with texture at small ones.

Examples
--------
>>> field = fractal_field((64, 48), seed=0)
>>> field.shape, field.dtype, float(field.min()), float(field.max())
((64, 48), dtype('float64'), 0.0, 1.0)
"""

from __future__ import annotations

import numpy as np

__all__ = ["depth_map", "fractal_field", "smooth_field"]


def fractal_field(shape: tuple[int, int], /, *, beta: float = 3.0, seed: int = 0) -> np.ndarray:
    """Return fractal (1/f^beta) noise of ``shape`` scaled to [0, 1] (float64).

    Parameters
    ----------
    shape
        ``(height, width)`` of the field.
    beta
        The spectral slope: 2 is rough, 4 very smooth.
    seed
        Seed of ``np.random.default_rng`` for the random phases.

    Returns
    -------
    numpy.ndarray
        float64 of ``shape``, minimum 0.0 and maximum 1.0.

    Examples
    --------
    >>> fractal_field((4, 6), seed=2).shape
    (4, 6)
    """
    rng = np.random.default_rng(seed)
    height, width = shape
    fy = np.fft.fftfreq(height)[:, None]
    fx = np.fft.rfftfreq(width)[None, :]
    radius = np.hypot(fy, fx)
    radius[0, 0] = 1.0
    amplitude = radius ** (-beta / 2.0)
    amplitude[0, 0] = 0.0
    phase = rng.uniform(0.0, 2.0 * np.pi, amplitude.shape)
    spectrum = amplitude * np.exp(1j * phase)
    field = np.fft.irfft2(spectrum, s=shape)
    field -= field.min()
    field /= field.max()
    return field


def smooth_field(
    shape: tuple[int, int], /, *, seed: int | np.random.Generator = 0
) -> np.ndarray:
    """Return six broad Gaussian bumps over a gentle slope, scaled to [0, 1] (float64).

    A field with no texture at small scales: what JPEG loses least of, and the
    "smooth" field of ``benchmarks/colormaps.py``. The 0.2 and 99.8 percentiles
    map to 0 and 1 (values past them are clipped).

    Parameters
    ----------
    shape
        ``(height, width)`` of the field.
    seed
        Seed of ``np.random.default_rng``, or a Generator to draw from (its
        state advances).

    Returns
    -------
    numpy.ndarray
        float64 of ``shape`` in [0, 1].

    Examples
    --------
    >>> field = smooth_field((48, 64), seed=7)
    >>> field.shape, float(field.min()), float(field.max())
    ((48, 64), 0.0, 1.0)
    """
    rng = np.random.default_rng(seed)
    height, width = shape
    y = np.arange(height)[:, None] / height
    x = np.arange(width)[None, :] / width
    field = 0.3 * x + 0.2 * y
    for _ in range(6):
        cx, cy = rng.random(2)
        spread = rng.uniform(0.1, 0.35)
        field = field + rng.uniform(-1, 1) * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / spread**2)
    low, high = np.percentile(field, [0.2, 99.8])
    return np.clip((field - low) / (high - low), 0.0, 1.0)


def depth_map(shape: tuple[int, int], /, *, seed: int = 0) -> np.ndarray:
    """Return a uint16 depth map in millimetres (0.5 to 20 m) like an RGB-D sensor's.

    Smooth surfaces with 1 mm noise, and missing (0) pixels in clustered holes
    (about 2.5%), as sensors leave them in shadows and out of range.

    Parameters
    ----------
    shape
        ``(height, width)`` of the map.
    seed
        Seed of the surfaces, noise and holes.

    Returns
    -------
    numpy.ndarray
        uint16 of ``shape``: millimetres, 0 where the sensor saw nothing.

    Examples
    --------
    >>> depth = depth_map((32, 32), seed=1)
    >>> depth.dtype.name, int(depth.max()) <= 20000
    ('uint16', True)
    """
    rng = np.random.default_rng(seed)
    field = fractal_field(shape, beta=4.0, seed=seed)
    depth_mm = 500.0 + field * 19500.0
    depth_mm += rng.normal(0.0, 1.0, shape)
    depth = np.clip(np.rint(depth_mm), 1, 20000).astype(np.uint16)
    depth[fractal_field(shape, beta=3.0, seed=seed + 1) > 0.8] = 0
    return depth

"""Plain-numpy reference for the decolorize kernels: brute force, no grid, no memo.

Tests compare :mod:`truepix.color._decolor_kernels` against these functions.
"""

from __future__ import annotations

import numpy as np

from truepix.color._decolor_palette import Polyline

__all__ = ["project", "wiener_positions"]


def project(
    rgb: np.ndarray, line: Polyline, /, *, gap: float, tolerance: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Closest point of the polyline for each (P, 3) RGB color in DN.

    Returns the position in bins (``[0, N)`` on cyclic maps), the metric distance
    and whether another place more than ``gap`` bins away is within ``tolerance``.
    """
    points = np.asarray(rgb, dtype=np.float64) @ line.matrix.T
    rel = points[:, None, :] - line.seg_a[None, :, :]
    t = np.clip(np.einsum("psk,sk->ps", rel, line.seg_d) * line.seg_inv, 0.0, 1.0)
    diff = rel - t[:, :, None] * line.seg_d[None, :, :]
    dist2 = np.einsum("psk,psk->ps", diff, diff)
    best = np.argmin(dist2, axis=1)  # first minimum, as the kernel's strict '<'
    rows = np.arange(len(points))
    seg_pos = line.seg_s[None, :] + t * line.seg_ds[None, :]
    position = seg_pos[rows, best]
    residual = np.sqrt(dist2[rows, best])
    period = float(line.n_bins) if line.cyclic else 0.0
    if period:
        position = np.where(position >= period, position - period, position)
    apart = np.abs(seg_pos - position[:, None])
    if period:
        apart = np.minimum(apart % period, period - apart % period)
    within = dist2 <= (residual[:, None] + tolerance) ** 2
    ambiguous = np.any(within & (apart > gap), axis=1)
    return position, residual, ambiguous


def wiener_positions(
    position: np.ndarray, noise_var: np.ndarray, /, *, radius: int, cyclic: bool
) -> np.ndarray:
    """Locally adaptive Wiener filter of a 2-D position field in [0, 1] (NaN = invalid)."""
    height, width = position.shape
    out = np.empty_like(position)
    for y in range(height):
        for x in range(width):
            center = position[y, x]
            if np.isnan(center):
                out[y, x] = center
                continue
            window = (
                slice(max(0, y - radius), y + radius + 1),
                slice(max(0, x - radius), x + radius + 1),
            )
            values = position[window]
            valid = ~np.isnan(values)
            d = values[valid] - center
            if cyclic:
                d -= np.floor(d + 0.5)
            mean = d.mean()
            var = (d * d).mean() - mean * mean
            noise = noise_var[window][valid].mean()
            gain = (var - noise) / var if var > noise and var > 0 else 0.0
            estimate = center + mean - mean * gain
            out[y, x] = estimate - np.floor(estimate) if cyclic else estimate
    return out

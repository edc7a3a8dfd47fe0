"""``Polyline.colors_at`` of many positions in one numba pass: :func:`colors_at_many`.

``colors_at`` is three ``np.interp`` calls (one a channel), each a binary search per
position: on a figure's region (a JPEG'd 600x800 figure with a half-transparent box,
``_inked``'s field of 234 000 pixels, seven tries) 35 ms a call for random positions.
Here each position's vertex is walked from its guess (``_marks.interp_at``: numpy's
arithmetic to the last bit, its slopes computed beforehand as numpy does), the three
channels at once. Only arrays of ``_palette.INTERP_LEAST`` positions or more come here.
"""

from __future__ import annotations

import math

import numba as nb
import numpy as np

from truepix.color._decolorize._marks import interp_at, interp_table
from truepix.color._decolorize._vertex import _JIT

__all__ = ["colors_at_many"]


def colors_at_many(
    at: np.ndarray, positions: np.ndarray, vertices: np.ndarray, n_bins: int, cyclic: bool
) -> np.ndarray:
    """``np.stack([np.interp(at, positions, vertices[:, c], period=n_bins if cyclic else
    None) for c in range(3)], -1)``, bit for bit (NaN gives NaN), (..., 3)."""
    x = np.asarray(at, dtype=np.float64)
    xp, fp, slopes, period = interp_table(positions, vertices, n_bins, cyclic)
    out = np.empty((x.size, 3))
    _colors(x.ravel(), xp, fp, slopes, period, float(n_bins), out)
    return out.reshape(x.shape + (3,))


@nb.njit(**_JIT)
def _colors(x, xp, fp, slopes, period, n_bins, out):  # pragma: no cover - jitted
    """``out[i]``: :func:`interp_at` of ``x[i]`` (NaN where it is NaN)."""
    for i in range(x.shape[0]):
        s = x[i]
        if math.isnan(s):
            out[i, 0] = out[i, 1] = out[i, 2] = s
            continue
        out[i, 0], out[i, 1], out[i, 2] = interp_at(s, xp, fp, slopes, period, n_bins)

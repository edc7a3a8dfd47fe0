"""numba kernels of :mod:`truepix._shares`: a picture's light, nearly neutral pixels.

Apart from ``_kernels`` (which keeps to its 600 lines): the NaN-share count loads these
kernels, not the decoder's.
"""

from __future__ import annotations

import numba as nb
import numpy as np

__all__ = ["hide_light"]


@nb.njit(cache=True, nogil=True)
def hide_light(flat, n_channels, hidden, light, neutral):  # pragma: no cover - jitted
    """Set ``hidden`` where a pixel of a C-contiguous uint8 picture's bytes ``flat`` (1-D,
    ``n_channels`` >= 3 a pixel) is ``light`` and nearly ``neutral`` (``_shares.shown_pixels``'
    test, LIGHT and NEUTRAL, in one pass). RGB and RGBA at a literal stride and without a
    branch, which numba vectorizes (a JPEG'd megapixel, one thread: 1.1 -> 0.35-0.4 ms
    RGB; a branch a pixel over (P, C) rows was not vectorized)."""
    if n_channels == 3:
        _light_rows(flat, 3, hidden, light, neutral)
    elif n_channels == 4:
        _light_rows(flat, 4, hidden, light, neutral)
    else:
        _light_rows(flat, n_channels, hidden, light, neutral)


@nb.njit(cache=True, nogil=True, inline="always")
def _light_rows(flat, stride, hidden, light, neutral):  # pragma: no cover - jitted
    """``hide_light`` at ``stride`` bytes a pixel (a literal where inlined)."""
    for p in range(hidden.shape[0]):
        i = stride * p
        r, g, b = np.int32(flat[i]), np.int32(flat[i + 1]), np.int32(flat[i + 2])
        low, high = min(r, min(g, b)), max(r, max(g, b))
        hidden[p] = hidden[p] | ((low >= light) & (high - low <= neutral))

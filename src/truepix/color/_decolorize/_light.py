"""numba kernel of :mod:`truepix._shares`: a picture's light, nearly neutral pixels.

Apart from ``_kernels`` (which keeps to its 600 lines): the NaN-share count loads this
one kernel, not the decoder's.
"""

from __future__ import annotations

import numba as nb
import numpy as np

__all__ = ["hide_light"]


@nb.njit(cache=True, nogil=True)
def hide_light(pixels, hidden, light, neutral):  # pragma: no cover - jitted
    """Set ``hidden`` where a (P, C >= 3) uint8 pixel is ``light`` and nearly ``neutral``
    (``_shares.shown_pixels``' test, LIGHT and NEUTRAL, in one pass)."""
    for p in range(pixels.shape[0]):
        r, g, b = np.int32(pixels[p, 0]), np.int32(pixels[p, 1]), np.int32(pixels[p, 2])
        low, high = min(r, min(g, b)), max(r, max(g, b))
        if low >= light and high - low <= neutral:
            hidden[p] = True

"""The fields beside a thin line's chains by chroma (``_lines.ink_lines``: LINES_FIELDS)."""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix.color._decolorize._kernels import _JIT

__all__ = ["chroma_medians"]


@nb.njit(**_JIT)
def chroma_medians(flat, chroma, pixels):  # pragma: no cover - jitted
    """The median Cb and Cr (DN; ``chroma``: their weights times the scale) of ``pixels``
    (flat indices): a thin line's chroma, which JPEG's 4:2:0 shares with the field beside
    it (the field's more than the line's)."""
    cb, cr = np.empty(pixels.shape[0]), np.empty(pixels.shape[0])
    for i in range(pixels.shape[0]):
        p = pixels[i]
        cb[i] = flat[p, 0] * chroma[0, 0] + flat[p, 1] * chroma[0, 1] + flat[p, 2] * chroma[0, 2]
        cr[i] = flat[p, 0] * chroma[1, 0] + flat[p, 1] * chroma[1, 1] + flat[p, 2] * chroma[1, 2]
    return np.median(cb), np.median(cr)

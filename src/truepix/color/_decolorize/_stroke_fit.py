"""numba passes of one ink's try in ``_inked._claimed``: the stroke and its gains.

Each try ran ~15 numpy passes over its region's pixels ((n, 2) and (n, 3) temporaries,
column views, gathers and scatters through the region's box): a JPEG'd 600x800 figure
with a half-transparent white box, 234 000 pixels, seven tries. Here the per-pixel
arithmetic between the two 4:2:0 upsamplings runs in two passes, numpy's operations in
numpy's order (no sum over pixels: the ink's chroma fit stays numpy's), so the answers
are the same to the bit: :func:`stroke_colors` (the chroma opacity, the stroke's color,
its chroma placed in the box) and :func:`stroke_gains` (the stroke's squared error, the
gains of the opaque pixels placed in the box).
"""

from __future__ import annotations

import math

import numba as nb

from truepix.color._decolorize._vertex import _JIT

__all__ = ["stroke_colors", "stroke_gains"]


@nb.njit(inline="always", **_JIT)
def _clip01(x):  # pragma: no cover - jitted
    """``np.clip(x, 0.0, 1.0)`` as numpy's ufunc does it (NaN and -0.0 kept)."""
    if math.isnan(x):
        return x
    x = x if x >= 0.0 else 0.0
    return x if x <= 1.0 else 1.0


@nb.njit(**_JIT)
def stroke_colors(  # pragma: no cover - jitted
    obs, field, upsampled, alpha, defined, ink, local, placed, stroke
):  # fmt: skip
    """Per region pixel i (Y Cb Cr rows ``obs``, ``field``; ``upsampled``: the field's
    chroma 4:2:0 upsampled): where the luma does not define the opacity (not
    ``defined[i]``), ``alpha[i]`` becomes the chroma's, the fit of the pixel's chroma
    along the ink's from the field's, clipped to [0, 1] (``fit / max(|toward|^2,
    1e-6)``); ``stroke[i]`` = alpha ink + (1 - alpha) field, its chroma written to
    ``placed[local[i], :2]``."""
    i0, i1, i2 = ink[0], ink[1], ink[2]
    for i in range(obs.shape[0]):
        u0, u1 = upsampled[i, 0], upsampled[i, 1]
        t0, t1 = i1 - u0, i2 - u1
        a = alpha[i]
        if not defined[i]:
            # (numpy's sum over a row starts from 0.0: -0.0 products give 0.0)
            fit = (0.0 + (obs[i, 1] - u0) * t0) + (obs[i, 2] - u1) * t1
            length2 = t0 * t0 + t1 * t1
            # (np.maximum: NaN kept)
            length2 = length2 if (length2 >= 1e-6 or math.isnan(length2)) else 1e-6
            a = _clip01(fit / length2)
            alpha[i] = a
        rest = 1.0 - a
        stroke[i, 0] = a * i0 + rest * field[i, 0]
        stroke[i, 1] = a * i1 + rest * field[i, 1]
        stroke[i, 2] = a * i2 + rest * field[i, 2]
        placed[local[i], 0] = stroke[i, 1]
        placed[local[i], 1] = stroke[i, 2]


@nb.njit(**_JIT)
def stroke_gains(  # pragma: no cover - jitted
    obs, stroke, upsampled, capped, alpha, opaque_alpha, local, placed, gains
):  # fmt: skip
    """Per region pixel i: ``gains[i]`` = ``capped[i]`` less the stroke's squared
    error (its luma's, and its chroma's once 4:2:0 upsampled: ``upsampled[i]``);
    ``placed[:, 2]`` zero but at the opaque pixels (``alpha`` at least
    ``opaque_alpha``; rows ``local``), which get their gain."""
    placed[:, 2] = 0.0
    for i in range(obs.shape[0]):
        g1 = obs[i, 1] - upsampled[i, 0]
        g2 = obs[i, 2] - upsampled[i, 1]
        d = obs[i, 0] - stroke[i, 0]
        gains[i] = capped[i] - ((g1 * g1 + g2 * g2) + d * d)
        if alpha[i] >= opaque_alpha:
            placed[local[i], 2] = gains[i]

"""JPEG's 4:2:0 model where the decoded color left the RGB cube and was clipped.

4:2:0 averages the chroma of each 2x2 block. Where a thin structure of the data (a
one-pixel row or column: a ramp strip, a line of the field) lies beside a field of
another color, the average gives the structure chroma that its own luma cannot carry:
libjpeg's YCbCr -> RGB overshoots 255 (or falls below 0) and clips that channel. The
pixel keeps the average's chroma in its other channels, not in the clipped one, and
its luma drops by what was clipped: ``_degraded.chroma_model_residual``, which compares
YCbCr, finds it 20-60 DN off the model (OpenCV's hot at cv2's default q95, a ramp row
over terrain: red beside yellow and white, R past 255). :func:`clipped_distance` fits
the clipped model instead: the luma that best explains the pixel's RGB once the model's
chroma is added and the result clipped, only for pixels with a saturated channel
where that model overshoots -- no stroke's color becomes the map's by it, as the
chroma must still agree in the channels that were not clipped.
"""

from __future__ import annotations

import math

import numba as nb
import numpy as np

from truepix.color._decolorize._blocks import four_blocks
from truepix.color._decolorize._kernels import _JIT

__all__ = ["CLIP_OVERSHOOT", "CLIP_SATURATED", "clipped_distance"]

#: The model's unclipped channel must pass 255 (or 0) by this much (DN) at the fitted
#: luma: a clip of a few DN is what the model's own error is.
CLIP_OVERSHOOT = 6.0
#: A pixel's channel this close (DN) to 0 or 255 is saturated (clipped, then rounded).
CLIP_SATURATED = 1.0
#: Luma steps (DN) of the fit.
_FIT_STEP = 0.5

# libjpeg's YCbCr -> RGB: R = Y + 1.402 Cr, G = Y - 0.344136 Cb - 0.714136 Cr,
# B = Y + 1.772 Cb
_R_CR, _G_CB, _G_CR, _B_CB = 1.402, -0.344136, -0.714136, 1.772


@nb.njit(parallel=True, **_JIT)
def clipped_distance(  # pragma: no cover - jitted
    pixels, scale, width, candidates, chroma, row, ycc, luma_low, luma_high, out
):  # fmt: skip
    """Per pixel of ``candidates`` (flat indices): the distance (DN, Y Cb Cr) of its RGB
    to the clipped 4:2:0 model, or inf where the model does not clip or the pixel has
    no saturated channel (CLIP_OVERSHOOT, CLIP_SATURATED).

    ``chroma`` and ``row``: the blocks' chroma as ``chroma_model_residual`` returned
    them (it read every candidate's blocks); the fitted luma stays within the map's
    luma range [``luma_low``, ``luma_high``] (DN).
    """
    height = pixels.shape[0] // width
    n_bx, n_by = (width + 1) // 2, (height + 1) // 2
    n_steps = int((luma_high - luma_low) / _FIT_STEP) + 1
    for k in nb.prange(candidates.shape[0]):
        out[k] = np.inf
        p = candidates[k]
        own, vertical, horizontal, corner = four_blocks(p, width, n_bx, n_by)
        i0, i1, i2, i3 = row[own] - 1, row[vertical] - 1, row[horizontal] - 1, row[corner] - 1
        if i0 < 0 or i1 < 0 or i2 < 0 or i3 < 0:
            continue
        u = (9.0 * chroma[i0, 0] + 3.0 * chroma[i1, 0] + 3.0 * chroma[i2, 0] + chroma[i3, 0]) / 16
        v = (9.0 * chroma[i0, 1] + 3.0 * chroma[i1, 1] + 3.0 * chroma[i2, 1] + chroma[i3, 1]) / 16
        if math.isnan(u + v):
            continue
        r = pixels[p, 0] * scale
        g = pixels[p, 1] * scale
        b = pixels[p, 2] * scale
        saturated = False
        for c in (r, g, b):
            if c <= CLIP_SATURATED or c >= 255.0 - CLIP_SATURATED:
                saturated = True
        if not saturated:
            continue
        dr, dg, db = _R_CR * v, _G_CB * u + _G_CR * v, _B_CB * u
        best, best_y = np.inf, 0.0
        for step in range(n_steps):
            y = luma_low + step * _FIT_STEP
            er = r - min(max(y + dr, 0.0), 255.0)
            eg = g - min(max(y + dg, 0.0), 255.0)
            eb = b - min(max(y + db, 0.0), 255.0)
            e = er * er + eg * eg + eb * eb
            if e < best:
                best, best_y = e, y
        over = 0.0
        for d in (dr, dg, db):
            over = max(over, best_y + d - 255.0, -(best_y + d))
        if over < CLIP_OVERSHOOT:
            continue
        er = r - min(max(best_y + dr, 0.0), 255.0)
        eg = g - min(max(best_y + dg, 0.0), 255.0)
        eb = b - min(max(best_y + db, 0.0), 255.0)
        e_y = ycc[0, 0] * er + ycc[0, 1] * eg + ycc[0, 2] * eb
        e_u = ycc[1, 0] * er + ycc[1, 1] * eg + ycc[1, 2] * eb
        e_v = ycc[2, 0] * er + ycc[2, 1] * eg + ycc[2, 2] * eb
        out[k] = math.sqrt(e_y * e_y + e_u * e_u + e_v * e_v)

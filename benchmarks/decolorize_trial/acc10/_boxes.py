"""A JPEG'd picture's filtered positions held to the boxes its luma's DCT was quantized into.

JPEG keeps each 8x8 block's luma DCT coefficient as a multiple of its step (``_deblock``'s
QUANT scaled by the quality ``_deblock.quality_scale`` reads): the picture's true luma lies,
coefficient by coefficient, within half a step of the decoded picture's. The DCT shrinkage
(``_deblock``) and the projection know nothing of those boxes; a filtered answer whose
map luma, taken through the same DCT, lies outside them cannot be the truth. Here each
block's luma difference (the answers' map luma minus the picture's) is cut back to the
box (half a step plus the pixels' 8-bit rounding, BOX_SLACK) and the positions moved along
the map by the luma change over the map's luma slope, ROUNDS times (projections onto
convex sets, Youla & Webb 1982). Blocks with a NaN answer, a clipped channel (0 or 255:
the picture's luma is not JPEG's there) or on a flat stretch of the map's luma are left.
"""

from __future__ import annotations

import numpy as np

from truepix.color._decolorize._deblock import QUANT
from truepix.color._decolorize._grid import _DCT, _LUMA

__all__ = ["boxed"]

#: Each box's half width over half the step: the pixels' 8-bit rounding of R, G, B.
BOX_SLACK = 0.5
#: Rounds of cut-and-move.
ROUNDS = 3
#: Luma slopes under this (DN per unit of position) move no position (a fold's top).
MIN_SLOPE = 20.0
#: A round moves a position by at most this.
MAX_MOVE = 0.05


def boxed(position: np.ndarray, pixels: np.ndarray, colors: np.ndarray, scale: float) -> np.ndarray:
    """``position`` (2-D, in [0, 1], NaN kept) moved into the boxes of ``pixels``' luma DCT
    (see the module); ``colors`` (N, 3) the map's table in DN, ``scale`` the quality's
    scale of JPEG's luma table (``_deblock.quality_scale``)."""
    height, width = position.shape
    rows, cols = height // 8, width // 8
    if rows == 0 or cols == 0:
        return position
    n_colors = len(colors)
    table_luma = np.asarray(colors, dtype=np.float64) @ _LUMA
    centres = (np.arange(n_colors) + 0.5) / n_colors
    slope = np.gradient(table_luma, centres)
    step = np.maximum(np.floor(QUANT * scale * 100.0 + 50.0) / 100.0, 1.0)
    half = step / 2.0 + BOX_SLACK
    pix = np.asarray(pixels[: rows * 8, : cols * 8, :3])
    seen = pix.astype(np.float64) @ _LUMA
    clipped = ((pix == 0) | (pix == 255)).any(-1)
    out = position.copy()
    part = out[: rows * 8, : cols * 8]
    bad = np.isnan(part) | clipped
    skip = bad.reshape(rows, 8, cols, 8).any(axis=(1, 3))
    for _ in range(ROUNDS):
        safe = np.nan_to_num(part, nan=0.5)
        luma = np.interp(safe, centres, table_luma)
        diff = (luma - seen).reshape(rows, 8, cols, 8).transpose(0, 2, 1, 3)
        coeffs = _DCT @ diff @ _DCT.T
        cut = np.clip(coeffs, -half, half)
        change = (_DCT.T @ (cut - coeffs) @ _DCT)  # luma to add, per pixel
        change[skip] = 0.0
        change = change.transpose(0, 2, 1, 3).reshape(rows * 8, cols * 8)
        local = np.interp(safe, centres, slope)
        ok = np.abs(local) >= MIN_SLOPE
        move = np.where(ok, change / np.where(ok, local, 1.0), 0.0)
        part += np.clip(move, -MAX_MOVE, MAX_MOVE)
        np.clip(part, 0.0, 1.0, out=part)
    return out

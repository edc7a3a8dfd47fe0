"""JPEG's 4:2:0 model again, once some pixels took other positions: :func:`remodel`.

``_jpeg`` judges its candidates by their distance to the model
(``_degraded.chroma_model_residual``), then moves some pixels to the branch their
block's chroma calls for (``_branches.rebranch``) and asks the model again. A
candidate's distance reads its own position and the chroma of four 2x2 blocks, each
the mean of its four pixels' map colors: only the blocks holding a moved pixel
change, and only the candidates reading one of them. :func:`remodel` takes the first
pass's chroma of the blocks and finds again only the changed blocks and candidates,
with the first pass's arithmetic (:func:`model_distance`): on jet's JPEG'd astronaut
(q75, 1 MP) 19 000 moved pixels change 12 000 of the 63 000 blocks that the 111 000
candidates within a block of them read, and 84 000 of those (12.8 ms on one thread,
all found again and the 3x3 strokes' test too; this 6-7).
"""

from __future__ import annotations

import math

import numba as nb
import numpy as np

from truepix.color._decolorize._blocks import block_chroma, four_blocks, moved_blocks
from truepix.color._decolorize._kernels import _JIT, _color_at

__all__ = ["model_distance", "remodel"]


@nb.njit(inline="always", **_JIT)  # see _color_at
def model_distance(  # pragma: no cover - jitted
    pixels, scale, p, s, chroma, row, width, n_bx, n_by, vertices, positions, n_bins, cyclic,
    ycc,
):  # fmt: skip
    """Distance (DN, Y Cb Cr) of pixel p to JPEG's 4:2:0 model (see
    ``chroma_model_residual``): its luma to the map color's at position ``s`` (0-1),
    its chroma to libjpeg's upsampling of its four blocks' (``_blocks.four_blocks``;
    ``row``: 1 + each block's row of ``chroma``); inf where a position is missing.
    Also the pixel's luma (DN) and whether the positions were all there."""
    own, vertical, horizontal, corner = four_blocks(p, width, n_bx, n_by)
    own, vertical = row[own] - 1, row[vertical] - 1
    horizontal, corner = row[horizontal] - 1, row[corner] - 1
    u0, v0 = chroma[own, 0], chroma[own, 1]
    u1, v1 = chroma[vertical, 0], chroma[vertical, 1]
    u2, v2 = chroma[horizontal, 0], chroma[horizontal, 1]
    u3, v3 = chroma[corner, 0], chroma[corner, 1]
    r = pixels[p, 0] * scale
    g = pixels[p, 1] * scale
    b = pixels[p, 2] * scale
    luma = ycc[0, 0] * r + ycc[0, 1] * g + ycc[0, 2] * b
    if math.isnan(s) or math.isnan(u0 + u1 + u2 + u3):
        return np.inf, luma, False
    mr, mg, mb = _color_at(s * n_bins, vertices, positions, n_bins, cyclic)
    e_y = luma - (ycc[0, 0] * mr + ycc[0, 1] * mg + ycc[0, 2] * mb)
    e_u = ycc[1, 0] * r + ycc[1, 1] * g + ycc[1, 2] * b
    e_u -= (9.0 * u0 + 3.0 * u1 + 3.0 * u2 + u3) / 16.0
    e_v = ycc[2, 0] * r + ycc[2, 1] * g + ycc[2, 2] * b
    e_v -= (9.0 * v0 + 3.0 * v1 + 3.0 * v2 + v3) / 16.0
    return math.sqrt(e_y * e_y + e_u * e_u + e_v * e_v), luma, True


@nb.njit(parallel=True, **_JIT)
def remodel(  # pragma: no cover - jitted
    pixels, scale, width, position, candidates, moved, vertices, positions, n_bins, cyclic,
    ycc, chroma, row, out,
):  # fmt: skip
    """``chroma_model_residual``'s distance (``out``) of the ``candidates`` that read a
    block holding a ``moved`` pixel (flat indices) since that pass, whose blocks'
    ``chroma`` and ``row`` (its return, for these ``candidates``) it updates in
    place; the others' ``out`` is left as it is (their distance is that pass's).
    Returns how many were found again."""
    height = position.shape[0] // width
    n_bx, n_by = (width + 1) // 2, (height + 1) // 2
    blocks, held = moved_blocks(width, height, moved)
    for i in nb.prange(blocks.shape[0]):
        if row[blocks[i]] > 0:  # (a block no candidate reads: none to find again)
            chroma[row[blocks[i]] - 1, 0], chroma[row[blocks[i]] - 1, 1] = block_chroma(
                position, width, height, blocks[i] // n_bx, blocks[i] % n_bx, vertices,
                positions, n_bins, cyclic, ycc,
            )  # fmt: skip
    found = 0
    for k in nb.prange(candidates.shape[0]):
        p = candidates[k]
        own, vertical, horizontal, corner = four_blocks(p, width, n_bx, n_by)
        if held[own] or held[vertical] or held[horizontal] or held[corner]:
            out[k] = model_distance(
                pixels, scale, p, position[p], chroma, row, width, n_bx, n_by, vertices,
                positions, n_bins, cyclic, ycc,
            )[0]  # fmt: skip
            found += 1
    return found

"""JPEG's 4:2:0 model again, once some pixels took other positions: :func:`remodel`.

``_jpeg`` judges its candidates by their distance to the model
(``_degraded.chroma_model_residual``), then moves some pixels to the branch their
block's chroma calls for (``_branches.rebranch``) and asks the model again. A
candidate's distance reads its own position and the chroma of four 2x2 blocks, each
the mean of its four pixels' map colors: only the blocks holding a moved pixel
change, and only the candidates reading one of them. :func:`remodel` takes the first
pass's chroma of the blocks it read and finds again only the changed blocks and
candidates, with the first pass's arithmetic (:func:`model_distance`): on jet's
JPEG'd astronaut (q75, 1 MP) 19 000 moved pixels change 12 000 of the 63 000 blocks
that the candidates within a block of them read (12.8 ms on one thread, all found
again and the 3x3 strokes' test too; this 6-7).
"""

from __future__ import annotations

import math

import numba as nb
import numpy as np

from truepix.color._decolorize._blocks import block_chroma
from truepix.color._decolorize._kernels import _JIT, _color_at

__all__ = ["model_distance", "remodel"]


@nb.njit(inline="always", **_JIT)  # see _color_at
def model_distance(  # pragma: no cover - jitted
    pixels, scale, p, s, chroma, at, k, vertices, positions, n_bins, cyclic, ycc
):
    """Distance (DN, Y Cb Cr) of pixel p to JPEG's 4:2:0 model (see
    ``chroma_model_residual``): its luma to the map color's at position ``s`` (0-1),
    its chroma to libjpeg's upsampling of its four blocks' (rows ``at[4 k:4 k + 4]``
    of ``chroma``: own, vertical, horizontal, corner neighbour); inf where a position
    is missing. Also the pixel's luma (DN) and whether the positions were all there."""
    u0, v0 = chroma[at[4 * k], 0], chroma[at[4 * k], 1]
    u1, v1 = chroma[at[4 * k + 1], 0], chroma[at[4 * k + 1], 1]
    u2, v2 = chroma[at[4 * k + 2], 0], chroma[at[4 * k + 2], 1]
    u3, v3 = chroma[at[4 * k + 3], 0], chroma[at[4 * k + 3], 1]
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
    ycc, at, chroma, out,
):  # fmt: skip
    """``chroma_model_residual``'s distance (``out``) of the ``candidates`` that read a
    block holding a ``moved`` pixel (flat indices) since that pass (``at``, ``chroma``:
    its own return, for these ``candidates``); the others' ``out`` is left as it is
    (their distance is that pass's). Returns how many were found again."""
    height = position.shape[0] // width
    listing, rows, changed = _relisting(width, height, candidates, moved, at, chroma.shape[0])
    both = np.empty((chroma.shape[0] + listing.shape[0], 2), np.float64)
    both[: chroma.shape[0]] = chroma
    n_bx = (width + 1) // 2
    for b in nb.prange(listing.shape[0]):  # (after the pass's blocks)
        both[chroma.shape[0] + b, 0], both[chroma.shape[0] + b, 1] = block_chroma(
            position, width, height, listing[b] // n_bx, listing[b] % n_bx, vertices,
            positions, n_bins, cyclic, ycc,
        )  # fmt: skip
    for j in nb.prange(changed.shape[0]):
        p = candidates[changed[j]]
        out[changed[j]] = model_distance(
            pixels, scale, p, position[p], both, rows, j, vertices, positions, n_bins, cyclic,
            ycc,
        )[0]  # fmt: skip
    return changed.shape[0]


@nb.njit(**_JIT)
def _relisting(width, height, candidates, moved, at, n_read):  # pragma: no cover - jitted
    """The blocks that hold a ``moved`` pixel and that a candidate reads (flat block
    indices), the candidates reading one (indices into ``candidates``) and their four
    blocks' rows (``at``'s, the first pass's, for the others; n_read + the block's
    place in that list for those). Serial (see ``block_listing``)."""
    n_bx = (width + 1) // 2
    n_by = (height + 1) // 2
    n_cand = candidates.shape[0]
    fresh = np.zeros(n_bx * n_by, np.int32)  # -1: to find again; 1 + its place once listed
    for p in moved:
        fresh[(p // width // 2) * n_bx + (p % width) // 2] = -1
    listing = np.empty(min(4 * n_cand, n_bx * n_by), np.int64)
    rows = np.empty(4 * n_cand, np.int64)  # (pages written only as far as used)
    changed = np.empty(n_cand, np.int64)
    n_new = n_changed = 0
    for k in range(n_cand):
        p = candidates[k]
        y, x = p // width, p % width
        by, bx = y // 2, x // 2
        bv = max(by - 1, 0) if y % 2 == 0 else min(by + 1, n_by - 1)
        bh = max(bx - 1, 0) if x % 2 == 0 else min(bx + 1, n_bx - 1)
        if (fresh[by * n_bx + bx] | fresh[bv * n_bx + bx] | fresh[by * n_bx + bh]
                | fresh[bv * n_bx + bh]) == 0:  # fmt: skip
            continue
        for n in range(4):  # own, vertical, horizontal, corner neighbour (block_listing)
            block = (by if n % 2 == 0 else bv) * n_bx + (bx if n < 2 else bh)
            if fresh[block] == -1:
                listing[n_new] = block
                n_new += 1
                fresh[block] = n_new
            found = fresh[block]
            rows[4 * n_changed + n] = at[4 * k + n] if found == 0 else n_read + found - 1
        changed[n_changed] = k
        n_changed += 1
    return listing[:n_new], rows[: 4 * n_changed], changed[:n_changed]

"""numba kernels: the map's mean chroma over the 2x2 blocks JPEG's 4:2:0 model reads.

``_degraded.chroma_model_residual`` models a JPEG'd pixel's chroma from the map
colors of its own and three neighbouring 2x2 blocks; neighbouring candidates share
blocks (jet, JPEG q75, 1 MP: 69 000 reads of 36 000 blocks), and a block's chroma
interpolates four map colors, so each block's chroma is computed once: the blocks
listed by :func:`block_listing`, each one's chroma by :func:`block_chroma`.
"""

from __future__ import annotations

import math

import numba as nb
import numpy as np

from truepix.color._decolorize._kernels import _JIT, _color_at

__all__ = ["block_chroma", "block_listing"]


@nb.njit(inline="always", **_JIT)  # see _color_at
def block_chroma(  # pragma: no cover - jitted
    position, width, height, by, bx, vertices, positions, n_bins, cyclic, ycc
):
    """Mean map chroma (Cb, Cr) of the 2x2 block (by, bx) at its pixels' positions
    (edge pixels repeated, as libjpeg pads); NaN when one has none."""
    u = v = 0.0
    for dy in range(2):
        for dx in range(2):
            y = min(2 * by + dy, height - 1)
            x = min(2 * bx + dx, width - 1)
            s = position[y * width + x]
            if math.isnan(s):
                return np.nan, np.nan
            r, g, b = _color_at(s * n_bins, vertices, positions, n_bins, cyclic)
            u += 0.25 * (ycc[1, 0] * r + ycc[1, 1] * g + ycc[1, 2] * b)
            v += 0.25 * (ycc[2, 0] * r + ycc[2, 1] * g + ycc[2, 2] * b)
    return u, v


@nb.njit(**_JIT)
def block_listing(width, height, candidates):  # pragma: no cover - jitted
    """The blocks the 4:2:0 model of ``candidates`` (flat indices) reads, each once
    (flat block indices, rows of (width + 1) // 2), and per candidate the rows of its
    own, vertical, horizontal and corner neighbour blocks in that list, (4 K,).
    Serial, outside the parallel kernel: numba would run its ``np.zeros`` there as a
    parallel loop of its own (a pool wake-up)."""
    n_bx = (width + 1) // 2
    n_by = (height + 1) // 2
    n_cand = candidates.shape[0]
    row = np.zeros(n_bx * n_by, np.int32)  # 1 + the block's row in ``chroma``; 0: unread
    at = np.empty(4 * n_cand, np.int32)  # (half the pages of int64: 3 MB fewer for jet's q75)
    listed = np.empty(4 * n_cand, np.int64)
    n_blocks = 0
    for k in range(n_cand):
        p = candidates[k]
        y, x = p // width, p % width
        by, bx = y // 2, x // 2
        bv = max(by - 1, 0) if y % 2 == 0 else min(by + 1, n_by - 1)
        bh = max(bx - 1, 0) if x % 2 == 0 else min(bx + 1, n_bx - 1)
        for n in range(4):  # own, vertical, horizontal, corner neighbour
            block = (by if n % 2 == 0 else bv) * n_bx + (bx if n < 2 else bh)
            if row[block] == 0:
                listed[n_blocks] = block
                n_blocks += 1
                row[block] = n_blocks
            at[4 * k + n] = row[block] - 1
    return listed[:n_blocks], at

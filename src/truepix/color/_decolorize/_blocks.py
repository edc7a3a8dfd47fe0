"""numba kernels: the map's mean chroma over the 2x2 blocks JPEG's 4:2:0 model reads.

``_degraded.chroma_model_residual`` models a JPEG'd pixel's chroma from the map
colors of its own and three neighbouring 2x2 blocks; neighbouring candidates share
blocks (jet, JPEG q75, 1 MP: 69 000 reads of 36 000 blocks), and a block's chroma
interpolates four map colors, so each block's chroma is computed once: the blocks
:func:`needed_blocks` lists (with each block's row in the list: 4 bytes a block, a
megapixel's 1 MB), each one's chroma by :func:`block_chroma`. (An array of every
block's chroma, 16 bytes a block, cost a few candidates spread over the picture 2-3 ms
of fresh pages: viridis terrain q75, 2 466 candidates.)
A list of the blocks read and each candidate's four rows in it (``block_listing``,
until December 2026) took 4-5 ms on one thread for jet's JPEG'd astronaut (q75, 1 MP,
188 000 candidates, 110 000 blocks) and 6 MB of fresh pages; the rows alone, 1.
"""

from __future__ import annotations

import math

import numba as nb
import numpy as np

from truepix.color._decolorize._kernels import _JIT, _color_at

__all__ = ["block_chroma", "four_blocks", "moved_blocks", "needed_blocks"]


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


@nb.njit(inline="always", **_JIT)
def four_blocks(p, width, n_bx, n_by):  # pragma: no cover - jitted
    """The flat indices (rows of ``n_bx``) of the four 2x2 blocks JPEG's 4:2:0 model
    reads for pixel p: its own, its vertical, horizontal and corner neighbour (the
    nearer ones; libjpeg's triangle filter)."""
    y, x = p // width, p % width
    by, bx = y // 2, x // 2
    bv = max(by - 1, 0) if y % 2 == 0 else min(by + 1, n_by - 1)
    bh = max(bx - 1, 0) if x % 2 == 0 else min(bx + 1, n_bx - 1)
    return by * n_bx + bx, bv * n_bx + bx, by * n_bx + bh, bv * n_bx + bh


@nb.njit(**_JIT)
def needed_blocks(width, height, candidates):  # pragma: no cover - jitted
    """The 2x2 blocks (flat indices, rows of (width + 1) // 2, each once) the 4:2:0
    model of ``candidates`` (flat indices) reads, and per block 1 + its place in that
    list (0: not read). Serial, outside the parallel kernels: numba would run its
    ``np.zeros`` there as a parallel loop of its own (a pool wake-up)."""
    n_bx, n_by = (width + 1) // 2, (height + 1) // 2
    row = np.zeros(n_bx * n_by, np.int32)
    blocks = np.empty(min(4 * candidates.shape[0], n_bx * n_by), np.int64)
    n_blocks = 0
    for k in range(candidates.shape[0]):
        for block in four_blocks(candidates[k], width, n_bx, n_by):
            if row[block] == 0:
                blocks[n_blocks] = block
                n_blocks += 1
                row[block] = n_blocks
    return blocks[:n_blocks], row


@nb.njit(**_JIT)
def moved_blocks(width, height, moved):  # pragma: no cover - jitted
    """The 2x2 blocks (flat indices, each once) holding a pixel of ``moved`` and, per
    block, whether it holds one. Serial (see :func:`needed_blocks`)."""
    n_bx, n_by = (width + 1) // 2, (height + 1) // 2
    held = np.zeros(n_bx * n_by, np.bool_)
    blocks = np.empty(moved.shape[0], np.int64)
    n_blocks = 0
    for p in moved:
        block = (p // width // 2) * n_bx + (p % width) // 2
        if not held[block]:
            held[block] = True
            blocks[n_blocks] = block
            n_blocks += 1
    return blocks[:n_blocks], held

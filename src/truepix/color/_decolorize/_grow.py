"""numba kernels for the shape of what is off the map (the friendly layer is ``_plan``).

JPEG'd annotations are structures: their clearly foreign pixels touch
(``core_groups``), and they are strokes of one color, so the off-map decision
follows the pixels of a core's luma (``grow_similar``). The numpy oracles, by
scipy's labelling, are in ``_oracle``.
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix.color._decolorize._kernels import _JIT

__all__ = ["core_groups", "grow_similar"]


@nb.njit(**_JIT)
def grow_similar(  # pragma: no cover - jitted
    pixels, scale, ycc, labels, n_groups, through, width, tolerance, out
):
    """Mark in ``out`` each group of ``labels`` (flat, rows of ``width``; 0: none) and
    the ``through`` pixels 8-connected to it through ``through`` pixels whose luma
    (``ycc`` row 0) is within ``tolerance`` DN of the group's mean luma.

    One breadth-first search per group, each with its own visited mark: the result
    is the union over groups, whatever their order.
    """
    n = labels.shape[0]
    height = n // width
    total = np.zeros(n_groups, np.float64)
    count = np.zeros(n_groups, np.int64)
    for p in range(n):
        g = labels[p]
        if g > 0:
            total[g] += (ycc[0, 0] * pixels[p, 0] + ycc[0, 1] * pixels[p, 1]
                         + ycc[0, 2] * pixels[p, 2]) * scale  # fmt: skip
            count[g] += 1
    start = np.zeros(n_groups + 1, np.int64)  # the groups' pixels, sorted by group
    for g in range(n_groups):
        start[g + 1] = start[g] + count[g]
    members = np.empty(start[n_groups], np.int64)
    fill = start[:-1].copy()
    for p in range(n):
        g = labels[p]
        if g > 0:
            members[fill[g]] = p
            fill[g] += 1
    stamp = np.zeros(n, np.int64)
    queue = np.empty(n, np.int64)
    for g in range(1, n_groups):
        if count[g] == 0:
            continue
        reference = total[g] / count[g]
        size = 0
        for k in range(start[g], start[g + 1]):
            p = members[k]
            stamp[p] = g
            out[p] = True
            queue[size] = p
            size += 1
        head = 0
        while head < size:
            p = queue[head]
            head += 1
            y, x = p // width, p % width
            for yy in range(max(0, y - 1), min(height, y + 2)):
                for xx in range(max(0, x - 1), min(width, x + 2)):
                    q = yy * width + xx
                    if stamp[q] == g or not through[q]:
                        continue
                    luma = (ycc[0, 0] * pixels[q, 0] + ycc[0, 1] * pixels[q, 1]
                            + ycc[0, 2] * pixels[q, 2]) * scale  # fmt: skip
                    if abs(luma - reference) > tolerance:
                        continue
                    stamp[q] = g
                    out[q] = True
                    queue[size] = q
                    size += 1


@nb.njit(**_JIT)
def core_groups(cores, distance, width, min_pixels, foreign, out):  # pragma: no cover - jitted
    """Label in ``out`` (flat, rows of ``width``) the 8-connected groups of ``cores``
    pixels that count: ``min_pixels`` or more, or one farther than ``foreign`` (in
    ``distance``); 0 elsewhere. Returns one more than the largest label.
    """
    n = cores.shape[0]
    height = n // width
    queue = np.empty(n, np.int64)
    out[:] = 0
    n_groups = 0
    for seed in range(n):
        if not cores[seed] or out[seed] != 0:
            continue
        n_groups += 1
        out[seed] = n_groups
        queue[0] = seed
        size = 1
        head = 0
        far = distance[seed] > foreign
        while head < size:
            p = queue[head]
            head += 1
            y, x = p // width, p % width
            for yy in range(max(0, y - 1), min(height, y + 2)):
                for xx in range(max(0, x - 1), min(width, x + 2)):
                    q = yy * width + xx
                    if cores[q] and out[q] == 0:
                        out[q] = n_groups
                        far = far or distance[q] > foreign
                        queue[size] = q
                        size += 1
        if size < min_pixels and not far:
            for k in range(size):
                out[queue[k]] = -1  # visited, not counted
    for p in range(n):
        out[p] = max(out[p], 0)
    return n_groups + 1

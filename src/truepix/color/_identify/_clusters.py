"""Catalog tables no picture tells apart: the clusters ``_match`` ranks as one candidate."""

from __future__ import annotations

import numba
import numpy as np

__all__ = ["SAME_CURVE", "clusters"]

SAME_CURVE = 2  # DN: tables whose colors all lie this close paint the same pictures


@numba.njit(cache=True, nogil=True)
def _within(a, size_a, b, size_b, tolerance):  # pragma: no cover - compiled
    """Whether every color of table a is within ``tolerance`` (per channel) of one of b."""
    for i in range(size_a):
        found = False
        for j in range(size_b):
            if (
                abs(a[i, 0] - b[j, 0]) <= tolerance
                and abs(a[i, 1] - b[j, 1]) <= tolerance
                and abs(a[i, 2] - b[j, 2]) <= tolerance
            ):
                found = True
                break
        if not found:
            return False
    return True


def clusters(luts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Group tables whose colors lie within :data:`SAME_CURVE` DN of each other's.

    Such maps paint the same colors and differ only in where along the data
    range each color goes (gray ramps of different gamma, twilight and
    twilight_shifted, a table rounded instead of truncated): a picture
    cannot tell them apart, so they compete as one candidate.
    """
    parent = np.arange(len(luts))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = int(parent[i])
        return i

    # Cheap necessary condition first: close mean colors.
    means = np.array([lut[:size].mean(axis=0) for lut, size in zip(luts, sizes, strict=True)])
    for i in range(len(luts)):
        close = np.flatnonzero(np.abs(means[i + 1 :] - means[i]).max(axis=1) <= 16) + i + 1
        for j in close:
            if root(i) == root(int(j)):
                continue
            if _within(luts[i], sizes[i], luts[j], sizes[j], SAME_CURVE) and _within(
                luts[j], sizes[j], luts[i], sizes[i], SAME_CURVE
            ):
                parent[root(int(j))] = root(i)
    return np.array([root(i) for i in range(len(luts))])

"""The cost of explaining a picture's colors by each colormap table (``_match`` ranks by it).

The cost is the weighted mean distance from each picture color to the nearest
entry of a table, capped. A numba kernel computes it (:func:`nearest_color_cost`,
:func:`sorted_cost` on tables sorted once by :func:`by_sum`); the numpy oracle is
:func:`nearest_color_cost_numpy`.
"""

from __future__ import annotations

import numba
import numpy as np

__all__ = ["by_sum", "nearest_color_cost", "nearest_color_cost_numpy", "sorted_cost"]


def nearest_color_cost_numpy(
    colors: np.ndarray, weights: np.ndarray, luts: np.ndarray, cap: float
) -> np.ndarray:
    """Oracle of :func:`nearest_color_cost`: the same numbers in plain numpy.

    Examples
    --------
    >>> import numpy as np
    >>> from truepix.color._identify._nearest import nearest_color_cost_numpy
    >>> luts = np.array([[[0, 0, 0], [10, 0, 0]]], dtype=np.int32)
    >>> nearest_color_cost_numpy(np.array([[3, 4, 0]]), np.array([1.0]), luts, 40.0).tolist()
    [5.0]
    """
    diff = colors[None, :, None, :].astype(np.float64) - luts[:, None, :, :]
    distance = np.sqrt((diff**2).sum(axis=3)).min(axis=2)  # (M, U)
    return np.minimum(distance, cap) @ weights / weights.sum()


@numba.njit(cache=True, nogil=True)
def _cost_kernel(colors, weights, luts, sums, cap):  # pragma: no cover - compiled
    # Each table's entries are sorted by r + g + b (``sums``). Since
    # |dr + dg + db| <= sqrt(3) |(dr, dg, db)|, the search walks out both ways from
    # the color's own sum and stops a side once (d sum)^2 >= 3 best^2: no entry past
    # it can be nearer. The minimum is that of the whole table, found in a few steps.
    n_maps, n_entries = luts.shape[0], luts.shape[1]
    cap2 = cap * cap
    total = weights.sum()
    out = np.empty(n_maps)
    for m in range(n_maps):
        acc = 0.0
        for u in range(colors.shape[0]):
            r, g, b = colors[u, 0], colors[u, 1], colors[u, 2]
            s = r + g + b
            best = cap2
            right = np.searchsorted(sums[m], s)
            left = right - 1
            while left >= 0 or right < n_entries:
                if right < n_entries:
                    ds = sums[m, right] - s
                    if ds * ds >= 3.0 * best:
                        right = n_entries
                    else:
                        dr = r - luts[m, right, 0]
                        dg = g - luts[m, right, 1]
                        db = b - luts[m, right, 2]
                        best = min(best, dr * dr + dg * dg + db * db)
                        right += 1
                if left >= 0:
                    ds = s - sums[m, left]
                    if ds * ds >= 3.0 * best:
                        left = -1
                    else:
                        dr = r - luts[m, left, 0]
                        dg = g - luts[m, left, 1]
                        db = b - luts[m, left, 2]
                        best = min(best, dr * dr + dg * dg + db * db)
                        left -= 1
                if best == 0:
                    break
            acc += weights[u] * np.sqrt(best)
        out[m] = acc / total
    return out


def nearest_color_cost(
    colors: np.ndarray, weights: np.ndarray, luts: np.ndarray, cap: float
) -> np.ndarray:
    """Weighted mean distance from colors to each table's nearest color, capped.

    Parameters
    ----------
    colors : (U, 3) int array
    weights : (U,) float array, how many pixels have each color
    luts : (M, K, 3) int32 array of tables
    cap : float, the largest distance one color can cost

    Returns
    -------
    (M,) float64

    Examples
    --------
    >>> import numpy as np
    >>> from truepix.color._identify._nearest import nearest_color_cost
    >>> luts = np.array([[[0, 0, 0], [10, 0, 0]], [[0, 0, 100], [0, 0, 200]]], dtype=np.int32)
    >>> nearest_color_cost(np.array([[3, 4, 0]]), np.array([1.0]), luts, 40.0).tolist()
    [5.0, 40.0]
    """
    return sorted_cost(colors, weights, *by_sum(luts), cap)


def by_sum(luts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each table's entries sorted by r + g + b, and those sums: what :func:`sorted_cost` walks.

    Examples
    --------
    >>> import numpy as np
    >>> ordered, sums = by_sum(np.array([[[9, 9, 9], [1, 0, 0]]]))
    >>> ordered.tolist(), sums.tolist()
    ([[[1, 0, 0], [9, 9, 9]]], [[1, 27]])
    """
    luts = np.asarray(luts, dtype=np.int32)
    sums = luts.sum(axis=2)
    order = np.argsort(sums, axis=1, kind="stable")
    ordered = np.ascontiguousarray(np.take_along_axis(luts, order[:, :, None], axis=1))
    return ordered, np.ascontiguousarray(np.take_along_axis(sums, order, axis=1))


def sorted_cost(
    colors: np.ndarray, weights: np.ndarray, ordered: np.ndarray, sums: np.ndarray, cap: float
) -> np.ndarray:
    """:func:`nearest_color_cost` on tables already sorted by :func:`by_sum` (rows may be a subset)."""
    return _cost_kernel(
        np.ascontiguousarray(colors, dtype=np.int32),
        np.ascontiguousarray(weights, dtype=np.float64),
        np.ascontiguousarray(ordered, dtype=np.int32),
        np.ascontiguousarray(sums),
        float(cap),
    )

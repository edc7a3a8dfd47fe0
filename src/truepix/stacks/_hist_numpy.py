"""Plain-numpy per-pixel histograms: the oracle the compiled kernels are tested against.

Bins are found by ``searchsorted`` on the edges -- the definition numpy's own
``histogram`` reduces to (``edges[i] <= x < edges[i + 1]``, last bin closed, NaN
and out-of-range values dropped) -- and counted with one ``bincount`` per batch.
Simple and obviously right; it needs 8 bytes of scratch per pixel and bin.
"""

from __future__ import annotations

import numpy as np

from truepix.stacks._bins import Bins

__all__ = ["accumulate", "bin_index"]


def bin_index(values: np.ndarray, bins: Bins) -> np.ndarray:
    """Bin of every value (intp, same shape), ``-1`` where the value is not counted.

    Examples
    --------
    >>> from truepix.stacks._bins import resolve_bins
    >>> bins = resolve_bins(4, (0, 1), np.dtype("float64"), data_range=None)
    >>> bin_index(np.array([0.0, 0.25, 0.3, 1.0, 1.5, np.nan]), bins)
    array([ 0,  1,  1,  3, -1, -1])
    """
    edges = bins.edges
    x = np.asarray(values).astype(edges.dtype, copy=False)
    index = np.searchsorted(edges, x, side="right") - 1
    n_bins = edges.size - 1
    index[x == edges[-1]] = n_bins - 1  # the last bin is closed
    index[(x < edges[0]) | (x > edges[-1]) | np.isnan(x)] = -1
    return index


def accumulate(counts: np.ndarray, batch: np.ndarray, bins: Bins) -> None:
    """Add the histograms of a ``(frames, pixels)`` batch to ``counts`` (pixels, n_bins).

    Examples
    --------
    >>> from truepix.stacks._bins import resolve_bins
    >>> bins = resolve_bins(2, (0, 2), np.dtype("float64"), data_range=None)
    >>> counts = np.zeros((3, 2), np.uint32)
    >>> accumulate(counts, np.array([[0.0, 1.0, 2.0], [0.5, 5.0, 1.5]]), bins)
    >>> counts
    array([[2, 0],
           [0, 1],
           [0, 2]], dtype=uint32)
    """
    n_pixels, n_bins = counts.shape
    index = bin_index(batch.reshape(-1, n_pixels), bins)
    flat = index + (np.arange(n_pixels, dtype=np.intp) * n_bins)
    flat = flat[index >= 0]
    added = np.bincount(flat, minlength=n_pixels * n_bins).reshape(n_pixels, n_bins)
    counts += added.astype(counts.dtype)

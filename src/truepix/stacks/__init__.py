"""Statistics over image stacks: per-pixel histograms and batch equalization.

:func:`pixel_histogram` counts, for every pixel, how its values over a stack of
frames fall into bins -- ``np.histogram`` semantics, a compiled kernel on all
cores, stacks of any kind streamed (arrays, generators, files, zarr) or computed
on Dask workers. :class:`PixelHistogram` does the same for frames fed one by
one. :func:`equalize` equalizes the histogram of every image of a batch,
matching scikit-image (floats) and OpenCV (uint8).

Examples
--------
>>> import numpy as np, truepix as tp
>>> stack = np.random.default_rng(1).normal(size=(200, 3, 3))
>>> counts = tp.pixel_histogram(stack, bins=5, range=(-2, 2))
>>> counts.shape, int(counts[1, 2].sum())  # values beyond +-2 are not counted
((3, 3, 5), 183)
"""

from __future__ import annotations

from truepix.stacks._equalize import equalize
from truepix.stacks._hist_dask import to_dask_array
from truepix.stacks._histogram import PixelHistogram, bin_edges, pixel_histogram

__all__ = ["PixelHistogram", "bin_edges", "equalize", "pixel_histogram", "to_dask_array"]

"""Per-pixel histograms of a dask array, computed on the Dask workers.

The array is chunked by pixel tiles that hold the *full* stack depth, and one
``map_blocks`` task reads and histograms each tile with the serial numba kernel
(the scheduler already runs one task per core). Chunking by frames instead would
make every task produce a full-size partial histogram to be summed: measured at
24.9 s and 23.6 GB against 4.95 s for tiles. Nothing here is a second
implementation of the math: blocks go to the same engine as local stacks.

Works unchanged on a ``dask.distributed`` cluster: ``compute`` uses the active
client when there is one.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from truepix.errors import ShapeError, require
from truepix.stacks._bins import Bins, check_dtype, counts_dtype, finite_min_max

__all__ = ["dask_histogram", "dask_value_range", "tile_chunks"]

# Input bytes per task: a tile of full depth (frames x tile pixels x itemsize).
TASK_BYTES = 64 * 2**20


def tile_chunks(shape: tuple[int, int, int], itemsize: int, n_bins: int) -> tuple[int, int]:
    """Tile ``(height, width)`` for a stack: full depth within ~64 MiB per task.

    Examples
    --------
    >>> tile_chunks((10_000, 1500, 1500), 4, 100)
    (40, 40)
    >>> tile_chunks((100, 64, 48), 4, 100)
    (64, 48)
    """
    depth, height, width = shape
    bytes_per_pixel = max(depth * itemsize, n_bins * 8)  # input column or its counts
    pixels = max(1, TASK_BYTES // bytes_per_pixel)
    side = max(1, math.isqrt(pixels))
    tile_h = min(height, side)
    tile_w = min(width, max(1, pixels // tile_h))
    return tile_h, tile_w


def _histogram_block(block: np.ndarray, bins: Bins, out_dtype: np.dtype) -> np.ndarray:
    from truepix.stacks._engine import PixelCounter

    counter = PixelCounter(
        bins, block.shape[1:], block.dtype, n_frames=block.shape[0], backend="numba-serial"
    )
    counter.add(block)
    return counter.result().astype(out_dtype, copy=False)


def _block_min_max(block: np.ndarray) -> np.ndarray:
    if block.size == 0:
        return np.array([[np.nan, np.nan]]) if block.dtype.kind == "f" else np.empty((0, 2))
    if block.dtype.kind == "f":
        return np.array([[np.fmin.reduce(block, axis=None), np.fmax.reduce(block, axis=None)]])
    return np.array([[block.min(), block.max()]], dtype=block.dtype)


def dask_value_range(stack: Any) -> tuple[Any, Any]:
    """Finite min and max of a dask array (NaN ignored), reduced on the workers."""
    import dask

    parts = [dask.delayed(_block_min_max)(block) for block in stack.to_delayed().ravel()]
    found = [p for p in dask.compute(*parts) if p.size]
    if not found:
        return stack.dtype.type(0), stack.dtype.type(1)
    extremes = np.concatenate(found)
    if stack.dtype.kind == "f":
        low, high = np.fmin.reduce(extremes[:, 0]), np.fmax.reduce(extremes[:, 1])
    else:
        low, high = extremes[:, 0].min(), extremes[:, 1].max()
    return finite_min_max(low, high, np.dtype(stack.dtype))


def check_dask_stack(stack: Any) -> None:
    """Refuse dask arrays that are not (N, H, W) stacks of real numbers."""
    if stack.ndim != 3:
        msg = f"expected an (N, H, W) dask array, got shape {stack.shape}"
        raise ShapeError(msg)
    if any(math.isnan(size) for size in stack.shape):
        msg = (
            f"expected a dask array of known shape, got {stack.shape};"
            " call stack.compute_chunk_sizes() first"
        )
        raise ShapeError(msg)
    check_dtype(np.dtype(stack.dtype))


def dask_histogram(stack: Any, bins: Bins) -> np.ndarray:
    """Counts ``(H, W, n_bins)`` of a dask ``(N, H, W)`` array, one task per pixel tile."""
    da = require("dask.array", "dask")
    depth, height, width = (int(size) for size in stack.shape)
    dtype = counts_dtype(depth)
    n_bins = bins.n_bins
    tile_h, tile_w = tile_chunks((depth, height, width), stack.dtype.itemsize, n_bins)
    if stack.numblocks[0] != 1 or max(stack.chunks[1]) * max(stack.chunks[2]) > tile_h * tile_w:
        stack = stack.rechunk({0: -1, 1: tile_h, 2: tile_w})
    counts = da.map_blocks(  # type: ignore[attr-defined]
        _histogram_block,
        stack,
        bins=bins,
        out_dtype=dtype,
        dtype=dtype,
        drop_axis=0,
        new_axis=2,
        chunks=(stack.chunks[1], stack.chunks[2], (n_bins,)),
        meta=np.empty((0, 0, 0), dtype),
        token="truepix-pixel-histogram",
    )
    result: np.ndarray = counts.compute()
    return result

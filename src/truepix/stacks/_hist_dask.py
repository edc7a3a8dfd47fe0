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
from collections.abc import Callable
from typing import Any

import numpy as np

from truepix.errors import ShapeError, require
from truepix.stacks._bins import Bins, check_dtype, counts_dtype, finite_min_max

__all__ = [
    "check_dask_stack",
    "dask_counts",
    "dask_histogram",
    "dask_value_range",
    "full_depth_tiles",
    "tile_chunks",
    "to_dask_array",
]

# Input bytes per task: a tile of full depth (frames x tile pixels x itemsize).
TASK_BYTES = 64 * 2**20


def tile_chunks(shape: tuple[int, int, int], itemsize: int, n_bins: int) -> tuple[int, int]:
    """Tile ``(height, width)`` for a stack: full depth within ~64 MiB per task.

    Examples
    --------
    >>> tile_chunks((10_000, 1500, 1500), 4, 100)
    (40, 41)
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


def full_depth_tiles(stack: Any, n_bins: int) -> Any:
    """``stack`` rechunked (if needed) into pixel tiles that hold every frame."""
    depth, height, width = (int(size) for size in stack.shape)
    tile_h, tile_w = tile_chunks((depth, height, width), stack.dtype.itemsize, n_bins)
    if stack.numblocks[0] != 1 or max(stack.chunks[1]) * max(stack.chunks[2]) > tile_h * tile_w:
        stack = stack.rechunk({0: -1, 1: tile_h, 2: tile_w})
    return stack


def dask_counts(stack: Any, bins: Bins) -> Any:
    """Lazy counts ``(H, W, n_bins)`` of a dask ``(N, H, W)`` array, one task per pixel tile."""
    da = require("dask.array", "dask")
    dtype = counts_dtype(int(stack.shape[0]))
    n_bins = bins.n_bins
    stack = full_depth_tiles(stack, n_bins)
    return da.map_blocks(  # type: ignore[attr-defined]
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


def dask_histogram(
    stack: Any, bins: Bins, progress: Callable[[int, int | None], None] | None = None
) -> np.ndarray:
    """Counts ``(H, W, n_bins)`` of a dask ``(N, H, W)`` array, computed by the scheduler.

    On a ``dask.distributed`` client, ``progress`` hears of every finished pixel
    tile, as the frames counted so far over the whole picture (tiles done x
    depth, pro rata of their pixels); elsewhere once, at the end.
    """
    lazy = dask_counts(stack, bins)
    depth = int(stack.shape[0])
    client = _active_client() if progress is not None else None
    if client is None:
        result: np.ndarray = lazy.compute()
        if progress is not None:
            progress(depth, depth)
        return result
    from distributed import as_completed

    blocks = lazy.to_delayed()
    keys = list(np.ndindex(blocks.shape))
    futures = client.compute([blocks[key] for key in keys])
    where = {future.key: key for future, key in zip(futures, keys, strict=True)}
    done: dict[tuple[int, ...], np.ndarray] = {}
    n_pixels, counted = int(stack.shape[1]) * int(stack.shape[2]), 0
    for future in as_completed(futures):
        tile = future.result()
        done[where[future.key]] = tile
        counted += tile.shape[0] * tile.shape[1]
        progress(depth * counted // n_pixels, depth)  # type: ignore[misc]
    rows = [
        np.concatenate([done[(i, j, 0)] for j in range(blocks.shape[1])], axis=1)
        for i in range(blocks.shape[0])
    ]
    return np.concatenate(rows, axis=0)


def _active_client() -> Any:
    """The running ``dask.distributed`` client, or None (distributed is not imported here)."""
    import sys

    if "distributed" not in sys.modules:
        return None
    from distributed import get_client

    try:
        return get_client()
    except ValueError:  # no client in this process
        return None


# --- stacks on disk as dask arrays whose tasks read their own data -------------------


def _read_npy_tile(path: str, rows: slice, cols: slice) -> np.ndarray:
    return np.ascontiguousarray(np.load(path, mmap_mode="r")[:, rows, cols])


def _read_file(path: str, series: int) -> np.ndarray:
    from truepix.stacks._read import file_frames

    frames = [np.asarray(chunk) for chunk in file_frames(path, series=series).read()]
    return np.concatenate([f if f.ndim == 3 else f[np.newaxis] for f in frames])


def to_dask_array(stack: Any, /, *, series: int = 0) -> Any:
    """A dask array for a stack on disk, built so that tasks read on the workers.

    A zarr store and a ``.npy`` file become full-depth pixel tiles, each task
    reading its own tile; image files become one chunk per file (rechunked to
    tiles by :func:`dask_counts`). Dask arrays pass through. Hand the result to
    :func:`truepix.pixel_histogram` to count it on the workers.

    Parameters
    ----------
    stack
        A zarr array or store, a ``.npy`` file, image files (a list, a glob, a
        folder, a multi-page TIFF) or a dask array.
    series : int
        Which series of each TIFF file (default the first, as tifffile reads);
        see :func:`truepix.pixel_histogram`.

    Returns
    -------
    dask.array.Array
        ``(N, H, W)``, lazy: nothing is read until it is computed.

    Raises
    ------
    ShapeError
        Not an ``(N, H, W)`` stack on disk, or frames of different shapes.
    InputError
        A ``series`` a TIFF file does not have, or other than 0 for a stack that
        is not TIFF files.
    UnsupportedDtypeError
        Frames that are not real numbers.
    MissingDependencyError
        dask is not installed (``pip install "truepix[dask]"``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "stack.npy"
    >>> np.save(path, np.zeros((4, 5, 6), np.float32))
    >>> to_dask_array(path).chunks
    ((4,), (5,), (6,))
    """
    import os
    from pathlib import Path

    from truepix.stacks._sources import _as_paths, _is_pathlike, no_series, open_zarr_store

    if hasattr(stack, "__dask_graph__"):
        no_series(series, "a dask array")
        return stack
    da = require("dask.array", "dask")
    dask = require("dask", "dask")
    if not (_is_pathlike(stack) or isinstance(stack, (list, tuple))):
        no_series(series, f"a {type(stack).__name__}")

    if _is_pathlike(stack) and Path(stack).suffix.lower() == ".npy":
        no_series(series, "a .npy file")
        from truepix._files import read_numpy

        header = read_numpy(stack, mmap_mode="r")
        if header.ndim != 3:
            msg = f"expected an (N, H, W) stack in {os.fspath(stack)!r}, got shape {header.shape}"
            raise ShapeError(msg)
        check_dtype(header.dtype)
        depth, height, width = header.shape
        tile_h, tile_w = tile_chunks(header.shape, header.dtype.itemsize, 1)
        rows = []
        for y in range(0, height, tile_h):
            row = []
            for x in range(0, width, tile_w):
                ys, xs = slice(y, min(y + tile_h, height)), slice(x, min(x + tile_w, width))
                shape = (depth, ys.stop - ys.start, xs.stop - xs.start)
                task = dask.delayed(_read_npy_tile)(os.fspath(stack), ys, xs)  # type: ignore[attr-defined]
                row.append(da.from_delayed(task, shape, header.dtype))  # type: ignore[attr-defined]
            rows.append(row)
        return da.block(rows)  # type: ignore[attr-defined]
    if _is_pathlike(stack):
        store = open_zarr_store(Path(stack))
        if store is not None:
            no_series(series, "a zarr store")
            return _zarr_tiles(store)
        paths = _as_paths(stack)
    elif isinstance(stack, (list, tuple)) and stack and all(_is_pathlike(p) for p in stack):
        paths = [Path(p) for p in stack]
    elif hasattr(stack, "shape") and hasattr(stack, "chunks") and hasattr(stack, "__getitem__"):
        return _zarr_tiles(stack)
    else:
        msg = (
            "expected a stack on disk (files, a folder, a glob, a TIFF, .npy or zarr) or a dask"
            f" array to run on a Dask cluster, got {type(stack).__name__}"
        )
        raise ShapeError(msg)
    from truepix.stacks._read import file_frames

    parts = []
    first = None
    for path in paths:
        frames = file_frames(path, series=series)
        first = first or frames
        if frames.frame_shape != first.frame_shape or frames.dtype != first.dtype:
            msg = (
                f"expected frames of shape {first.frame_shape} and dtype {first.dtype}"
                f" (as in {str(first.path)!r}), got {frames.frame_shape} {frames.dtype}"
                f" in {str(path)!r}"
            )
            raise ShapeError(msg)
        task = dask.delayed(_read_file)(os.fspath(path), series)  # type: ignore[attr-defined]
        shape = (frames.n_frames, *frames.frame_shape)
        parts.append(da.from_delayed(task, shape, frames.dtype))  # type: ignore[attr-defined]
    return da.concatenate(parts)  # type: ignore[attr-defined]


def _zarr_tiles(array: Any) -> Any:
    da = require("dask.array", "dask")
    shape = tuple(int(s) for s in array.shape)
    if len(shape) != 3:
        msg = f"expected an (N, H, W) zarr array, got shape {shape}"
        raise ShapeError(msg)
    check_dtype(np.dtype(array.dtype))
    tile_h, tile_w = tile_chunks(shape, np.dtype(array.dtype).itemsize, 1)
    # full depth per chunk: each task reads its own tile from the store
    return da.from_zarr(array, chunks=(shape[0], tile_h, tile_w))  # type: ignore[attr-defined]

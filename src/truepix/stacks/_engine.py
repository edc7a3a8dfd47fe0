"""The counting engine: counters, dtype promotion, batching, kernel choice.

:class:`PixelCounter` owns the counts of one histogram and feeds batches of
frames to a backend: ``"numba"`` (parallel kernels), ``"numba-serial"`` (inside a
Dask task, where the scheduler already runs one task per core) or ``"numpy"``
(the oracle). It never reads files; sources hand it arrays.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np

from truepix._threads import start_threads
from truepix.errors import InputError, ShapeError, UnsupportedDtypeError
from truepix.stacks import _hist_numpy
from truepix.stacks._bins import Bins, counts_dtype

__all__ = ["BACKENDS", "PixelCounter"]

BACKENDS = ("numba", "numba-serial", "numpy")

# Frames one kernel call runs through per tile: each pass loads and stores every
# counter once, so more frames amortize that (it dominates for large frames, whose
# counters are far beyond the caches); but each frame's slice of a tile sits on its
# own memory page, and past ~64 pages the TLB misses outweigh it (measured).
FRAMES_PER_PASS = 64

# uint8 small counters are flushed before they can wrap
FLUSH_EVERY = 255

# Bytes of uint8 counters per tile: L2-resident; larger tiles mean longer contiguous
# runs of each frame (measured best among 16-128 KiB, 512^2 and 1500^2 frames).
_TILE_BYTES = 64 * 1024

# numba's workqueue threading layer aborts on concurrent parallel calls; callers
# from several threads take turns (they would compete for the cores anyway).
_PARALLEL_LOCK = threading.Lock()

_LUT_DTYPES = {
    np.dtype(np.uint8): np.uint8,
    np.dtype(np.int8): np.uint8,
    np.dtype(np.uint16): np.uint16,
    np.dtype(np.int16): np.uint16,
}


def _tile_pixels(n_bins: int) -> int:
    return max(16, min(4096, _TILE_BYTES // n_bins))


class PixelCounter:
    """Per-pixel counts over frames of one shape and dtype.

    Parameters
    ----------
    bins
        Resolved bins.
    frame_shape
        ``(height, width)`` of every frame.
    dtype
        dtype of every frame (batches of another dtype are refused).
    n_frames
        Number of frames expected, when known: picks the smallest counts dtype
        up front. ``None`` starts at uint8. Either way counts are promoted (a
        copy) before they could overflow, so they end in the smallest dtype that
        holds the frames counted (or the announced number, if larger).
    backend
        One of :data:`BACKENDS`.

    Examples
    --------
    >>> from truepix.stacks._bins import resolve_bins
    >>> bins = resolve_bins(2, (0, 1), np.dtype("float64"), data_range=None)
    >>> counter = PixelCounter(bins, (1, 2), np.dtype("float64"), n_frames=3, backend="numpy")
    >>> counter.add(np.array([[[0.1, 0.9]], [[0.2, 0.8]], [[0.7, 2.0]]]))
    >>> counter.result()
    array([[[2, 1],
            [0, 2]]], dtype=uint8)
    """

    def __init__(
        self,
        bins: Bins,
        frame_shape: tuple[int, int],
        dtype: np.dtype,
        *,
        n_frames: int | None = None,
        backend: str = "numba",
    ) -> None:
        if backend not in BACKENDS:
            msg = f"expected a backend in {BACKENDS}, got {backend!r}"
            raise InputError(msg)
        self.bins = bins
        self.frame_shape = (int(frame_shape[0]), int(frame_shape[1]))
        self.dtype = np.dtype(dtype)
        self.backend = backend
        self.n_frames = 0
        self._n_pixels = self.frame_shape[0] * self.frame_shape[1]
        n_bins = bins.n_bins
        self._tile = _tile_pixels(n_bins)
        self._lut: np.ndarray | None = None
        if backend != "numpy" and self.dtype in _LUT_DTYPES:
            self._lut = self._make_lut()
        dtype_counts = counts_dtype(n_frames or 0)
        if backend != "numpy" and dtype_counts == np.uint8:
            # few frames: the small counters are the result, nothing to flush
            self._small = np.zeros((self._n_pixels, n_bins), np.uint8)
            self._counts: np.ndarray | None = None
        else:
            self._counts = np.zeros((self._n_pixels, n_bins), dtype_counts)
            self._small = (
                np.zeros((self._n_pixels, n_bins), np.uint8) if backend != "numpy" else None  # type: ignore[assignment]
            )
        self._since_flush = 0

    # -- public --------------------------------------------------------------------

    def add(self, batch: np.ndarray) -> None:
        """Count a ``(frames, height, width)`` batch (or one ``(height, width)`` frame)."""
        batch = np.asarray(batch)
        if batch.ndim == 2:
            batch = batch[np.newaxis]
        if batch.ndim != 3 or batch.shape[1:] != self.frame_shape:
            msg = f"expected frames of shape {self.frame_shape}, got a batch of shape {batch.shape}"
            raise ShapeError(msg)
        if batch.dtype != self.dtype:
            msg = (
                f"expected every frame to have dtype {self.dtype} (the first frame's),"
                f" got {batch.dtype}; convert the frames to one dtype"
            )
            raise UnsupportedDtypeError(msg)
        if batch.shape[0] == 0:
            return
        self._make_room(batch.shape[0])
        flat = np.ascontiguousarray(batch).reshape(batch.shape[0], self._n_pixels)
        if self._small is None and self._counts is not None:  # the numpy oracle
            _hist_numpy.accumulate(self._counts, flat, self.bins)
        else:
            self._count_all(flat)
        self.n_frames += batch.shape[0]

    def result(self) -> np.ndarray:
        """The counts, ``(height, width, n_bins)``: a view that later adds update in place."""
        counts = self._settle()
        return counts.reshape(*self.frame_shape, self.bins.n_bins)

    # -- internals -----------------------------------------------------------------

    def _make_lut(self) -> np.ndarray:
        # the oracle bins every possible value once: exact by construction
        unsigned = _LUT_DTYPES[self.dtype]
        values = np.arange(np.iinfo(unsigned).max + 1, dtype=unsigned).view(self.dtype)
        return _hist_numpy.bin_index(values, self.bins).astype(np.int32)

    def _capacity(self) -> int:
        target = self._small if self._counts is None else self._counts
        return int(np.iinfo(target.dtype).max)

    def _make_room(self, n_new: int) -> None:
        needed = self.n_frames + n_new
        if needed <= self._capacity():
            return
        # promote: never let a counter wrap
        dtype = counts_dtype(needed)
        if self._counts is None:
            self._counts = self._small.astype(dtype)
            self._small.fill(0)
            self._since_flush = 0
        else:
            self._counts = self._settle().astype(dtype)

    def _flush(self) -> None:
        # the flush kernel reads no frames: an empty batch stands in
        self._run("flush", self._small[:0].T, (), counts=self._counts, flush_after=False)
        self._since_flush = 0

    def _settle(self) -> np.ndarray:
        if self._counts is None:
            return self._small
        if self._small is not None and self._since_flush:
            self._flush()
        return self._counts

    def _count_all(self, flat: np.ndarray) -> None:
        if flat.dtype == np.float16:
            flat = flat.astype(np.float32)  # exact; numba has no float16 arithmetic
        elif flat.dtype.kind in "iu" and self._lut is None:
            flat = flat.astype(np.float64)  # what numpy compares wide integers in
        elif self._lut is not None:
            flat = flat.view(_LUT_DTYPES[self.dtype])
        start = 0
        while start < flat.shape[0]:
            # no call crosses a flush: the uint8 counters must not wrap
            room = FRAMES_PER_PASS
            if self._counts is not None:
                room = min(room, FLUSH_EVERY - self._since_flush)
            chunk = flat[start : start + room]
            # flush with the last chunk that leaves no room for a whole next one: every
            # call stays FRAMES_PER_PASS long instead of a sliver before each flush
            flush_after = (
                self._counts is not None
                and self._since_flush + len(chunk) + FRAMES_PER_PASS > FLUSH_EVERY
            )
            self._count(chunk, flush_after=flush_after)
            start += chunk.shape[0]
            self._since_flush = 0 if flush_after else self._since_flush + chunk.shape[0]

    def _count(self, chunk: np.ndarray, *, flush_after: bool) -> None:
        bins = self.bins
        params: tuple[Any, ...]
        if self._lut is not None:
            binning, params = "lut", (self._lut,)
        elif bins.uniform:
            binning, params = "uniform", (bins.edges, bins.first64, bins.scale, bins.margin)
        else:
            binning, params = "edges", (bins.edges,)
        # counts are unused unless flushing
        counts = self._counts if self._counts is not None else self._small
        self._run(binning, chunk, params, counts=counts, flush_after=flush_after)

    def _run(
        self,
        binning: str,
        batch: np.ndarray,
        params: tuple[Any, ...],
        *,
        counts: Any,
        flush_after: bool,
    ) -> None:
        from truepix.stacks._hist_numba import KERNELS

        if self.backend == "numba":
            start_threads()
            with _PARALLEL_LOCK:
                KERNELS[binning]["parallel"](
                    batch, self._small, params, self._tile, counts, flush_after
                )
        else:
            KERNELS[binning]["serial"](batch, self._small, params, self._tile, counts, flush_after)

"""Stack inputs -> batches of frames.

Every kind of stack becomes a :class:`Source`: the frame shape and dtype (known
before counting starts), the number of frames when it is known, and a function
that returns a fresh iterator of *chunks* -- 2-D frames or 3-D blocks of frames.
:func:`batches` turns chunks into ``(b, H, W)`` batches: blocks are cut into
views, frames are copied into one of two reusable buffers. Sources that read
files, zarr chunks or run a generator are read in a background thread while the
kernel counts the previous batch (the kernel releases the GIL).

Dask arrays are not sources: they go to :mod:`._hist_dask`, which runs on the
Dask workers.
"""

from __future__ import annotations

import glob
import os
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np

from truepix.errors import InputError, ReadError, ShapeError, UnsupportedInputError
from truepix.stacks._bins import check_dtype, finite_min_max
from truepix.stacks._read import IMAGE_SUFFIXES, file_frames

__all__ = ["Source", "as_source", "batches", "is_dask_array", "no_series", "value_range"]

# Bytes of one batch of frames copied from a stream; two such buffers exist at a
# time (one counted, one filled). 128 MiB keeps >= 32 frames of 1024^2 float32.
BATCH_BYTES = 128 * 2**20
MAX_BATCH_FRAMES = 255


@dataclass
class Source:
    """Frames of one shape and dtype, and how to get them."""

    frame_shape: tuple[int, int]
    dtype: np.dtype
    n_frames: int | None
    chunks: Callable[[], Iterator[Any]]
    reiterable: bool
    background: bool
    description: str


def is_dask_array(stack: Any) -> bool:
    """True for a dask array (checked without importing dask)."""
    return hasattr(stack, "__dask_graph__") and hasattr(stack, "chunks")


def _frame_count(chunk: np.ndarray) -> int:
    return 1 if chunk.ndim == 2 else int(chunk.shape[0])


def _check_frames(chunk: Any, index: int) -> tuple[np.ndarray, tuple[int, int]]:
    array = np.asarray(chunk)
    if array.ndim not in (2, 3):
        msg = (
            f"expected 2-D frames (or (N, H, W) blocks of frames), got shape {array.shape}"
            f" at item {index}"
        )
        raise ShapeError(msg)
    return array, (int(array.shape[-2]), int(array.shape[-1]))


def _array_source(array: np.ndarray, description: str) -> Source:
    if array.ndim != 3:
        hint = " wrap one frame as frame[np.newaxis]" if array.ndim == 2 else ""
        msg = f"expected an (N, H, W) stack, got an array of shape {array.shape};{hint}"
        raise ShapeError(msg.rstrip(";"))
    check_dtype(array.dtype)
    return Source(
        frame_shape=(array.shape[1], array.shape[2]),
        dtype=array.dtype,
        n_frames=array.shape[0],
        chunks=lambda: iter([array]),
        reiterable=True,
        background=False,
        description=description,
    )


def _sliced_source(array: Any) -> Source:
    """zarr, h5py and other arrays that read on slicing."""
    shape = tuple(array.shape)
    if len(shape) != 3:
        msg = f"expected an (N, H, W) stack, got an array of shape {shape}"
        raise ShapeError(msg)
    dtype = check_dtype(np.dtype(array.dtype))
    frame_bytes = max(1, shape[1] * shape[2] * dtype.itemsize)
    step = max(1, min(MAX_BATCH_FRAMES, BATCH_BYTES // frame_bytes))
    chunks = getattr(array, "chunks", None)
    if isinstance(chunks, tuple) and chunks and isinstance(chunks[0], int) and chunks[0] > 0:
        # whole storage chunks along the frames: each is read (decompressed) once
        step = max(chunks[0], step // chunks[0] * chunks[0])

    def read() -> Iterator[np.ndarray]:
        for start in range(0, shape[0], step):
            yield np.asarray(array[start : start + step])

    return Source(
        frame_shape=(shape[1], shape[2]),
        dtype=dtype,
        n_frames=shape[0],
        chunks=read,
        reiterable=True,
        background=True,
        description=f"{type(array).__name__} {shape}",
    )


def _is_pathlike(item: Any) -> bool:
    return isinstance(item, (str, os.PathLike))


def open_zarr_store(path: Path) -> Any:
    """The zarr array stored in folder ``path``, or None if it is no zarr array store."""
    if not path.is_dir():
        return None
    if not ((path / ".zarray").exists() or (path / "zarr.json").exists()):
        return None
    from truepix.errors import require

    zarr = require("zarr", "dask")
    return zarr.open_array(path, mode="r")  # type: ignore[attr-defined]


def _expand_path(path: str | os.PathLike[str]) -> list[Path] | Source:
    text = os.fspath(path)
    if any(char in text for char in "*?["):
        found = sorted(Path(p) for p in glob.glob(text, recursive=True))
        files = [p for p in found if p.is_file()]
        if not files:
            msg = f"expected files matching {text!r}, got none"
            raise ReadError(msg)
        return files
    target = Path(text)
    store = open_zarr_store(target)
    if store is not None:
        return _sliced_source(store)
    if target.is_dir():
        files = sorted(p for p in target.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
        if not files:
            msg = f"expected image files ({', '.join(IMAGE_SUFFIXES)}) in folder {text!r}, got none"
            raise ReadError(msg)
        return files
    if not target.exists():
        msg = f"expected an existing file, folder or glob pattern, got {text!r}"
        raise ReadError(msg)
    return [target]


def _paths_source(paths: list[Path], description: str, series: int) -> Source:
    first = file_frames(paths[0], series=series)
    check_dtype(first.dtype)
    n_frames = first.n_frames
    for path in paths[1:]:
        suffix = path.suffix.lower()
        # a PNG is one frame (or a truepix stack, then counters are promoted on
        # the way); TIFF headers are cheap to count pages in
        if suffix in (".tif", ".tiff", ".npy"):
            n_frames += file_frames(path, series=series).n_frames
        else:
            n_frames += 1

    def read() -> Iterator[np.ndarray]:
        yield from first.read()
        for path in paths[1:]:
            frames = file_frames(path, series=series)
            if frames.frame_shape != first.frame_shape:
                msg = (
                    f"expected frames of shape {first.frame_shape} (as in {str(paths[0])!r}),"
                    f" got {frames.frame_shape} in {str(path)!r}"
                )
                raise ShapeError(msg)
            yield from frames.read()

    return Source(
        frame_shape=first.frame_shape,
        dtype=first.dtype,
        n_frames=n_frames,
        chunks=read,
        reiterable=True,
        background=True,
        description=description,
    )


def _iterable_source(items: Iterable[Any], series: int) -> Source:
    one_shot = iter(items) is items
    if isinstance(items, (list, tuple)) and items and all(_is_pathlike(p) for p in items):
        paths: list[Path] = []
        for item in items:
            expanded = _expand_path(item)
            if isinstance(expanded, Source):
                msg = f"expected image files in a list of paths, got the zarr store {item!r}"
                raise InputError(msg)
            paths.extend(expanded)
        return _paths_source(paths, f"{len(paths)} files", series)

    def chunks_of(iterator: Iterator[Any]) -> Iterator[Any]:
        for item in iterator:
            if _is_pathlike(item):
                for path in _as_paths(item):
                    yield from file_frames(path, series=series).read()
            else:
                no_series(series, "frames in memory")
                yield item

    iterator = chunks_of(iter(items))
    try:
        head = next(iterator)
    except StopIteration:
        msg = "expected at least one frame, got an empty iterable"
        raise ShapeError(msg) from None
    head, frame_shape = _check_frames(head, 0)
    check_dtype(head.dtype)
    n_frames: int | None = None
    if not one_shot and hasattr(items, "__len__") and not any(_is_pathlike(p) for p in items):
        n_frames = sum(_frame_count(np.asarray(item)) for item in items)
    consumed = [False]

    def read() -> Iterator[Any]:
        if not consumed[0]:
            consumed[0] = True
            return chain([head], iterator)
        if one_shot:
            msg = "expected a stack that can be read again, got a one-shot iterator"
            raise InputError(msg)
        return chunks_of(iter(items))

    return Source(
        frame_shape=frame_shape,
        dtype=head.dtype,
        n_frames=n_frames,
        chunks=read,
        reiterable=not one_shot,
        background=True,
        description="frames" if n_frames is None else f"{n_frames} frames",
    )


def _as_paths(item: str | os.PathLike[str]) -> list[Path]:
    expanded = _expand_path(item)
    if isinstance(expanded, Source):
        msg = f"expected image files, got the zarr store {os.fspath(item)!r}"
        raise InputError(msg)
    return expanded


def no_series(series: int, what: str) -> None:
    """``series`` picks the series of TIFF files: anything else refuses one other than 0."""
    if series != 0:
        msg = f"expected series=0 for {what} (series picks a TIFF file's series), got {series!r}"
        raise InputError(msg)


def as_source(stack: Any, *, series: int = 0) -> Source:
    """Turn any supported stack into a :class:`Source` (dask arrays excepted).

    ``series`` picks the series of every TIFF file read (see :func:`file_frames`).

    Examples
    --------
    >>> source = as_source(np.zeros((5, 3, 4), np.float32))
    >>> source.frame_shape, source.dtype, source.n_frames
    ((3, 4), dtype('float32'), 5)
    >>> as_source(np.zeros((2, 3), np.float32) for _ in range(3)).n_frames is None
    True
    """
    if isinstance(stack, np.ndarray):
        no_series(series, "an array")
        return _array_source(stack, f"array {stack.shape}")
    if _is_pathlike(stack):
        expanded = _expand_path(stack)
        if isinstance(expanded, Source):
            no_series(series, "a zarr store")
            return expanded
        return _paths_source(expanded, os.fspath(stack), series)
    if isinstance(stack, (bytes, bytearray, dict)) or np.isscalar(stack):
        msg = (
            "expected a stack: an (N, H, W) array, an iterable of 2-D frames, paths,"
            f" a glob, a folder, a TIFF, a zarr or dask array; got {type(stack).__name__}"
        )
        raise UnsupportedInputError(msg)
    if hasattr(stack, "shape") and hasattr(stack, "dtype") and hasattr(stack, "__getitem__"):
        no_series(series, f"a {type(stack).__name__}")
        return _sliced_source(stack)
    if isinstance(stack, Iterable):
        return _iterable_source(stack, series)
    msg = (
        "expected a stack: an (N, H, W) array, an iterable of 2-D frames, paths,"
        f" a glob, a folder, a TIFF, a zarr or dask array; got {type(stack).__name__}"
    )
    raise UnsupportedInputError(msg)


def value_range(source: Source) -> tuple[Any, Any]:
    """Finite minimum and maximum over every frame (NaN ignored): one pass over the stack."""
    if not source.reiterable:
        msg = (
            "expected range=(lo, hi) for a one-shot iterator, got range=None; finding the"
            " range takes a pass over the frames before counting, and an iterator can be"
            " read only once (pass range, explicit bin edges, or a list/array/folder)"
        )
        raise InputError(msg)
    low: Any = None
    high: Any = None
    for index, chunk in enumerate(source.chunks()):
        array, _ = _check_frames(chunk, index)
        if array.size == 0:
            continue
        if array.dtype.kind == "f":
            # fmin/fmax skip NaN without the all-NaN warnings of nanmin/nanmax
            chunk_low, chunk_high = (
                np.fmin.reduce(array, axis=None),
                np.fmax.reduce(array, axis=None),
            )
            low = chunk_low if low is None else np.fmin(low, chunk_low)
            high = chunk_high if high is None else np.fmax(high, chunk_high)
        else:
            chunk_low, chunk_high = array.min(), array.max()
            low = chunk_low if low is None else min(low, chunk_low)
            high = chunk_high if high is None else max(high, chunk_high)
    if low is None:
        return source.dtype.type(0), source.dtype.type(1)  # numpy's range for no data
    return finite_min_max(low, high, source.dtype)


def _check_chunk(
    chunk: Any, index: int, frame_shape: tuple[int, int], dtype: np.dtype
) -> np.ndarray:
    array, shape = _check_frames(chunk, index)
    if shape != frame_shape:
        msg = f"expected frames of shape {frame_shape} (the first frame's), got {shape} at item {index}"
        raise ShapeError(msg)
    if array.dtype != dtype:
        from truepix.errors import UnsupportedDtypeError

        msg = (
            f"expected every frame to have dtype {dtype} (the first frame's), got {array.dtype}"
            f" at item {index}; convert the frames to one dtype"
        )
        raise UnsupportedDtypeError(msg)
    return array


def _produce(
    source: Source, buffers: queue.Queue[np.ndarray] | None, batch_frames: int
) -> Iterator[tuple[np.ndarray, np.ndarray | None]]:
    """Yield (batch, buffer to give back or None)."""
    height, width = source.frame_shape
    buffer: np.ndarray | None = None
    filled = 0
    own = np.empty((batch_frames, height, width), source.dtype) if buffers is None else None

    def take() -> np.ndarray:
        return own if buffers is None else buffers.get()  # type: ignore[return-value]

    for index, chunk in enumerate(source.chunks()):
        array = _check_chunk(chunk, index, source.frame_shape, source.dtype)
        if array.ndim == 3:
            if filled:
                yield buffer[:filled], buffer  # type: ignore[index]
                buffer, filled = None, 0
            # views cost nothing: hand over whole blocks (the engine cuts passes)
            for start in range(0, array.shape[0], MAX_BATCH_FRAMES):
                yield array[start : start + MAX_BATCH_FRAMES], None
            continue
        if buffer is None:
            buffer = take()
        buffer[filled] = array
        filled += 1
        if filled == batch_frames:
            yield buffer, buffer
            buffer, filled = None, 0
    if filled:
        yield buffer[:filled], buffer  # type: ignore[index]


class _Stop(Exception):
    pass


def batches(source: Source) -> Iterator[np.ndarray]:
    """``(b, H, W)`` batches of the source's frames, read ahead in a thread if it reads."""
    height, width = source.frame_shape
    frame_bytes = max(1, height * width * source.dtype.itemsize)
    batch_frames = max(1, min(MAX_BATCH_FRAMES, BATCH_BYTES // frame_bytes))
    if not source.background:
        for batch, _ in _produce(source, None, batch_frames):
            yield batch
        return
    yield from _read_ahead(source, batch_frames)


def _read_ahead(source: Source, batch_frames: int) -> Iterator[np.ndarray]:
    height, width = source.frame_shape
    free: queue.Queue[np.ndarray] = queue.Queue()
    for _ in range(2):  # one buffer counted while the other is filled
        free.put(np.empty((batch_frames, height, width), source.dtype))
    ready: queue.Queue[tuple[str, Any, Any]] = queue.Queue(maxsize=1)
    stop = threading.Event()

    def put(item: tuple[str, Any, Any]) -> None:
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.1)
                return
            except queue.Full:
                continue
        raise _Stop

    def work() -> None:
        try:
            for batch, buffer in _produce(source, free, batch_frames):
                put(("batch", batch, buffer))
            put(("done", None, None))
        except _Stop:
            pass
        except BaseException as exc:  # handed to the consumer, raised there
            try:
                put(("error", exc, None))
            except _Stop:
                pass

    thread = threading.Thread(target=work, name="truepix-read-ahead", daemon=True)
    thread.start()
    try:
        while True:
            kind, payload, buffer = ready.get()
            if kind == "done":
                break
            if kind == "error":
                raise payload
            yield payload
            if buffer is not None:
                free.put(buffer)
    finally:
        stop.set()
        # unblock a producer waiting for a free buffer
        for _ in range(2):
            free.put(np.empty((0, height, width), source.dtype))
        thread.join()

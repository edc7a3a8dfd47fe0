"""Frames from image files, through truepix's own loaders.

A file truepix wrote holds one array: a 2-D frame or an ``(N, H, W)`` stack, read
with :func:`truepix.io.load` (which checks and decodes it). A foreign file holds
gray frames: a PNG is one frame, a multi-page TIFF is streamed page by page with
tifffile, so a stack far larger than memory is read one frame at a time.
``.npy`` files are memory-mapped.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from truepix.errors import ShapeError

__all__ = ["IMAGE_SUFFIXES", "FileFrames", "file_frames"]

# suffixes a folder or glob of frames is made of
IMAGE_SUFFIXES = (".png", ".tif", ".tiff", ".npy")


@dataclass(frozen=True)
class FileFrames:
    """What a file holds, known before its pixels are decoded."""

    path: Path
    frame_shape: tuple[int, int]
    dtype: np.dtype
    n_frames: int
    read: Callable[[], Iterator[np.ndarray]]  # yields 2-D frames or 3-D blocks


def _load(path: Path) -> np.ndarray:
    from truepix.io import load

    return load(path)


def _stack_shape(path: Path, shape: tuple[int, ...], foreign: bool) -> tuple[int, int, int]:
    if len(shape) == 2:
        return (1, shape[0], shape[1])
    if len(shape) == 3 and not foreign:
        return (shape[0], shape[1], shape[2])
    kind = "a foreign image of" if foreign else "an array of"
    msg = (
        f"expected gray frames (H, W) or a stack (N, H, W) in {str(path)!r}, got {kind} shape"
        f" {shape}; color images need one histogram per channel, split them first"
    )
    raise ShapeError(msg)


def _tiff_pages(path: Path) -> Iterator[np.ndarray]:
    import tifffile

    with tifffile.TiffFile(path) as tif:
        for page in tif.series[0].pages:
            frame = page.asarray()
            yield frame


def file_frames(path: str | os.PathLike[str]) -> FileFrames:
    """Describe the frames in one file without decoding them (header only).

    Examples
    --------
    >>> import tempfile, pathlib, numpy as np, truepix as tp
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "stack.tif"
    >>> _ = tp.save(path, np.zeros((3, 4, 5), np.float32))
    >>> frames = file_frames(path)
    >>> frames.n_frames, frames.frame_shape, frames.dtype
    (3, (4, 5), dtype('float32'))
    >>> next(frames.read()).shape
    (3, 4, 5)
    """
    path = Path(path)
    if path.suffix.lower() == ".npy":
        array = np.load(path, mmap_mode="r")
        n, height, width = _stack_shape(path, array.shape, foreign=False)
        return FileFrames(path, (height, width), array.dtype, n, lambda: iter([array]))
    from truepix.io import info

    meta = info(path)
    if meta.foreign and meta.format == "tiff" and len(meta.shape) == 3:
        import tifffile

        with tifffile.TiffFile(path) as tif:
            series = tif.series[0]
            pages = len(series.pages)
            page_shape = tuple(series.pages[0].shape)
        if pages == meta.shape[0] and len(page_shape) == 2:
            height, width = page_shape
            return FileFrames(path, (height, width), meta.dtype, pages, lambda: _tiff_pages(path))
    n, height, width = _stack_shape(path, meta.shape, meta.foreign)
    return FileFrames(path, (height, width), meta.dtype, n, lambda: iter([_load(path)]))

"""Frames from image files, through truepix's own loaders.

A file truepix wrote holds one array: a 2-D frame or an ``(N, H, W)`` stack, read
with :func:`truepix.io.load` (which checks and decodes it). A foreign file holds
gray frames: a PNG, JPEG XL or WebP is one frame; a TIFF is read through
tifffile's series model, so every plane of one series (``series=``, default the
first, as tifffile reads; the other series of a multi-series file are not read
unless asked for) is a frame -- the pages of a multi-page stack, the T x Z (x C)
planes of an ImageJ or OME hyperstack -- and a stack far larger than memory is
read one frame at a time. An ImageJ stack whose frames follow one image
directory (how ImageJ writes stacks past 4 GB) is memory-mapped, as are ``.npy``
files.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from truepix.errors import InputError, ShapeError

__all__ = ["IMAGE_SUFFIXES", "FileFrames", "file_frames"]

# suffixes a folder or glob of frames is made of
IMAGE_SUFFIXES = (".png", ".tif", ".tiff", ".jxl", ".webp", ".npy")


@dataclass(frozen=True)
class FileFrames:
    """What a file holds, known before its pixels are decoded."""

    path: Path
    frame_shape: tuple[int, int]
    dtype: np.dtype
    n_frames: int
    read: Callable[[], Iterator[np.ndarray]]  # yields 2-D frames or 3-D blocks


def _load(path: Path, series: int) -> np.ndarray:
    from truepix.io import load

    return load(path, series=series)


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


def _tiff_pages(path: Path, series: int, height: int, width: int) -> Iterator[np.ndarray]:
    import tifffile

    from truepix.io._tiff_checks import check_decode_cap, decode_fault, quiet_tifffile

    with quiet_tifffile(), tifffile.TiffFile(path) as tif:
        for page in tif.series[series].pages:
            check_decode_cap(int(page.keyframe.nbytes), page.keyframe)
            try:
                frames = page.asarray()
            except Exception as exc:  # codecs raise their own errors on damaged data
                raise decode_fault(exc, page.keyframe) from None
            yield frames.reshape(-1, height, width)


def _tiff_mapped(
    path: Path, offset: int, dtype: np.dtype, shape: tuple[int, int, int]
) -> Iterator[np.ndarray]:
    """Frames of a contiguous uncompressed stack, mapped from the file, in blocks."""
    mapped = np.memmap(path, dtype=dtype, mode="r", offset=offset, shape=shape)
    if dtype.isnative:
        yield mapped  # views: pages are read as the kernel reaches them
        return
    step = max(1, (64 * 2**20) // max(1, shape[1] * shape[2] * dtype.itemsize))
    for start in range(0, shape[0], step):
        yield mapped[start : start + step].astype(dtype.newbyteorder("="))


def _foreign_tiff(path: Path, index: int) -> FileFrames:
    """The planes of one series of a foreign TIFF as frames (see the module docstring).

    ``index`` was checked by :func:`truepix.io.info` (the one rule for a series).
    """
    import tifffile

    from truepix.io._tiff_checks import quiet_tifffile

    with quiet_tifffile(), tifffile.TiffFile(path) as tif:
        series = tif.series[index]
        axes, shape = str(series.axes), tuple(int(n) for n in series.shape)
        dtype = np.dtype(series.dtype).newbyteorder(tif.byteorder)
        first = series.pages[0].keyframe
        mapped = series.dataoffset is not None and int(first.compression) == 1
        offset = int(series.dataoffset or 0)
    if len(shape) < 2 or not axes.endswith("YX") or "S" in axes:
        msg = (
            f"expected gray frames: a TIFF series whose axes end in YX with no samples axis S,"
            f" got axes {axes!r} of shape {shape} in {str(path)!r}; color images need one"
            " histogram per channel, split them first"
        )
        raise ShapeError(msg)
    height, width = shape[-2:]
    n_frames = int(np.prod(shape[:-2], dtype=np.int64))
    if mapped:
        stack = (n_frames, height, width)
        return FileFrames(
            path, (height, width), dtype.newbyteorder("="), n_frames,
            lambda: _tiff_mapped(path, offset, dtype, stack),
        )  # fmt: skip
    return FileFrames(
        path, (height, width), dtype.newbyteorder("="), n_frames,
        lambda: _tiff_pages(path, index, height, width),
    )  # fmt: skip


def file_frames(path: str | os.PathLike[str], *, series: int = 0) -> FileFrames:
    """Describe the frames in one file without decoding them (header only).

    ``series`` picks a TIFF's series (checked as :func:`truepix.io.info` checks it:
    a series the file does not have, or a series other than 0 of a file that holds
    one image, is an :class:`~truepix.errors.InputError`).

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
        if series != 0:
            msg = f"expected series=0 for a NPY file (one array), got series={series!r}"
            raise InputError(msg)
        from truepix._files import read_numpy

        array = read_numpy(path, mmap_mode="r")
        n, height, width = _stack_shape(path, array.shape, foreign=False)
        return FileFrames(path, (height, width), array.dtype, n, lambda: iter([array]))
    from truepix.io import info

    meta = info(path, series=series)  # checks the series and every page, decodes none
    if meta.foreign and meta.format == "tiff":
        return _foreign_tiff(path, series)
    if meta.foreign and len(meta.shape) != 2:
        _load(path, series)  # a damaged file is refused as damaged before its shape is
    n, height, width = _stack_shape(path, meta.shape, meta.foreign)
    return FileFrames(
        path, (height, width), meta.dtype, n, lambda: iter([_load(path, series)])
    )

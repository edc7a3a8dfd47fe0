"""Per-pixel histograms: :func:`pixel_histogram`, :func:`bin_edges`, :class:`PixelHistogram`.

The friendly layer: it validates, resolves the bins, picks the source and the
backend. The math lives in :mod:`._hist_numba` (tested against
:mod:`._hist_numpy`), sources in :mod:`._sources`, Dask in :mod:`._hist_dask`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np

from truepix._validate import split_mask
from truepix.errors import InputError, ShapeError
from truepix.stacks._bins import Bins, check_dtype, resolve_bins
from truepix.stacks._engine import PixelCounter
from truepix.stacks._hist_dask import (
    check_dask_stack,
    dask_histogram,
    dask_value_range,
)
from truepix.stacks._sources import (
    Source,
    as_source,
    batches,
    is_dask_array,
    no_series,
    value_range,
)

__all__ = ["PixelHistogram", "bin_edges", "pixel_histogram"]

Progress = Callable[[int, "int | None"], None]


# frames per chunk when a masked array is read as NaN-filled floats
_MASKED_CHUNK = 64


def _unmasked(frames: Any) -> Any:
    """A masked array's frames as floats with NaN where masked: NaN is never counted.

    Integers become float64 (exact up to 2**53; ``np.histogram`` compares them
    in float64 too); floats keep their dtype. Other values pass through.
    """
    if not isinstance(frames, np.ma.MaskedArray):
        return frames
    data, mask = split_mask(frames)
    if data.dtype.kind not in "iuf":
        return data  # the dtype check refuses it with its own words
    values = data.astype(np.float64 if data.dtype.kind in "iu" else data.dtype, copy=True)
    if mask is not None:
        values[mask] = np.nan
    return values


class _UnmaskedChunks(Sequence[np.ndarray]):
    """A masked (N, H, W) array, read again and again as NaN-filled chunks of frames."""

    def __init__(self, stack: np.ma.MaskedArray) -> None:
        self._stack = stack

    def __len__(self) -> int:
        return -(-int(self._stack.shape[0]) // _MASKED_CHUNK)

    def __getitem__(self, index: Any) -> Any:
        if not isinstance(index, int) or not 0 <= index < len(self):
            raise IndexError(index)
        start = index * _MASKED_CHUNK
        return _unmasked(self._stack[start : start + _MASKED_CHUNK])


def _honour_masks(stack: Any) -> Any:
    if isinstance(stack, np.ma.MaskedArray):
        if stack.ndim != 3:
            msg = f"expected an (N, H, W) stack, got a masked array of shape {stack.shape}"
            raise ShapeError(msg)
        return _UnmaskedChunks(stack)
    if isinstance(stack, (list, tuple)) and any(isinstance(i, np.ma.MaskedArray) for i in stack):
        return [_unmasked(item) for item in stack]  # frames are views until filled
    if isinstance(stack, Iterable) and iter(stack) is stack:  # a generator: wrap lazily
        return (_unmasked(item) for item in stack)
    return stack


def _resolve(stack: Any, bins: Any, range: Any, series: int) -> tuple[Source | None, Bins]:
    if is_dask_array(stack):
        no_series(series, "a dask array")
        check_dask_stack(stack)
        spec = resolve_bins(
            bins, range, np.dtype(stack.dtype), data_range=lambda: dask_value_range(stack)
        )
        return None, spec
    return resolve_source(_honour_masks(stack), bins, range, series=series)


def resolve_source(
    stack: Any, bins: Any, range: Any, *, series: int = 0
) -> tuple[Source, Bins]:
    """The source and bins of a stack that is not a dask array."""
    source = as_source(stack, series=series)
    spec = resolve_bins(bins, range, source.dtype, data_range=lambda: value_range(source))
    return source, spec


def count_source(
    source: Source, spec: Bins, *, progress: Progress | None = None, backend: str = "numba"
) -> np.ndarray:
    """Counts of every frame of ``source``: the engine run over its batches."""
    counter = PixelCounter(
        spec, source.frame_shape, source.dtype, n_frames=source.n_frames, backend=backend
    )
    for batch in batches(source):
        counter.add(batch)
        if progress is not None:
            progress(counter.n_frames, source.n_frames)
    return counter.result()


def pixel_histogram(
    stack: Any,
    /,
    *,
    bins: int | Any = 100,
    range: tuple[float, float] | None = None,
    progress: Progress | None = None,
    series: int = 0,
) -> np.ndarray:
    """Histogram of every pixel over a stack of frames, with ``np.histogram`` semantics.

    ``pixel_histogram(stack)[y, x]`` equals ``np.histogram(stack[:, y, x], bins,
    range)[0]`` for every pixel -- the same bins for all pixels, the last bin
    closed, values outside the range and NaN not counted -- computed by a
    compiled kernel on all cores, reading the stack once (twice with
    ``range=None``, see below).

    Parameters
    ----------
    stack
        The frames, all of one shape (H, W) and one dtype (integers or floats):

        * an ``(N, H, W)`` numpy array (a memory-mapped one is read as it goes);
          a masked array's masked values are not counted, like NaN (masked
          frames in a list or generator too; integers are then counted as
          float64, which bins them the same way);
        * any iterable or generator of 2-D frames (``(n, H, W)`` blocks may be
          mixed in: they are counted without copying);
        * a list of image paths, a glob pattern (``"frames/*.png"``), a folder of
          ``.png``/``.tif``/``.npy`` files, a multi-page TIFF (streamed page by
          page; every plane of one series -- see ``series``), a ``.npy`` file --
          read with :func:`truepix.io.load`, in a background thread while the
          previous batch is counted;
        * a zarr array (or the path of a zarr store), read chunk by chunk;
        * a dask array: computed on the Dask workers (the active
          ``dask.distributed`` client, if any), one task per pixel tile that
          reads and histograms the full depth of the stack.

        Streams are streamed: memory is the result plus two batches of at most
        128 MiB of frames and one byte per pixel and bin for the fast counters.
    bins : int or sequence of float
        Number of equal-width bins in ``range``, or the bin edges (increasing,
        at least two, possibly non-uniform; ``range`` must then be None).
    range : (float, float), optional
        Lower and upper edge for ``bins=int``. ``None`` takes the minimum and
        maximum of the whole stack, NaN ignored (``np.histogram`` would refuse
        NaN), so every pixel shares the bins -- that costs one extra pass over
        the stack, and a one-shot iterator (a generator) cannot be read twice:
        it needs ``range`` (using only its first frames would silently drop
        later values outside them).
    progress : callable, optional
        Called after every batch as ``progress(frames_done, frames_total)``
        (``frames_total`` is None for a stream of unknown length). Never per
        frame, so it does not slow the kernel. On a Dask cluster: after every
        pixel tile, with the frames counted so far over the whole picture.
    series : int
        Which series of each TIFF file to count (tifffile's series model:
        ``tifffile.TiffFile(path).series``; negative counts from the end).
        Default 0, the first, as tifffile reads: a file with several series
        (separate images, OME series, pyramid levels) has only its first
        counted unless another is asked for -- ``tp.info(path).n_series`` says
        how many there are. Other than 0 only for TIFF files (a ``.png``,
        ``.npy`` or array in memory holds one image).

    Returns
    -------
    numpy.ndarray
        Counts of shape ``(H, W, n_bins)``, in the smallest unsigned dtype that
        holds the number of frames (uint8 up to 255 frames, then uint16, uint32,
        uint64) -- chosen up front when the number is known, else grown as frames
        arrive: counters are promoted (one copy) before they could overflow,
        never wrapped.

    Raises
    ------
    InputError
        Bad ``bins`` or ``range``; ``range=None`` on a one-shot iterator; a
        ``series`` a TIFF file does not have (the message says how many it
        holds), or other than 0 for a stack that is not TIFF files.
    OutOfRangeError
        ``range=None`` on a stack with infinite values or with no values but NaN.
    ShapeError
        A stack that is not (N, H, W), frames of different shapes.
    UnsupportedDtypeError
        bool, complex or object data, frames of different dtypes.
    UnsupportedInputError
        Something that is not a stack.

    See Also
    --------
    bin_edges : the edges these counts are for.
    PixelHistogram : the same counts, fed frame by frame.

    Examples
    --------
    >>> import numpy as np, truepix as tp
    >>> rng = np.random.default_rng(0)
    >>> stack = rng.random((500, 4, 6), dtype=np.float32)
    >>> counts = tp.pixel_histogram(stack, bins=10, range=(0, 1))
    >>> counts.shape, counts.dtype
    ((4, 6, 10), dtype('uint16'))
    >>> np.array_equal(counts[2, 3], np.histogram(stack[:, 2, 3], bins=10, range=(0, 1))[0])
    True

    Frames from a generator, non-uniform bins:

    >>> frames = (np.full((2, 2), k % 7, np.uint8) for k in range(70))
    >>> tp.pixel_histogram(frames, bins=[0, 1, 3, 6, 7])[0, 0]
    array([10, 20, 30, 10], dtype=uint8)

    The second series of a TIFF file holding two:

    >>> import tempfile, pathlib, tifffile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "two.tif"
    >>> with tifffile.TiffWriter(path) as tif:
    ...     tif.write(np.zeros((3, 2, 2), np.uint8), photometric="minisblack")
    ...     tif.write(np.ones((5, 2, 2), np.uint8), photometric="minisblack")
    >>> tp.pixel_histogram(path, bins=2, range=(0, 2), series=1)[0, 0]
    array([0, 5], dtype=uint8)
    """
    source, spec = _resolve(stack, bins, range, series)
    if source is None:
        return dask_histogram(stack, spec, progress)
    return count_source(source, spec, progress=progress)


def bin_edges(
    stack: Any,
    /,
    *,
    bins: int | Any = 100,
    range: tuple[float, float] | None = None,
    series: int = 0,
) -> np.ndarray:
    """The bin edges :func:`pixel_histogram` uses for these arguments.

    As ``np.histogram_bin_edges``: ``n_bins + 1`` values in the dtype numpy
    picks from the data and the range (float32 for float32 data and a plain
    range). With ``range=None`` this reads the stack once to find its range.

    Parameters
    ----------
    stack
        Any stack :func:`pixel_histogram` takes (masked values left out).
    bins : int or sequence of float
        As :func:`pixel_histogram`.
    range : (float, float), optional
        As :func:`pixel_histogram`.
    series : int
        As :func:`pixel_histogram`: which series of each TIFF file.

    Returns
    -------
    numpy.ndarray
        ``n_bins + 1`` increasing edges, in ``np.histogram``'s dtype.

    Raises
    ------
    InputError
        Bad ``bins`` or ``range``; ``range=None`` on a one-shot iterator.
    OutOfRangeError
        ``range=None`` on a stack with infinite values or only NaN.
    ShapeError, UnsupportedDtypeError, UnsupportedInputError
        Not a stack of real numbers, as :func:`pixel_histogram`.

    Examples
    --------
    >>> import numpy as np, truepix as tp
    >>> stack = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    >>> tp.stacks.bin_edges(stack, bins=4)
    array([ 0.  ,  5.75, 11.5 , 17.25, 23.  ], dtype=float32)
    >>> tp.stacks.bin_edges(stack, bins=2, range=(0, 1))
    array([0. , 0.5, 1. ], dtype=float32)
    """
    _, spec = _resolve(stack, bins, range, series)
    return spec.reported.copy()


class PixelHistogram:
    """Per-pixel histograms fed frame by frame: the class tier of :func:`pixel_histogram`.

    For frames that arrive from your own loop -- a camera, a simulation, batches
    you read yourself. The first :meth:`add` fixes the frame shape and dtype.

    Parameters
    ----------
    bins : int or sequence of float
        As :func:`pixel_histogram`.
    range : (float, float)
        Required with ``bins=int``: frames are counted as they come, so the range
        cannot be found from them.
    n_frames : int, optional
        How many frames will come, if known: picks the counts dtype up front.
        Otherwise counts start as uint8 and are promoted (one copy) when more
        than 255, 65 535 ... frames arrive -- as they are if more frames come
        than announced.

    Examples
    --------
    >>> import numpy as np, truepix as tp
    >>> hist = tp.stacks.PixelHistogram(bins=4, range=(0, 4))
    >>> for k in range(6):
    ...     hist.add(np.full((2, 3), k % 4, np.float32))
    >>> hist.add(np.zeros((4, 2, 3), np.float32))  # a batch of 4 frames
    >>> hist.n_frames, hist.counts[1, 2], hist.edges
    (10, array([6, 2, 1, 1], dtype=uint8), array([0., 1., 2., 3., 4.], dtype=float32))
    """

    def __init__(
        self,
        *,
        bins: int | Any = 100,
        range: tuple[float, float] | None = None,
        n_frames: int | None = None,
    ) -> None:
        if range is None and np.ndim(bins) == 0:
            msg = (
                "expected range=(lo, hi) with bins=int, got range=None; frames are counted"
                " as they arrive, so their range is not known (pixel_histogram can find it)"
            )
            raise InputError(msg)
        if n_frames is not None and (
            isinstance(n_frames, bool) or not isinstance(n_frames, int) or n_frames < 0
        ):
            msg = f"expected n_frames as a non-negative int or None, got {n_frames!r}"
            raise InputError(msg)
        self._bins_arg = bins
        self._range_arg = range
        self._n_frames_hint = n_frames
        self._counter: PixelCounter | None = None
        if np.ndim(bins) != 0:  # explicit edges: validate now
            resolve_bins(bins, range, np.dtype(np.float64), data_range=_no_data_range)

    def add(self, frames: Any, /) -> None:
        """Count one ``(H, W)`` frame or an ``(n, H, W)`` batch of frames.

        Parameters
        ----------
        frames : array_like
            ``(H, W)`` or ``(n, H, W)``, the shape and dtype of the first frames.
            Masked values of a masked array are not counted (integer frames
            are then counted as float64: feed masked arrays throughout, or none).

        Returns
        -------
        None
            The counts grow in place (:attr:`counts`).

        Raises
        ------
        ShapeError
            Not 2-D or 3-D, or another frame shape than the first.
        UnsupportedDtypeError
            bool, complex or object frames, or another dtype than the first.

        Examples
        --------
        >>> import numpy as np, truepix as tp
        >>> hist = tp.stacks.PixelHistogram(bins=2, range=(0, 2))
        >>> hist.add(np.ma.masked_equal([[0.5, 1.5]], 1.5))  # the masked value is not counted
        >>> hist.counts.tolist()
        [[[1, 0], [0, 0]]]
        """
        array = np.asarray(_unmasked(frames))
        if array.ndim not in (2, 3):
            msg = f"expected a 2-D frame or an (n, H, W) batch, got shape {array.shape}"
            raise ShapeError(msg)
        if self._counter is None:
            dtype = check_dtype(array.dtype, "frame")
            spec = resolve_bins(self._bins_arg, self._range_arg, dtype, _no_data_range)
            shape = (int(array.shape[-2]), int(array.shape[-1]))
            self._counter = PixelCounter(spec, shape, dtype, n_frames=self._n_frames_hint)
        self._counter.add(array)

    @property
    def n_frames(self) -> int:
        """Frames counted so far."""
        return 0 if self._counter is None else self._counter.n_frames

    @property
    def edges(self) -> np.ndarray:
        """The bin edges (known after the first :meth:`add`, which fixes their dtype)."""
        return self._started().bins.reported.copy()

    @property
    def counts(self) -> np.ndarray:
        """The counts so far, ``(H, W, n_bins)``: a read-only view that later adds
        update in place (unless they promote the counts to a wider dtype)."""
        counts = self._started().result().view()
        counts.flags.writeable = False
        return counts

    def _started(self) -> PixelCounter:
        if self._counter is None:
            msg = "expected at least one frame added, got none; call add(frame) first"
            raise ShapeError(msg)
        return self._counter

    def __repr__(self) -> str:
        shape = None if self._counter is None else self._counter.frame_shape
        return f"PixelHistogram(frames={self.n_frames}, frame_shape={shape})"


def _no_data_range() -> tuple[Any, Any]:  # pragma: no cover - guarded by callers
    msg = "expected range=(lo, hi), got None"
    raise InputError(msg)

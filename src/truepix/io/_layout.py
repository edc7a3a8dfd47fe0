"""How encoded samples are laid out in a picture, and back.

Layouts
-------
native   the samples as a picture: (H, W) gray or (H, W, C) with C channels, frames
         stacked as rows (:func:`native_shape`; TIFF: as pages, :func:`tiff_shape`).
         In PNG the dtype decides the depth: uint8 8-bit, uint16 16-bit; other
         integers whose values fit are stored as 16-bit (int8: 8-bit) pictures
         (a 7 is gray 7) and cast back on load.
bool255  a bool array as uint8 0/255, so a mask looks like a mask.
planes   anything else: the bytes of each element split into byte planes, most
         significant first, stacked as one tall 8-bit gray picture
         (``channels * itemsize * rows`` by ``width``). Signed integers get their
         sign bit flipped so that small negative and positive values share their
         high bytes. With PNG's SUB filter this is the byte shuffle + difference
         predictor of TIFF's floating-point predictor, and it compresses float data
         better than interleaving bytes into RGBA.

Byte planes map any array shape to a picture by :func:`picture_shape` (kept as it
was, so files written before read back); the saved shape travels in the metadata,
so the mapping only needs to be reversible in size.

Examples
--------
>>> a = np.array([[-1.5, 0.0], [np.inf, -0.0]], dtype=np.float32)
>>> packed = to_planes(a)
>>> packed.shape, packed.dtype
((8, 2), dtype('uint8'))
>>> from_planes(packed, a.dtype, a.shape).tobytes() == a.tobytes()
True
"""

from __future__ import annotations

import math

import numpy as np

__all__ = [
    "fold",
    "from_planes",
    "narrow_dtype",
    "native_shape",
    "picture_shape",
    "tiff_shape",
    "to_planes",
    "to_planes_shape",
    "unfold",
]

# A folded picture is this wide (PNG readers refuse sides over 1,000,000 by default).
FOLD_WIDTH = 4096


def picture_shape(shape: tuple[int, ...]) -> tuple[int, ...]:
    """The (rows, width[, channels]) picture an array of ``shape`` is stored as.

    Examples
    --------
    >>> picture_shape((5,)), picture_shape((4, 5)), picture_shape((4, 5, 3))
    ((1, 5), (4, 5), (4, 5, 3))
    >>> picture_shape((2, 4, 5, 3))
    (8, 5, 3)
    """
    if len(shape) == 1:
        return (1, shape[0])
    if len(shape) <= 3:
        return tuple(shape)
    return (math.prod(shape[:-2]), shape[-2], shape[-1])


def native_shape(shape: tuple[int, ...]) -> tuple[int, ...]:
    """The (rows, width[, channels]) picture a viewable layout stores an array of ``shape`` as.

    A trailing axis of 1 to 4 on an array of 3 or more dimensions holds channels
    (gray, gray + alpha, RGB, RGBA). Otherwise the last two axes are a frame's rows
    and columns, and frames are stacked top to bottom: an (N, H, W) stack is a
    picture of N * H rows, in the array's own dtype (a uint16 stack is a 16-bit
    picture). The leading axes are those of tifffile and rasterio: frames, bands.

    Examples
    --------
    >>> native_shape((5,)), native_shape((4, 5)), native_shape((4, 5, 3)), native_shape((4, 5, 1))
    ((1, 5), (4, 5), (4, 5, 3), (4, 5))
    >>> native_shape((10, 48, 64)), native_shape((2, 4, 5, 3))
    ((480, 64), (8, 5, 3))
    """
    if len(shape) == 1:
        return (1, shape[0])
    if len(shape) >= 3 and shape[-1] <= 4:
        rows = math.prod(shape[:-2])
        return (rows, shape[-2]) if shape[-1] == 1 else (rows, shape[-2], shape[-1])
    return (math.prod(shape[:-1]), shape[-1])


def tiff_shape(shape: tuple[int, ...]) -> tuple[int, ...]:
    """The pages a TIFF stores an array of ``shape`` as: (pages, rows, width[, channels]).

    As :func:`native_shape`, with frames as pages instead of stacked rows -- what
    ``tifffile.imwrite`` writes for the same array. One page has no pages axis.

    Examples
    --------
    >>> tiff_shape((4, 5)), tiff_shape((4, 5, 3)), tiff_shape((10, 48, 64))
    ((4, 5), (4, 5, 3), (10, 48, 64))
    >>> tiff_shape((2, 3, 4, 5, 3)), tiff_shape((2, 3, 4, 5))
    ((6, 4, 5, 3), (6, 4, 5))
    """
    if len(shape) >= 3 and shape[-1] <= 4:
        frame, pages = tuple(shape[-3:]), math.prod(shape[:-3])
        if shape[-1] == 1:
            frame = frame[:2]
    else:
        frame, pages = tuple(shape[-2:]) if len(shape) > 1 else (1, shape[0]), math.prod(shape[:-2])
    if pages == 1:
        return frame
    if len(frame) == 2 and frame[1] <= 4:  # (pages, H, W <= 4) would read as channels
        return (pages * frame[0], frame[1])
    return (pages, *frame)


def narrow_dtype(array: np.ndarray) -> np.dtype | None:
    """The viewable picture dtype of an integer array, decided by its dtype; else None.

    uint8 is 8-bit and uint16 16-bit, whatever the values. Other integers are
    stored as a picture of their own width when their values fit it: int8 as
    8-bit, wider ones as 16-bit -- never 8-bit, so that another reader gets the
    same depth for a constant, an all-zero or a small-valued frame as for any
    other frame of the same data. None means byte planes.

    Examples
    --------
    >>> narrow_dtype(np.array([0, 7], np.uint16)), narrow_dtype(np.array([0, 7], np.int32))
    (dtype('uint16'), dtype('uint16'))
    >>> narrow_dtype(np.array([7], np.int8)), narrow_dtype(np.array([70000], np.int64)) is None
    (dtype('uint8'), True)
    >>> narrow_dtype(np.array([-1], np.int8)) is None
    True
    """
    kind, size = array.dtype.kind, array.dtype.itemsize
    if kind not in "iu":
        return None
    if kind == "u" and size <= 2:
        return np.dtype(np.uint8 if size == 1 else np.uint16)
    low, high = int(array.min()), int(array.max())
    if low < 0:
        return None
    if size == 1:
        return np.dtype(np.uint8)
    return np.dtype(np.uint16) if high <= 0xFFFF else None


def _sign_flip(dtype: np.dtype) -> int:
    return 0x80 if dtype.kind == "i" else 0


def to_planes_shape(dtype: np.dtype, shape: tuple[int, ...]) -> tuple[int, int]:
    """The shape :func:`to_planes` gives an array of ``dtype`` and ``shape``.

    Examples
    --------
    >>> to_planes_shape(np.dtype("float32"), (3, 5, 2))
    (24, 5)
    """
    rows, width, *rest = picture_shape(shape)
    channels = rest[0] if rest else 1
    return (channels * dtype.itemsize * rows, width)


def to_planes(array: np.ndarray) -> np.ndarray:
    """Split an array into stacked byte planes (see the module docstring)."""
    rows, width, *rest = picture_shape(array.shape)
    channels = rest[0] if rest else 1
    itemsize = array.dtype.itemsize
    little = np.ascontiguousarray(array, dtype=array.dtype.newbyteorder("<"))
    raw = (
        little.reshape(rows, width, channels)
        .view(np.uint8)
        .reshape(rows, width, channels, itemsize)
    )
    planes = np.empty((channels, itemsize, rows, width), dtype=np.uint8)
    # most significant byte first: plane order is independent of the machine
    planes[...] = raw[..., ::-1].transpose(2, 3, 0, 1)
    flip = _sign_flip(array.dtype)
    if flip:
        planes[:, 0] ^= flip
    return planes.reshape(channels * itemsize * rows, width)


def from_planes(planes: np.ndarray, dtype: np.dtype, shape: tuple[int, ...]) -> np.ndarray:
    """Inverse of :func:`to_planes`: the array of ``dtype`` and ``shape``."""
    rows, width, *rest = picture_shape(shape)
    channels = rest[0] if rest else 1
    itemsize = dtype.itemsize
    stacked = planes.reshape(channels, itemsize, rows, width)
    raw = np.empty((rows, width, channels, itemsize), dtype=np.uint8)
    raw[...] = stacked.transpose(2, 3, 0, 1)[..., ::-1]
    flip = _sign_flip(dtype)
    if flip:
        raw[..., itemsize - 1] ^= flip
    little = raw.view(dtype.newbyteorder("<")).reshape(shape)
    return little.astype(dtype, copy=False)


def fold(picture: np.ndarray) -> np.ndarray:
    """Rewrap a 2-D picture's samples into rows of :data:`FOLD_WIDTH`, zero-padded.

    For pictures too long or too wide for PNG readers. :func:`unfold` reverses it.

    Examples
    --------
    >>> planes = np.arange(10_000, dtype=np.uint8).reshape(1, 10_000)
    >>> folded = fold(planes)
    >>> folded.shape
    (3, 4096)
    >>> np.array_equal(unfold(folded, planes.shape), planes)
    True
    """
    flat = picture.reshape(-1)
    rows = -(-flat.size // FOLD_WIDTH)
    folded = np.zeros(rows * FOLD_WIDTH, dtype=picture.dtype)
    folded[: flat.size] = flat
    return folded.reshape(rows, FOLD_WIDTH)


def unfold(folded: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Inverse of :func:`fold`: the first ``prod(shape)`` samples in ``shape``."""
    return folded.reshape(-1)[: math.prod(shape)].reshape(shape)

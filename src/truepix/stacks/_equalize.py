""":func:`equalize`: histogram equalization of every image of a batch."""

from __future__ import annotations

from typing import Any

import numpy as np

from truepix._validate import positive_int, split_mask
from truepix.errors import InputError, ShapeError, UnsupportedDtypeError
from truepix.stacks import _equalize_numpy

__all__ = ["equalize"]

# one bin per value for integer images: refuse value ranges that would need more
_MAX_INTEGER_LEVELS = 2**24


def _check_images(images: Any) -> np.ndarray:
    array = np.asarray(np.ma.getdata(images))
    if array.ndim < 2 or array.size == 0:
        msg = (
            f"expected images of shape (..., H, W) with at least one pixel, got shape {array.shape}"
        )
        raise ShapeError(msg)
    kind = array.dtype.kind
    if not (kind in "iu" or array.dtype in (np.float16, np.float32, np.float64)):
        hint = "e.g. images.astype(np.uint8)" if kind == "b" else "e.g. images.astype(np.float64)"
        msg = (
            f"expected images of integers or float16/32/64, got dtype {array.dtype};"
            f" convert them first, {hint}"
        )
        raise UnsupportedDtypeError(msg)
    return array


def _visible(mask: Any, hidden: np.ndarray | None, images: Any) -> Any:
    """The user's mask with the masked array's masked pixels left out."""
    if hidden is None:
        return mask
    visible = ~hidden
    if mask is None:
        return visible
    return _check_mask(mask, visible.shape, full=True) & visible


def _check_nbins(nbins: Any, dtype: np.dtype) -> int:
    count = positive_int(nbins, "nbins")
    if dtype.kind in "iu" and count != 256:
        rule = (
            "uint8 images are equalized exactly as OpenCV does, with 256 levels"
            if dtype == np.uint8
            else "integer images get one bin per value, as in scikit-image"
        )
        msg = f"expected nbins=256 for {dtype} images, got nbins={count}; {rule}"
        raise InputError(msg + "; convert to float to choose the bins")
    return count


def _check_mask(mask: Any, shape: tuple[int, ...], *, full: bool = False) -> np.ndarray:
    selected = np.array(mask, dtype=bool)  # as scikit-image: nonzero selects
    try:
        broadcast = np.broadcast_to(selected, shape)
    except ValueError:
        msg = f"expected a mask that broadcasts to the images' shape {shape}, got shape {selected.shape}"
        raise ShapeError(msg) from None
    if full:
        return broadcast
    full_mask = broadcast
    n_pixels = shape[-2] * shape[-1]
    if selected.ndim <= 2:  # one mask for every image
        rows = np.ascontiguousarray(full_mask.reshape(-1, n_pixels)[:1])
    else:
        rows = np.ascontiguousarray(full_mask).reshape(-1, n_pixels)
    empty = np.flatnonzero(~rows.any(axis=1))
    if empty.size:
        where = "the mask" if rows.shape[0] == 1 else f"the mask of image {int(empty[0])}"
        msg = f"expected {where} to select at least one pixel, got none"
        raise InputError(msg)
    return rows


def _integer_bounds(flat: np.ndarray, mask: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    if mask is None:
        lows, highs = flat.min(axis=1), flat.max(axis=1)
    else:
        info = np.iinfo(flat.dtype)
        selected = np.broadcast_to(mask, flat.shape)
        lows = np.where(selected, flat, info.max).min(axis=1)
        highs = np.where(selected, flat, info.min).max(axis=1)
    if int(highs.max()) > np.iinfo(np.int64).max:
        msg = "expected integer values below 2**63, got larger uint64 values; convert to float"
        raise InputError(msg)
    lows, highs = lows.astype(np.int64), highs.astype(np.int64)
    widest = int((highs - lows).max()) + 1
    if widest > _MAX_INTEGER_LEVELS:
        image = int(np.argmax(highs - lows))
        msg = (
            f"expected integer images spanning at most {_MAX_INTEGER_LEVELS} values (one bin"
            f" per value, as scikit-image), got {widest} in image {image}; convert to float to"
            " bin them into nbins"
        )
        raise InputError(msg)
    return lows, highs


def equalize(images: Any, /, *, nbins: int = 256, mask: Any = None) -> np.ndarray:
    """Histogram-equalize every image of a batch, as scikit-image or OpenCV would.

    Parameters
    ----------
    images : array_like
        One image ``(H, W)`` or a batch of any leading shape ``(N, ..., H, W)``;
        each ``(H, W)`` image is equalized on its own histogram.
    nbins : int
        Bins of each float image's histogram (scikit-image's ``nbins``). Integer
        images take one bin per value, uint8 images OpenCV's 256 levels: for
        them ``nbins`` must stay 256.
    mask : array_like of bool, optional
        Pixels that make the histogram (as scikit-image's ``mask``); every pixel
        is mapped. Shape ``(H, W)`` for all images, or any shape that broadcasts
        to ``images.shape``. Nonzero values select. A masked array's masked
        pixels are left out of the histogram as well.

    Returns
    -------
    numpy.ndarray
        Same shape as ``images`` (a masked array for a masked array, with its
        mask: masked pixels have no equalized value):

        * uint8 images give uint8, equal bit for bit to ``cv2.equalizeHist`` of
          each image (an image of one value keeps that value);
        * other images give float64 in [0, 1], equal to
          ``skimage.exposure.equalize_hist(image, nbins, mask)`` of each image
          to 1e-6 (scikit-image rounds float32 input's result to float32; here it
          stays float64). float16 images take the plain numpy path.

    Raises
    ------
    InputError
        Non-finite values in a histogram, an empty mask (or an image whose
        every pixel is masked), ``nbins`` other than
        256 for integer images, integer images spanning more than 2**24 values.
    ShapeError, UnsupportedDtypeError
        Not a batch of 2-D images of integers or floats.

    Examples
    --------
    >>> import numpy as np, truepix as tp
    >>> batch = np.random.default_rng(0).random((1800, 1, 96, 96), dtype=np.float32)
    >>> out = tp.equalize(batch)
    >>> out.shape, out.dtype
    ((1800, 1, 96, 96), dtype('float64'))
    >>> from skimage.exposure import equalize_hist
    >>> float(np.abs(out[7, 0] - equalize_hist(batch[7, 0])).max()) <= 1e-6
    True
    >>> tp.equalize(np.array([[10, 10], [20, 30]], np.uint8))
    array([[  0,   0],
           [128, 255]], dtype=uint8)

    Masked pixels stay out of the histogram and come back masked:

    >>> tp.equalize(np.ma.masked_equal(np.array([[10, 10], [20, 99]], np.uint8), 99)).tolist()
    [[0, 0], [255, None]]
    """
    _, hidden = split_mask(images)
    if isinstance(images, np.ma.MaskedArray):
        out = equalize(np.ma.getdata(images), nbins=nbins, mask=_visible(mask, hidden, images))
        return np.ma.MaskedArray(out, mask=np.ma.getmaskarray(images))
    array = _check_images(images)
    count = _check_nbins(nbins, array.dtype)
    shape = array.shape
    n_pixels = shape[-2] * shape[-1]
    flat = np.ascontiguousarray(array).reshape(-1, n_pixels)
    rows = None if mask is None else _check_mask(mask, shape)
    if array.dtype == np.float16:
        return _equalize_plain(flat, count, rows).reshape(shape)
    from truepix._threads import start_threads
    from truepix.stacks import _equalize_numba as k

    start_threads()
    if array.dtype == np.uint8:
        out = np.empty_like(flat)
        if rows is None:
            k.equalize_uint8(flat, out)
        else:
            k.equalize_uint8_masked(flat, rows, out)
        return out.reshape(shape)
    out = np.empty(flat.shape, np.float64)
    if array.dtype.kind in "iu":
        lows, highs = _integer_bounds(flat, rows)
        if rows is None:
            k.equalize_integer(flat, out, lows, highs)
        else:
            k.equalize_integer_masked(flat, rows, out, lows, highs)
        return out.reshape(shape)
    float_type = array.dtype.type
    ramp = np.arange(count + 1).astype(array.dtype)
    half, div = float_type(0.5), float_type(count)
    status = np.zeros(flat.shape[0], np.int8)
    if rows is None:
        eps = float(np.finfo(array.dtype).eps)
        k.equalize_float(flat, out, ramp, half, div, eps, status)
    else:
        k.equalize_float_masked(flat, rows, out, ramp, half, div, status)
    if status.any():
        bad = int(np.flatnonzero(status)[0])
        index = tuple(int(i) for i in np.unravel_index(bad, shape[:-2]))
        if status[bad] == k.NOT_FINITE:
            msg = (
                f"expected finite values in every histogram, got NaN or inf in image {index};"
                " mask them out (mask=np.isfinite(images)) or replace them"
            )
        else:
            msg = (
                f"expected {count} bins that image {index}'s range can separate in"
                f" {array.dtype}, got edges that repeat (numpy refuses them too); use fewer"
                " bins or float64"
            )
        raise InputError(msg)
    return out.reshape(shape)


def _equalize_plain(flat: np.ndarray, nbins: int, rows: np.ndarray | None) -> np.ndarray:
    out = np.empty(flat.shape, np.float64)
    for m in range(flat.shape[0]):
        values = flat[m] if rows is None else flat[m][rows[0 if rows.shape[0] == 1 else m]]
        if not np.isfinite(values).all():
            msg = f"expected finite values in every histogram, got NaN or inf in image {m}"
            raise InputError(msg)
        selected = None if rows is None else rows[0 if rows.shape[0] == 1 else m]
        try:
            out[m] = _equalize_numpy.equalize_image(flat[m], nbins, selected)
        except ValueError as exc:  # np.histogram: "Too many bins for data range"
            msg = f"expected {nbins} bins that image {m}'s range can separate, got: {exc}"
            raise InputError(msg) from None
    return out

"""Display normalization: any image to floats in [0, 1], by rules you can state.

:func:`to_display` maps an image of any numeric dtype to ``float64`` values in
``[0, 1]`` that every plotting library draws the same way: integers by the full
range of their dtype, floats by one range shared by all color channels. It is
what to hand to ``imshow`` when the picture must not depend on whether the
array happens to be gray or RGB.

Examples
--------
>>> import numpy as np
>>> from truepix.display import to_display
>>> to_display(np.array([[0, 128, 255]], dtype=np.uint8)).round(3)
array([[0.   , 0.502, 1.   ]])
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from truepix._validate import check_range, finite_range, nan_span, split_mask
from truepix.errors import OutOfRangeError, ShapeError, UnsupportedDtypeError

__all__ = ["to_display"]

_COLOR_CHANNELS = (1, 3, 4)


def to_display(
    image: npt.ArrayLike,
    /,
    *,
    vmin: float | None = None,
    vmax: float | None = None,
) -> np.ndarray:
    """Map an image to ``float64`` values in ``[0, 1]`` for display.

    One rule per dtype, the same for gray and color images:

    - **integers** map the full range of their dtype: ``uint8`` is divided by
      255, ``uint16`` by 65535, ``int8`` maps -128 to 0 and 127 to 1; ``int64``
      and ``uint64`` are offset in integer arithmetic first, so no value is
      rounded before it is scaled;
    - **bool** maps ``False`` to 0 and ``True`` to 1;
    - **floats** map the finite data range (NaN and ±Inf ignored) -- **one
      range for all color channels**, so colors keep their hue: an RGB image
      rescaled to [-1, 1] displays exactly like its [0, 1] original.

    ``vmin``/``vmax`` replace either end of the range, for any dtype, in the
    data's units. Values beyond them saturate to 0 and 1 (that is what a
    display range is for); the result never leaves ``[0, 1]``. NaN stays NaN,
    ``+Inf`` shows as 1 and ``-Inf`` as 0; masked elements of a masked array
    become NaN.

    Parameters
    ----------
    image : array_like
        ``(H, W)``, ``(H, W, 1)``, ``(H, W, 3)`` (RGB) or ``(H, W, 4)`` (RGBA),
        of a bool, integer or float dtype.
    vmin, vmax : float, optional
        The values shown as 0 and 1. Default: the dtype's range for integers and
        bool, the finite data range for floats. ``vmin == vmax`` is allowed and
        gives a threshold: 0 at or below it, 1 above it.

    Returns
    -------
    numpy.ndarray
        ``float64``, the shape of ``image``, values in ``[0, 1]`` or NaN.

    Raises
    ------
    ShapeError
        An empty image or a shape other than the four above.
    UnsupportedDtypeError
        Complex, string, object, datetime ... dtypes.
    InputError
        ``vmin``/``vmax`` not finite real numbers, or ``vmin > vmax``.
    OutOfRangeError
        The alpha channel of a float RGBA image outside ``[0, 1]``.

    Notes
    -----
    **Alpha.** The fourth channel of an RGBA image is opacity, not color: it is
    never stretched with the color channels and ignores ``vmin``/``vmax``. An
    integer alpha maps its dtype's range (``uint8`` 255 is opaque); a float
    alpha must already lie in ``[0, 1]`` (as matplotlib also requires) and is
    passed through unchanged -- outside that range it is an error, not a clip.

    **A constant image** (or ``vmin == vmax``) is a threshold, not a division
    by zero: values at or below the level give 0, above it 1. An image with no
    finite value gives NaN where it is NaN, 1 for ``+Inf`` and 0 for ``-Inf``.
    Neither emits a warning.

    **What matplotlib's** ``imshow`` **does instead** (matplotlib 3.11):

    ============================  =====================================  ==================
    input                         ``imshow(image)``                      ``to_display``
    ============================  =====================================  ==================
    2-D float                     stretched to its finite data range     the same
    2-D integer                   stretched to its data range (a dim     the dtype's range
                                  ``uint8`` picture turns bright)        (``uint8`` / 255)
    RGB(A) float                  not scaled: values outside [0, 1]      one range for all
                                  are clipped (a logged warning), so     channels: [-1, 1]
                                  an image in [-1, 1] loses its          looks like [0, 1]
                                  darker half
    RGB(A) integer                read as 0..255 whatever the dtype:     the dtype's range
                                  ``uint16`` is clipped to 255, white    (``uint16`` / 65535)
    NaN                           masked (drawn transparent)             NaN (``imshow``
                                                                         draws it
                                                                         transparent)
    ============================  =====================================  ==================

    So ``imshow(to_display(image))`` shows a gray and an RGB image by the same
    rule; for gray images pass ``cmap=...`` and ``vmin=0, vmax=1`` so that
    ``imshow`` does not stretch the result a second time.

    Examples
    --------
    >>> import numpy as np
    >>> from truepix.display import to_display

    An RGB image in [-1, 1] shows exactly like the [0, 1] image it came from:

    >>> rgb = np.array([[[0.0, 0.25, 1.0], [0.5, 0.75, 0.0]]])
    >>> np.array_equal(to_display(rgb * 2 - 1), rgb)
    True

    Integers use their dtype's range, whatever the data:

    >>> to_display(np.array([[0, 13107, 65535]], dtype=np.uint16))
    array([[0. , 0.2, 1. ]])

    A display range saturates; NaN stays NaN:

    >>> to_display(np.array([[-5.0, 0.0, np.nan, 20.0]]), vmin=0, vmax=10)
    array([[ 0.,  0., nan,  1.]])
    """
    array, mask = _as_image(image)
    lo_arg, hi_arg = check_range(vmin, vmax)

    has_alpha = array.ndim == 3 and array.shape[2] == 4
    color = array[..., :3] if has_alpha else array
    if array.dtype.kind == "f":
        valid = None if mask is None else ~(mask[..., :3] if has_alpha else mask)
        lo, hi, inside = _float_range(color, lo_arg, hi_arg, valid)
        scaled = _scale_float(color, lo, hi, clip=not inside)
    else:
        ints = array.view(np.uint8) if array.dtype.kind == "b" else array
        lo, hi = _fill_range(lo_arg, hi_arg, *_dtype_range(array.dtype))
        # the dtype's own range holds every value: nothing to clip
        inside = lo_arg is None and hi_arg is None
        scaled = _scale_int(ints[..., :3] if has_alpha else ints, lo, hi, clip=not inside)

    if has_alpha:
        out = np.empty(array.shape, dtype=np.float64)
        out[..., :3] = scaled
        out[..., 3] = _alpha(array[..., 3], None if mask is None else mask[..., 3])
    else:
        out = scaled
    if mask is not None:
        out[mask] = np.nan
    return out


def _as_image(image: npt.ArrayLike) -> tuple[np.ndarray, np.ndarray | None]:
    """Validate shape and dtype; return the data and the mask of a masked array."""
    array, mask = split_mask(image)
    if array.dtype.kind not in "biuf":
        msg = (
            f"expected a bool, integer or float image, got dtype {array.dtype};"
            " convert it first (for complex data, np.abs or .real)"
        )
        raise UnsupportedDtypeError(msg)
    shape_ok = array.ndim == 2 or (array.ndim == 3 and array.shape[2] in _COLOR_CHANNELS)
    if not shape_ok:
        msg = (
            f"expected an image of shape (H, W) or (H, W, C) with C in 1, 3, 4,"
            f" got shape {array.shape}; for a stack or other channels pass one plane"
        )
        raise ShapeError(msg)
    if array.size == 0:
        msg = f"expected a non-empty image, got shape {array.shape}"
        raise ShapeError(msg)
    return array, mask


def _dtype_range(dtype: np.dtype) -> tuple[int, int]:
    if dtype.kind == "b":
        return 0, 1
    info = np.iinfo(dtype)
    return int(info.min), int(info.max)


def _float_range(
    data: np.ndarray,
    lo: float | None,
    hi: float | None,
    valid: np.ndarray | None,
) -> tuple[float, float, bool]:
    """Fill the missing ends of the range from the finite (unmasked) data.

    Also returns whether every non-NaN value is known to lie in the range (both
    ends from the data, no ±Inf, nothing masked): then there is nothing to clip.
    """
    if lo is not None and hi is not None:
        return float(lo), float(hi), False
    # every non-NaN value finite and unmasked: the data's own span, nothing to clip
    span = nan_span(data) if valid is None else (np.nan, np.nan)
    inside = bool(np.isfinite(span[0]) and np.isfinite(span[1]))
    found = span if inside else finite_range(data, mask=None if valid is None else ~valid)
    # no finite value: any level works, 0 keeps ±Inf at 1 / 0
    data_lo, data_hi = (0.0, 0.0) if found is None else (float(found[0]), float(found[1]))
    filled_lo, filled_hi = _fill_range(lo, hi, data_lo, data_hi)
    inside = inside and lo is None and hi is None
    return float(filled_lo), float(filled_hi), inside


def _fill_range(
    lo: int | float | None,
    hi: int | float | None,
    default_lo: int | float,
    default_hi: int | float,
) -> tuple[int | float, int | float]:
    """Take the missing ends from the defaults; a given bound beyond the other end wins.

    ``vmin=100`` on data that stays below 100 shows everything at 0 (a threshold
    at 100) rather than failing on one image of a batch.
    """
    if lo is None:
        lo = default_lo if hi is None else min(default_lo, hi)
    if hi is None:
        hi = max(default_hi, lo)
    return lo, hi


def _scale_float(data: np.ndarray, lo: float, hi: float, *, clip: bool = True) -> np.ndarray:
    """``(data - lo) / (hi - lo)`` clipped to [0, 1], NaN kept; the kernel.

    ``clip=False`` when every value is known to lie in ``[lo, hi]``: rounding
    is monotonic and ``(hi - lo) / (hi - lo)`` is exactly 1, so the result
    stays in [0, 1] without the extra pass.
    """
    span = hi - lo
    if span == 0.0:
        return _threshold(data, lo)
    # the cast to float64 happens inside the first ufunc: one pass fewer
    with np.errstate(over="ignore"):  # x - lo may overflow to ±inf; it clips to 0 / 1
        if not math.isfinite(span):  # a range wider than the largest float64: halve first
            scaled = np.divide(data, 2.0, dtype=np.float64)
            scaled -= lo / 2
            scaled /= hi / 2 - lo / 2
        elif lo == 0.0:
            scaled = np.divide(data, span, dtype=np.float64)
        else:
            scaled = np.subtract(data, lo, dtype=np.float64)
            scaled /= span
    return np.clip(scaled, 0.0, 1.0, out=scaled) if clip else scaled


def _scale_int(
    data: np.ndarray, lo: int | float, hi: int | float, *, clip: bool = True
) -> np.ndarray:
    """Scale integers to [0, 1] without rounding them before the offset.

    For 64-bit dtypes ``data - base`` is computed exactly in ``uint64``
    arithmetic (the difference can exceed ``int64``), with ``base`` the integer
    at or below ``lo`` inside the dtype's range; only that offset is converted
    to float, so ``2**62 + 1`` and ``2**62 + 2`` stay apart. Narrower integers
    are exact in float64 and take the float kernel.
    """
    dtype_lo, dtype_hi = _dtype_range(data.dtype)
    if lo == hi:
        return _threshold_int(data, lo, dtype_lo, dtype_hi)
    if data.dtype.itemsize <= 4:
        # every value and every integer bound is exact in float64, so x - lo
        # rounds at most once (a fractional bound), as the integer offset does
        return _scale_float(data, float(lo), float(hi), clip=clip)
    base = min(max(math.floor(lo), dtype_lo), dtype_hi)
    clipped = np.maximum(data, data.dtype.type(base))
    offset = clipped.astype(np.uint64) - np.uint64(base % 2**64)  # wraps to x - base exactly
    shift = float(lo - base)  # exact for int bounds; < 1 or a bound outside the dtype
    scaled = offset.astype(np.float64)
    scaled -= shift
    with np.errstate(over="ignore"):  # a tiny span overflows to inf, which clips to 1
        scaled /= float(hi - lo)
    return np.clip(scaled, 0.0, 1.0, out=scaled)


def _threshold(values: np.ndarray, level: float) -> np.ndarray:
    out = (values > level).astype(np.float64)
    out[np.isnan(values)] = np.nan
    return out


def _threshold_int(
    data: np.ndarray, level: int | float, dtype_lo: int, dtype_hi: int
) -> np.ndarray:
    # x > level  <=>  x > floor(level) for integers; compare within the dtype's range.
    cut = math.floor(level)
    if cut < dtype_lo:
        return np.ones(data.shape, dtype=np.float64)
    if cut >= dtype_hi:
        return np.zeros(data.shape, dtype=np.float64)
    return (data > data.dtype.type(cut)).astype(np.float64)


def _alpha(alpha: np.ndarray, mask: np.ndarray | None) -> np.ndarray:
    """Opacity: integers by their dtype's range, floats as given (checked)."""
    if alpha.dtype.kind == "b":
        return alpha.astype(np.float64)
    if alpha.dtype.kind in "iu":
        lo, hi = _dtype_range(alpha.dtype)
        return _scale_int(alpha, lo, hi)
    values = alpha.astype(np.float64)
    bad = ~((values >= 0.0) & (values <= 1.0)) & ~np.isnan(values)
    if mask is not None:
        bad &= ~mask
    n_bad = int(np.count_nonzero(bad))
    if n_bad:
        outside = values[bad]
        msg = (
            f"expected the alpha channel (index 3) of a float RGBA image in [0, 1],"
            f" got {n_bad} values outside it, in [{outside.min():g}, {outside.max():g}];"
            " pass image[..., :3] to show the colors only, or scale alpha to [0, 1] first"
        )
        raise OutOfRangeError(msg)
    return values

"""The one input gate: the rules every public function applies to its arguments.

Each question is answered here once, with one wording, so that the same input
is accepted with the same meaning everywhere or refused with the same words
(in the spirit of scikit-image's ``_shared/utils.py``):

- :func:`as_picture` -- what a *picture* is (decolorize, identify_colormap,
  find_colorbar, the figure readers): ``(H, W)`` gray or ``(H, W, 3|4)``
  RGB(A); ``uint8``, ``uint16`` or floats in [0, 1]. Gray becomes three equal
  channels; masked pixels become transparent (alpha 0: "not data").
- :func:`split_mask` / :func:`refuse_masked` -- masked arrays: honoured where
  a mask means something (not counted, drawn as bad), refused with the reason
  where it does not.
- :func:`check_range` -- ``vmin``/``vmax``: each ``None`` or a finite real
  number, and ``vmin <= vmax``.
- :func:`check_flag` / :func:`check_choice` -- on/off options (True, False or
  None) and options that name one of a few things, refused in one wording.
- :func:`finite_range` -- the smallest and largest valid finite value, NaN,
  ±Inf and masked elements left out.
- :func:`positive_int` -- counts such as ``bins``.

Examples
--------
>>> import numpy as np
>>> as_picture(np.zeros((4, 4), np.uint8)).shape
(4, 4, 3)
>>> check_range(0, 10)
(0, 10)
>>> finite_range(np.array([np.nan, 2.0, -np.inf, 5.0]))
(np.float64(2.0), np.float64(5.0))
"""

from __future__ import annotations

import math
import numbers
import operator
import os
from typing import Any

import numpy as np

from truepix._plot_objects import refuse_plot_object
from truepix._shares import percent
from truepix.errors import (
    InputError,
    OutOfRangeError,
    ShapeError,
    UnsupportedDtypeError,
    UnsupportedInputError,
)

__all__ = [
    "as_picture",
    "check_bound",
    "check_choice",
    "check_flag",
    "check_picture_dtype",
    "check_range",
    "described",
    "finite_range",
    "nan_span",
    "positive_int",
    "readonly",
    "refuse_masked",
    "split_mask",
]

_PICTURE_CHANNELS = (3, 4)
#: What a bound's refusal advises by default: None, where None means the data's range.
NONE_HINT = "; leave it None to use the data's range"


def positive_int(value: Any, name: str, *, alternative: str = "") -> int:
    """``value`` as an int >= 1, or :class:`InputError` (bools are refused).

    Examples
    --------
    >>> positive_int(5, "bins")
    5
    >>> positive_int(True, "bins")
    Traceback (most recent call last):
    ...
    truepix.errors.InputError: expected bins as a positive int, got True
    >>> positive_int("auto", "bins", alternative=" or a sequence of edges")
    Traceback (most recent call last):
    ...
    truepix.errors.InputError: expected bins as a positive int or a sequence of edges, got 'auto'
    """
    msg = f"expected {name} as a positive int{alternative}, got {value!r}"
    if isinstance(value, bool):
        raise InputError(msg)
    try:
        number = operator.index(value)
    except TypeError:
        raise InputError(msg) from None
    if number < 1:
        raise InputError(msg)
    return number


# ---------------------------------------------------------------- masked arrays


def split_mask(value: Any) -> tuple[np.ndarray, np.ndarray | None]:
    """The data of an array and its mask (full shape), or ``None`` when nothing is masked.

    Examples
    --------
    >>> import numpy as np
    >>> data, mask = split_mask(np.ma.masked_less(np.arange(4.0), 2))
    >>> data.tolist(), mask.tolist()
    ([0.0, 1.0, 2.0, 3.0], [True, True, False, False])
    >>> split_mask([1, 2])[1] is None
    True
    """
    if not isinstance(value, np.ma.MaskedArray):
        return np.asarray(value), None
    data = np.asarray(np.ma.getdata(value))
    mask = np.ma.getmaskarray(value)
    return data, (mask if mask.any() else None)


def refuse_masked(value: Any, *, reason: str) -> None:
    """Refuse a masked array where its mask would have no meaning; ``reason`` says why.

    Examples
    --------
    >>> import numpy as np
    >>> refuse_masked(np.ma.masked_equal([1, 2], 2), reason="the mask would be lost")
    Traceback (most recent call last):
    ...
    truepix.errors.UnsupportedInputError: expected a plain array, got a masked array: the mask would be lost; fill the masked values first (array.filled(...))
    """
    if isinstance(value, np.ma.MaskedArray):
        msg = (
            f"expected a plain array, got a masked array: {reason};"
            " fill the masked values first (array.filled(...))"
        )
        raise UnsupportedInputError(msg)


# ---------------------------------------------------------------- pictures


def palette_colors(image: Any, /) -> Any:
    """A Pillow palette image (mode ``P``/``PA``: a GIF, a palette PNG) as its colors,
    ``(H, W, 4)`` uint8 (the transparent entry alpha 0); one in another color space
    (``CMYK``, ``YCbCr``, ``LAB``, ``HSV``) as RGB, ``LA`` as RGBA; a Pillow image of
    several frames (an animated GIF, a multi-page TIFF) as the stack of its frames,
    ``(n_frames, H, W, C)``, each as above; anything else as given.

    ``np.asarray`` of a palette image holds its indices, a gray picture (trial 47); of a
    CMYK JPEG, 4 channels as RGBA; of an animated GIF, its first frame only (trial 55).

    Raises
    ------
    ShapeError
        The frames of a Pillow image differ in shape or mode.

    Examples
    --------
    >>> import numpy as np
    >>> from PIL import Image
    >>> indices = Image.fromarray(np.array([[10, 200, 60]], np.uint8)).convert("P")
    >>> np.asarray(indices).ndim, palette_colors(indices).shape
    (2, (1, 3, 4))
    >>> cmyk = Image.fromarray(np.array([[[68, 1, 84]]], np.uint8)).convert("CMYK")
    >>> palette_colors(cmyk).tolist()
    [[[68, 1, 84]]]
    """
    if not isinstance(n_frames := getattr(image, "n_frames", 1), int) or n_frames < 2:
        return _frame_colors(image)  # (one frame, or no Pillow image)
    start, frames = image.tell(), []
    try:
        for index in range(n_frames):
            image.seek(index)
            eight_bit = image.mode in _AS_RGBA + _AS_RGB + ("RGB", "RGBA", "L", "1")
            # (Pillow reads a GIF's first frame as P, the next as RGB(A): all as RGBA)
            frames.append(np.asarray(image.convert("RGBA") if eight_bit else image))
    finally:
        image.seek(start)  # (the user's image as it was given)
    if len(shapes := sorted({f"{frame.shape} {frame.dtype}" for frame in frames})) > 1:
        msg = (f"expected the {n_frames} frames of a Pillow image to share one shape and dtype,"
               f" got {', '.join(shapes)}; pass one frame: image.seek(i); np.asarray(image)")
        raise ShapeError(msg)
    return np.stack(frames)


def _frame_colors(image: Any) -> Any:
    """One Pillow frame as colors (:func:`palette_colors`); anything else as given."""
    mode = getattr(image, "mode", None)
    if mode in _AS_RGBA and callable(getattr(image, "convert", None)):
        return np.asarray(image.convert("RGBA"))
    if mode in _AS_RGB and callable(getattr(image, "convert", None)):
        return np.asarray(image.convert("RGB"))
    return image


#: Pillow modes not RGB(A) or gray, as colors (a CMYK JPEG's K read as alpha: trial 51)
_AS_RGBA = ("P", "PA", "LA", "La", "RGBa")
_AS_RGB = ("CMYK", "YCbCr", "LAB", "HSV")


def check_picture_dtype(dtype: Any) -> None:
    """Raise UnsupportedDtypeError unless ``dtype`` is a picture's: uint8, uint16 or float.

    Examples
    --------
    >>> check_picture_dtype(np.dtype(np.uint16))
    >>> check_picture_dtype(np.dtype(np.int64))
    Traceback (most recent call last):
    ...
    truepix.errors.UnsupportedDtypeError: expected a picture of uint8, uint16 or floats in [0, 1], got dtype int64; cast 0..255 integers with .astype(np.uint8)
    """
    dtype = np.dtype(dtype)
    if dtype not in (np.uint8, np.uint16) and dtype.kind != "f":
        msg = (
            f"expected a picture of uint8, uint16 or floats in [0, 1], got dtype {dtype};"
            " cast 0..255 integers with .astype(np.uint8)"
        )
        raise UnsupportedDtypeError(msg)


def as_picture(image: Any, /, *, refuse_mask: str | None = None, stack: bool = False) -> np.ndarray:
    """Check a picture and return it as ``(H, W, 3)`` or ``(H, W, 4)``, dtype unchanged.

    The one rule for what a picture is: ``(H, W)`` gray or ``(H, W, 3|4)``
    RGB(A), non-empty; ``uint8``, ``uint16`` (both by their dtype's full range)
    or floats in [0, 1] (what ``plt.imread`` and ``cmap(x)`` return), no NaN.
    Gray becomes three equal channels; a Pillow palette image its colors
    (:func:`palette_colors`). ``stack=True`` also takes pictures
    stacked along leading axes, ``(..., H, W, 3|4)`` (a 2-D array is still one
    gray picture); without it a one-picture stack ``(1, H, W, 3|4)`` (imageio's frames of a
    GIF) is that picture. A masked array's masked pixels (any
    channel masked) become transparent -- alpha 0, "not data" -- unless
    ``refuse_mask`` gives the reason a mask means nothing to the caller.

    Raises
    ------
    ShapeError
        Another shape, or an empty picture.
    UnsupportedDtypeError
        A dtype other than uint8, uint16 or float.
    OutOfRangeError
        Float values outside [0, 1], or NaN; uint16 values all within 1..255 (8-bit
        levels in a 16-bit array).
    UnsupportedInputError
        A masked array, with ``refuse_mask``; a path (load the file first).

    Examples
    --------
    >>> import numpy as np
    >>> as_picture(np.zeros((4, 4), np.uint8)).shape
    (4, 4, 3)
    >>> gray = np.ma.masked_equal(np.array([[0, 7]], np.uint8), 7)
    >>> as_picture(gray)[0].tolist()          # the masked pixel is transparent
    [[0, 0, 0, 255], [7, 7, 7, 0]]
    >>> as_picture(np.full((2, 2, 3), 2.0))
    Traceback (most recent call last):
    ...
    truepix.errors.OutOfRangeError: expected a picture of uint8, uint16 or floats in [0, 1], got floats in [2, 2]; divide 0..255 values by 255 or pass them as uint8
    """
    if isinstance(image, bytes | bytearray | memoryview):
        # an encoded file's bytes (a download, a request's body): their repr would fill a page
        msg = (
            f"expected a picture (an array of pixels), got {len(image)} bytes of an encoded file"
            " or buffer; decode it first: np.asarray(PIL.Image.open(io.BytesIO(data)))"
        )
        raise UnsupportedInputError(msg)
    if isinstance(image, str | os.PathLike):
        msg = (
            f"expected a picture (an array of pixels), got a {type(image).__name__} {image!r};"
            " load the file first: truepix.load(path), or np.asarray(PIL.Image.open(path))"
        )
        raise UnsupportedInputError(msg)
    refuse_plot_object(image)
    n_frames = getattr(image, "n_frames", 1)
    if not stack and isinstance(n_frames, int) and n_frames > 1 and hasattr(image, "seek"):
        msg = (f"expected one picture, got a Pillow image of {n_frames} frames (an animated GIF,"
               " a multi-page TIFF); pass one frame: image.seek(i); picture = np.asarray("
               "image.convert('RGB')) (truepix.decolorize takes all the frames at once)")
        raise ShapeError(msg)
    image = palette_colors(image)
    if refuse_mask is not None:
        refuse_masked(image, reason=refuse_mask)
    array, mask = split_mask(image)
    if not stack and array.ndim == 4 and len(array) == 1 and array.shape[-1] in _PICTURE_CHANNELS:
        array, mask = array[0], None if mask is None else mask[0]  # (imageio's one-frame GIF)
    color = array.ndim == 3 or (stack and array.ndim > 3)
    shape_ok = array.ndim == 2 or (color and array.shape[-1] in _PICTURE_CHANNELS)
    if not shape_ok or array.size == 0:
        expected = "(..., H, W, 3|4)" if stack else "(H, W, 3|4)"
        hint = "a row of N colors is a picture of shape (1, N, 3|4)"
        if array.ndim >= 3 and array.shape[-3] in _PICTURE_CHANNELS and array.size:
            # (C, H, W), or (T, C, H, W) as tifffile reads an ImageJ 'TCYX' stack
            hint = "channels first (torch, rasterio)? pass np.moveaxis(picture, -3, -1)"
        elif array.ndim == 4 and array.shape[-1] in _PICTURE_CHANNELS and array.size:
            hint = f"a stack of {len(array)} pictures (imageio reads a GIF's frames so)?"
            hint += " pass one: picture[0]"
        msg = f"expected a picture of shape (H, W) gray or {expected} RGB(A), got shape"
        raise ShapeError(f"{msg} {array.shape}; {hint}")
    check_picture_dtype(array.dtype)
    if array.dtype == np.uint16:
        _check_wide_levels(array)
    if array.dtype.kind == "f":
        if mask is not None:  # masked pixels are not data: a NaN under the mask is fine
            array = np.where(mask, array.dtype.type(0), array)
        _check_unit_floats(array)
    if array.ndim == 2:
        array = np.repeat(array[..., None], 3, axis=2)
        mask = None if mask is None else mask[..., None]
    if mask is None:
        return array
    return _transparent(array, np.asarray(mask.any(axis=-1)))


#: How far past [0, 1] a resize can carry float colors: OpenCV's cubic kernel (a = -0.75)
#: weighs up to 1.19 in one dimension, 1.45 in two (jet, hsv: [-0.29, 1.43] measured),
#: Lanczos4 on a noise field [-0.62, 1.64] -- and its share of pixels is no guide (Lanczos
#: lifts a constant alpha of 1 to 1 + 1e-7 everywhere), but most values of a resize stay
#: in [0, 1]. 0..255 values reach well past 2, or are mostly above 1.
_OVERSHOOT_LOW, _OVERSHOOT_HIGH = -1.0, 2.0


def _check_wide_levels(array: np.ndarray) -> None:
    """A uint16 picture whose values all lie in 1..255 holds 8-bit levels (a reader or a
    cast that widened the type without scaling): read as 16-bit, every color is within
    1 DN of black, and decoding it answers nothing (trial 47: 100 % NaN, with advice to
    pass another map). An all-zero picture is black, and passes."""
    high = int(array.max())
    if 0 < high <= 255:
        msg = (
            "expected a picture of uint8, uint16 or floats in [0, 1], got uint16 values"
            f" within 0..{high} (8-bit levels in a 16-bit array: all within 1 DN of black);"
            " pass picture.astype(np.uint8), or picture * 257 for 16-bit levels"
        )
        raise OutOfRangeError(msg)


def _check_unit_floats(array: np.ndarray) -> None:
    low, high = float(np.min(array)), float(np.max(array))  # NaN propagates
    if not (low >= 0.0 and high <= 1.0):
        n_nan = int(np.count_nonzero(np.isnan(array)))
        if n_nan:  # a color has no NaN: pixels that are not data are transparent
            got = f"{n_nan} NaN"
            hint = "mark pixels that are not data with alpha 0 or np.ma.masked_invalid(picture)"
            msg = f"expected a picture of uint8, uint16 or floats in [0, 1], got {got}; {hint}"
            raise OutOfRangeError(msg)
        got = f"floats in [{_extreme(low, 0.0, array.dtype)}, {_extreme(high, 1.0, array.dtype)}]"
        # most values clearly above 1 (past rounding's 1 + 1e-7) are 0..255 ones, even dark
        above = 2 * np.count_nonzero(array > 1.01) > array.size
        if low >= _OVERSHOOT_LOW and high <= _OVERSHOOT_HIGH and not above:
            outside = (array < 0) | (array > 1)
            if array.ndim >= 3:  # a pixel is outside when any channel is
                outside = outside.any(axis=-1)
            share = percent(int(np.count_nonzero(outside)), outside.size)
            got += f" ({share} of the pixels outside [0, 1])"
            hint = "a cubic or Lanczos resize overshoots so: pass np.clip(picture, 0, 1)"
        elif low >= -high and high <= 2 * 255:  # (0..255 values resized ring below 0 too)
            hint = "divide 0..255 values by 255 or pass them as uint8"
        elif low >= -high and high <= 2 * 65535:
            hint = "divide 0..65535 values by 65535 or pass them as uint16"
        else:
            hint = "a picture's float colors lie in [0, 1]: rescale them, or pass uint8"
        msg = f"expected a picture of uint8, uint16 or floats in [0, 1], got {got}; {hint}"
        raise OutOfRangeError(msg)


def _extreme(value: float, bound: float, dtype: np.dtype) -> str:
    """``value`` in 4 digits, or in as many as tell it from ``bound`` (0 or 1) when it
    lies just outside: 1 + 1e-9 reads "1.000000001", not a self-contradicting "1"."""
    text = f"{value:.4g}"
    if value != bound and float(text) == bound:
        text = np.format_float_positional(dtype.type(value), unique=True, trim="-")
    return text


def _transparent(array: np.ndarray, hidden: np.ndarray) -> np.ndarray:
    """RGBA with alpha 0 where ``hidden``: masked pixels are not data."""
    opaque = 1.0 if array.dtype.kind == "f" else np.iinfo(array.dtype).max
    rgba = np.empty((*array.shape[:-1], 4), dtype=array.dtype)
    rgba[..., :3] = array[..., :3]
    rgba[..., 3] = array[..., 3] if array.shape[-1] == 4 else opaque
    rgba[..., 3][hidden] = 0
    return rgba


# ---------------------------------------------------------------- ranges


def described(value: Any) -> str:
    """``value`` as a refusal shows it: None, a number or a short string as written,
    anything else by its type.

    Examples
    --------
    >>> described(None), described("sqrt"), described(np.float64(2.5)), described([1, 2])
    ('None', "'sqrt'", '2.5', 'list')
    """
    if value is None or isinstance(value, numbers.Number | np.bool_):
        return repr(value.item() if isinstance(value, np.generic) else value)
    if isinstance(value, str) and len(value) <= 80:
        return repr(value)
    return type(value).__name__


def check_flag(name: str, value: Any, *, default: str = "") -> bool | None:
    """``None`` or a bool (numpy's too), the one check of every on/off option.

    ``default`` says what None means, in the message (``"the picture decides"``).

    Examples
    --------
    >>> check_flag("denoise", np.True_), check_flag("denoise", None)
    (True, None)
    >>> check_flag("denoise", "yes", default="the picture decides")
    Traceback (most recent call last):
    ...
    truepix.errors.InputError: expected denoise True, False or None (the picture decides), got 'yes'
    """
    if value is None:
        return None
    if isinstance(value, bool | np.bool_):
        return bool(value)
    meaning = f" ({default})" if default else ""
    msg = f"expected {name} True, False or None{meaning}, got {described(value)}"
    raise InputError(msg)


def check_choice(name: str, value: Any, choices: Any, *, also: str = "") -> str:
    """``value`` when it is one of the names ``choices``, the one check of every option
    that names one of a few things; ``also`` names what else it may be (checked by the
    caller), as ``"or a matplotlib Normalize"``. The refusal suggests close names.

    Examples
    --------
    >>> check_choice("norm", "log", ("linear", "log"))
    'log'
    >>> check_choice("norm", "lin", ("linear", "log"), also="or a matplotlib Normalize")
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    truepix.errors.InputError: expected norm 'linear', 'log' or ..., got 'lin'; did you mean 'linear'?
    """
    names = list(choices)
    if isinstance(value, str) and value in names:
        return value
    from truepix.errors import did_you_mean

    quoted = [repr(choice) for choice in names]
    listed = f"{', '.join(quoted[:-1])} or {quoted[-1]}" if len(quoted) > 1 else quoted[0]
    wanted = f"{', '.join(quoted)} {also}" if also else listed
    msg = f"expected {name} {wanted}, got {described(value)};"
    hint = did_you_mean(value, names) if isinstance(value, str) else ""
    raise InputError(msg + (hint or f" hint: use {listed}"))


def check_bound(name: str, value: Any, *, hint: str = NONE_HINT) -> int | float | None:
    """``None``, or a finite real bound: a Python int kept exact, else a float.

    Examples
    --------
    >>> check_bound("vmin", 2**62 + 1), check_bound("vmax", np.float32(0.5))
    (4611686018427387905, 0.5)
    >>> check_bound("vmax", float("nan"))
    Traceback (most recent call last):
    ...
    truepix.errors.InputError: expected a finite vmax, got nan; leave it None to use the data's range
    """
    if value is None:
        return None
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        msg = f"expected {name} to be a real number or None, got {value!r}"
        raise InputError(msg)
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        msg = f"expected a finite {name}, got {value!r}{hint}"
        raise InputError(msg)
    return int(value) if isinstance(value, numbers.Integral) else number


def check_range(
    vmin: Any, vmax: Any, *, strict: bool = False, hint: str = NONE_HINT
) -> tuple[int | float | None, int | float | None]:
    """Validated ``(vmin, vmax)``: each ``None`` or finite, and ``vmin <= vmax``.

    ``strict=True`` also refuses ``vmin == vmax`` (a range that must span
    something, as the inverse of a colormap); both refusals then read
    "expected vmin < vmax, got ...". ``hint`` ends a non-finite bound's refusal:
    what to pass instead (by default, None for the data's range).

    Examples
    --------
    >>> check_range(None, 5.0)
    (None, 5.0)
    >>> check_range(3, 1)
    Traceback (most recent call last):
    ...
    truepix.errors.InputError: expected vmin <= vmax, got vmin=3 > vmax=1; swap them
    >>> check_range(3, 1, strict=True)
    Traceback (most recent call last):
    ...
    truepix.errors.InputError: expected vmin < vmax, got vmin=3 > vmax=1; swap them
    >>> check_range(1, 1, strict=True)
    Traceback (most recent call last):
    ...
    truepix.errors.InputError: expected vmin < vmax, got vmin=1 = vmax=1; give the range the data spans
    """
    low, high = check_bound("vmin", vmin, hint=hint), check_bound("vmax", vmax, hint=hint)
    if low is not None and high is not None:
        if low > high:  # the same words as the strict check below, when strict
            relation = "<" if strict else "<="
            msg = f"expected vmin {relation} vmax, got vmin={vmin!r} > vmax={vmax!r}; swap them"
            raise InputError(msg)
        if strict and low == high:
            msg = (
                f"expected vmin < vmax, got vmin={vmin!r} = vmax={vmax!r};"
                " give the range the data spans"
            )
            raise InputError(msg)
    return low, high


def nan_span(data: np.ndarray) -> tuple[Any, Any]:
    """Smallest and largest value with NaN skipped (±Inf kept): one pass each, no warning.

    The fast first step of :func:`finite_range`; NaN only when every value is NaN.

    Examples
    --------
    >>> import numpy as np
    >>> nan_span(np.array([np.nan, 2.0, np.inf]))
    (np.float64(2.0), np.float64(inf))
    """
    if data.dtype.kind != "f":
        return data.min(), data.max()
    # fmin/fmax skip NaN without nanmin's all-NaN warning
    return np.fmin.reduce(data, axis=None), np.fmax.reduce(data, axis=None)


def finite_range(
    values: Any, /, *, mask: np.ndarray | None = None, positive: bool = False
) -> tuple[Any, Any] | None:
    """Smallest and largest valid value: finite, not masked (``positive``: also > 0).

    Returned as scalars of the data's dtype (integers stay exact; the arithmetic
    that follows is the one matplotlib's autoscaling does), or ``None``
    when no value is valid. A masked array's own mask is honoured; ``mask``
    (True = left out) adds to it. One pass each for min and max when every
    value is finite.

    Examples
    --------
    >>> import numpy as np
    >>> finite_range(np.array([np.nan, 2.0, -np.inf, 5.0]))
    (np.float64(2.0), np.float64(5.0))
    >>> finite_range(np.ma.masked_greater(np.array([1, 2, 30], np.uint8), 9))
    (np.uint8(1), np.uint8(2))
    >>> finite_range(np.array([-1.0, 0.5, 4.0]), positive=True)
    (np.float64(0.5), np.float64(4.0))
    >>> finite_range(np.array([np.nan])) is None
    True
    """
    data, own = split_mask(values)
    if own is not None:
        mask = own if mask is None else (own | mask)
    if data.dtype.kind not in "biuf":
        msg = f"expected real numbers (bool, integer or float), got dtype {data.dtype}"
        raise UnsupportedDtypeError(msg)
    if data.size == 0:
        return None
    if mask is None and not positive:
        low, high = nan_span(data)
        if np.isfinite(low) and np.isfinite(high):
            return low, high
    valid = np.isfinite(data) if data.dtype.kind == "f" else np.ones(data.shape, bool)
    if mask is not None:
        valid &= ~mask
    if positive:
        valid &= data > 0
    if not valid.any():
        return None
    chosen = data[valid]
    return chosen.min(), chosen.max()


def readonly(array: np.ndarray) -> np.ndarray:
    """A read-only view of ``array`` (no copy): what the kernels read pixels as.

    numba compiles a kernel once per argument types, read-only or not: read-only
    pictures (``np.asarray`` of a Pillow image) and writable ones would each compile
    the whole decoder, minutes on a fresh install.
    """
    view = array.view()
    view.flags.writeable = False
    return view

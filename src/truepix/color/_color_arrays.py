"""Color tables given as arrays: what ``cmap=`` accepts as an (N, 3|4) list of colors.

uint8 colors are 0..255 bytes; other integers too (a Python list of ints is int64), unless
they are all 0 or 1, which matplotlib reads as floats; floats must lie in [0, 1].
"""

from __future__ import annotations

from typing import Any

import numpy as np

from truepix.errors import InputError, ShapeError, UnsupportedDtypeError

__all__ = ["color_table"]


def _integer_colors(array: np.ndarray) -> np.ndarray:
    """Integer colors other than uint8 (a Python list of ints is int64): 0..255 bytes,
    or -- all of them 0 or 1 -- matplotlib's reading of ints, floats in [0, 1]."""
    low, high = int(array.min()), int(array.max())
    if low < 0 or high > 255:
        msg = (
            f"expected integer colors in 0..255, got values in [{low}, {high}];"
            " hint: pass uint8 for 0..255 colors or floats in [0, 1]"
        )
        raise InputError(msg)
    return array.astype(np.float64) if high <= 1 else array.astype(np.uint8)


def color_table(colors: Any) -> np.ndarray:
    """An (N, 4) float64 RGBA table in [0, 1] from (N, 3|4) colors, N >= 2.

    Raises
    ------
    UnsupportedDtypeError
        Not numbers (complex, objects, booleans).
    ShapeError
        Not (N, 3) or (N, 4) with N >= 2.
    InputError
        Floats outside [0, 1] or not finite, integers outside 0..255.

    Examples
    --------
    >>> color_table([[68, 1, 84], [253, 231, 37]]).round(3).tolist()[0]
    [0.267, 0.004, 0.329, 1.0]
    """
    array = np.asarray(colors)
    if array.dtype.kind not in "uif" or array.dtype.kind == "c":
        msg = (
            f"expected an (N, 3) or (N, 4) array of integer (0..255) or float colors, got dtype"
            f" {array.dtype}"
        )
        raise UnsupportedDtypeError(msg)
    if array.ndim != 2 or array.shape[1] not in (3, 4) or array.shape[0] < 2:
        msg = (
            f"expected an (N, 3) or (N, 4) array of colors with N >= 2, got shape {array.shape};"
            " hint: a colormap is a list of at least two RGB(A) colors"
        )
        raise ShapeError(msg)
    if array.dtype.kind in "iu" and array.dtype != np.uint8:
        array = _integer_colors(array)
    if array.dtype == np.uint8:
        rgba = array / 255.0
    elif array.dtype.kind == "f":
        finite = np.isfinite(array)
        if not finite.all():
            msg = f"expected finite float colors in [0, 1], got {np.count_nonzero(~finite)} NaN/Inf"
            raise InputError(msg)
        if array.min() < 0 or array.max() > 1:
            msg = (
                "expected float colors in [0, 1], got values in"
                f" [{array.min():g}, {array.max():g}]; hint: pass uint8 for 0..255 colors"
            )
            raise InputError(msg)
        rgba = array.astype(np.float64)
    if rgba.shape[1] == 3:
        rgba = np.concatenate([rgba, np.ones((len(rgba), 1))], axis=1)
    return rgba

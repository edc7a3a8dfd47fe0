"""``linear``: a viewable 8/16-bit gray picture with a stated error bound."""

from __future__ import annotations

import math
from typing import Any, ClassVar

import numpy as np

from truepix.encodings._base import (
    Encoded,
    check_options,
    float_output_dtype,
    refuse_outside,
    rounding_slack,
)
from truepix.errors import InputError

__all__ = ["LINEAR"]


def _finite_limit(value: float | None, name: str) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError) as exc:
        msg = f"expected a finite number for {name}, got {value!r}"
        raise InputError(msg) from exc
    if not math.isfinite(number):
        msg = f"expected a finite number for {name}, got {value!r}"
        raise InputError(msg)
    return number


class LinearEncoding:
    """Values in ``[vmin, vmax]`` as evenly spaced codes of an 8- or 16-bit gray picture.

    ``code = round((x - vmin) / step)`` with ``step = (vmax - vmin) / levels`` and
    ``levels = 2**bits - 1``; if the data has NaN, the top code is reserved for
    NaN (and marked transparent in PNG) and ``levels = 2**bits - 2``. The inverse
    ``vmin + code * step`` is within ``step / 2`` (plus float rounding) of every
    value. Values outside ``[vmin, vmax]`` (±Inf included) are refused unless
    ``clip=True``, which clips them and records how many were clipped.

    Examples
    --------
    >>> x = np.linspace(-1.0, 1.0, 7)
    >>> encoded = LINEAR.encode(x, bits=8)
    >>> encoded.samples.dtype.name, round(encoded.max_error, 5)
    ('uint8', 0.00392)
    >>> y = LINEAR.decode(encoded.samples, encoded.params, dtype=x.dtype, shape=x.shape)
    >>> bool(np.all(np.abs(y - x) <= encoded.max_error))
    True
    """

    name: ClassVar[str] = "linear"
    exact: ClassVar[bool] = False
    summary: ClassVar[str] = "8/16-bit gray, error <= step/2"

    def encode(
        self,
        array: np.ndarray,
        /,
        *,
        bits: int | None = None,
        vmin: float | None = None,
        vmax: float | None = None,
        cmap: Any = None,
        clip: bool = False,
    ) -> Encoded:
        check_options(self.name, {"bits", "vmin", "vmax", "clip"}, cmap=cmap)
        out_dtype = float_output_dtype(array.dtype)
        bits = 16 if bits is None else bits
        if bits not in (8, 16):
            msg = f"expected bits=8 or bits=16 for encoding 'linear', got {bits!r}"
            raise InputError(msg)
        low, high = _finite_limit(vmin, "vmin"), _finite_limit(vmax, "vmax")
        values = np.asarray(array, dtype=np.float64)
        nan = np.isnan(values)
        has_nan = bool(nan.any())
        if low is None or high is None:
            finite = values[np.isfinite(values)]
            if low is None:
                low = float(finite.min()) if finite.size else (0.0 if high is None else high)
            if high is None:
                high = float(finite.max()) if finite.size else low
        if not low <= high:
            msg = f"expected vmin <= vmax, got vmin={low!r}, vmax={high!r}"
            raise InputError(msg)
        clipped = 0
        if clip:
            with np.errstate(invalid="ignore"):
                outside = (values < low) | (values > high)
            clipped = int(np.count_nonzero(outside))
            values = np.clip(values, low, high)
        else:
            refuse_outside(
                values, low, high, encoding=self.name, hint="widen vmin/vmax or pass clip=True"
            )
        top = (1 << bits) - 1
        levels = top - 1 if has_nan else top
        step = (high - low) / levels
        codes = np.zeros(values.shape, dtype=np.float64)
        if step > 0:
            np.subtract(values, low, out=codes)
            codes /= step
            np.rint(codes, out=codes)
            np.clip(codes, 0, levels, out=codes)  # float rounding only; values are in range
            codes[nan] = 0
        samples = codes.astype(np.uint8 if bits == 8 else np.uint16)
        if has_nan:
            samples[nan] = top
        params: dict[str, Any] = {
            "bits": bits,
            "vmin": low,
            "vmax": high,
            "levels": levels,
            "nan_code": top if has_nan else None,
            "clipped": clipped,
        }
        max_error = step / 2 + rounding_slack(max(abs(low), abs(high)), out_dtype)
        return Encoded(samples, params, max_error, top if has_nan else None)

    def output_dtype(self, dtype: np.dtype, /) -> np.dtype:
        """The saved float dtype, or float64 for integer and bool data."""
        return float_output_dtype(dtype)

    def decode(
        self,
        samples: np.ndarray,
        /,
        params: dict[str, Any],
        *,
        dtype: np.dtype,
        shape: tuple[int, ...],
    ) -> np.ndarray:
        low, high, levels = float(params["vmin"]), float(params["vmax"]), int(params["levels"])
        step = (high - low) / levels
        values = samples.reshape(shape).astype(np.float64)
        values *= step
        values += low
        if params.get("nan_code") is not None:
            values[samples.reshape(shape) == params["nan_code"]] = np.nan
        return values.astype(float_output_dtype(dtype), copy=False)


LINEAR = LinearEncoding()

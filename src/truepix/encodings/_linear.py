"""``linear``: a viewable 8/16-bit gray picture with a stated error bound."""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from truepix.encodings._base import (
    BaseEncoding,
    Encoded,
    EncodeOptions,
    Shape,
    count_clipped,
    float_output_dtype,
    rounding_slack,
    value_range,
)
from truepix.errors import InputError

__all__ = ["LINEAR"]


class LinearEncoding(BaseEncoding):
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
    summary: ClassVar[str] = "8/16-bit gray, error <= step/2"
    options: ClassVar[frozenset[str]] = frozenset({"bits", "vmin", "vmax", "clip"})

    def _encode(self, array: np.ndarray, options: EncodeOptions, /) -> Encoded:
        out_dtype = self.output_dtype(array.dtype)
        bits = 16 if options.bits is None else options.bits
        if bits not in (8, 16):
            msg = f"expected bits=8 or bits=16 for encoding 'linear', got {bits!r}"
            raise InputError(msg)
        values = np.asarray(array, dtype=np.float64)
        nan = np.isnan(values)
        has_nan = bool(nan.any())
        low, high = value_range(values, options.vmin, options.vmax)
        clipped = count_clipped(
            values,
            low,
            high,
            clip=options.clip,
            encoding=self.name,
            hint="widen vmin/vmax or pass clip=True",
        )
        if clipped:
            values = np.clip(values, low, high)
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
        if step < np.finfo(np.float64).tiny:
            # a subnormal step rounds by whole units of 5e-324 (or underflows to 0, every
            # code 0): the data and the decoded values both lie within the wider of these
            max_error = max(high - low, levels * step)
        return Encoded(samples, params, max_error, top if has_nan else None)

    def _decode(
        self, samples: np.ndarray, params: dict[str, Any], dtype: np.dtype, shape: Shape, /
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

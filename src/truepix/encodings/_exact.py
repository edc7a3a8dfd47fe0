"""``exact``: the array itself; the container stores every bit."""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from truepix.encodings._base import BaseEncoding, EncodeOptions, Encoded, Shape

__all__ = ["EXACT"]


class ExactEncoding(BaseEncoding):
    """Identity: ``decode(encode(x)) == x`` bit for bit, for every numeric dtype.

    Examples
    --------
    >>> x = np.array([np.nan, -0.0, np.inf], dtype=">f8")
    >>> encoded = EXACT.encode(x)
    >>> EXACT.decode(encoded.samples, encoded.params, dtype=x.dtype, shape=x.shape).tobytes() == x.tobytes()
    True
    """

    name: ClassVar[str] = "exact"
    exact: ClassVar[bool] = True
    summary: ClassVar[str] = "every dtype bit for bit"
    options: ClassVar[frozenset[str]] = frozenset()

    def _encode(self, array: np.ndarray, options: EncodeOptions, /) -> Encoded:
        return Encoded(array, {}, 0.0)

    def output_dtype(self, dtype: np.dtype, /) -> np.dtype:
        """The saved dtype itself."""
        return dtype

    def _decode(
        self, samples: np.ndarray, params: dict[str, Any], dtype: np.dtype, shape: Shape, /
    ) -> np.ndarray:
        return samples.reshape(shape).astype(dtype, copy=False)


EXACT = ExactEncoding()

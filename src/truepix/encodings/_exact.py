"""``exact``: the array itself; the container stores every bit."""

from __future__ import annotations

from typing import Any, ClassVar

import numpy as np

from truepix.encodings._base import Encoded, check_options

__all__ = ["EXACT"]


class ExactEncoding:
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
        check_options(self.name, set(), bits=bits, vmin=vmin, vmax=vmax, cmap=cmap, clip=clip)
        return Encoded(array, {}, 0.0)

    def output_dtype(self, dtype: np.dtype, /) -> np.dtype:
        """The saved dtype itself."""
        return dtype

    def decode(
        self,
        samples: np.ndarray,
        /,
        params: dict[str, Any],
        *,
        dtype: np.dtype,
        shape: tuple[int, ...],
    ) -> np.ndarray:
        return samples.reshape(shape).astype(dtype, copy=False)


EXACT = ExactEncoding()

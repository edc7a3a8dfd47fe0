"""Pixels with alpha 0 are no data, whatever a later step filled (:func:`unseen_nan`)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

__all__ = ["unseen_nan"]


def unseen_nan(result: Any, picture: np.ndarray) -> Any:
    """``result`` with NaN on every pixel of ``picture`` (``as_picture``'s, masks as
    alpha 0) whose alpha is 0. The decode leaves them NaN, but steps that fill NaN from
    their colors read a transparent pixel's stored color: a ``savefig(transparent=True)``
    PNG whose transparent pixels store black (PNG optimizers, browsers) had 429 of them
    beside inferno's colorbar filled as a lobe past the map's dark end (``_end_lobes``),
    at vmin.

    Examples
    --------
    >>> from truepix.color._decolorize._result import DecolorizeResult
    >>> picture = np.zeros((1, 2, 4), np.uint8)
    >>> picture[0, 1, 3] = 255
    >>> empty = np.empty(0)
    >>> result = DecolorizeResult(np.zeros((1, 2)), empty, empty, 0.0, 1.0, False, False)
    >>> unseen_nan(result, picture).values
    array([[nan,  0.]])
    """
    values = result.values
    if (
        not isinstance(values, np.ndarray) or picture.shape[-1] != 4
        or picture.shape[:-1] != values.shape
    ):  # fmt: skip
        return result
    unseen = picture[..., 3] == 0
    if not unseen.any() or np.isnan(values[unseen]).all():
        return result
    values = np.array(values, dtype=np.float64)  # (a copy: the result's may be shared)
    values[unseen] = np.nan
    return replace(result, values=values, n_nan=-1)

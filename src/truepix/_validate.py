"""Small argument checks shared across truepix."""

from __future__ import annotations

import operator
from typing import Any

from truepix.errors import InputError

__all__ = ["positive_int"]


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

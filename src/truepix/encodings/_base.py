"""What every encoding is: a forward/inverse pair with a stated domain and bound."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, runtime_checkable

import numpy as np

from truepix._validate import check_range, finite_range
from truepix.errors import EncodingDomainError, InputError, UnsupportedDtypeError

__all__ = [
    "BaseEncoding",
    "EncodeOptions",
    "Encoded",
    "Encoding",
    "Shape",
    "check_foreign",
    "check_options",
    "count_clipped",
    "count_outside",
    "float_output_dtype",
    "refuse_outside",
    "rounding_slack",
    "value_range",
]


#: an array shape, as encodings receive it
Shape = tuple[int, ...]


@dataclass(frozen=True)
class Encoded:
    """The result of :meth:`Encoding.encode`.

    Attributes
    ----------
    samples
        What is stored in the picture: uint8/uint16 ``(H, W[, C])`` for viewable
        encodings, the array itself for ``"exact"``.
    params
        JSON-serializable parameters that, with ``samples``, are all the inverse needs.
    max_error
        Guaranteed bound on ``|decode(encode(x)) - x|`` over valid values (0.0 when exact).
    transparent
        A gray code that viewers should show transparent (the NaN code), or None.
    """

    samples: np.ndarray
    params: dict[str, Any] = field(default_factory=dict)
    max_error: float = 0.0
    transparent: int | None = None


@runtime_checkable
class Encoding(Protocol):
    """A named value <-> pixel encoding.

    ``decode(encode(x).samples, encode(x).params, dtype=x.dtype, shape=x.shape)``
    returns ``x`` exactly when ``exact`` is true, else within ``max_error``.
    """

    name: ClassVar[str]
    exact: ClassVar[bool]
    summary: ClassVar[str]
    #: the dtype every file of this encoding stores ("uint16" for KITTI), None when it
    #: follows the data (``exact``) or an option (``linear``'s ``bits``)
    stored_dtype: ClassVar[str | None]

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
    ) -> Encoded: ...

    def output_dtype(self, dtype: np.dtype, /) -> np.dtype:
        """The dtype :meth:`decode` returns for data saved with ``dtype``."""
        ...

    def decode(
        self,
        samples: np.ndarray,
        /,
        params: dict[str, Any],
        *,
        dtype: np.dtype,
        shape: tuple[int, ...],
    ) -> np.ndarray: ...


@dataclass(frozen=True)
class EncodeOptions:
    """The options :func:`truepix.save` passes to an encoding, validated by :class:`BaseEncoding`."""

    bits: int | None = None
    vmin: float | None = None
    vmax: float | None = None
    cmap: Any = None
    clip: bool = False
    norm: str | None = None


class BaseEncoding:
    """Shared behaviour: refuse options the encoding does not take, float output dtypes.

    Subclasses set ``name``, ``summary``, ``options`` (the option names they take)
    and implement ``_encode(array, options)`` and ``decode``.
    """

    name: ClassVar[str]
    exact: ClassVar[bool] = False
    summary: ClassVar[str]
    stored_dtype: ClassVar[str | None] = None
    options: ClassVar[frozenset[str]] = frozenset({"clip"})

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
        norm: str | None = None,
    ) -> Encoded:
        """Encode ``array``; see the class docstring for the options taken."""
        check_options(
            self.name, set(self.options), bits=bits, vmin=vmin, vmax=vmax, cmap=cmap, clip=clip,
            norm=norm,
        )  # fmt: skip
        return self._encode(array, EncodeOptions(bits, vmin, vmax, cmap, clip, norm))

    def _encode(self, array: np.ndarray, options: EncodeOptions, /) -> Encoded:
        raise NotImplementedError

    def decode(
        self,
        samples: np.ndarray,
        /,
        params: dict[str, Any],
        *,
        dtype: np.dtype,
        shape: tuple[int, ...],
    ) -> np.ndarray:
        """The values ``samples`` and ``params`` hold, as ``dtype`` of ``shape``."""
        return self._decode(samples, params, dtype, shape)

    def _decode(
        self, samples: np.ndarray, params: dict[str, Any], dtype: np.dtype, shape: Shape, /
    ) -> np.ndarray:
        raise NotImplementedError

    def output_dtype(self, dtype: np.dtype, /) -> np.dtype:
        """The saved float dtype, or float64 for integer and bool data."""
        return float_output_dtype(dtype)


def value_range(values: np.ndarray, vmin: Any, vmax: Any) -> tuple[float, float]:
    """``(vmin, vmax)`` as finite floats; a missing end is the finite data range's.

    The given ends go through the one gate (:func:`truepix._validate.check_range`),
    the missing ones come from :func:`truepix._validate.finite_range`.

    Examples
    --------
    >>> value_range(np.array([np.nan, 2.0, -np.inf, 5.0]), None, None)
    (2.0, 5.0)
    >>> value_range(np.array([1.0]), 3, None)
    Traceback (most recent call last):
    ...
    truepix.errors.InputError: expected vmin <= vmax, got vmin=3.0 > vmax=1.0 (from the data); give both
    """
    low, high = check_range(vmin, vmax)
    if low is None or high is None:
        found = finite_range(values)
        if found is None:  # no finite value: an empty range at the given end, else at 0
            fallback = high if low is None else low
            found = (0.0, 0.0) if fallback is None else (fallback, fallback)
        low = found[0] if low is None else low
        high = found[1] if high is None else high
    low, high = float(low), float(high)
    if not low <= high:
        msg = f"expected vmin <= vmax, got vmin={low!r} > vmax={high!r} (from the data); give both"
        raise InputError(msg)
    return low, high


def count_clipped(
    values: np.ndarray,
    low: float,
    high: float,
    *,
    clip: bool,
    encoding: str,
    unit: str = "",
    hint: str = "",
) -> int:
    """How many values ``clip=True`` clips to ``[low, high]``; without it, refuse them.

    Examples
    --------
    >>> count_clipped(np.array([0.0, 3.0, np.nan]), 0.0, 1.0, clip=True, encoding="demo")
    1
    """
    if clip:
        return count_outside(values, low, high)
    refuse_outside(
        values, low, high, encoding=encoding, unit=unit, hint=hint or "pass clip=True to clip them"
    )
    return 0


def check_foreign(
    samples: np.ndarray, *, encoding: str, dtype: str, channels: tuple[int, ...]
) -> None:
    """Refuse foreign samples that cannot be in an encoding's public format.

    Examples
    --------
    >>> check_foreign(np.zeros((2, 2), np.uint8), encoding="kitti-depth", dtype="uint16", channels=(1,))
    Traceback (most recent call last):
    ...
    truepix.errors.InputError: expected uint16 samples with 1 channel(s) for encoding 'kitti-depth', got uint8 with 1 channel(s); is this a kitti-depth file?
    """
    got = 1 if samples.ndim == 2 else samples.shape[-1]
    if samples.dtype != np.dtype(dtype) or got not in channels or samples.ndim not in (2, 3):
        expected = " or ".join(map(str, channels))
        msg = (
            f"expected {dtype} samples with {expected} channel(s) for encoding {encoding!r}, "
            f"got {samples.dtype} with {got} channel(s); is this a {encoding} file?"
        )
        raise InputError(msg)


def check_options(encoding: str, allowed: set[str], **given: Any) -> None:
    """Refuse options an encoding does not take (instead of ignoring them).

    Examples
    --------
    >>> check_options("terrain-rgb", set(), bits=None, vmin=None)
    >>> check_options("terrain-rgb", set(), bits=8)
    Traceback (most recent call last):
    ...
    truepix.errors.InputError: expected no 'bits' option for encoding 'terrain-rgb', got 8; ...
    """
    for name, value in given.items():
        if value is not None and value is not False and name not in allowed:
            hint = f"it takes {', '.join(sorted(allowed))}" if allowed else "it takes none"
            msg = f"expected no {name!r} option for encoding {encoding!r}, got {value!r}; {hint}"
            raise InputError(msg)


def float_output_dtype(dtype: np.dtype) -> np.dtype:
    """The dtype a lossy encoding returns: the saved float dtype, else float64.

    Examples
    --------
    >>> float_output_dtype(np.dtype("float32")), float_output_dtype(np.dtype("int16"))
    (dtype('float32'), dtype('float64'))
    """
    if dtype.kind == "f":
        return dtype.newbyteorder("=")
    if dtype.kind in "biu":
        return np.dtype(np.float64)
    msg = f"expected a real (bool, integer or float) array for a lossy encoding, got {dtype}"
    raise UnsupportedDtypeError(msg)


def rounding_slack(max_abs: float, dtype: np.dtype) -> float:
    """Bound on the float rounding of ``offset + code * step`` and the cast to ``dtype``.

    A few float64 ulps of the largest magnitude, plus half an ulp of the output type.

    Examples
    --------
    >>> rounding_slack(1.0, np.dtype("float64")) < 1e-14
    True
    """
    eps_out = float(np.finfo(dtype).eps) if dtype.kind == "f" else 0.0
    return max_abs * (8.0 * float(np.finfo(np.float64).eps) + 0.5 * eps_out)


def count_outside(values: np.ndarray, low: float, high: float) -> int:
    """How many non-NaN values fall outside ``[low, high]`` (±Inf included).

    Examples
    --------
    >>> count_outside(np.array([0.0, 2.0, np.nan, -np.inf]), 0.0, 1.0)
    2
    """
    with np.errstate(invalid="ignore"):
        inside = (values >= low) & (values <= high)
    return int(values.size - np.count_nonzero(inside) - np.count_nonzero(np.isnan(values)))


def refuse_outside(
    values: np.ndarray, low: float, high: float, *, encoding: str, unit: str = "", hint: str = ""
) -> None:
    """Raise :class:`EncodingDomainError` if any value lies outside ``[low, high]``.

    Examples
    --------
    >>> refuse_outside(np.array([1.0, 5.0]), 0.0, 2.0, encoding="demo")
    Traceback (most recent call last):
    ...
    truepix.errors.EncodingDomainError: expected values in [0, 2] for encoding 'demo', got 1 of 2 outside (min 1, max 5)
    """
    outside = count_outside(values, low, high)
    if outside:
        finite = values[~np.isnan(values)]
        msg = (
            f"expected values in [{low:.10g}, {high:.10g}]{unit} for encoding {encoding!r}, "
            f"got {outside} of {values.size} outside "
            f"(min {float(finite.min()):.10g}, max {float(finite.max()):.10g})"
        )
        if hint:
            msg += f"; {hint}"
        raise EncodingDomainError(msg)

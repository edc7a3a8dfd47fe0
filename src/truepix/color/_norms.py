"""Norms: data values to [0, 1] and back, exactly as matplotlib computes them.

Each norm is a forward/inverse pair. ``forward`` reproduces the arithmetic of
matplotlib's ``Normalize`` / ``LogNorm`` step by step -- same dtypes, same
order of in-place operations -- so ``colorize`` picks the same colormap bin
as matplotlib for every value, to the last bit. Invalid values (NaN, masked,
and for ``log`` values <= 0) come out as NaN instead of a masked array.

Examples
--------
>>> import numpy as np
>>> from truepix.color._norms import get_norm
>>> norm = get_norm("log", 1.0, 1000.0)
>>> norm.forward(np.array([1.0, 10.0, 1000.0])).tolist()
[0.0, 0.3333333333333333, 1.0]
>>> norm.inverse(np.array([0.5])).round(6).tolist()
[31.622777]
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

import numpy as np

from truepix._lazy import loaded_class
from truepix._validate import check_choice, check_range, described
from truepix.errors import InputError, UnsupportedDtypeError

__all__ = [
    "NORMS",
    "LinearNorm",
    "LogNorm",
    "MatplotlibNorm",
    "Norm",
    "boundary_inverse",
    "get_norm",
    "norm_dtype",
]


class Norm(Protocol):
    """What every norm offers: ``forward`` to [0, 1] and its ``inverse``."""

    @property
    def vmin(self) -> float:
        """The data value mapped to 0."""
        ...

    @property
    def vmax(self) -> float:
        """The data value mapped to 1."""
        ...

    def forward(self, values: Any, /) -> np.ndarray:
        """Map data values to [0, 1] (outside for out-of-range data; NaN if invalid)."""
        ...

    def inverse(self, normalized: Any, /) -> np.ndarray:
        """Map normalized values back to data values (float64)."""
        ...


def norm_dtype(dtype: np.dtype) -> np.dtype:
    """The float dtype matplotlib normalizes an array of ``dtype`` in.

    Floats keep their precision; bool and integers of up to two bytes become
    float32, wider integers float64 (``Normalize.process_value``).

    Examples
    --------
    >>> import numpy as np
    >>> from truepix.color._norms import norm_dtype
    >>> [str(norm_dtype(np.dtype(t))) for t in ("uint8", "int32", "float16", "float64")]
    ['float32', 'float64', 'float16', 'float64']
    """
    if dtype.kind in "iub":
        return np.promote_types(dtype, np.float32)
    if dtype.kind == "f":
        return dtype
    msg = f"expected real numbers (bool, int, uint or float), got dtype {dtype}"
    raise UnsupportedDtypeError(msg)


def _limit(value: Any) -> Any:
    # matplotlib runs vmin/vmax through process_value too: a Python float stays
    # float64, an np.float32 stays float32, an int becomes float64.
    array = np.asarray([value])
    return array.astype(norm_dtype(array.dtype))[0]


def _split(values: Any) -> tuple[np.ndarray, np.ndarray | None]:
    """Data as a float array in matplotlib's dtype, plus the mask of a masked array."""
    mask = np.ma.getmask(values)
    data = np.asarray(np.ma.getdata(values))
    with np.errstate(over="ignore"):  # int64 -> float16 never happens; float -> same dtype
        result = data.astype(norm_dtype(data.dtype), copy=True)
    if mask is np.ma.nomask or not np.any(mask):
        return result, None
    return result, np.broadcast_to(mask, result.shape)


def _check_limits(vmin: Any, vmax: Any) -> None:
    """A norm's limits: both given, through the one range gate (:func:`check_range`)."""
    for name, value in (("vmin", vmin), ("vmax", vmax)):
        if value is None:
            msg = f"expected {name} to be a real number, got None"
            raise InputError(msg)
    check_range(vmin, vmax)


@dataclass(frozen=True)
class LinearNorm:
    """``(x - vmin) / (vmax - vmin)``, as matplotlib's ``Normalize``.

    With ``clip=True`` data is first clipped to [vmin, vmax]; with
    ``vmin == vmax`` every valid value maps to 0 (matplotlib's choice).

    Examples
    --------
    >>> import numpy as np
    >>> from truepix.color._norms import LinearNorm
    >>> LinearNorm(-1.0, 1.0).forward(np.array([-2.0, 0.0, np.nan])).tolist()
    [-0.5, 0.5, nan]
    >>> LinearNorm(-1.0, 1.0).inverse(np.array([0.25])).tolist()
    [-0.5]
    """

    vmin: float
    vmax: float
    clip: bool = False
    name: ClassVar[str] = "linear"

    def __post_init__(self) -> None:
        _check_limits(self.vmin, self.vmax)

    def forward(self, values: Any, /) -> np.ndarray:
        """Normalize ``values`` (NaN where masked or NaN)."""
        result, mask = _split(values)
        vmin, vmax = _limit(self.vmin), _limit(self.vmax)
        if vmin == vmax:
            nan = np.isnan(result)
            result.fill(0)
            result[nan] = np.nan
        else:
            if self.clip:
                np.clip(result, vmin, vmax, out=result)
            # In place and in this order, like Normalize.__call__: the rounding
            # of each step decides the bin of values on a bin edge. Overflow
            # (float16 data far out of range) gives +-inf, which is "over"/"under".
            with np.errstate(over="ignore", invalid="ignore"):
                result -= vmin
                result /= vmax - vmin
        if mask is not None:
            result[mask] = np.nan
        return result

    def inverse(self, normalized: Any, /) -> np.ndarray:
        """Data values for normalized values (float64)."""
        vmin, vmax = _limit(self.vmin), _limit(self.vmax)
        return np.asarray(
            vmin + np.asarray(normalized, dtype=np.float64) * (vmax - vmin), dtype=np.float64
        )


@dataclass(frozen=True)
class LogNorm:
    """``(log10 x - log10 vmin) / (log10 vmax - log10 vmin)``, as matplotlib's ``LogNorm``.

    Values <= 0 have no logarithm: they are invalid (NaN), drawn with the
    colormap's bad color like matplotlib does. ``vmin`` must be > 0.

    Examples
    --------
    >>> import numpy as np
    >>> from truepix.color._norms import LogNorm
    >>> LogNorm(0.01, 100.0).forward(np.array([0.1, 1.0, -1.0])).tolist()
    [0.25, 0.5, nan]
    >>> LogNorm(0.01, 100.0).inverse(np.array([0.75])).tolist()
    [10.0]
    """

    vmin: float
    vmax: float
    clip: bool = False
    name: ClassVar[str] = "log"

    def __post_init__(self) -> None:
        _check_limits(self.vmin, self.vmax)
        if float(self.vmin) <= 0:
            msg = f"expected vmin > 0 for a log norm, got vmin={self.vmin!r}"
            raise InputError(msg)

    def _limits(self) -> tuple[np.floating, np.floating]:
        t_vmin, t_vmax = np.log10(np.asarray([self.vmin, self.vmax]))
        return t_vmin, t_vmax

    def forward(self, values: Any, /) -> np.ndarray:
        """Normalize ``values`` (NaN where masked, NaN or <= 0)."""
        result, mask = _split(values)
        if self.vmin == self.vmax:
            invalid = ~(result > 0)
            result.fill(0)
            result[invalid] = np.nan
        else:
            if self.clip:
                np.clip(result, self.vmin, self.vmax, out=result)
            with np.errstate(divide="ignore", invalid="ignore"):
                result = np.log10(result)
            result[~np.isfinite(result)] = np.nan
            t_vmin, t_vmax = self._limits()
            with np.errstate(over="ignore", invalid="ignore"):
                result -= t_vmin
                result /= t_vmax - t_vmin
        if mask is not None:
            result[mask] = np.nan
        return result

    def inverse(self, normalized: Any, /) -> np.ndarray:
        """Data values for normalized values (float64)."""
        t_vmin, t_vmax = self._limits()
        rescaled = np.asarray(normalized, dtype=np.float64) * (t_vmax - t_vmin)
        rescaled += t_vmin
        return np.asarray(np.power(10.0, rescaled), dtype=np.float64)


@dataclass(frozen=True)
class MatplotlibNorm:
    """Any other matplotlib ``Normalize`` (PowerNorm, TwoSlopeNorm ...), used as is.

    Examples
    --------
    >>> import numpy as np, matplotlib.colors as mcolors
    >>> from truepix.color._norms import MatplotlibNorm
    >>> norm = MatplotlibNorm(mcolors.PowerNorm(2.0, vmin=0.0, vmax=2.0))
    >>> norm.forward(np.array([1.0, np.nan])).tolist()
    [0.25, nan]
    >>> norm.inverse(np.array([0.25])).tolist()
    [1.0]
    """

    norm: Any
    name: ClassVar[str] = "matplotlib"

    @property
    def vmin(self) -> float:
        return float(self.norm.vmin)

    @property
    def vmax(self) -> float:
        return float(self.norm.vmax)

    def answer(self, values: Any, /) -> tuple[np.ndarray, np.ndarray]:
        """The norm's own answer, as matplotlib's colormap call receives it.

        Returns the answer as an array -- positions (floats) or, for a norm such
        as ``BoundaryNorm``, colormap entries (integers), which a colormap call
        indexes directly -- and where the data is invalid (masked or NaN).
        """
        result = self.norm(values)
        answer = np.asarray(np.ma.getdata(result))
        invalid = np.ma.getmaskarray(result) | np.ma.getmaskarray(values)
        data = np.ma.getdata(values)
        if np.asarray(data).dtype.kind == "f":
            invalid = invalid | np.isnan(data)
        return answer, np.broadcast_to(invalid, answer.shape)

    def forward(self, values: Any, /) -> np.ndarray:
        """Normalize with the matplotlib norm; invalid values become NaN.

        A norm that answers colormap entries (``BoundaryNorm``) gives the middle
        of the entry's bin on a map of ``Ncmap`` colors.
        """
        return self.positions(*self.answer(values))

    def positions(self, answer: np.ndarray, invalid: np.ndarray) -> np.ndarray:
        """:meth:`answer`'s result as positions along the map, NaN where invalid."""
        data = np.array(answer, dtype=np.result_type(answer, np.float16))
        if answer.dtype.kind in "iub":
            data = (data + 0.5) / int(getattr(self.norm, "Ncmap", 1))
        data[invalid] = np.nan
        return data

    @property
    def answers_entries(self) -> bool:
        """Whether the norm answers colormap entries (``BoundaryNorm``), not positions."""
        boundary_class = loaded_class("matplotlib.colors", "BoundaryNorm")
        return boundary_class is not None and isinstance(self.norm, boundary_class)

    def inverse(self, normalized: Any, /, n_table: int | None = None) -> np.ndarray:
        """The matplotlib norm's ``inverse`` as a float64 array.

        ``BoundaryNorm`` has none: a position in [0, 1] names an entry of the
        ``n_table``-color table (default: the norm's ``Ncmap``), and the answer is the
        middle of the boundary intervals drawn with that entry (:func:`boundary_inverse`).
        """
        if self.answers_entries:
            return boundary_inverse(self.norm, np.asarray(normalized, dtype=np.float64), n_table)
        return np.asarray(np.ma.filled(self.norm.inverse(normalized), np.nan), dtype=np.float64)


def boundary_inverse(norm: Any, position: np.ndarray, n_table: int | None = None) -> np.ndarray:
    """Data values of positions along a map for a matplotlib ``BoundaryNorm``.

    The norm's answers index the colormap's table directly (matplotlib's
    colormap call takes integers as entries), so a position names entry
    ``floor(position * n_table)`` of the ``n_table``-color table; the value is the
    middle of the boundary intervals drawn with that entry, NaN for an entry
    none is drawn with (``ncolors < n_table`` leaves the rest of the table out).

    Examples
    --------
    >>> import numpy as np, matplotlib.colors as mcolors
    >>> from truepix.color._norms import boundary_inverse
    >>> norm = mcolors.BoundaryNorm([0, 1, 2, 5], ncolors=3)
    >>> boundary_inverse(norm, (np.arange(4) + 0.5) / 256, 256).tolist()
    [0.5, 1.5, 3.5, nan]
    """
    n_colors = int(norm.Ncmap) if n_table is None else int(n_table)
    edges = np.asarray(norm.boundaries, dtype=np.float64)
    middles = (edges[:-1] + edges[1:]) / 2.0
    entries = np.asarray(norm(middles), dtype=np.int64)  # the entry of each interval
    inside_table = (entries >= 0) & (entries < n_colors)
    low = np.full(n_colors, np.nan)
    high = np.full(n_colors, np.nan)
    for entry in np.unique(entries[inside_table]):  # an entry may draw several intervals
        inside = entries == entry
        low[entry], high[entry] = edges[:-1][inside].min(), edges[1:][inside].max()
    index = np.clip(np.floor(np.nan_to_num(position) * n_colors), 0, n_colors - 1).astype(np.int64)
    values = (low[index] + high[index]) / 2.0
    values[np.isnan(position)] = np.nan
    return values


# name -> class; every entry has a forward and an inverse (tests round-trip all).
NORMS: dict[str, type[LinearNorm] | type[LogNorm]] = {
    "linear": LinearNorm,
    "log": LogNorm,
}


def get_norm(norm: Any, vmin: Any, vmax: Any, *, clip: bool = False) -> Norm:
    """Build the norm that maps ``[vmin, vmax]`` to ``[0, 1]``.

    Parameters
    ----------
    norm : {"linear", "log"} or matplotlib.colors.Normalize
        A norm name, or a matplotlib norm object. ``Normalize`` and
        ``LogNorm`` objects become truepix's own (faster) implementation;
        other matplotlib norms are called as they are.
    vmin, vmax : float or None
        The data values mapped to 0 and 1. ``None`` takes the limits of a
        matplotlib norm object; a name needs both.
    clip : bool
        Clip data to [vmin, vmax] first (no under/over colors).

    Returns
    -------
    Norm
        An object with ``forward(values)`` and ``inverse(normalized)``.

    Raises
    ------
    InputError
        An unknown norm name, missing or non-finite limits, vmin > vmax, or
        vmin <= 0 for a log norm.
    UnsupportedDtypeError
        ``norm`` is neither a name nor a matplotlib Normalize.

    Examples
    --------
    >>> from truepix.color._norms import get_norm
    >>> get_norm("linear", 0, 10)
    LinearNorm(vmin=0, vmax=10, clip=False)
    >>> get_norm("lin", 0, 10)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    truepix.errors.InputError: expected norm 'linear', 'log' or a matplotlib Normalize, got 'lin'...
    """
    if isinstance(norm, str):
        check_choice("norm", norm, NORMS, also="or a matplotlib Normalize")
        if vmin is None or vmax is None:
            msg = f"expected vmin and vmax for norm {norm!r}, got vmin={vmin!r}, vmax={vmax!r}"
            raise InputError(msg)
        return NORMS[norm](vmin, vmax, clip=clip)
    normalize_class = loaded_class("matplotlib.colors", "Normalize")
    if normalize_class is not None and isinstance(norm, normalize_class):
        import matplotlib.colors as mcolors  # imported already: the norm is one of its objects

        for name, given, own in (("vmin", vmin, norm.vmin), ("vmax", vmax, norm.vmax)):
            if given is not None and own is not None and float(given) != float(own):
                msg = f"expected one {name}, got {name}={given!r} and the norm's {name}={own!r}"
                raise InputError(msg + f"; leave {name} out to use the norm's")
        vmin = norm.vmin if vmin is None else vmin
        vmax = norm.vmax if vmax is None else vmax
        if vmin is None or vmax is None:
            msg = (
                f"expected a matplotlib norm with vmin and vmax set, got vmin={vmin!r},"
                f" vmax={vmax!r}; hint: pass vmin= and vmax="
            )
            raise InputError(msg)
        clip = bool(norm.clip) or clip
        if type(norm) is mcolors.Normalize:
            return LinearNorm(vmin, vmax, clip=clip)
        if type(norm) is mcolors.LogNorm:
            return LogNorm(vmin, vmax, clip=clip)
        if norm.vmin != vmin or norm.vmax != vmax:
            norm = copy.copy(norm)
            norm.vmin, norm.vmax = vmin, vmax
        return MatplotlibNorm(norm)
    msg = f"expected norm 'linear', 'log' or a matplotlib Normalize, got {described(norm)}"
    raise UnsupportedDtypeError(msg)

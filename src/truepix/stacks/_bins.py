"""Bin specifications with :func:`numpy.histogram` semantics, shared by every backend.

A :class:`Bins` is resolved once, in the friendly layer, from the user's ``bins``
and ``range`` and the stack's dtype. The kernels then assume clean input: edges
that increase, a compute dtype they can compare in, and (for uniform bins) the
parameters of the index estimate.

numpy bins a value ``x`` of a uniform histogram by an *estimate*
``int((x - first) * n / (last - first))`` that it then corrects by one bin with
comparisons against the edges, so its answer is fixed by the edges themselves:
``edges[i] <= x < edges[i + 1]``, the last bin closed. Every backend here does the
same (estimate by a multiply, correct against the same edges), which is why
their counts equal ``np.histogram``'s exactly, bit-level rounding at edges included.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from truepix._validate import positive_int
from truepix.errors import InputError, OutOfRangeError, UnsupportedDtypeError

__all__ = ["Bins", "check_dtype", "counts_dtype", "resolve_bins"]

# Values per bin that a counter of each dtype can hold (a pixel gets at most one
# count per frame, so these are frame counts).
_COUNT_DTYPES = (np.uint8, np.uint16, np.uint32, np.uint64)


@dataclass(frozen=True, eq=False)
class Bins:
    """Resolved bins: edges in the dtype comparisons are made in.

    Attributes
    ----------
    edges : numpy.ndarray
        ``n_bins + 1`` non-decreasing edges, float32 or float64: the dtype numpy
        compares the data in (float16 edges are widened to float32, exactly).
    uniform : bool
        True for ``bins=int`` (indexed by a multiply), False for explicit edges
        (indexed by binary search).
    scale : float
        ``n_bins / (last - first)`` for the uniform index estimate.
    reported : numpy.ndarray
        The edges as ``np.histogram`` returns them (its dtype, float16 included).
    margin : float
        For uniform bins: a bound, in bins, on how far the float64 estimate
        ``(x - first) * scale`` and every edge can stray from their exact
        positions through rounding. Where the estimate is farther than this from
        every integer, its floor is the bin -- no edge comparisons needed.
    """

    edges: np.ndarray
    uniform: bool
    scale: float
    reported: np.ndarray
    margin: float = 0.5

    @property
    def first64(self) -> float:
        """The left edge as a float64 (exact)."""
        return float(self.edges[0])

    @property
    def n_bins(self) -> int:
        """Number of bins."""
        return int(self.edges.size - 1)

    @property
    def first(self) -> np.floating:
        """The left edge, in the compute dtype."""
        return self.edges[0]


def check_dtype(dtype: np.dtype, what: str = "stack") -> np.dtype:
    """Return ``dtype`` if histograms can be taken of it, else raise.

    Examples
    --------
    >>> check_dtype(np.dtype("float32"))
    dtype('float32')
    >>> check_dtype(np.dtype(bool))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    truepix.errors.UnsupportedDtypeError: expected a stack of real numbers ... got dtype bool; ...
    """
    dtype = np.dtype(dtype)
    if dtype.kind in "iu" or dtype in (np.float16, np.float32, np.float64):
        return dtype
    hint = "e.g. stack.astype(np.uint8)" if dtype.kind == "b" else "e.g. stack.astype(np.float64)"
    msg = (
        f"expected a {what} of real numbers (integers or float16/32/64), got dtype {dtype};"
        f" convert it first, {hint}"
    )
    raise UnsupportedDtypeError(msg)


def counts_dtype(n_frames: int) -> np.dtype:
    """Smallest unsigned dtype that counts ``n_frames`` frames per bin without overflow.

    Examples
    --------
    >>> [counts_dtype(n).name for n in (0, 255, 256, 65535, 65536, 2**32)]
    ['uint8', 'uint8', 'uint16', 'uint16', 'uint32', 'uint64']
    """
    for dtype in _COUNT_DTYPES:
        if n_frames <= np.iinfo(dtype).max:
            return np.dtype(dtype)
    msg = f"expected at most 2**64 - 1 frames, got {n_frames}"
    raise InputError(msg)


def _compute_dtype(dtype: np.dtype) -> np.dtype:
    # float16 comparisons give the same answers in float32 (exact widening);
    # numba has no float16 arithmetic.
    return (
        np.dtype(np.float32) if dtype.itemsize <= 4 and dtype.kind == "f" else np.dtype(np.float64)
    )


def _check_range(range_: Any) -> tuple[Any, Any]:
    try:
        first, last = range_
    except (TypeError, ValueError):
        msg = f"expected range=(lo, hi), got {range_!r}"
        raise InputError(msg) from None
    for value in (first, last):
        if isinstance(value, (bool, np.bool_)) or not isinstance(
            value, (int, float, np.integer, np.floating)
        ):
            msg = f"expected range=(lo, hi) of two real numbers, got {range_!r}"
            raise InputError(msg)
    if not (np.isfinite(first) and np.isfinite(last)):
        msg = f"expected a finite range, got {range_!r}; give finite lo and hi"
        raise InputError(msg)
    if first > last:
        msg = f"expected range=(lo, hi) with lo <= hi, got {range_!r}"
        raise InputError(msg)
    return first, last


def _uniform(n_bins: int, first: Any, last: Any, dtype: np.dtype) -> Bins:
    try:
        # numpy's own edges: bin dtype chosen from (first, last, data dtype) by its
        # promotion rules, equal range widened by 0.5 on each side.
        edges = np.histogram_bin_edges(np.empty(0, dtype), bins=n_bins, range=(first, last))
    except ValueError as exc:  # "Too many bins for data range"
        msg = (
            f"expected bins that the range can separate, got {n_bins} bins over"
            f" [{first}, {last}] in {dtype}: {exc}; use fewer bins or a wider range"
        )
        raise InputError(msg) from None
    compute = edges.astype(_compute_dtype(edges.dtype))
    first, last = float(compute[0]), float(compute[-1])
    width = last - first
    return Bins(
        edges=compute,
        uniform=True,
        scale=n_bins / width,
        reported=edges,
        margin=_margin(n_bins, first, last, edges.dtype),
    )


def _margin(n_bins: int, first: float, last: float, dtype: np.dtype) -> float:
    """Bound (in bins) on rounding in the uniform estimate and in numpy's edges.

    numpy's edges come from ``np.linspace`` in float64 or in the bin dtype itself,
    then rounded to the bin dtype: each is off its exact position by a few units in
    the last place of the range's magnitude (``eps * max(|first|, |last|)``) plus a
    few of the width (the step's rounding, times up to ``n_bins`` steps). The
    estimate, in float64 from float64-exact operands, is off by ~2**-52 relative.
    A factor of 8 over these first-order bounds covers the second-order terms.

    Examples
    --------
    >>> _margin(100, 0.0, 1.0, np.dtype("float32")) < 1e-3
    True
    """
    eps = float(np.finfo(dtype).eps) if dtype.kind == "f" else float(np.finfo(np.float64).eps)
    magnitude = max(abs(first), abs(last))
    width = last - first
    in_bins = n_bins / width
    margin = 8.0 * (eps * magnitude * in_bins + eps * n_bins) + 2.0**-40 * (n_bins + 1)
    return min(margin, 0.5)  # 0.5: no value is sure, every one takes the exact path


def _explicit(bins: Any, dtype: np.dtype) -> Bins:
    edges = np.asarray(bins)
    if edges.ndim != 1 or edges.size < 2:
        msg = (
            "expected bins as an int or a 1-D sequence of at least 2 edges,"
            f" got shape {edges.shape}"
        )
        raise InputError(msg)
    if edges.dtype.kind not in "iuf":
        msg = f"expected numeric bin edges, got dtype {edges.dtype}"
        raise InputError(msg)
    if np.isnan(edges).any():
        msg = "expected bin edges without NaN, got NaN"
        raise InputError(msg)
    if np.any(edges[:-1] > edges[1:]):
        msg = "expected bin edges that increase monotonically, got a decrease"
        raise InputError(msg)
    # numpy compares data and edges in their common dtype
    common = np.promote_types(dtype, edges.dtype)
    compute = edges.astype(_compute_dtype(common))
    return Bins(edges=compute, uniform=False, scale=0.0, reported=edges)


def resolve_bins(
    bins: Any,
    range_: Any,
    dtype: np.dtype,
    data_range: Callable[[], tuple[Any, Any]],
) -> Bins:
    """Resolve ``bins``/``range`` for data of ``dtype`` the way ``np.histogram`` does.

    ``data_range`` is called only for ``bins=int`` with ``range=None``; it returns
    the finite minimum and maximum of the data as numpy scalars of ``dtype``.

    Examples
    --------
    >>> b = resolve_bins(4, (0, 1), np.dtype("float32"), data_range=lambda: (0, 1))
    >>> b.edges, b.uniform, b.n_bins
    (array([0.  , 0.25, 0.5 , 0.75, 1.  ], dtype=float32), True, 4)
    >>> resolve_bins([0, 1, 10], None, np.dtype("uint8"), data_range=None).edges
    array([ 0.,  1., 10.])
    """
    if isinstance(bins, str):
        msg = (
            f"expected bins as an int or a sequence of edges, got {bins!r}; per-pixel"
            " histograms need one set of bins for every pixel, so estimators like 'auto'"
            " do not apply"
        )
        raise InputError(msg)
    if np.ndim(bins) == 0:
        n_bins = positive_int(bins, "bins", alternative=" or a sequence of edges")
        if range_ is None:
            first, last = data_range()
        else:
            first, last = _check_range(range_)
        return _uniform(n_bins, first, last, dtype)
    if range_ is not None:
        msg = (
            f"expected range=None with explicit bin edges, got range={range_!r};"
            " the edges already fix the range (numpy would silently ignore it)"
        )
        raise InputError(msg)
    return _explicit(bins, dtype)


def finite_min_max(low: Any, high: Any, dtype: np.dtype) -> tuple[Any, Any]:
    """Check a data range found by a pre-pass, as numpy scalars of ``dtype``.

    Examples
    --------
    >>> finite_min_max(np.float32(0.5), np.float32(2), np.dtype("float32"))
    (np.float32(0.5), np.float32(2.0))
    """
    if np.isnan(low) or np.isnan(high):
        msg = (
            "expected at least one value that is not NaN to infer range=None, got only NaN;"
            " pass range=(lo, hi)"
        )
        raise OutOfRangeError(msg)
    if not (np.isfinite(low) and np.isfinite(high)):
        msg = (
            f"expected finite values to infer range=None, got min {low} and max {high};"
            " pass range=(lo, hi) to histogram the finite values"
        )
        raise OutOfRangeError(msg)
    return dtype.type(low), dtype.type(high)

"""Pixel position <-> value along an axis or a colorbar, fitted robustly to the ticks read.

Tick labels stand at evenly spaced positions and show an arithmetic (linear
axis) or geometric (log axis) progression. One misread label must not
move the range, so the fit is RANSAC (Fischer & Bolles 1981): every pair of
ticks proposes a line, the line that puts the most labels within a pixel
or two of their ticks wins, and a least-squares fit over those inliers
refines it. Which scale the axis has is decided by the labels themselves;
a richer model must explain more labels than a simpler one to be chosen:

* ``linear``: value linear in position;
* ``log``: log10(value) linear in position (LogNorm, ``bins="log"``);
* ``twoslope``: linear on each side of a centre, with two slopes
  (matplotlib's TwoSlopeNorm colorbar: the centre at the bar's middle);
* ``symlog``: matplotlib's symmetric log transform (SymLogNorm, base 10,
  ``linscale=1``): linear within ``±linthresh``, log outside;
* ``boundaries``: piecewise linear through any number of labelled points
  (a stepped bar whose uneven levels are drawn evenly spaced: contourf
  with uneven levels, BoundaryNorm; each label stands on a step boundary);
* ``asinh``: matplotlib's AsinhNorm, ``linear_width * asinh(v / linear_width)``
  linear in position: nearly linear within ``±linear_width``, nearly log
  beyond -- smoothly, where symlog bends at ``linthresh``;
* ``power``: matplotlib's PowerNorm, ``((v - vmin) / (vmax - vmin))**gamma``
  linear in position (:func:`fit_power`: only for a bar, whose ends fix
  where ``vmin`` and ``vmax`` stand).
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from truepix.errors import InputError
from truepix.figures._numbers import round_within

__all__ = ["SCALES", "AxisScale", "ScaleFit", "fit_power", "fit_scale"]

SCALES = ("linear", "log", "twoslope", "symlog", "boundaries", "power", "asinh")
_LINSCALE = 1.0 / (1.0 - 1.0 / 10.0)  # matplotlib's linscale_adj for linscale=1, base 10


def _symlog(values: np.ndarray, linthresh: float) -> np.ndarray:
    """matplotlib's SymmetricalLogTransform (base 10, linscale 1)."""
    magnitude = np.abs(values)
    with np.errstate(divide="ignore", invalid="ignore"):
        outside = np.sign(values) * linthresh * (_LINSCALE + np.log10(magnitude / linthresh))
    return np.where(magnitude <= linthresh, values * _LINSCALE, outside)


def _symlog_inverse(u: np.ndarray, linthresh: float) -> np.ndarray:
    magnitude = np.abs(u)
    limit = linthresh * _LINSCALE
    with np.errstate(over="ignore", invalid="ignore"):
        outside = np.sign(u) * linthresh * 10.0 ** (magnitude / linthresh - _LINSCALE)
    return np.where(magnitude <= limit, u / _LINSCALE, outside)


def _asinh(values: np.ndarray, width: float) -> np.ndarray:
    """matplotlib's AsinhTransform: ``width * arcsinh(values / width)``."""
    return width * np.arcsinh(values / width)


@dataclass(frozen=True)
class AxisScale:
    """The value at every pixel position along one direction of a picture.

    Positions are in pixel-edge coordinates: pixel ``j`` spans ``[j, j + 1)``,
    its centre is ``j + 0.5``.

    Attributes
    ----------
    scale : str
        ``"linear"``, ``"log"`` (base 10), ``"twoslope"`` (linear on each side
        of the middle point), ``"symlog"`` (base 10, linear within
        ``±linthresh``) or ``"boundaries"`` (linear between each pair of
        neighbouring points: a stepped bar's labelled boundaries).
    pixels : tuple of float
        Positions (two; three for ``"twoslope"``: low end, centre, high end;
        two or more for ``"boundaries"``) ...
    values : tuple of float
        ... and the values there; every other position follows the scale.
    linthresh : float or None
        The symlog scale's linear range (``"symlog"`` only).
    gamma : float or None
        The power scale's exponent (``"power"`` only): ``(v - v0)**gamma``
        is linear in position, ``v0`` the value at the first pixel.
    linear_width : float or None
        The asinh scale's ``linear_width`` (``"asinh"`` only).
    origin : float or None
        Where a log or asinh scale starts (``log10(v - origin)``,
        ``asinh((v - origin) / linear_width)``); None is 0. astropy's
        ``LogStretch`` and ``AsinhStretch`` start at or below ``vmin``.

    Raises
    ------
    InputError
        An unknown scale, the wrong number of points, two equal positions,
        a value <= 0 on a log scale, or a symlog scale without ``linthresh > 0``.

    Examples
    --------
    >>> s = AxisScale("log", (100.0, 200.0), (1.0, 10.0))
    >>> float(s.value(150.0)), float(s.pixel(100.0))
    (3.1622776601683795, 300.0)
    >>> t = AxisScale("twoslope", (0.0, 0.5, 1.0), (-10.0, 0.0, 30.0))
    >>> t.value([0.25, 0.75]).tolist()
    [-5.0, 15.0]
    >>> p = AxisScale("power", (0.0, 1.0), (0.0, 100.0), gamma=2.0)
    >>> p.value([0.25, 1.0]).tolist(), float(p.pixel(50.0))
    ([50.0, 100.0], 0.25)
    >>> a = AxisScale("asinh", (0.0, 1.0), (-100.0, 100.0), linear_width=1.0)
    >>> [round(float(v), 6) for v in a.value([0.5, 0.75])], round(float(a.pixel(1.0)), 4)
    ([0.0, 7.035801], 0.5832)
    >>> AxisScale("log", (0.0, 1.0), (0.0, 10.0))
    Traceback (most recent call last):
    ...
    truepix.errors.InputError: expected values > 0 on a log scale, got (0.0, 10.0)
    """

    scale: str
    pixels: tuple[float, ...]
    values: tuple[float, ...]
    linthresh: float | None = None
    gamma: float | None = None
    linear_width: float | None = None
    origin: float | None = None

    def __post_init__(self) -> None:
        if self.scale not in SCALES:
            msg = f"expected a scale among {SCALES}, got {self.scale!r}"
            raise InputError(msg)
        try:
            pixels = tuple(float(p) for p in self.pixels)
            values = tuple(float(v) for v in self.values)
        except (TypeError, ValueError):
            msg = f"expected numbers for pixels and values, got {self.pixels!r} and {self.values!r}"
            raise InputError(msg) from None
        points = 3 if self.scale == "twoslope" else 2
        several = self.scale == "boundaries" and len(pixels) == len(values) >= 2
        if not several and (len(pixels) != points or len(values) != points):
            msg = f"expected {points} pixels and values on a {self.scale} scale, got {len(pixels)} and {len(values)}"
            raise InputError(msg)
        if not all(map(math.isfinite, pixels + values)):
            msg = f"expected finite pixels and values, got {pixels} and {values}"
            raise InputError(msg)
        steps = np.diff(pixels)
        if np.any(steps == 0) or not (np.all(steps > 0) or np.all(steps < 0)):
            msg = f"expected different pixel positions in order, got {pixels}"
            raise InputError(msg)
        if self.scale == "log" and min(values) <= (self.origin or 0.0):
            msg = f"expected values > {self.origin or 0} on a log scale, got {values}"
            raise InputError(msg)
        if self.scale == "symlog" and not (self.linthresh is not None and self.linthresh > 0):
            msg = f"expected a symlog scale's linthresh > 0, got {self.linthresh!r}"
            raise InputError(msg)
        if self.scale == "power" and not (self.gamma is not None and self.gamma > 0):
            msg = f"expected a power scale's gamma > 0, got {self.gamma!r}"
            raise InputError(msg)
        if self.scale == "asinh" and not (self.linear_width is not None and self.linear_width > 0):
            msg = f"expected an asinh scale's linear_width > 0, got {self.linear_width!r}"
            raise InputError(msg)
        rises = np.diff(values)
        if len(values) > 2 and not (np.all(rises > 0) or np.all(rises < 0)):
            msg = f"expected values rising or falling along the pixels, got {values}"
            raise InputError(msg)
        object.__setattr__(self, "pixels", pixels)
        object.__setattr__(self, "values", values)
        if self.linthresh is not None:
            object.__setattr__(self, "linthresh", float(self.linthresh))
        if self.gamma is not None:
            object.__setattr__(self, "gamma", float(self.gamma))
        for name in ("linear_width", "origin"):
            if getattr(self, name) is not None:
                object.__setattr__(self, name, float(getattr(self, name)))

    def _forward(self, values: Any) -> np.ndarray:
        values = np.asarray(values, dtype=np.float64) - (self.origin or 0.0)
        if self.scale == "log":
            with np.errstate(divide="ignore", invalid="ignore"):
                return np.log10(values)
        if self.scale == "symlog":
            assert self.linthresh is not None
            return _symlog(values, self.linthresh)
        if self.scale == "power":
            assert self.gamma is not None
            shifted = values - self.values[0] + (self.origin or 0.0)
            return np.sign(shifted) * np.abs(shifted) ** self.gamma
        if self.scale == "asinh":
            assert self.linear_width is not None
            return _asinh(values, self.linear_width)
        return values + (self.origin or 0.0)

    def _inverse(self, u: np.ndarray) -> np.ndarray:
        if self.scale == "log":
            return (self.origin or 0.0) + 10.0**u
        if self.scale == "symlog":
            assert self.linthresh is not None
            return _symlog_inverse(u, self.linthresh)
        if self.scale == "power":
            assert self.gamma is not None
            return self.values[0] + np.sign(u) * np.abs(u) ** (1.0 / self.gamma)
        if self.scale == "asinh":
            assert self.linear_width is not None
            with np.errstate(over="ignore"):
                return (self.origin or 0.0) + self.linear_width * np.sinh(u / self.linear_width)
        return u

    def _points(self) -> tuple[np.ndarray, np.ndarray]:
        """(pixels, transformed values), pixels ascending."""
        p = np.array(self.pixels)
        u = self._forward(np.array(self.values))
        order = np.argsort(p)
        return p[order], u[order]

    def value(self, pixel: Any, /) -> np.ndarray:
        """Value at pixel positions (array_like of float)."""
        p, u = self._points()
        x = np.asarray(pixel, dtype=np.float64)
        # piecewise linear through the points, the end pieces extended
        k = np.clip(np.searchsorted(p, x) - 1, 0, len(p) - 2)
        t = u[k] + (x - p[k]) * (u[k + 1] - u[k]) / (p[k + 1] - p[k])
        return self._inverse(t)

    def pixel(self, value: Any, /) -> np.ndarray:
        """Pixel positions of values (NaN for non-positive values on a log scale)."""
        p, u = self._points()
        order = np.argsort(u)
        p, u = p[order], u[order]
        t = self._forward(value)
        k = np.clip(np.searchsorted(u, t) - 1, 0, len(u) - 2)
        with np.errstate(invalid="ignore"):
            return p[k] + (t - u[k]) * (p[k + 1] - p[k]) / (u[k + 1] - u[k])

    def to_dict(self) -> dict[str, Any]:
        """The JSON form used by calibration files."""
        out: dict[str, Any] = {"scale": self.scale, "pixels": list(self.pixels), "values": list(self.values)}
        if self.linthresh is not None:
            out["linthresh"] = self.linthresh
        if self.gamma is not None:
            out["gamma"] = self.gamma
        for name in ("linear_width", "origin"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AxisScale:
        """Inverse of :meth:`to_dict`."""
        return cls(
            str(data.get("scale", "linear")), tuple(data["pixels"]), tuple(data["values"]),
            data.get("linthresh"), data.get("gamma"), data.get("linear_width"), data.get("origin"),
        )  # fmt: skip


@dataclass(frozen=True)
class ScaleFit:
    """A fitted scale and how well the labels agree with it.

    Attributes
    ----------
    scale : AxisScale
        The scale fitted to the agreeing labels.
    inliers : numpy.ndarray
        bool, per label: whether it agrees.
    residual : float
        RMS distance (pixels) of the agreeing labels from their ticks.
    residuals : numpy.ndarray
        float64, per label: the distance (pixels) between where the scale
        puts its value and where it stands (inf where the scale cannot put it).
    """

    scale: AxisScale
    inliers: np.ndarray
    residual: float
    residuals: np.ndarray


def _best_line(
    p: np.ndarray, u: np.ndarray, tol: float, anchor: int | None = None
) -> tuple[tuple[int, float], np.ndarray] | None:
    """RANSAC over point pairs (through ``anchor`` when given): (count, -residual sum), inliers."""
    best = None
    pairs = ((anchor, j) for j in range(len(p)) if j != anchor) if anchor is not None else itertools.combinations(range(len(p)), 2)
    for i, j in pairs:
        if p[i] == p[j] or u[i] == u[j] or not (math.isfinite(u[i]) and math.isfinite(u[j])):
            continue
        slope = (u[j] - u[i]) / (p[j] - p[i])
        with np.errstate(invalid="ignore"):
            residual = np.abs(p[i] + (u - u[i]) / slope - p)
        inliers = residual <= tol
        key = (int(inliers.sum()), -float(residual[inliers].sum()))
        if best is None or key > best[0]:
            best = (key, inliers)
    return best


def _probe(scale: str, parameter: float | None) -> AxisScale:
    """A scale of that kind and parameter (symlog's linthresh, asinh's linear_width), for its transform."""
    if scale == "asinh":
        return AxisScale(scale, (0.0, 1.0), (1.0, 10.0), linear_width=parameter)
    return AxisScale(scale, (0.0, 1.0), (1.0, 10.0), parameter)


def _refine(scale: str, p: np.ndarray, v: np.ndarray, u: np.ndarray, inliers: np.ndarray,
            parameter: float | None = None) -> AxisScale | None:  # fmt: skip
    """Least squares over the inliers: the scale through the ends of their span."""
    slope, intercept = np.polyfit(p[inliers], u[inliers], 1)
    if slope == 0 or not math.isfinite(slope):
        return None
    ends = np.array([p[inliers].min(), p[inliers].max()])
    probe = _probe(scale, parameter)
    values = probe._inverse(intercept + slope * ends)
    return dataclasses.replace(probe, pixels=tuple(ends), values=tuple(values))


def _twoslope(
    p: np.ndarray, v: np.ndarray, tol: float, centre: float | None
) -> tuple[tuple[int, float], np.ndarray, AxisScale] | None:
    """Two lines meeting at a label (the centre), each side explaining at least three labels.

    At the expected ``centre`` (a colorbar's middle, where TwoSlopeNorm puts
    its centre) one more label on a side is enough: where the knee falls is
    evidence of its own.
    """
    best = None
    for c in range(len(p)):
        sides = [v <= v[c], v >= v[c]]
        least = 2 if centre is not None and abs(p[c] - centre) <= tol else 3
        found = []
        for side in sides:
            index = np.flatnonzero(side)
            if len(index) < least:
                break
            line = _best_line(p[index], v[index], tol, anchor=int(np.flatnonzero(index == c)[0]))
            if line is None or line[0][0] < least:
                break
            mask = np.zeros(len(p), dtype=bool)
            mask[index[line[1]]] = True
            found.append((line[0], mask))
        if len(found) < 2:
            continue
        key = (found[0][0][0] + found[1][0][0] - 1, found[0][0][1] + found[1][0][1])
        if best is None or key > best[0]:
            best = (key, found[0][1] | found[1][1], c, found[0][1], found[1][1])
    if best is None:
        return None
    key, inliers, c, low, high = best
    lines = []
    for side in (low, high):  # each side's line from its own labels, the knee's label left out where it can be
        others = side & (np.arange(len(p)) != c)
        lines.append(np.polyfit(p[others], v[others], 1) if others.sum() >= 2 else np.polyfit(p[side], v[side], 1))
    if any(line[0] == 0 for line in lines) or lines[0][0] == lines[1][0]:
        return None
    # the knee is where the lines meet: at the knee's label, or between two labels
    # (TwoSlopeNorm(vcenter=1) ticked -2.5, 0, 2.5: "0" lies on one line, the knee past it)
    knee = float((lines[1][1] - lines[0][1]) / (lines[0][0] - lines[1][0]))
    if abs(knee - p[c]) <= tol:
        # the centre's position: where each side's line puts the centre value, averaged
        knee, knee_value = float(np.mean([(v[c] - b) / a for a, b in lines])), float(v[c])
    else:
        worth = 1.5 * max(abs(lines[0][0]), abs(lines[1][0]))  # a pixel and a half's
        knee_value = round_within(float(np.polyval(lines[0], knee)), worth)
    centre = knee
    ends = [p[low][np.argmin(v[low])], p[high][np.argmax(v[high])]]
    values = (float(np.polyval(lines[0], ends[0])), knee_value, float(np.polyval(lines[1], ends[1])))
    try:
        scale = AxisScale("twoslope", (float(ends[0]), centre, float(ends[1])), values)
    except InputError:  # the two lines do not meet between the ends
        return None
    return key, inliers, scale


def _symlog_candidates(v: np.ndarray) -> list[float]:
    """Powers of ten to try as linthresh: labels at or below 0, and a decade or more apart.

    A decade is enough (``-10, -1, 0, 1, 10`` is SymLogNorm(linthresh=1)'s bar):
    a symlog scale still has to explain more labels than the linear one.
    """
    nonzero = np.abs(v[v != 0])
    # a log scale cannot show 0 or negatives: symlog is tried only when labels do
    if len(nonzero) < 2 or not np.any(v <= 0):
        return []
    low, high = np.log10(nonzero.min()), np.log10(nonzero.max())
    if high - low < 1.0 - 1e-9:
        return []
    return [10.0**k for k in range(int(np.floor(low)) - 1, int(np.ceil(high)))]


def _asinh_candidates(v: np.ndarray) -> list[float]:
    """linear_width values to try: 1, 2 and 5 times the powers of ten over the labels' magnitudes (a decade or more).

    As for symlog, only where a label stands at or below 0: labels all
    positive are a log scale's (an AsinhNorm bar whose labels are all
    positive is read log, nearly right above its linear_width).
    """
    nonzero = np.abs(v[v != 0])
    if len(v) < 4 or len(nonzero) < 2 or not np.any(v <= 0):
        return []
    low, high = np.log10(nonzero.min()), np.log10(nonzero.max())
    if high - low < 1.0 - 1e-9:
        return []
    return [m * 10.0**k for k in range(int(np.floor(low)) - 1, int(np.ceil(high)) + 1) for m in (1.0, 2.0, 5.0)]


def _asinh_width(p: np.ndarray, v: np.ndarray, inliers: np.ndarray, start: float) -> float:
    """The linear_width (within a factor of three of ``start``) whose line puts the agreeing labels nearest their ticks."""
    from scipy.optimize import minimize_scalar

    def misfit(log_width: float) -> float:
        u = _asinh(v[inliers], 10.0**log_width)
        slope, intercept = np.polyfit(p[inliers], u, 1)
        return float(np.sum(((u - intercept) / slope - p[inliers]) ** 2)) if slope else np.inf

    centre = math.log10(start)
    found = minimize_scalar(misfit, bounds=(centre - 0.5, centre + 0.5), method="bounded", options={"xatol": 1e-4})
    return float(10.0**found.x) if found.success and found.fun <= misfit(centre) else start


def fit_scale(
    positions: Any,
    values: Any,
    /,
    *,
    tolerance: float | None = None,
    powers: bool = False,
    centre: float | None = None,
) -> ScaleFit | None:
    """Fit value against position, outvoting misread labels; the labels pick the scale.

    A log, symlog or two-slope scale is chosen only when it explains more
    labels than the linear one (and symlog or two-slope more than log);
    labels written as powers of ten (``powers``) make log win a tie.

    Parameters
    ----------
    positions : array_like of float
        Pixel positions of the ticks (edge coordinates).
    values : array_like of float
        The values their labels read.
    tolerance : float, optional
        Pixels a label may sit from the fitted line and still count; by
        default 12% of the median tick spacing, at least 1.5.
    powers : bool
        The labels are written as powers of ten (``10^k``), as matplotlib
        writes a log axis's: with two labels, or as many agreeing either way,
        the axis is log.
    centre : float, optional
        Where a two-slope scale's centre is expected (a colorbar's middle).

    Returns
    -------
    ScaleFit or None
        None when fewer than two labels agree (or, with four labels or
        more, fewer than three).

    Examples
    --------
    >>> fit = fit_scale([10, 60, 110, 160, 210], [0, 5, 10, 51, 20])  # "15" misread as 51
    >>> fit.scale.scale, fit.inliers.tolist(), round(float(fit.scale.value(185.0)), 6)
    ('linear', [True, True, True, False, True], 17.5)
    >>> fit_scale([10, 60, 110], [0.01, 0.1, 1.0]).scale.scale
    'log'
    >>> fit_scale([10, 60], [1.0, 10.0]).scale.scale, fit_scale([10, 60], [1.0, 10.0], powers=True).scale.scale
    ('linear', 'log')
    >>> [round(v, 9) for v in fit_scale([0, 10, 20, 30, 40, 100, 160], [40, 30, 20, 10, 0, -10, -20]).scale.values]
    [-20.0, 0.0, 40.0]
    """
    p = np.asarray(positions, dtype=np.float64)
    v = np.asarray(values, dtype=np.float64)
    n = len(p)
    if n < 2:
        return None
    spacing = np.median(np.diff(np.sort(p))) if n > 2 else abs(p[1] - p[0])
    tol = max(1.5, 0.12 * spacing) if tolerance is None else tolerance
    candidates: list[tuple[tuple[int, float], str, np.ndarray, float | None]] = []
    linear = _best_line(p, v, tol)
    if linear is not None:
        candidates.append((linear[0], "linear", linear[1], None))
    if np.sum(v > 0) >= 2:
        with np.errstate(divide="ignore", invalid="ignore"):
            log = _best_line(p, np.where(v > 0, np.log10(np.abs(v)), np.nan), tol)
        if log is not None:
            candidates.append((log[0], "log", log[1], None))
    for linthresh in _symlog_candidates(v):
        line = _best_line(p, _symlog(v, linthresh), tol)
        if line is not None:
            candidates.append((line[0], "symlog", line[1], linthresh))
    for width in _asinh_candidates(v):  # last: a smooth knee explains labels symlog's sharp one cannot
        line = _best_line(p, _asinh(v, width), tol)
        if line is not None and line[0][0] >= 4:
            candidates.append((line[0], "asinh", line[1], width))
    if not candidates:
        return None
    # a richer model must explain more labels than every simpler one
    best = candidates[0]
    for candidate in candidates[1:]:
        if candidate[1] == best[1]:
            best = max(best, candidate, key=lambda c: c[0])
        elif candidate[0][0] > best[0][0] or (powers and candidate[1] == "log" and candidate[0][0] == best[0][0]):
            best = candidate
        elif candidate[1] == "asinh" and best[1] == "symlog" and candidate[0][0] == best[0][0]:
            # as many labels on either knee: the smooth one where it puts them far nearer their ticks
            if -candidate[0][1] < 0.5 * -best[0][1] - 1.0:
                best = candidate
    (count, _), name, inliers, parameter = best
    if name == "asinh" and parameter is not None:
        parameter = _asinh_width(p, v, inliers, parameter)
    fitted = None
    if n >= 5:
        two = _twoslope(p, v, tol, centre)
        if two is not None and two[0][0] > count:
            count, inliers, fitted = two[0][0], two[1], two[2]
    if count < 2 or (n >= 4 and count < 3):
        return None
    if fitted is None:
        fitted = _refine(name, p, v, _probe(name, parameter)._forward(v), inliers, parameter)
        if fitted is None:
            return None
    with np.errstate(invalid="ignore"):
        residuals = np.abs(fitted.pixel(v) - p)
    residuals[~np.isfinite(residuals)] = np.inf
    residual = float(np.sqrt(np.mean(residuals[inliers] ** 2)))
    return ScaleFit(fitted, inliers, residual, residuals)


def refined_fit(
    misfit: Any, fraction: np.ndarray, values: np.ndarray, grid: np.ndarray, inverse: Any
) -> np.ndarray | None:
    """(vmin, vmax, log k) of a scale with one shape parameter k: started from the ``grid``'s
    k whose ``values`` lie nearest a line in ``inverse(fraction, k)`` (the scale's inverse
    of the bar fraction), then all three refined by Levenberg-Marquardt on ``misfit``
    (pixels). None where that line is flat."""
    from scipy.optimize import least_squares

    starts = []
    for k in grid:
        line = np.polyfit(inverse(fraction, k), values, 1, full=True)
        starts.append((float(line[1][0]) if len(line[1]) else 0.0, k, *line[0]))
    _, k, slope, intercept = min(starts)
    if slope == 0:
        return None
    return least_squares(misfit, [intercept, intercept + slope, math.log(k)], method="lm").x


def fit_power(positions: Any, values: Any, ends: tuple[float, float], /) -> ScaleFit | None:
    """A power scale (PowerNorm) through a bar's labels, its ends at ``vmin`` and ``vmax``.

    Evenly spaced values stand at positions following ``x**gamma`` along the
    bar: at each ``gamma`` tried, the values are linear in the bar fraction
    to the power ``1 / gamma``; the ``gamma`` whose line puts the labels
    nearest their ticks wins, the line gives ``vmin`` and ``vmax``. Every
    label must agree (within 1.5 pixels, the RMS within one): a misread
    label is left to the simpler scales, which outvote it. None when fewer
    than four labels, or when ``gamma`` is within 5% of 1 (a linear bar).

    Examples
    --------
    >>> fraction = (np.array([0, 20, 40, 60, 80, 100]) / 100.0) ** 0.5
    >>> fit = fit_power(300 - 250 * fraction, [0, 20, 40, 60, 80, 100], (300.0, 50.0))
    >>> fit.scale.scale, round(fit.scale.gamma, 3), [round(v, 3) for v in fit.scale.values]
    ('power', 0.5, [0.0, 100.0])
    """
    p = np.asarray(positions, dtype=np.float64)
    v = np.asarray(values, dtype=np.float64)
    low, high = (float(e) for e in ends)
    if len(p) < 4 or low == high:
        return None
    fraction = (p - low) / (high - low)
    if np.any(fraction < -0.01) or np.any(fraction > 1.01):
        return None
    # a label's tick a pixel or two past an end found short (a dark end lost in the outline): the end is there
    low, high = (min(low, p.min()), max(high, p.max())) if high > low else (max(low, p.max()), min(high, p.min()))
    fraction = np.clip((p - low) / (high - low), 0.0, 1.0)

    def misfit(params: np.ndarray) -> np.ndarray:
        vmin, vmax, log_gamma = params
        share = np.clip((v - vmin) / (vmax - vmin), 0.0, None)
        return low + (high - low) * share ** math.exp(log_gamma) - p

    # (near vmin a small change of it moves a label far: refined in pixels)
    solved = refined_fit(misfit, fraction, v, np.geomspace(0.1, 10.0, 81),
                         lambda f, gamma: f ** (1.0 / gamma))  # fmt: skip
    if solved is None:
        return None
    vmin, vmax, log_gamma = solved
    try:
        scale = AxisScale("power", (low, high), (float(vmin), float(vmax)), gamma=math.exp(log_gamma))
    except InputError:
        return None
    residuals = np.abs(misfit(solved))
    rms = float(np.sqrt(np.mean(residuals**2)))
    best = (rms, scale, residuals)
    if abs(log_gamma) < math.log(1.05) or rms > 1.0 or residuals.max() > 1.5:
        return None
    return ScaleFit(best[1], np.ones(len(p), dtype=bool), best[0], best[2])

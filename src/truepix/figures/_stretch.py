"""A bar whose labels follow a stretch from ``vmin``: PowerNorm, astropy's asinh and log ones.

astropy's ``ImageNormalize(stretch=...)`` and matplotlib's ``PowerNorm``
put evenly spaced values at positions that bend along the bar, the bend
starting at ``vmin``; the bar's ends fix where ``vmin`` and ``vmax`` stand.
Three families of one parameter each are fitted to the labels, in pixels:

* ``power`` (PowerNorm, ``SqrtStretch``, ``PowerStretch``): ``x**gamma``;
* ``asinh`` from ``vmin`` (``AsinhStretch(a)``): ``asinh(x / a) / asinh(1 / a)``;
* ``log`` from below ``vmin`` (``LogStretch(a)``): ``log(a x + 1) / log(a + 1)``;

where ``x = (v - vmin) / (vmax - vmin)``. Trial 50 read an ``AsinhStretch``
bar as a two-slope norm (values 31 % off, confidence 0.13) and a
``LogStretch`` bar as a power one at confidence 1.0. The family that puts
every label nearest its tick wins; where another puts them about as near,
the reading says the norm may be either.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from truepix.errors import InputError
from truepix.figures._scale import AxisScale, ScaleFit, fit_power, refined_fit

__all__ = ["fit_stretch"]

_WORST = 1.5  # pixels: every label this near its tick ...
_RMS = 1.0  # ... and the RMS this small
_ALIKE = 0.25  # pixels RMS: two families this close explain the labels alike
_BENT = 2.0  # pixels: a stretch bending less from a straight bar is a linear one
_LOG_A = 25.0  # |log a| past this: no stretch (a fit run off to a straight line or a step)


def _asinh_share(x: np.ndarray, a: float) -> np.ndarray:
    return np.arcsinh(x / a) / math.asinh(1.0 / a)


def _log_share(x: np.ndarray, a: float) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.log1p(a * np.maximum(x, -1.0 / a + 1e-12)) / math.log1p(a)


def _family(name: str, p: np.ndarray, v: np.ndarray, low: float, high: float) -> ScaleFit | None:
    """The asinh or log stretch from ``vmin`` through the labels, or None."""
    share = _asinh_share if name == "asinh" else _log_share
    grid = np.geomspace(0.01, 1.0, 25) if name == "asinh" else np.geomspace(3.0, 1e5, 25)

    def misfit(params: np.ndarray) -> np.ndarray:
        vmin, vmax, log_a = params
        if vmax == vmin:
            return np.full(len(p), 1e6)
        # (a ranging far in a bad fit: kept where exp and the share stay finite)
        a = math.exp(min(max(log_a, -_LOG_A), _LOG_A))
        with np.errstate(all="ignore"):
            return low + (high - low) * share((v - vmin) / (vmax - vmin), a) - p

    fraction = np.clip((p - low) / (high - low), 0.0, 1.0)
    if name == "asinh":  # (the stretch's inverse of the bar fraction)
        inverse = lambda f, a: np.sinh(f * math.asinh(1.0 / a)) * a  # noqa: E731
    else:
        inverse = lambda f, a: np.expm1(f * math.log1p(a)) / a  # noqa: E731
    solved = refined_fit(misfit, fraction, v, grid, inverse)
    if solved is None:
        return None
    vmin, vmax, log_a = (float(x) for x in solved)
    residuals = np.abs(misfit(solved))
    if not np.all(np.isfinite(residuals)) or vmax == vmin or abs(log_a) >= _LOG_A:
        return None
    a, span = math.exp(log_a), vmax - vmin
    try:
        if name == "asinh":
            width = a * span
            scale = AxisScale("asinh", (low, high), (vmin, vmax), linear_width=width, origin=vmin)
        else:
            scale = AxisScale("log", (low, high), (vmin, vmax), origin=vmin - span / a)
    except InputError:
        return None
    x = np.linspace(0.0, 1.0, 101)
    if np.abs(share(x, a) - x).max() * abs(high - low) < _BENT:  # a straight bar's labels
        return None
    rms = float(np.sqrt(np.mean(residuals**2)))
    return ScaleFit(scale, np.ones(len(p), dtype=bool), rms, residuals)


def fit_stretch(
    positions: Any, values: Any, ends: tuple[float, float], /
) -> tuple[ScaleFit, str] | None:
    """The stretch (power, asinh or log from ``vmin``) that puts every label on its tick.

    Parameters
    ----------
    positions, values : array_like of float
        The labels' tick positions (pixels) and values.
    ends : (float, float)
        Pixel positions of the bar's low and high ends.

    Returns
    -------
    (ScaleFit, str) or None
        The best fit, every label within 1.5 pixels and the RMS within one,
        and a note ("" or naming another family that fits about as well);
        None when no family fits (or fewer than four labels).

    Examples
    --------
    >>> x = np.linspace(0, 1, 7)
    >>> fraction = np.arcsinh(x / 0.1) / np.arcsinh(10.0)
    >>> fit, note = fit_stretch(300 - 250 * fraction, 100 + 200 * x, (300.0, 50.0))
    >>> fit.scale.scale, round(fit.scale.linear_width / 200, 3), round(fit.scale.origin, 3)
    ('asinh', 0.1, 100.0)
    """
    p = np.asarray(positions, dtype=np.float64)
    v = np.asarray(values, dtype=np.float64)
    if len(p) < 4:
        return None
    low, high = (float(e) for e in ends)
    fits = [fit_power(p, v, (low, high))]
    fraction = (p - low) / (high - low) if low != high else np.full(len(p), np.nan)
    if np.all(fraction > -0.01) and np.all(fraction < 1.01):
        fits += [_family(name, p, v, low, high) for name in ("asinh", "log")]
    fitting = sorted(
        (f for f in fits if f is not None and f.residual <= _RMS and f.residuals.max() <= _WORST),
        key=lambda f: f.residual,
    )
    if not fitting:
        return None
    best = fitting[0]
    note = ""
    if len(fitting) > 1 and fitting[1].residual <= best.residual + _ALIKE:
        both = f"{_named(best.scale)} and {_named(fitting[1].scale)}"
        note = f"the labels fit {both} alike: the norm may be either"
    return best, note


def _named(scale: AxisScale) -> str:
    if scale.scale == "power":
        return f"a power stretch (gamma {scale.gamma:.2f})"
    article = "an" if scale.scale == "asinh" else "a"
    return f"{article} {scale.scale} stretch from {scale.origin:.4g}"

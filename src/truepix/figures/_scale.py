"""Pixel position <-> value along an axis or a colorbar, fitted robustly to the ticks read.

Tick labels stand at evenly spaced positions and show an arithmetic (linear
axis) or geometric (log axis) progression. One misread label must not
move the range, so the fit is RANSAC (Fischer & Bolles 1981): every pair of
ticks proposes a line, the line that puts the most labels within a pixel
or two of their ticks wins, and a least-squares fit over those inliers
refines it. Whether the axis is log is decided by the labels themselves:
the log model must explain more of them than the linear one.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["AxisScale", "ScaleFit", "fit_scale"]


@dataclass(frozen=True)
class AxisScale:
    """The value at every pixel position along one direction of a picture.

    Positions are in pixel-edge coordinates: pixel ``j`` spans ``[j, j + 1)``,
    its centre is ``j + 0.5``.

    Attributes
    ----------
    scale : str
        ``"linear"`` or ``"log"`` (base 10).
    pixels : tuple of float
        Two positions ...
    values : tuple of float
        ... and the values there; every other position follows the scale.

    Examples
    --------
    >>> s = AxisScale("log", (100.0, 200.0), (1.0, 10.0))
    >>> float(s.value(150.0)), float(s.pixel(100.0))
    (3.1622776601683795, 300.0)
    """

    scale: str
    pixels: tuple[float, float]
    values: tuple[float, float]

    def __post_init__(self) -> None:
        if self.scale not in ("linear", "log"):
            msg = f"expected scale 'linear' or 'log', got {self.scale!r}"
            raise ValueError(msg)
        object.__setattr__(self, "pixels", tuple(float(p) for p in self.pixels))
        object.__setattr__(self, "values", tuple(float(v) for v in self.values))
        if self.pixels[0] == self.pixels[1]:
            msg = f"expected two different pixel positions, got {self.pixels}"
            raise ValueError(msg)
        if self.scale == "log" and min(self.values) <= 0:
            msg = f"expected positive values on a log scale, got {self.values}"
            raise ValueError(msg)

    def _forward(self, values: Any) -> np.ndarray:
        values = np.asarray(values, dtype=np.float64)
        return np.log10(values) if self.scale == "log" else values

    def value(self, pixel: Any, /) -> np.ndarray:
        """Value at pixel positions (array_like of float)."""
        (p0, p1), (u0, u1) = self.pixels, self._forward(self.values)
        u = u0 + (np.asarray(pixel, dtype=np.float64) - p0) * (u1 - u0) / (p1 - p0)
        return 10.0**u if self.scale == "log" else u

    def pixel(self, value: Any, /) -> np.ndarray:
        """Pixel positions of values (NaN for non-positive values on a log scale)."""
        (p0, p1), (u0, u1) = self.pixels, self._forward(self.values)
        with np.errstate(divide="ignore", invalid="ignore"):
            u = self._forward(value)
        return p0 + (u - u0) * (p1 - p0) / (u1 - u0)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form used by calibration files."""
        return {"scale": self.scale, "pixels": list(self.pixels), "values": list(self.values)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AxisScale:
        """Inverse of :meth:`to_dict`."""
        return cls(str(data.get("scale", "linear")), tuple(data["pixels"]), tuple(data["values"]))


@dataclass(frozen=True)
class ScaleFit:
    """A fitted scale, which ticks agreed with it, and how well (RMS, pixels)."""

    scale: AxisScale
    inliers: np.ndarray
    residual: float


def _line(p: np.ndarray, u: np.ndarray) -> tuple[float, float]:
    slope, intercept = np.polyfit(p, u, 1)
    return float(slope), float(intercept)


def fit_scale(
    positions: Any, values: Any, /, *, tolerance: float | None = None
) -> ScaleFit | None:
    """Fit value against position, linear or log, outvoting misread labels.

    Parameters
    ----------
    positions : array_like of float
        Pixel positions of the ticks (edge coordinates).
    values : array_like of float
        The values their labels read.
    tolerance : float, optional
        Pixels a label may sit from the fitted line and still count; by
        default 12% of the median tick spacing, at least 1.5.

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
    """
    p = np.asarray(positions, dtype=np.float64)
    v = np.asarray(values, dtype=np.float64)
    n = len(p)
    if n < 2:
        return None
    spacing = np.median(np.diff(np.sort(p))) if n > 2 else abs(p[1] - p[0])
    tol = max(1.5, 0.12 * spacing) if tolerance is None else tolerance
    best: tuple[tuple[int, float], str, np.ndarray] | None = None
    for scale in ("linear", "log"):
        if scale == "log" and np.any(v <= 0):
            continue
        u = np.log10(np.abs(v) + (v == 0)) if scale == "log" else v
        for i, j in itertools.combinations(range(n), 2):
            if p[i] == p[j] or u[i] == u[j]:
                continue
            slope = (u[j] - u[i]) / (p[j] - p[i])
            predicted = p[i] + (u - u[i]) / slope
            residual = np.abs(predicted - p)
            inliers = residual <= tol
            key = (int(inliers.sum()), -float(residual[inliers].sum()))
            if scale == "log" and best is not None and best[1] == "linear":
                # log must explain more labels than linear to be chosen
                if key[0] <= best[0][0]:
                    continue
            elif best is not None and key <= best[0]:
                continue
            best = (key, scale, inliers)
    if best is None:
        return None
    (count, _), scale, inliers = best
    if count < 2 or (n >= 4 and count < 3):
        return None
    u = np.log10(v[inliers]) if scale == "log" else v[inliers]
    slope, intercept = _line(p[inliers], u)
    if slope == 0 or not math.isfinite(slope):
        return None
    ends = (float(p[inliers].min()), float(p[inliers].max()))
    ends_u = [intercept + slope * e for e in ends]
    ends_v = tuple(10.0**e if scale == "log" else e for e in ends_u)
    fitted = AxisScale(scale, ends, ends_v)  # type: ignore[arg-type]
    residual = float(np.sqrt(np.mean((fitted.pixel(v[inliers]) - p[inliers]) ** 2)))
    return ScaleFit(fitted, inliers, residual)

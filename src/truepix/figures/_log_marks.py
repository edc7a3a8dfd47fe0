"""A log colorbar read from its tick marks when its labels overlap.

A horizontal LogNorm bar spanning less than two decades (``LogNorm(20, 800)``)
is labelled on its minor ticks too (``2×10¹ 3×10¹ … 6×10²``); matplotlib draws
those labels wider than their spacing, they overlap, and the OCR reads a run
of them as one garbled text. The tick marks are still plain: a long one at
each power of ten, short ones at 2-9 times it, all on one log scale. One
power of ten read at a long mark (``10²``) fixes the decade; from it, the
short marks going up are 2, 3, … 9 times that power, the next long mark the
next power, and so on down. When every mark then lies within a pixel and a
half of one straight line in log10 of its value, that line is the scale.
The values taken from the marks are named in the reading's ``guess``.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from truepix.color._identify._colorbar import Colorbar
from truepix.figures._labels import Tick
from truepix.figures._model import AxisReading
from truepix.figures._numbers import is_power
from truepix.figures._scale import AxisScale

__all__ = ["log_from_marks"]

_SNAP = 1.5  # pixels between a label's position and the long mark it stands on
_RESIDUAL = 1.5  # pixels every mark may lie off the fitted log line


def _values(order: np.ndarray, major: np.ndarray, start: int, exponent: int) -> np.ndarray | None:
    """Each mark's value (``order``: the marks in the direction values rise), or None where the pattern breaks."""
    values = np.full(len(order), np.nan)
    for direction in (1, -1):
        mantissa, power = 1, exponent
        for k in range(start, len(order) if direction == 1 else -1, direction):
            if k != start:
                mantissa += direction
                if mantissa == 10:
                    mantissa, power = 1, power + 1
                elif mantissa == 0:
                    mantissa, power = 9, power - 1
            if (mantissa == 1) != bool(major[k]):  # a power of ten stands on a long mark, the rest on short ones
                return None
            values[k] = mantissa * 10.0**power
    return values


def log_from_marks(reading: AxisReading, bar: Colorbar) -> AxisReading | None:
    """The log scale the bar's tick marks give around one power of ten read at a long mark; None when they give none."""
    agreeing = [t for t in reading.ticks if t.value is not None and t.inlier]
    if len(agreeing) >= 3 or len(reading.marks) < 1 or len(reading.minor) < 4:
        return None
    anchors = [t for t in reading.ticks if t.value is not None and t.value > 0 and is_power(t.text)]
    anchors = [t for t in anchors if np.min(np.abs(reading.marks - t.position)) <= _SNAP]
    if len(anchors) != 1:
        return None
    anchor = anchors[0]
    positions = np.concatenate([reading.marks, reading.minor]).astype(np.float64)
    major = np.concatenate([np.ones(len(reading.marks), bool), np.zeros(len(reading.minor), bool)])
    # values rise along a horizontal bar's positions and against a vertical one's (rows grow downward)
    rising = bar.orientation == "horizontal"
    order = np.argsort(positions if rising else -positions)
    positions, major = positions[order], major[order]
    start = int(np.argmin(np.abs(positions - anchor.position)))
    values = _values(positions, major, start, round(float(np.log10(anchor.value))))
    if values is None:
        return None
    slope, intercept = np.polyfit(np.log10(values), positions, 1)
    residuals = positions - (intercept + slope * np.log10(values))
    if np.abs(residuals).max() > _RESIDUAL:
        return None
    low, high = float(values[0]), float(values[-1])
    scale = AxisScale("log", (intercept + slope * np.log10(low), intercept + slope * np.log10(high)), (low, high))
    taken = [
        Tick(f"({v:g})", float(v), float(p), (0, 0, 0, 0), True, 0.0, True)
        for p, v in zip(positions, values, strict=True)
        if abs(p - anchor.position) > _SNAP
    ]
    for tick in reading.ticks:
        tick.inlier = tick is anchor if tick.value is not None else tick.inlier
    ticks = [*reading.ticks, *taken]
    off = [t.position - (intercept + slope * np.log10(t.value)) if t.value and t.value > 0 else np.inf for t in ticks if t.value is not None]
    guess = (
        f"only {anchor.text} was read among overlapping labels: the other ticks' values "
        f"({low:g} .. {high:g}) are taken from the log tick marks around it"
    )
    return dataclasses.replace(
        reading, scale=scale, ticks=ticks, residual=float(np.sqrt(np.mean(residuals**2))),
        residuals=np.array(off), guess=guess, source="ticks",
    )  # fmt: skip

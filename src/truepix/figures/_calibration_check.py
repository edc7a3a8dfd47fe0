"""The types of a calibration's values, checked once where calibration JSON is read.

A well-formed calibration may still hold a value of the wrong type
(``{"vmin": "low"}``, a bbox of three numbers, a grid of floats): each is
refused here with one line naming the key, what it takes and what it got,
before anything is read with it.
"""

from __future__ import annotations

import numbers
from typing import Any

from truepix.errors import InputError

__all__ = ["check_panels"]

_BAR_NUMBERS = ("vmin", "vmax", "vcenter", "linthresh", "gamma", "linear_width", "origin")


def check_panels(panels: list[dict[str, Any]], /) -> None:
    """Raise InputError on the first calibration value whose type or shape is wrong.

    Examples
    --------
    >>> check_panels([{"colorbar": {"vmin": 0, "vmax": 2.5}, "grid": [3, 4]}])
    >>> check_panels([{"colorbar": {"vmin": "low"}}])
    Traceback (most recent call last):
    ...
    truepix.errors.InputError: expected a number for panels[0].colorbar.vmin, got 'low'
    """
    for k, panel in enumerate(panels):
        where = f"panels[{k}]"
        if panel.get("bbox") is not None:
            _numbers(panel["bbox"], f"{where}.bbox", 4)
        if panel.get("grid") is not None:
            grid = panel["grid"]
            if not (isinstance(grid, list) and len(grid) == 2 and all(_count(v) for v in grid)):
                _refuse(f"a grid [ny, nx] of two positive integers for {where}.grid", grid)
        bar = panel.get("colorbar")
        if bar is not None:
            _colorbar(bar, f"{where}.colorbar")
        for name in ("x", "y"):
            if panel.get(name) is not None:
                _axis(panel[name], f"{where}.{name}")


def _colorbar(bar: Any, where: str) -> None:
    if not isinstance(bar, dict):
        _refuse(f"an object or null for {where}", bar)
    if bar.get("bbox") is not None:
        _numbers(bar["bbox"], f"{where}.bbox", 4)
    if bar.get("orientation") not in (None, "vertical", "horizontal"):
        _refuse(f"'vertical' or 'horizontal' for {where}.orientation", bar["orientation"])
    for key, what in (("norm", "a norm name ('linear', 'log', ...)"), ("cmap", "a colormap name")):
        if bar.get(key) is not None and not isinstance(bar[key], str):
            _refuse(f"{what} for {where}.{key}", bar[key])
    for key in _BAR_NUMBERS:
        if bar.get(key) is not None and not _number(bar[key]):
            _refuse(f"a number for {where}.{key}", bar[key])
    levels = bar.get("levels")
    if levels is not None:
        if not isinstance(levels, dict):
            _refuse(f"an object with 'fractions' and 'values' for {where}.levels", levels)
        for key in ("fractions", "values"):
            _numbers(levels.get(key, []), f"{where}.levels.{key}", None)


def _axis(axis: Any, where: str) -> None:
    if not isinstance(axis, dict):
        _refuse(f"an object with 'pixels' and 'values', or null, for {where}", axis)
    if axis.get("scale") is not None and not isinstance(axis["scale"], str):
        _refuse(f"a scale name ('linear', 'log') for {where}.scale", axis["scale"])
    for key in ("pixels", "values"):
        if key in axis:
            _numbers(axis[key], f"{where}.{key}", None)
    if axis.get("linthresh") is not None and not _number(axis["linthresh"]):
        _refuse(f"a number for {where}.linthresh", axis["linthresh"])


def _number(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _count(value: Any) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool) and value > 0


def _numbers(values: Any, where: str, size: int | None) -> None:
    if not (isinstance(values, (list, tuple)) and (size is None or len(values) == size) and all(map(_number, values))):
        what = f"{size} numbers" if size else "a list of numbers"
        _refuse(f"{what} for {where}", values)


def _refuse(expected: str, got: Any) -> None:
    msg = f"expected {expected}, got {got!r:.60}"
    raise InputError(msg)

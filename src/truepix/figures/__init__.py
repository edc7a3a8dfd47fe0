"""Figures back to data: plot areas, colorbars, tick-label OCR, axes, the cell grid.

The public names are imported lazily; the OCR engine and xarray are needed
only when a figure is read (``pip install "truepix[figures]"``).

Examples
--------
>>> import truepix.figures as tf
>>> sorted(tf.__all__)
['FigureReading', 'Panel', 'parse_calibration', 'read_figure', 'write_report']
"""

from __future__ import annotations

from truepix._lazy import lazy_exports

_EXPORTS: dict[str, str] = {
    "read_figure": "truepix.figures._read",
    "FigureReading": "truepix.figures._model",
    "Panel": "truepix.figures._model",
    "parse_calibration": "truepix.figures._model",
    "write_report": "truepix.figures._report",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports("truepix.figures", _EXPORTS, globals())

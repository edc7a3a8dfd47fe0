"""The panel's ``xarray.DataArray``, built without xarray's dask check, and its axes' units and categories.

``xarray.DataArray(values, coords=...)`` asks, for the values and for each
coordinate, whether it is a dask array -- and the first such question imports
``dask.array`` when dask is installed (about 1 s of CPU on a first call, for
a reading that never holds a dask array). The values go in as a
``Variable`` and the coordinates as ``pandas.Index``: xarray takes both as
they are, and the result is identical (``xarray.testing.assert_identical``)
to the plain constructor's.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from truepix.errors import require
from truepix.figures._axes import tick_units
from truepix.figures._model import AxisReading
from truepix.figures._words import category_labels

__all__ = ["data_array", "label_coordinates"]


def data_array(values: np.ndarray, y: np.ndarray, x: np.ndarray, attrs: dict[str, Any]) -> Any:
    """``xarray.DataArray(values, dims=("y", "x"), coords={"y": y, "x": x}, attrs=attrs)``, dask left unimported.

    Examples
    --------
    >>> import xarray as xr
    >>> v, y, x = np.arange(6.0).reshape(2, 3), np.array([0.5, 1.5]), np.array([1.0, 2.0, 3.0])
    >>> plain = xr.DataArray(v, dims=("y", "x"), coords={"y": y, "x": x}, attrs={"cmap": "gray"})
    >>> data_array(v, y, x, {"cmap": "gray"}).identical(plain)
    True
    """
    xarray: Any = require("xarray", "figures")
    import pandas as pd  # an xarray dependency

    variable = xarray.Variable(("y", "x"), np.asarray(values), attrs, fastpath=True)
    coords = {"y": pd.Index(np.asarray(y), name="y"), "x": pd.Index(np.asarray(x), name="x")}
    return xarray.DataArray(variable, coords=coords)


def label_coordinates(data: Any, axes: dict[str, tuple[AxisReading, Any]], *, gridded: bool) -> Any:
    """The panel's DataArray with each axis's unit (``1 km``: ``m``) and, on a categorical axis of cells, its words.

    ``axes``: ``{"x": (reading, cell or pixel centres), "y": ...}``. Word
    labels one per cell become an ``x_category``/``y_category`` coordinate
    beside the pixel coordinates the unread axis keeps.
    """
    for name, (axis, centres) in axes.items():
        units = tick_units(axis.ticks)
        if units:
            data[name].attrs["units"] = units
        if axis.scale is None and gridded:
            words = category_labels([(t.text, t.position) for t in axis.ticks if t.value is None], centres)
            if words is not None:
                data = data.assign_coords({f"{name}_category": (name, words)})
    return data

"""Indexed maps' pictures (OpenCV's ``applyColorMap``) decode to the table's entries.

``cv2.applyColorMap`` takes 8-bit data only and paints value v with entry v: the data
behind an indexed map's picture (``ColormapEntry.indexed``, entry k standing for
k / (N - 1) of the range) are the entries' values and nothing between. A degraded
picture (JPEG, resized, noisy) decodes to positions between them; the entry nearest
the decoded value is the answer, as ``step=1`` gives for vmin=0, vmax=255. Measured
(trial 48 t51's pictures, cv2.imencode JPEG, benchmarks/bigfig/opencv_entries.py;
MAE in units of 255, decoded / at the nearest entry): jet smooth fields q95
0.24-0.25 / 0.02-0.07, q75 0.26-0.28 / 0.08-0.14; turbo and viridis alike (0.25-0.44 /
0.07-0.38); photographs and a DEM 1-2 % lower (1.12-3.42 / 1.09-3.39), none higher.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from truepix.color._decolorize import _kernels as kernels

__all__ = ["at_entries"]


def at_entries(decoder: Any, result: Any, exact: bool = False) -> Any:
    """``result`` with each value of an indexed map's picture moved to the nearest
    entry's (linear and log norms; values past the limits, NaN, a ``step`` or a
    ``BoundaryNorm`` left as they are); an ``exact`` picture's (at its entries already)
    and any other decoder's ``result`` as it is."""
    norm = decoder._norm
    values = result.values
    if (
        exact or not decoder._map.indexed or decoder.step is not None or norm.boundary
        or norm.kind not in (kernels.NORM_LINEAR, kernels.NORM_LOG) or values.size == 0
    ):  # fmt: skip
        return result
    steps = norm.indexed - 1
    log = norm.kind == kernels.NORM_LOG
    low, high = (np.log10(norm.vmin), np.log10(norm.vmax)) if log else (norm.vmin, norm.vmax)
    with np.errstate(invalid="ignore", divide="ignore"):
        at = ((np.log10(values) if log else values) - low) / (high - low)
        inside = (at >= 0.0) & (at <= 1.0)  # (NaN: False)
        found = low + np.rint(at * steps) * ((high - low) / steps)
    found = 10.0**found if log else found
    return replace(result, values=np.where(inside, found, values))

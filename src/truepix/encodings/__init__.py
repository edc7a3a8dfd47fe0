"""Named value <-> pixel encodings, each a forward/inverse pair with its domain.

========== ========================================================= =================
name       stored as                                                  error bound
========== ========================================================= =================
exact      the array itself (any numeric dtype)                       0 (bit for bit)
linear     8/16-bit gray: code = round((x - vmin) / step)             step / 2
terrain-rgb  Mapbox: h = -10000 + (R*65536 + G*256 + B) * 0.1          0.05 m
terrarium  h = R*256 + G + B/256 - 32768                              1/512 m
kitti-depth  uint16 gray: d = v / 256, 0 = invalid                      1/512 m
kitti-flow   uint16 RGB: u = (R - 2**15) / 64, v = (G - 2**15) / 64,     1/128 px
           B = valid
colormap   a heatmap picture (RGB(A) of a colormap)                   half a color bin
========== ========================================================= =================

(the float rounding of the inverse is added to each lossy bound)

The table is data: modules are imported only when an encoding is used.

Examples
--------
>>> from truepix import encodings
>>> encodings.get("terrain-rgb").name
'terrain-rgb'
>>> "exact" in encodings.names()
True
>>> encodings.get("exakt")
Traceback (most recent call last):
...
truepix.errors.UnknownEncodingError: expected an encoding name, got 'exakt'; did you mean 'exact'?
"""

from __future__ import annotations

import importlib

from truepix.encodings._base import Encoded, Encoding
from truepix.errors import UnknownEncodingError, did_you_mean

__all__ = ["Encoded", "Encoding", "get", "names"]

# name -> "module:attribute" of the encoding object
_REGISTRY: dict[str, str] = {
    "exact": "truepix.encodings._exact:EXACT",
    "linear": "truepix.encodings._linear:LINEAR",
    "terrain-rgb": "truepix.encodings._geo:TERRAIN_RGB",
    "terrarium": "truepix.encodings._geo:TERRARIUM",
    "kitti-depth": "truepix.encodings._kitti:KITTI_DEPTH",
    "kitti-flow": "truepix.encodings._kitti:KITTI_FLOW",
    "colormap": "truepix.encodings._colormap:COLORMAP",
}


def names() -> list[str]:
    """The names of every registered encoding."""
    return list(_REGISTRY)


def get(name: str) -> Encoding:
    """The encoding called ``name``; :class:`UnknownEncodingError` with a hint otherwise."""
    if not isinstance(name, str) or name not in _REGISTRY:
        hint = did_you_mean(name, _REGISTRY) if isinstance(name, str) else ""
        msg = f"expected an encoding name, got {name!r};{hint or ' choose one of ' + ', '.join(_REGISTRY)}"
        raise UnknownEncodingError(msg)
    module_name, attribute = _REGISTRY[name].split(":")
    encoding: Encoding = getattr(importlib.import_module(module_name), attribute)
    return encoding

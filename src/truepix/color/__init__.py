"""Colormaps both ways: data to pictures exactly like matplotlib, and back.

The public names are imported lazily, so ``import truepix.color`` stays cheap.

Examples
--------
>>> import numpy as np, truepix.color as tc
>>> tc.colorize(np.array([0.0, 1.0]), cmap="gray", vmin=0, vmax=1)[:, :3].tolist()
[[0, 0, 0], [255, 255, 255]]
"""

from __future__ import annotations

import importlib
from typing import Any

# public name -> module that defines it (imported on first access)
_EXPORTS: dict[str, str] = {
    "colorize": "truepix.color._colorize",
    "colormaps": "truepix.color._catalog",
    "catalog": "truepix.color._catalog",
    "ColormapEntry": "truepix.color._catalog",
    "get_norm": "truepix.color._norms",
    "identify_colormap": "truepix.color._identify",
    "ColormapMatch": "truepix.color._identify",
    "find_colorbar": "truepix.color._colorbar",
    "Colorbar": "truepix.color._colorbar",
    "decolorize": "truepix.color._decolorize",
    "Decolorizer": "truepix.color._decolorize",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    try:
        module_name = _EXPORTS[name]
    except KeyError:
        msg = f"module 'truepix.color' has no attribute {name!r}"
        raise AttributeError(msg) from None
    module = importlib.import_module(module_name)
    value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])

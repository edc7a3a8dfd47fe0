"""Colormaps both ways: data to pictures exactly like matplotlib, and back.

The public names are imported lazily, so ``import truepix.color`` stays cheap.

Examples
--------
>>> import numpy as np, truepix.color as tc
>>> tc.colorize(np.array([0.0, 1.0]), cmap="gray", vmin=0, vmax=1)[:, :3].tolist()
[[0, 0, 0], [255, 255, 255]]
"""

from __future__ import annotations

from truepix._lazy import lazy_exports

# public name -> module that defines it (imported on first access)
_EXPORTS: dict[str, str] = {
    "colorize": "truepix.color._colorize",
    "colormaps": "truepix.color._catalog",
    "catalog": "truepix.color._catalog",
    "ColormapEntry": "truepix.color._catalog",
    "get_norm": "truepix.color._norms",
    "identify_colormap": "truepix.color._identify._match",
    "ColormapMatch": "truepix.color._identify._match",
    "find_colorbar": "truepix.color._identify._colorbar",
    "Colorbar": "truepix.color._identify._colorbar",
    "decolorize": "truepix.color._decolorize._api",
    "Decolorizer": "truepix.color._decolorize._api",
    "DecolorizeResult": "truepix.color._decolorize._api",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports("truepix.color", _EXPORTS, globals())

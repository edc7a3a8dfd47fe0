"""truepix: pictures that keep their numbers.

Arrays saved as images and loaded back exactly (or within a stated bound),
colormapped pictures turned back into data, and fast statistics over image
stacks too large for memory.

The public names are imported lazily, so ``import truepix`` stays cheap.

Examples
--------
>>> import numpy as np, truepix as tp
>>> sorted(tp.__all__)[:3]
['Colorbar', 'ColormapMatch', 'Decolorizer']
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it (imported on first access)
_EXPORTS: dict[str, str] = {
    # 1. exact round trips
    "save": "truepix.io",
    "load": "truepix.io",
    "info": "truepix.io",
    "ImageInfo": "truepix.io",
    "encodings": "truepix.encodings",
    # 2. colormaps
    "colorize": "truepix.color",
    "decolorize": "truepix.color",
    "Decolorizer": "truepix.color",
    "identify_colormap": "truepix.color",
    "ColormapMatch": "truepix.color",
    "find_colorbar": "truepix.color",
    "Colorbar": "truepix.color",
    "colormaps": "truepix.color",
    # 3. stacks
    "pixel_histogram": "truepix.stacks",
    "equalize": "truepix.stacks",
    "stacks": "truepix.stacks",
    # 4. display
    "to_display": "truepix.display",
    "healpix_labels": "truepix.healpix",
    # errors
    "errors": "truepix.errors",
    "TruepixError": "truepix.errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    try:
        module_name = _EXPORTS[name]
    except KeyError:
        msg = f"module 'truepix' has no attribute {name!r}"
        raise AttributeError(msg) from None
    module = importlib.import_module(module_name)
    value = module if module_name.endswith("." + name) else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])

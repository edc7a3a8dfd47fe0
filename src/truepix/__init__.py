"""truepix: pictures that keep their numbers.

Arrays saved as images and loaded back exactly (or within a stated bound),
colormapped pictures turned back into data, and fast statistics over image
stacks too large for memory.

The public names are imported lazily, so ``import truepix`` stays cheap.

Examples
--------
>>> import numpy as np, truepix as tp
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "x.png"
>>> x = np.array([[np.nan, -0.0], [1e-310, 7.0]])
>>> tp.save(path, x).exact
True
>>> tp.load(path).tobytes() == x.tobytes()
True
"""

from __future__ import annotations

from truepix._lazy import lazy_exports

__version__ = "0.1.0"

# public name -> module that defines it (imported on first access)
_EXPORTS: dict[str, str] = {
    # 1. exact round trips
    "save": "truepix.io",
    "load": "truepix.io",
    "info": "truepix.io",
    "ImageInfo": "truepix.io",
    "encodings": "truepix.encodings",
    "io": "truepix.io",
    # 2. colormaps
    "colorize": "truepix.color",
    "decolorize": "truepix.color",
    "Decolorizer": "truepix.color",
    "DecolorizeResult": "truepix.color",
    "identify_colormap": "truepix.color",
    "ColormapMatch": "truepix.color",
    "find_colorbar": "truepix.color",
    "Colorbar": "truepix.color",
    "colormaps": "truepix.color",
    "color": "truepix.color",
    # 3. stacks
    "pixel_histogram": "truepix.stacks",
    "equalize": "truepix.stacks",
    "stacks": "truepix.stacks",
    # 4. display
    "to_display": "truepix.display",
    "healpix_labels": "truepix.display",
    "display": "truepix.display",
    # 5. figures
    "read_figure": "truepix.figures",
    "FigureReading": "truepix.figures",
    "Panel": "truepix.figures",
    "figures": "truepix.figures",
    "web": "truepix.web",
    # built-in synthetic data (demo, benchmarks, examples)
    "synthetic": "truepix.synthetic",
    # the command line
    "cli": "truepix.cli",
    # errors
    "errors": "truepix.errors",
    "TruepixError": "truepix.errors",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports("truepix", _EXPORTS, globals())

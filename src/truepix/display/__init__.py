"""Seeing the data right: display normalization, quick looks, HEALPix labels.

- :func:`to_display` -- any image to floats in [0, 1] by stated rules;
- :func:`preview_figure` -- the quick look ``truepix show`` writes: the data
  in its own units, with a colorbar and what the file guarantees;
- :func:`pixel_histogram_figure` -- one pixel's histogram from
  :func:`truepix.pixel_histogram` counts (``truepix hist --plot-pixel``);
- :func:`healpix_labels` -- a HEALPix map with a text label on every pixel;
- :func:`matplotlib_colormap` -- any colormap truepix knows (a catalog name,
  a Colormap, a color list, a Colorbar) as a matplotlib ``Colormap``.

The public names are imported lazily, so ``import truepix.display`` stays cheap.

Examples
--------
>>> import numpy as np, truepix.display as td
>>> td.to_display(np.array([[0, 255]], np.uint8))
array([[0., 1.]])
"""

from __future__ import annotations

from truepix._lazy import lazy_exports

# module (under truepix.display) -> the public names it defines, imported on first access
_MODULES: dict[str, tuple[str, ...]] = {
    "_normalize": ("to_display",),
    "_quicklook": ("preview_figure", "pixel_histogram_figure"),
    "_colormap": ("BAD_COLOR", "matplotlib_colormap"),
    "_healpix": ("healpix_labels", "PROJECTIONS", "MIN_READABLE_FONTSIZE"),
}
_EXPORTS = {
    name: f"truepix.display.{module}" for module, names in _MODULES.items() for name in names
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports("truepix.display", _EXPORTS, globals())

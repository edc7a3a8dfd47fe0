"""Colormaps for drawing: every map truepix knows, as a matplotlib ``Colormap``.

Names are resolved by the catalog's one resolver
(:func:`truepix.color._catalog.resolve`), so a name that works in
:func:`truepix.colorize` works in every figure too (``"cmocean:thermal"``,
``"opencv:jet"``, a color list, a :class:`~truepix.Colorbar`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from truepix._lazy import loaded_class

if TYPE_CHECKING:
    from matplotlib.colors import Colormap

__all__ = ["BAD_COLOR", "matplotlib_colormap"]

#: color of NaN, ±Inf and masked pixels in quick looks
BAD_COLOR = "#ff00ff"


def matplotlib_colormap(cmap: Any, /, *, bad: Any = None) -> Colormap:
    """Any colormap truepix knows, as a matplotlib ``Colormap``.

    Parameters
    ----------
    cmap : str, matplotlib Colormap, cmap.Colormap, Colorbar or array_like
        A name from :func:`truepix.colormaps`, a colormap object (returned as
        it is), a :class:`~truepix.Colorbar`, or an (N, 3) / (N, 4) list of
        colors from low to high (uint8 or floats in [0, 1]).
    bad : color, optional
        Color of invalid values. Default: the map's own (transparent for
        catalog maps).

    Returns
    -------
    matplotlib.colors.Colormap
        A catalog map's exact table (its under, over and bad colors kept).

    Raises
    ------
    UnknownColormapError
        A name not in the catalog (with a did-you-mean).
    UnsupportedDtypeError, ShapeError, InputError
        Something that is no colormap, or a color list that is not one.

    Examples
    --------
    >>> from truepix.display import matplotlib_colormap
    >>> thermal = matplotlib_colormap("cmocean:thermal")
    >>> thermal.name, thermal.N
    ('cmocean:thermal', 256)
    >>> matplotlib_colormap("viridis", bad="red").get_bad().tolist()
    [1.0, 0.0, 0.0, 1.0]
    """
    from matplotlib.colors import ListedColormap

    colormap_class = loaded_class("matplotlib.colors", "Colormap")
    if colormap_class is not None and isinstance(cmap, colormap_class):
        colormap = cmap
    else:
        from truepix.color._catalog import resolve

        entry = resolve(cmap)
        under, over, invalid = (_rgba(c) for c in (entry.under, entry.over, entry.bad))
        colormap = ListedColormap(entry.lut, name=entry.name).with_extremes(
            under=under, over=over, bad=invalid
        )
    return colormap if bad is None else colormap.with_extremes(bad=bad)


def _rgba(color: Any) -> tuple[float, float, float, float]:
    red, green, blue, alpha = (float(channel) for channel in color)
    return red, green, blue, alpha

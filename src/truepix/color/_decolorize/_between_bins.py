"""Advice for a continuous picture decoded with a BoundaryNorm of a few bins.

A BoundaryNorm decodes only the colors its bins paint (``BoundaryNorm([0, 1, 2],
256)`` paints two: the map's first and last entries). A picture drawn with the whole
map (an imshow with a plain Normalize) then comes back NaN wherever its colors lie
between those -- a third of a smooth field (trial 49), with no cause named. Such
pixels are the map's own colors: decoded along the whole map, they are data.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["between_bins_advice"]

_SAMPLE = 4096  # off-map pixels read at most (an even subsample)
_ON_MAP = 0.8  # share of them the whole map decodes, for the advice


def between_bins_advice(decoder: Any, pixels: np.ndarray, off: np.ndarray) -> str | None:
    """Advice to decode along the whole map when ``decoder``'s BoundaryNorm left NaN
    that the whole map decodes.

    Parameters
    ----------
    decoder : Decolorizer
        The decoder used (only one whose norm is a BoundaryNorm is judged).
    pixels : ndarray, shape (H, W, 3|4)
        The picture's pixels.
    off : ndarray of bool, shape (H, W)
        The pixels that came back NaN and are shown (not paper or transparent).

    Returns
    -------
    str or None
        "pass vmin=..., vmax=..." advice, or None.

    Examples
    --------
    >>> import matplotlib, matplotlib.colors as mc, truepix as tp
    >>> field = np.linspace(0, 2, 64 * 64).reshape(64, 64)
    >>> picture = matplotlib.colormaps["viridis"](field / 2, bytes=True)[..., :3]
    >>> decoder = tp.Decolorizer("viridis", norm=mc.BoundaryNorm([0, 1, 2], 256))
    >>> off = np.isnan(decoder._run(picture, detailed=False).values)
    >>> between_bins_advice(decoder, picture, off)[:60]
    "not the colors of the BoundaryNorm's 2 bins, but the map's c"
    """
    norm = getattr(decoder, "_norm", None)
    if norm is None or not getattr(norm, "boundary", False) or not off.any():
        return None
    from truepix.color._decolorize._api import Decolorizer
    from truepix.errors import InputError

    where = np.flatnonzero(off.reshape(-1))
    where = where[:: max(1, len(where) // _SAMPLE)]
    row = pixels.reshape(-1, pixels.shape[-1])[where][None, :, :3]
    try:
        whole = Decolorizer(decoder.cmap, vmin=norm.vmin, vmax=norm.vmax)
        whole = whole._run(row, detailed=False).values
    except InputError:
        return None  # (a map known only by its painted colors)
    if np.mean(~np.isnan(whole)) < _ON_MAP:
        return None
    given = getattr(norm.norm, "norm", norm.norm)  # (the matplotlib norm, wrapped)
    bins = len(getattr(given, "boundaries", ())) - 1
    return (
        f"not the colors of the BoundaryNorm's {bins} bins, but the map's colors between them"
        f" (a picture drawn with the whole map, not in levels?): pass vmin={norm.vmin:g},"
        f" vmax={norm.vmax:g} instead of the BoundaryNorm"
    )

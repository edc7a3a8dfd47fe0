"""contourf's own colors for a ``BoundaryNorm``'s levels: the other way levels are painted.

``norm=BoundaryNorm(levels, 256, extend="both")`` paints interval k with entry
``k * 255 / (n_regions - 1)`` (its regions spread over the table, the extensions
at its ends), data below and above the levels with the map's under and over colors.
``contourf(data, levels, cmap=..., extend="both")`` -- the same levels, its default
``Normalize`` -- paints interval k with the map's color at its middle,
``Normalize(levels[0], levels[-1])((levels[k] + levels[k + 1]) / 2)``, and the
extensions with the under and over colors too. On jet the two differ by up to 60 DN
(entries 42 / 127 / 213 against 63 / 127 / 191 for 3 intervals): a contourf figure
decoded with the norm the docs advise came back 72-78 % NaN (trial 46, item 5).

A decoder given a plain ``BoundaryNorm`` holds a twin for contourf's colors
(:class:`ContourPainting`, made on first need) and decodes a picture with it when the
picture's colors lie nearer contourf's than the norm's (a sample of pixels near
either), as ``_lengths`` does for MATLAB's two lengths.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import matplotlib.colors as mcolors
import numpy as np

__all__ = ["ContourNorm", "ContourPainting", "contour_painting"]

#: Pixels (evenly spaced) whose nearest painted colors decide the painting.
SAMPLE = 4096
#: DN from either painting's nearest color within which a pixel takes part in the vote:
#: a figure's paper, text and lines take no side.
NEAR = 20.0


class ContourNorm(mcolors.BoundaryNorm):
    """The table entries contourf paints its levels with: interval k with the entry of
    its middle under ``Normalize(levels[0], levels[-1])`` on an ``n_colors`` table, as
    matplotlib's ``ContourSet`` and its colormap call compute it; below and above the
    levels -1 and ``n_colors`` (the under and over colors).

    Examples
    --------
    >>> norm = ContourNorm([0.2, 0.4, 0.6, 0.8], 256, extend="both")
    >>> norm(np.array([0.1, 0.3, 0.5, 0.7, 0.9])).tolist()
    [-1, 42, 127, 213, 256]
    """

    def __init__(self, boundaries: Any, ncolors: int, extend: str = "neither") -> None:
        super().__init__(boundaries, ncolors, extend=extend)
        edges = np.asarray(self.boundaries, dtype=np.float64)
        layers = 0.5 * (edges[:-1] + edges[1:])  # ContourSet's layers
        position = layers - edges[0]  # Normalize: in place, in this order
        position /= edges[-1] - edges[0]
        position *= ncolors  # the colormap call's arithmetic
        position[position == ncolors] = ncolors - 1
        self._entries = np.clip(position, 0, ncolors - 1).astype(np.int16)

    def __call__(self, value: Any, clip: bool | None = None) -> np.ma.MaskedArray:
        data = np.ma.getdata(value)
        values = np.asarray(data, dtype=np.float64)
        edges = np.asarray(self.boundaries, dtype=np.float64)
        interval = np.clip(np.digitize(values, edges) - 1, 0, len(self._entries) - 1)
        answer = self._entries[interval]
        answer[values < edges[0]] = -1
        answer[values >= edges[-1]] = self.Ncmap
        invalid = np.ma.getmaskarray(value) | np.isnan(values)
        return np.ma.array(answer, mask=invalid)


@dataclass
class ContourPainting:
    """The decoder of contourf's colors for a BoundaryNorm's levels, made on first need."""

    cmap: Any
    norm: ContourNorm
    options: dict[str, Any]
    decoder: Any = field(default=None, repr=False)

    def made(self, maker: Any) -> Any:
        """The twin decoder (``maker`` is :class:`~truepix.Decolorizer`)."""
        if self.decoder is None:
            self.decoder = maker(self.cmap, norm=self.norm, **self.options)
        return self.decoder

    def holds(self, maker: Any, own: Any, pixels: np.ndarray, scale: float) -> bool:
        """Whether more of the (..., C) ``pixels`` (``scale`` to DN) near either painting
        lie nearer contourf's colors than the colors of ``own`` (the norm's decoder)."""
        twin = self.made(maker)
        theirs, ours = _colors(twin._map), _colors(own._map)
        if len(theirs) == len(ours) and np.array_equal(theirs, ours):
            return False
        flat = pixels.reshape(-1, pixels.shape[-1])
        sample = flat[:: max(1, len(flat) // SAMPLE)]
        if sample.shape[-1] == 4:
            sample = sample[sample[:, 3] > 0]
        rgb = sample[:, :3].astype(np.float64) * scale
        nearest = [_nearest(rgb, colors) for colors in (theirs, ours)]
        near = np.minimum(*nearest) <= NEAR**2
        theirs_nearer = np.sum(near & (nearest[0] < nearest[1]))
        return bool(theirs_nearer > np.sum(near & (nearest[1] < nearest[0])))


def _colors(entry: Any) -> np.ndarray:
    """A painted map's distinct colors (its truncated and rounded bytes), float DN."""
    both = np.concatenate([entry.lut_bytes[:, :3], entry.lut_rounded[:, :3]])
    return np.unique(both, axis=0).astype(np.float64)


def _nearest(rgb: np.ndarray, colors: np.ndarray) -> np.ndarray:
    """Each (P, 3) pixel's squared distance to the nearest of ``colors``."""
    best = np.full(len(rgb), np.inf)
    for color in colors:  # (a few colors: no (P, M, 3) copy)
        np.minimum(best, ((rgb - color) ** 2).sum(axis=1), out=best)
    return best


def contour_painting(cmap: Any, norm: Any, n_colors: int, **options: Any) -> ContourPainting | None:
    """The twin for contourf's colors of a plain ``BoundaryNorm`` ``norm`` on a map of
    ``n_colors``; None for any other norm (a twin's own norm included) and where
    matplotlib's BoundaryNorm takes no such table (fewer colors than regions)."""
    if type(norm) is not mcolors.BoundaryNorm:
        return None
    try:
        twin = ContourNorm(norm.boundaries, n_colors, extend=norm.extend)
    except ValueError:
        return None
    return ContourPainting(cmap, twin, options)

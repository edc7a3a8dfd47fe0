"""A figure pasted on a page (a slide): the page painted over in the figure's own paper color.

A figure pasted on a dark slide shows two backgrounds: the slide's, around
the picture's edges, and the figure's white paper inside. Everything that
takes the background from the picture's edges (ink, paper, frames) would
read the white figure as one big light rectangle drawn on the page -- a
plot area. When the picture's edges are one color, and everything not of
that color fills one rectangle whose own edges are one other color, that
rectangle is the figure: the page is painted in its paper color, and the
figure reads as if saved alone, at the same pixel coordinates.
"""

from __future__ import annotations

import numpy as np

__all__ = ["unpasted"]

_SAME = 12  # DN within which page or paper pixels are one color (JPEG'd slides included)
_OTHER = 40  # DN the figure's paper differs from the page by at least


def unpasted(rgb: np.ndarray, /) -> np.ndarray:
    """``rgb`` with a page around a pasted figure painted in the figure's paper color; ``rgb`` itself otherwise.

    Examples
    --------
    >>> page = np.zeros((100, 120, 3), np.uint8); page[...] = (20, 40, 90)
    >>> page[20:80, 30:100] = 255; page[40:60, 50:70] = 0  # the figure, with something drawn on it
    >>> out = unpasted(page); out[0, 0].tolist(), out[50, 60].tolist(), unpasted(out) is out
    ([255, 255, 255], [0, 0, 0], True)
    """
    if rgb.ndim != 3 or min(rgb.shape[:2]) < 32:
        return rgb
    pixels = rgb.astype(np.int16)
    edges = np.concatenate([pixels[:2].reshape(-1, 3), pixels[-2:].reshape(-1, 3), pixels[:, :2].reshape(-1, 3), pixels[:, -2:].reshape(-1, 3)])
    page = np.median(edges, axis=0)
    if np.mean(np.abs(edges - page).max(axis=1) <= _SAME) < 0.98:
        return rgb
    other = np.abs(pixels - page).max(axis=2) > 2 * _SAME
    rows, columns = np.flatnonzero(other.mean(axis=1) > 0.5), np.flatnonzero(other.mean(axis=0) > 0.5)
    if not len(rows) or not len(columns):
        return rgb
    top, bottom, left, right = int(rows[0]), int(rows[-1]) + 1, int(columns[0]), int(columns[-1]) + 1
    inside = np.zeros(other.shape, bool)
    inside[top:bottom, left:right] = True
    area = float(inside.mean())
    if not 0.2 <= area <= 0.97 or np.mean(other[~inside]) > 0.002:
        return rgb  # nothing but the page may stand outside the figure (a plot's panel has labels around it)
    rim = np.concatenate([pixels[top, left:right], pixels[bottom - 1, left:right], pixels[top:bottom, left], pixels[top:bottom, right - 1]])
    paper = np.median(rim, axis=0)
    if np.mean(np.abs(rim - paper).max(axis=1) <= _SAME) < 0.9 or float(np.abs(paper - page).max()) < _OTHER:
        return rgb
    out = rgb.copy()
    out[~inside] = np.rint(paper).astype(rgb.dtype)
    return out

"""Which JPEG core pixels are a drawn stroke's ink over the field across it (``ink_dips``).

A black (white) stroke drawn over a field is darker (brighter) than the field on both of
its sides, and its antialiased pixels are blends of the ink with that one field: their
color lies on the segment from the field's color to black (white). JPEG keeps luma, and
its 4:2:0 chroma averages the stroke's chroma with the field's, whose hue the blend keeps.
A field's own edge separates two levels (its sides differ); a field's thin valley or
ridge is a map color of another hue than its sides' (jet's blue trench across its yellow),
or of its sides' hue where the map is gray -- and gray maps never reach ``_alone``.
"""

from __future__ import annotations

import numpy as np

__all__ = ["ink_dips", "opposite"]

#: A pixel is a stroke's ink when, across it (DIP_REACH px each side, in one of four
#: directions), the field's two sides are data (within ``data`` DN of the map) and agree
#: within DIP_SIDES of its dip below (above) them, the dip is DIP_MIN DN or more and
#: DIP_NOISE times the picture's noise, and its color lies within DIP_FIT of the dip from
#: the segment between the sides' mean and black (white), nearer that blend than any map
#: color. Cores of trial 45's t02 figures (black 14 pt text, 1 / 0.6 lw lines over jet,
#: turbo, viridis, JPEG q75; without the sides' data test): 38-65 % of the stroke's core
#: pixels; JPEG's misses on texture (jet, turbo, rainbow on the camera, moon, brick, Grace
#: Hopper, q50 / q75): 0-7 % (the moon's dark craters 27 %, 18 pixels). A field's edge
#: has sides that differ; a thin valley at a map's dark end, which JPEG takes to black
#: (the motorcycle's disparity gaps on viridis, q50), lies between other JPEG'd gaps:
#: its sides are off the map (``_alone.JPEG_INKED_PIXELS``).
DIP_REACH = 3
DIP_SIDES = 0.5
DIP_MIN = 20.0
DIP_NOISE = 3.0
DIP_FIT = 0.35
_DIRECTIONS = ((0, 1), (1, 0), (1, 1), (1, -1))


def opposite(
    rows: np.ndarray, cols: np.ndarray, direction: tuple[int, int], height: int, width: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pixels DIP_REACH px either side of each (``rows``, ``cols``) along ``direction``
    (dy, dx): whether both lie inside the picture, and their flat indices (0 where not)."""
    dy, dx = direction
    ya, xa = rows - DIP_REACH * dy, cols - DIP_REACH * dx
    yb, xb = rows + DIP_REACH * dy, cols + DIP_REACH * dx
    inside = (ya >= 0) & (yb < height) & (np.minimum(xa, xb) >= 0)
    inside &= np.maximum(xa, xb) < width
    return inside, np.where(inside, ya * width + xa, 0), np.where(inside, yb * width + xb, 0)


def ink_dips(
    flat: np.ndarray, scale: float, width: int, pixels: np.ndarray, luma_weights: np.ndarray,
    noise: float, colors: np.ndarray, residual: np.ndarray, data: float,
) -> np.ndarray:  # fmt: skip
    """Per pixel (flat indices into ``flat``, its colors times ``scale`` in DN): whether it
    is a black or white stroke's ink over the one field across it (DIP_REACH, DIP_SIDES,
    DIP_MIN, DIP_NOISE times ``noise`` DN, DIP_FIT), nearer that blend than any of the
    map's ``colors`` (DN, RGB rows); the sides' ``residual`` (per pixel of ``flat``) is at
    most ``data`` DN. ``luma_weights`` per RGB channel."""
    inked = np.zeros(len(pixels), dtype=bool)
    if len(pixels) == 0:
        return inked
    height = len(flat) // width
    rows, cols = pixels // width, pixels % width
    color = flat[pixels, :3] * scale
    least = max(DIP_MIN, DIP_NOISE * noise)
    best = np.full(len(pixels), np.inf)  # the closest blend fit of a dip found, over the tries
    for ink in (0.0, 255.0):  # black, then white: the same test on the inverted colors
        sign = 1.0 if ink == 0.0 else -1.0
        own = ink + sign * color  # (distance from the ink, per channel)
        for dy, dx in _DIRECTIONS:
            inside, ia, ib = opposite(rows, cols, (dy, dx), height, width)
            inside &= (residual[ia] <= data) & (residual[ib] <= data)
            a, b = flat[ia, :3] * scale, flat[ib, :3] * scale
            a, b = ink + sign * a, ink + sign * b
            la, lb, lp = a @ luma_weights, b @ luma_weights, own @ luma_weights
            dip = np.minimum(la, lb) - lp
            field = (a + b) / 2
            share = lp / np.maximum(field @ luma_weights, 1.0)
            fit = np.linalg.norm(own - share[:, None] * field, axis=1)
            dipped = inside & (dip >= least) & (np.abs(la - lb) <= DIP_SIDES * dip)
            dipped &= fit <= DIP_FIT * dip
            best = np.where(dipped, np.minimum(best, fit), best)
    # nearer that blend than the nearest map color (a valley of the data is one, a blend of
    # ink and field not): measured only where a dip was found (a figure's text has 10^4 cores)
    found = np.flatnonzero(np.isfinite(best))
    on_map = np.sqrt(((color[found, None, :] - colors[None, :, :]) ** 2).sum(axis=-1).min(axis=1))
    inked[found] = best[found] < on_map
    return inked

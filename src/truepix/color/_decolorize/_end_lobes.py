"""A cubic kernel's lobe past a map's end: off-map pixels that are the end's value.

Where the data are clipped at a limit of the norm (a photograph's black or white, a
field's minimum), the picture holds the map's end color; a kernel with negative
lobes (OpenCV INTER_CUBIC / LANCZOS4, Pillow BICUBIC / LANCZOS, skimage order 3)
resampling it beside brighter (or darker) data sends a pixel past that end, along
the map's own path extended beyond it, and clips each channel to 0-255: hot's moon
shrunk 0.5x holds pure black [0, 0, 0], darker than hot's first color [10, 0, 0].
Such a pixel is data at the end, not off the map, when it lies near that extension
(within the hull's tolerance), across a row, column or diagonal between a neighbour on
the map at that end (within END_NEAR) and one on the map whose distance from the end
color, times END_LOBE, is at least how far past the end it lies (a lobe's weight
times the edge under it). A black stroke's antialiased edge over a map's dark end is
no such lobe: across it lie the end and the stroke's core, no map color (black text
on jet's gouraud picture: 19 of its pixels taken without that).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from truepix.color._decolorize._resampled import HULL_MIN_TOLERANCE, HULL_SIGMAS

__all__ = ["end_lobes", "lobed"]

#: The path's direction at an end: from the first vertex at least this many DN from it.
END_REACH = 24.0
#: A lobe reaches past the end by at most this share of the contrast under it (the
#: hull's overshoot, ``_resampled.HULL_OVERSHOOT``).
END_LOBE = 0.25
#: ... beside a pixel on the map within this share of the map from that end.
END_NEAR = 0.1
#: Points of the extension (1 DN apart), and candidates matched against them at once.
STEPS = np.arange(0.0, 256.0)
CHUNK = 2048
#: The widest contrast there is (DN): black to white.
_WIDEST = 255.0 * np.sqrt(3.0)


def lobed(decoder: Any, result: Any, pixels: np.ndarray, scale: float, plan: Any) -> Any:
    """``result`` with its NaN that are a lobe past an end of the map (:func:`end_lobes`)
    at that end's value.

    Only on pictures whose blends may come from a kernel with negative lobes (resampled
    or smooth, not JPEG'd, nor an exact render, nor a palette's means), of a continuous
    map that is no cycle.
    """
    values = result.values
    if (
        plan.exact or plan.sharp or plan.jpeg or plan.palette or decoder.cyclic
        or decoder._map.discrete or values.ndim != 2 or pixels.ndim != 3 or result.n_nan == 0
    ):  # fmt: skip
        return result
    holes = np.isnan(values).reshape(-1)
    if not holes.any():
        return result
    table = decoder._map.lut_bytes[:, :3].astype(np.float64)
    found, end = end_lobes(
        pixels.reshape(-1, pixels.shape[-1]), scale, values.shape[1], holes, table,
        max(HULL_MIN_TOLERANCE, HULL_SIGMAS * plan.noise),
    )  # fmt: skip
    if not found.any():
        return result
    ends = np.asarray(decoder._norm(np.array([0.0, 1.0])), dtype=np.float64)
    values = np.array(values, dtype=np.float64)  # (a copy: the result's may be shared)
    values.reshape(-1)[found] = ends[end[found]]
    return replace(result, values=values, n_nan=-1)


def end_lobes(
    flat: np.ndarray, scale: float, width: int, candidates: np.ndarray, table: np.ndarray,
    tolerance: float,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """``candidates`` (flat mask of pixels off the map) that are a lobe past an end of
    the map's ``table`` (its colors in DN, in order; not cyclic).

    Returns the mask of such pixels and, for each, which end (0: the first color, 1:
    the last). Pixels that are no candidates are on the map, at the place of their
    nearest table color.
    """
    found = np.zeros(len(candidates), dtype=bool)
    which = np.zeros(len(candidates), dtype=np.int64)
    at = np.flatnonzero(candidates)
    height = len(candidates) // width
    own = flat[at, :3].astype(np.float64) * scale
    for end, colors in ((0, table), (1, table[::-1])):
        color = colors[0]
        reach = np.linalg.norm(colors - color, axis=1)
        inner = np.flatnonzero(reach >= END_REACH)
        if not len(inner) or not len(at):
            continue
        outward = (color - colors[inner[0]]) / reach[inner[0]]
        # past the end, and near the extension, clipped channel by channel as the
        # resampler clips it: how far along it (DN) the pixel lies
        # (a point of the path lies at most its step from the end: the farthest reach)
        near_end = np.linalg.norm(own - color, axis=1) <= tolerance + END_LOBE * _WIDEST
        keep = np.flatnonzero(((own - color) @ outward > 0.0) & near_end & ~found[at])
        path = np.clip(color + STEPS[:, None] * outward, 0.0, 255.0)
        kinds, kind_of = np.unique(own[keep], axis=0, return_inverse=True)
        along = _along(kinds, path, tolerance)[kind_of.reshape(-1)]  # (each color once)
        keep, along = keep[np.isfinite(along)], along[np.isfinite(along)]
        if not len(keep):
            continue
        ys, xs = np.divmod(at[keep], width)
        lobe = np.zeros(len(keep), dtype=bool)
        steps = [(sign * dy, sign * dx) for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1))
                 for sign in (1, -1)]  # fmt: skip
        sides = [_at(ys - dy, xs - dx, width, height) for dy, dx in steps]
        pixels, ending = _at_end(flat, scale, np.concatenate(sides), candidates, table, end)
        for (dy, dx), q in zip(steps, sides):
            # the end on one side, the contrast the lobe overshoots on the other
            at_end = ending[np.searchsorted(pixels, q)]
            r = _at(ys + dy, xs + dx, width, height)
            r_rgb = flat[r, :3].astype(np.float64) * scale
            contrast = np.where(candidates[r], 0.0, np.linalg.norm(r_rgb - color, axis=1))
            lobe |= at_end & (along <= END_LOBE * contrast)
        hit = at[keep[lobe]]
        found[hit] = True
        which[hit] = end
    return found, which


def _at_end(
    flat: np.ndarray, scale: float, pixels: np.ndarray, candidates: np.ndarray,
    table: np.ndarray, end: int,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """``pixels`` (flat indices) sorted and unique, and for each whether it lies on the
    map (no candidate) with its nearest ``table`` color within END_NEAR of ``end``; each
    color's nearest is looked up once."""
    pixels = np.unique(pixels)
    ending = np.zeros(len(pixels), dtype=bool)
    on = np.flatnonzero(~candidates[pixels])
    if not len(on):
        return pixels, ending
    kinds, kind_of = np.unique(flat[pixels[on], :3], axis=0, return_inverse=True)
    kinds = kinds.astype(np.float64) * scale
    place = np.empty(len(kinds), dtype=np.int64)
    for start in range(0, len(kinds), CHUNK):
        part = kinds[start : start + CHUNK]
        squared = ((part[:, None, :] - table) ** 2).sum(axis=-1)
        place[start : start + CHUNK] = np.argmin(squared, axis=1)
    ending[on] = (np.abs(place / (len(table) - 1) - end) <= END_NEAR)[kind_of.reshape(-1)]
    return pixels, ending


def _along(colors: np.ndarray, path: np.ndarray, tolerance: float) -> np.ndarray:
    """For each color, the first step of ``path`` (points 1 DN apart) within
    ``tolerance`` DN of it; inf for none."""
    first = np.full(len(colors), np.inf)
    for start in range(0, len(colors), CHUNK):
        part = colors[start : start + CHUNK]
        close = ((part[:, None, :] - path) ** 2).sum(axis=-1) <= tolerance**2
        any_close = close.any(axis=1)
        first[start : start + CHUNK][any_close] = np.argmax(close[any_close], axis=1)
    return first


def _at(ys: np.ndarray, xs: np.ndarray, width: int, height: int) -> np.ndarray:
    """Flat indices of pixels (y, x), clamped to the picture."""
    return np.clip(ys, 0, height - 1) * width + np.clip(xs, 0, width - 1)

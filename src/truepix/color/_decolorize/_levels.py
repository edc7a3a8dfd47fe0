"""Pictures of a few levels of a continuous map: ``plt.get_cmap("viridis", 8)``.

``get_cmap(name, N)`` resamples a map to N colors, the map's colors at ``k / (N - 1)``;
``imshow`` of a continuous field with it paints the field's N levels, level k (data in
``[k, k + 1) / N`` of the range) in color k. Decoded with the plain name, each color
comes back at its own place along the whole map, ``k / (N - 1)``, where the level's
middle is ``(k + 0.5) / N``: up to a whole level off (trial41: mean error 1.63x the
N-color map's). A BoundaryNorm of N even levels over a 256-color map paints the
entries ``k * 255 // (N - 1)``, the same places within a bin.

The picture alone cannot say which was drawn: integer data 0..N-1 drawn with the whole
map (``vmin=0, vmax=N-1``) paints the very same colors, and there the whole map's
answer is the right one. So the decode stays as asked and :func:`levels_advice`
says what to pass if the picture was drawn in levels.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["levels_advice"]

#: Most levels looked for: past them a level is a few bins of a 256-color map.
MAX_LEVELS = 32
#: Pixels (evenly spaced) whose distinct colors are counted before the whole picture's.
SAMPLE = 4096
#: How far (in bins of the whole map) a color's place may lie from ``k / (N - 1)``:
#: an entry's value is its bin's middle, and the resampled map's colors are the
#: entries ``floor(256 k / (N - 1))`` (or the segments' own colors at ``k / (N - 1)``).
REACH = 1.5


def levels_advice(decoder: Any, values: np.ndarray, image: Any) -> str | None:
    """What to pass when an exact picture decoded with a continuous map of 256 colors
    holds only a few (3 to MAX_LEVELS) colors of it, at the places ``k / (N - 1)`` of the
    map resampled to N colors (for N up to twice their count); None otherwise.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from truepix import Decolorizer
    >>> x = np.linspace(0, 1, 64 * 64).reshape(64, 64)
    >>> picture = plt.get_cmap("viridis", 8)(x, bytes=True)
    >>> decoder = Decolorizer("viridis", vmin=0, vmax=1)
    >>> print(levels_advice(decoder, decoder._run(picture, detailed=False).values, picture))
    the picture holds only 8 colors of 'viridis', placed as the 8 of plt.get_cmap('viridis', 8): \
each comes back at its place along the whole map (right for data of 8 values from \
vmin to vmax), a field drawn in 8 levels up to a level off; pass \
cmap=plt.get_cmap('viridis', 8) for the levels' middles (or the BoundaryNorm it was \
drawn with as norm=)
    """
    from truepix.color._decolorize._kernels import NORM_LINEAR

    norm = decoder._norm
    if decoder._map.n_colors < 256 or norm.kind != NORM_LINEAR or norm.boundary:
        return None
    pixels = np.asarray(np.ma.getdata(image))
    if pixels.ndim != values.ndim + 1 or pixels.shape[-1] < 3 or values.size < 1024:
        return None
    flat = pixels.reshape(-1, pixels.shape[-1])
    scale = (1.0 if pixels.dtype.kind == "f" else np.iinfo(pixels.dtype).max) / 255
    if len(_keys(flat[:: -(-len(flat) // SAMPLE)], scale)[0]) > MAX_LEVELS:
        return None  # (the common case: a continuous picture, known from a sample)
    shown = flat if flat.shape[-1] == 3 else flat[flat[:, 3] > 0]
    keys, first = _keys(shown, scale)
    if not 3 <= len(keys) <= MAX_LEVELS:
        return None
    found = decoder._run(shown[first][None], detailed=False).values[0]
    if np.isnan(found).any():
        return None  # a color off the map: not a map's levels
    places = np.unique((found - norm.vmin) / (norm.vmax - norm.vmin))
    count = len(places)
    reach = REACH / decoder._map.n_colors
    for steps in range(count - 1, min(2 * count, MAX_LEVELS)):
        k = np.rint(places * steps)
        if len(np.unique(k)) == count and np.all(np.abs(places - k / steps) <= reach):
            return _advice(decoder.cmap, count, steps + 1, decoder._map.source)
    return None


def _keys(rows: np.ndarray, scale: float) -> tuple[np.ndarray, np.ndarray]:
    """The distinct 8-bit colors of (P, C) ``rows`` as keys, and a row of each."""
    rgb = np.rint(rows[:, :3].astype(np.float64) / scale).astype(np.int64)
    keys = (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]
    return np.unique(keys, return_index=True)


def _advice(name: str, count: int, levels: int, source: str) -> str:
    made = (
        f"plt.get_cmap({name!r}, {levels})" if source == "matplotlib"
        else f"cmap.Colormap({name!r}).to_mpl().resampled({levels})"
    )  # fmt: skip
    return (
        f"the picture holds only {count} colors of {name!r}, placed as"
        f" {'the' if count == levels else f'{count} of the'} {levels} of {made}: each comes"
        f" back at its place along the whole map (right for data of {levels} values from"
        f" vmin to vmax), a field drawn in {levels} levels up to a level off; pass"
        f" cmap={made} for the levels' middles (or the BoundaryNorm it was drawn with as"
        " norm=)"
    )

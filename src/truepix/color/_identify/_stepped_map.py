"""The catalog map a stepped colorbar's colors were sampled from.

A stepped bar (contourf levels, BoundaryNorm, ``get_cmap(name, n)``) shows
one color per step, each a catalog map's color at one place: contourf and a
plain :class:`~matplotlib.colors.BoundaryNorm` over ``n`` steps take the
step's middle value, or the steps spread over the whole map
(``(i + 0.5) / n``, ``i / (n - 1)``), or, with extend triangles that take
the map's ends, ``(i + 1) / (n + 1)``. contourf with uneven levels draws its
steps evenly but takes each step's color at its middle *value*: where the
levels were read (``levels``: the value at each step boundary), a step's
place is its middle value's share of the range. A map that has every step's color at
one of these sets of places names the bar; the continuous-bar ranking (a
color's distance to the map's color at its place along the bar) does not,
as a step's color stands at its middle value, not at every pixel it covers.
"""

from __future__ import annotations

import numpy as np

from truepix.color._identify._bar import Colorbar

__all__ = ["stepped_map"]

_EXACT_DN = 4  # an uncompressed bar's step colors: the map's bytes, truncated or rounded
_NOISY_DN = 14  # a JPEG'd bar's step colors: medians a few DN off (4:2:0 chroma)


def _places(bar: Colorbar, levels: np.ndarray | None = None) -> list[np.ndarray]:
    """The sets of places along the map (0..1) the steps' colors may have been taken at."""
    n = len(bar.colors)
    index = np.arange(n, dtype=np.float64)
    places = [np.asarray(bar.positions, dtype=np.float64), (index + 0.5) / n, (index + 1) / (n + 1)]
    if n > 1:
        places.append(index / (n - 1))
    if levels is not None and len(levels) == n + 1 and levels[-1] != levels[0]:
        middles = (levels[:-1] + levels[1:]) / 2.0  # each step's middle value, low end first
        places.append((middles - levels[0]) / (levels[-1] - levels[0]))
    return places


def stepped_map(bar: Colorbar, /, *, levels: np.ndarray | None = None) -> tuple[str, bool, float] | None:
    """The catalog map whose colors, at one set of places, are the bar's steps.

    ``levels``: the values read at the bar's step boundaries (low end first),
    when its labels were read as uneven levels.

    Returns ``(name, reversed, worst)``: the map, whether the bar shows it
    high to low, and the largest distance (max-channel DN) of a step's color
    from the map's; None when no map has every step's color closely enough
    (a bar of hand-picked colors).

    Examples
    --------
    >>> import matplotlib
    >>> lut = (matplotlib.colormaps["RdYlBu"](np.array([0.9, 0.7, 0.5, 0.3, 0.1]))[:, :3] * 255).astype(np.uint8)
    >>> bar = Colorbar((0, 0, 10, 100), "vertical", lut, boundaries=np.linspace(0, 1, 6))
    >>> name, turned, worst = stepped_map(bar)
    >>> name, turned, worst <= 1
    ('RdYlBu', True, True)
    """
    from truepix.color._identify._candidate_tables import _candidates

    if bar.boundaries is None or len(bar.colors) < 3:
        return None
    tables = _candidates()
    colors = bar.colors.astype(np.int32)
    sizes = tables.sizes[:, None]
    uncommon = np.array([":" in name for name in tables.names]) * 0.5  # matplotlib's names win a tie
    best = (np.inf, 0, False)
    for places in _places(bar, None if levels is None else np.asarray(levels, dtype=np.float64)):
        for turned in (False, True):
            at = 1.0 - places if turned else places
            # a color's bin, and its neighbours: a place on a bin's edge may fall either side
            index = np.clip((at[None, :] * sizes).astype(np.int64), 0, sizes - 1)
            worst = np.full(len(tables.names), np.inf)
            for table in (tables.luts, tables.rounded):
                near = np.full(index.shape, np.inf)
                for shift in (-1, 0, 1):
                    step = np.clip(index + shift, 0, sizes - 1)
                    picked = np.take_along_axis(table, step[:, :, None], axis=1)
                    near = np.minimum(near, np.abs(picked - colors[None]).max(axis=2))
                worst = np.minimum(worst, near.max(axis=1))
            m = int(np.argmin(worst + uncommon))
            if worst[m] + uncommon[m] < best[0]:
                best = (float(worst[m] + uncommon[m]), m, turned)
    score, m, turned = best
    worst_dn = score - float(uncommon[m])
    if worst_dn > (_EXACT_DN if bar.exact else _NOISY_DN):
        return None
    return tables.names[m], turned, worst_dn

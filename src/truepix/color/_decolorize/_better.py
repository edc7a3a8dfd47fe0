"""Naming the catalog map a picture's colors fit far better than the given one
(:func:`better_map`), for :mod:`._result`'s warnings."""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["better_fit", "better_map", "mean_distance", "named", "palette_spacing"]

#: Pixels (evenly spaced) whose colors are matched against every catalog map when a
#: picture fits its map poorly: a mean distance to a few tenths of a DN.
MATCH_SAMPLE = 4096
#: How much better another map must fit to be named: at most BETTER_RATIO of the
#: given map's mean distance and BETTER_GAP DN less (a map and its reverse, or near
#: twins such as jet and turbo on noise, tie well inside this).
BETTER_RATIO, BETTER_GAP = 0.5, 4.0
#: Distances are capped (DN) as :func:`truepix.identify_colormap` caps them: a color
#: this far is off the map whatever its distance.
DISTANCE_CAP = 40.0
#: A picture of PALETTE_COLORS colors or fewer in the sample (``_quantized``) was
#: quantized: each color stands for data up to PALETTE_REACH of the spacing to its
#: nearest other color away (a cube lattice's cell: half its diagonal), and a map that
#: fits that close is not bettered by one that passes nearer the palette's colors by
#: chance (Pillow's web palette, 51 DN apart, without dither: coolwarm 20.0 DN, where
#: 'Oranges' passed at 9.9 and was named, following it gave 38 % error and 12 % NaN,
#: trial 47; RdBu_r 28.0, 'chrisluts:I_Cyan' 6.7; cividis 9.6, 'gray' 1.3).
PALETTE_REACH = 0.5 * 3**0.5


def better_map(decoder: Any, pixels: np.ndarray, shown: np.ndarray) -> str | None:
    """What to pass when a catalog map fits the picture's colors far better than the
    decoder's: the best of :func:`truepix.identify_colormap` on an even sample of
    MATCH_SAMPLE ``shown`` pixels, when its mean distance (nearest table color, DN,
    capped at DISTANCE_CAP) is at most BETTER_RATIO of the given map's and BETTER_GAP
    DN less. None otherwise, and for a decoder with an alpha (its map is a blend).

    Examples
    --------
    >>> import numpy as np, matplotlib as mpl
    >>> from truepix import Decolorizer
    >>> picture = mpl.colormaps["viridis"](np.linspace(0, 1, 4096).reshape(64, 64), bytes=True)
    >>> shown = np.ones((64, 64), bool)
    >>> better_map(Decolorizer("jet", vmin=0, vmax=1), picture, shown)
    "the colors fit 'viridis' far better (0.0 DN against 39.1 DN for 'jet'): pass cmap='viridis'"
    >>> better_map(Decolorizer("viridis_r", vmin=0, vmax=1), picture, shown) is None
    True
    """
    return named(decoder, better_fit(decoder, pixels, shown))


def named(decoder: Any, better: tuple[str, float, float, bool] | None) -> str | None:
    """:func:`better_map`'s advice from :func:`better_fit`'s answer (None unless the
    map fits far better)."""
    if better is None or not better[3]:
        return None
    name, fit, given_fit, _ = better
    return (
        f"the colors fit {name!r} far better ({fit:.1f} DN against {given_fit:.1f} DN"
        f" for {decoder.cmap!r}): pass cmap={name!r}"
    )


def better_fit(
    decoder: Any, pixels: np.ndarray, shown: np.ndarray
) -> tuple[str, float, float, bool] | None:
    """(name, its mean distance, the given map's, whether it fits far better) of
    :func:`truepix.identify_colormap`'s best other map, for :func:`better_map`, or
    None (the given map is the best, or the catalog was not searched). A blend of
    another map has distance 0.0 and does not count as far better (it is alpha
    advice's ground, and no opaque ``cmap`` to pass)."""
    from truepix.color._catalog import resolve
    from truepix.color._identify._match import ranked_maps

    where = np.flatnonzero(shown)
    if getattr(decoder, "alpha", None) is not None or len(where) == 0:
        return None
    where = where[:: -(-len(where) // MATCH_SAMPLE)]  # evenly spaced: no seed to choose
    chosen = pixels.reshape(-1, pixels.shape[-1])[where]
    chosen = chosen[:, :3] if chosen.shape[-1] >= 3 else np.repeat(chosen[:, :1], 3, axis=1)
    scale = (1.0 if chosen.dtype.kind == "f" else np.iinfo(chosen.dtype).max) / 255
    colors = chosen.astype(np.float64) / scale  # 0..255
    given_fit = mean_distance(colors, decoder._map)
    if given_fit < max(BETTER_GAP, PALETTE_REACH * palette_spacing(colors)):
        return None  # no map can fit BETTER_GAP better (or the palette's): not searched
    best = ranked_maps(chosen[None], top=1)[0]
    if decoder._map.name.removesuffix("_r") in (best.name, *best.aliases):
        return None  # the given map's own colors (or its blend)
    if best.alpha != 1.0:
        return best.name, 0.0, given_fit, False
    fit = mean_distance(colors, resolve(best.name))
    far = fit <= BETTER_RATIO * given_fit and given_fit - fit >= BETTER_GAP
    return best.name, fit, given_fit, far


def palette_spacing(colors: np.ndarray) -> float:
    """The median distance (DN) from each distinct color of (N, 3) 0-255 ``colors`` to the
    nearest other one, where they hold PALETTE_COLORS distinct colors or fewer; else 0.

    Examples
    --------
    >>> levels = np.arange(0, 256, 51, dtype=float)      # the web palette's six levels
    >>> web = np.stack(np.meshgrid(levels, levels, levels), -1).reshape(-1, 3)
    >>> palette_spacing(web)
    51.0
    >>> palette_spacing(np.random.default_rng(0).uniform(0, 255, (1000, 3)))
    0.0
    """
    from truepix.color._decolorize._quantized import PALETTE_COLORS  # (numba: when asked)

    distinct = np.unique(colors, axis=0)
    if len(distinct) > PALETTE_COLORS or len(distinct) < 2:
        return 0.0
    gaps = np.linalg.norm(distinct[:, None, :] - distinct[None, :, :], axis=-1)
    np.fill_diagonal(gaps, np.inf)
    return float(np.median(gaps.min(axis=1)))


def mean_distance(colors: np.ndarray, entry: Any) -> float:
    """Mean RGB distance (DN, each capped at DISTANCE_CAP) of (N, 3) 0-255 ``colors`` to
    the nearest color of ``entry``'s table, truncated or rounded (as Agg paints)."""
    from truepix.color._identify._nearest import nearest_color_cost

    table = np.concatenate([entry.lut_bytes[:, :3], entry.lut_rounded[:, :3]])
    return float(nearest_color_cost(colors, np.ones(len(colors)), table[None], DISTANCE_CAP)[0])

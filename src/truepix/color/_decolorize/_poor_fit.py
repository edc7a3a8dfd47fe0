"""A picture whose decoded pixels sit far from the map (:func:`poor_fit_advice`).

An exact render of the right map puts every decoded pixel on a table color (within a
DN); a picture of another map -- one no catalog holds, such as
``LinearSegmentedColormap.from_list(["navy", "white", "darkred"])`` decoded as
``seaborn:vlag``, ``identify_colormap``'s best -- decodes its colors near the map within
the adaptive threshold, to values off by up to a tenth of the range, and leaves the rest
NaN, with no catalog map to name.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["poor_fit_advice"]

#: Noise sigma (DN) under which a picture counts as an exact render, whose decoded
#: pixels sit on the map's table colors: exact PNGs estimate 0.
POOR_NOISE = 1.0
#: Median distance (DN, to the nearest color of the map's tables, truncated or rounded)
#: of the decoded pixels past which the map fits the picture poorly: the right map's
#: exact renders (12 maps x 4 fields, plt.imsave) 0.0, its figures (imshow resampled,
#: savefig PNG) 1.0 at most; the navy-white-darkred map decoded as seaborn:vlag,
#: plt.imsave of the same fields, 4.5-4.6 where nothing else warns (2.45 where most
#: pixels came back NaN, which warn_off_map names). A downscaled picture's blends are
#: chords of the map's curve that estimate no noise: turbo's annotated field
#: (test_downscaled_strokes_stay_flagged) 2.2. Mean distances overlap (2.5-6.5
#: against the right map's figures' 0.4-2.7).
POOR_FIT = 3.5
#: Decoded pixels (evenly spaced) whose distance is measured; QUICK_SAMPLE of the
#: picture's pixels first, which rule out the right map's pictures (a 1 MP exact PNG:
#: 44 ms a decode with the whole measure, under 1 ms with this one).
POOR_SAMPLE, QUICK_SAMPLE = 4096, 1024


def poor_fit_advice(decoder: Any, values: np.ndarray, image: Any, noise: float) -> str | None:
    """The warning for an exact render (noise under POOR_NOISE) whose decoded pixels
    sit a median POOR_FIT DN or more from ``decoder``'s map, and whose colors no catalog
    map fits far better nor a blend explains (``warn_off_map`` names those). None
    otherwise."""
    from truepix._shares import off_shown, shown_pixels
    from truepix.color._decolorize._better import PALETTE_REACH, better_fit, palette_spacing
    from truepix.color._decolorize._faded import faded_advice
    from truepix.color._decolorize._result import BLEND_EXPLAINED
    from truepix.color._decolorize._screen import blend_explained

    from truepix.color._decolorize._kernels import NORM_LINEAR

    if noise >= POOR_NOISE or getattr(decoder, "alpha", None) is not None:
        return None
    norm = decoder._norm
    if norm.kind != NORM_LINEAR or norm.boundary or decoder._map.discrete:
        return None  # (a plain continuous map only: a BoundaryNorm's contourf with its
        # extend colors sat a median 65.7 DN off RdBu_r's table, decoded right)
    if any(color is not None for color in getattr(decoder, "_extremes", (None,))):
        return None
    if _quick_fit(decoder, values, image) < POOR_FIT:
        return None  # (the common case, the right map: its decoded pixels on its table)
    pixels, hidden, _ = shown_pixels(values, image)
    off, shown = off_shown(values, hidden, int(np.count_nonzero(np.isnan(values))))
    if 2 * off > shown and 10 * off >= values.size:
        return None  # (mostly NaN: warn_off_map's warning asks whether cmap is right)
    if pixels.ndim != 3 or pixels.shape[-1] < 3:
        return None
    decoded = np.flatnonzero(~np.isnan(values) & ~hidden)
    if len(decoded) < 1024:
        return None
    decoded = decoded[:: -(-len(decoded) // POOR_SAMPLE)]  # evenly spaced: no seed
    chosen = pixels.reshape(-1, pixels.shape[-1])[decoded, :3]
    scale = (1.0 if chosen.dtype.kind == "f" else np.iinfo(chosen.dtype).max) / 255
    colors = chosen.astype(np.float64) / scale
    fit = _median_distance(colors, decoder._map)
    # (a palette's colors stand for data up to their spacing's reach: jet in Pillow's
    # web palette, no NaN, sat a median 5.8 DN off; as better_fit allows them)
    if fit < max(POOR_FIT, PALETTE_REACH * palette_spacing(colors)):
        return None
    shown = np.zeros(values.size, bool)
    shown[decoded] = True
    if blend_explained(decoder, pixels, shown, scale) >= BLEND_EXPLAINED:
        return None  # (a map drawn translucent: warn_off_map's alpha advice)
    if faded_advice(decoder, image) is not None:
        return None  # (drawn at an alpha over white, found in its smooth blocks)
    better = better_fit(decoder, pixels, shown)
    if better is not None and (better[3] or better[1] == 0.0):
        return None  # (a catalog map, or a blend: warn_off_map's advice)
    nan = int(np.count_nonzero(np.isnan(values) & ~hidden))
    return (
        f"the picture's colors sit a median {fit:.1f} DN from {decoder.cmap!r}'s, where an"
        f" exact render of it sits within 1 DN, and {nan} of its pixels came back NaN: its"
        " map is likely another one, which no catalog map fits (its values may be off by a"
        " tenth of the range); pass the Colormap object the picture was drawn with"
    )


def _quick_fit(decoder: Any, values: np.ndarray, image: Any) -> float:
    """:func:`_median_distance` of QUICK_SAMPLE of the picture's pixels (evenly spaced)
    that decoded to a number; 0 where too few did, or the picture holds no RGB."""
    pixels = np.asarray(np.ma.getdata(image))
    if pixels.ndim != values.ndim + 1 or pixels.shape[-1] < 3:
        return 0.0
    flat = values.reshape(-1)
    probe = np.arange(0, flat.size, max(1, flat.size // QUICK_SAMPLE))
    probe = probe[~np.isnan(flat[probe])]
    if len(probe) < 64:
        return 0.0
    chosen = pixels.reshape(-1, pixels.shape[-1])[probe, :3]
    scale = (1.0 if chosen.dtype.kind == "f" else np.iinfo(chosen.dtype).max) / 255
    colors = chosen.astype(np.float64) / scale
    # (most of them a table color itself: the median is 0, no distances needed)
    entry = decoder._map
    table = np.concatenate([entry.lut_bytes[:, :3], entry.lut_rounded[:, :3]]).astype(np.int64)
    packed = np.rint(colors).astype(np.int64) @ np.array([1 << 16, 1 << 8, 1])
    if 2 * np.count_nonzero(np.isin(packed, table @ np.array([1 << 16, 1 << 8, 1]))) > len(packed):
        return 0.0
    return _median_distance(colors, entry)


def _median_distance(colors: np.ndarray, entry: Any) -> float:
    """Median RGB distance (DN) of (N, 3) 0-255 ``colors`` to the nearest color of
    ``entry``'s table, truncated or rounded (as Agg paints).

    Examples
    --------
    >>> from truepix.color._catalog import resolve
    >>> gray = resolve("gray")
    >>> round(_median_distance(np.array([[10.0, 10, 10], [0, 0, 3]]), gray), 2)
    1.22
    """
    table = np.concatenate([entry.lut_bytes[:, :3], entry.lut_rounded[:, :3]]).astype(np.float64)
    squared = (
        (colors**2).sum(axis=1)[:, None] + (table**2).sum(axis=1)[None, :] - 2.0 * colors @ table.T
    )  # fmt: skip
    return float(np.median(np.sqrt(np.maximum(squared.min(axis=1), 0.0))))

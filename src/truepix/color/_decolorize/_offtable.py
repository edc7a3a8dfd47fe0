"""Exact pictures whose colors are not the map's table: a quiet wrong answer.

An exact render (PNG, no resampling) holds only its map's table colors. A picture
that decodes quiet (noise under ``_result.SUSPECT_NOISE``, NaN under a tenth) can
still hold none of them: another tool's version of the map (OpenCV's COLORMAP_HOT
decoded as 'hot': 3-3.7 % of the range off, 14 DN at most; COLORMAP_JET as 'jet'),
whose colors lie on the map's curve a few DN from its entries, or a diverging map
drawn with alpha over white, whose blends land near the map's own middle colors
(coolwarm at alpha 0.8: 5.5 % off, 0 % NaN). Neither leaves noise or NaN to see;
both leave the exact share: the sample's colors that are table bytes (an exact
right-map picture: 1.0; those: 0-0.11) while few distinct colors (an exact render of
*something*: resampled and noisy pictures hold thousands).

:func:`offtable_advice` reads an even sample, and only past that test fits a blend
(``_result.blend_advice``) or asks :func:`truepix.identify_colormap` for a map that
holds the colors exactly.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from truepix._shares import LIGHT, NEUTRAL

__all__ = ["offtable_advice", "offtable_warned"]

#: Pixels (evenly spaced) the first test reads, and the later ones.
FIRST, SAMPLE = 512, 4096
#: Data pixels a sample needs before its colors say anything.
MIN_SAMPLE = 256
#: Share of the sample's colors that are table bytes past which the picture is the
#: map's (exact right-map pictures: 1.0; OpenCV's COLORMAP_HOT as 'hot': 0.52, its
#: COLORMAP_JET as 'jet' 0.29-0.48).
ON_TABLE = 0.9
#: Distinct colors of an exact render: at most the two tables' 512 (and a few
#: annotation colors); fewer than FEW are levels or contours (``_levels``' ground).
MANY, FEW = 600, 64
#: Share of the sample another map must hold exactly to be named, and how much more
#: than the decoder's map (annotations over the right map are no other map's colors).
OTHER_EXACT, OTHER_MORE = 0.9, 0.25
#: Channel spread (DN) at most which a map is gray-like: a gray picture holds another
#: gray map's bytes as well as its own.
GRAY_SPREAD = 8


def offtable_warned(decoder: Any, image: Any, stacklevel: int) -> bool:
    """Whether :func:`offtable_advice` named something, and an
    :class:`~truepix.errors.OffMapWarning` said it (``_result.warn_off_map``'s quiet
    pictures)."""
    import warnings

    from truepix.errors import OffMapWarning

    advice = offtable_advice(decoder, image)
    if advice is not None:
        warnings.warn(advice, OffMapWarning, stacklevel=stacklevel)
    return advice is not None


def offtable_advice(decoder: Any, image: Any) -> str | None:
    """The warning's text for a quiet ``image`` (uint8 RGB(A)) of few distinct colors
    that are not ``decoder``'s table colors: a blend of its map (what to pass), or
    another catalog map holding them exactly (its name); None otherwise, and at the
    cost of a small even sample (FIRST pixels) where most colors are the map's."""
    pixels = np.asarray(np.ma.getdata(image))
    if pixels.dtype != np.uint8 or pixels.ndim != 3 or pixels.shape[-1] not in (3, 4):
        return None
    if getattr(decoder, "alpha", None) is not None:
        return None
    entry = decoder._map
    flat = pixels.reshape(-1, pixels.shape[-1])
    first = _keys(flat[:: max(1, len(flat) // FIRST), :3])  # (all pixels: no filter to pay)
    if _held(first, entry) >= ON_TABLE:
        return None  # the map's own colors: the common case stops here
    other = getattr(decoder, "_other", None)  # "matlab:jet" decodes jet(64) pictures too
    if other is not None and _held(first, _entry(other.name)) >= ON_TABLE:
        return None
    if int(np.ptp(entry.lut_bytes[:, :3].astype(np.int16), axis=1).max()) <= GRAY_SPREAD:
        return None
    sample = _sample(pixels, SAMPLE, MIN_SAMPLE)
    if sample is None:
        return None
    keys = _keys(sample)
    own = max(_held(keys, entry), 0.0 if other is None else _held(keys, _entry(other.name)))
    if own >= ON_TABLE or not FEW <= len(np.unique(keys)) <= MANY:
        return None  # resampled or noisy (no exact render), or a few levels
    advice = _blend(decoder, sample)
    if advice is not None:
        return (
            f"the picture's colors are not those of {decoder.cmap!r}, so its values are"
            f" likely wrong; {advice}"
        )
    return _other_map(decoder, sample, keys, own)


def _sample(pixels: np.ndarray, size: int, least: int) -> np.ndarray | None:
    """(K, 3) uint8 colors of up to ``size`` evenly spaced data pixels: opaque, not the
    light neutral background; None when fewer than ``least``."""
    flat = pixels.reshape(-1, pixels.shape[-1])
    chosen = flat[:: max(1, -(-len(flat) // size))]
    rgb = chosen[:, :3]
    low, high = rgb.min(1), rgb.max(1)
    data = (low < LIGHT) | (high.astype(np.int16) - low > NEUTRAL)
    if chosen.shape[1] == 4:
        data &= chosen[:, 3] == 255
    rgb = rgb[data]
    return np.ascontiguousarray(rgb) if len(rgb) >= least else None


def _keys(rgb: np.ndarray) -> np.ndarray:
    """One int64 a color."""
    wide = rgb.astype(np.int64)
    return (wide[:, 0] << 16) | (wide[:, 1] << 8) | wide[:, 2]


def _table_keys(entry: Any) -> np.ndarray:
    """Sorted keys of the map's 8-bit tables (truncated, rounded as Agg paints faces,
    as np.round rounds: ``_tables.byte_tables``), kept with the entry (read-only)."""
    from truepix.color._decolorize._tables import byte_tables

    found = _TABLE_KEYS.get(id(entry))
    if found is None or found[0] is not entry:
        keys = np.unique(np.concatenate([_keys(t) for t in byte_tables(entry).values()]))
        if len(_TABLE_KEYS) > 64:
            _TABLE_KEYS.clear()
        found = _TABLE_KEYS[id(entry)] = (entry, keys)
    return found[1]


_TABLE_KEYS: dict[int, tuple[Any, np.ndarray]] = {}


def _entry(name: str) -> Any:
    from truepix.color._catalog import resolve

    return resolve(name)


def _held(keys: np.ndarray, entry: Any) -> float:
    """Share of ``keys`` that are ``entry``'s table colors (a sorted search: np.isin
    sorts both sides each call)."""
    table = _table_keys(entry)
    found = np.minimum(np.searchsorted(table, keys), len(table) - 1)
    return float(np.count_nonzero(table[found] == keys) / max(len(keys), 1))


def _blend(decoder: Any, sample: np.ndarray) -> str | None:
    """``_result.blend_advice`` on the sample, when the blend screen says a blend of
    the map explains its colors (``_result.BLEND_EXPLAINED``)."""
    from truepix.color._decolorize._result import BLEND_EXPLAINED, blend_advice
    from truepix.color._decolorize._screen import blend_explained

    shown = np.ones(len(sample), bool)
    advice = None
    if blend_explained(decoder, sample[None], shown, 1.0) >= BLEND_EXPLAINED:
        advice = blend_advice(decoder, sample[None], shown, 1.0)
    # (at alpha 0.95 the screen misses half the blends: an exact one is searched anyway)
    return advice if advice is not None else _exact_blend(decoder, _keys(sample))


def _exact_blend(decoder: Any, keys: np.ndarray) -> str | None:
    """Advice naming the alpha whose Agg blend of the map over a white or black face
    holds OTHER_EXACT of the colors exactly, searched over every alpha byte: the least
    squares pair a diverging map's blends with its own middle colors and settle 0.05-0.07
    too high (coolwarm at 0.8 over white fitted 0.86), past the snap's window."""
    from truepix.color._decolorize._translucent import Blend, _alpha_of, agg_over

    entry = decoder._map
    colors, counts = np.unique(keys, return_counts=True)
    alphas = np.arange(1, 255, dtype=np.int64)
    best = (0.0, 0, 255, True)
    for face in (255, 0):
        under = np.full(3, face)
        for table, truncated in ((entry.lut_bytes, True), (entry.lut_rounded, False)):
            made = agg_over(table[None, :, :3], alphas[:, None, None], under)  # (254, N, 3)
            blended = np.sort((alphas[:, None] << 24) | _keys(made.reshape(-1, 3)).reshape(
                len(alphas), -1), axis=None)  # fmt: skip
            query = (alphas[:, None] << 24) | colors[None, :]  # (254, K)
            found = np.minimum(np.searchsorted(blended, query), len(blended) - 1)
            shares = ((blended[found] == query) * counts).sum(1) / counts.sum()
            at = int(np.argmax(shares))
            if shares[at] > best[0]:
                best = (float(shares[at]), int(alphas[at]), face, truncated)
    share, a8, face, truncated = best
    if share < OTHER_EXACT:
        return None
    blend = Blend(_alpha_of(a8, truncated), (face, face, face), 0.0, share)
    return (
        f"they look like {decoder.cmap!r} drawn at alpha={blend.alpha:.2f} over"
        f" {blend.over()}: pass {blend.advice()}"
    )


def _other_map(decoder: Any, sample: np.ndarray, keys: np.ndarray, own: float) -> str | None:
    """The advice naming the best catalog map of :func:`truepix.identify_colormap`
    (not the decoder's, not a blend, not gray-like) when its tables hold OTHER_EXACT
    of the sample's colors exactly."""
    from truepix._shares import percent
    from truepix.color._catalog import resolve
    from truepix.color._identify._match import ranked_maps

    given = decoder._map.name.removesuffix("_r")
    for match in ranked_maps(sample[None], top=3):
        if given in (match.name, *match.aliases) or match.alpha != 1.0:
            continue
        entry = resolve(match.name)
        if int(np.ptp(entry.lut_bytes[:, :3].astype(np.int16), axis=1).max()) <= GRAY_SPREAD:
            continue
        held = _held(keys, entry)
        if held < OTHER_EXACT or held < own + OTHER_MORE:
            continue
        n = len(keys)
        return (
            f"the picture's colors are those of {match.name!r} exactly"
            f" ({percent(round(held * n), n)} of them; {percent(round(own * n), n)} are"
            f" colors of {decoder.cmap!r}), so its values are likely wrong:"
            f" pass cmap={match.name!r}"
        )
    return None

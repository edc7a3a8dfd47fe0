"""Pictures of a map drawn with alpha: which catalog map, at which alpha, over what.

``imshow(data, alpha=a)`` saved with ``savefig`` paints ``a * map + (1 - a) *
facecolor``; no catalog map holds those colors, and the opaque ranking names
whichever map passes near them (GnBu, Spectral, cmocean:haline for viridis at
0.5-0.9 over white, scores 0.28-0.33, where degraded opaque pictures keep
0.80-0.90). When the best opaque score is that low, the picture's colors are
un-blended under a few (alpha, face) hypotheses and ranked against every table;
the best few maps are then fitted exactly (``_decolorize._translucent.fitted_blend``:
the alpha and face that leave the least RMS, checked to explain the colors far
better than the map drawn opaque).
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["BLEND_BELOW", "blended_picture", "with_picture_blend"]

#: A picture whose best opaque match scores below this is tried as a map drawn with
#: alpha (degraded opaque pictures: 0.80-0.90 for JPEG q30-q50 and 5 DN noise;
#: maps with a white middle drawn at 0.7-0.9 over white reach 0.74-0.92 as
#: another map, the closest to their blend, and stay named so).
BLEND_BELOW = 0.78
_ALPHAS = np.arange(0.3, 0.96, 0.1)
_FACES = (255.0, 0.0, 153.0)  # white, black, a mid gray ("0.6")
_FITTED = 3  # maps fitted exactly


def blended_picture(image: Any, tables: Any) -> tuple[str, Any] | None:
    """(catalog name, ``_translucent.Blend``) of the map drawn with alpha that
    explains ``image``'s colors, or None."""
    from truepix.color._catalog import get
    from truepix.color._decolorize._translucent import fitted_blend
    from truepix.color._identify._match import _CAP, _COARSE_COLORS, _commonness, _picture_colors
    from truepix.color._identify._nearest import planes_cost

    all_colors, all_weights = _picture_colors(image)  # read once: ranked, then fitted
    common = np.argsort(all_weights, kind="stable")[::-1][:_COARSE_COLORS]
    colors, weights = all_colors[common].astype(np.float64), all_weights[common]
    best = np.full(len(tables.names), np.inf)
    for face in _FACES:
        for alpha in _ALPHAS:
            lifted = (colors - (1.0 - alpha) * face) / alpha
            inside = np.all((lifted > -3.0) & (lifted < 258.0), axis=1)
            if weights[inside].sum() < 0.9 * weights.sum():
                continue  # this blend cannot make the picture's colors
            cost = planes_cost(np.clip(lifted[inside], 0, 255), weights[inside],
                               tables.luts_planes, tables.sizes, _CAP)  # fmt: skip
            best = np.minimum(best, cost)
    if not np.isfinite(best).any():
        return None
    fits = []
    for m in np.argsort(best, kind="stable")[:_FITTED]:
        name = tables.names[int(m)]
        blend = fitted_blend(all_colors, all_weights, get(name))
        if blend is not None:
            fits.append((name, blend))
    if not fits:
        return None
    least = min(blend.rms for _, blend in fits)
    # tables that fit alike (viridis, opencv:viridis): the common name
    return min(fits, key=lambda fit: (fit[1].rms > 1.1 * least, _commonness(fit[0])))


def with_picture_blend(image: Any, tables: Any, matches: list[Any], top: int) -> list[Any]:
    """``matches`` with a map drawn with alpha first, when one explains the picture
    (its ``alpha`` and ``background`` say how it was drawn)."""
    from truepix.color._identify._match import _CAP, ColormapMatch

    found = blended_picture(image, tables)
    if found is None:
        return matches
    name, blend = found
    match = ColormapMatch(name, False, round(1.0 - blend.rms / _CAP, 6), direction_known=False,
                          alpha=blend.alpha, background=tuple(map(float, blend.facecolor)))  # fmt: skip
    return [match, *(m for m in matches if m.name != name)][:top]

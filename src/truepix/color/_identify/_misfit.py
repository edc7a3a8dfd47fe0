"""Whether the map ``identify_colormap`` names fits the picture closely (``_match``).

A score says how far the picture's colors lie from the named map's table, not whether
that is the picture's noise or another map's colors: a JPEG of ``jet`` and an exact
PNG of a hand-built ``from_list(["navy", "white", "darkred"])`` both score about 0.8
(against ``jet``; ``seaborn:vlag``), and the second decodes a few percent off. The two
differ in how the offset is spread: compression scatters a map's colors around its
table, so along the table their mean offset stays small against their scatter; another
map's colors lie off the table the same way all along a stretch of it. So each picture
color within the cap is placed at its nearest table entry, the table cut in :data:`BINS`
stretches, and per stretch the mean offset (systematic) and the scatter around it
(noise) measured; a systematic offset of :data:`MISFIT_DN` or more and
:data:`NOISE_RATIO` times the noise says no catalog map fits closely (a doubt, and the
scores scaled down).

Measured with the colors beside the cap (figure neutral colors capped low,
:func:`._nearest.color_caps`) on every continuous catalog map (terrain fields, exact
and JPEG q75), 20 maps at JPEG q50 and q90 and through ``plt.imsave``, 15 whole
figures: systematic / (noise + :data:`NOISE_FLOOR`) at most 0.8 exact, 1.4 JPEG
(``flag``, whose colors change fastest), 2.1 on a JPEG'd figure of ``RdBu`` (its paper
beside RdBu's near-white middle); the hand-built navy-white-darkred map's exact PNG 3.2
against ``seaborn:vlag`` (6.1 DN systematic, 1.4 DN noise). Its JPEG q75 (6.2 against
3.8 DN: 1.5) is not told from a JPEG'd catalog map.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from truepix.color._catalog import get
from truepix.color._decolorize._screen import nearest_entries

__all__ = ["BINS", "MISFIT_DN", "NOISE_FLOOR", "NOISE_RATIO", "misfit", "with_misfit_doubt"]

#: Stretches a table is cut in: each a few entries, along which another map's offset holds.
BINS = 64
#: Least systematic offset (DN) that names no map (an exact render of a table whose other
#: bytes, truncated or rounded, hold the picture: under 1 DN).
MISFIT_DN = 3.0
#: Times its noise a picture's systematic offset must reach (measured most for a catalog
#: map's picture: 2.1; a hand-built map's exact PNG: 3.2, see the module text).
NOISE_RATIO = 2.5
#: DN added to the noise: an exact picture's is near 0, and its offset is not infinitely sure.
NOISE_FLOOR = 0.5
#: Share of the picture's pixels that must lie within the cap of the table for the test:
#: fewer (prism's JPEG: 1 %) say nothing about how closely the table fits.
MAP_SHARE = 0.5
#: Least the scores are scaled by.
LEAST_FACTOR = 0.5


def misfit(
    colors: np.ndarray, weights: np.ndarray, caps: np.ndarray, lut_bytes: np.ndarray,
    lut_rounded: np.ndarray,
) -> tuple[float, float, float]:
    """(systematic offset DN, noise DN, share of the weight within ``caps`` of the table).

    ``lut_bytes``, ``lut_rounded``: the map's (K, 3+) byte tables, truncated and rounded.

    Examples
    --------
    >>> import numpy as np
    >>> lut = np.stack([np.arange(256)] * 3, axis=1)  # gray
    >>> colors = np.array([[10, 10, 16], [200, 200, 206]])  # bluer than gray, alike
    >>> [round(v, 2) for v in misfit(colors, np.ones(2), np.full(2, 40.0), lut, lut)]
    [4.9, 0.0, 1.0]
    """
    size = len(lut_bytes)
    table = np.concatenate([lut_bytes[:, :3], lut_rounded[:, :3]]).astype(np.float64)
    rgb = np.asarray(colors, dtype=np.float64)
    index = np.zeros(len(rgb), dtype=np.int64)
    nearest_entries(
        np.ascontiguousarray(rgb.T, dtype=np.float32), np.ascontiguousarray(table.T, dtype=np.float32),
        index,
    )  # (byte colors: float32 squares are exact integers, the first of ties as in float64)
    square = np.sum((rgb - table[index]) ** 2, axis=1)
    near = square <= np.asarray(caps, dtype=np.float64) ** 2
    total = float(np.sum(weights))
    held = float(np.sum(weights[near]))
    if held == 0:
        return 0.0, 0.0, 0.0
    weight = np.asarray(weights, dtype=np.float64)[near]
    place = index[near] % size
    offset = rgb[near] - table[index[near]]
    stretch = place * BINS // size
    mass = np.bincount(stretch, weight, BINS)
    mean = np.stack([np.bincount(stretch, weight * offset[:, c], BINS) for c in range(3)], axis=1)
    mean /= np.maximum(mass, 1e-300)[:, None]
    systematic = float(np.sum(mass * np.linalg.norm(mean, axis=1)) / held)
    noise = float(np.sum(weight * np.linalg.norm(offset - mean[stretch], axis=1)) / held)
    return systematic, noise, held / total


def with_misfit_doubt(matches: list, colors: np.ndarray, weights: np.ndarray, caps: Any) -> list:
    """``matches`` with a doubt and scores scaled down when the first (a continuous map)
    lies off the picture's colors by more than their noise explains.

    Every match is scaled by one factor (the order kept): :data:`NOISE_RATIO` times the
    noise (or :data:`MISFIT_DN`) over the systematic offset, at least :data:`LEAST_FACTOR`.
    """
    if not matches or matches[0].alpha != 1.0:
        return matches
    first = matches[0]
    found, tables = [], set()
    for name in (first.name, *first.aliases):
        entry = get(name)
        if entry.discrete:
            return matches
        key = entry.lut_bytes.tobytes() + entry.lut_rounded.tobytes()
        if key not in tables:  # a cluster's copies of one table: measured once
            tables.add(key)
            found.append(misfit(colors, weights, caps, entry.lut_bytes, entry.lut_rounded))
    systematic, noise, share = min(found)  # the member fitting best
    allowed = max(MISFIT_DN, NOISE_RATIO * (noise + NOISE_FLOOR))
    if share < MAP_SHARE or systematic < allowed:
        return matches
    factor = max(allowed / systematic, LEAST_FACTOR)
    doubt = (
        f"no catalog map fits closely: the picture's colors lie {systematic:.1f} DN off "
        f"{first.name}'s table along it, {systematic / (noise + NOISE_FLOOR):.1f} times "
        f"their own scatter ({noise:.1f} DN; a picture of a catalog map: under "
        f"{NOISE_RATIO:g} times)"
    )
    return [replace(m, score=round(m.score * factor, 6), doubt=doubt) for m in matches]

"""Two maps that tie on a picture's colors: which one painted it (the colors one lacks).

Vendors draw one map their own ways: OpenCV's COLORMAP_JET runs through pure cyan
and pure yellow, where matplotlib's jet cuts those corners by up to 20 DN and MATLAB's
follows OpenCV's. On a JPEG'd picture each map's mean capped distance is mostly the
JPEG's fringes, which every map pays alike, so the two differ by about a tenth -- inside
the margin by which a map outside matplotlib must beat one of matplotlib's
(``_match._COMMON_MARGIN``). ``identify_colormap`` named 'jet' for a JPEG'd OpenCV jet
picture (cv2.imwrite q95 of skimage's camera), which decodes with 2.8 % NaN at 3.6x the
k-d tree's error, where 'opencv:jet' decodes at 0.69x.

What tells two such maps apart is not the mean distance but the colors one holds and
the other lacks: the share of the picture within :data:`NEAR_DN` of one map and farther
than :data:`NEAR_DN` + :data:`APART_DN` from the other (:func:`lacked`). That OpenCV
picture: 6.6 % of its pixels lie on 'opencv:jet' and off 'jet', 0.17 % the other way.
Maps that really are alike on a picture lack nothing of each other there (JPEG'd gray
against ``imagej:HiLo``, gist_rainbow against ``vispy:hsl``: 0.0 % each way), and the
common name keeps the tie. Neutral colors count as ``_match`` caps them
(``_nearest.color_caps``): a figure's black text and white paper are no map's evidence,
so maps differing only in a near-black end (OpenCV's hot and pink against
matplotlib's) stay tied on a JPEG -- the picture cannot tell them, and the common name
is kept.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from truepix.color._identify._nearest import _nearest_squares

__all__ = [
    "APART_DN", "CAP", "LACKED_RATIO", "LACKED_SHARE", "NEAR_DN", "distances", "lacked", "settled",
    "shares", "tells",
]  # fmt: skip

#: The most (DN) a color costs a map (``_match``'s cap).
CAP = 40.0
#: DN within which a color is one of a map's (JPEG q75-q95 keeps a smooth field's colors
#: this close to their map).
NEAR_DN = 3.0
#: ... and how much farther (DN) the other map must be to lack it.
APART_DN = 3.0
#: Share of the picture's pixels that one map holds and the other lacks past which the
#: picture tells them apart (OpenCV's jet against matplotlib's: 6.6 % of a JPEG'd
#: camera picture; matplotlib maps JPEG'd against their look-alikes: 0.0 %) ...
LACKED_SHARE = 0.01
#: ... and how many times the share the other way round it must be (that picture:
#: 0.17 %; at 256 px, cv2 q95 3.4 % against 0.6 %, q90 2.7 against 1.1, q75 2.4 against
#: 1.5, which stays 'jet'; a matplotlib jet picture against 'opencv:jet': 2.5 against
#: 5.8, and 'jet' fits it better on the whole anyway).
LACKED_RATIO = 2.0


def distances(colors: np.ndarray, planes: np.ndarray, size: int) -> np.ndarray:
    """(U,) distance (DN) of each (U, 3) color to the nearest of a table's first ``size``
    entries laid out as (3, K) float32 planes (``_nearest.table_planes``)."""
    rgb = np.ascontiguousarray(np.asarray(colors).T, dtype=np.float32)
    best = np.full(rgb.shape[1], np.inf, dtype=np.float32)
    _nearest_squares(rgb, np.ascontiguousarray(planes, dtype=np.float32), int(size), best)
    return np.sqrt(best.astype(np.float64))


def lacked(
    colors: np.ndarray, weights: np.ndarray, caps: np.ndarray, first: Any, second: Any
) -> tuple[float, float]:
    """(share of the weight on colors ``second`` holds and ``first`` lacks, the reverse).

    ``first``, ``second``: (planes, size) of a table (``_Tables.union``); ``caps``: the
    most (DN) each color may be off a map (a figure's neutral colors: little).

    Examples
    --------
    >>> import numpy as np
    >>> from truepix.color._identify._nearest import table_planes
    >>> corner = table_planes(np.array([[[0, 0, 255], [0, 255, 255], [0, 255, 0]]]))[0]
    >>> cut = table_planes(np.array([[[0, 0, 255], [0, 200, 200], [0, 255, 0]]]))[0]
    >>> colors = np.array([[0, 0, 255], [0, 254, 255], [0, 255, 1]])
    >>> lacked(colors, np.ones(3), np.full(3, 40.0), (cut, 3), (corner, 3))
    (0.333333, 0.0)
    """
    near_first = np.minimum(distances(colors, *first), caps)
    return shares(near_first, np.minimum(distances(colors, *second), caps), weights)


def shares(near_first: np.ndarray, near_second: np.ndarray, weights: np.ndarray) -> Any:
    """:func:`lacked` from each color's (capped) distances to the two maps."""
    found = []
    total = float(np.sum(weights))
    for on, off in ((near_second, near_first), (near_first, near_second)):
        held = (on <= NEAR_DN) & (off > NEAR_DN + APART_DN)
        found.append(round(float(np.sum(weights[held])) / total, 6))
    return found[0], found[1]


def tells(shares: tuple[float, float]) -> bool:
    """Whether :func:`lacked`'s shares say the second map painted the picture."""
    return shares[0] >= LACKED_SHARE and shares[0] >= LACKED_RATIO * shares[1]


def settled(ranked: list[Any], seen: Any, tables: Any, cap: float) -> list[Any]:
    """``_match._ranked``'s sorted (order, commonness, match) items with the maps outside
    matplotlib first that fit the picture better than the common leader (``cap`` less
    its score, DN) and came after it only by the common name's margin -- when the
    picture holds colors they have and the leader lacks (:func:`tells`); in their order.

    ``seen``: the picture's (colors, weights, caps) as ``_match`` compared them.
    """
    if len(ranked) < 2 or ":" in ranked[0][2].name or ranked[0][2].name not in tables.names:
        return ranked
    fit = (1.0 - ranked[0][2].score) * cap
    rivals = [
        k for k, item in enumerate(ranked[1:], 1)
        if ":" in item[2].name and cap * (1.0 - item[2].score) < fit
        and item[2].name in tables.names
    ]  # fmt: skip
    planes, sizes = tables.union
    colors, weights, caps = seen
    leader = tables.names.index(ranked[0][2].name)
    first = []
    for k in rivals:
        rival = tables.names.index(ranked[k][2].name)
        shares = lacked(
            colors, weights, caps, (planes[leader], sizes[leader]), (planes[rival], sizes[rival])
        )  # fmt: skip
        if tells(shares):
            first.append(k)
    return [ranked[k] for k in first] + [item for k, item in enumerate(ranked) if k not in first]

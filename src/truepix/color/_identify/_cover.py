"""Which of a map's colors a picture shows, and what the ones it lacks cost (``_match``).

The picture of a map shows (nearly) all of its colors when the data fills the
range; a map with extra colors -- gray with colored ends, a ramp that also runs
through white -- explains the picture as well but leaves some of its colors
unused, and pays for them (:data:`COVER_WEIGHT`).

Colors missing from a map's *ends* are weak evidence on a worn picture:
shrinking, JPEG and noise wear a field's extremes away, so a gray picture
shrunk 0.5x runs 6..238 and the gray ramp ``colorcet:CET_L2`` (27..240), which
lacks what the picture lacks, would explain it better than ``gray`` itself.
Measured on every matplotlib map and its reverse over three fields (smooth,
terrain, camera; ``benchmarks/identify_ties.py``): cv2/Pillow/skimage shrinks
0.5x and 0.33x and JPEG q50-95 leave up to 13 % of the table unshown at one end
(p99 6 % for 0.5x shrinks, 9-12 % for 0.33x and JPEG q50-75). So what the first
and last :data:`END_ALLOWANCE` of a table leave unshown costs only
:data:`END_DISCOUNT` of the rest -- unless the picture is a whole exact render of
some candidate (every pixel one of its table's colors, every color shown, its
first and last exactly): then no tool wore it, and a map showing its every color
beats one whose ends the picture lacks (an exact ``colorcet:CET_L2`` render is
``colorcet:CET_L2``, not ``gray``). Colors missing from a table's middle always
count in full.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = [
    "COVER_WEIGHT", "END_ALLOWANCE", "END_DISCOUNT", "ends_shown", "missing", "shown",
    "uncovered", "unshown_share",
]  # fmt: skip

_COVER_SHIFT = 2  # coverage is checked on a grid of 4-DN cells ...
_COVER_REACH = 3  # ... counting a map color as shown when a picture color is 3 cells away
COVER_WEIGHT = 0.25  # cost of a map color the picture never shows, as a fraction of _CAP
#: Fraction of a table at each end a worn picture may leave unshown for free
#: (measured worst: 0.133, rescaled bytes on the terrain field, see the module text).
END_ALLOWANCE = 0.14
#: What a worn picture pays for an unshown color there: a little, so that of two maps
#: explaining its colors alike, the one it shows whole still comes first (gray, not
#: imagej:HiLo, gray with a blue and a red end).
END_DISCOUNT = 0.1


def shown(colors: np.ndarray, luts: np.ndarray) -> np.ndarray:
    """(M, K) whether a picture color lies near each table color (:data:`_COVER_REACH` cells)."""
    cells = 256 >> _COVER_SHIFT
    grid = np.zeros((cells, cells, cells), dtype=bool)
    cell = colors >> _COVER_SHIFT
    grid[cell[:, 0], cell[:, 1], cell[:, 2]] = True
    for axis in range(3):  # separable dilation by _COVER_REACH cells
        grown = grid.copy()
        for shift in range(1, _COVER_REACH + 1):
            grown[(slice(None),) * axis + (slice(shift, None),)] |= grid[
                (slice(None),) * axis + (slice(None, -shift),)
            ]
            grown[(slice(None),) * axis + (slice(None, -shift),)] |= grid[
                (slice(None),) * axis + (slice(shift, None),)
            ]
        grid = grown
    lut_cells = luts >> _COVER_SHIFT
    return grid[lut_cells[..., 0], lut_cells[..., 1], lut_cells[..., 2]]


def ends_shown(colors: np.ndarray, tables) -> np.ndarray:
    """Per table, whether the picture holds its first and its last color exactly
    (truncated or rounded bytes): a render of the whole table does.

    ``tables``: ``_match._Tables``.
    """
    def code(rgb: np.ndarray) -> np.ndarray:
        rgb = rgb.astype(np.int64)
        return (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]

    held = code(colors)
    last = tables.sizes - 1
    rows = np.arange(len(tables.sizes))
    found = []
    for lut in (tables.luts, tables.rounded):
        found.append(np.isin(code(lut[:, 0]), held) & np.isin(code(lut[rows, last]), held))
    return found[0] | found[1]


def uncovered(colors: np.ndarray, luts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Per table, the fraction of its colors with no picture color near them.

    Examples
    --------
    >>> import numpy as np
    >>> luts = np.array([[[0, 0, 0], [100, 100, 100], [200, 200, 200]]])
    >>> uncovered(np.array([[1, 2, 0]]), luts, np.array([3])).round(3).tolist()
    [0.667]
    """
    covered = shown(colors, luts)
    real = np.arange(luts.shape[1])[None, :] < sizes[:, None]
    return 1.0 - (covered & real).sum(axis=1) / sizes


def missing(colors: np.ndarray, luts: np.ndarray, sizes: np.ndarray) -> tuple[Any, Any]:
    """Per table: (fraction unshown, the same with its ends discounted).

    The second counts what is unshown in the first and last :data:`END_ALLOWANCE`
    of each table at :data:`END_DISCOUNT` of its weight.

    Examples
    --------
    >>> import numpy as np
    >>> lut = np.repeat(np.arange(0, 250, 10)[:, None], 3, axis=1)[None]  # 25 grays
    >>> picture = np.repeat(np.arange(40, 250, 10)[:, None], 3, axis=1)  # lacks 0..30
    >>> [v.round(3).tolist() for v in missing(picture, lut, np.array([25]))]
    [[0.12], [0.012]]
    """
    index = np.arange(luts.shape[1])[None, :]
    unseen = ~shown(colors, luts) & (index < sizes[:, None])
    margin = END_ALLOWANCE * sizes[:, None]
    middle = (index >= margin) & (index < sizes[:, None] - margin)
    inside = (unseen & middle).sum(axis=1)
    ends = unseen.sum(axis=1) - inside
    return (inside + ends) / sizes, (inside + END_DISCOUNT * ends) / sizes


def unshown_share(
    unshown: np.ndarray, worn: np.ndarray, ends: np.ndarray, shortlist: np.ndarray,
    off: np.ndarray, *, bar: bool,
) -> np.ndarray:
    """Per shortlisted table, the share of its colors to pay for as unshown (from :func:`missing`).

    ``off``: each one's share of the picture's pixels not among its colors; ``ends``
    (:func:`ends_shown`): whether the picture holds its first and last colors.
    A picture whose every pixel is a color of one table and which shows every color of
    it, its two end colors exactly, is a whole exact render of that table: nothing of
    it is worn, every unshown color counts (and a colorbar shows its map's whole range).
    Otherwise the ends are discounted for the tables that explain every pixel when one
    does (an exact picture: another was not worn away from it), for every table when
    none does (JPEG, resampled colors).
    """
    unshown, worn = unshown[shortlist], worn[shortlist]
    exact = off == 0
    whole = np.any(exact & (unshown == 0) & ends[shortlist])
    if bar or whole:
        return unshown
    return np.where(exact, worn, unshown) if np.any(exact) else worn

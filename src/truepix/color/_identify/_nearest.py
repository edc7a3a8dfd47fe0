"""The cost of explaining a picture's colors by each colormap table (``_match`` ranks by it).

The cost is the weighted mean distance from each picture color to the nearest
entry of a table, capped. A numba kernel computes it (:func:`nearest_color_cost`,
:func:`planes_cost` on tables laid out once by :func:`table_planes`); the numpy
oracle is :func:`nearest_color_cost_numpy`. The kernel sorts the picture's colors into
cells (:data:`_CELL_MANY`) and compares each table entry only with the colors of the cells
within the largest cap of it: a color farther from every entry costs its cap whichever
is nearest, so the costs are those of comparing every pair, to the bit, for a few percent
of the work on a JPEG'd picture (:func:`pairs_compared`). The cap may differ per color
(:func:`color_caps`): on a whole figure the neutral colors -- white paper, black
text and axes, gray grid -- are no map's colors, and at the full cap they cost every
map alike except those holding grays (gray, binary, RdBu's white middle), which then win.
"""

from __future__ import annotations

from typing import Any

import numba
import numpy as np

__all__ = [
    "COLORED_SHARE", "NEUTRAL_CAP", "NEUTRAL_DN", "OWN_BYTES", "color_caps", "nearest_color_cost",
    "nearest_color_cost_numpy", "own_bytes_cost", "pairs_compared", "planes_cost",
    "planes_cost_off", "table_planes",
]  # fmt: skip

#: DN by which an exact picture prefers a table's truncated bytes to its rounded ones,
#: and those to the two together: below ``_match._NAME_GAP``, so a cluster keeps its
#: common name.
OWN_BYTES = 0.02

#: A color whose channels lie within this many DN of each other is neutral (white, black, gray).
NEUTRAL_DN = 24
#: The most a neutral color costs on a picture mostly of other colors (a figure's paper,
#: text and axes around the plot): little, so that they do not decide which map painted it.
NEUTRAL_CAP = 5.0
#: Share of the pixels the colored (not neutral) colors must reach for :data:`NEUTRAL_CAP`
#: to apply: a gray picture is all neutral and is judged at the full cap (``gray``).
COLORED_SHARE = 0.25


def color_caps(
    colors: np.ndarray, weights: np.ndarray, cap: float, colored_share: float = COLORED_SHARE
) -> np.ndarray:
    """Per color, the largest distance it may cost: :data:`NEUTRAL_CAP` for neutral colors
    when the colored ones hold at least ``colored_share`` of the pixels, else ``cap``
    (a whole figure's plot, its paper left out, needs less: ``_figure.FIGURE_COLORED_SHARE``).

    Examples
    --------
    >>> import numpy as np
    >>> colors = np.array([[255, 255, 255], [0, 0, 0], [68, 1, 84]])
    >>> color_caps(colors, np.array([5.0, 1.0, 2.0]), 40.0).tolist()
    [5.0, 5.0, 40.0]
    >>> color_caps(colors, np.array([5.0, 1.0, 1.0]), 40.0).tolist()  # mostly neutral
    [40.0, 40.0, 40.0]
    """
    colors = np.asarray(colors, dtype=np.int64)
    weights = np.asarray(weights, dtype=np.float64)
    neutral = colors.max(axis=1) - colors.min(axis=1) <= NEUTRAL_DN
    caps = np.full(len(colors), float(cap))
    if weights[~neutral].sum() >= colored_share * weights.sum():
        caps[neutral] = min(NEUTRAL_CAP, float(cap))
    return caps


def nearest_color_cost_numpy(
    colors: np.ndarray, weights: np.ndarray, luts: np.ndarray, cap: float | np.ndarray
) -> np.ndarray:
    """Oracle of :func:`nearest_color_cost`: the same numbers in plain numpy (``cap``: one
    for every color, or one per color).

    Examples
    --------
    >>> import numpy as np
    >>> from truepix.color._identify._nearest import nearest_color_cost_numpy
    >>> luts = np.array([[[0, 0, 0], [10, 0, 0]]], dtype=np.int32)
    >>> nearest_color_cost_numpy(np.array([[3, 4, 0]]), np.array([1.0]), luts, 40.0).tolist()
    [5.0]
    """
    diff = colors[None, :, None, :].astype(np.float64) - luts[:, None, :, :]
    distance = np.sqrt((diff**2).sum(axis=3)).min(axis=2)  # (M, U)
    return np.minimum(distance, np.asarray(cap, dtype=np.float64)) @ weights / weights.sum()


@numba.njit(cache=True, nogil=True)
def _nearest_squares(rgb, table, size, best):  # pragma: no cover - compiled
    # One table entry at a time against every color (``_twins`` reads every distance,
    # uncapped): the inner loop runs over the
    # colors' contiguous channel planes, which the compiler vectorizes. Byte colors
    # make every square distance an integer below 2**18, exact in float32.
    red, green, blue = rgb[0], rgb[1], rgb[2]
    for j in range(size):
        r, g, b = table[0, j], table[1, j], table[2, j]
        for u in range(red.shape[0]):
            dr, dg, db = red[u] - r, green[u] - g, blue[u] - b
            best[u] = min(best[u], dr * dr + dg * dg + db * db)


#: Side (DN) of the cells the cost kernel sorts a picture's colors into: a table entry is
#: compared only with the colors in the cells within the largest cap of it (a color
#: farther costs its cap whichever entry is nearest). Measured (cap 40, 16/32/64/128 DN):
#: 8192 JPEG q75 colors against 40 tables of 1020 entries take 15/22/27/101 ms, the 96
#: most common against all 377 tables 19/9/9/15 ms: small cells for many colors, large
#: for few (below :data:`_FEW_COLORS`). Colors outside 0..255 go to the edge cells.
_CELL_MANY, _CELL_FEW, _FEW_COLORS = 16, 64, 1024
#: A largest cap beyond this (DN) compares every entry with every color.
_REACH_ALL = 1.0e6


@numba.njit(cache=True, nogil=True)
def _cell_of(value, cell):  # pragma: no cover - compiled
    return min(max(int(np.floor(value / cell)), 0), 256 // cell - 1)


@numba.njit(cache=True, nogil=True)
def _cell_span(value, reach, cell):  # pragma: no cover - compiled
    # The cells holding every color within ``reach`` of ``value`` on one channel.
    if reach >= _REACH_ALL:
        return 0, 256 // cell - 1
    return _cell_of(value - reach, cell), _cell_of(value + reach, cell)


@numba.njit(cache=True, nogil=True)
def _cell_side(count):  # pragma: no cover - compiled
    return _CELL_FEW if count < _FEW_COLORS else _CELL_MANY


@numba.njit(cache=True, nogil=True)
def _sorted_by_cell(rgb, cell):  # pragma: no cover - compiled
    # The colors' planes sorted by cell (blue, green, red), each color's place among
    # them, and where each cell's colors start: a row of cells is one run of colors.
    count, cells = rgb.shape[1], 256 // cell
    keys = np.empty(count, dtype=np.int64)
    for u in range(count):
        keys[u] = (_cell_of(rgb[2, u], cell) * cells + _cell_of(rgb[1, u], cell)) * cells
        keys[u] += _cell_of(rgb[0, u], cell)
    order = np.argsort(keys, kind="mergesort")
    place = np.empty(count, dtype=np.int64)
    starts = np.zeros(cells * cells * cells + 1, dtype=np.int64)
    for i in range(count):
        place[order[i]] = i
        starts[keys[order[i]] + 1] += 1
    for k in range(1, starts.shape[0]):
        starts[k] += starts[k - 1]
    planes = np.empty((3, count), dtype=rgb.dtype)
    for c in range(3):
        for i in range(count):
            planes[c, i] = rgb[c, order[i]]
    return planes, place, starts


@numba.njit(cache=True, nogil=True)
def _cell_squares(rgb, starts, cell, table, size, reach, best):  # pragma: no cover - compiled
    # One table entry at a time against the colors of the cells within ``reach`` of it
    # (``rgb`` sorted by :func:`_sorted_by_cell`): each row of cells is a contiguous run
    # the compiler vectorizes. Byte colors make every square distance an integer below
    # 2**18, exact in float32; a color no entry comes within ``reach`` of keeps inf,
    # which its cap replaces as it would the true (farther) distance.
    red, green, blue = rgb[0], rgb[1], rgb[2]
    cells = 256 // cell
    for j in range(size):
        r, g, b = table[0, j], table[1, j], table[2, j]
        x0, x1 = _cell_span(r, reach, cell)
        y0, y1 = _cell_span(g, reach, cell)
        z0, z1 = _cell_span(b, reach, cell)
        for z in range(z0, z1 + 1):
            for y in range(y0, y1 + 1):
                row = (z * cells + y) * cells
                for u in range(starts[row + x0], starts[row + x1 + 1]):
                    dr, dg, db = red[u] - r, green[u] - g, blue[u] - b
                    best[u] = min(best[u], dr * dr + dg * dg + db * db)


@numba.njit(cache=True, nogil=True)
def _cost_off_kernel(rgb, weights, planes, sizes, caps):  # pragma: no cover - compiled
    # Per table: the weighted mean distance (each color capped) and the weight share off it.
    # The sums run over the colors in their given order: the same numbers, to the bit,
    # as comparing every entry with every color.
    cap2 = caps * caps
    total = weights.sum()
    out = np.empty(planes.shape[0])
    off = np.empty(planes.shape[0])
    reach = 0.0
    for u in range(caps.shape[0]):
        reach = max(reach, caps[u])
    if not reach < _REACH_ALL:  # inf, nan: every entry against every color
        reach = _REACH_ALL
    cell = _cell_side(rgb.shape[1])
    grid, place, starts = _sorted_by_cell(rgb, cell)
    best = np.empty(rgb.shape[1], dtype=np.float32)
    for m in range(planes.shape[0]):
        best[:] = np.inf
        _cell_squares(grid, starts, cell, planes[m], sizes[m], reach, best)
        acc = 0.0
        missed = 0.0
        for u in range(place.shape[0]):
            square = best[place[u]]
            acc += weights[u] * np.sqrt(min(float(square), cap2[u]))
            if square > 0:
                missed += weights[u]
        out[m] = acc / total
        off[m] = missed / total
    return out, off


@numba.njit(cache=True, nogil=True)
def _pairs_kernel(rgb, planes, sizes, reach):  # pragma: no cover - compiled
    cell = _cell_side(rgb.shape[1])
    cells = 256 // cell
    _, _, starts = _sorted_by_cell(rgb, cell)
    pairs = 0
    for m in range(planes.shape[0]):
        for j in range(sizes[m]):
            x0, x1 = _cell_span(planes[m, 0, j], reach, cell)
            y0, y1 = _cell_span(planes[m, 1, j], reach, cell)
            z0, z1 = _cell_span(planes[m, 2, j], reach, cell)
            for z in range(z0, z1 + 1):
                for y in range(y0, y1 + 1):
                    row = (z * cells + y) * cells
                    pairs += starts[row + x1 + 1] - starts[row + x0]
    return pairs


def pairs_compared(colors: np.ndarray, planes: np.ndarray, sizes: np.ndarray, cap: Any) -> int:
    """How many (color, table entry) distances :func:`planes_cost` computes: those within the
    largest cap's cells (:data:`_CELL_MANY`), not every color with every entry.

    Examples
    --------
    >>> import numpy as np
    >>> planes = table_planes(np.array([[[0, 0, 0], [10, 0, 0]]]))
    >>> pairs_compared(np.array([[3, 4, 0], [250, 250, 250]]), planes, np.array([2]), 40.0)
    2
    """
    rgb, _, planes, sizes, caps = _kernel_arguments(colors, np.ones(len(colors)), planes, sizes, cap)
    reach = float(caps.max()) if len(caps) else 0.0
    return int(_pairs_kernel(rgb, planes, sizes, reach if reach < _REACH_ALL else _REACH_ALL))


def nearest_color_cost(
    colors: np.ndarray, weights: np.ndarray, luts: np.ndarray, cap: float | np.ndarray
) -> np.ndarray:
    """Weighted mean distance from colors to each table's nearest color, capped.

    Parameters
    ----------
    colors : (U, 3) int array of byte colors (0..255)
    weights : (U,) float array, how many pixels have each color
    luts : (M, K, 3) int array of byte tables
    cap : float or (U,) float array, the largest distance a color can cost (:func:`color_caps`)

    Returns
    -------
    (M,) float64

    Examples
    --------
    >>> import numpy as np
    >>> from truepix.color._identify._nearest import nearest_color_cost
    >>> luts = np.array([[[0, 0, 0], [10, 0, 0]], [[0, 0, 100], [0, 0, 200]]], dtype=np.int32)
    >>> nearest_color_cost(np.array([[3, 4, 0]]), np.array([1.0]), luts, 40.0).tolist()
    [5.0, 40.0]
    """
    luts = np.asarray(luts)
    sizes = np.full(len(luts), luts.shape[1], dtype=np.int64)
    return planes_cost(colors, weights, table_planes(luts), sizes, cap)


def table_planes(luts: np.ndarray) -> np.ndarray:
    """(M, K, 3) byte tables as (M, 3, K) float32 channel planes: what :func:`planes_cost` reads.

    Examples
    --------
    >>> import numpy as np
    >>> table_planes(np.array([[[9, 8, 7], [1, 0, 0]]])).tolist()
    [[[9.0, 1.0], [8.0, 0.0], [7.0, 0.0]]]
    """
    return np.ascontiguousarray(np.asarray(luts).transpose(0, 2, 1), dtype=np.float32)


def planes_cost(
    colors: np.ndarray, weights: np.ndarray, planes: np.ndarray, sizes: np.ndarray, cap: Any
) -> np.ndarray:
    """:func:`nearest_color_cost` on planes from :func:`table_planes` (first ``sizes`` entries)."""
    return _cost_off_kernel(*_kernel_arguments(colors, weights, planes, sizes, cap))[0]


def _kernel_arguments(
    colors: np.ndarray, weights: np.ndarray, planes: np.ndarray, sizes: np.ndarray, cap: Any
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The cost kernels' arguments, in the dtypes and layout they are compiled for
    (``cap``: one for every color, or one per color)."""
    caps = np.broadcast_to(np.asarray(cap, dtype=np.float64), (len(colors),))
    return (
        np.ascontiguousarray(np.asarray(colors).T, dtype=np.float32),
        np.ascontiguousarray(weights, dtype=np.float64),
        np.ascontiguousarray(planes, dtype=np.float32),
        np.ascontiguousarray(sizes, dtype=np.int64),
        np.require(caps, requirements=["C", "W"]),  # writable, however it came: one compile
    )


def planes_cost_off(
    colors: np.ndarray, weights: np.ndarray, planes: np.ndarray, sizes: np.ndarray, cap: Any
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`planes_cost` and, per table, the share of the weight on colors not in it.

    Examples
    --------
    >>> import numpy as np
    >>> planes = table_planes(np.array([[[0, 0, 0], [10, 0, 0]]]))
    >>> cost, off = planes_cost_off(np.array([[0, 0, 0], [3, 4, 0]]), np.array([3.0, 1.0]),
    ...                             planes, np.array([2]), 40.0)
    >>> cost.tolist(), off.tolist()
    ([1.25], [0.25])
    """
    return _cost_off_kernel(*_kernel_arguments(colors, weights, planes, sizes, cap))


def own_bytes_cost(
    colors: np.ndarray, weights: np.ndarray, tables, shortlist: np.ndarray,
    union_cost: np.ndarray, cap: Any,
) -> np.ndarray:
    """Costs of an exact picture: a table's truncated bytes (``bytes=True``, ``colorize``)
    before its rounded ones (Agg) before either (:data:`OWN_BYTES` apart; ``tables``:
    ``_match._Tables``, ``union_cost``: the shortlist's costs on both together).

    A picture every pixel of which is a color of one table is that table's render; gray's
    rounded bytes hold every level, so without the order every gray picture (``Greys``)
    would be exact in ``gray`` too, and ``matlab:hot``'s both tables hold
    ``matlab:hot_64``'s colors.
    """
    sizes = tables.sizes[shortlist]
    truncated = planes_cost(colors, weights, tables.luts_planes[shortlist], sizes, cap)
    near = planes_cost(colors, weights, tables.rounded_planes[shortlist], sizes, cap)
    return np.minimum(np.minimum(truncated, near + OWN_BYTES), union_cost + 2 * OWN_BYTES)

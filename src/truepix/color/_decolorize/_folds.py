"""Where a map's curve folds back in luma, the arm a JPEG'd color lies on is RGB's to tell.

JPEG'd pictures are projected with chroma weighted ``_plan.JPEG_CHROMA_WEIGHT`` (0.1):
JPEG keeps luma at full resolution and smears chroma, so luma tells the position best
-- where the map's luma tells positions apart. A diverging or terrain-like map turns
back in luma (Spectral rises to its yellow middle and falls to both dark ends; terrain,
RdBu, PuOr, ocean, gist_earth alike): two arms of its curve, far apart in position, lie
within a few DN of each other in the luma-weighted metric, and a JPEG'd color near
them -- mostly beside edges, where 4:2:0 blends the two sides' chroma -- projects to
whichever arm its luma happens to favour. Its chroma, weighted in full, still leans
to the arm it came from more often than not.

Here a table entry *folds* when another entry lies within FOLD_DN of it in the
luma-weighted metric while the curve's luma between the two turns (rises above both
or falls below both) by FOLD_TURN or more: the arms of a fold, not neighbours along
one arm. A JPEG'd pixel beside an edge (FOLD_EDGE) whose luma-weighted answer or
whose RGB answer is a folding entry takes the RGB answer -- and so does one whose two
answers lie more than FOLD_APART apart on a map with folds, where RGB's lies nearer a
neighbour's position: a color smeared by 4:2:0 far off the curve (terrain's mid blue
read as its brown, 0.1 as 0.75: equal luma, chroma weighted 0.1; Spectral's flat
disks) lands on another arm than RGB's without either being a folding entry, and the
neighbours inside the region it borders tell which arm it came from. Maps with no
folding entry (viridis, jet, turbo, magma, gray, coolwarm, cividis, cubehelix, YlGnBu:
their luma runs one way, or its turns are far apart in chroma) are left as they were,
at no cost; Spectral 19 % of its entries, terrain 36 %, RdBu 12 %, PuOr 9 %, ocean 15 %,
gist_earth 14 %. Cyclic maps are ``_seam``'s.

Measured (benchmarks/decolorize_trial/acc8: Spectral, terrain, RdBu, PuOr x camera /
coins, 384^2, Pillow q75, positions before the filter, mean / p99 over the k-d tree's):
with entries 0.1 of the range apart and no turn asked, FOLD_DN 8 / 12 / 16 / 24 / 32
took Spectral coins from 0.843 / 1.19 to 0.850 / 1.15, 0.856 / 1.10, 0.864 / 1.09,
0.883 / 1.07, 0.903 / 1.07; RdBu coins 0.884 / 1.08 to 0.884 / 1.08, 0.888 / 1.04,
0.894 / 1.00, 0.901 / 1.01 -- but past 16 DN it took viridis and YlGnBu (slow along
one arm) too. Choosing between the two answers by the 5x5 median of the neighbours'
(spatial continuity), or answering with that median, kept the mean lower but p99
higher (Spectral coins 0.848 / 1.12, 0.879 / 1.16): beside an edge the neighbours are
smeared as much as the pixel. The turn (4 DN) flagged jet's and coolwarm's ends too.
The answer in the metric with chroma weighted 0.3 (``luma444``) instead of RGB kept
the mean where it was but p99 worse than the k-d tree's on 9 of the same 16 pictures
(Spectral, terrain, gist_earth, RdBu x camera / coins x Pillow q75 4:2:0 / 4:2:2) where
RGB leaves 6 (main 11).
"""

from __future__ import annotations

from typing import Any

import numba as nb
import numpy as np

from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._fields import memo_fields
from truepix.color._decolorize._palette import _LUMA, luma_metric
from truepix.color._decolorize._vertex import _JIT

__all__ = ["fold_entries", "unfolded"]

#: An entry folds where another lies within FOLD_DN of it in the luma-weighted metric
#: JPEG'd pictures are projected with, the curve's luma turning by FOLD_TURN between them.
FOLD_DN = 16.0
FOLD_TURN = 8.0
#: ... where the pixel lies beside an edge: the luma-weighted positions in its 3x3
#: window span more than FOLD_EDGE (inside smooth areas RGB's answer, noisier, costs
#: the mean: Spectral, terrain, gist_earth, RdBu x camera / coins x Pillow q75 4:2:0 /
#: 4:2:2, mean over the k-d tree's 0.899 on main, 0.906 everywhere, 0.904 / 0.902 /
#: 0.898 beside edges of 0.03 / 0.1 / 0.2; p99 worse than the tree's on 11, 6, 6 / 6 /
#: 8 of the 16).
FOLD_EDGE = 0.1
#: ... or, on a map with folds, where the two answers lie more than FOLD_APART apart
#: (different arms, neither entry near a fold in the luma-weighted metric) and RGB's lies
#: nearer one of the 8 neighbours' positions. acc9's seeded flat disks over bumps, JPEG q75
#: / q50, mean over the k-d tree's: Spectral 0.908 / 0.989 -> 0.804 / 0.876 (p99 1.08 ->
#: 0.96 at q50), PuOr 0.640 / 0.735 -> 0.645 / 0.740; RGB's answer without the neighbours'
#: say took PuOr to 0.771 / 0.817 (a dark purple disk's rim, orange chroma smeared in,
#: read as dark orange: luma told the arm there). acc7's grid (10 maps x camera / coins x
#: Pillow q75, cv2 q50, Pillow 4:2:2; mean of ratios) 0.819 / 0.875 / 0.845 -> 0.817 /
#: 0.869 / 0.844; 0.15 / 0.3 / 0.6 apart (RGB alone) no better than 0.45.
FOLD_APART = 0.45
#: Tables longer than this are sampled at this many entries to find their folds.
_SAMPLES = 512


def fold_entries(colors: np.ndarray, chroma_weight: float) -> np.ndarray:
    """Which entries of ``colors`` (N, 3) in DN fold (see the module): bool (N,).

    Only the pairs within FOLD_DN on the metric's luma axis are measured (their full
    distance, then the luma range between them, :func:`_range_extremes`): the whole
    (n, n) tables of distances and ranges took 8 ms a 256-entry map (a new decoder's
    first JPEG'd picture), these 0.5-1 ms, the same answers.

    Examples
    --------
    >>> ramp = np.linspace(0, 255, 256)[:, None] * np.ones(3)  # gray: no folds
    >>> bool(fold_entries(ramp, 0.1).any())
    False
    >>> there = np.r_[ramp[::-1], ramp]  # dark, light, dark: the two halves fold
    >>> bool(fold_entries(there, 0.1)[0]), bool(fold_entries(there, 0.1)[255])
    (True, False)
    """
    n_colors = len(colors)
    pick = np.linspace(0, n_colors - 1, min(n_colors, _SAMPLES)).round().astype(np.int64)
    metric = np.asarray(colors, dtype=np.float64)[pick] @ luma_metric(chroma_weight).T
    # pairs i < j that may lie within FOLD_DN: their luma axes within it (a hair wider:
    # the distance is rounded, the axis is not), the others are farther apart
    axis = metric[:, 0]
    first, second = np.nonzero(
        np.triu(np.abs(axis[:, None] - axis[None, :]) <= FOLD_DN * (1.0 + 1e-9), 1)
    )
    # (the distance as a whole table's rows give it: the same sum over the last axis)
    apart = np.sqrt(((metric[first] - metric[second]) ** 2).sum(-1))
    luma = np.asarray(colors, dtype=np.float64)[pick] @ (_LUMA / np.linalg.norm(_LUMA))
    high, low = _range_extremes(luma, first, second)
    ends_high = np.maximum(luma[first], luma[second])
    ends_low = np.minimum(luma[first], luma[second])
    turned = np.maximum(high - ends_high, ends_low - low) >= FOLD_TURN
    folding = (apart <= FOLD_DN) & turned
    near = np.zeros(len(pick), dtype=bool)
    near[first[folding]] = True
    near[second[folding]] = True
    # each entry as its nearest sample
    nearest = np.clip(np.searchsorted(pick, np.arange(n_colors)), 0, len(pick) - 1)
    return near[nearest]


def _range_extremes(
    values: np.ndarray, first: np.ndarray, last: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Largest and smallest of ``values[first[k] : last[k] + 1]`` for each k
    (``first <= last``), from tables of each power-of-two run's extremes.

    Examples
    --------
    >>> values = np.array([3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0])
    >>> high, low = _range_extremes(values, np.array([0, 1, 2, 6]), np.array([6, 3, 2, 6]))
    >>> high.tolist(), low.tolist()
    ([9.0, 4.0, 4.0, 2.0], [1.0, 1.0, 4.0, 2.0])
    """
    n_values = len(values)
    highs, lows = [values], [values]
    width = 1
    while 2 * width <= n_values:  # runs of 2 width from two of width
        highs.append(np.maximum(highs[-1][:-width], highs[-1][width:]))
        lows.append(np.minimum(lows[-1][:-width], lows[-1][width:]))
        width *= 2
    length = last - first + 1
    level = np.frexp(length.astype(np.float64))[1] - 1  # floor(log2(length)), exact
    high = np.empty(len(first))
    low = np.empty(len(first))
    for k in np.unique(level):
        at = level == k
        start, end = first[at], last[at] - (1 << int(k)) + 1
        high[at] = np.maximum(highs[k][start], highs[k][end])
        low[at] = np.minimum(lows[k][start], lows[k][end])
    return high, low


def _folds(decoder: Any, kind: str, metric: str) -> np.ndarray:
    """``fold_entries`` of the table ``kind`` holds, for the JPEG metric ``metric``
    (made once a decoder)."""
    from truepix.color._decolorize._plan import CHROMA_WEIGHTS

    made = decoder.__dict__.setdefault("_fold_entries", {})
    if (kind, metric) not in made:
        colors = decoder._bytes.get(kind)
        colors = decoder._map.lut[:, :3] * 255.0 if colors is None else colors
        made[(kind, metric)] = fold_entries(colors, CHROMA_WEIGHTS[metric])
    return made[(kind, metric)]


def unfolded(
    decoder: Any, flat: np.ndarray, kind: str, scale: float, plan: Any, position: np.ndarray,
    shape: tuple[int, ...] = (),
) -> np.ndarray:
    """``position`` (flat, in [0, 1], NaN kept) of the (P, C) pixels ``flat`` (of a
    picture of ``shape``), the RGB answer written in where the luma-weighted one or the
    RGB one is a folding entry, or the two lie FOLD_APART apart, beside an edge; JPEG
    metrics (``_plan.JPEG_METRICS``) of non-cyclic maps only, else as given (a new array
    where any changed)."""
    from truepix.color._decolorize._plan import JPEG_METRICS

    metric = JPEG_METRICS.get(plan.metric)
    if metric is None or decoder.cyclic or flat.ndim != 2:
        return position
    folds = _folds(decoder, kind, metric)
    if not folds.any():
        return position
    if kind in decoder._bytes:  # (no ambiguity: the RGB memo's scratch residual)
        rgb = memo_fields(decoder, flat, kind, "rgb", kernels.RESIDUAL_MAX_CODE,
                          detailed=False)[0]  # fmt: skip
    else:
        codes = decoder._codes(flat, kind, scale, "rgb")
        rgb = np.empty(len(codes), dtype=np.float64)
        spare = np.empty(len(codes), dtype=np.float32), np.empty(len(codes), dtype=bool)
        kernels.codes_to_fields(codes, kernels.RESIDUAL_MAX_CODE, rgb, *spare)
    width = shape[-1] if len(shape) >= 2 else len(position)
    out = position.copy()
    _take_folded(position, rgb, folds, FOLD_EDGE, FOLD_APART, width, out)
    return out


@nb.njit(parallel=True, **_JIT)
def _take_folded(position, rgb, folds, edge, apart, width, out):  # pragma: no cover - jitted
    """``out[i] = rgb[i]`` where the positions in the pixel's 3x3 window span more than
    ``edge`` (rows of ``width``) and either is a folding entry (``folds``; NaN: left),
    or the two lie more than ``apart`` apart and RGB's lies nearer a neighbour's."""
    n_colors, n_pixels = len(folds), len(position)
    for i in nb.prange(n_pixels):
        own, told = position[i], rgb[i]
        if np.isnan(own) or np.isnan(told):
            continue
        folded = folds[min(max(int(own * n_colors), 0), n_colors - 1)] or folds[
            min(max(int(told * n_colors), 0), n_colors - 1)
        ]
        if not (folded or abs(own - told) > apart):
            continue
        low, high = own, own
        near_own, near_told = np.inf, np.inf
        row, col = i // width, i % width
        for dy in range(-1, 2):
            for dx in range(-1, 2):
                y, x = row + dy, col + dx
                j = y * width + x
                if 0 <= x < width and 0 <= j < n_pixels and not np.isnan(position[j]):
                    low, high = min(low, position[j]), max(high, position[j])
                    if j != i:
                        near_own = min(near_own, abs(position[j] - own))
                        near_told = min(near_told, abs(position[j] - told))
        if high - low > edge and (folded or near_told < near_own):
            out[i] = told

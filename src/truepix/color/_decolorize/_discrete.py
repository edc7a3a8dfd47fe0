"""JPEG's marks on a discrete map's picture (a BoundaryNorm's few colors, a short
``ListedColormap``): flat areas moved off their colors, and edges that mix colors
which are no neighbours in the map's order.

A discrete picture is fields of a few flat colors. The decoder's JPEG tests and its
4:2:0 model read a continuous map's: the chroma the map has at the positions luma
gives. Between two fields whose colors are not neighbours along the map (a
photograph's edges jump several intervals) luma gives a position between other
colors, and the model is far from what JPEG made of the edge: a mixture of the two
colors, luma and chroma each in their own proportion (4:2:0 averages chroma over 2x2
pixels and both ring over their 8x8 blocks).
"""

from __future__ import annotations

import numpy as np

from truepix.color._decolorize import _degraded as degraded
from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._exact import threshold_code
from truepix.color._decolorize._palette import Polyline

__all__ = ["flat_off_share", "mixed_cores", "mixture_distance"]

#: Flat pixels (3x3 of one color) within FLAT_NEAR DN of the map are counted by
#: :func:`flat_off_share` (farther: a margin, a box drawn over it).
FLAT_NEAR = 8.0
#: JPEG'd cores (``_jpeg``: pixels far off JPEG's model of the map) of a discrete picture
#: that lie within MIX_CORE DN (Y Cb Cr), every pixel, of a mixture of two colors found
#: within MIX_RADIUS (:func:`mixture_distance`) are JPEG's, not strokes -- unless the
#: cores no mixture explains string into a stroke (``_jpeg._strung``): a stroke's JPEG'd
#: core is such a mixture too (black text over jet's blue comes out as jet's dark blue
#: and blue), and the stroke's other cores then tell it. A core, not a pixel: judged per
#: pixel (as a distance to the model) the mixtures left matplotlib's strokes on discrete
#: figures 4-40 points less flagged (JPEG q75: gray on viridis' 11 colors 96.5 -> 55.9 %,
#: black on jet's 84.6 -> 65.2 %), and the cores without the stroke rule 2-11 (jet's
#: black at q90 90.3 -> 79.8 %). Measured (4 maps x BoundaryNorms of 4, 6, 11 intervals x
#: 5 fields, 256^2, q50-q95 4:2:0): holes turbo / 4 / astronaut q50 10.5 -> 3.0 %,
#: coolwarm / 4 / camera q50 2.4 -> 0.5 %; pictures past 0.2 % 7 -> 3 (after
#: ``_plan.FLAT_OFF_SHARE``); 96 annotated figures' flagged and lost shares unchanged.
#: Radius 6 / 8: turbo 2.6 / 2.5 %, jet / 4 / astronaut 0.87 / 0.67 % (0.92 at 4), for
#: 2-4x the memory per core pixel; MIX_CORE 20: turbo 10.0 %.
MIX_RADIUS = 4
MIX_CORE = 30.0
#: Maps of more colors than this are no few-color maps (a pair loop per picture).
MIX_MAX_COLORS = 64


def flat_off_share(codes: np.ndarray, sample: np.ndarray) -> float:
    """Share of a sample's flat pixels (3x3 of one color) within FLAT_NEAR DN of the map
    that lie off it (residual past a quarter DN): JPEG's mark on a discrete picture."""
    if sample.ndim != 3 or min(sample.shape[:2]) < 3:
        return 0.0
    rgb = sample[..., :3]
    middle = rgb[1:-1, 1:-1]
    height, width = middle.shape[:2]
    same = np.ones((height, width), dtype=bool)
    for dy in range(3):
        for dx in range(3):
            if dy != 1 or dx != 1:
                same &= np.all(rgb[dy : dy + height, dx : dx + width] == middle, axis=-1)
    steps = (codes >> kernels.RESIDUAL_SHIFT).reshape(sample.shape[:-1])[1:-1, 1:-1]
    near = same & (steps >= 1) & (steps <= threshold_code(FLAT_NEAR))
    n_near = int(near.sum())
    return float((near & (steps > 1)).sum() / n_near) if n_near else 0.0


def mixture_distance(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, candidates: np.ndarray,
    on_map: np.ndarray, line: Polyline, ycc: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """Distance (DN, Y Cb Cr) of each candidate to the nearest mixture of two colors of
    the map found around it: luma between theirs, chroma on the segment between theirs
    (each in its own proportion).

    ``on_map``: flat mask of the pixels whose ``position`` (fraction of the map) names
    their color; the colors around a candidate are theirs (MIX_RADIUS). Infinite where
    fewer than two colors are around, or the map has more than MIX_MAX_COLORS colors.
    """
    distance = np.full(len(candidates), np.inf)
    n_colors = len(line.vertices)
    if len(candidates) == 0 or n_colors > MIX_MAX_COLORS:
        return distance
    height = len(position) // width
    # the nearest vertex (a painted color) to each on-map pixel's position around
    middles = (line.positions[1:] + line.positions[:-1]) / 2.0
    around = degraded.window_pixels(candidates, width, height, MIX_RADIUS)
    known = on_map[around] & np.isfinite(position[around])
    color = np.searchsorted(middles, np.nan_to_num(position[around]) * line.n_bins)
    local = np.zeros((len(candidates), n_colors), dtype=bool)  # colors around each
    local[np.nonzero(known)[0], color[known]] = True
    observed = (flat[candidates, :3] * scale) @ ycc.T
    colors = line.vertices @ ycc.T
    together = local.T.astype(np.int64) @ local.astype(np.int64)  # pairs found together
    for first, second in zip(*np.nonzero(np.triu(together, 1)), strict=True):
        which = np.flatnonzero(local[:, first] & local[:, second])
        a, b = colors[first], colors[second]
        luma = observed[which, 0]
        low, high = min(a[0], b[0]), max(a[0], b[0])
        off_luma = np.maximum(np.maximum(low - luma, luma - high), 0.0)
        step = b[1:] - a[1:]
        length = float(step @ step)
        chroma = observed[which, 1:] - a[1:]
        t = np.clip(chroma @ step / length, 0.0, 1.0) if length > 0 else np.zeros(len(which))
        off_chroma = np.linalg.norm(chroma - t[:, None] * step, axis=1)
        distance[which] = np.minimum(distance[which], np.hypot(off_luma, off_chroma))
    return distance


def mixed_cores(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, candidates: np.ndarray,
    line: Polyline, groups: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Per candidate (flat indices, past JPEG's candidate residual): whether its core
    (``groups``: JPEG's, a label per candidate, 0: none) lies within MIX_CORE DN of
    mixtures of the colors around, every pixel of it (:func:`mixture_distance`, the
    colors of the pixels that are no candidates), and whether it is a core that does not."""
    from truepix.color._decolorize._plan import _YCBCR  # (``_plan`` imports this module)

    cored = np.flatnonzero(groups > 0)
    if len(cored) == 0:
        return np.zeros(len(groups), dtype=bool), groups > 0
    on_map = np.ones(len(position), dtype=bool)
    on_map[candidates] = False
    distance = mixture_distance(
        flat, scale, width, position, candidates[cored], on_map, line, _YCBCR
    )  # fmt: skip
    unexplained = np.zeros(int(groups.max()) + 1, dtype=bool)
    unexplained[groups[cored][~(distance <= MIX_CORE)]] = True
    return (groups > 0) & ~unexplained[groups], (groups > 0) & unexplained[groups]

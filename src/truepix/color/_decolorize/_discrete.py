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

from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._exact import threshold_code
from truepix.color._decolorize._palette import Polyline

__all__ = ["flat_off_share", "mixture_distance"]

#: Flat pixels (3x3 of one color) within FLAT_NEAR DN of the map are counted by
#: :func:`flat_off_share` (farther: a margin, a box drawn over it).
FLAT_NEAR = 8.0
#: The colors around a pixel are those of the on-map pixels in its MIX_CELL-pixel cell
#: and the 8 cells around it (8-16 px each way: JPEG rings within its 8x8 luma
#: blocks, 4:2:0 chroma over 16x16).
MIX_CELL = 8
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
    (each in its own proportion), a color alone included.

    ``on_map``: flat mask of the pixels whose ``position`` (fraction of the map) names
    their color; the colors around a candidate are theirs (MIX_CELL). Infinite where
    no on-map pixel is around, or the map has more than MIX_MAX_COLORS colors.
    """
    distance = np.full(len(candidates), np.inf)
    n_colors = len(line.vertices)
    if len(candidates) == 0 or n_colors > MIX_MAX_COLORS:
        return distance
    height = len(position) // width
    cells_y, cells_x = -(-height // MIX_CELL), -(-width // MIX_CELL)
    # the nearest vertex (a painted color) to each on-map pixel's position
    middles = (line.positions[1:] + line.positions[:-1]) / 2.0
    known = np.flatnonzero(on_map)
    known = known[np.isfinite(position[known])]
    color = np.searchsorted(middles, position[known] * line.n_bins)
    cell = known // width // MIX_CELL * cells_x + known % width // MIX_CELL
    present = np.zeros((cells_y + 2, cells_x + 2, n_colors), dtype=bool)
    present[cell // cells_x + 1, cell % cells_x + 1, color] = True
    around = np.zeros_like(present)
    for dy in range(3):
        for dx in range(3):
            around[1:-1, 1:-1] |= present[dy : dy + cells_y, dx : dx + cells_x]
    y, x = candidates // width // MIX_CELL + 1, candidates % width // MIX_CELL + 1
    local = around[y, x]  # (candidates, colors)
    observed = (flat[candidates, :3] * scale) @ ycc.T
    colors = line.vertices @ ycc.T
    together = local.T.astype(np.int64) @ local.astype(np.int64)  # pairs found together
    for first, second in zip(*np.nonzero(np.triu(together)), strict=True):
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

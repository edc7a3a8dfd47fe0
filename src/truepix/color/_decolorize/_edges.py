"""Off-map pixels that blend the two sides of an edge of the data.

A picture resampled (downscaled, upscaled, interpolated) before it was JPEG'd holds
blends of neighbouring map colors wherever the data has an edge: a pixel part one
side, part the other, off the map when the two colors lie far apart on it. JPEG
then moves them further (chroma subsampling, ringing), out of reach of its own
model, which expects map colors. Such a pixel still lies between its two
neighbours across the edge (:func:`edge_blends`). So do some pixels of strokes drawn
over a JPEG'd picture (4:2:0 shares a thin stroke's chroma with its neighbour), but
few of them: how many of a picture's off-map pixels lie strictly between their
neighbours, by luma, tells a resampled picture (:func:`resampled_share`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["EdgeTest", "edge_blends", "resampled_share"]

#: Opposite neighbours this many pixels away along a row, a column or a diagonal
#: flank a blend: a 0.33x-0.5x downscale blends over one pixel, a 2x upscale over two
#: or three.
EDGE_REACHES = (1, 2, 3)
_DIRECTIONS = ((0, 1), (1, 0), (1, 1), (1, -1))


@dataclass(frozen=True)
class EdgeTest:
    """How a pixel lies between two opposite neighbours.

    Distances in YCbCr (``ycc`` rows: luma, Cb, Cr; DN) with chroma weighted by
    ``chroma_weight``: JPEG keeps luma at full resolution and moves chroma. The pixel
    lies within ``tolerance`` of the point ``t`` along the segment joining the
    neighbours, which are more than ``min_step`` apart. ``by_luma``: ``t`` is where
    its luma lies between theirs, within [``margin``, 1 - ``margin``], the neighbours
    ``min_step`` apart in luma (chroma 4:2:0 shares with a thin stroke's neighbour);
    otherwise ``t`` is the projection, clipped to [-``margin``, 1 + ``margin``]
    (cubic and Lanczos kernels' lobes), the neighbours ``min_step`` apart in RGB.
    """

    ycc: np.ndarray
    chroma_weight: float
    tolerance: float
    min_step: float
    margin: float
    by_luma: bool


def edge_blends(
    flat: np.ndarray, scale: float, width: int, candidates: np.ndarray, flank: np.ndarray,
    test: EdgeTest, passes: int,
) -> np.ndarray:  # fmt: skip
    """Per candidate (sorted flat indices into rows of ``width``): whether it lies
    between two opposite neighbours (EDGE_REACHES) that may ``flank`` an edge (a
    flat mask: data near the map), by ``test``. Blends found flank more blends,
    ``passes`` times over: a fine detail's blends lie between other blends."""
    found = np.zeros(len(candidates), dtype=bool)
    flank = flank.copy()
    for _ in range(passes):
        more = _between(flat, scale, width, candidates, flank, test) & ~found
        if not more.any():
            break
        found |= more
        flank[candidates[more]] = True
    return found


def resampled_share(
    flat: np.ndarray, scale: float, width: int, candidates: np.ndarray, flank: np.ndarray,
    test: EdgeTest,
) -> float:  # fmt: skip
    """Share of the ``candidates`` that lie between two opposite ``flank`` neighbours
    (one pass of :func:`edge_blends`); 0 without candidates."""
    if not len(candidates):
        return 0.0
    return float(np.mean(_between(flat, scale, width, candidates, flank, test)))


def _between(
    flat: np.ndarray, scale: float, width: int, candidates: np.ndarray, flank: np.ndarray,
    test: EdgeTest,
) -> np.ndarray:  # fmt: skip
    found = np.zeros(len(candidates), dtype=bool)
    if not len(candidates):
        return found
    height = len(flat) // width
    weights = np.sqrt(np.array([1.0, test.chroma_weight, test.chroma_weight]))
    metric = test.ycc * weights[:, None]
    ys, xs = np.divmod(candidates, width)
    own = (flat[candidates, :3].astype(np.float64) * scale) @ metric.T
    for (dy, dx), reach in ((d, r) for d in _DIRECTIONS for r in EDGE_REACHES):
        ahead_y, ahead_x = ys + reach * dy, xs + reach * dx
        behind_y, behind_x = ys - reach * dy, xs - reach * dx
        inside = (ahead_y < height) & (behind_y >= 0) & (np.minimum(ahead_x, behind_x) >= 0)
        inside &= np.maximum(ahead_x, behind_x) < width
        ahead = np.clip(ahead_y, 0, height - 1) * width + np.clip(ahead_x, 0, width - 1)
        behind = np.clip(behind_y, 0, height - 1) * width + np.clip(behind_x, 0, width - 1)
        usable = inside & flank[ahead] & flank[behind] & ~found
        if not usable.any():
            continue
        start_rgb = flat[behind, :3].astype(np.float64) * scale
        step_rgb = flat[ahead, :3].astype(np.float64) * scale - start_rgb
        start, segment = start_rgb @ metric.T, step_rgb @ metric.T
        offset = own - start
        if test.by_luma:
            t = offset[:, 0] / np.where(segment[:, 0] == 0.0, 1.0, segment[:, 0])
            usable &= (np.abs(segment[:, 0]) > test.min_step) & (t >= test.margin)
            usable &= t <= 1.0 - test.margin
        else:
            length2 = np.maximum(np.einsum("ic,ic->i", segment, segment), 1e-9)
            t = np.einsum("ic,ic->i", offset, segment) / length2
            t = np.clip(t, -test.margin, 1.0 + test.margin)
            usable &= np.einsum("ic,ic->i", step_rgb, step_rgb) > test.min_step**2
        gap = offset - t[:, None] * segment
        found |= usable & (np.einsum("ic,ic->i", gap, gap) <= test.tolerance**2)
    return found

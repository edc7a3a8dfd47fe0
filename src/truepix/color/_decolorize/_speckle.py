"""JPEG'd pictures whose data vary at the pixel scale everywhere: speckle, shot noise.

SAR intensity (exponential speckle), photon-counting images and random matrices drawn
with a map change color from one pixel to the next. JPEG's 4:2:0 subsampling then
averages the chroma of each 2x2 block over unrelated map colors: most pixels land far
off the map in RGB (jet's white noise, Pillow q90: 98 % past the 40 DN threshold,
median 98 DN), and JPEG's model, read at positions that luma alone leaves ambiguous,
explains few of them. The rules for JPEG'd pictures (``_jpeg``) read what is left as
cores, bled strokes, jumps and inked strokes, or, past ``_fills.MOSTLY_OFF``, as a
picture that is not the map: 58-98 % NaN on such pictures, and a warning asking
whether ``cmap`` is right. Yet their luma, which JPEG keeps at full resolution, still
says much: the luma-led positions every JPEG'd pixel gets (``_plan.JPEG_CHROMA_WEIGHT``)
came within 0.30-1.02x the nearest table color's mean error there (jet, viridis,
coolwarm; white noise, exponential speckle, blurred noise; q50-q90), with no pixel NaN.

Such a picture is told by its texture: in nearly every 16x16 tile (SPECKLE_TILE, JPEG's
4:2:0 unit) a share of the pixels lies past the candidates' residual, and the luma
changes from pixel to pixel (:func:`speckled`). On it only what no data can be is
flagged: strokes darker or brighter than every map color (text, lines, boxes in black
or white), in 8-connected groups, with their antialiased edge (:func:`speckle_off_map`).
A stroke in a color the map holds or whose luma lies inside the map's is data there.
"""

from __future__ import annotations

import numpy as np

from truepix.color._decolorize import _degraded as degraded
from truepix.color._decolorize._grow import counted_groups

__all__ = ["model_fits", "speckle_off_map", "speckled"]

#: Tiles (px, square) the texture is judged in: 4:2:0's unit of one chroma block.
SPECKLE_TILE = 16
#: Which tile speaks for "everywhere": the SPECKLE_QUANTILE-th quantile of the tiles.
SPECKLE_QUANTILE = 0.1
#: ... must hold this share of candidates (pixels past ``_jpeg``'s candidate residual):
#: speckle and white noise through jet, viridis, coolwarm (256^2, Pillow q50-q90)
#: 0.30-0.96; all-data photographs and smooth fields, annotated or not, 0 (a third to
#: half of their tiles hold none); wrong maps 0.66-1.
SPECKLE_SHARE = 0.1
#: ... and change its luma from pixel to pixel: the tile's mean absolute difference
#: between a pixel's luma and the mean of its 4 neighbours', DN. Speckle, white and
#: blurred (sigma 0.7) noise 6.9-66; photographs and smooth fields (q50-q90, with and
#: without annotations) 0.19-0.38, wrong maps of them 0.20-0.35.
SPECKLE_LUMA = 4.0
#: ... and where JPEG's 4:2:0 model (``_jpeg._model``: the map's luma at each pixel's
#: luma-led position, its chroma averaged per 2x2 block) explains the candidates within
#: SPECKLE_MODEL DN (median): right maps 4.8-27 DN (jet's white noise at q50 the
#: farthest: its luma reads on several branches), wrong maps of the same pictures
#: 27-62 (viridis as jet 48-50, viridis as coolwarm 51-52, magma as viridis 43, jet as
#: viridis 27-62); near twins fit as right maps do (coolwarm as RdBu_r 18-26, jet as
#: turbo 19-23). Past it, the picture is judged as before: mostly off the map.
SPECKLE_MODEL = 30.0
#: On a speckled picture, pixels past the threshold whose luma lies SPECKLE_STROKE DN
#: beyond the map's luma range, in 8-connected groups of SPECKLE_PIXELS or more, are
#: strokes; their neighbours within SPECKLE_RADIUS (a square) are their edge. Pillow
#: black and white text, lines and a white box on the pictures above (256^2, q50-q90):
#: flagged 74-78 % (jet), 78-88 % (viridis), 86-89 % (coolwarm), data 2 px or more
#: from them lost 0.07 % at most; groups of 5 flagged 2-4 points more but left 0.12-0.23 %
#: holes on coolwarm's white noise at q50 (JPEG's ringing past its gray middle's luma).
SPECKLE_STROKE = 10.0
SPECKLE_PIXELS = 8
SPECKLE_RADIUS = 1


def speckled(
    flat: np.ndarray, scale: float, width: int, candidates: np.ndarray, ycc: np.ndarray
) -> bool:
    """Whether a picture (``flat`` (N, C) pixels in rows of ``width``) varies at the
    pixel scale everywhere: SPECKLE_SHARE of its ``candidates`` (sorted flat indices)
    and SPECKLE_LUMA of luma texture in all but SPECKLE_QUANTILE of its tiles.
    ``ycc``: RGB -> YCbCr rows (``_plan._YCBCR``). All-data photographs stop at the
    candidates' count per tile (no pass over the pixels)."""
    n_pixels = len(flat)
    height = n_pixels // width
    n_y, n_x = height // SPECKLE_TILE, width // SPECKLE_TILE
    if n_y * n_x == 0 or len(candidates) < SPECKLE_SHARE * n_pixels:
        return False
    y, x = candidates // width // SPECKLE_TILE, candidates % width // SPECKLE_TILE
    inside = (y < n_y) & (x < n_x)
    counts = np.bincount(y[inside] * n_x + x[inside], minlength=n_y * n_x)
    share = counts / SPECKLE_TILE**2
    if np.quantile(share, SPECKLE_QUANTILE) < SPECKLE_SHARE:
        return False
    cut = flat.reshape(height, width, -1)[: n_y * SPECKLE_TILE, : n_x * SPECKLE_TILE, :3]
    luma = cut @ (ycc[0] * scale)
    padded = np.pad(luma, 1, mode="edge")
    around = 0.25 * (padded[:-2, 1:-1] + padded[2:, 1:-1] + padded[1:-1, :-2] + padded[1:-1, 2:])
    texture = np.abs(luma - around)
    per_tile = texture.reshape(n_y, SPECKLE_TILE, n_x, SPECKLE_TILE).mean(axis=(1, 3))
    return bool(np.quantile(per_tile, SPECKLE_QUANTILE) >= SPECKLE_LUMA)


def model_fits(distance: np.ndarray) -> bool:
    """Whether JPEG's model explains a speckled picture's candidates: their median
    ``distance`` (DN) to it at most SPECKLE_MODEL."""
    return bool(len(distance)) and float(np.median(distance)) <= SPECKLE_MODEL


def speckle_off_map(
    flat: np.ndarray, scale: float, width: int, residual: np.ndarray, threshold: float,
    map_luma: np.ndarray, ycc: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """Which pixels of a :func:`speckled` picture are off the map (flat mask): groups of
    SPECKLE_PIXELS past ``threshold`` whose luma lies SPECKLE_STROKE DN beyond
    ``map_luma`` (per vertex of the map), and SPECKLE_RADIUS around them."""
    n_pixels = len(flat)
    off_map = np.zeros(n_pixels, dtype=bool)
    past = np.flatnonzero(residual > threshold)
    if not len(past):
        return off_map
    luma = flat[past, :3] @ (ycc[0] * scale)
    low, high = float(map_luma.min()) - SPECKLE_STROKE, float(map_luma.max()) + SPECKLE_STROKE
    beyond = (luma < low) | (luma > high)
    candidates = past[beyond]
    if not len(candidates):
        return off_map
    groups = np.empty(len(candidates), dtype=np.int64)
    counted_groups(
        np.ones(len(candidates), dtype=bool), np.zeros(len(candidates)), candidates, width,
        n_pixels // width, SPECKLE_PIXELS, np.inf, groups,
    )  # fmt: skip
    degraded.near_any(candidates[groups > 0], width, n_pixels // width, SPECKLE_RADIUS, off_map)
    return off_map

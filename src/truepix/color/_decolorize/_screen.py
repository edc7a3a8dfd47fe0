"""A quick screen for a map drawn with alpha: does some blend explain the colors?

``imshow(data, alpha=a)`` saved over a face paints ``a * map + (1 - a) * face``. The
full fit (``_translucent.fitted_blend``, 60-160 ms a megapixel) names the blend; this
screen says, in well under a millisecond, whether it is worth running: on an even
sample of the shown pixels it compares the distance to the map's table with the
distance to a few fixed blends (BLEND_ALPHAS over BLEND_FACES), and refines the best
one by least squares. Pairing each color with its nearest *opaque* table color (the
screen this replaces) fails on diverging maps, whose blend over white lands near other
map colors: coolwarm at alpha 0.7 explained 0.08-0.25 that way.
"""

from __future__ import annotations

from typing import Any

import numba as nb
import numpy as np

from truepix._shares import LIGHT, NEUTRAL
from truepix.color._decolorize._vertex import _JIT

__all__ = ["blend_costs", "blend_explained", "nearest_entries"]

#: Pixels (evenly spaced among the shown ones) the screen reads.
SCREEN_SAMPLE = 256
#: Alphas and gray faces (DN) the screen tries; the least squares then leave the grid.
BLEND_ALPHAS = (0.5, 0.6, 0.7, 0.8, 0.9)
BLEND_FACES = (255.0, 0.0, 128.0, 64.0, 192.0)
#: Distance (DN) past which a color is not the blend's (text, a frame): capped.
OUTLIER = 24.0
#: Channel spread (DN) of a map's colors at most which it is gray-like: JPEG'd opaque
#: gray pictures explained 0.47-0.56, as much as blends of it.
GRAY_SPREAD = 8
#: Least-squares rounds that refine the best fixed blend.
ROUNDS = 3


def _candidates() -> tuple[np.ndarray, np.ndarray]:
    """(alphas, faces RGB) of the opaque map (first) and every fixed blend."""
    pairs = [(1.0, 0.0)] + [(a, f) for f in BLEND_FACES for a in BLEND_ALPHAS]
    alphas = np.array([a for a, _ in pairs])
    faces = np.array([[f, f, f] for _, f in pairs])
    return alphas, faces


_CANDIDATES = _candidates()


@nb.njit(fastmath=True, **_JIT)
def blend_costs(colors, table, alphas, faces, outlier, costs):  # pragma: no cover - jitted
    """Each candidate blend's mean squared distance (each capped at ``outlier`` DN) of
    (3, K) float32 ``colors`` (a row per channel) to their nearest color of
    ``alpha * table + (1 - alpha) * face`` ((3, N) float32); candidate ``m`` is
    ``alphas[m]`` over ``faces[m]`` (RGB), its cost goes to ``costs[m]``. Table
    entries outside, colors inside: the inner loop is an elementwise min over
    contiguous colors, which runs 8 a step (7 us a candidate for 256 colors and 256
    entries; a min over the entries inside ran one at a time, 51 us)."""
    n_colors = colors.shape[1]
    best = np.empty(n_colors, np.float32)
    red, green, blue = colors[0], colors[1], colors[2]  # (rows: the loop vectorizes)
    for m in range(alphas.shape[0]):
        a = np.float32(alphas[m])
        face = (np.float32(1) - a) * faces[m].astype(np.float32)
        best[:] = np.float32(outlier * outlier)
        for j in range(table.shape[1]):
            r = a * table[0, j] + face[0]
            g = a * table[1, j] + face[1]
            b = a * table[2, j] + face[2]
            for k in range(n_colors):
                dr, dg, db = r - red[k], g - green[k], b - blue[k]
                best[k] = min(best[k], dr * dr + dg * dg + db * db)
        total = 0.0
        for k in range(n_colors):
            total += best[k]
        costs[m] = total / max(n_colors, 1)


@nb.njit(fastmath=True, **_JIT)
def nearest_entries(colors, table, index):  # pragma: no cover - jitted
    """Each color's nearest column of the (3, N) float32 ``table`` ((3, K) float32
    ``colors``; the first of ties), into ``index``; laid out as :func:`blend_costs`."""
    n_colors = colors.shape[1]
    best = np.full(n_colors, np.inf, np.float32)
    red, green, blue = colors[0], colors[1], colors[2]
    for j in range(table.shape[1]):
        r, g, b = table[0, j], table[1, j], table[2, j]
        for k in range(n_colors):
            dr, dg, db = r - red[k], g - green[k], b - blue[k]
            d = dr * dr + dg * dg + db * db
            if d < best[k]:
                best[k] = d
                index[k] = j


def blend_explained(
    decoder: Any, pixels: np.ndarray, shown: np.ndarray | None, scale: float
) -> float:
    """The share of the (capped) squared distance of SCREEN_SAMPLE ``shown`` pixels to
    the map's table that the best blend ``alpha * table + (1 - alpha) * face`` removes:
    about 0 for an opaque picture (noise, JPEG, resampling leave the colors nearest
    the map itself), near 1 for a map drawn translucent. ``shown``: flat bool mask, or
    None to skip, in an even sample, what is not data (:func:`_sample`)."""
    colors = _sample(pixels, shown, scale)
    if colors is None:
        return 0.0
    rows = decoder._map.lut_bytes[:, :3]
    if int(np.ptp(rows.astype(np.int16), axis=1).max()) <= GRAY_SPREAD:
        return 0.0  # a gray map drawn translucent over gray is another gray map
    table = np.ascontiguousarray(rows.T, dtype=np.float32)
    alphas, faces = _CANDIDATES
    costs = np.empty(len(alphas))
    blend_costs(colors, table, alphas, faces, OUTLIER, costs)
    before, best = float(costs[0]), int(np.argmin(costs))
    if before <= 0.0 or best == 0:
        return 0.0
    alpha, under, lowest = float(alphas[best]), faces[best], float(costs[best])
    index = np.empty(colors.shape[1], np.int64)
    for _ in range(ROUNDS):  # alpha by least squares on the nearest entries, the face held
        blended = (alpha * table + (1 - alpha) * under[:, None]).astype(np.float32)
        nearest_entries(colors, blended, index)
        alpha = _refit(rows[index].astype(np.float64), colors.T.astype(np.float64), alpha, under)
        if alpha is None:
            break
        cost = np.empty(1)
        blend_costs(colors, table, np.array([alpha]), under[None], OUTLIER, cost)
        lowest = min(lowest, float(cost[0]))
    return 1.0 - lowest / before


def _refit(nearest: np.ndarray, colors: np.ndarray, alpha: float, under: np.ndarray) -> Any:
    """The least-squares alpha of ``colors = alpha * nearest + (1 - alpha) * under`` over
    the colors within OUTLIER of the current blend, or None (most colors far from it,
    or an alpha out of (0.02, 0.99): no blend there)."""
    fitted = alpha * nearest + (1.0 - alpha) * under
    near = ((colors - fitted) ** 2).sum(1) <= OUTLIER**2
    if np.count_nonzero(near) < 0.5 * len(colors):
        return None
    lifted = nearest[near] - under
    spread = float((lifted**2).sum())
    if spread < 1e-9:
        return None
    alpha = float((lifted * (colors[near] - under)).sum() / spread)
    return alpha if 0.02 < alpha < 0.99 else None


def _sample(pixels: np.ndarray, shown: np.ndarray | None, scale: float) -> np.ndarray | None:
    """(3, K) float32 DN colors of up to SCREEN_SAMPLE evenly spaced ``shown`` pixels
    (channels last), or None (no color, none shown). With ``shown`` None, four times as
    many are spaced evenly and those that are no data dropped (transparent, light and
    nearly neutral: ``shown_pixels``' rule), with no pass over the whole picture."""
    if pixels.ndim < 2 or pixels.shape[-1] < 3:
        return None  # gray pictures hold no blend of a colored map either
    flat = pixels.reshape(-1, pixels.shape[-1])
    if shown is None:
        rgb = flat[:: -(-len(flat) // (4 * SCREEN_SAMPLE))].astype(np.float32) / np.float32(scale)
        low, high = rgb[:, :3].min(1), rgb[:, :3].max(1)
        data = (low < LIGHT) | (high - low > NEUTRAL)
        if rgb.shape[1] == 4:
            data &= rgb[:, 3] > 0
        rgb = rgb[data][:, :3]
        colors = rgb[:: -(-len(rgb) // SCREEN_SAMPLE)] if len(rgb) else rgb
        return np.ascontiguousarray(colors.T) if len(colors) else None
    n_shown = int(np.count_nonzero(shown))
    if n_shown == 0:
        return None
    every = -(-n_shown // SCREEN_SAMPLE)
    # (all shown, as on most pictures: no 8 MB of indices to take every n-th of)
    where = np.arange(0, shown.size, every) if n_shown == shown.size else (
        np.flatnonzero(shown)[::every]
    )  # fmt: skip
    colors = np.ascontiguousarray(flat[where, :3].T, np.float32)
    if scale != 1.0:
        colors /= np.float32(scale)
    return colors

"""A map drawn with alpha over white, read from the picture's smooth blocks.

``imshow(data, cmap=..., alpha=a)`` saved over white paints ``a * map + (1 - a) *
white``. Where that blend lands near the map's own colors -- a diverging map, whose
ends fade toward its white middle -- the picture decodes with no NaN and little
noise, to values 2-9 % of the range off; once JPEG'd, the picture's colors are not
the table's bytes any more (``_offtable``'s test for exact pictures) and JPEG's
error hides the blend from a per-pixel screen (``_screen``: coolwarm at alpha 0.9,
JPEG q75-q90, explained under its bar). Averaged over a smooth 8x8 block, JPEG's
error nearly vanishes (a block's mean is its DC coefficient): the means of the
smooth blocks sit within 1-2.5 DN of the map's curve on opaque pictures (12 maps,
JPEG q50-q95, 4:2:0 and 4:4:4) and 3.5-24 DN off it on maps drawn at alpha 0.7-0.95,
while the curve blended at the right alpha leaves them 0.7-1.7 DN off.

:func:`faded_advice` reads up to BLOCKS evenly spaced 8x8 blocks (a constant
0.15-0.25 ms of CPU whatever the picture's size), keeps the smooth ones (RMS from
their best plane under SMOOTH DN: rough or speckled fields keep too few and are not
judged), and, when the map's own curve leaves them GATE DN off or more, fits the
alpha over white whose blended curve explains them best. It names that alpha when it
wins clearly (CLEAR of the plain curve's RMS distance at most, GAIN DN less) and the
face a free fit pins down is white (WHITE_OFFSET). On 4590 opaque all-data pictures
(17 maps, 5 fields at 256 and 512 px, benchmarks' JPEG, resampling, noise and
quantizing conditions) the closest ratio was 0.98; on the maps above drawn at alpha
0.7-0.95 and JPEG'd (Pillow q75-q90, OpenCV), 0.06-0.38, the alpha within 0.01.
bwr (a blend of blue, white and red: drawn at alpha ``a`` it paints its own colors
at ``0.5 + a * (t - 0.5)``) cannot be told by its colors and is not named.
"""

from __future__ import annotations

from typing import Any

import numba as nb
import numpy as np

from truepix._shares import LIGHT, NEUTRAL
from truepix._validate import readonly
from truepix.color._decolorize._vertex import _JIT

__all__ = ["faded_advice", "faded_alpha", "free_face", "smooth_means"]

#: Blocks (8x8, evenly spaced on the picture's 8x8 grid) the test reads at most.
BLOCK, BLOCKS = 8, 512
#: RMS color distance (DN) of a block to its best plane (per channel) at most which
#: the block is smooth: JPEG's error on flat blocks of q50-q95 stays under it; a
#: block where the map bends within it (a rough field, a speckle) averages colors of
#: an arc, whose mean leaves the curve, and leaves more. A linear gradient is allowed:
#: its mean is the color at the block's centre.
SMOOTH = 4.0
#: Smooth data blocks a picture needs before its blocks say anything.
MIN_BLOCKS = 24
#: RMS distance (DN) of the block means to the map's own curve under which the
#: picture is the map's (opaque pictures: 2.5 at most; no alpha is fitted).
GATE = 2.0
#: The best blend's RMS distance at most CLEAR of the opaque curve's, and GAIN DN
#: less: opaque pictures' best blends leave 0.97-1.0 of it, maps drawn at alpha
#: 0.7-0.95 over white (8 diverging and 2 sequential maps, JPEG q75/q90) 0.06-0.38.
CLEAR, GAIN = 0.6, 1.5
#: Alphas the fit tries: a coarse grid, then steps of 0.01 around its best.
COARSE = np.round(np.arange(0.30, 0.96, 0.05), 2)
FINE = 0.01
#: The fitted alpha past which the blend is not named (the map itself, nearly).
MOST_ALPHA = 0.97
#: How far (DN) the blend's offset ``(1 - alpha) * face``, with alpha and a gray face
#: fitted freely (least squares), may fall short of white's for the blend to be over
#: white: a map drawn over gray fits a white blend of another alpha loosely (viridis
#: at 0.9 over #999999: 0.96 over white; its free fit: 0.9 over 148, 10.7 DN short)
#: and is left to the full fit (``_result.blend_advice``); JPEG'd blends over white
#: fall 0-1 DN short (the face itself is loose at alpha 0.95: 235-268).
WHITE_OFFSET = 3.0
#: Distance (DN) at which a block mean's squared distance is capped (a label box).
OUTLIER = 24.0
#: Channel spread (DN) at most which a map is gray-like (its blend is another gray).
GRAY_SPREAD = 8
#: Linear steps between table entries of the curve the block means are measured to
#: (entries 1-3 DN apart would add their spacing to the distance).
DENSE = 4


@nb.njit(**_JIT)
def _block_stats(pixels, size, step, means, spread):  # pragma: no cover - jitted
    """Mean color (into ``means``, (K, 3)) and RMS color distance to the block's best
    plane per channel (into ``spread``: what a linear gradient leaves, JPEG's error and
    the map's bend; -1 where a pixel is not opaque) of every ``step``-th
    ``size``-square block of ``pixels`` ((H, W, C) uint8) on both axes; returns how
    many."""
    h, w, channels = pixels.shape
    k = 0
    n = size * size
    c0 = (size - 1) / 2.0
    su = 0.0
    for i in range(size):
        su += (i - c0) * (i - c0)
    su *= size  # (sum of u^2 over the block, and of v^2)
    s = np.empty(3)
    su_c = np.empty(3)
    sv_c = np.empty(3)
    for by in range(0, h // size, step):
        for bx in range(0, w // size, step):
            if k >= means.shape[0]:
                return k
            s[:] = 0.0
            su_c[:] = 0.0
            sv_c[:] = 0.0
            q = 0.0
            opaque = True
            for y in range(by * size, by * size + size):
                v = y - by * size - c0
                for x in range(bx * size, bx * size + size):
                    u = x - bx * size - c0
                    for c in range(3):
                        value = float(pixels[y, x, c])
                        s[c] += value
                        su_c[c] += u * value
                        sv_c[c] += v * value
                        q += value * value
                    if channels == 4 and pixels[y, x, 3] != 255:
                        opaque = False
            var = q
            for c in range(3):
                m = s[c] / n
                means[k, c] = m
                gu, gv = su_c[c] / su, sv_c[c] / su
                var -= n * m * m + su * (gu * gu + gv * gv)
            spread[k] = np.sqrt(max(var / n, 0.0)) if opaque else -1.0
            k += 1
    return k


def smooth_means(pixels: np.ndarray) -> np.ndarray | None:
    """(3, K) float32 mean colors of the smooth, opaque data blocks among BLOCKS evenly
    spaced 8x8 ones of a uint8 RGB(A) picture (not the light neutral background), or
    None where fewer than MIN_BLOCKS."""
    h, w = pixels.shape[:2]
    grid = (h // BLOCK) * (w // BLOCK)
    if grid < MIN_BLOCKS:
        return None
    step = max(1, int(np.ceil(np.sqrt(grid / BLOCKS))))
    means = np.empty((BLOCKS, 3))
    spread = np.empty(BLOCKS)
    k = _block_stats(readonly(pixels), BLOCK, step, means, spread)  # (one compile)
    means, spread = means[:k], spread[:k]
    low, high = means.min(1), means.max(1)
    keep = (spread >= 0) & (spread <= SMOOTH) & ((low < LIGHT) | (high - low > NEUTRAL))
    # (a fill's blocks -- a masked field's bad color, a box -- are one color, counted once:
    # one color pins no blend, alpha and face trading off along a line)
    means = np.unique(np.round(means[keep], 1), axis=0)
    if len(means) < MIN_BLOCKS:
        return None
    return np.ascontiguousarray(means.T, dtype=np.float32)


def _dense(entry: Any) -> np.ndarray:
    """(3, DENSE * (N - 1) + 1) float32: the map's truncated bytes, linearly
    interpolated between entries, kept with the entry (tables are read-only)."""
    found = _DENSE.get(id(entry))
    if found is None or found[0] is not entry:
        rows = entry.lut_bytes[:, :3].astype(np.float64)
        at = np.linspace(0, len(rows) - 1, DENSE * (len(rows) - 1) + 1)
        curve = np.stack([np.interp(at, np.arange(len(rows)), rows[:, c]) for c in range(3)])
        if len(_DENSE) > 64:
            _DENSE.clear()
        found = _DENSE[id(entry)] = (entry, np.ascontiguousarray(curve, dtype=np.float32))
    return found[1]


_DENSE: dict[int, tuple[Any, np.ndarray]] = {}


def faded_alpha(entry: Any, colors: np.ndarray) -> tuple[float, float, float] | None:
    """(alpha, its RMS distance, the opaque curve's RMS distance) of the blend over white
    of ``entry``'s curve that best explains ``colors`` ((3, K) float32 block means), or
    None where the opaque curve leaves under GATE DN (no alpha is fitted)."""
    from truepix.color._decolorize._screen import blend_costs

    curve = _dense(entry)
    one = np.empty(1)
    white = np.full((1, 3), 255.0)
    blend_costs(colors, curve, np.ones(1), white, OUTLIER, one)
    opaque = float(np.sqrt(one[0]))
    if opaque < GATE:
        return None
    costs = np.empty(len(COARSE))
    blend_costs(colors, curve, COARSE, np.full((len(COARSE), 3), 255.0), OUTLIER, costs)
    at = float(COARSE[int(np.argmin(costs))])
    fine = np.round(np.arange(at - 0.04, at + 0.045, FINE), 2)
    fine = fine[(fine > 0.0) & (fine < 1.0)]
    near = np.empty(len(fine))
    blend_costs(colors, curve, fine, np.full((len(fine), 3), 255.0), OUTLIER, near)
    best = int(np.argmin(near))
    return float(fine[best]), float(np.sqrt(near[best])), opaque


def free_face(entry: Any, colors: np.ndarray, alpha: float) -> tuple[float, float]:
    """The alpha and gray face (DN) that best explain ``colors`` ((3, K) block means)
    as ``alpha * curve + (1 - alpha) * face`` by least squares, each mean paired with
    its nearest color of the current blend (a few rounds from ``alpha`` over white);
    ``(alpha, 255)`` where the fit fails."""
    from truepix.color._decolorize._screen import nearest_entries

    curve = _dense(entry)
    y = colors.astype(np.float64)
    index = np.empty(y.shape[1], np.int64)
    face = 255.0
    for _ in range(3):
        blended = (alpha * curve + (1.0 - alpha) * face).astype(np.float32)
        nearest_entries(colors, blended, index)
        x = curve[:, index].astype(np.float64)
        near = ((y - alpha * x - (1.0 - alpha) * face) ** 2).sum(0) <= OUTLIER**2
        if np.count_nonzero(near) < MIN_BLOCKS:
            return alpha, 255.0
        design = np.stack([x[:, near].ravel(), np.ones(3 * np.count_nonzero(near))], axis=1)
        (slope, offset), *_ = np.linalg.lstsq(design, y[:, near].ravel(), rcond=None)
        if not 0.05 < slope < 0.999:
            return alpha, 255.0
        alpha, face = float(slope), float(offset / (1.0 - slope))
    return alpha, face


def faded_advice(decoder: Any, image: Any) -> str | None:
    """Advice naming the alpha at which ``decoder``'s map drawn over white explains the
    smooth blocks of ``image`` (uint8 RGB(A)) clearly better than the map itself
    (CLEAR, GAIN), or None -- also for a decoder with an alpha, a gray-like map, a
    picture of too few smooth blocks."""
    from truepix.color._decolorize._translucent import Blend

    if getattr(decoder, "alpha", None) is not None or isinstance(decoder, str):
        return None
    pixels = np.asarray(np.ma.getdata(image))
    if pixels.dtype != np.uint8 or pixels.ndim != 3 or pixels.shape[-1] not in (3, 4):
        return None
    entry = decoder._map
    if int(np.ptp(entry.lut_bytes[:, :3].astype(np.int16), axis=1).max()) <= GRAY_SPREAD:
        return None
    colors = smooth_means(pixels)
    if colors is None:
        return None
    fit = faded_alpha(entry, colors)
    if fit is None:
        return None
    alpha, rms, opaque = fit
    if alpha > MOST_ALPHA or rms > CLEAR * opaque or opaque - rms < GAIN:
        return None
    free, face = free_face(entry, colors, alpha)
    if (1.0 - free) * (255.0 - face) > WHITE_OFFSET:
        return None  # (a blend over gray or black: the full fit names its face)
    blend = Blend(alpha, (255, 255, 255), rms, 1.0)
    return (
        f"they look like {decoder.cmap!r} drawn at alpha={blend.alpha:.2f} over"
        f" {blend.over()} ({rms:.1f} DN from its smooth blocks' colors, {opaque:.1f} DN"
        f" for the map itself): pass {blend.advice()}"
    )

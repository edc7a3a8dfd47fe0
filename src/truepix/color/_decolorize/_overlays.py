"""See-through patches over a map: boxes, spans, markers drawn with alpha.

``Rectangle(..., facecolor="white", alpha=0.5)``, ``axvspan(color="0.5", alpha=0.3)``,
``scatter(c="k", alpha=0.3)`` and a text's ``bbox`` paint, over a region of the plot,
``pixel = a * field + b`` with one ``a`` (one less the patch's alpha) and one ``b``
(``(1 - a)`` times its face color) for the whole region. Exact renders hold such
blends off the table (flagged there); JPEG'd, many of them pass for data: a white
box over coolwarm lands near coolwarm's own light middle colors (trial 47's t23: 0 %
of it flagged, all of it answered 5-40 % of the range off), gray over viridis near
another green.

What tells is the region's edge: across it the field runs on, so each pair of pixels
OVERLAY_STEP apart straddling it holds a data color ``o`` (on the map) and its blend
``q = a * o + b`` (off it) -- the same ``a`` and ``b`` all along the edge, whatever
the field (:func:`overlay_blends`, a RANSAC fit over such pairs). With ``a`` and
``b`` known, the colors under the patch are ``u = (q - b) / a``: the region is the
pixels whose ``u`` lies on the map while they themselves lie off it, joined to the
edge, with what they enclose (:func:`overlay_region`).

Only figures are searched, in their plot area (as ``_gridlines``), and only JPEG'd
or other non-exact renders.

Source: the "over" operator of Porter & Duff (1984), *Compositing digital images*,
SIGGRAPH '84; random sample consensus of Fischler & Bolles (1981), CACM 24(6).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numba as nb
import numpy as np

from truepix.color._decolorize._overlay_kernels import blend_votes, pair_scan
from truepix.color._decolorize._vertex import _JIT

__all__ = ["overlay_blends", "overlay_region", "without_overlays"]

#: Pixels apart the two sides of an edge are read (JPEG's 4:2:0 chroma blurs a step
#: over 2-3 pixels; a thin stroke lies between pixels OVERLAY_STEP apart, not on them).
OVERLAY_STEP = 4
#: Pixels of the plot area's rim left out (its frame and its antialiased edge on the
#: margin: pairs of data and paper, no patch's).
INSET = 3
#: Pixels beyond each side of a pair, and the change (DN, largest channel) at most
#: from them: the sides of a patch's edge are flat (JPEG blurs the step itself).
PLATEAU_STEP, PLATEAU_DN = 2, 12
#: Color change (DN, largest channel) at least across a pair read as an edge.
EDGE_DN = 16.0
#: Distance (DN) to the map at most of a pair's data side ...
ON_MAP = 6.0
#: ... at least of its blended side, and by how much more than the data side.
OFF_MAP, OFF_GAIN = 8.0, 6.0
#: ... at least the area's NOISE_SHARE quantile of the distances (a textured field
#: JPEG'd lies 10-30 DN off the map at its 90th percentile).
NOISE_SHARE = 0.9
#: A region pixel's distance to the map at least this many times the area's median
#: (a textured field JPEG'd: 4-8 DN; a patch over half the area leaves it be).
CORE_NOISE = 2.0
#: Other edge pairs' blended pixels beside each (3 x 3) more than this.
RUN_NEIGHBOURS = 2
#: Distance (DN) a pair may leave from a blend ``q = a o + b`` and count as its; the
#: least squares refine on those within REFINE_DN.
FIT_DN, REFINE_SHARE = 10.0, 0.6
#: A gray face is kept when it explains this share of the pairs a free one does.
GRAY_KEEP = 0.8
#: Hypotheses drawn, pairs they are scored on, and blends searched at most.
DRAWS, SCORED, MODELS = 300, 4000, 3
#: Pairs a blend needs, and the share of the edge pairs it must explain.
MIN_PAIRS, MIN_SHARE = 40, 0.1
#: Region pixels at least for a blend to count, and to be fitted again on them; and
#: at least INNER times its edge pairs (coolwarm's white box: 16 times, markers' union
#: 3.7; the rim of PiYG's spines and text JPEG'd: 1.03).
REFIT_PIXELS, INNER = 200, 2
#: ``a`` (the field's weight) a blend may have: below 0.3 a pixel near the face passes
#: whatever lies under it (its distance to the map shrinks with ``a``).
A_RANGE = (0.3, 0.92)
#: Distance (DN, times ``a``) of ``u`` to the map at most for a region pixel, and how
#: much closer than the pixel itself.
UNDER_DN, UNDER_GAIN = 8.0, 4.0
#: ... and at most this share of the pixel's own distance.
UNDER_SHARE = 0.5
#: Distance (DN) of a blend's face to the map at least: a face the map holds blends
#: its colors along chords of the map (black under magma), no patch to tell.
FACE_OFF = 24.0
#: Edge pairs a part of the region (4-connected) holds at least: a patch's edge is a
#: line of them (a scatter marker of 9 px: 20-30), JPEG's noise on a textured field
#: leaves a few beside an off-map speck.
MIN_SEEDS = 12


def residuals(decoder: Any, colors: np.ndarray, *, nearest: bool = False) -> Any:
    """Distance (DN, float32; 127.25 at most) of (N, 3) uint8 ``colors`` to the map;
    ``nearest``: and the map's colors nearest them ((N, 3) DN, NaN where none)."""
    from truepix.color._decolorize import _kernels as kernels

    flat = np.ascontiguousarray(colors[:, :3], dtype=np.uint8)
    codes = decoder._codes(flat, "u8", 1.0, "rgb")
    n = len(codes)
    position, residual = np.empty(n), np.empty(n, np.float32)
    ambiguous = np.empty(n, bool)
    kernels.codes_to_fields(codes, kernels.RESIDUAL_MAX_CODE, position, residual, ambiguous)
    distance = np.nan_to_num(residual, nan=127.25)
    if not nearest:
        return distance
    table = decoder._map.lut[:, :3] * 255.0
    at = np.rint(np.nan_to_num(position, nan=0.0) * (len(table) - 1)).astype(np.int64)
    colors_on = table[at]
    colors_on[np.isnan(position)] = np.nan
    return distance, colors_on


def edge_pairs(
    area: np.ndarray, residual: np.ndarray, off: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(data colors (N, 3), blended colors (N, 3), blended pixels' flat indices (N,)) of
    the pairs OVERLAY_STEP apart (rows and columns) that straddle an on/off-map edge:
    the blended side ``off`` DN or more off the map, with RUN_NEIGHBOURS such pairs or
    more beside it (an edge is a line of them; JPEG's noise on a textured field leaves
    lone ones)."""
    flat = max(PLATEAU_DN, off)  # (a textured field's own steps: its JPEG noise)
    found = [
        pair_scan(area, residual.astype(np.float32, copy=False), axis, OVERLAY_STEP,
                  PLATEAU_STEP, EDGE_DN, flat, ON_MAP, off, OFF_GAIN, RUN_NEIGHBOURS)
        for axis in (1, 0)
    ]  # fmt: skip
    return tuple(np.concatenate(part) for part in zip(*found))  # type: ignore[return-value]


def overlay_blends(
    data: np.ndarray, blend: np.ndarray, noise: float
) -> list[tuple[float, np.ndarray, np.ndarray]]:
    """Up to MODELS ``(a, b, inliers)`` with ``blend ~ a * data + b`` over pairs of one
    edge (RANSAC: one pair gives ``a`` and a gray face, two pairs ``a`` and any face;
    the most pairs within FIT_DN (or half the ``noise``) win; refined by least squares,
    a gray face kept where it explains about as many; seeded: the same picture gives
    the same blends)."""
    o, q = data.astype(np.float64), blend.astype(np.float64)
    rng = np.random.default_rng(0)
    fit = max(FIT_DN, 0.5 * noise)
    left = np.ones(len(o), bool)
    models: list[tuple[float, np.ndarray, np.ndarray]] = []
    for _ in range(MODELS):
        pool = np.flatnonzero(left)
        if len(pool) < MIN_PAIRS:
            break
        model = _best_blend(o, q, pool, rng, fit)
        if model is None:
            break
        a, b = model
        inliers = left & (np.linalg.norm(q - a * o - b, axis=1) <= fit)
        if inliers.sum() < max(MIN_PAIRS, MIN_SHARE * len(pool)):
            break
        models.append((a, b, inliers))
        left &= ~inliers
    return models


def _hypotheses(
    o: np.ndarray, q: np.ndarray, pool: np.ndarray, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """(a (K,), b (K, 3)) drawn from ``pool``: DRAWS of one pair under a gray face
    (``q = a o + c``: three channels, two unknowns) and DRAWS of two pairs."""
    one = rng.choice(pool, DRAWS)
    a_gray, c_gray = _gray_fit(o[one][:, :, None], q[one][:, :, None])
    first, second = rng.choice(pool, DRAWS), rng.choice(pool, DRAWS)
    do, dq = o[first] - o[second], q[first] - q[second]
    spread = (do * do).sum(axis=1)
    a = (do * dq).sum(axis=1) / np.maximum(spread, 1e-9)
    a[spread < 30.0**2] = np.nan
    b = 0.5 * (q[first] - a[:, None] * o[first] + q[second] - a[:, None] * o[second])
    return (np.concatenate([a_gray, a]),
            np.concatenate([np.repeat(c_gray[:, None], 3, axis=1), b]))  # fmt: skip


def _gray_fit(o: np.ndarray, q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per row of (K, 3, M) ``o`` and ``q``: ``q = a o + c`` (one ``a``, one ``c``
    for all channels: a gray face) by least squares; ``a`` NaN where ``o`` is gray."""
    mean_o, mean_q = o.mean(axis=(1, 2)), q.mean(axis=(1, 2))
    centred = o - mean_o[:, None, None]
    spread = (centred**2).sum(axis=(1, 2))
    a = (centred * (q - mean_q[:, None, None])).sum(axis=(1, 2)) / np.maximum(spread, 1e-9)
    a[spread < 3 * 16.0**2] = np.nan
    return a, mean_q - a * mean_o


def _best_blend(
    o: np.ndarray, q: np.ndarray, pool: np.ndarray, rng: np.random.Generator, fit: float
) -> tuple[float, np.ndarray] | None:
    scored = pool if len(pool) <= SCORED else rng.choice(pool, SCORED, replace=False)
    a, b = _hypotheses(o, q, pool, rng)
    face = b / np.maximum(1.0 - a, 1e-9)[:, None]
    good = (a >= A_RANGE[0]) & (a <= A_RANGE[1])  # (False for NaN)
    good &= np.all((face >= -8.0) & (face <= 263.0), axis=1)
    if not good.any():
        return None
    a, b = a[good], b[good]
    votes = blend_votes(a, np.ascontiguousarray(b), o[scored], q[scored], fit**2)
    best = int(np.argmax(votes))
    a_best, b_best = float(a[best]), b[best]
    refine = REFINE_SHARE * fit
    for _ in range(3):  # least squares on the inliers (shared a, an offset per channel)
        near = pool[np.linalg.norm(q[pool] - a_best * o[pool] - b_best, axis=1) <= refine]
        if len(near) < MIN_PAIRS:
            return None
        a_best, b_best = _least_squares(o[near], q[near])
    a_gray, c_gray = _gray_fit(o[near].T[None], q[near].T[None])
    if np.isfinite(a_gray[0]):
        b_gray = np.full(3, c_gray[0])
        count = [np.count_nonzero(np.linalg.norm(q[pool] - x * o[pool] - y, axis=1) <= refine)
                 for x, y in ((a_best, b_best), (float(a_gray[0]), b_gray))]  # fmt: skip
        if count[1] >= GRAY_KEEP * count[0]:
            a_best, b_best = float(a_gray[0]), b_gray
    if not A_RANGE[0] <= a_best <= A_RANGE[1]:
        return None
    return a_best, b_best


def _least_squares(o: np.ndarray, q: np.ndarray) -> tuple[float, np.ndarray]:
    """``q = a o + b``: one ``a``, an offset ``b`` per channel."""
    mean_o, mean_q = o.mean(axis=0), q.mean(axis=0)
    centred = o - mean_o
    a = float((centred * (q - mean_q)).sum() / max(float((centred**2).sum()), 1e-9))
    return a, mean_q - a * mean_o


def _refit(decoder: Any, colors: np.ndarray, a: float, b: np.ndarray) -> tuple[float, np.ndarray]:
    """``(a, b)`` fitted again on a region's pixels (P, 3): each against the map color
    nearest its unblended color (the edge pairs read the patch beside its blurred
    rim; coolwarm under white at 0.5, JPEG q75: a = 0.59, face 264 from them)."""
    unblended = np.clip(np.rint((colors - b) / a), 0, 255).astype(np.uint8)
    _, under = residuals(decoder, unblended, nearest=True)
    known = ~np.isnan(under[:, 0])
    if known.sum() < REFIT_PIXELS:
        return a, b
    refit_a, refit_b = _least_squares(under[known], colors[known])
    if not A_RANGE[0] <= refit_a <= A_RANGE[1]:
        return a, b
    return refit_a, refit_b


def overlay_region(
    decoder: Any, area: np.ndarray, residual: np.ndarray, a: float, b: np.ndarray,
    seeds: np.ndarray, noise: float, typical: float,
) -> np.ndarray:
    """(H, W) mask of the region blended ``a * field + b``: pixels whose unblended color
    lies on the map (UNDER_DN) and closer than themselves (UNDER_GAIN), joined to
    ``seeds`` (flat indices: the edge pairs' blended pixels), the pixels they enclose
    whose unblended color lies on the map, and one pixel around (the patch's
    antialiased edge)."""
    from truepix.color._decolorize._fills import _flood
    from truepix.color._decolorize._grow import dilated

    height, width = residual.shape
    colors = area.reshape(-1, 3)
    least = max(OFF_MAP, CORE_NOISE * typical)
    start = np.zeros((height, width), np.int32)
    start.ravel()[seeds] = 1
    # (the core first, where it may lie -- off the map by ``least``, in a part of such
    # pixels that holds MIN_SEEDS seeds: a picture with no patch mostly stops there,
    # its pixels' unblended colors never looked up)
    maybe = _seeded_parts(start, residual.astype(np.float64) >= least, MIN_SEEDS).ravel()
    near_flat = np.full(height * width, np.inf)
    near_flat[maybe] = _unblended_distance(decoder, colors[maybe], a, b)
    near = near_flat.reshape(height, width)  # (a view: filled in below)
    core = (near <= max(UNDER_DN, noise)) & (near <= UNDER_SHARE * residual)
    core &= residual >= np.maximum(near + UNDER_GAIN, least)
    region = _seeded_parts(start, core, MIN_SEEDS)
    if not region.any():
        return region
    border = np.zeros((height, width), bool)
    border[[0, -1], :] = border[:, [0, -1]] = True
    outside = _flood(border, ~region)
    # (what the region encloses: their unblended colors too)
    enclosed = np.flatnonzero(~outside.ravel() & ~np.isfinite(near_flat))
    near_flat[enclosed] = _unblended_distance(decoder, colors[enclosed], a, b)
    region |= ~outside & (near <= max(UNDER_DN, noise)) & (near + UNDER_GAIN <= residual)
    return dilated(region, 1)


def _unblended_distance(decoder: Any, colors: np.ndarray, a: float, b: np.ndarray) -> Any:
    """Distance (DN, times ``a``) to the map of ``colors``' (P, 3 float) unblended
    colors ``(colors - b) / a``, a color past the RGB cube by its excess at least."""
    unblended = (colors - b) / a
    under = np.clip(np.rint(unblended), 0, 255).astype(np.uint8)
    # (a color past the RGB cube is none under the patch: its excess counts as distance)
    excess = np.maximum(-unblended, unblended - 255.0).max(axis=1)
    return np.maximum(residuals(decoder, under), excess) * a


def without_overlays(
    result: Any, pixels: np.ndarray, fills: np.ndarray | None, decoder: Any
) -> Any:
    """``result`` (a ``DecolorizeResult`` of ``pixels``, H x W x C uint8) with the
    see-through patches in the figure's plot area NaN (``_cellmarks.plot_box`` on a
    margin of ``fills``; pictures without one are left alone)."""
    from truepix.color._decolorize._cellmarks import plot_box

    if pixels.ndim != 3 or pixels.dtype != np.uint8 or result.values.shape != pixels.shape[:-1]:
        return result
    box = plot_box(pixels, fills) if fills is not None and len(fills) else None
    if box is None:
        return result
    top, bottom, left, right = (box[0] + INSET, box[1] - INSET, box[2] + INSET, box[3] - INSET)
    area = np.ascontiguousarray(pixels[top:bottom, left:right, :3])
    mask = overlay_mask(decoder, area)
    if mask is None:
        return result
    values = result.values
    inside = values[top:bottom, left:right]
    newly = mask & ~np.isnan(inside)
    inside[newly] = np.nan
    n_nan = result.n_nan + int(np.count_nonzero(newly)) if result.n_nan >= 0 else -1
    return replace(result, values=values, n_nan=n_nan)


def overlay_mask(decoder: Any, area: np.ndarray) -> np.ndarray | None:
    """(H, W) mask of ``area``'s (H, W, 3 uint8) see-through patches, or None."""
    height, width = area.shape[:2]
    if min(height, width) <= 2 * (OVERLAY_STEP + PLATEAU_STEP):
        return None
    residual = residuals(decoder, area.reshape(-1, 3)).reshape(height, width)
    noise = float(np.quantile(residual, NOISE_SHARE))
    typical = float(np.median(residual))
    data, blend, where = edge_pairs(area, residual, max(OFF_MAP, noise))
    if len(data) < MIN_PAIRS:
        return None
    mask = None
    colors = area.astype(np.float64)
    for a, b, inliers in overlay_blends(data, blend, noise):
        face = np.clip(np.rint(b / (1.0 - a)), 0, 255).astype(np.uint8)[None]
        if residuals(decoder, face)[0] < FACE_OFF:
            continue
        region = overlay_region(decoder, colors, residual, a, b, where[inliers], noise, typical)
        if region.sum() < max(REFIT_PIXELS, INNER * inliers.sum()):
            continue  # a patch holds more than its edge: strokes' rims, ringing don't
        if region.sum() >= REFIT_PIXELS:  # the patch's own pixels pin the blend down
            a, b = _refit(decoder, colors[region], a, b)
            region = overlay_region(decoder, colors, residual, a, b, where[inliers], noise,
                                    typical)  # fmt: skip
        mask = region if mask is None else mask | region
    return mask


@nb.njit(**_JIT)
def _seeded_parts(seeds, passable, least):  # pragma: no cover - jitted
    """The 4-connected parts of ``passable`` (H, W bool) that hold ``least`` or more
    ``seeds`` (H, W int 0/1), as a mask."""
    height, width = passable.shape
    found = np.zeros((height, width), dtype=np.bool_)
    seen = np.zeros((height, width), dtype=np.bool_)
    stack = np.empty(height * width, dtype=np.int64)
    part = np.empty(height * width, dtype=np.int64)
    for y0 in range(height):
        for x0 in range(width):
            if not passable[y0, x0] or seen[y0, x0] or not seeds[y0, x0]:
                continue
            seen[y0, x0] = True
            stack[0], n, size, count = y0 * width + x0, 1, 0, 0
            while n:
                n -= 1
                at = stack[n]
                part[size] = at
                size += 1
                y, x = at // width, at % width
                count += seeds[y, x]
                for yy, xx in ((y - 1, x), (y + 1, x), (y, x - 1), (y, x + 1)):
                    if 0 <= yy < height and 0 <= xx < width and passable[yy, xx] \
                            and not seen[yy, xx]:
                        seen[yy, xx] = True
                        stack[n] = yy * width + xx
                        n += 1
            if count >= least:
                for i in range(size):
                    found[part[i] // width, part[i] % width] = True
    return found

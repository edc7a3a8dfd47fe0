"""Plain-numpy reference for the decolorize kernels: brute force, no grid, no memo.

Tests compare :mod:`truepix.color._decolorize._kernels` against these functions.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from truepix.color._decolorize._kernels import POS_MASK, POS_SCALE, RESIDUAL_SHIFT
from truepix.color._decolorize._palette import Polyline

__all__ = [
    "block_score", "chroma_model_residual", "chroma_subsampling_test", "color_at",
    "core_groups", "grow_similar",
    "hull_accept", "hull_distance", "pilot_wiener", "plane_wiener",
    "project", "thin_blends", "unmix",
]  # fmt: skip


def project(
    rgb: np.ndarray, line: Polyline, /, *, gap: float, tolerance: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Closest point of the polyline for each (P, 3) RGB color in DN.

    Returns the position in bins (``[0, N)`` on cyclic maps), the metric distance
    and whether another place more than ``gap`` bins away is within ``tolerance``.
    """
    points = np.asarray(rgb, dtype=np.float64) @ line.matrix.T
    rel = points[:, None, :] - line.seg_a[None, :, :]
    t = np.clip(np.einsum("psk,sk->ps", rel, line.seg_d) * line.seg_inv, 0.0, 1.0)
    diff = rel - t[:, :, None] * line.seg_d[None, :, :]
    dist2 = np.einsum("psk,psk->ps", diff, diff)
    # among segments within rounding of the minimum: the first whose closest point
    # is a table color, else the first
    tied = dist2 <= dist2.min(axis=1, keepdims=True) + 1e-9
    at_vertex = tied & ((t <= 1e-12) | (t >= 1.0 - 1e-12))
    best = np.where(at_vertex.any(axis=1), np.argmax(at_vertex, axis=1), np.argmax(tied, axis=1))
    rows = np.arange(len(points))
    seg_pos = line.seg_s[None, :] + t * line.seg_ds[None, :]
    position = seg_pos[rows, best]
    residual = np.sqrt(dist2[rows, best])
    period = float(line.n_bins) if line.cyclic else 0.0
    if period:
        position = np.where(position >= period, position - period, position)
    apart = np.abs(seg_pos - position[:, None])
    if period:
        apart = np.minimum(apart % period, period - apart % period)
    within = dist2 <= (residual[:, None] + tolerance) ** 2
    ambiguous = np.any(within & (apart > gap), axis=1)
    # exactly a table color that runs apart share: the middle of their union
    best_t = t[rows, best]
    exact = np.where(best_t <= 1e-12, line.seg_exact[best, 0], line.seg_exact[best, 1])
    shared = at_vertex[rows, best] & (dist2[rows, best] <= 1e-9) & ~np.isnan(exact)
    return np.where(shared, exact, position), residual, ambiguous | shared


def color_at(line: Polyline, position: np.ndarray, /) -> np.ndarray:
    """RGB (DN) of the polyline at positions in bins: linear between vertices."""
    vertices, positions = line.vertices, line.positions
    if line.cyclic:
        vertices = np.vstack([vertices[-1:], vertices, vertices[:1]])
        positions = np.concatenate(
            [[positions[-1] - line.n_bins], positions, [positions[0] + line.n_bins]]
        )
    return np.stack([np.interp(position, positions, vertices[:, k]) for k in range(3)], -1)


def chroma_subsampling_test(
    image: np.ndarray, position: np.ndarray, line: Polyline, ycc: np.ndarray, /
) -> tuple[float, float]:
    """Squared chroma distance of an (H, W, 3) picture to the map and to the 4:2:0 model.

    ``position`` holds each pixel's decoded position in bins (NaN: invalid). Every
    block row but the first and last is scored (the kernel takes every k-th).
    """
    height, width = position.shape
    n_brow, n_bcol = height // 2, width // 2
    mapped = color_at(line, np.nan_to_num(position)) @ ycc[1:].T
    mapped[np.isnan(position)] = np.nan
    blocks = mapped[: 2 * n_brow, : 2 * n_bcol].reshape(n_brow, 2, n_bcol, 2, 2)
    block = blocks.mean(axis=(1, 3))  # NaN where any pixel of the block is invalid
    observed = image[..., :3].astype(np.float64) @ ycc[1:].T
    e_map = e_model = 0.0
    for i in range(1, n_brow - 1):
        for dy in range(2):
            neighbour_row = i - 1 if dy == 0 else i + 1
            for j in range(n_bcol):
                for dx in range(2):
                    jh = max(0, j - 1) if dx == 0 else min(n_bcol - 1, j + 1)
                    model = (
                        9 * block[i, j] + 3 * block[neighbour_row, j]
                        + 3 * block[i, jh] + block[neighbour_row, jh]
                    ) / 16  # fmt: skip
                    if np.any(np.isnan(model)):
                        continue
                    y, x = 2 * i + dy, 2 * j + dx
                    e_map += float(np.sum((observed[y, x] - mapped[y, x]) ** 2))
                    e_model += float(np.sum((observed[y, x] - model) ** 2))
    return e_map, e_model


def block_score(
    flat: np.ndarray, codes: np.ndarray, width: int, every: int, max_code: int,
    line: Polyline, ycc: np.ndarray, /,
) -> tuple[float, float, float]:  # fmt: skip
    """``_plan.block_score`` on every ``every``-th row of ``width`` of (P, C) DN pixels.

    ``codes``: the packed answers (see ``_kernels``) of the pixels.
    """
    from truepix.color._decolorize._plan import phase_ratio  # (the same reading of the means)

    rows = flat.reshape(-1, width, flat.shape[-1])[::every, :, :3].astype(np.float64)
    code_rows = codes.reshape(-1, width)[::every]
    position = (code_rows & POS_MASK) * (line.n_bins / POS_SCALE)
    mapped = line.colors_at(position)
    residual_code = code_rows >> RESIDUAL_SHIFT
    valid = (residual_code > 0) & (residual_code <= max_code)
    steps = np.abs(np.diff((rows - mapped) @ ycc.T, axis=1))
    usable = (valid[:, 1:] & valid[:, :-1])[..., None]
    n_phases = (width - 1) // 8 * 8
    sums = (steps * usable)[:, :n_phases].reshape(len(rows), -1, 8, 3).sum(axis=(0, 1))
    counts = usable[:, :n_phases, 0].reshape(len(rows), -1, 8).sum(axis=(0, 1))
    blocks = phase_ratio(sums / np.maximum(counts, 1)[:, None])
    inner = (valid[:, 2:] & valid[:, 1:-1] & valid[:, :-2])[..., None]
    detail = []
    for colors in (rows, mapped):
        seen = colors @ ycc.T
        second = np.abs(seen[:, 1:-1] - 0.5 * (seen[:, 2:] + seen[:, :-2])) * inner
        detail.append((float(second[..., 0].sum()), float(second[..., 1:].sum())))
    (luma, chroma), (map_luma, map_chroma) = detail
    return (
        blocks,
        chroma / map_chroma if map_chroma > 0 else 1.0,
        luma / map_luma if map_luma > 0 else 1.0,
    )


def chroma_model_residual(
    image: np.ndarray, position: np.ndarray, residual: np.ndarray, threshold: float,
    line: Polyline, ycc: np.ndarray, strong: float, luma_range: tuple[float, float],
    stroke: float, flat: float, /,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """(distance, strong) per pixel of an (H, W, 3) picture, as the kernel defines them.

    ``position`` in [0, 1] (NaN: none), ``residual`` in DN (NaN: transparent).
    """
    height, width = position.shape
    mapped = color_at(line, np.nan_to_num(position) * line.n_bins) @ ycc.T
    mapped[np.isnan(position)] = np.nan
    # libjpeg pads odd sizes by repeating the last row and column
    padded = np.pad(mapped, ((0, height % 2), (0, width % 2), (0, 0)), mode="edge")
    blocks = padded.reshape(padded.shape[0] // 2, 2, padded.shape[1] // 2, 2, 3).mean((1, 3))
    n_by, n_bx = blocks.shape[:2]
    observed = image[..., :3].astype(np.float64) @ ycc.T
    luma = observed[..., 0]
    distance = np.zeros((height, width))
    is_strong = np.zeros((height, width), dtype=bool)
    for y, x in zip(*np.nonzero(residual > threshold), strict=True):
        by, bx = y // 2, x // 2
        bv = max(by - 1, 0) if y % 2 == 0 else min(by + 1, n_by - 1)
        bh = max(bx - 1, 0) if x % 2 == 0 else min(bx + 1, n_bx - 1)
        model = (9 * blocks[by, bx] + 3 * blocks[bv, bx] + 3 * blocks[by, bh] + blocks[bv, bh]) / 16
        if np.isnan(position[y, x]) or np.isnan(model[1:]).any():
            distance[y, x], is_strong[y, x] = np.inf, True
            continue
        error = observed[y, x] - np.array([mapped[y, x, 0], model[1], model[2]])
        distance[y, x] = np.sqrt(np.sum(error**2))
        around = luma[max(0, y - 1) : y + 2, max(0, x - 1) : x + 2].copy()
        own = luma[y, x]
        around[min(y, 1), min(x, 1)] = np.nan  # the pixel itself
        low, high = (np.nanmin(around), np.nanmax(around)) if around.size > 1 else (own, own)
        is_strong[y, x] = bool(
            distance[y, x] > strong
            or not luma_range[0] - stroke <= own <= luma_range[1] + stroke
            or not low - stroke <= own <= high + stroke
            or max(high, own) - min(low, own) < flat
        )
    return distance, is_strong


def core_groups(
    cores: np.ndarray, distance: np.ndarray, min_pixels: int, foreign: float, /
) -> np.ndarray:
    """Which ``cores`` pixels (H, W) lie in an 8-connected group of ``min_pixels`` or
    more, or in one with a pixel farther than ``foreign`` (``distance``)."""
    from scipy import ndimage

    labels, count = ndimage.label(cores, structure=np.ones((3, 3)))
    keep = np.bincount(labels.ravel(), minlength=count + 1) >= min_pixels
    keep[labels[distance > foreign]] = True
    keep[0] = False
    return keep[labels]


def grow_similar(
    image: np.ndarray, labels: np.ndarray, through: np.ndarray, ycc: np.ndarray,
    tolerance: float, /,
) -> np.ndarray:  # fmt: skip
    """Each group of ``labels`` (H, W; 0: none) and the ``through`` pixels 8-connected to
    it through ``through`` pixels within ``tolerance`` DN of the group's mean luma.

    Per group: the connected components of (group | through & similar luma) that
    touch the group, by scipy's labelling rather than a search.
    """
    from scipy import ndimage

    luma = image[..., :3].astype(np.float64) @ ycc[0]
    out = labels > 0
    for group in np.unique(labels[labels > 0]):
        member = labels == group
        similar = through & (np.abs(luma - luma[member].mean()) <= tolerance)
        parts, _ = ndimage.label(member | similar, structure=np.ones((3, 3)))
        out |= np.isin(parts, np.unique(parts[member]))
    return out


def _plane_windows(
    position: np.ndarray, radius: int, cyclic: bool
) -> Iterator[tuple[int, int, slice, slice, np.ndarray, np.ndarray, np.ndarray]]:
    """Each valid pixel's window of 4+ valid neighbours: its offsets from the centre
    (wrapped on cyclic maps) and the design matrix of a plane through them."""
    height, width = position.shape
    for y in range(height):
        for x in range(width):
            center = position[y, x]
            if np.isnan(center):
                continue
            rows = slice(max(0, y - radius), y + radius + 1)
            cols = slice(max(0, x - radius), x + radius + 1)
            window = position[rows, cols]
            yy, xx = np.mgrid[rows, cols][:, : window.shape[0], : window.shape[1]]
            valid = ~np.isnan(window)
            n = int(valid.sum())
            if n < 4:
                continue
            d = window[valid] - center
            if cyclic:
                d -= np.floor(d + 0.5)
            design = np.column_stack([np.ones(n), xx[valid] - x, yy[valid] - y])
            yield y, x, rows, cols, valid, d, design


def plane_wiener(
    position: np.ndarray, noise_var: np.ndarray, /, *, radius: int, cyclic: bool
) -> np.ndarray:
    """Adaptive Wiener filter around local least-squares planes (NaN = invalid)."""
    out = position.copy()
    for y, x, rows, cols, valid, d, design in _plane_windows(position, radius, cyclic):
        n = len(d)
        center = position[y, x]
        coef, *_ = np.linalg.lstsq(design, d, rcond=None)
        residual_var = float(np.sum((d - design @ coef) ** 2)) / n
        noise_share = float(noise_var[rows, cols][valid].mean()) * (1 - 3 / n)
        gain = 0.0
        if residual_var > noise_share:
            gain = (residual_var - noise_share) / residual_var
        estimate = center + coef[0] * (1 - gain)
        out[y, x] = estimate - np.floor(estimate) if cyclic else estimate
    return out


def pilot_wiener(
    position: np.ndarray, pilot: np.ndarray, noise_var: np.ndarray, /, *, radius: int,
    cyclic: bool,
) -> np.ndarray:  # fmt: skip
    """Wiener shrinkage toward the local plane of ``position``, the signal variance the
    residual of ``pilot`` around its own plane (NaN = invalid)."""
    out = position.copy()
    for y, x, rows, cols, valid, d, design in _plane_windows(position, radius, cyclic):
        n = len(d)
        center = position[y, x]
        q = pilot[rows, cols][valid] - pilot[y, x]
        if cyclic:
            q -= np.floor(q + 0.5)
        coef, *_ = np.linalg.lstsq(design, d, rcond=None)
        pilot_coef, *_ = np.linalg.lstsq(design, q, rcond=None)
        signal = float(np.sum((q - design @ pilot_coef) ** 2)) / n
        noise = float(noise_var[rows, cols][valid].mean())
        gain = signal / (signal + noise) if signal + noise > 0 else 1.0
        estimate = center + coef[0] * (1 - gain)
        out[y, x] = estimate - np.floor(estimate) if cyclic else estimate
    return out


def unmix(
    image: np.ndarray, position: np.ndarray, residual: np.ndarray, line: Polyline, /, *,
    min_residual: float, threshold: float, overshoot: float = 0.0,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Blended pixels as the best blend of two 3x3 map neighbours' colors (see kernel)."""
    height, width = position.shape
    colors = color_at(line, np.nan_to_num(position) * line.n_bins)
    out, out_residual = position.copy(), residual.astype(np.float64)
    for y in range(height):
        for x in range(width):
            if np.isnan(position[y, x]) or not residual[y, x] > min_residual:
                continue
            window = [
                (yy, xx)
                for yy in range(max(0, y - 1), min(height, y + 2))
                for xx in range(max(0, x - 1), min(width, x + 2))
                if not np.isnan(position[yy, xx]) and residual[yy, xx] <= threshold
            ]
            pixel = image[y, x, :3].astype(np.float64)
            best = (residual[y, x] - 0.5) ** 2
            for i, first in enumerate(window):
                for second in window[i + 1 :]:
                    start, chord = colors[first], colors[second] - colors[first]
                    length2 = float(chord @ chord)
                    if length2 <= 0:
                        continue
                    t = float(np.clip((pixel - start) @ chord / length2, -overshoot, 1 + overshoot))
                    gap = pixel - start - t * chord
                    if gap @ gap < best:
                        best = float(gap @ gap)
                        a, b = position[first], position[second]
                        if line.cyclic:
                            b -= np.floor(b - a + 0.5)
                        blend = (1 - t) * a + t * b
                        out[y, x] = blend - np.floor(blend) if line.cyclic else np.clip(blend, 0, 1)
                        out_residual[y, x] = np.sqrt(best)
    return out, out_residual


def hull_distance(point: np.ndarray, corners: np.ndarray, /) -> float:
    """Distance from a point to the convex hull of (K, 3) corners, by scipy's NNLS.

    The weights w >= 0 with sum 1 closest to the point solve a non-negative least
    squares problem once a heavily weighted row asks for ``sum(w) = 1``.
    """
    from scipy.optimize import nnls

    heavy = 1e4
    matrix = np.vstack([corners.T, heavy * np.ones(len(corners))])
    target = np.concatenate([point, [heavy]])
    weights, _ = nnls(matrix, target)
    weights /= weights.sum()
    return float(np.linalg.norm(corners.T @ weights - point))


def hull_accept(
    image: np.ndarray, position: np.ndarray, residual: np.ndarray, line: Polyline,
    corners: np.ndarray, /, *, threshold: float, radius: int, tolerance: float = 3.0,
    arc_threshold: float | None = None, margin: float = 0.0, overshoot: float = 0.0,
    contrast_threshold: float | None = None,
) -> np.ndarray:  # fmt: skip
    """Distance (DN) of off-map pixels to the hull of their local arc (see the kernel).

    ``corners``: indices of ``line.vertices`` that span the hull of any arc. NaN
    where the kernel does not test the pixel, inf where the thin-stroke test or a
    window without anchors rejects it; the kernel accepts distances up to its
    tolerance (the distance returned is less the pixel's overshoot allowance,
    ``overshoot`` times the spread of its neighbours on the map beyond ``tolerance``).
    """
    height, width = position.shape
    rgb = image[..., :3].astype(np.float64)
    luma = rgb @ np.array([0.299, 0.587, 0.114])
    metric = rgb @ line.matrix.T
    metric_vertices = line.vertices @ line.matrix.T
    arc_threshold = threshold if arc_threshold is None else arc_threshold
    contrast = threshold if contrast_threshold is None else contrast_threshold
    out = np.full((height, width), np.nan)
    for y in range(height):
        for x in range(width):
            if not residual[y, x] > threshold:
                continue
            out[y, x] = np.inf
            rows = slice(max(0, y - radius), y + radius + 1)
            cols = slice(max(0, x - radius), x + radius + 1)
            anchors = (residual[rows, cols] <= arc_threshold) & ~np.isnan(position[rows, cols])
            if not anchors.any():
                continue
            lo, hi = _arc(position[rows, cols][anchors], line.cyclic)
            lo, hi = lo - (hi - lo) * margin, hi + (hi - lo) * margin
            if not line.cyclic:
                lo, hi = max(0.0, lo), min(1.0, hi)
            elif hi - lo >= 1.0:
                lo, hi = 0.0, 1.0
            around = [
                (yy, xx)
                for yy in range(max(0, y - 1), min(height, y + 2))
                for xx in range(max(0, x - 1), min(width, x + 2))
                if (yy, xx) != (y, x)
            ]
            near = np.array([luma[q] for q in around])
            on_map = [q for q in around if residual[q] <= contrast]
            colors = np.array([metric[q] for q in on_map]).reshape(-1, 3)
            lumas = np.array([luma[q] for q in on_map])
            spread = float(np.linalg.norm(np.ptp(colors, axis=0))) if on_map else 0.0
            luma_tolerance = max(tolerance, overshoot * np.ptp(lumas)) if on_map else tolerance
            if not near.min() - luma_tolerance <= luma[y, x] <= near.max() + luma_tolerance:
                continue
            ends = np.array([lo, hi]) % 1.0 if line.cyclic else np.array([lo, hi])
            at = line.positions[corners] / line.n_bins
            inside = (lo < at) & (at < hi)
            if line.cyclic:
                inside |= (lo < at + 1) & (at + 1 < hi) | (lo < at - 1) & (at - 1 < hi)
            hull = np.vstack([color_at(line, ends * line.n_bins) @ line.matrix.T,
                              metric_vertices[corners][inside]])  # fmt: skip
            allowance = max(tolerance, overshoot * spread) - tolerance
            out[y, x] = hull_distance(metric[y, x], hull) - allowance
    return out



def thin_blends(
    image: np.ndarray, residual: np.ndarray, corners: np.ndarray, matrix: np.ndarray,
    candidates: np.ndarray, /, *, threshold: float, share: float, tolerance: float,
    overshoot: float,
) -> np.ndarray:  # fmt: skip
    """How far (DN) each candidate lies beyond its allowance from the hull of its 3x3
    neighbours on the map and those moved ``share`` of the way to each of
    ``corners`` (metric); NaN without such neighbours (see the kernel)."""
    height, width = residual.shape
    metric = image[..., :3].astype(np.float64) @ matrix.T
    out = np.full(len(candidates), np.nan)
    for k, flat in enumerate(candidates):
        y, x = divmod(int(flat), width)
        near = np.array([
            metric[yy, xx]
            for yy in range(max(0, y - 1), min(height, y + 2))
            for xx in range(max(0, x - 1), min(width, x + 2))
            if (yy, xx) != (y, x) and residual[yy, xx] <= threshold
        ]).reshape(-1, 3)  # fmt: skip
        if len(near) == 0:
            continue
        moved = (near[:, None, :] + share * (corners[None, :, :] - near[:, None, :])).reshape(-1, 3)
        limit = max(tolerance, overshoot * float(np.linalg.norm(np.ptp(near, axis=0))))
        out[k] = hull_distance(metric[y, x], np.vstack([near, moved])) - limit
    return out

def _arc(anchors: np.ndarray, cyclic: bool) -> tuple[float, float]:
    """The local arc of anchor positions: on a cyclic map the circle less its widest gap."""
    if not cyclic or len(anchors) < 2:
        return float(anchors.min()), float(anchors.max())
    ordered = np.sort(anchors % 1.0)
    gaps = np.diff(np.concatenate([ordered, [ordered[0] + 1.0]]))
    widest = int(np.argmax(gaps))
    if gaps[-1] >= gaps[widest]:  # the gap across the seam: no wrap
        return float(ordered[0]), float(ordered[-1])
    return float(ordered[widest + 1]), float(ordered[widest] + 1.0)

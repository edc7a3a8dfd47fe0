"""``_around.around_blends`` against a numpy oracle: every pair of data pixels around."""

from __future__ import annotations

import numpy as np

from truepix.color._decolorize import _around
from truepix.color._decolorize._plan import _YCBCR, JPEG_CHROMA_WEIGHT


def _oracle(flat: np.ndarray, width: int, pixels: np.ndarray, on_map: np.ndarray) -> np.ndarray:
    weights = np.sqrt(np.array([1.0, JPEG_CHROMA_WEIGHT, JPEG_CHROMA_WEIGHT]))
    metric = _YCBCR * weights[:, None]
    height, radius = len(flat) // width, _around.AROUND_RADIUS
    out = np.zeros(len(pixels), dtype=bool)
    for i, pixel in enumerate(pixels):
        y, x = divmod(int(pixel), width)
        ys, xs = np.mgrid[max(0, y - radius) : min(height, y + radius + 1),
                          max(0, x - radius) : min(width, x + radius + 1)]  # fmt: skip
        around = (ys * width + xs).ravel()
        rgb = flat[around[on_map[around]]].astype(np.float64)
        own = metric @ flat[pixel].astype(np.float64)
        for a in range(len(rgb)):
            for b in range(a + 1, len(rgb)):
                if np.sum((rgb[b] - rgb[a]) ** 2) < _around.AROUND_STEP**2:
                    continue
                start, segment = metric @ rgb[a], metric @ (rgb[b] - rgb[a])
                t = (own - start) @ segment / max(segment @ segment, 1e-9)
                t = np.clip(t, -_around.AROUND_OVERSHOOT, 1.0 + _around.AROUND_OVERSHOOT)
                if np.linalg.norm(own - start - t * segment) <= _around.AROUND_TOLERANCE:
                    out[i] = True
    return out


def test_around_blends_matches_the_oracle() -> None:
    rng = np.random.default_rng(11)
    width, height = 24, 20
    # two flat colors with a band of their blends, some noise, and foreign specks
    a, b = np.array([30.0, 60.0, 200.0]), np.array([240.0, 200.0, 20.0])
    share = np.clip((np.arange(width) - 9) / 6.0, 0.0, 1.0)[None, :, None]
    picture = a + share * (b - a) + rng.normal(0.0, 4.0, (height, width, 3))
    picture[rng.random((height, width)) < 0.05] = (0.0, 255.0, 0.0)
    flat = np.clip(np.round(picture), 0, 255).astype(np.uint8).reshape(-1, 3)
    on_map = (share[0, :, 0] == 0.0) | (share[0, :, 0] == 1.0)
    on_map = np.broadcast_to(on_map, (height, width)).ravel().copy()
    pixels = np.flatnonzero(rng.random(height * width) < 0.3)
    found = _around.around_blends(flat, 1.0, width, pixels, on_map)
    expected = _oracle(flat, width, pixels, on_map)
    assert np.array_equal(found, expected)
    assert 0 < found.sum() < len(found)


def _hull_distance(point: np.ndarray, vertices: np.ndarray) -> float:
    """Distance (metric space) from ``point`` to the convex hull of ``vertices``: a
    non-negative least-squares fit whose weights a heavy row makes sum to 1."""
    from scipy.optimize import nnls

    rows = np.vstack([vertices.T, np.full(len(vertices), 1e4)])
    weights, _ = nnls(rows, np.append(point, 1e4), maxiter=5000)
    return float(np.linalg.norm(vertices.T @ weights - point))


def test_hull_blends_matches_the_oracle() -> None:
    import matplotlib as mpl

    weights = np.sqrt(np.array([1.0, JPEG_CHROMA_WEIGHT, JPEG_CHROMA_WEIGHT]))
    metric = _YCBCR * weights[:, None]
    vertices = mpl.colormaps["jet"](np.linspace(0, 1, 64), bytes=True)[:, :3].astype(float)
    rng = np.random.default_rng(12)
    # random colors, blends of two and three map colors, and black, white and gray
    share = rng.random((200, 1))
    pairs = vertices[rng.integers(0, 64, (200, 2))]
    blends = share * pairs[:, 0] + (1 - share) * pairs[:, 1]
    mixed = np.einsum("nk,nkc->nc", rng.dirichlet(np.ones(3), 200),
                      vertices[rng.integers(0, 64, (200, 3))])  # fmt: skip
    flat = np.vstack([rng.uniform(0, 255, (400, 3)), mixed + rng.normal(0, 6, mixed.shape),
                      blends, [[0, 0, 0], [255, 255, 255], [128, 128, 128]]])  # fmt: skip
    flat = np.clip(np.round(flat), 0, 255).astype(np.uint8)
    pixels = np.arange(len(flat))
    found = _around.hull_blends(flat, 1.0, pixels, vertices)
    distance = np.array([_hull_distance(metric @ c, vertices @ metric.T) for c in flat / 1.0])
    tolerance = _around.HULL_TOLERANCE
    # (Frank-Wolfe stops within its step budget: undecided only right at the tolerance)
    assert np.all(found[distance <= 0.95 * tolerance])
    assert not np.any(found[distance > tolerance + 1e-6])
    assert found[-1] and not found[-2] and not found[-3]  # gray in jet's hull; white, black out

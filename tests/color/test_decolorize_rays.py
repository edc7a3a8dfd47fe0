"""``_rays``: the thin-stroke ray test on scalars answers as the array geometry it
replaced (numpy here: the oracle), and ``_hull.thin_extremes`` flags a saved figure's
text as that geometry, pixel by pixel, does."""

from __future__ import annotations

import io

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from PIL import Image

from truepix.color._decolorize import _hull, _rays

mpl.use("Agg")


def _segment_gap2(p0: np.ndarray, p1: np.ndarray, q0: np.ndarray, q1: np.ndarray) -> float:
    """Ericson 5.1.9 in numpy (the array form ``_rays`` had)."""
    d1, d2, r = p1 - p0, q1 - q0, p0 - q0
    a, e, f = d1 @ d1, d2 @ d2, d2 @ r
    s = t = 0.0
    if a <= 1e-12 and e <= 1e-12:
        return float(r @ r)
    if a <= 1e-12:
        t = min(max(f / e, 0.0), 1.0)
    else:
        c = d1 @ r
        if e <= 1e-12:
            s = min(max(-c / a, 0.0), 1.0)
        else:
            b = d1 @ d2
            denom = a * e - b * b
            s = min(max((b * f - c * e) / denom, 0.0), 1.0) if denom > 0.0 else 0.0
            t = (b * s + f) / e
            if t < 0.0:
                t, s = 0.0, min(max(-c / a, 0.0), 1.0)
            elif t > 1.0:
                t, s = 1.0, min(max((b - c) / a, 0.0), 1.0)
    gap = p0 + s * d1 - q0 - t * d2
    return float(gap @ gap)


def _segment_gaps2(p0: np.ndarray, p1: np.ndarray, q0: np.ndarray, q1: np.ndarray) -> np.ndarray:
    """:func:`_segment_gap2` from one segment to each of many (rows of ``q0``, ``q1``)
    at once, branch by branch (the oracle tests every map segment of every pixel)."""
    d1, d2, r = p1 - p0, q1 - q0, p0 - q0
    a, e, f = d1 @ d1, np.einsum("ij,ij->i", d2, d2), np.einsum("ij,ij->i", d2, r)
    c, b = r @ d1, d2 @ d1
    s, t = np.zeros(len(q0)), np.zeros(len(q0))
    with np.errstate(divide="ignore", invalid="ignore"):
        if a <= 1e-12:
            t = np.where(e <= 1e-12, 0.0, np.clip(f / e, 0.0, 1.0))
        else:
            denom = a * e - b * b
            s = np.where(denom > 0.0, np.clip((b * f - c * e) / denom, 0.0, 1.0), 0.0)
            t = (b * s + f) / e
            low, high = t < 0.0, t > 1.0
            s = np.where(low, np.clip(-c / a, 0.0, 1.0), s)
            s = np.where(high, np.clip((b - c) / a, 0.0, 1.0), s)
            t = np.clip(t, 0.0, 1.0)
            point = e <= 1e-12  # a degenerate map segment: the closest point of ours to it
            s, t = np.where(point, np.clip(-c / a, 0.0, 1.0), s), np.where(point, 0.0, t)
    gap = p0 + s[:, None] * d1 - q0 - t[:, None] * d2
    return np.einsum("ij,ij->i", gap, gap)


def _point_gap2(point: np.ndarray, p0: np.ndarray, p1: np.ndarray) -> float:
    d = p1 - p0
    length2 = d @ d
    t = 0.0 if length2 <= 1e-12 else min(max((point - p0) @ d / length2, 0.0), 1.0)
    gap = p0 + t * d - point
    return float(gap @ gap)


def test_gaps_match_numpy() -> None:
    rng, more = np.random.default_rng(8), np.random.default_rng(9)
    for k in range(2000):
        p0, p1, q0, q1 = rng.uniform(-300, 300, (4, 3))
        if k % 10 == 0:
            p1 = p0.copy()  # degenerate segments too
        if k % 15 == 0:
            q1 = q0.copy()
        want = _segment_gap2(p0, p1, q0, q1)
        assert np.isclose(_rays._segment_gap2(p0, p1, q0, q1), want, rtol=1e-12, atol=1e-9)
        if k % 4 == 0:  # the oracle's vectorized form, degenerate map segments among them
            q0s = np.vstack([q0, more.uniform(-300, 300, (5, 3))])
            steps = more.uniform(-300, 300, (5, 3)) * (np.arange(5) % 2)[:, None]  # 0: a point
            q1s = np.vstack([q1, q0s[1:] + steps])
            wants = [_segment_gap2(p0, p1, q, r) for q, r in zip(q0s, q1s)]
            assert np.allclose(_segment_gaps2(p0, p1, q0s, q1s), wants, rtol=1e-12, atol=1e-9)
        want = _point_gap2(q0, p0, p1)
        assert np.isclose(_rays._point_gap2(q0, p0, p1), want, rtol=1e-12, atol=1e-9)


def _thin_oracle(pixels, scale, width, candidates, contrast, vertices, cyclic, tolerance):
    """``thin_extremes`` in numpy and Python, every map segment tested (no runs)."""
    height = pixels.shape[0] // width
    luma = pixels[:, :3].astype(np.float64) @ np.array([0.299, 0.587, 0.114]) * scale
    n = len(vertices)
    segments = n if cyclic else n - 1

    def at(x: int, y: int) -> float:
        return float(luma[y * width + x]) if 0 <= x < width and 0 <= y < height else np.nan

    def meets(flank: np.ndarray, own: np.ndarray) -> bool:
        far = flank + _rays._RAY_REACH * (own - flank)
        ends = np.arange(1, segments + 1) % n
        gaps = _segment_gaps2(own, far, vertices[:segments], vertices[ends])
        return bool((gaps <= tolerance**2).any())

    out = np.zeros(len(candidates), dtype=bool)
    for k, p in enumerate(candidates):
        y, x = divmod(int(p), width)
        own = pixels[p, :3].astype(np.float64) * scale
        extreme = explained = False
        for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
            for first, last in ((-1, 1), (-1, 2), (-2, 1)):
                darkest = brightest = float(luma[p])
                if last == 2 or first == -2:
                    sign = 1 if last == 2 else -1
                    v = at(x + sign * dx, y + sign * dy)
                    darkest, brightest = min(darkest, v), max(brightest, v)
                a_x, a_y, b_x, b_y = x + first * dx, y + first * dy, x + last * dx, y + last * dy
                a, b = at(a_x, a_y), at(b_x, b_y)
                if np.isnan(a) or np.isnan(b) or np.isnan(darkest):
                    continue
                if brightest < min(a, b) - contrast or darkest > max(a, b) + contrast:
                    extreme = True
                    flank_a = pixels[a_y * width + a_x, :3].astype(np.float64) * scale
                    flank_b = pixels[b_y * width + b_x, :3].astype(np.float64) * scale
                    flanks = (0.5 * (flank_a + flank_b), flank_a, flank_b)
                    explained = any(meets(flank, own) for flank in flanks)
                if explained:
                    break
            if explained:
                break
        out[k] = extreme and not explained
    return out


def test_thin_extremes_on_a_saved_figure_match_the_oracle() -> None:
    rng = np.random.default_rng(3)
    figure, axes = plt.subplots(figsize=(2.4, 1.8), dpi=100)
    image = axes.imshow(rng.random((12, 16)), cmap="viridis", interpolation="bilinear")
    axes.set_title("Title gjq 0.5")
    figure.colorbar(image, ax=axes)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    picture = np.asarray(Image.open(buffer).convert("RGB"))
    height, width = picture.shape[:2]
    pixels = np.ascontiguousarray(picture.reshape(-1, 3))
    vertices = mpl.colormaps["viridis"](np.linspace(0, 1, 64))[:, :3] * 255
    light = pixels.min(1) >= 250
    candidates = np.flatnonzero(~light)  # every pixel not the white page
    centers, radii = _rays.runs(vertices, False)
    found = np.empty(len(candidates), dtype=bool)
    _hull.thin_extremes(
        pixels, 1.0, width, candidates, 20.0, vertices, False, 25.0, centers, radii, found
    )
    want = _thin_oracle(pixels, 1.0, width, candidates, 20.0, vertices, False, 25.0)
    assert np.array_equal(found, want)
    assert 50 < np.count_nonzero(want) < len(candidates) // 2  # text and frame strokes found

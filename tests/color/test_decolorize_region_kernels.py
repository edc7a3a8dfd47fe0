"""numba kernels of the figure rules against numpy and SciPy oracles: ``_margins``'
fill ringing test (:func:`fill_blends`) and ``_extend_found``'s border parts
(:func:`_unframed`)."""

from __future__ import annotations

import numpy as np
import pytest

from truepix.color._decolorize import _extend_found as extend_found
from truepix.color._decolorize import _margins as margins

ndimage = pytest.importorskip("scipy.ndimage")

_YCBCR = np.array(
    [[0.299, 0.587, 0.114], [-0.168736, -0.331264, 0.5], [0.5, -0.418688, -0.081312]]
)


def _fill_blends_oracle(pixels, scale, candidates, beside, fills, colors, ycc):
    """``fill_blends`` as numpy arrays over every pixel, per fill and map color."""
    out = np.zeros(len(candidates), dtype=bool)
    at = np.flatnonzero(beside)
    rgb = pixels[candidates[at], :3].astype(np.float64) * scale
    color = rgb @ ycc.T
    ring = np.zeros(len(at), dtype=bool)
    mapped = np.asarray(colors, dtype=np.float64) @ ycc.T
    boxes = np.asarray(fills, dtype=np.float64) * scale
    blot = np.zeros(len(at), dtype=bool)
    for low, high in boxes:
        near = margins.FILL_RING_NEAR
        blot |= ((rgb >= low - near) & (rgb <= high + near)).all(axis=1)
    for fill in boxes.mean(axis=1) @ ycc.T:
        for own in mapped:
            near = np.abs(color[:, 0] - own[0]) <= margins.FILL_RING_LUMA
            along = fill[1:] - own[1:]
            size = max(float(along @ along), 1e-9)
            step = color[:, 1:] - own[1:]
            t = np.clip(step @ along / size, 0.0, 1.0)
            miss = step - t[:, None] * along
            hue = (miss * miss).sum(axis=1) <= margins.FILL_RING_HUE**2
            ring |= near & hue & (t <= margins.FILL_RING_SHARE)
    out[at] = ring & ~blot
    return out


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_fill_blends_kernel_matches_numpy(seed: int) -> None:
    rng = np.random.default_rng(seed)
    import matplotlib as mpl

    colors = mpl.colormaps["viridis"](np.linspace(0, 1, 65))[:, :3] * 255
    # pixels between the map's colors and a white and a gray fill, and others
    white, gray = np.array([255.0, 255, 255]), np.array([128.0, 128, 128])
    base = colors[rng.integers(0, 65, 4000)]
    toward = np.where(rng.random((4000, 1)) < 0.5, white, gray)
    mixed = base + rng.random((4000, 1)) * (toward - base) + rng.normal(0, 4, (4000, 3))
    pixels = np.clip(np.round(np.concatenate([mixed, rng.random((1000, 3)) * 255])), 0, 255)
    pixels = pixels.astype(np.uint8)
    candidates = np.sort(rng.choice(len(pixels), 3000, replace=False))
    beside = rng.random(3000) < 0.8
    fills = np.array([[white - 2, white], [gray - 3, gray + 3]])
    got = margins.fill_blends(pixels, 1.0, candidates, beside, fills, colors, _YCBCR)
    want = _fill_blends_oracle(pixels, 1.0, candidates, beside, fills, colors, _YCBCR)
    assert want.any() and not want.all()
    np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize("paper", [False, True])
def test_unframed_removes_the_parts_4_connected_to_the_border(paper: bool) -> None:
    rng = np.random.default_rng(4)
    for _ in range(200):
        height, width = rng.integers(1, 30, 2)
        region = rng.random((height, width)) < rng.random()
        labels, _ = ndimage.label(region)  # (4-connected: SciPy's default structure)
        border = np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]])
        touching = np.isin(labels, border[border > 0])
        enough = np.count_nonzero(region[[0, -1]]) + np.count_nonzero(region[:, [0, -1]])
        framed = enough > 0 if paper else None
        got = extend_found._unframed(region, paper)
        if paper and framed:
            np.testing.assert_array_equal(got, region & ~touching)
        elif paper:
            np.testing.assert_array_equal(got, region)
        # (not paper: only where FRAME of the border is the region; the parts alike)
        assert not (got & ~region).any()
        assert np.array_equal(got, region) or np.array_equal(got, region & ~touching)


@pytest.mark.parametrize("radius", [0, 1, 3, 8])
def test_near_marks_the_squares_around_the_cores(radius: int) -> None:
    from truepix.color._decolorize._degraded import near

    rng = np.random.default_rng(radius)
    for share in (0.001, 0.05, 0.5):  # (few cores: square by square; many: rows, columns)
        height, width = 37, 53
        cores = np.flatnonzero(rng.random(height * width) < share).astype(np.int64)
        out = rng.random(height * width) < 0.02
        want = out.reshape(height, width).copy()
        want |= ndimage.binary_dilation(
            np.isin(np.arange(height * width), cores).reshape(height, width),
            np.ones((2 * radius + 1, 2 * radius + 1), bool),
        )  # fmt: skip
        near(cores, width, height, radius, out)
        np.testing.assert_array_equal(out.reshape(height, width), want)

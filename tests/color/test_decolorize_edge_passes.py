"""``_edges.edge_blends`` against a numpy oracle: every pair tested on every pass.

The kernel's later passes test only the candidates not found yet, and only the
pairs with a flank pixel added since the pass before (a pair of older flanks failed
already); the oracle re-tests every candidate and every pair each pass, as the
rule reads.
"""

from __future__ import annotations

import io

import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image

from truepix.color._decolorize._edges import (
    _DIRECTIONS,
    EDGE_REACHES,
    EdgeTest,
    edge_blends,
)
from truepix.color._decolorize._plan import _YCBCR


def _oracle_pass(flat, width, candidates, flank, test):
    """Per candidate: any (step, -step) pair of flank neighbours it lies between."""
    height = len(flat) // width
    metric = test.ycc * np.sqrt([1.0, test.chroma_weight, test.chroma_weight])[:, None]
    rgb = flat.astype(np.float64)
    own = rgb[candidates] @ metric.T
    y, x = candidates // width, candidates % width
    found = np.zeros(len(candidates), dtype=bool)
    for dy, dx in _DIRECTIONS:
        for reach in EDGE_REACHES:
            ay, ax, by, bx = y + dy * reach, x + dx * reach, y - dy * reach, x - dx * reach
            inside = (ay < height) & (by >= 0) & (np.minimum(ax, bx) >= 0)
            inside &= np.maximum(ax, bx) < width
            ahead = np.where(inside, ay * width + ax, 0)
            behind = np.where(inside, by * width + bx, 0)
            ok = inside & flank[ahead] & flank[behind]
            step = rgb[ahead] - rgb[behind]
            start, segment = rgb[behind] @ metric.T, step @ metric.T
            if test.by_luma:
                t = (own[:, 0] - start[:, 0]) / np.where(segment[:, 0] != 0, segment[:, 0], 1.0)
                ok &= (np.abs(segment[:, 0]) > test.min_step) & (t >= test.margin)
                ok &= t <= 1.0 - test.margin
            else:
                ok &= (step**2).sum(axis=1) > test.min_step**2
                length2 = np.maximum((segment**2).sum(axis=1), 1e-9)
                t = ((own - start) * segment).sum(axis=1) / length2
                t = np.clip(t, -test.margin, 1.0 + test.margin)
            gap = ((own - start - t[:, None] * segment) ** 2).sum(axis=1)
            found |= ok & (gap <= test.tolerance**2)
    return found


def _oracle(flat, width, candidates, flank, test, passes):
    found = np.zeros(len(candidates), dtype=bool)
    flank = flank.copy()
    for _ in range(passes):
        more = _oracle_pass(flat, width, candidates, flank, test) & ~found
        if not more.any():
            break
        found |= more
        flank[candidates[more]] = True
    return found


def _resized_jpeg(name: str, seed: int) -> np.ndarray:
    """A seeded field drawn with ``name``, shrunk 0.5x (bicubic), JPEG'd at q60."""
    rng = np.random.default_rng(seed)
    field = np.cumsum(np.cumsum(rng.normal(size=(192, 192)), axis=0), axis=1)
    field = (field - field.min()) / np.ptp(field)
    field += 0.3 * (rng.random(field.shape) < 0.02)  # fine detail: specks
    rgb = mpl.colormaps[name](np.clip(field, 0, 1), bytes=True)[..., :3]
    small = Image.fromarray(rgb).resize((96, 96), Image.Resampling.BICUBIC)
    buffer = io.BytesIO()
    small.save(buffer, format="JPEG", quality=60)
    return np.asarray(Image.open(buffer).convert("RGB"))


@pytest.mark.parametrize("name", ["jet", "turbo", "viridis"])
@pytest.mark.parametrize("by_luma", [False, True])
def test_edge_blends_matches_every_pair_every_pass(name: str, by_luma: bool) -> None:
    picture = _resized_jpeg(name, seed=3)
    width = picture.shape[1]
    flat = np.ascontiguousarray(picture.reshape(-1, 3))
    table = mpl.colormaps[name](np.linspace(0, 1, 256), bytes=True)[:, :3].astype(float)
    distance = np.sqrt(((flat[:, None, :].astype(float) - table[None]) ** 2).sum(-1)).min(1)
    flank = distance <= 8.0
    candidates = np.flatnonzero(distance > 4.0)
    test = EdgeTest(_YCBCR, 0.3 if by_luma else 0.1, 12.0 if by_luma else 16.0,
                    16.0 if by_luma else 24.0, 0.1 if by_luma else 0.25, by_luma)  # fmt: skip
    found = edge_blends(flat, 1.0, width, candidates, flank, test, 8)
    expected = _oracle(flat, width, candidates, flank, test, 8)
    assert expected.sum() > 20  # blends found, several passes' worth
    np.testing.assert_array_equal(found, expected)

"""JPEG's 4:2:0 model asked again after some pixels moved (``_remodel.remodel``).

``_jpeg`` asks ``chroma_model_residual`` for its candidates' distances, moves some
pixels to another branch of the map and asks again: only the candidates that read a
2x2 block holding a moved pixel can change, and ``remodel`` finds those again from
the first pass's blocks. Its answers must be the full second pass's, bit for bit.
"""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

from truepix._validate import readonly
from truepix.color._catalog import get
from truepix.color._decolorize import _degraded as degraded
from truepix.color._decolorize._palette import Polyline, luma_metric
from truepix.color._decolorize._plan import _YCBCR
from truepix.color._decolorize._remodel import remodel


def _jpeg_picture(name: str, shape: tuple[int, int], rng: np.random.Generator) -> tuple:
    """A textured field drawn with the map, saved by Pillow as JPEG q75 (4:2:0): the
    (P, 3) pixels as the decoder hands them over, and the field (positions 0-1)."""
    y, x = np.mgrid[0 : shape[0], 0 : shape[1]]
    field = 0.5 + 0.4 * np.sin(x / 3.0) * np.cos(y / 4.0) + 0.05 * rng.random(shape)
    field = field.clip(0, 1)
    rgb = np.ascontiguousarray(matplotlib.colormaps[name](field, bytes=True)[..., :3])
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="JPEG", quality=75)
    picture = np.asarray(Image.open(buffer))
    return readonly(np.ascontiguousarray(picture.reshape(-1, 3))), field.reshape(-1)


def _model(pixels, width, position, candidates, line):
    distance = np.empty(len(candidates))
    strong = np.empty(len(candidates), dtype=bool)
    luma = line.vertices @ _YCBCR[0]
    blocks = degraded.chroma_model_residual(
        pixels, 1.0, width, position, candidates, line.vertices, line.positions,
        float(line.n_bins), line.cyclic, _YCBCR, 30.0, float(luma.min()), float(luma.max()),
        10.0, 4.0, distance, strong,
    )  # fmt: skip
    return distance, blocks


def _reading_moved(candidates, moved, width, height):
    """Per candidate: whether one of the four blocks its model reads holds a moved pixel."""
    n_bx, n_by = (width + 1) // 2, (height + 1) // 2
    dirty = np.zeros(n_bx * n_by, dtype=bool)
    dirty[(moved // width // 2) * n_bx + moved % width // 2] = True
    y, x = candidates // width, candidates % width
    by, bx = y // 2, x // 2
    bv = np.where(y % 2 == 0, np.maximum(by - 1, 0), np.minimum(by + 1, n_by - 1))
    bh = np.where(x % 2 == 0, np.maximum(bx - 1, 0), np.minimum(bx + 1, n_bx - 1))
    return (
        dirty[by * n_bx + bx] | dirty[bv * n_bx + bx] | dirty[by * n_bx + bh]
        | dirty[bv * n_bx + bh]
    )  # fmt: skip


@pytest.mark.parametrize("name", ["jet", "twilight"])
@pytest.mark.parametrize("shape", [(40, 52), (21, 17)])
@pytest.mark.parametrize("n_moved", [0, 1, 25])
def test_remodel_is_the_second_pass(name: str, shape: tuple[int, int], n_moved: int) -> None:
    rng = np.random.default_rng(len(name) + shape[1] + n_moved)
    pixels, field = _jpeg_picture(name, shape, rng)
    entry = get(name)
    line = Polyline.build(entry.lut_bytes[:, :3], cyclic=entry.cyclic, matrix=luma_metric(0.1))
    position = field.copy()
    position[rng.random(len(position)) < 0.03] = np.nan  # (no position: transparent)
    candidates = np.flatnonzero(rng.random(len(position)) < 0.4)
    first, chroma = _model(pixels, shape[1], position, candidates, line)
    # moved: candidates and other pixels, the last row and column among them (edge blocks)
    moved = np.unique(np.concatenate([
        rng.choice(len(position), n_moved, replace=False),
        [len(position) - 1] if n_moved else [],
    ]).astype(np.int64))  # fmt: skip
    position[moved] = rng.random(len(moved))
    position[moved[::7]] = np.nan
    second = _model(pixels, shape[1], position, candidates, line)[0]
    out = np.full(len(candidates), np.inf)
    found = remodel(
        pixels, 1.0, shape[1], position, candidates, moved, line.vertices, line.positions,
        float(line.n_bins), line.cyclic, _YCBCR, *chroma, out,
    )  # fmt: skip
    changed = _reading_moved(candidates, moved, shape[1], shape[0])
    assert found == changed.sum()
    assert np.array_equal(out[changed], second[changed])  # bit for bit
    assert np.all(out[~changed] == np.inf)  # left as they were
    assert np.array_equal(second[~changed], first[~changed])  # ... which is their answer
    assert np.array_equal(np.minimum(first, out), np.minimum(first, second))
    if n_moved:
        assert changed.any() and not changed.all()
        assert np.any(second[changed] != first[changed])

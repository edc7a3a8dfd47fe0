"""``_plan.block_score`` (its numba kernel, ``_marks``) against the numpy oracle."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

from truepix.color._catalog import get
from truepix.color._decolorize import _marks as marks
from truepix.color._decolorize import _oracle as oracle
from truepix.color._decolorize._api import Decolorizer
from truepix.color._decolorize._plan import _YCBCR, BLOCK_PIXELS, block_score


def _pictures(name: str) -> dict[str, np.ndarray]:
    """A textured field drawn with ``name``: exact, JPEG'd by Pillow, and noisy."""
    rng = np.random.default_rng(5)
    y, x = np.mgrid[0:96, 0:120]
    data = 0.5 + 0.45 * np.sin(x / 9.0) * np.cos(y / 13.0) + 0.04 * rng.random((96, 120))
    exact = matplotlib.colormaps[name](np.clip(data, 0, 1), bytes=True)[..., :3]
    buffer = io.BytesIO()
    Image.fromarray(exact).save(buffer, format="JPEG", quality=60)
    noisy = np.clip(exact + rng.normal(0, 3, exact.shape), 0, 255).astype(np.uint8)
    return {"exact": exact, "jpeg": np.asarray(Image.open(buffer)), "noise": noisy}


@pytest.mark.parametrize("name", ["viridis", "jet", "twilight"])
@pytest.mark.parametrize("max_code", [12, 510])
def test_block_score_matches_oracle(name: str, max_code: int) -> None:
    decoder = Decolorizer(name, vmin=0.0, vmax=1.0)
    line = decoder._grid("u8", "rgb").line
    for label, picture in _pictures(name).items():
        # 4 copies down: more than BLOCK_PIXELS, so every other row is read
        for copies in (1, 4):
            flat = np.ascontiguousarray(np.tile(picture, (copies, 1, 1)).reshape(-1, 3))
            codes = decoder._codes(flat, "u8", 1.0, "rgb")
            every = max(1, len(flat) // BLOCK_PIXELS)
            got = block_score(flat, 1.0, codes, picture.shape[1], max_code, line)
            want = oracle.block_score(
                flat, codes, picture.shape[1], every, max_code, line, _YCBCR
            )
            np.testing.assert_allclose(got, want, rtol=1e-12, err_msg=f"{label} x{copies}")


@pytest.mark.parametrize("name", ["viridis", "jet", "twilight", "hsv"])
def test_interp_is_numpys_to_the_last_bit(name: str) -> None:
    entry = get(name)
    decoder = Decolorizer(name, vmin=0.0, vmax=1.0)
    line = decoder._grid("u8", "luma").line
    xp, fp, slopes, cycle = marks.interp_table(
        line.positions, line.vertices, line.n_bins, entry.cyclic
    )
    rng = np.random.default_rng(2)
    x = np.concatenate([rng.uniform(0, line.n_bins, 3000), line.positions, [0.0, line.n_bins]])
    period = line.n_bins if entry.cyclic else None
    want = np.stack(
        [np.interp(x, line.positions, line.vertices[:, c], period=period) for c in range(3)], -1
    )
    got = np.array([marks.interp_at(s, xp, fp, slopes, cycle, float(line.n_bins)) for s in x])
    assert np.array_equal(got, want)

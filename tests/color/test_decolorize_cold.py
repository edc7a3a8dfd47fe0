"""What a new decoder builds on its first picture, built in less time: the same answers.

The sampled pass of ``_end_inks`` reads luma / 255 on the rows it needs alone
(``_jumps.sampled_luma``) and the luma of its cores when asked; grid cells are built
in bands on numba's threads; a memo's pool grows without touching its headroom. The
whole picture's luma and the sampled rows' are one kernel, loaded once.
"""

from __future__ import annotations

import matplotlib as mpl
import numba
import numpy as np
import pytest

from tests.color._photographs import fbm, pillow_jpeg
from tests.color.test_decolorize_end_inks import _figure
from truepix.color._decolorize import _end_inks, _jumps
from truepix.color._decolorize._api import AMBIGUITY_GAP, AMBIGUITY_TOLERANCE, Decolorizer
from truepix.color._decolorize._jumps import picture_luma, sampled_luma
from truepix.color._decolorize._palette import Grid, Memo
from truepix.color._decolorize._plan import _YCBCR


def _magma_jpeg(height: int, width: int) -> np.ndarray:
    field = fbm(max(height, width), seed=5)[:height, :width]
    return pillow_jpeg(np.ascontiguousarray(mpl.colormaps["magma"](field, bytes=True)[..., :3]))


@pytest.mark.parametrize(("height", "width"), [(203, 64), (96, 40), (13, 9)])
@pytest.mark.parametrize("form", ["uint8", "float32"])
def test_sampled_luma_is_numpys_luma_on_its_rows(height: int, width: int, form: str) -> None:
    """On every 8th row and the rows 2 and 3 above and below it: numpy's luma, channel by
    channel (r w0 + g w1 + b w2), divided by 255, to the bit; a JPEG'd picture as Pillow
    gives it, and as float32 in [0, 1] (``plt.imread``'s form)."""
    picture = _magma_jpeg(height, width)
    scale = 1.0
    if form == "float32":
        picture, scale = picture.astype(np.float32) / np.float32(255.0), 255.0
    flat = picture.reshape(-1, 3)
    weights = _YCBCR[0] * scale
    oracle = (flat[:, 0] * weights[0] + flat[:, 1] * weights[1] + flat[:, 2] * weights[2]) / 255.0
    offsets = (-3, -2, 0, 2, 3)
    scaled = sampled_luma(flat, scale, width, 8, offsets)
    rows = sorted({y + o for y in range(0, height, 8) for o in offsets if 0 <= y + o < height})
    index = (np.array(rows)[:, None] * width + np.arange(width)).ravel()
    assert np.array_equal(scaled[index], oracle[index])
    assert np.array_equal(picture_luma(flat, scale) / 255.0, oracle)


def test_picture_luma_and_sampled_luma_run_one_compiled_kernel(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The whole picture's luma runs the sampled rows' kernel, compiled for the same
    argument types (one kernel a first decode loads from numba's cache for both): pixels
    as Pillow gives them (read-only) and a writable copy."""
    kernel, calls = _jumps._luma_rows, []

    def recorded(*args: object) -> None:
        calls.append(tuple(numba.typeof(a) for a in args[:-2]))  # (not the row band)
        kernel(*args)

    monkeypatch.setattr(_jumps, "_luma_rows", recorded)
    flat = _magma_jpeg(40, 24).reshape(-1, 3)
    for pixels in (flat, flat.copy()):
        calls.clear()
        sampled_luma(pixels, 1.0, 24, 8, (0, 2))
        picture_luma(pixels, 1.0)
        assert len(calls) == 2
        assert calls[0] == calls[1]


@pytest.mark.parametrize(("cmap", "color"), [("magma", "white"), ("magma", "black")])
def test_end_inks_sampled_rows_give_the_whole_pictures_answers(
    cmap: str, color: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A JPEG'd figure with text the rule finds: decoded with luma read where the sampled
    pass reads it, and with the whole picture's luma made first -- the same values, NaN
    where NaN."""
    picture = pillow_jpeg(_figure(cmap, color))
    fast = Decolorizer(cmap, vmin=0.0, vmax=1.0).values(picture)
    monkeypatch.setattr(_end_inks, "_LumaAt", picture_luma)
    monkeypatch.setattr(
        _end_inks, "sampled_luma", lambda flat, scale, *_: picture_luma(flat, scale) / 255.0
    )
    whole = Decolorizer(cmap, vmin=0.0, vmax=1.0).values(picture)
    assert np.isnan(fast).mean() > 0.01  # (the text found)
    assert np.array_equal(fast, whole, equal_nan=True)


@pytest.mark.parametrize("name", ["turbo", "magma", "twilight"])
def test_grid_cells_built_in_bands_are_those_built_one_by_one(name: str) -> None:
    """A JPEG'd picture's cells built in one call (bands on two threads) and in calls of
    a few cells each (one thread): the same lists, pool and offsets."""
    picture = pillow_jpeg(np.ascontiguousarray(mpl.colormaps[name](fbm(160), bytes=True)[..., :3]))
    colors = picture.reshape(-1, 3).astype(np.int64) >> 2
    cells = np.unique((colors[:, 0] << 12) | (colors[:, 1] << 6) | colors[:, 2])
    assert len(cells) >= 200
    line = Decolorizer(name, vmin=0.0, vmax=1.0)._grid("u8", "rgb").line
    together = Grid(line, gap=AMBIGUITY_GAP, tolerance=AMBIGUITY_TOLERANCE)
    apart = Grid(line, gap=AMBIGUITY_GAP, tolerance=AMBIGUITY_TOLERANCE)
    before = numba.get_num_threads()
    numba.set_num_threads(min(2, numba.config.NUMBA_NUM_THREADS))
    try:
        together.build_cells(cells)
    finally:
        numba.set_num_threads(before)
    for first in range(0, len(cells), 20):
        apart.build_cells(cells[first : first + 20])
    assert np.array_equal(together.start, apart.start)
    assert np.array_equal(together.count, apart.count)
    assert np.array_equal(together.pool, apart.pool)


def test_memo_blocks_made_are_zeros_and_kept_as_the_pool_grows() -> None:
    """Blocks read 0 (unknown) when made; what was written in earlier blocks stays as the
    pool grows (its headroom untouched until blocks are made there)."""
    memo = Memo()
    rng = np.random.default_rng(0)
    cells = rng.permutation(64**3)[:5000]
    written = {}
    for first in range(0, len(cells), 700):
        part = cells[first : first + 700]
        memo.allocate(part)
        slots = memo.block[part].astype(np.int64)[:, None] * Memo.BLOCK + np.arange(Memo.BLOCK)
        assert not memo.pool[slots].any()
        memo.pool[slots] = rng.integers(1, 2**32, slots.shape, dtype=np.uint32)
        written.update(zip(part.tolist(), memo.pool[slots].copy(), strict=True))
        for cell, codes in written.items():
            block = int(memo.block[cell])
            assert np.array_equal(memo.pool[block * Memo.BLOCK : (block + 1) * Memo.BLOCK], codes)
    assert memo.n_blocks == len(cells)

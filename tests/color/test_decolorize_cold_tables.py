"""A new decoder's first picture: the per-table work it does (issue 11's cold speed).

``_folds.fold_entries`` measures only the pairs near in luma (the same entries as the
whole (n, n) tables); decoders of one table share its grids and memos
(``_shared_tables``); an exact render's first decode imports none of the modules only
JPEG'd pictures read (``_plan``'s _LAZY).
"""

from __future__ import annotations

import subprocess
import sys

import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image

from truepix import Decolorizer
from truepix.color._decolorize import _shared_tables as shared
from truepix.color._decolorize._folds import FOLD_DN, FOLD_TURN, _LUMA, fold_entries
from truepix.color._decolorize._palette import luma_metric

from ._photographs import photo_jpeg


def _all_pairs(colors: np.ndarray, chroma_weight: float) -> np.ndarray:
    """``fold_entries`` by its definition, every pair of entries measured (n <= 512)."""
    metric = colors @ luma_metric(chroma_weight).T
    apart = np.sqrt(((metric[:, None, :] - metric[None, :, :]) ** 2).sum(-1))
    luma = colors @ (_LUMA / np.linalg.norm(_LUMA))
    n = len(colors)
    high, low = np.empty((n, n)), np.empty((n, n))
    for i in range(n):
        for j in range(n):
            between = luma[min(i, j) : max(i, j) + 1]
            high[i, j], low[i, j] = between.max(), between.min()
    ends_high = np.maximum(luma[:, None], luma[None, :])
    ends_low = np.minimum(luma[:, None], luma[None, :])
    turned = np.maximum(high - ends_high, ends_low - low) >= FOLD_TURN
    return ((apart <= FOLD_DN) & turned).any(axis=1)


@pytest.mark.parametrize("name", ["Spectral", "terrain", "RdBu", "ocean", "viridis", "prism"])
@pytest.mark.parametrize("weight", [0.1, 0.3])
def test_fold_entries_are_every_pairs(name: str, weight: float) -> None:
    colors = mpl.colormaps[name](np.arange(256))[:, :3] * 255.0
    assert np.array_equal(fold_entries(colors, weight), _all_pairs(colors, weight))


def test_fold_entries_of_a_seeded_walk_are_every_pairs() -> None:
    """A table that wanders back and forth (folds everywhere, pairs far apart in index)."""
    steps = np.random.default_rng(11).normal(0.0, 9.0, (300, 3))
    colors = np.clip(np.cumsum(steps, axis=0) + 128.0, 0.0, 255.0)
    assert fold_entries(colors, 0.1).any()
    assert np.array_equal(fold_entries(colors, 0.1), _all_pairs(colors, 0.1))


def test_decoders_of_one_table_share_what_they_learn() -> None:
    """A second decoder of a map (other limits) starts with the first's grid cells and
    memo answers and decodes as a new one on its own would; another map's, or the same
    map read cyclic, are its own."""
    picture = photo_jpeg("camera", "magma", size=96)
    shared.clear()
    wanted = Decolorizer("magma", vmin=0.0, vmax=2.0).values(picture)  # (learnt alone)
    shared.clear()
    first = Decolorizer("magma", vmin=0.0, vmax=1.0)
    values = first.values(picture)
    second = Decolorizer("magma", vmin=0.0, vmax=2.0)
    assert second._memos is first._memos and second._grids is first._grids
    assert any(memo.n_blocks for memo in second._memos.values())
    assert np.array_equal(second.values(picture), wanted, equal_nan=True)
    assert Decolorizer("inferno", vmin=0.0, vmax=1.0)._memos is not first._memos
    assert Decolorizer("magma", vmin=0.0, vmax=1.0, cyclic=True)._memos is not first._memos
    shared.clear()  # a decoder made now learns afresh, and answers the same
    alone = Decolorizer("magma", vmin=0.0, vmax=1.0)
    assert alone._memos is not first._memos and not alone._memos
    assert np.array_equal(alone.values(picture), values, equal_nan=True)


def test_tables_kept_are_bounded() -> None:
    shared.clear()
    for k in range(shared.MAX_TABLES + 2):
        shared.tables_for(("bounded", k))
    assert len(shared._tables) == shared.MAX_TABLES
    assert ("bounded", 0) not in shared._tables
    shared.clear()


def test_an_exact_png_first_decode_imports_no_jpeg_module(tmp_path) -> None:
    """A new process decoding a savefig-like exact render imports none of what only
    JPEG'd or noisy pictures read."""
    path = tmp_path / "exact.png"
    x = np.linspace(0.0, 1.0, 64 * 48).reshape(48, 64)
    Image.fromarray(mpl.colormaps["viridis"](x, bytes=True)[..., :3]).save(path)
    code = (
        "import sys, numpy as np, truepix as tp\n"
        "from PIL import Image\n"
        f"values = tp.decolorize(np.asarray(Image.open({str(path)!r})), cmap='viridis', vmin=0, vmax=1)\n"
        "assert np.isfinite(values).all()\n"
        "prefix = 'truepix.color._decolorize.'\n"
        "print(' '.join(m[len(prefix):] for m in sys.modules if m.startswith(prefix)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split())
    assert "_api" in loaded  # (the decode ran)
    assert not loaded & {"_cellmarks", "_gridlines", "_overlays", "_data_grid", "_full_chroma"}

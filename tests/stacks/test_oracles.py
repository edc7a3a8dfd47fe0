"""Every compiled stacks path equals its numpy oracle: the table the benchmarks time too."""

from __future__ import annotations

import numpy as np
import pytest

from truepix.stacks.oracles import COMPARISONS


def shapes(name: str) -> list[tuple[int, ...]]:
    if name.startswith("histogram"):
        # 600 frames cross the 255-frame flush twice; odd pixel counts cut the tiles
        return [(600, 9, 23), (3, 1, 1)]
    return [(40, 1, 17, 13), (2, 96, 96)]


@pytest.mark.parametrize("name", sorted(COMPARISONS))
def test_fast_path_equals_its_oracle(name: str) -> None:
    row = COMPARISONS[name]
    for seed, shape in enumerate(shapes(name)):
        data = row.data(shape, seed)
        fast, oracle = row.fast(data), row.oracle(data)
        assert fast.shape == oracle.shape
        assert fast.dtype == oracle.dtype or name.startswith("histogram")
        if row.atol == 0:
            assert np.array_equal(fast, oracle), name
        else:
            np.testing.assert_allclose(fast, oracle, atol=row.atol, rtol=0)


def test_every_compiled_binning_has_a_row() -> None:
    from truepix.stacks._hist_numba import BINNINGS

    names = " ".join(COMPARISONS)
    for binning in set(BINNINGS) - {"flush"}:  # flush runs inside every 600-frame row
        assert binning in names
    assert "serial" in names and "masked" in names

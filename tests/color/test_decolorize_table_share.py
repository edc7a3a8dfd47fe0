"""``_tables.table_share`` and ``table_kind`` read each table's keys from a bitmap of
every 8-bit color (``_tables._member``): the same shares and counts as numpy's binary
search of the sorted keys, for 8-bit colors and for others (which keep the search)."""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pytest

from truepix.color._decolorize import _tables


def _tables_of(name: str) -> tuple[np.ndarray, np.ndarray]:
    lut = mpl.colormaps[name](np.linspace(0, 1, 256))[:, :3]
    return (lut * 255).astype(np.uint8), np.round(lut * 255).astype(np.uint8)


def _searched(found: np.ndarray, table: np.ndarray) -> np.ndarray:
    at = np.minimum(np.searchsorted(table, found), len(table) - 1)
    return table[at] == found


@pytest.mark.parametrize("name", ["viridis", "jet", "gray", "twilight"])
def test_share_and_kind_as_searched(name: str) -> None:
    keys = _tables.table_keys(*_tables_of(name))
    rng = np.random.default_rng(7)
    for trial in range(12):
        n = int(rng.integers(1, 40_000))
        colors = np.concatenate([
            _tables_of(name)[trial % 2][rng.integers(0, 256, n)],
            rng.integers(0, 256, (n // (1 + trial), 3)).astype(np.uint8),
        ])[rng.permutation(n + n // (1 + trial))]  # fmt: skip
        found = _tables._keys(colors[:: max(1, len(colors) // _tables.SHARE_SAMPLE)])
        expected = max(float(np.mean(_searched(found, table))) for table in keys)
        assert _tables.table_share(colors, keys) == expected
        picture = colors[: len(colors) // 8 * 8].reshape(8, -1, 3)
        sample = _tables._keys(picture.reshape(-1, 3)[:: max(1, picture[..., 0].size // 4096)])
        counts = [int(np.count_nonzero(_searched(sample, table))) for table in keys]
        kind = "u8r" if counts[1] > max(counts[0], len(sample) // 4) else "u8"
        assert _tables.table_kind(picture, keys) == kind


def test_wider_keys_searched() -> None:
    """Keys past 8 bits (a table's, or colors not 8-bit) take the binary search."""
    table = np.array([5, 1 << 25, 1 << 30], dtype=np.int64)
    found = np.array([5, 6, 1 << 25, 1 << 30, 0], dtype=np.int64)
    member = _tables._member(table, found, True)
    assert member.tolist() == [True, False, True, True, False]
    assert _tables._member(table[:1], found, False).tolist() == [True, False, False, False, False]

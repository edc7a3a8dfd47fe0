"""What tick marks look like beside a side: short, one length, evenly spaced.

A side's strip holds its tick marks, but also what is not one: the glyphs'
edges past a blank row, the pieces of a wobbly outline (xkcd).
"""

from __future__ import annotations

import numpy as np

__all__ = ["like_ticks", "long_pieces"]


def long_pieces(row: np.ndarray) -> bool:
    """Whether a row's ink runs are mostly longer than tick marks are thick (6 pixels): pieces of a line.

    Examples
    --------
    >>> long_pieces(np.array([1] * 20 + [0] * 5 + [1] * 15, bool)), long_pieces(np.array([1, 1, 0, 0] * 10, bool))
    (True, False)
    """
    edges = np.diff(np.concatenate([[0], row.astype(np.int8), [0]]))
    lengths = np.flatnonzero(edges == -1) - np.flatnonzero(edges == 1)
    return bool(len(lengths) and np.median(lengths) > 6)


def like_ticks(centres: np.ndarray, lengths: np.ndarray) -> bool:
    """Whether marks are a side's tick marks: one length, evenly spaced (glyph edges are not).

    Examples
    --------
    >>> like_ticks(np.array([10.0, 37.0, 64.5, 91.0]), np.array([4, 4, 5, 4]))
    True
    >>> like_ticks(np.array([63.3, 90.3, 228.5]), np.array([9, 7, 9]))
    False
    """
    if len(centres) < 2 or np.ptp(lengths) > 1:
        return False
    gaps = np.diff(np.sort(centres))
    return bool(np.all(np.abs(gaps - np.median(gaps)) <= 1.5))

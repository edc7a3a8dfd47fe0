"""Exact renders of a gray map told from JPEG'd ones by the levels they hold.

A gray map's picture keeps no chroma, so JPEG shows itself only in luma: its 8x8
blocks (``_grid.luma_grid``, ``_grid.dct_grid``). A field whose data has 8x8 blocks
of its own (a photograph that was once a JPEG, rendered exactly) shows them too. What
tells the two apart is which gray levels the picture holds: ``cmap(x, bytes=True)``
truncates the table's floats, so a 256-entry gray map lacks some levels (gray 24 of
256, Greys 29, binary 22), and an exact render never holds one of them. JPEG's
decoder rounds its own sums: a JPEG'd picture holds those levels about as often as
the levels beside them. Measured (3 gray maps x 9 fields, 256^2; Pillow q50-q95,
4:2:0 and 4:4:4): pixels at the lacking levels over the mean count of their two
neighbours, exact renders 0, JPEG'd 0.45-1.5.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = [
    "GRAY_LEVELS_MIN", "GRAY_LEVELS_SHARE", "deep_table_only", "held_levels_only",
    "table_levels_only",
]  # fmt: skip

#: The two neighbours' mean count, summed over the lacking levels within the picture's
#: range, that JPEG would have put at them: fewer, and no verdict.
GRAY_LEVELS_MIN = 64.0
#: At most this share of that count at the lacking levels is an exact render's (an
#: annotation's antialiased gray edges may put a few there).
GRAY_LEVELS_SHARE = 0.1


def table_levels_only(sample: np.ndarray, table: np.ndarray) -> bool:
    """Whether a gray picture holds only its table's gray levels where a JPEG'd one
    would hold the others too.

    Parameters
    ----------
    sample : (..., 3|4) uint8
        Pixels of the picture (a sample of its rows); only its gray ones (R == G == B)
        are counted.
    table : (N, 3) uint8
        The table the picture holds (truncated or rounded bytes) of a gray-like map.

    Returns
    -------
    bool
        True when the levels the table lacks, within the range of the picture's grays,
        hold at most GRAY_LEVELS_SHARE of the pixels their neighbours predict, and the
        neighbours predict at least GRAY_LEVELS_MIN; False otherwise (no verdict).

    Examples
    --------
    >>> table = np.repeat(np.arange(0, 256, 2, dtype=np.uint8)[:, None], 3, axis=1)
    >>> ramp = np.repeat(np.arange(256, dtype=np.uint8), 3).reshape(1, -1, 3)
    >>> table_levels_only(np.tile(ramp[:, ::2], (4, 1, 1)), table)
    True
    >>> table_levels_only(np.tile(ramp, (4, 1, 1)), table)
    False
    """
    rgb = sample.reshape(-1, sample.shape[-1])[:, :3]
    gray = rgb[(rgb[:, 0] == rgb[:, 1]) & (rgb[:, 1] == rgb[:, 2]), 1]
    if len(gray) == 0:
        return False
    counts = np.bincount(gray, minlength=256).astype(np.float64)
    held = np.zeros(256, dtype=bool)
    held[table[:, 1]] = True
    levels = np.arange(int(gray.min()) + 1, int(gray.max()))  # (both neighbours inside)
    lacking = levels[~held[levels]]
    if len(lacking) == 0:
        return False
    expected = 0.5 * float(np.sum(counts[lacking - 1] + counts[lacking + 1]))
    if expected < GRAY_LEVELS_MIN:
        return False
    return float(counts[lacking].sum()) <= GRAY_LEVELS_SHARE * expected


def held_levels_only(decoder: Any, sample: np.ndarray, kind: str, given: Any = None) -> bool:
    """:func:`table_levels_only` for a decoder's 8-bit picture of ``kind`` ("u8":
    truncated bytes, "u8r": rounded ones ... ``_tables.U8``), or :func:`deep_table_only`
    of the picture as ``given`` (float or 16-bit); False (no verdict) otherwise."""
    if given is not None and deep_table_only(given, decoder._map.lut[:, :3]):
        return True
    if kind not in decoder._bytes:
        return False
    table = decoder._bytes[kind]
    return table_levels_only(sample, table)


def deep_table_only(picture: np.ndarray, lut: np.ndarray) -> bool:
    """Whether a float or 16-bit picture of a gray map holds only its float table's grays.

    ``cmap(norm(x))`` gives the float table's values (``mpl.colormaps["gray"]``'s hold
    their levels k / 255 to within a few units of the last place, which tells them
    from 8 bits only where those differ: float64, 24 of its levels) and a 16-bit TIFF
    of it their rounding or truncation to 16 bits. JPEG decoders give 8 bits: the same
    picture JPEG'd and then divided by 255 holds k / 255 at levels where the float64
    table differs (or, for maps such as Greys, whose table lies up to 0.5 DN off the
    8-bit levels, at every level): no verdict there. A float32 or 16-bit copy of a
    JPEG'd picture of gray is judged exact (the same values; the JPEG filter is lost).

    Parameters
    ----------
    picture : (..., 3|4) float or uint16
        The picture as given (alpha, if any, is not looked at).
    lut : (N, 3) float64
        The map's float table (RGB).

    Returns
    -------
    bool
        True when every pixel is neutral (R == G == B) and its gray one of the table's
        neutral entries in the picture's own type (uint16: rounded or truncated).

    Examples
    --------
    >>> import matplotlib as mpl
    >>> lut = mpl.colormaps["gray"](np.linspace(0, 1, 256))[:, :3]
    >>> x = np.random.default_rng(0).random((16, 16))
    >>> deep_table_only(mpl.colormaps["gray"](x), lut)
    True
    >>> levels = np.random.default_rng(0).integers(0, 256, (16, 16, 1))  # (8-bit, as JPEG's)
    >>> deep_table_only(np.repeat(levels, 3, axis=2) / 255.0, lut)
    False
    """
    rgb = np.asarray(picture)[..., :3]
    if rgb.dtype.kind not in "fu" or rgb.dtype == np.uint8 or rgb.size == 0:
        return False
    neutral = (lut[:, 0] == lut[:, 1]) & (lut[:, 1] == lut[:, 2])
    grays = lut[neutral, 1]
    if rgb.dtype.kind == "u":
        top = float(np.iinfo(rgb.dtype).max)
        levels = np.concatenate([np.round(grays * top), np.floor(grays * top)])
        grays = levels.astype(rgb.dtype)
    else:
        grays = grays.astype(rgb.dtype)
    green = rgb[..., 1]
    if not (np.array_equal(rgb[..., 0], green) and np.array_equal(rgb[..., 2], green)):
        return False
    return bool(np.all(np.isin(green, grays)))

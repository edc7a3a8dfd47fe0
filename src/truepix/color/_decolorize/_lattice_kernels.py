"""Compiled loops of ``_lattice``: 4:2:0's deconvolution and fancy upsampling of a plane.

:func:`unfiltered` and :func:`upsampled` give, bit for bit, what ``_lattice._samples``
and ``_lattice._upsampled`` give with numpy's shifted copies (the same float32 products
and sums, in the same order), in one pass each instead of ~110 and ~12 whole-plane
array operations: ``_phase420.chroma_phase`` on a 1 MP JPEG'd picture (8 planes of
112x112 samples) took ~2.3 ms of CPU more in those copies (7.5 -> 5.2 ms). One entry,
:func:`lattice_plane`: each compiled entry a fresh process loads from numba's cache costs
~4 ms of a cold first call.
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix.color._decolorize._vertex import _JIT

__all__ = ["lattice_plane"]


@nb.njit(**_JIT)
def lattice_plane(padded: np.ndarray, taps: np.ndarray, upsample: bool) -> np.ndarray:
    """:func:`unfiltered` ``padded`` (float32, see there), and with ``upsample`` that
    :func:`upsampled`: ``_lattice._samples`` and ``_upsampled(_samples(...))``."""
    samples = unfiltered(padded, taps)
    return upsampled(samples) if upsample else samples


@nb.njit(**_JIT)
def unfiltered(padded: np.ndarray, taps: np.ndarray) -> np.ndarray:
    """``padded`` (rows, columns) float32, padded by ``reach = (len(taps) - 1) // 2`` each
    side, filtered by ``taps`` (float32) down its columns, then along its rows, the padding
    cut: each output ``0 + taps[0] * x[0] + taps[1] * x[1] + ...`` in float32, in that
    order, as ``_lattice._samples`` sums its shifted copies."""
    reach = (len(taps) - 1) // 2
    height, width = padded.shape[0] - 2 * reach, padded.shape[1] - 2 * reach
    wide = padded.shape[1]
    rows = np.zeros((height, wide), dtype=np.float32)
    for i in range(height):
        for k in range(2 * reach + 1):
            tap = taps[k]
            for j in range(wide):
                rows[i, j] = rows[i, j] + tap * padded[i + k, j]
    out = np.zeros((height, width), dtype=np.float32)
    for i in range(height):
        for k in range(2 * reach + 1):
            tap = taps[k]
            for j in range(width):
                out[i, j] = out[i, j] + tap * rows[i, j + k]
    return out


@nb.njit(**_JIT)
def upsampled(samples: np.ndarray) -> np.ndarray:
    """libjpeg's fancy upsampling of float32 ``samples`` (rows, columns), 2x down its
    columns and then along its rows, ``0.75 * near + 0.25 * far`` in float32 (the edge
    sample repeated), as ``_lattice._upsampled`` computes it."""
    height, width = samples.shape
    near, far = np.float32(0.75), np.float32(0.25)
    tall = np.empty((2 * height, width), dtype=np.float32)
    for i in range(height):
        before, after = max(i - 1, 0), min(i + 1, height - 1)
        for j in range(width):
            value = near * samples[i, j]
            tall[2 * i, j] = value + far * samples[before, j]
            tall[2 * i + 1, j] = value + far * samples[after, j]
    out = np.empty((2 * height, 2 * width), dtype=np.float32)
    for i in range(2 * height):
        for j in range(width):
            before, after = max(j - 1, 0), min(j + 1, width - 1)
            value = near * tall[i, j]
            out[i, 2 * j] = value + far * tall[i, before]
            out[i, 2 * j + 1] = value + far * tall[i, after]
    return out

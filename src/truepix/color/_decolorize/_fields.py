"""A uint8 picture's answers unpacked straight from the memo: :func:`memo_fields`.

``_kernels.lookup_u8`` writes a packed code per pixel and ``codes_to_fields`` unpacks
them; the pictures that need every field (JPEG'd, resampled, ``decode``) get them in
one pass over the memo instead, without the (P,) codes in between (a megapixel's
4 MB written and read again). Where nothing reads the ambiguity (``values``), the
kernels get an empty ``ambiguous`` and skip it: a megapixel's 1 MB not written,
10-14 % of the pass (JPEG q50-q75, viridis and jet, one thread; a kept scratch
written and not read: jet q75 1 MP 5.8 -> 6.4 ms). An empty array, not None: None
compiled each kernel a second time on a fresh install (1.2-1.6 s of CPU each).
"""

from __future__ import annotations

from typing import Any

import numba as nb
import numpy as np

from truepix._validate import readonly
from truepix.color._decolorize._kernels import (
    _JIT,
    AMBIGUOUS_BIT,
    PENDING,
    POS_MASK,
    POS_SCALE,
    RESIDUAL_SHIFT,
    RESIDUAL_STEPS,
    _fields,
    _known_rgb,
    _lookup,
    _memo_code,
    _slot,
)
from truepix.color._decolorize._palette import Grid

__all__ = ["fields_u8", "memo_fields", "resolve_fields_u8"]

#: What ``fields_u8`` leaves in ``residual`` for a color the memo lacks (residuals
#: are NaN or >= 0).
UNKNOWN = -1.0
#: ``_kernels``' constants as fields_u8's int64 and float32 arithmetic reads them
_INV_STEPS = np.float32(1.0 / RESIDUAL_STEPS)
_POS_MASK = np.int64(POS_MASK)
_AMBIGUOUS = np.int64(AMBIGUOUS_BIT)


#: ``memo_fields``' ambiguity when none is asked (see fields_u8)
_NO_AMBIGUITY = np.zeros(0, dtype=bool)


def memo_fields(
    decoder: Any, flat: np.ndarray, kind: str, metric: str, max_code: int, *,
    detailed: bool = True, kept: bool = False,
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:  # fmt: skip
    """Position in [0, 1] (NaN where rejected or past ``max_code``), residual (DN,
    float32) and ambiguity of (P, C) uint8 pixels: ``codes_to_fields`` of
    ``decoder._codes(flat, kind, 1.0, metric)``; colors the memo lacks are projected
    and added. Not ``detailed``: no ambiguity (None), and the residual is the memo's
    ``Memo.scratch``, which the next call overwrites; ``kept`` (not ``detailed``): the
    positions too (``Memo.position_scratch``)."""
    memo, flat = decoder._memo(kind, metric), readonly(flat)  # see _validate.readonly
    if kept and not detailed:
        position = memo.position_scratch(len(flat))
    else:
        position = np.empty(len(flat), dtype=np.float64)
    if detailed:
        residual = np.empty(len(flat), dtype=np.float32)
    else:
        residual = memo.scratch(len(flat))
    ambiguous = np.empty(len(flat), dtype=bool) if detailed else _NO_AMBIGUITY
    need = np.zeros(Grid.n_axis**3, dtype=np.uint8)
    pending = fields_u8(
        flat, memo.block, memo.pool, decoder._opaque, max_code, position, residual, ambiguous,
        need,
    )  # fmt: skip
    if pending:
        search, search_pos, joint, known = decoder._searches(kind, metric, need)
        resolve_fields_u8(
            flat, memo.block, memo.pool, search, search_pos, joint,
            float(decoder._map.n_colors), max_code, position, residual, ambiguous,
            known.block, known.pool,
        )  # fmt: skip
    return position, residual, ambiguous if detailed else None


@nb.njit(parallel=True, **_JIT)
def fields_u8(  # pragma: no cover - jitted
    pixels, block, pool, opaque, max_code, position, residual, ambiguous, need
):
    """Pass 1: the fields (``_fields``; no ambiguity where ``ambiguous`` is empty) of the
    pixels whose answers the memo holds; the others get UNKNOWN as residual, their
    grid cells flagged in ``need`` when they have no memo block (see ``lookup_u8``).
    Returns how many were unknown."""
    pending = 0
    if pixels.shape[1] == 3:  # no alpha (see _known_rgb)
        for p in nb.prange(pixels.shape[0]):  # see lookup_u8
            # int64 and float32 arithmetic: the same numbers (codes < 2^32, residual
            # steps exact in float32) in 8-12 % less time than uint32 and float64
            code = np.int64(_known_rgb(pixels, p, block, pool, need))
            if code == 0:
                residual[p] = UNKNOWN
                pending += 1
                continue
            # _fields of a code the memo holds (its residual code is 1 or more)
            res_code = code >> RESIDUAL_SHIFT
            residual[p] = np.float32(res_code - 1) * _INV_STEPS
            if res_code <= max_code:
                position[p] = np.float64(code & _POS_MASK) * (1.0 / POS_SCALE)
            else:
                position[p] = np.nan
            if ambiguous.shape[0] != 0:
                ambiguous[p] = (code & _AMBIGUOUS) != 0
        return pending
    for p in nb.prange(pixels.shape[0]):  # see lookup_u8
        code = _lookup(pixels, np.int64(p), block, pool, opaque, need)
        if code == PENDING:
            residual[p] = UNKNOWN
            pending += 1
        else:  # code 0 (alpha) gives NaN
            position[p], residual[p], shared = _fields(code, max_code)
            if ambiguous.shape[0] != 0:  # (empty: none asked)
                ambiguous[p] = shared
    return pending


@nb.njit(parallel=True, **_JIT)
def resolve_fields_u8(  # pragma: no cover - jitted
    pixels, block, pool, search, search_pos, joint, span, max_code, position, residual,
    ambiguous, known_block, known_pool,
):  # fmt: skip
    """Pass 2: the pixels :func:`fields_u8` left UNKNOWN, projected into the memo
    (``resolve_u8``; ``search_pos``, ``joint`` and the ``known`` memo: see
    ``_new_code``)."""
    inv_span = 1.0 / span
    for p in nb.prange(pixels.shape[0]):  # see lookup_u8
        if residual[p] == UNKNOWN:
            slot = _slot(pixels, np.int64(p), block)  # (_memo_code reads the memo first)
            code = _memo_code(
                pixels, np.int64(p), slot, pool, search, search_pos, joint, inv_span, known_block,
                known_pool,
            )  # fmt: skip
            position[p], residual[p], shared = _fields(code, max_code)
            if ambiguous.shape[0] != 0:
                ambiguous[p] = shared

"""Whether a stroke at a luma peak of the candidates can claim enough, before it is tried.

``_inked``'s peak path tries an ink at the candidates' luma peak and six lumas around
(each a full judgement of the picture: a 1 MP diagonal ramp in viridis at JPEG q75 paid
190 ms for the seven, where its candidates peak at one luma and nothing is claimed). A
try's pixels are the undecided ones a stroke may still claim (``_inked._open``: the
data's error there, or beside, is large enough) and the flagged ones at the ink's luma;
the claim counts those within INKED_PEAK_LUMA of the peak. Their count is an upper bound
on any try's claim, read from the data's error on those pixels alone (computed within
reach of them): where it stays below what the claim asks, no try can pass, and none is
made -- the same answer, without the tries.
"""

from __future__ import annotations

from typing import Any

import numba as nb
import numpy as np

from truepix.color._decolorize._grow import dilated
from truepix.color._decolorize._kernels import _JIT
from truepix.color._decolorize._plan import _YCBCR

__all__ = ["may_claim"]

#: Slack (DN; relative) on the luma and error comparisons: the bound is taken over a
#: superset of the pixels the tries compare the same way (last bits of the products).
SLACK_DN, SLACK = 1e-6, 1e-9


def may_claim(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, line: Any,
    decided: np.ndarray | None, off_map: np.ndarray, peak: float, asked: tuple,
) -> bool:  # fmt: skip
    """False where no stroke at the luma ``peak`` can claim ``asked`` (``(share,
    least)``: the share of the undecided pixels within INKED_PEAK_LUMA of it, and a
    count) of the pixels at its luma: ``_inked.inked_strokes``' peak path gives up
    then, whatever its tries find."""
    from truepix.color._decolorize import _inked

    shape = (len(off_map) // width, width)
    gap = np.abs(_luma(flat, scale, _YCBCR[0]) - peak)
    wide = gap <= _inked.INKED_PEAK_LUMA + SLACK_DN
    narrow = gap <= _inked.INKED_PEAK_LUMA - SLACK_DN
    if decided is not None:
        wide &= ~decided
        narrow &= ~decided
    share, least = asked
    needed = max(share * np.count_nonzero(narrow), least)
    sure = np.count_nonzero(wide & off_map)  # (flagged ones at its luma: counted)
    judged = wide & ~off_map
    if sure >= needed or sure + np.count_nonzero(judged) < needed:
        return sure >= needed
    # the data's error within 1 px of them (what ``_open`` reads), from the pixels
    # within 3 px more (their 4:2:0 blocks and the blocks beside)
    near = dilated(judged, 1, shape)
    at = np.flatnonzero(dilated(near, 3, shape))
    slot = np.full(len(flat), -1, np.int64)  # (their rows in the arrays below)
    slot[at] = np.arange(len(at))
    obs = np.ascontiguousarray(_inked._ycc(flat[at, :3] * scale))
    mapped = _inked._ycc(line.colors_at(np.nan_to_num(position[at]) * line.n_bins))
    error = np.zeros(len(flat))
    where = np.flatnonzero(near)
    error[where] = _error_at(obs, np.ascontiguousarray(mapped), slot, where, *shape)
    capped = np.minimum(error, _inked.INKED_CAP) ** 2 * (1.0 + SLACK)
    strong = capped > _inked.INKED_EVIDENCE / 9.0
    open_ = (capped > _inked.INKED_EDGE_GAIN) | dilated(strong, 1, shape)
    return sure + np.count_nonzero(judged & open_) >= needed


@nb.njit(**_JIT)
def _luma(flat, scale, row):  # pragma: no cover - jitted
    """Luma (DN) of (N, C) ``flat`` times ``scale``: ``row`` (3,) weighs R, G, B."""
    out = np.empty(flat.shape[0])
    for i in range(flat.shape[0]):
        out[i] = (flat[i, 0] * scale * row[0] + flat[i, 1] * scale * row[1]
                  + flat[i, 2] * scale * row[2])  # fmt: skip
    return out


@nb.njit(**_JIT)
def _error_at(obs, mapped, slot, where, height, width):  # pragma: no cover - jitted
    """``_inked._error`` at the flat indices ``where``: the distance (DN) of ``obs``
    (Y Cb Cr) to ``mapped``'s luma and its chroma once 4:2:0 averaged and upsampled as
    libjpeg does (``_inked._upsample``'s arithmetic, read around each); a pixel ``p``'s
    rows there are ``slot[p]``."""
    rows, cols = (height + 1) // 2, (width + 1) // 2
    out = np.empty(len(where))
    for n in range(len(where)):
        p = where[n]
        y, x = p // width, p % width
        by, bx = y // 2, x // 2
        vy = min(max(by + (2 * (y % 2) - 1), 0), rows - 1)
        hx = min(max(bx + (2 * (x % 2) - 1), 0), cols - 1)
        total = (obs[slot[p], 0] - mapped[slot[p], 0]) ** 2
        squares = 0.0
        for c in range(1, 3):
            mix = (9.0 * _block(mapped, slot, by, bx, c, height, width)
                   + 3.0 * _block(mapped, slot, vy, bx, c, height, width)
                   + 3.0 * _block(mapped, slot, by, hx, c, height, width)
                   + _block(mapped, slot, vy, hx, c, height, width)) / 16.0  # fmt: skip
            squares += (obs[slot[p], c] - mix) ** 2
        out[n] = np.sqrt(squares + total)
    return out


@nb.njit(**_JIT)
def _block(values, slot, by, bx, c, height, width):  # pragma: no cover - jitted
    """Mean of channel ``c`` over the 2x2 block (``by``, ``bx``) of ``values`` (rows
    ``slot`` of the flat pixels; an odd edge's block repeats its last pixel)."""
    total = 0.0
    for dy in range(2):
        for dx in range(2):
            y, x = min(2 * by + dy, height - 1), min(2 * bx + dx, width - 1)
            total += values[slot[y * width + x], c]
    return 0.25 * total

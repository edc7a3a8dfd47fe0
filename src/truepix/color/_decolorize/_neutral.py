"""Thin strokes in a gray ink inside the map's luma: not a resize's blends.

``_edges.resized_blends`` takes a picture for one resized before it was JPEG'd by how
often its candidates past the threshold lie between two neighbours on the map, and makes
those blends data. Gray contours and text (matplotlib's ``colors="0.4"``, lw 0.8-1) over
a colored field, JPEG'd q75, read so (0.21-0.26 of the counted candidates, the resized
photographs of tests/color/test_decolorize_resized_jpeg.py 0.16-0.30; the candidates
that are no stroke pixel, JPEG's ringing around the strokes, 0.14-0.67 between): their
cores became data and none was flagged (RdBu_r's and magma's DEM 0 %, jet's 4 %).
Leaving the strokes out of that count does not part them -- what is left of the figures
reads 0.14-0.50 -- and no blend tolerance does either (benchmarks/annotq75): the choice
is made per pixel instead. A stroke's pixel in a neutral ink (gray, black, white) is a
mix of that ink and the field across it: the field a few pixels away on either side
agrees (a thin ridge, ``RIDGE_REACH``), and the pixel's chroma is the field's, shrunk
toward gray -- JPEG's 4:2:0 shares the stroke's chroma with the field, but along the
same line. A resize's blend lies between two data colors that differ across the edge.
Such pixels in cores of NEUTRAL_CORE or more are no blend, nor are those beside them
(``NEUTRAL_RADIUS``). Where they string into long groups (``strung_neutral``) the picture
holds strokes in a neutral ink and is no resized one: the stroke figures of trial 45's t02
(gray contours and text, black text and lines; JPEG q75) hold 66-743 such pixels in
groups of 15 or more, tests/color/test_decolorize_resized_jpeg.py's 11 resized
photographs none (benchmarks/annotgray).
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix.color._decolorize import _degraded as degraded
from truepix.color._decolorize._grow import counted_groups
from truepix.color._decolorize._kernels import _JIT
from truepix.color._decolorize._plan import _YCBCR

__all__ = ["neutral_ridges", "neutral_strokes", "strung_neutral"]

#: The field across a pixel: the two pixels RIDGE_REACH px away (a row, a column or a
#: diagonal) that agree best, no farther apart than RIDGE_APART of the pixel's distance
#: from their mean, which is RIDGE_STEP DN or more (RGB).
RIDGE_REACH = 3
RIDGE_APART = 0.5
RIDGE_STEP = 30.0
#: The field's chroma is NEUTRAL_FIELD_CHROMA DN or more (|Cb, Cr|); the pixel's lies
#: within NEUTRAL_ERROR DN of the field's scaled by NEUTRAL_SHRINK (gray: 0; the field's
#: own color: 1).
NEUTRAL_FIELD_CHROMA = 15.0
NEUTRAL_ERROR = 8.0
NEUTRAL_SHRINK = (-0.2, 0.9)
#: Measured (benchmarks/annotq75/blend_features.py): such pixels are 3-20 % of the
#: candidates past the threshold on trial 45's gray and black stroke figures (89-98 %
#: of them stroke pixels), 1-6 % on the resized photographs.
NEUTRAL_CORE = 3
NEUTRAL_RADIUS = 2
#: A picture whose neutral ridges string into 8-connected groups of NEUTRAL_STRUNG or
#: more, NEUTRAL_STRUNG_SHARE of its pixels in all, holds strokes in a neutral ink
#: (``strung_neutral``). Measured (benchmarks/annotgray): in groups of 10 / 15 / 20+, nine
#: t02 stroke figures 134-1445 / 66-743 / 47-486 px (132-147 kpx: 2e-4 is 26-29 px), the
#: 11 resized photographs 0-13 / 0 / 0 (16-66 kpx).
NEUTRAL_STRUNG = 15
NEUTRAL_STRUNG_SHARE = 2e-4
#: ... in NEUTRAL_STRUNG_GROUPS such groups or more: a stroke crosses the picture, a
#: resize's ringing strings one now and then (jet's coffee shrunk 0.33x by OpenCV's
#: bilinear, JPEG'd q95 by OpenCV: one group of 16, 1.26 % holes when taken for
#: strokes; the t02 figures hold 3-6 or more).
NEUTRAL_STRUNG_GROUPS = 3


def neutral_ridges(
    flat: np.ndarray, scale: float, width: int, candidates: np.ndarray, past: np.ndarray
) -> np.ndarray:
    """Per candidate (flat indices into rows of ``width``; ``flat`` RGB scaled by
    ``scale`` to DN): whether it is ``past`` the threshold and a thin ridge of a
    neutral ink over a colored field (see the module's text)."""
    out = np.zeros(len(candidates), dtype=bool)
    if len(candidates):
        _ridges_kernel(
            flat, float(scale), width, len(flat) // width, candidates, past,
            np.ascontiguousarray(_YCBCR[1:], dtype=np.float64), out,
        )  # fmt: skip
    return out


def neutral_strokes(
    flat: np.ndarray, scale: float, width: int, candidates: np.ndarray, past: np.ndarray,
    ridges: np.ndarray | None = None,
) -> np.ndarray:  # fmt: skip
    """Per candidate: whether it lies within NEUTRAL_RADIUS px of a core of NEUTRAL_CORE
    or more 8-connected ``neutral_ridges`` (``ridges``: those, if made already)."""
    if ridges is None:
        ridges = neutral_ridges(flat, scale, width, candidates, past)
    if not ridges.any():
        return ridges
    height = len(flat) // width
    groups = np.zeros(len(candidates), dtype=np.int64)
    counted_groups(ridges, np.zeros(len(candidates)), candidates, width, height, NEUTRAL_CORE,
                   np.inf, groups)  # fmt: skip
    near = np.zeros(len(flat), dtype=bool)
    degraded.near_any(candidates[ridges & (groups > 0)], width, height, NEUTRAL_RADIUS, near)
    return near[candidates]


def strung_neutral(
    flat: np.ndarray, scale: float, width: int, candidates: np.ndarray, past: np.ndarray,
    ridges: np.ndarray | None = None,
) -> bool:  # fmt: skip
    """Whether the ``neutral_ridges`` among the candidates (``ridges``: those, if made
    already) string into NEUTRAL_STRUNG_GROUPS groups or more of NEUTRAL_STRUNG or more
    8-connected pixels, NEUTRAL_STRUNG_SHARE of the picture's pixels in all: thin strokes
    in a neutral ink, drawn over the picture."""
    if ridges is None:
        ridges = neutral_ridges(flat, scale, width, candidates, past)
    if ridges.sum() < max(NEUTRAL_STRUNG, NEUTRAL_STRUNG_SHARE * len(flat)):
        return False
    groups = np.zeros(len(candidates), dtype=np.int64)
    counted_groups(ridges, np.zeros(len(candidates)), candidates, width, len(flat) // width,
                   NEUTRAL_STRUNG, np.inf, groups)  # fmt: skip
    strung = groups[groups > 0]
    return bool(
        len(strung) >= NEUTRAL_STRUNG_SHARE * len(flat)
        and len(np.unique(strung)) >= NEUTRAL_STRUNG_GROUPS
    )


@nb.njit(**_JIT)
def _ridges_kernel(flat, scale, width, height, candidates, past, chroma, out):  # pragma: no cover
    """``neutral_ridges``, one candidate at a time."""
    reach = RIDGE_REACH
    low, high = NEUTRAL_SHRINK
    for i in range(len(candidates)):
        if not past[i]:
            continue
        p = candidates[i]
        y, x = p // width, p % width
        best = np.inf
        f0 = f1 = f2 = 0.0
        for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
            ay, ax, by, bx = y + dy * reach, x + dx * reach, y - dy * reach, x - dx * reach
            if ay >= height or by < 0 or min(ax, bx) < 0 or max(ax, bx) >= width:
                continue
            a, b = ay * width + ax, by * width + bx
            apart = 0.0
            for j in range(3):
                apart += ((float(flat[a, j]) - float(flat[b, j])) * scale) ** 2
            if apart < best:
                best = apart
                f0 = (float(flat[a, 0]) + float(flat[b, 0])) * scale / 2
                f1 = (float(flat[a, 1]) + float(flat[b, 1])) * scale / 2
                f2 = (float(flat[a, 2]) + float(flat[b, 2])) * scale / 2
        if best == np.inf:
            continue
        o0, o1, o2 = float(flat[p, 0]) * scale, float(flat[p, 1]) * scale, float(flat[p, 2]) * scale
        off2 = (o0 - f0) ** 2 + (o1 - f1) ** 2 + (o2 - f2) ** 2
        if off2 < RIDGE_STEP**2 or best >= RIDGE_APART**2 * off2:
            continue
        cb_f = chroma[0, 0] * f0 + chroma[0, 1] * f1 + chroma[0, 2] * f2
        cr_f = chroma[1, 0] * f0 + chroma[1, 1] * f1 + chroma[1, 2] * f2
        size2 = cb_f**2 + cr_f**2
        if size2 < NEUTRAL_FIELD_CHROMA**2:
            continue
        cb_o = chroma[0, 0] * o0 + chroma[0, 1] * o1 + chroma[0, 2] * o2
        cr_o = chroma[1, 0] * o0 + chroma[1, 1] * o1 + chroma[1, 2] * o2
        shrink = (cb_o * cb_f + cr_o * cr_f) / size2
        error2 = (cb_o - shrink * cb_f) ** 2 + (cr_o - shrink * cr_f) ** 2
        out[i] = low < shrink < high and error2 < NEUTRAL_ERROR**2

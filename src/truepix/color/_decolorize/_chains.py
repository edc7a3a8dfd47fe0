"""Strokes JPEG left only weakly off its model, told by their shape: long thin chains.

JPEG keeps a thin stroke's luma and averages its chroma with the field's per 2x2
block (4:2:0), so a line in a color inside the map's luma range (gray on twilight
or cmocean:thermal, magenta on coolwarm) sits only 12-30 DN off JPEG's model per
pixel: too little for a core (``_jpeg``). Its pixels still string into a long, thin
chain whose departures from the field beside it all point one way -- towards the
stroke's one color. JPEG's misses on all-data pictures are specks or short blobs,
and along a photograph's edges their departures follow the data's own colors.
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix.color._decolorize._grow import _row_starts, _slot_of
from truepix.color._decolorize._kernels import _JIT
from truepix.color._decolorize._plan import _YCBCR

__all__ = ["chain_cores"]

#: A chain: CHAIN_PIXELS or more 8-connected weak candidates (farther than
#: JPEG_MODEL_WEAK from JPEG's model), each thin -- a run of at most CHAIN_WIDTH
#: weak pixels across it, along its row or its column. Per pixel, its departure
#: from the field (the mean of the non-candidate pixels within CHAIN_FIELD_RADIUS)
#: points towards the stroke's color S (pixel = a S + (1 - a) field): a stroke's
#: departures agree in direction (mean unit vector of length CHAIN_AGREE or more,
#: Y Cb Cr) and their lines meet in one S, within CHAIN_MEET DN (root mean square
#: distance of S to them); departures shorter than CHAIN_DEPARTURE DN say nothing.
#: Pieces of a chain CHAIN_LINK px apart (one pixel between) count as one: JPEG
#: breaks a stroke's weak run where its pixels fall within 12 DN of the model.
#: A chain's pixels become cores (``_jpeg``), and its stroke's other candidates join
#: them by luma (``grow_similar``). Measured on matplotlib's contours and text on a
#: JPEG q75 imshow figure (benchmarks/_drawn_annotations.py; stroke pixels flagged /
#: data pixels lost, %): twilight gray 0.0 / 0.00 -> 48.9 / 0.32, white 40.7 -> 48.1,
#: cmocean:thermal gray 0.0 -> 42.1 / 0.54, black 85.2 -> 95.0, coolwarm magenta 56.4 /
#: 0.28 -> 66.5 / 0.39, white 82.5 -> 93.5, gray 81.7 / 0.30 -> 90.8 / 0.96, magma
#: white 63.4 -> 76.9; holes on all-data pictures (benchmarks/colormaps.py, 256^2,
#: JPEG 4:2:0) q50 0.03 -> 0.16 % at worst (twilight / camera), q90 0.00 -> 0.01.
#: Data's thin chains on photographs (the camera at q50-q90: 30-160 px) depart in
#: directions that agree (0.85-1.0) but rarely meet within 6 DN (4-30 DN); strokes'
#: meet within 1-6 DN. 30 px flagged 3-6 points more but lost more data beside the
#: strokes; 100 px, 10-20 points less. Taking the whole weak area a chain touches
#: flagged 0-7 points more but lost 6 points more of the map on coolwarm's Pillow
#: strokes (benchmarks/colormaps.py, hard edges JPEG q75: 20.3 -> 26.3 %); the chains'
#: 1-px halo (``_jpeg``'s JPEG_HALO_RADIUS) lost 3-10 % of the data pixels.
CHAIN_PIXELS = 100
CHAIN_WIDTH = 3
CHAIN_FIELD_RADIUS = 3
CHAIN_DEPARTURE = 3.0
CHAIN_AGREE = 0.9
CHAIN_MEET = 7.0
CHAIN_LINK = 2
CHAIN_RIDGE = 7
#: A chain more than CHAIN_FOUND of whose pixels are cores already is a stroke found
#: (black and white ones); its other pixels, JPEG's fringe beside it, would only seed
#: growth into the field (viridis white / black: lost 3.44 / 1.70 -> 4.38 / 2.07 %).
CHAIN_FOUND = 0.3


def chain_cores(
    flat: np.ndarray, scale: float, width: int, candidates: np.ndarray, weak: np.ndarray,
    groups: np.ndarray, n_groups: int,
) -> int:  # fmt: skip
    """Label in ``groups`` (per candidate; 0: none) each stroke chain's candidates not
    yet in a group as a core of its own; returns the new number of labels.

    ``candidates``: sorted flat indices into rows of ``width`` of ``flat`` (scaled to
    DN by ``scale``); ``weak`` per candidate. Costs nothing where fewer than
    CHAIN_PIXELS candidates are weak (all-data pictures, mostly).
    """
    if np.count_nonzero(weak) < CHAIN_PIXELS:
        return n_groups
    chain = np.zeros(len(candidates), dtype=np.int64)
    found = _chains(
        flat, scale, width, candidates, weak, _YCBCR, CHAIN_PIXELS, CHAIN_WIDTH,
        CHAIN_FIELD_RADIUS, CHAIN_DEPARTURE, CHAIN_AGREE, CHAIN_MEET, CHAIN_LINK,
        CHAIN_RIDGE, chain,
    )  # fmt: skip
    if found == 0:
        return n_groups
    labelled = chain > 0  # (a stroke already found: see CHAIN_FOUND)
    cored = np.bincount(chain[labelled], weights=groups[labelled] > 0, minlength=found + 1)
    share = cored / np.maximum(np.bincount(chain[labelled], minlength=found + 1), 1)
    chain[share[chain] > CHAIN_FOUND] = 0
    free = (chain > 0) & (groups == 0)
    groups[free] = chain[free] + (n_groups - 1)
    return n_groups + found


@nb.njit(**_JIT)
def _chains(  # pragma: no cover - jitted
    flat, scale, width, candidates, weak, ycc, min_pixels, max_width, radius, departure,
    agree, meet, link, ridge, out,
):
    """Label in ``out`` (per candidate, 1 ..) the chains that are strokes; returns
    how many. See CHAIN_PIXELS."""
    n = candidates.shape[0]
    n_pixels = flat.shape[0]
    height = n_pixels // width
    starts = _row_starts(candidates, width, height)
    fields = np.full((n, 3), np.nan)
    moves = np.zeros((n, 3))
    reach = np.zeros(n)  # the departure's length, DN
    for k in range(n):
        if weak[k]:
            _departure(flat, scale, width, height, candidates, starts, k, ycc, radius,
                       fields[k], moves[k])  # fmt: skip
            reach[k] = np.sqrt((moves[k] ** 2).sum())
    thin = np.zeros(n, np.bool_)
    for k in range(n):
        if weak[k]:
            p = candidates[k]
            y, x = p // width, p % width
            across = _run(candidates, starts, weak, p, 1, x, width - 1 - x, ridge, width)
            down = _run(candidates, starts, weak, p, width, y, height - 1 - y, ridge, width)
            thin[k] = across <= max_width or down <= max_width
            if not thin[k] and min(across, down) <= ridge:  # a wide band: its ridge
                step = 1 if across <= down else width
                thin[k] = _ridge(candidates, starts, weak, reach, p, k, step, width, n_pixels)
    label = np.zeros(n, np.int64)
    queue = np.empty(n, np.int64)
    found = 0
    for seed in range(n):
        if not thin[seed] or label[seed] != 0:
            continue
        label[seed] = -1
        queue[0] = seed
        size, head = 1, 0
        while head < size:
            p = candidates[queue[head]]
            head += 1
            y, x = p // width, p % width
            for yy in range(max(0, y - link), min(height, y + link + 1)):
                for xx in range(max(0, x - link), min(width, x + link + 1)):
                    s = _slot_of(yy * width + xx, candidates, starts, width)
                    if s >= 0 and thin[s] and label[s] == 0:
                        label[s] = -1
                        queue[size] = s
                        size += 1
        if size < min_pixels:
            continue
        if _one_color(fields, moves, reach, queue[:size], departure, agree, meet):
            found += 1
            for i in range(size):
                out[queue[i]] = found
    return found


@nb.njit(**_JIT)
def _run(candidates, starts, weak, p, step, before, after, limit, width):  # pragma: no cover
    """Length of the run of weak candidates through flat index p along ``step``,
    counted up to ``limit + 1``; ``before`` / ``after``: room to the picture's edge."""
    length = 1
    for i in range(1, min(before, limit) + 1):
        s = _slot_of(p - i * step, candidates, starts, width)
        if s < 0 or not weak[s]:
            break
        length += 1
    for i in range(1, min(after, limit) + 1):
        s = _slot_of(p + i * step, candidates, starts, width)
        if s < 0 or not weak[s]:
            break
        length += 1
    return length


@nb.njit(**_JIT)
def _departure(  # pragma: no cover - jitted
    flat, scale, width, height, candidates, starts, k, ycc, radius, field, move
):
    """Candidate k's field (Y Cb Cr, DN: the mean of the non-candidates within
    ``radius``) into ``field`` and its departure from it into ``move``; NaN
    ``field`` where there is none."""
    p = candidates[k]
    y, x = p // width, p % width
    total = np.zeros(3)
    count = 0
    for yy in range(max(0, y - radius), min(height, y + radius + 1)):
        for xx in range(max(0, x - radius), min(width, x + radius + 1)):
            q = yy * width + xx
            if _slot_of(q, candidates, starts, width) < 0:
                for c in range(3):
                    total[c] += flat[q, c]
                count += 1
    if count == 0:
        return
    for c in range(3):
        field[c] = 0.0
        here = 0.0
        for j in range(3):
            field[c] += ycc[c, j] * total[j] / count * scale
            here += ycc[c, j] * flat[p, j] * scale
        move[c] = here - field[c]


@nb.njit(**_JIT)
def _ridge(candidates, starts, weak, reach, p, k, step, width, n_pixels):  # pragma: no cover
    """Whether candidate k (flat index p) departs at least as far as the weak
    candidates 1 and 2 steps (``step``) either side of it."""
    for i in (-2, -1, 1, 2):
        q = p + i * step
        if q < 0 or q >= n_pixels or (step == 1 and q // width != p // width):
            continue
        s = _slot_of(q, candidates, starts, width)
        if s >= 0 and weak[s] and reach[s] > reach[k]:
            return False
    return True


@nb.njit(**_JIT)
def _one_color(fields, moves, reach, members, departure, agree, meet):  # pragma: no cover
    """Whether the chain's pixels depart from the field beside them towards one color."""
    m = members.shape[0]
    units = np.empty((m, 3))
    field = np.empty((m, 3))
    pull = np.zeros(3)  # the sum of the departures
    total_length = 0.0
    used = 0
    for i in range(m):
        k = members[i]
        if np.isnan(fields[k, 0]) or reach[k] < departure:
            continue
        for c in range(3):
            pull[c] += moves[k, c]
            units[used, c] = moves[k, c] / reach[k]
            field[used, c] = fields[k, c]
        total_length += reach[k]
        used += 1
    if used < 5:
        return False
    if np.sqrt((pull**2).sum()) < agree * total_length:
        return False
    # S nearest to every line field + t unit: sum (I - u u^T) S = sum (I - u u^T) field
    a = np.zeros((3, 3))
    b = np.zeros(3)
    for i in range(used):
        for r in range(3):
            for c in range(3):
                project = (1.0 if r == c else 0.0) - units[i, r] * units[i, c]
                a[r, c] += project
                b[r] += project * field[i, c]
    for r in range(3):
        a[r, r] += 1e-3 * used  # (parallel lines: S stays near the fields)
    s = _solve3(a, b)
    square = 0.0
    for i in range(used):
        gap = s - field[i]
        along = (gap * units[i]).sum()
        square += (gap**2).sum() - along**2
    return np.sqrt(max(square, 0.0) / used) <= meet


@nb.njit(**_JIT)
def _solve3(a, b):  # pragma: no cover - jitted
    """x with a x = b for a 3x3 ``a`` (Cramer's rule; ``a`` is regularised)."""
    det = (
        a[0, 0] * (a[1, 1] * a[2, 2] - a[1, 2] * a[2, 1])
        - a[0, 1] * (a[1, 0] * a[2, 2] - a[1, 2] * a[2, 0])
        + a[0, 2] * (a[1, 0] * a[2, 1] - a[1, 1] * a[2, 0])
    )
    x = np.empty(3)
    for k in range(3):
        m = a.copy()
        for r in range(3):
            m[r, k] = b[r]
        x[k] = (
            m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1])
            - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0])
            + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0])
        ) / det
    return x

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

from truepix.color._decolorize._kernels import _JIT
from truepix.color._decolorize._plan import _YCBCR

__all__ = ["chain_cores"]

#: A chain: CHAIN_PIXELS or more weak candidates (farther than JPEG_MODEL_WEAK from
#: JPEG's model), each thin -- a run of at most CHAIN_WIDTH weak pixels along its row
#: or its column, or, across a band of at most CHAIN_RIDGE, its ridge (no weak pixel
#: 1-2 px either side across it farther from the model) -- linked within CHAIN_LINK px
#: (JPEG breaks a stroke's weak run where its pixels fall within 12 DN of the model).
#: Per pixel, its departure from the field (the mean of the non-candidates within
#: CHAIN_FIELD_RADIUS, Y Cb Cr) points towards the stroke's color S (pixel = a S +
#: (1 - a) field): a stroke's departures agree (their sum at least CHAIN_AGREE of the
#: sum of their lengths, so JPEG's fringe beside the stroke weighs little) and their
#: lines meet in one S (root mean square distance of S to them within CHAIN_MEET DN);
#: departures shorter than CHAIN_DEPARTURE DN say nothing. A chain's pixels become
#: cores (``_jpeg``); its stroke's other candidates join them by luma (``grow_similar``).
#: Measured on matplotlib's contours and text on a JPEG q75 imshow figure
#: (benchmarks/_drawn_annotations.py; stroke pixels flagged / data pixels lost, %):
#: twilight gray 0.0 / 0.00 -> 54.2 / 0.51, white 40.7 / 0.81 -> 48.0 / 0.90,
#: cmocean:thermal gray 0.0 / 0.00 -> 46.3 / 0.72, black 85.2 / 1.27 -> 92.0 / 1.68,
#: magenta 82.6 / 0.98 -> 86.0 / 1.24, coolwarm magenta 56.4 / 0.28 -> 91.0 / 1.33,
#: white 82.5 / 3.20 -> 93.4 / 3.76, gray 81.7 / 0.30 -> 90.7 / 0.80, magma white
#: 63.4 / 0.02 -> 79.7 / 0.49, viridis gray 87.1 / 1.52 -> 91.3 / 1.82; the others
#: as before. Holes on all-data pictures (benchmarks/colormaps.py at 256^2 and 512^2;
#: trial16/user_tools_sweep.py) and the accuracy rows as before. What is left of those
#: strokes is mostly no candidate at all (their blends with the field lie within 20 DN
#: of some map color); magma's magenta is taken for resized blends (``_edges``).
#: Data's chains on photographs agree as strokes' do but rarely meet within 7 DN
#: (7.9-30 DN) -- except thin lines of one color, the camera's tripod legs (74-136 px,
#: meeting within 2.3-7 DN): see CHAIN_SHARE. A band's ridge took coolwarm's magenta
#: 74 -> 92 %; the whole weak area a chain touches lost 6 points more of the map on
#: coolwarm's Pillow strokes (benchmarks/colormaps.py, hard edges JPEG q75: 20.3 ->
#: 26.3 %); a 1-px halo around the chains 3-10 % of the data pixels; runs of 4-5 px
#: flagged coolwarm's magenta 9 points less (wide bands merge strokes with fringe);
#: 100 px, 10-15 points less (twilight's and thermal's gray, coolwarm's magenta).
CHAIN_PIXELS = 50
CHAIN_WIDTH = 3
CHAIN_FIELD_RADIUS = 3
CHAIN_DEPARTURE = 3.0
CHAIN_AGREE = 0.9
CHAIN_MEET = 7.0
CHAIN_LINK = 2
#: A chain's colors are judged on about CHAIN_SAMPLE of its pixels, spread along it.
CHAIN_SAMPLE = 64
CHAIN_RIDGE = 7
#: A chain more than CHAIN_FOUND of whose pixels are cores already is a stroke found
#: (black and white ones); its other pixels, JPEG's fringe beside it, would only seed
#: growth into the field (viridis white / black: lost 3.44 / 1.70 -> 4.38 / 2.07 %).
CHAIN_FOUND = 0.3
#: Chains count where they hold CHAIN_SHARE of the candidates or more: an annotated
#: figure's strokes hold 0.25-0.62 of them (benchmarks/_drawn_annotations.py), a
#: photograph's thin data lines that chain as strokes do (the camera's tripod legs,
#: shrunk by OpenCV, then JPEG'd: 101-136 px chains, 0.35-0.45 % holes;
#: benchmarks/decolorize_trial/trial16/user_tools_sweep.py) 0.02-0.03.
CHAIN_SHARE = 0.1


def chain_cores(
    flat: np.ndarray, scale: float, width: int, candidates: np.ndarray, weak: np.ndarray,
    distance: np.ndarray, groups: np.ndarray, n_groups: int,
) -> int:  # fmt: skip
    """Label in ``groups`` (per candidate; 0: none) each stroke chain's candidates not
    yet in a group as a core of its own; returns the new number of labels.

    ``candidates``: sorted flat indices into rows of ``width`` of ``flat`` (scaled to
    DN by ``scale``); ``weak`` and ``distance`` (DN, to JPEG's model) per candidate.
    Costs nothing where fewer than CHAIN_PIXELS candidates are weak.
    """
    if np.count_nonzero(weak) < CHAIN_PIXELS:
        return n_groups
    chain = np.zeros(len(candidates), dtype=np.int64)
    found = _chains(
        flat, scale, width, candidates, weak, distance, _YCBCR, CHAIN_PIXELS, CHAIN_WIDTH,
        CHAIN_FIELD_RADIUS, CHAIN_DEPARTURE, CHAIN_AGREE, CHAIN_MEET, CHAIN_LINK,
        CHAIN_RIDGE, CHAIN_SAMPLE, chain,
    )  # fmt: skip
    labelled = chain > 0
    if np.count_nonzero(labelled) < CHAIN_SHARE * len(candidates):  # (a photograph's lines)
        return n_groups
    # (a stroke already found: see CHAIN_FOUND)
    cored = np.bincount(chain[labelled], weights=groups[labelled] > 0, minlength=found + 1)
    share = cored / np.maximum(np.bincount(chain[labelled], minlength=found + 1), 1)
    chain[share[chain] > CHAIN_FOUND] = 0
    free = (chain > 0) & (groups == 0)
    groups[free] = chain[free] + (n_groups - 1)
    return n_groups + found


@nb.njit(**_JIT)
def _chains(  # pragma: no cover - jitted
    flat, scale, width, candidates, weak, distance, ycc, min_pixels, max_width, radius,
    departure, agree, meet, link, ridge, sample, out,
):
    """Label in ``out`` (per candidate, 1 ..) the chains that are strokes; returns
    how many. See CHAIN_PIXELS.

    Two bytes per pixel of state (a full-size array is cheaper to reach than the
    candidates' list); only chains long enough cost a look at the field."""
    n_pixels = flat.shape[0]
    height = n_pixels // width
    level = np.zeros(n_pixels, np.uint8)  # candidates 1, weak 2 + distance to the model
    for k in range(candidates.shape[0]):
        level[candidates[k]] = 1  # (the others: their field)
        if weak[k]:
            off = distance[k]
            level[candidates[k]] = 2 + (int(off) if off < 253.0 else 253)  # (NaN, inf: 255)
    state = np.zeros(n_pixels, np.uint8)  # 1: thin, 2: visited
    pixels = candidates[weak]
    across, down = _runs(pixels, width)
    for i in range(pixels.shape[0]):
        p = pixels[i]
        if across[i] <= max_width or down[i] <= max_width:
            state[p] = 1
        elif min(across[i], down[i]) <= ridge:  # a wide band: its ridge, farthest off model
            step = 1 if across[i] <= down[i] else width
            y, x = p // width, p % width
            room_before = x if step == 1 else y
            room_after = width - 1 - x if step == 1 else height - 1 - y
            top = True
            for j in range(1, 3):
                if j <= room_before and level[p - j * step] > level[p]:
                    top = False
                if j <= room_after and level[p + j * step] > level[p]:
                    top = False
            if top:
                state[p] = 1
    queue = np.empty(candidates.shape[0], np.int64)  # pixels
    found = 0
    for k in range(candidates.shape[0]):
        p = candidates[k]
        if state[p] != 1:
            continue
        state[p] = 2
        queue[0] = p
        size, head = 1, 0
        while head < size:
            q = queue[head]
            head += 1
            y, x = q // width, q % width
            for yy in range(max(0, y - link), min(height, y + link + 1)):
                for xx in range(max(0, x - link), min(width, x + link + 1)):
                    r = yy * width + xx
                    if state[r] == 1:
                        state[r] = 2
                        queue[size] = r
                        size += 1
        if size < min_pixels:
            continue
        members = np.searchsorted(candidates, queue[:size])
        stride = max(1, size // sample)  # (pixels in BFS order: spread along the chain)
        if _one_color(flat, scale, width, height, candidates, level, members[::stride], ycc,
                      radius, departure, agree, meet):  # fmt: skip
            found += 1
            for i in range(size):
                out[members[i]] = found
    return found


@nb.njit(**_JIT)
def _runs(pixels, width):  # pragma: no cover - jitted
    """Per pixel (sorted flat indices): the length of the run of ``pixels`` through it
    along its row and along its column, in passes along the list."""
    n = pixels.shape[0]
    rows = pixels // width  # (one division per pixel: the passes below cost less)
    across = np.ones(n, np.int64)
    down = np.ones(n, np.int64)
    for i in range(1, n):  # runs to the left, then the whole run from the right
        if pixels[i - 1] == pixels[i] - 1 and rows[i - 1] == rows[i]:
            across[i] = across[i - 1] + 1
    for i in range(n - 2, -1, -1):
        if pixels[i + 1] == pixels[i] + 1 and rows[i + 1] == rows[i]:
            across[i] = across[i + 1]
    last = np.full(width, -2, np.int64)  # per column: the last row seen, its run so far
    run = np.zeros(width, np.int64)
    for i in range(n):
        y = rows[i]
        x = pixels[i] - y * width
        run[x] = run[x] + 1 if last[x] == y - 1 else 1
        last[x] = y
        down[i] = run[x]
    last[:] = -2
    for i in range(n - 1, -1, -1):  # the whole run, from below
        y = rows[i]
        x = pixels[i] - y * width
        if last[x] == y + 1:
            down[i] = run[x]
        else:
            run[x] = down[i]
        last[x] = y
    return across, down


@nb.njit(**_JIT)
def _departure(  # pragma: no cover - jitted
    flat, scale, width, height, candidates, level, k, ycc, radius, field, move
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
            if level[q] == 0:
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
def _one_color(  # pragma: no cover - jitted
    flat, scale, width, height, candidates, level, members, ycc, radius, departure, agree, meet
):
    """Whether the chain's pixels (``members``, indices of ``candidates``) depart from
    the field beside them towards one color."""
    m = members.shape[0]
    units = np.empty((m, 3))
    field = np.empty((m, 3))
    move = np.empty(3)
    pull = np.zeros(3)  # the sum of the departures
    total_length = 0.0
    used = 0
    for i in range(m):
        field[used, 0] = np.nan
        _departure(flat, scale, width, height, candidates, level, members[i], ycc, radius,
                   field[used], move)  # fmt: skip
        length = np.sqrt((move**2).sum())
        if np.isnan(field[used, 0]) or length < departure:
            continue
        for c in range(3):
            pull[c] += move[c]
            units[used, c] = move[c] / length
        total_length += length
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

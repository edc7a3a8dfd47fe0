"""Blends beside a black/white stroke's flagged core on exact PNG (issue 11, Deliver 1): how
many of the missed pixels are such a ring, and what a per-pixel or a cross-section rule on
them would take (stroke pixels, changed > 10 DN) against what it would lose (pixels the ink
left untouched). Neither went into truepix (both take untouched pixels); ``_ink_rings``
(the field around read as a plane) did.

``python rings.py DUMP [NAMES]``: DUMP holds ``../../annotpng/png_inks.py MAPS INKS --dump DUMP``'s
pictures (t02's figures, PNG, each with its clean twin and truepix's values); NAMES,
comma-separated ``map_field_ink`` (default: every dump).

1. ``missed``: stroke pixels left unflagged, how many are entries, how many lie within 1.5 px
   of a flagged pixel (the ring) and farther than 5 px (strokes with no flagged core at all).
2. per-pixel rule: a pixel beside a flagged core q (one of 8 directions d), the field f one
   more step on, the pixel strictly between q and f (within 2.5 DN of the segment, at t of
   the way to q), the core FAR (48) DN from f; variants add the field's own step (the pixel
   differs from f by 3x the step from f on), the field beyond the core the other way (a
   blend there too, that field within 25 % of the jump of f). Printed: (stroke, untouched)
   pixels taken.
3. cross-section rule: along rows and columns, a run of 1-4 flagged pixels with 1-3 blends of
   black or white and the field each side (both fields 48 DN from the ink, flat within 12
   DN, within 20 DN of each other; every pixel within 2.5 DN of the segment from the field,
   read linearly across, to the ink; the mix fraction rising to the core and falling after
   it); its mix fractions' sum is the stroke's width across it, the same in the next row
   for a straight stroke. Runs with a run of the next line overlapping it and a sum within
   0.04 are taken. Printed: flagged share gained (points) / untouched pixels taken.
"""
import glob
import os
import sys

import numba as nb
import numpy as np
from scipy import ndimage as ndi

INKS = np.array([[0.0, 0, 0], [255.0, 255, 255]])
DIRS = [(0, 1), (1, 0), (1, 1), (1, -1), (0, -1), (-1, 0), (-1, -1), (-1, 1)]


def _segment(p, a, b):
    """Distance of p from the line a-b and where along it (0 at a, 1 at b) it projects."""
    s = b - a
    length2 = (s * s).sum()
    if length2 == 0:
        return 1e9, 0.0
    t = ((p - a) * s).sum() / length2
    return np.sqrt(((p - a - t * s) ** 2).sum()), t


def _inside(y, x, shape):
    return 0 <= y < shape[0] and 0 <= x < shape[1]


def ring_candidates(a, nan):
    """Per unflagged pixel beside a flagged one: (t, jump, step/field step, other side's
    blend, its field's gap / jump) for each direction it is a blend of core and field."""
    A = a.astype(float)
    found = {}
    for y, x in zip(*np.nonzero(nan)):
        for dy, dx in DIRS:
            py, px, fy, fx = y + dy, x + dx, y + 2 * dy, x + 2 * dx
            if not _inside(fy, fx, nan.shape) or nan[py, px] or nan[fy, fx]:
                continue
            gap, t = _segment(A[py, px], A[fy, fx], A[y, x])
            if gap > 2.5 or not 0 < t < 1:
                continue
            jump = np.sqrt(((A[fy, fx] - A[y, x]) ** 2).sum())
            ny, nx = fy + dy, fx + dx
            flat = np.sqrt(((A[fy, fx] - A[ny, nx]) ** 2).sum()) if _inside(ny, nx, nan.shape) \
                else 99.0  # fmt: skip
            step = np.sqrt(((A[py, px] - A[fy, fx]) ** 2).sum())
            k = 1
            while k <= 3 and _inside(y - k * dy, x - k * dx, nan.shape) and \
                    nan[y - k * dy, x - k * dx]:  # fmt: skip
                k += 1
            gy, gx, hy, hx = y - k * dy, x - k * dx, y - (k + 1) * dy, x - (k + 1) * dx
            other, same = False, 99.0
            if k <= 3 and _inside(hy, hx, nan.shape) and not nan[gy, gx] and not nan[hy, hx]:
                gap_g, t_g = _segment(A[gy, gx], A[hy, hx], A[y, x])
                other = gap_g <= 2.5 and 0 <= t_g < 1
                same = np.sqrt(((A[hy, hx] - A[fy, fx]) ** 2).sum()) / jump
            found.setdefault((py, px), []).append((t, jump, step / max(flat, 1.0), other, same))
    return found


RULES = {
    "t>.15 jump>48 step>3x": lambda t, j, r, o, s: t > .15 and j > 48 and r > 3,
    "t>.25 jump>48 step>3x": lambda t, j, r, o, s: t > .25 and j > 48 and r > 3,
    "  + both sides, same field": lambda t, j, r, o, s: t > .25 and j > 48 and r > 3 and o
    and s < .25,
}


@nb.njit(cache=True)
def _d2(p, q):
    return (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 + (p[2] - q[2]) ** 2


@nb.njit(cache=True)
def _field(px, nan, y, start, dx, ink):  # pragma: no cover - jitted
    width = nan.shape[1]
    for k in range(1, 5):
        xx, nx = start + k * dx, start + (k + 1) * dx
        if xx < 0 or xx >= width or nx < 0 or nx >= width or nan[y, xx]:
            return -1
        if _d2(px[y, xx], ink) >= 48.0 ** 2 and not nan[y, nx] and \
                _d2(px[y, xx], px[y, nx]) <= 12.0 ** 2:  # fmt: skip
            return xx
    return -1


@nb.njit(cache=True)
def _runs(px, nan):  # pragma: no cover - jitted
    """Cross-sections along rows: (row, left field, right field, sum of mix fractions, ink)."""
    height, width = nan.shape
    out = np.zeros((height * width // 2 + 1, 5))
    n = 0
    for y in range(height):
        x = 0
        while x < width:
            if not nan[y, x]:
                x += 1
                continue
            c0 = x
            while x + 1 < width and nan[y, x + 1]:
                x += 1
            c1 = x
            x += 1
            if c1 - c0 >= 4:
                continue
            for e in range(2):
                ink = INKS[e]
                left, right = _field(px, nan, y, c0, -1, ink), _field(px, nan, y, c1, 1, ink)
                if left < 0 or right < 0 or _d2(px[y, left], px[y, right]) > 20.0 ** 2:
                    continue
                ts = np.zeros(right - left + 1)
                good = True
                for i in range(left + 1, right):
                    w = (i - left) / (right - left)
                    f = px[y, left] + (px[y, right] - px[y, left]) * w
                    seg = ink - f
                    t = ((px[y, i] - f) * seg).sum() / (seg * seg).sum()
                    if ((px[y, i] - f - t * seg) ** 2).sum() > 2.5 ** 2 or t < 0 or t > 1.02:
                        good = False
                    ts[i - left] = min(t, 1.0)
                for i in range(left + 1, c0):
                    good = good and ts[i - left] <= ts[i + 1 - left] + 0.01
                for i in range(c1 + 1, right):
                    good = good and ts[i - left] <= ts[i - 1 - left] + 0.01
                if good:
                    out[n, 0], out[n, 1], out[n, 2], out[n, 3], out[n, 4] = y, left, right, \
                        ts.sum(), e  # fmt: skip
                    n += 1
                    break
    return out[:n]


@nb.njit(cache=True)
def _paired(runs, eps):  # pragma: no cover - jitted
    n = runs.shape[0]
    paired = np.zeros(n, np.bool_)
    for i in range(n):
        for j in range(i + 1, n):
            if runs[j, 0] > runs[i, 0] + 1:
                break
            if runs[j, 0] == runs[i, 0] + 1 and runs[j, 4] == runs[i, 4] and \
                    runs[j, 1] < runs[i, 2] and runs[i, 1] < runs[j, 2] and \
                    abs(runs[i, 3] - runs[j, 3]) <= eps:  # fmt: skip
                paired[i] = paired[j] = True
    return paired


def cross_sections(a, nan, eps=0.04):
    """Pixels the cross-section rule takes (rows and columns)."""
    out = np.zeros(nan.shape, bool)
    for axis in (0, 1):
        p = a.transpose(1, 0, 2) if axis else a
        n = nan.T if axis else nan
        runs = _runs(np.ascontiguousarray(p, dtype=np.float64), np.ascontiguousarray(n))
        o = out.T if axis else out
        for (y, left, right, _, _), ok in zip(runs, _paired(runs, eps)):
            if ok:
                o[int(y), int(left) + 1:int(right)] = True
    return out & ~nan


def main():
    files = sorted(glob.glob(os.path.join(sys.argv[1], "*.npz")))
    if len(sys.argv) > 2:
        names = sys.argv[2].split(",")
        files = [f for f in files if os.path.basename(f)[:-4] in names]
    for f in files:
        z = np.load(f)
        a, clean, nan = z["a"][..., :3], z["clean"][..., :3], np.isnan(z["v"])
        d = np.abs(a.astype(int) - clean.astype(int)).max(-1)
        miss = (d > 10) & ~nan
        far = ndi.distance_transform_edt(~nan)
        print(f"{os.path.basename(f)[:-4]}: stroke {int((d > 10).sum())} missed {int(miss.sum())}"
              f" (ring <= 1.5 px {int((miss & (far <= 1.5)).sum())}, > 5 px"
              f" {int((miss & (far > 5)).sum())})")
        found = ring_candidates(a, nan)
        for name, rule in RULES.items():
            taken = [k for k, v in found.items() if any(rule(*c) for c in v)]
            dv = np.array([d[k] for k in taken]).reshape(-1)
            print(f"  per-pixel {name:28} stroke {int((dv > 10).sum()):4d} untouched"
                  f" {int((dv == 0).sum()):4d}")
        new = cross_sections(a, nan)
        gain = 100 * ((nan | new)[d > 10].mean() - nan[d > 10].mean())
        print(f"  cross-section: +{gain:.1f} points, untouched {int((new & (d == 0)).sum())}")


if __name__ == "__main__":
    main()

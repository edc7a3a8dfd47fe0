"""Luma ridges as a test for thin contour lines on JPEG'd imshow figures: the variants.

matplotlib's 1-px contours over an ``imshow`` of a smooth field are thin luma ridges or
valleys: the pixel's luma minus the mean of the four pixels 2 and 3 px away across it
(in the direction, of 4, where that departure is largest and the sides fit a line within
REL of it). Ridge pixels past the RGB threshold are chained (8-neighbours within LINK px
sharing their luma, their field's luma and the ridge's sign within LUMA DN), and chains
of CHAIN px or more grow along ridge pixels of their luma. Printed: the drawn figures'
stroke pixels flagged / data pixels lost (benchmarks/_drawn_annotations.py), default call
alone and with the chains added, then the all-data pictures (benchmarks/colormaps.py's
fields, 10 maps, JPEG q50-q95, 4:2:0 and 4:4:4) the chains would flag most of.
The defaults are the rule ``_decolorize._lines`` keeps (without its gate); the
constants switch the variants docs/decolorize.md reports ("Thin lines of one ink"):
RESIDUAL (seeds off the map), SPREAD (1: chains linked by the line's own luma, not
only its field's), GROW_STEPS (hysteresis along ridge pixels), ONE_INK (0: no ink
test), INK_RESIDUAL and PEAK.

    PYTHONPATH=src python benchmarks/decolorize_trial/contour_ridges.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numba as nb
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import _drawn_annotations as drawn  # noqa: E402
import colormaps as cm  # noqa: E402

from truepix import Decolorizer  # noqa: E402

LUMA_WEIGHTS = np.array([0.299, 0.587, 0.114])
SIDES = np.array([-3, -2, 2, 3])
RIDGE, REL, MISFIT, RESIDUAL = 12.0, 0.1, 8.0, -1.0
LUMA, LINK, CHAIN, GROW_RIDGE, GROW_STEPS, SPREAD = 6.0, 2, 40, 6.0, 0, 100.0
ONE_INK, SAME, FIELDS, SIGNED, PEAK, INK_RESIDUAL = 1, 8.0, 30.0, 0, 12.0, 25.0
CASES = [("twilight", "white"), ("twilight", "gray"), ("twilight", "magenta"),
         ("cmocean:thermal", "gray"), ("magma", "magenta"), ("magma", "white"),
         ("turbo", "black"), ("rainbow", "magenta"), ("coolwarm", "magenta")]  # fmt: skip


def ridges(luma: np.ndarray, misfit: float, rel: float) -> np.ndarray:
    """Per pixel: luma minus the mean of its sides, in the direction it departs most
    where the sides fit a line within min(misfit, rel * departure) DN; 0 elsewhere."""
    height, width = luma.shape
    pad = int(np.abs(SIDES).max())
    padded = np.pad(luma, pad, mode="edge")
    best = np.zeros_like(luma)
    for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
        sides = np.stack([padded[pad + t * dy : pad + t * dy + height,
                                 pad + t * dx : pad + t * dx + width] for t in SIDES])  # fmt: skip
        mean = sides.mean(axis=0)
        slope = np.tensordot(SIDES, sides, 1) / (SIDES**2).sum()
        off_line = np.abs(sides - mean - SIDES[:, None, None] * slope).max(axis=0)
        departure = luma - mean
        fits = off_line <= np.minimum(misfit, rel * np.abs(departure))
        larger = fits & (np.abs(departure) > np.abs(best))
        best[larger] = departure[larger]
    return best


@nb.njit(cache=True)
def _chains(seed, luma, ridge, gap, link, spread):  # pragma: no cover - jitted
    """Labels and sizes of the seeds' chains (see the module's docstring)."""
    height, width = seed.shape
    label = np.zeros((height, width), np.int64)
    sizes = [0]
    qy = np.empty(height * width, np.int64)
    qx = np.empty(height * width, np.int64)
    for y0 in range(height):
        for x0 in range(width):
            if not seed[y0, x0] or label[y0, x0]:
                continue
            n = len(sizes)
            label[y0, x0], qy[0], qx[0] = n, y0, x0
            size, head = 1, 0
            while head < size:
                y, x = qy[head], qx[head]
                head += 1
                for yy in range(max(0, y - link), min(height, y + link + 1)):
                    for xx in range(max(0, x - link), min(width, x + link + 1)):
                        fields = abs(luma[yy, xx] - ridge[yy, xx] - luma[y, x] + ridge[y, x])
                        if (seed[yy, xx] and label[yy, xx] == 0
                                and abs(luma[yy, xx] - luma[y, x]) <= gap * spread
                                and fields <= gap and ridge[yy, xx] * ridge[y, x] > 0):  # fmt: skip
                            label[yy, xx], qy[size], qx[size] = n, yy, xx
                            size += 1
            sizes.append(size)
    return label, np.array(sizes)


@nb.njit(cache=True)
def _grow(mark, allowed, luma, ridge, gap, steps):  # pragma: no cover - jitted
    """``mark`` grown through ``allowed`` 8-neighbours of its luma and ridge sign."""
    height, width = mark.shape
    for _ in range(steps):
        new = mark.copy()
        for y in range(height):
            for x in range(width):
                if mark[y, x] or not allowed[y, x]:
                    continue
                for yy in range(max(0, y - 1), min(height, y + 2)):
                    for xx in range(max(0, x - 1), min(width, x + 2)):
                        if (mark[yy, xx] and abs(luma[yy, xx] - luma[y, x]) <= gap
                                and ridge[yy, xx] * ridge[y, x] > 0):  # fmt: skip
                            new[y, x] = True
        if (new == mark).all():
            break
        mark = new
    return mark


def _one_ink(label, sizes, seed, luma, ridge, table, residual):
    """Per chain label: whether another chain of its sign and its stroke luma (the
    chain's most extreme, SAME DN) lies over a field FIELDS DN or more away."""
    keep = np.zeros(len(sizes), dtype=bool)
    ids = np.flatnonzero(sizes >= CHAIN)
    stats = []
    for i in ids:
        m = (label == i) & seed
        sign = np.sign(np.median(ridge[m])) if SIGNED else 0.0
        strongest = np.abs(ridge[m]) >= np.percentile(np.abs(ridge[m]), 80)
        ink = np.median(luma[m][strongest])
        if np.median(residual[m][strongest]) < INK_RESIDUAL:
            continue
        stats.append((i, sign, ink, np.median(luma[m] - ridge[m])))
    table_luma = table @ LUMA_WEIGHTS
    inner = table_luma[1:-1]
    peaks = inner[(inner >= table_luma[:-2]) & (inner >= table_luma[2:])]
    dips = inner[(inner <= table_luma[:-2]) & (inner <= table_luma[2:])]
    for i, _, ink, _field in stats:  # (a map's own luma peak draws ridges at its luma)
        sign = np.sign(np.median(ridge[(label == i) & seed]))
        if np.any(np.abs((peaks if sign > 0 else dips) - ink) <= PEAK):
            stats = [t for t in stats if t[0] != i]
    for i, sign, ink, field in stats:
        for _j, sign2, ink2, field2 in stats:
            if sign == sign2 and abs(ink - ink2) <= SAME and abs(field - field2) >= FIELDS:
                keep[i] = True
    return keep


def line_pixels(rgb: np.ndarray, decoder: Decolorizer, table: np.ndarray) -> np.ndarray:
    """The pixels the ridge chains would flag."""
    luma = rgb.astype(float) @ LUMA_WEIGHTS
    ridge = ridges(luma, MISFIT, REL)
    residual = decoder.residual(rgb)
    seed = (np.abs(ridge) >= RIDGE) & (residual > RESIDUAL)
    label, sizes = _chains(seed, luma, ridge, LUMA, LINK, SPREAD)
    chained = (sizes >= CHAIN)[label] & seed
    if ONE_INK:
        chained &= _one_ink(label, sizes, seed, luma, ridge, table, residual)[label]
    loose = ridges(luma, np.inf, 1e9)
    return _grow(chained, np.abs(loose) >= GROW_RIDGE, luma, loose, LUMA, GROW_STEPS)


def main() -> None:
    """Print both tables."""
    y, x = np.mgrid[0:300, 0:400]
    data = 0.5 + 0.45 * np.sin(x / 37 + np.cos(y / 41)) * np.cos(y / 29)
    print("drawn figures, stroke flagged / data lost %: default -> with ridge chains")
    for name, color in CASES:
        cmap = cm.colormap(name)
        decoder = Decolorizer(cmap, cyclic=name in cm.CYCLIC, vmin=0.0, vmax=1.0)
        clean = drawn._figure(cmap, data, None, jpeg=False).astype(float)
        moved = np.sqrt(((drawn._figure(cmap, data, color, jpeg=False) - clean) ** 2).sum(-1))
        stroke, untouched = moved > 12, moved == 0
        picture = drawn._figure(cmap, data, color, jpeg=True)
        lost = np.isnan(decoder.values(picture))
        table = cmap(np.arange(cmap.N), bytes=True)[:, :3].astype(float)
        more = lost | line_pixels(picture, decoder, table)
        print(f"{name:<16}{color:<8} {100 * lost[stroke].mean():5.1f} / "
              f"{100 * lost[untouched].mean():4.2f} -> {100 * more[stroke].mean():5.1f} / "
              f"{100 * more[untouched].mean():4.2f}")  # fmt: skip
    print("all-data pictures (256^2), most pixels the chains flag:")
    rows = []
    for name in cm.MAPS:
        cmap = cm.colormap(name)
        decoder = Decolorizer(cmap, cyclic=name in cm.CYCLIC, vmin=0.0, vmax=1.0)
        for field, (_, values) in cm.fields(256).items():
            rgb = np.ascontiguousarray(cmap(values, bytes=True)[..., :3])
            for quality in (95, 90, 75, 50):
                for subsampling in (2, 0):
                    picture = cm.jpeg(quality, subsampling)(rgb, values)[0]
                    table = cmap(np.arange(cmap.N), bytes=True)[:, :3].astype(float)
                    flagged = int(line_pixels(picture, decoder, table).sum())
                    rows.append((flagged, name, field, quality, subsampling))
    for row in sorted(rows, reverse=True)[:6]:
        print(row)


if __name__ == "__main__":
    main()

"""The ink peak's claim (``_inked``'s peak path): are its pixels blends of the map colors
around them, and is it long? Prints, per picture whose peak path runs: the share of the
claim's pixels at the peak within 6 / 10 / 10 DN (Y Cb Cr) of the hull of the map's arc
between the positions on the map within 4 / 4 / 6 px ("hull"), the share of the claim in
8-connected pieces 10 / 15 / 20 / 30 px across ("ext"), the candidates' density at the
peak against the picture's ("dens"), the peak (DN), its candidates and the claim (px).
(Runs the decode as it is: on this branch the claims ``_peak_blends`` drops are 0.)
Usage: PYTHONPATH=src:. python benchmarks/interp6/probe.py noisy|annotated|dem|small|contours
"""
from __future__ import annotations

import sys
import warnings

import numpy as np

sys.path.insert(0, "benchmarks/interp2")
sys.path.insert(0, ".")
import measure  # noqa: E402

import truepix as tp  # noqa: E402
from truepix.color._decolorize import _around, _inked, _jpeg  # noqa: E402
from truepix.color._decolorize._margins import on_map_pixels  # noqa: E402
from truepix.color._decolorize._plan import _YCBCR  # noqa: E402

warnings.simplefilter("ignore")
ORIG = _jpeg.inked_strokes
OUT = {}


def probe(flat, scale, width, position, inks, ink_luma, off_map, line, *a, **k):
    f = sys._getframe(1).f_locals
    before = int(off_map.sum())
    was = off_map.copy()
    ORIG(flat, scale, width, position, inks, ink_luma, off_map, line, *a, **k)
    peak = _inked._peak_ink(ink_luma, len(off_map)) if len(inks) == 0 else None
    if peak is None:
        OUT["p"] = "no peak"
        return
    cand, smooth, ring = f["candidates"], f["smooth"], f["fill_ring"]
    sel = ~smooth if ring is None else ~(ring[cand] | smooth)
    at = cand[sel][np.abs(ink_luma - peak) <= _inked.INKED_PEAK_LUMA]
    on_map = f["on_map"]
    if not len(on_map):
        on_map = on_map_pixels(flat, f["residual"], f["plan"].threshold, cand, f["filled"])
    shares = []
    for r in ():
        found = np.zeros(len(at), dtype=bool)
        _around._around_kernel(flat, float(scale), width, len(flat) // width, at, on_map,
                               _around._metric(), r, 16.0, 24.0, 0.25, found)
        shares.append(found.mean())
    hull = []
    sample = at[:: max(len(at) // 400, 1)]
    metric = np.ascontiguousarray(_YCBCR, dtype=float)
    own = (flat[sample, :3].astype(float) * scale) @ metric.T
    for r, tol in ((4, 6.0), (4, 10.0), (6, 10.0)):
        found = np.zeros(len(sample), dtype=bool)
        for i, pix in enumerate(sample):
            y, x = divmod(int(pix), width)
            win = np.zeros(len(on_map), bool).reshape(-1, width)
            win[max(0, y - r):y + r + 1, max(0, x - r):x + r + 1] = True
            win = win.ravel() & on_map & np.isfinite(position)
            if win.sum() < 2:
                continue
            pos = position[win]
            arc = line.colors_at(np.linspace(pos.min(), pos.max(), 33) * line.n_bins)
            colors = np.ascontiguousarray(arc, dtype=float) @ metric.T
            _around._hull_kernel(own[i:i + 1], colors, tol, 256, found[i:i + 1])
        hull.append(found.mean())
    from scipy import ndimage
    new = (off_map & ~was).reshape(-1, width)
    lab, nlab = ndimage.label(new, structure=np.ones((3, 3)))
    ext = []
    if nlab:
        sl = ndimage.find_objects(lab)
        size = np.bincount(lab.ravel())[1:]
        extent = np.array([max(a.stop - a.start, b.stop - b.start) for a, b in sl])
        ext = [f"{(size[extent >= e].sum() / size.sum()):.2f}" for e in (10, 15, 20, 30)]
    at_peak = np.count_nonzero(np.abs(ink_luma - peak) <= 4) / len(ink_luma)
    lum = (flat[:, :3].astype(float) * scale) @ _YCBCR[0]
    field = (np.count_nonzero(np.abs(lum - peak) <= 4) - at_peak * len(ink_luma)) / (len(lum) - len(ink_luma))
    OUT["e"] = f"ext>=10/15/20/30 {'/'.join(ext)} dens {at_peak / field:.2f} "
    ramps = []
    h = len(flat) // width
    luma = (flat[:, :3].astype(float) * scale) @ _YCBCR[0]
    y, x = at // width, at % width
    ok = (y > 2) & (y < h - 3) & (x > 2) & (x < width - 3)
    a_in = at[ok]
    for d in (1, 2):
        g = np.zeros(len(a_in))
        c = np.zeros(len(a_in))
        for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
            off = d * (dy * width + dx)
            ahead, behind = luma[a_in + off], luma[a_in - off]
            np.maximum(g, np.abs(ahead - behind), out=g)
            np.maximum(c, np.abs(2 * luma[a_in] - ahead - behind), out=c)
        ramps.append(f"d{d} med g/c {np.median(g / np.maximum(c, 1)):.2f} "
                     f"ramp {np.mean(g >= 2 * c):.2f} {np.mean(g >= c):.2f}")
    OUT["p"] = (f"hull {hull[0]:.2f}/{hull[1]:.2f}/{hull[2]:.2f} " + OUT["e"] + f" peak {peak:.0f} n {len(at)} claimed {int(off_map.sum()) - before} "
                
                f"arc hull r4t6/r4t10/r6t10 {hull[0]:.2f}/{hull[1]:.2f}/{hull[2]:.2f} "
                f"resized {f['resized']}")


_jpeg.inked_strokes = probe


def run(label, pic, cmap, mask=None):
    OUT.clear()
    h = np.isnan(tp.decolorize(pic, cmap=cmap, vmin=0, vmax=1))
    extra = "" if mask is None else f" strokes {100 * h[mask].mean():.1f} data {100 * h[~mask].mean():.2f}"
    print(f"{label}: holes {100 * h.mean():.2f}{extra} | {OUT.get('p', '-')}", flush=True)


def main():
    what = sys.argv[1]
    if what == "noisy":
        for interp, m, n, s, q in [("bicubic", "rainbow", 0.4, 2, 90), ("bicubic", "viridis", 0.8, 1, 90),
                                   ("bicubic", "viridis", 0.8, 2, 90), ("bilinear", "viridis", 0.4, 0, 75),
                                   ("bilinear", "viridis", 0.8, 0, 75), ("gaussian", "viridis", 0.8, 0, 75),
                                   ("gaussian", "viridis", 0.4, 1, 75)]:
            run(f"{interp} {m} n{n} s{s} q{q}", measure.drawn(measure.array(s, n), m, interp, q), m)
    elif what == "annotated":
        sys.argv = sys.argv[:1] + sys.argv[2:]
        src = open("benchmarks/interp3/annotated.py").read().split("interp = sys.argv")[0]
        ns = {}
        exec(compile(src, "annotated", "exec"), ns)
        interp = sys.argv[1] if len(sys.argv) > 1 else "bicubic"
        for seed, noise in [(0, 0.8), (1, 0.4)]:
            a = measure.array(seed, noise)
            for m in ["jet", "viridis"]:
                clean = ns["drawn"](a, m, interp, None, None)
                for color in ["black", "white", "0.5", "red"]:
                    png = ns["drawn"](a, m, interp, color, None)
                    strokes = np.abs(png - clean).max(axis=-1) >= 30
                    pic = ns["drawn"](a, m, interp, color, 75).astype(np.uint8)
                    run(f"{interp} s{seed} n{noise} {m} {color} q75", pic, m, strokes)
    elif what == "dem":
        import tests.color.test_decolorize_gray_contours as g
        from tests.color._photographs import fbm
        for cmap, kind in [("viridis", "fbm"), ("viridis", "dem"), ("coolwarm", "dem"),
                           ("coolwarm", "t02")]:
            field = fbm(256, seed=0) if kind == "fbm" else g._dem(kind)
            strokes = g._figure(field, None, True, kind).min(axis=-1) < 255 - 12
            run(f"gray contours {cmap} {kind}", g._figure(field, cmap, True, kind), cmap, strokes)
            run(f"no contours {cmap} {kind}", g._figure(field, cmap, False, kind), cmap)
    elif what == "small":
        from tests.color._photographs import contour_figure
        for size in [(160, 120), (120, 90), (96, 72)]:
            for name in ["coolwarm", "viridis"]:
                clean = contour_figure(name, None, False, size=size).astype(float)
                drawn = contour_figure(name, "#bfbfbf", False, size=size).astype(float)
                stroke = np.sqrt(((drawn - clean) ** 2).sum(-1)) > 12
                run(f"small {name} {size}", contour_figure(name, "#bfbfbf", True, size=size),
                    name, stroke)
    else:
        from tests.color._photographs import contour_figure
        for name in ["viridis", "coolwarm", "Spectral", "RdBu_r", "jet"]:
            for color in ["#bfbfbf", "0.5", "#d9d9d9"]:
                clean = contour_figure(name, None, False).astype(float)
                drawn = contour_figure(name, color, False).astype(float)
                stroke = np.sqrt(((drawn - clean) ** 2).sum(-1)) > 12
                run(f"contours {name} {color}", contour_figure(name, color, True), name, stroke)


if __name__ == "__main__":
    main()

"""Few-level maps JPEG'd: get_cmap(name, N) and BoundaryNorm; plain name vs object / norm; follow the advice."""
import re, sys, numpy as np
from common import *
import matplotlib.pyplot as plt
from matplotlib.colors import BoundaryNorm
F = fields(256)["camera"]       # 0..100
cases = [("viridis", 5), ("jet", 6), ("RdBu_r", 5), ("turbo", 8), ("magma", 10)]
edges = [0, 10, 20, 35, 50, 70, 100]
def truth_levels(N): return (np.clip(np.floor(F / 100 * N), 0, N - 1) + .5) / N * 100
def truth_bn(): 
    i = np.clip(np.searchsorted(edges, F, side="right") - 1, 0, len(edges) - 2)
    return (np.array(edges[:-1]) + np.array(edges[1:]))[i] / 2
def report(tag, r, w, e, truth, kd, N):
    if e: print(f"{tag}: ERROR {e}"); return
    m = metrics(r.values, truth, 0, 100)
    off = (np.abs(r.values - truth) > 50 / N + 1e-6)
    print(f"{tag}: NaN {m['nan']:.2f}% meanH {m['mean_h']:.3f} (kd-of-levels {kd:.3f}) >half-level off {np.nanmean(off)*100:.2f}% max {np.nanmax(np.abs(r.values-truth)):.1f} warn {len(w)}")
    for x in w: print("   W:", x[:240])
for form in ["png", "q90", "q75"]:
    for name, N in cases:
        cm = plt.get_cmap(name, N)
        png = cm(F / 100, bytes=True)[..., :3]
        pic = png if form == "png" else jpeg(png, int(form[1:]))
        t = truth_levels(N)
        # kd over the N colors -> level middle
        kdv = baseline(pic, cm, 0, 100)
        kd = metrics(kdv, t, 0, 100)["mean"]
        for how, c in [("object", cm), ("name", name)]:
            r, w, e, dt = dec(pic, c, 0, 100)
            report(f"{name} N={N} {form} {how}", r, w, e, t, kd, N)
            if how == "name":
                for x in w:
                    mm = re.search(r"cmap=(plt\.get_cmap\('[^']+', \d+\))", x)
                    if mm:
                        r2, w2, e2, _ = dec(pic, eval(mm.group(1)), 0, 100)
                        report(f"   advice {mm.group(1)}", r2, w2, e2, t, kd, N)
    # BoundaryNorm uneven
    for name in ["viridis", "jet"]:
        norm = BoundaryNorm(edges, 256)
        png = plt.get_cmap(name)(norm(F), bytes=True)[..., :3]
        pic = png if form == "png" else jpeg(png, int(form[1:]))
        t = truth_bn()
        for how in ["norm", "name"]:
            import truepix as tp, warnings, time
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter("always")
                try:
                    r = tp.Decolorizer(name, norm=BoundaryNorm(edges, 256)).decode(pic) if how == "norm" else tp.Decolorizer(name, vmin=0, vmax=100).decode(pic); e = None
                except Exception as ex: r, e = None, f"{type(ex).__name__}: {ex}"
            ws = [str(x.message) for x in w]
            report(f"{name} BN{edges} {form} {how}", r, ws, e, t, float('nan'), 6)
            if how == "name":
                for x in ws:
                    mm = re.search(r"norm=(BoundaryNorm\(\[[^\]]*\], ncolors=\d+\))", x)
                    if mm:
                        with warnings.catch_warnings(record=True) as w2:
                            warnings.simplefilter("always")
                            try: r2 = tp.Decolorizer(name, norm=eval(mm.group(1).replace('ncolors=', ''))).decode(pic); e2 = None
                            except Exception as ex: r2, e2 = None, f"{type(ex).__name__}: {ex}"
                        report(f"   advice {mm.group(1)}", r2, [str(x.message) for x in w2], e2, t, float('nan'), 6)

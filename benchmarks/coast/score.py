"""Score make_pictures.py's pictures with the truepix on PYTHONPATH, default call.

Usage: python score.py [t29|t23|both] [j75,png] [name filter]. t29 as trial 46 scored it
(flag: stroke pixels, changed > 10 DN, NaN), but with the coastline pixels those the
coastlines ALONE changed by > 10 DN (trial 46's hue test also counted gridline pixels
as coastline) and the gridlines' pixels apart; holes: NaN on pixels >= 3 px from any
change. t23 as trial 46 (overlay pixels flagged / answered > 5 % off), plus the clean
pictures' NaN and the warnings given."""
import sys, warnings, time, numpy as np, truepix as tp
from scipy.ndimage import binary_dilation
which = sys.argv[1] if len(sys.argv) > 1 else "both"
fmts = sys.argv[2].split(",") if len(sys.argv) > 2 else ["j75"]
filt = sys.argv[3] if len(sys.argv) > 3 else ""
def dec(im, m):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        v = tp.decolorize(im, cmap=m, vmin=0, vmax=1)
    return v, [str(x.category.__name__) + ":" + str(x.message)[:90] for x in w]
t0 = time.process_time()
if which in ("t29", "both"):
    z = np.load("/tmp/coast/t29.npz"); keys = sorted({k.rsplit("|", 1)[0] for k in z.files})
    agg = {}
    for k in keys:
        if filt not in k: continue
        m = k.split("|")[0]
        s = z[k + "|sl"]; sl = (slice(s[0], s[1]), slice(s[2], s[3]))
        pic, clean, truth, col = z[k + "|pic"], z[k + "|clean"], z[k + "|truth"], z[k + "|col"]
        d = np.abs(pic.astype(int) - clean.astype(int)).max(-1)[sl]
        for fmt in fmts:
            im = pic if fmt == "png" else z[k + "|" + fmt]
            v, w = dec(im, m); v = v[sl]
            sm = d > 10; farm = ~binary_dilation(d > 0, iterations=3)
            pc = pic[sl].astype(float) / 255; clv = clean[sl].astype(float) / 255
            toward = np.linalg.norm(pc - col, axis=-1) < np.linalg.norm(clv - col, axis=-1) - 0.04
            conly = z[k + "|conly"]
            dco = np.abs(conly.astype(int) - clean.astype(int)).max(-1)[sl]
            coast = dco > 10
            grid = sm & ~binary_dilation(dco > 0, iterations=1)
            fg = np.isnan(v)[grid].mean()
            fc = np.isnan(v)[coast].mean(); flag = np.isnan(v)[sm].mean()
            wrong = ((np.abs(v - truth) > 0.05) & ~np.isnan(v))[sm].mean(); hc = np.isnan(v)[farm].mean()
            agg.setdefault(fmt, []).append((flag, fc, wrong, hc, fg))
            print(f"t29 {k:32}{fmt:5} flag {100*flag:5.1f} coast {100*fc:5.1f} grid {100*fg:5.1f} wrong {100*wrong:5.1f} holes {100*hc:6.3f} {len(w)}w", flush=True)
    for fmt, L in agg.items():
        L = np.array(L)
        print(f"T29 {fmt} all {100*L[:,0].mean():5.1f}/{100*L[:,0].min():5.1f} coast {100*L[:,1].mean():5.1f}/{100*L[:,1].min():5.1f} wrong {100*L[:,2].mean():4.1f}/{100*L[:,2].max():4.1f} holes max {100*L[:,3].max():.3f} (>0.2: {(L[:,3]>.002).sum()}) grid {100*L[:,4].mean():5.1f}/{100*L[:,4].min():5.1f}")
if which in ("t23", "both"):
    z = np.load("/tmp/coast/t23.npz"); agg = {}
    for m in ("viridis", "jet", "coolwarm", "magma"):
        for fn in ("smooth", "dem"):
            k0 = f"{m}|{fn}"
            if filt not in k0: continue
            s = z[k0 + "|sl"]; sl = (slice(s[0], s[1]), slice(s[2], s[3]))
            clean, truth = z[k0 + "|clean"], z[k0 + "|truth"]
            for fmt in fmts:
                v, w = dec(clean if fmt == "png" else z[k0 + "|clean" + ("j75" if fmt == "j75" else "")], m)
                print(f"t23 {k0:18}{'clean':18}{fmt:5} nan {100*np.isnan(v[sl]).mean():6.3f} warn {w}")
            for ov in ("whitebox_a0.5", "scatter_k_a0.3", "axvspan_gray_a0.3", "text_bbox_a0.6", "fill_red_a0.25", "hatch"):
                pic = z[f"{k0}|{ov}|pic"]
                d = np.abs(pic.astype(int) - clean.astype(int)).max(-1)[sl]
                for fmt in fmts:
                    im = pic if fmt == "png" else z[f"{k0}|{ov}|{fmt}"]
                    v, w = dec(im, m); v = v[sl]
                    ovm = d > 10; far = ~binary_dilation(d > 0, iterations=3)
                    flag = np.isnan(v)[ovm].mean(); wrong = ((np.abs(v - truth) > 0.05) & ~np.isnan(v))[ovm].mean()
                    hc = np.isnan(v)[far].mean()
                    agg.setdefault((ov, fmt), []).append((flag, wrong, hc, len(w) > 0))
                    print(f"t23 {k0:18}{ov:18}{fmt:5} flag {100*flag:5.1f} wrong {100*wrong:5.1f} holes {100*hc:6.3f} warn {w}", flush=True)
    for (ov, fmt), L in agg.items():
        L = np.array(L, float)
        print(f"T23 {ov:18}{fmt:5} flag {100*L[:,0].mean():5.1f}/{100*L[:,0].min():5.1f} wrong {100*L[:,1].mean():5.1f}/{100*L[:,1].max():5.1f} holes max {100*L[:,2].max():.3f} warned {int(L[:,3].sum())}/{len(L)}")
print("cpu", time.process_time() - t0)

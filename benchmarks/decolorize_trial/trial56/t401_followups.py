"""Follow-ups of t400: (a) an 8x8 array imshow(nearest) into a big axes over jet, JPEG q95 judged not JPEG (2.1 % holes):
qualities 85-100, 8x8 / 16x16, jet / turbo / viridis, where the holes sit (distance to a cell border); (b) a BoundaryNorm
pcolormesh over jet, JPEG q75 by name (18 % holes, silent): levels 5 / 11 / 21, extend both / neither, pcolormesh vs
imshow(nearest), q75 / q90, by name and with norm=; (c) an OpenCV jet picture read with cv2.imread (BGR) decoded as if RGB:
silent (0 holes): how wrong (correlation with 1 - truth)."""
from _p9 import *  # noqa
from _p9 import pics, dec_any, header, HEAD8, call, fbm, kd, wshort
import numpy as np, matplotlib as mpl, matplotlib.pyplot as plt, truepix as tp, cv2

header(__doc__.splitlines()[0])
print(HEAD8, flush=True)
rng = np.random.default_rng(56)

PARTS = __import__("os").environ.get("PARTS", "abc")  # run 1 crashed in (b) (t200 pics needs a "png"): rerun with PARTS=bc
print("(a) n x n nearest into a 6x5 in axes, JPEG q85-100", flush=True)
for n in ((8, 16) if "a" in PARTS else ()):
    dn = rng.uniform(size=(n, n))
    for m in ("jet", "turbo", "viridis"):
        def make(cm, ink, face, m=m, dn=dn):
            fg, ax = plt.subplots(figsize=(6, 5))
            if face: ax.set_facecolor(face)
            im = ax.imshow(dn, interpolation="nearest", cmap=cm or m); fg.colorbar(im)
            return fg, ax, im.norm
        qs = (("q85", 85), ("q90", 90), ("q95", 95), ("q98", 98), ("q100", 100)) if m == "jet" else (("q95", 95), ("q98", 98))
        ps, truth, ink, sl, nm = pics(make, quals=(("png", None),) + qs)
        tr = truth[sl]
        # distance (px) to the nearest cell border, from the truth's value changes
        edge = np.zeros(tr.shape, bool); t0 = np.nan_to_num(tr)
        edge[:, 1:] |= t0[:, 1:] != t0[:, :-1]; edge[1:, :] |= t0[1:, :] != t0[:-1, :]
        dist = cv2.distanceTransform((~edge).astype(np.uint8), cv2.DIST_L2, 3)
        for lab, pic in ps.items():
            if lab == "png": continue
            dec_any(f"a {n}x{n} nearest {m} {lab}", pic, tr, m, sl=sl, vmin=float(nm.vmin), vmax=float(nm.vmax))
            v = tp.decolorize(pic, cmap=m, vmin=float(nm.vmin), vmax=float(nm.vmax))[sl]
            h = np.isnan(v) & np.isfinite(tr)
            print(f"    holes by distance to a border: <=1 px {100*h[dist<=1].mean():.2f} %, 1-3 px {100*h[(dist>1)&(dist<=3)].mean():.2f} %,"
                  f" >3 px {100*h[dist>3].mean():.3f} %", flush=True)

print("(b) BoundaryNorm pcolormesh / imshow over jet, q75 / q90", flush=True)
d = fbm(64, seed=6)[:32, :48] * 14 - 2
for nl in ((5, 11, 21) if "b" in PARTS else ()):
    lv = np.linspace(0, 10, nl)
    for ext in ("both", "neither"):
        for art in ("pcolormesh", "imshow"):
            bn = mpl.colors.BoundaryNorm(lv, 256, extend=ext)
            def make(cm, ink, face, bn=bn, art=art, ext=ext):
                fg, ax = plt.subplots()
                if face: ax.set_facecolor(face)
                a = ax.pcolormesh(d, cmap=cm or "jet", norm=bn) if art == "pcolormesh" else ax.imshow(d, cmap=cm or "jet", norm=bn, interpolation="nearest")
                fg.colorbar(a, extend=ext)
                return fg, ax, bn
            ps, truth, ink, sl, _ = pics(make, quals=(("png", None), ("q75", 75), ("q90", 90)) if nl == 11 else (("png", None), ("q75", 75)))
            to01 = lambda v, bn=bn: np.where(np.isfinite(v), (np.asarray(bn(np.nan_to_num(v)), float) + 0.5) / 256, np.nan)  # noqa
            for lab, pic in ps.items():
                dec_any(f"b jet {art} {nl} levels extend {ext} {lab} by name", pic, truth[sl], "jet", sl=sl, vmin=0.0, vmax=10.0, to01=to01)
                if nl == 11: dec_any(f"b jet {art} {nl} levels extend {ext} {lab} norm=bn", pic, truth[sl], "jet", sl=sl, norm=bn, to01=to01, info=False)

print("(c) cv2 jet read as BGR, decoded as RGB", flush=True)
g = (fbm(256, seed=3)[:192] * 255).round().astype(np.uint8)
g = ((g - g.min()) / (g.max() - g.min()) * 255).astype(np.uint8)
bgr = cv2.applyColorMap(g, cv2.COLORMAP_JET)
for nm_, p in ((("opencv:jet", bgr), ("jet", bgr)) if "c" in PARTS else ()):
    v, err, ws = call(lambda: tp.decolorize(p, cmap=nm_, vmin=0, vmax=1))
    x = g / 255.0; f_ = np.isfinite(v)
    print(f"  {nm_} BGR as RGB: holes {100*(~f_).mean():.2f} %, corr with truth {np.corrcoef(v[f_], x[f_])[0,1]:.3f}, "
          f"MAE vs 1-truth {100*np.abs(v[f_] - (1 - x[f_])).mean():.2f} % | {wshort(ws, 200)}", flush=True)
    r, err, ws = call(lambda: tp.identify_colormap(p))
    print(f"  identify_colormap(BGR): {str(r[0] if r else err)[:150]} | {wshort(ws, 100)}", flush=True)

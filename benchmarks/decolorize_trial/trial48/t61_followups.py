"""Follow-ups on Part 2's failures, one small repro each, the default call beside one thing changed:
(a) the brick texture (skimage brick, the only real field t52 had that t01/t25 never used): viridis/magma/jet under
    JPEG q75/q90 (Pillow 4:2:0), WebP default, AVIF default -- holes, ratio, and what the holes' k-d answers are off by;
(b) t53's worst case (jet, 2000x3000 smooth+noise imshow in a small figure, savefig jpg): the plot area cropped out
    and decoded alone, and the PNG of the same figure JPEG'd by Pillow at q75;
(c) matlab:jet_64 on smooth fields JPEG q75: the name 'matlab:jet' (default) vs 'matlab:jet_64' vs the k-d tree;
(d) opencv:jet on the bumps field JPEG (cv2 default q95): default vs step=1 (the data are integers)."""
import io, numpy as np, cv2, matplotlib as mpl, matplotlib.pyplot as plt, imageio.v3 as iio, truepix as tp
from PIL import Image
from truepix.color import catalog
from _p3 import c, F, call, header, kd, kd_table, score, wshort

header(__doc__.splitlines()[0])
f = c.crop(c.real_fields(512)["brick"], 512)
print("(a) brick 512x512")
for m in ("viridis", "magma", "jet", "turbo"):
    ex = mpl.colormaps[m](f, bytes=True)[..., :3]
    for nm, pic in (("jpeg75", c.jpeg(ex, 75)), ("jpeg90", c.jpeg(ex, 90)), ("webp", iio.imread(iio.imwrite("<bytes>", ex, extension=".webp"))),
                    ("avif", iio.imread(iio.imwrite("<bytes>", ex, extension=".avif")))):
        r, err, ws = call(lambda: tp.Decolorizer(m, vmin=0, vmax=1).decode(pic))
        v = r.values; b = kd(m)(pic); mt, _, ht = score(v, f); mb, _, _ = score(b, f); hole = np.isnan(v)
        extra = f" k-d off at holes median {100*np.median(np.abs(b - f)[hole]):.2f}%" if hole.any() else ""
        print(f"  {m:8}{nm:7} holes {100*ht:6.2f}%  MAE {100*mt:.3f}% k-d {100*mb:.3f}% ratio {mt/mb:.2f}  jpeg {bool(r.jpeg)} noise {float(r.noise):.2f} thr {float(r.threshold):.1f}{extra}  warn: {wshort(ws, 140)}", flush=True)

print("\n(b) t53 worst case: jet smooth+noise 2000x3000 in a 6.4x4.8 figure")
rng = np.random.default_rng(3)
big = np.clip(F.smooth(2000, 3000) + rng.normal(0, 0.05, (2000, 3000)), 0, 1)
fg, ax = plt.subplots(); art = ax.imshow(100 * big - 20, cmap="jet"); fg.colorbar(art); lo, hi = art.norm.vmin, art.norm.vmax
sl = F.interior(fg, ax); truth = F.gray_truth(fg, art, sl)
out = {}
for fmt in ("png", "jpg"):
    b = io.BytesIO(); fg.savefig(b, format=fmt); out[fmt] = np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
plt.close(fg)
cases = {"savefig jpg, whole figure": out["jpg"], "savefig jpg, plot area cropped": out["jpg"][sl], "PNG -> Pillow q75, whole": c.jpeg(out["png"], 75),
         "PNG -> Pillow q90, whole": c.jpeg(out["png"], 90), "savefig png, whole": out["png"]}
for nm, pic in cases.items():
    r = tp.Decolorizer("jet", vmin=lo, vmax=hi).decode(pic)
    v = r.values if pic.shape[:2] == truth.shape else r.values[sl]
    vv = (v - lo) / (hi - lo); base = kd("jet")(pic if pic.shape[:2] == truth.shape else pic[sl])
    mt, _, ht = score(vv, truth); mb, _, _ = score(base, truth)
    print(f"  {nm:32} holes {100*ht:.3f}%  MAE {100*mt:.3f}% k-d {100*mb:.3f}% ratio {mt/mb:.2f}  jpeg {bool(r.jpeg)} noise {float(r.noise):.2f} thr {float(r.threshold):.1f}", flush=True)

print("\n(c) matlab:jet_64 smooth fields, JPEG q75")
lut = np.round(np.asarray(catalog["matlab:jet_64"].lut)[:, :3] * 255).astype(np.uint8); kb = kd_table(lut)
for fn, g in c.smooth_fields(512).items():
    pic = c.jpeg(lut[np.minimum((g * 64).astype(int), 63)], 75)
    for name in ("matlab:jet", "matlab:jet_64"):
        r = tp.Decolorizer(name, vmin=0, vmax=1).decode(pic); mt, _, ht = score(r.values, g); mb, _, _ = score(kb(pic), g)
        print(f"  {fn:10}{name:15} MAE {100*mt:.3f}% k-d {100*mb:.3f}% ratio {mt/mb:.2f} holes {100*ht:.3f}%  noise {float(r.noise):.2f}", flush=True)

print("\n(d) opencv:jet bumps, cv2 JPEG q95")
u = np.clip(np.round(c.smooth_fields(512)["bumps"] * 255), 0, 255).astype(np.uint8)
ok, buf = cv2.imencode(".jpg", cv2.applyColorMap(u, cv2.COLORMAP_JET)); rgb = cv2.cvtColor(cv2.imdecode(buf, 1), cv2.COLOR_BGR2RGB)
for kw in ({}, {"step": 1}):
    v = tp.decolorize(rgb, cmap="opencv:jet", vmin=0, vmax=255, **kw)
    print(f"  {str(kw):14} MAE {np.nanmean(np.abs(v - u)):.3f} (of 255)  exact {100*np.mean(v == u):.1f}%  holes {100*np.isnan(v).mean():.3f}%")
print("load", c.loadavg())

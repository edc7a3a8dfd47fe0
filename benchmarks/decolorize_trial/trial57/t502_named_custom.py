"""Follow-up of t500 H: identify_colormap names a catalog map for a hand-built from_list map (thermal-like ->
cmocean:thermal 0.90, navy-white-darkred -> seaborn:vlag 0.68). What a user who then decodes by that name gets:
holes, MAE against the truth, warnings. And t500 I: a transparent gray figure flattened by Pillow's convert("RGB")."""
import io
from _p10 import *  # noqa
from _p10 import header, call, wshort, fbm, pil_rgb
import numpy as np, matplotlib as mpl, matplotlib.pyplot as plt, truepix as tp
from PIL import Image

header(__doc__.splitlines()[0])
f = fbm(256, seed=57)[:192, :256]; f = (f - f.min()) / (f.max() - f.min())
k = np.clip((f * 256).astype(int), 0, 255); tr = (k + 0.5) / 256
maps = {"thermal-like": ["#042333", "#2c3395", "#744992", "#b15f82", "#eb7655", "#fbb43c", "#e8fa5b"],
        "balance-like": ["#181c43", "#0c5ebe", "#75aabe", "#f1eceb", "#d08b73", "#a52125", "#3c0912"],
        "3-colour": ["navy", "white", "darkred"]}
for name, cols in maps.items():
    cm0 = mpl.colors.LinearSegmentedColormap.from_list(name, cols)
    b = io.BytesIO(); plt.imsave(b, f, cmap=cm0, format="png", vmin=0, vmax=1); pic = pil_rgb(b.getvalue())
    r, err, ws = call(lambda: tp.identify_colormap(pic))
    top = r[0] if r else None
    print(f"{name}: identify -> {top.name if top else err} score {top.score if top else float('nan'):.3f}; top 3 "
          f"{[(x.name, round(x.score, 3)) for x in r[:3]] if r else '-'} | {wshort(ws, 100)}", flush=True)
    if top:
        v, err, ws = call(lambda: tp.decolorize(pic, cmap=top.name, vmin=0.0, vmax=1.0))
        if v is None: print(f"  decode by {top.name}: {err}"); continue
        v = np.asarray(v); ok = np.isfinite(v)
        print(f"  decode by {top.name!r}: NaN {100*(~ok).mean():.2f} %, MAE on valued {100*np.abs(v[ok]-tr[ok]).mean():.2f} % "
              f"of the range, p99 {100*np.percentile(np.abs(v[ok]-tr[ok]), 99):.2f} % | {wshort(ws, 200)}", flush=True)
        v2, _, ws2 = call(lambda: tp.decolorize(pic, cmap=cm0, vmin=0.0, vmax=1.0))
        print(f"  decode by the object: MAE {100*np.nanmean(np.abs(np.asarray(v2)-tr)):.3f} % | {wshort(ws2, 100)}", flush=True)

# gray figure saved transparent, its masked cells alpha 0, then .convert("RGB") (Pillow drops alpha: white)
d = fbm(128, seed=64)[:60, :90].copy(); yy, xx = np.mgrid[:60, :90]
dm = np.ma.masked_where((yy - 30) ** 2 / 144 + (xx - 45) ** 2 / 400 < 1, d)
fg, ax = plt.subplots(); im = ax.imshow(dm, cmap="gray", aspect="auto"); fg.colorbar(im)
b = io.BytesIO(); fg.savefig(b, format="png", transparent=True); plt.close(fg)
rgba = np.asarray(Image.open(io.BytesIO(b.getvalue()))); rgb = np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
for lab, pic in (("RGBA", rgba), ("convert RGB", rgb)):
    v, err, ws = call(lambda: tp.decolorize(pic, cmap="gray", vmin=float(im.norm.vmin), vmax=float(im.norm.vmax)))
    v = np.asarray(v); a0 = rgba[..., 3] == 0
    print(f"gray transparent {lab}: alpha-0 pixels {a0.sum()}, valued {100*np.isfinite(v[a0]).mean():.1f} % "
          f"(their values: median {np.nanmedian(v[a0]) if np.isfinite(v[a0]).any() else float('nan'):.3f} = vmax {im.norm.vmax:.3f}) | {wshort(ws, 200)}", flush=True)

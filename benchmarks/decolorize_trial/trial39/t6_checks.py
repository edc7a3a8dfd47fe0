"""Follow-ups: (a) is a 4:4:4 JPEG judged JPEG? (b) where are contourf PNG holes? (c) read_figure on a JPEG'd
figure; (d) are off-bin pixels of Wistia/Blues/Grays plt.imread pictures flagged ambiguous?
python t6_checks.py"""
import io, warnings, numpy as np
import matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image
from scipy import ndimage
import truepix as tp
from common import fields, imsave_png, pil_rgb, jpeg, baseline
warnings.simplefilter("ignore")
F = fields()
print("(a) JPEG judgement and ratio, 4:2:0 vs 4:4:4 q75 (real fields)")
for cm in ["viridis", "jet", "coolwarm"]:
    for fn in ["camera", "coffee"]:
        x = F[fn]; vmin, vmax = x.min(), x.max(); rgb = pil_rgb(imsave_png(x, cm, vmin, vmax))
        out = []
        for sub in (2, 0):
            p = jpeg(rgb, 75, sub); r = tp.Decolorizer(cm, vmin=vmin, vmax=vmax).decode(p)
            e = np.nanmean(np.abs(r.values - x)); b = np.mean(np.abs(baseline(p, cm, vmin, vmax) - x))
            out.append(f"{'4:2:0' if sub else '4:4:4'} jpeg={r.jpeg} noise={r.noise:.1f} denoised={r.denoised} ratio={e/b:.3f}")
        print(f"   {cm:8s} {fn:7s} " + " | ".join(out))
print("(b) contourf PNG without annotations: where are the NaN")
fig = plt.figure(figsize=(6, 4.5), dpi=100); ax = fig.add_axes([0.1, 0.1, 0.68, 0.8]); ax.set_axis_off()
d = F["smooth"]; levels = np.linspace(-12, 21, 12)
ax.contourf(d, levels=levels, cmap="viridis")
b = io.BytesIO(); fig.savefig(b, format="png"); plt.close(fig)
a = np.asarray(Image.open(b).convert("RGB"))
v = tp.decolorize(a, cmap="viridis", vmin=-12, vmax=21)
tab = plt.get_cmap("viridis")(plt.Normalize(-12, 21)((levels[:-1] + levels[1:]) / 2), bytes=True)[:, :3].astype(int)
dist = np.abs(a[:, :, None, :].astype(int) - tab[None, None]).max(-1).min(-1)
white = (a == 255).all(-1)
nan = np.isnan(v) & ~white
print(f"   NaN on non-white pixels {100*nan.sum()/(~white).sum():.2f}%; of those, {100*(dist[nan] > 0).mean():.0f}% are not a layer color "
      f"(blends on layer boundaries: median {np.median(dist[nan]):.0f} DN from nearest layer color)")
Image.fromarray(np.where(nan[..., None], [255, 0, 0], a).astype(np.uint8)).save("contourf_nan_red.png")
print("(c) read_figure on a pcolormesh figure: PNG and JPEG q75")
dd = F["terrain"][::16, ::16]
fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
im = ax.pcolormesh(dd, cmap="viridis", vmin=0, vmax=4000); fig.colorbar(im, label="height [m]")
b = io.BytesIO(); fig.savefig(b, format="png"); plt.close(fig)
png = b.getvalue(); b2 = io.BytesIO(); Image.open(io.BytesIO(png)).convert("RGB").save(b2, "JPEG", quality=75)
for name, blob in [("png", png), ("jpeg q75", b2.getvalue())]:
    try:
        rd = tp.read_figure(blob); a = np.asarray(rd.panels[0].data)
        at = rd.panels[0].data.attrs
        msg = f"shape {a.shape} vmin/vmax {at.get('vmin')}/{at.get('vmax')} cmap {at.get('cmap')}"
        if a.shape == dd.shape:
            e = min(np.nanmax(np.abs(a - dd)), np.nanmax(np.abs(a[::-1] - dd)))
            msg += f" max err {e:.1f} m (bin {4000/256:.1f}), NaN {100*np.isnan(a).mean():.1f}%"
        print(f"   {name}: {msg}")
    except Exception as ex:
        print(f"   {name}: {type(ex).__name__}: {str(ex)[:200]}")
print("(d) off-bin pixels flagged ambiguous? plt.imsave -> plt.imread of a ramp")
x = np.linspace(0, 1, 64 * 64).reshape(64, 64)
for cm in ["Wistia", "Blues", "Grays", "viridis", "vanimo"]:
    b = io.BytesIO(); plt.imsave(b, x, cmap=cm, vmin=0, vmax=1, format="png"); p = plt.imread(io.BytesIO(b.getvalue()))
    r = tp.Decolorizer(cm, vmin=0, vmax=1).decode(p); e = np.abs(r.values - x) * 256
    off = e > 0.5 + 1e-6
    print(f"   {cm:8s} off-bin {100*off.mean():.1f}%, of them ambiguous {100*r.ambiguous[off].mean() if off.any() else 0:.0f}%, max {e.max():.2f} bins")
print("(e) RGBA picture drawn at alpha 0.5 by plt.imsave of an RGBA array")
x = F["terrain"]; rgba = plt.get_cmap("viridis")(plt.Normalize(x.min(), x.max())(x)); rgba[..., 3] = 0.5
b = io.BytesIO(); plt.imsave(b, rgba, format="png"); p = np.asarray(Image.open(b))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always"); v = tp.decolorize(p, cmap="viridis", vmin=x.min(), vmax=x.max())
print(f"   alpha byte {np.unique(p[..., 3])}, NaN {100*np.isnan(v).mean():.0f}%, warnings: {[str(i.message)[:120] for i in w]}")

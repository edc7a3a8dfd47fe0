"""Follow-up of t121 C1: a continuous terrain imshow figure, JPEG'd, warns "only 12 colors of 'terrain', those of a field drawn
in 12 levels ... pass cmap=plt.get_cmap('terrain', 12)". Which figures warn (horizontal / vertical / no colorbar, the bare
picture, viridis), at q75 / q90, and what following the hint costs (ratio to the k-d tree, default call vs the hint's map)."""
import io, warnings, numpy as np, matplotlib.pyplot as plt, truepix as tp
from PIL import Image
from _p7 import c, kd, call, wshort, header, fbm, redraw_truth, plot_slice, mscore

header(__doc__.splitlines()[0])
z = fbm(256, seed=5)[:160] * 2500
for m in ("terrain", "viridis", "gist_earth"):
    for bar in ("horizontal", "vertical", "none"):
        for q in (75, 90):
            fg, ax = plt.subplots(); im = ax.imshow(z, origin="lower", extent=(0, 30, -10, 10), aspect="auto", cmap=m, vmin=0, vmax=2500)
            if bar != "none": fg.colorbar(im, ax=ax, orientation=bar)
            b = io.BytesIO(); fg.savefig(b, format="png", dpi=100); png = np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
            pic = c.jpeg(png, q); tr, _ = redraw_truth(fg, [im]); sl = plot_slice(fg, ax, pic.shape); tr = tr[sl]; plt.close(fg)
            v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=2500))
            mt, pt, ht = mscore(v[sl] / 2500, tr); mb, pb, _ = mscore(kd(m)(pic[sl]), tr)
            lv = [w for w in ws if "levels" in w]
            extra = ""
            if lv:
                v2, _, _ = call(lambda: tp.decolorize(pic, cmap=plt.get_cmap(m, 12), vmin=0, vmax=2500))
                m2, p2, h2 = mscore(v2[sl] / 2500, tr); extra = f" | following the hint: holes {100*h2:.3f}% ratio {m2/mb:.2f} p99 {100*p2:.2f}"
            print(f"{m:10} bar {bar:10} q{q}: holes {100*ht:.3f}% ratio {mt/mb:.2f} p99 {100*pt:.2f}/{100*pb:.2f} levels-warning {'YES' if lv else 'no'}{extra}", flush=True)
bare = c.render(z / 2500, "terrain")
for q in (75, 90):
    pic = c.jpeg(bare, q); v, err, ws = call(lambda: tp.decolorize(pic, cmap="terrain", vmin=0, vmax=2500))
    print(f"terrain bare picture q{q}: levels-warning {'YES' if any('levels' in w for w in ws) else 'no'} | {wshort(ws)}", flush=True)

"""Follow-up of t127: ocean with a horizontal colorbar, JPEG q75, has 0.92 % holes (vertical bar / none: 0 %). Where they lie
(distance to the plot's edges; rows / columns), the decoder's judgement, and the same with seeds of the field, q70/q80."""
import io, numpy as np, matplotlib.pyplot as plt, truepix as tp
from PIL import Image
from _p7 import c, kd, call, wshort, header, fbm, redraw_truth, plot_slice, mscore

header(__doc__.splitlines()[0])
for seed in (5, 6, 7):
    z = fbm(256, seed=seed)[:160] * 2500
    for bar in ("horizontal", "vertical", None):
        for q in (70, 75, 80):
            fg, ax = plt.subplots(); im = ax.imshow(z, origin="lower", aspect="auto", cmap="ocean", vmin=0, vmax=2500)
            if bar: fg.colorbar(im, ax=ax, orientation=bar)
            b = io.BytesIO(); fg.savefig(b, format="png", dpi=100); png = np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
            pic = c.jpeg(png, q); tr, _ = redraw_truth(fg, [im]); sl = plot_slice(fg, ax, pic.shape); tr = tr[sl]; plt.close(fg)
            v, err, ws = call(lambda: tp.decolorize(pic, cmap="ocean", vmin=0, vmax=2500)); r = tp.Decolorizer("ocean", vmin=0, vmax=2500).decode(pic)
            mt, pt, ht = mscore(v[sl] / 2500, tr); mb, pb, _ = mscore(kd("ocean")(pic[sl]), tr)
            hv = np.isnan(v[sl]) & np.isfinite(tr); H, W = hv.shape; yy, xx = np.nonzero(hv)
            where = ""
            if len(yy):
                d = np.minimum.reduce([yy, H - 1 - yy, xx, W - 1 - xx]); tv = tr[hv]
                where = f" | hole px {len(yy)}: within 5 px of an edge {100*np.mean(d <= 5):.0f}%, true value q10/50/90 {np.percentile(tv, [10, 50, 90]).round(2).tolist()}"
            print(f"seed {seed} bar {str(bar):10} q{q}: holes {100*ht:.3f}% ratio {mt/mb:.2f} p99 {100*pt:.2f}/{100*pb:.2f} | jpeg {r.jpeg} noise {float(r.noise):.2f} thr {float(r.threshold):.1f}{where} | {wshort(ws, 80)}", flush=True)

"""Follow-up of t124: which maps get the false "drawn in N levels" warning on a continuous imshow figure with a colorbar
(t124's fBm in metres, vertical and horizontal bar, JPEG q75 and q90), and what following its hint (get_cmap(name, N)) costs."""
import io, re, numpy as np, matplotlib.pyplot as plt, truepix as tp
from PIL import Image
from _p7 import c, kd, call, header, fbm, redraw_truth, plot_slice, mscore

header(__doc__.splitlines()[0])
z = fbm(256, seed=5)[:160] * 2500; n_warn = 0; n = 0
for m in ("terrain", "gist_earth", "ocean", "cubehelix", "nipy_spectral", "gist_ncar", "gist_stern", "Spectral", "RdYlBu", "coolwarm",
          "jet", "turbo", "rainbow", "hsv", "twilight", "magma", "cividis", "YlGnBu", "PuOr", "CMRmap", "brg", "Paired"):
    out = []
    for bar in ("vertical", "horizontal"):
        for q in (75, 90):
            fg, ax = plt.subplots(); im = ax.imshow(z, origin="lower", aspect="auto", cmap=m, vmin=0, vmax=2500); fg.colorbar(im, ax=ax, orientation=bar)
            b = io.BytesIO(); fg.savefig(b, format="png", dpi=100); png = np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
            pic = c.jpeg(png, q); tr, _ = redraw_truth(fg, [im]); sl = plot_slice(fg, ax, pic.shape); tr = tr[sl]; plt.close(fg)
            v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=2500))
            mt, pt, ht = mscore(v[sl] / 2500, tr); mb, pb, _ = mscore(kd(m)(pic[sl]), tr)
            lv = [w for w in ws if "levels" in w]; n += 1; s = f"{bar[0]}{q}: {100*ht:.3f}% {mt/mb:.2f}x"
            if lv:
                n_warn += 1; k = int(re.search(r"only (\d+) colors", lv[0]).group(1)) if re.search(r"only (\d+) colors", lv[0]) else None
                if k:
                    v2, _, _ = call(lambda: tp.decolorize(pic, cmap=plt.get_cmap(m, k), vmin=0, vmax=2500)); m2, p2, h2 = mscore(v2[sl] / 2500, tr)
                    s += f" WARN {k} levels -> hint {100*h2:.2f}% {m2/mb:.1f}x"
                else: s += f" WARN ({lv[0][:60]})"
            out.append(s)
    print(f"{m:14} " + " | ".join(out), flush=True)
print(f"\nlevels warning on {n_warn} of {n} continuous figures")

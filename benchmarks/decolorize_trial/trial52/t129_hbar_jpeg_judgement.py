"""Follow-up of t128: is ocean the only map whose JPEG'd figure with a horizontal colorbar is judged "not JPEG"? t127's fBm
figure (seed 5), 22 maps, horizontal and vertical bar, JPEG q75: the Decolorizer's .jpeg / .noise / .threshold and holes."""
import io, numpy as np, matplotlib.pyplot as plt, truepix as tp
from PIL import Image
from _p7 import c, kd, call, header, fbm, redraw_truth, plot_slice, mscore

header(__doc__.splitlines()[0])
z = fbm(256, seed=5)[:160] * 2500; bad = []
for m in ("terrain", "gist_earth", "ocean", "cubehelix", "nipy_spectral", "gist_ncar", "gist_stern", "Spectral", "RdYlBu", "coolwarm",
          "jet", "turbo", "rainbow", "hsv", "twilight", "magma", "cividis", "YlGnBu", "PuOr", "CMRmap", "brg", "viridis"):
    out = []
    for bar in ("horizontal", "vertical"):
        fg, ax = plt.subplots(); im = ax.imshow(z, origin="lower", aspect="auto", cmap=m, vmin=0, vmax=2500); fg.colorbar(im, ax=ax, orientation=bar)
        b = io.BytesIO(); fg.savefig(b, format="png", dpi=100); png = np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
        pic = c.jpeg(png, 75); tr, _ = redraw_truth(fg, [im]); sl = plot_slice(fg, ax, pic.shape); tr = tr[sl]; plt.close(fg)
        r, err, ws = call(lambda: tp.Decolorizer(m, vmin=0, vmax=2500).decode(pic))
        mt, pt, ht = mscore(r.values[sl] / 2500, tr); mb, pb, _ = mscore(kd(m)(pic[sl]), tr)
        out.append(f"{bar[0]}: jpeg {str(bool(r.jpeg)):5} noise {float(r.noise):.2f} thr {float(r.threshold):4.1f} holes {100*ht:.3f}% {mt/mb:.2f}x")
        if not r.jpeg: bad.append((m, bar))
    print(f"{m:14} " + " | ".join(out), flush=True)
print(f"\njudged not JPEG: {bad}")

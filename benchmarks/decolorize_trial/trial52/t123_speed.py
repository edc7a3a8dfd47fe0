"""Part 2 (d): warm CPU per megapixel of the default call on what Part 2 met: a 1 MP bare viridis / jet fBm picture (PNG and
JPEG q75), a 640x480 figure (imshow + colorbar, PNG / JPEG q75), t112's bilinear noisy jet figure (JPEG q75), t121's C3
pcolormesh+coastlines (JPEG q75) and a HiDPI LANCZOS 0.5x figure; median of 5 calls after one warm-up; the k-d tree beside."""
import io, numpy as np, matplotlib.pyplot as plt, truepix as tp
from PIL import Image
from _p7 import c, kd, header, cpu, fbm

header(__doc__.splitlines()[0])
def fig_pic(draw, q=None, dpi=100, half=False):
    fg, ax = plt.subplots(); art = draw(ax); fg.colorbar(art, ax=ax)
    b = io.BytesIO(); fg.savefig(b, format="png", dpi=dpi); plt.close(fg)
    p = np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
    if half: p = np.asarray(Image.fromarray(p).resize((p.shape[1] // 2, p.shape[0] // 2), Image.LANCZOS))
    return c.jpeg(p, q) if q else p
f = fbm(1024, seed=1); rng = np.random.default_rng(2)
y, x = np.mgrid[0:120, 0:150] / 150; noisy = c.norm01(np.sin(5 * x) * np.cos(3 * y) + 0.4 * rng.normal(size=(120, 150)))
cases = [("bare 1MP viridis png", c.render(f, "viridis"), "viridis"), ("bare 1MP viridis jpeg75", c.jpeg(c.render(f, "viridis"), 75), "viridis"),
         ("bare 1MP jet png", c.render(f, "jet"), "jet"), ("bare 1MP jet jpeg75", c.jpeg(c.render(f, "jet"), 75), "jet"),
         ("figure viridis png", fig_pic(lambda ax: ax.imshow(f[:400], cmap="viridis", vmin=0, vmax=1)), "viridis"),
         ("figure viridis jpeg75", fig_pic(lambda ax: ax.imshow(f[:400], cmap="viridis", vmin=0, vmax=1), 75), "viridis"),
         ("figure bilinear noisy jet jpeg75", fig_pic(lambda ax: ax.imshow(noisy, cmap="jet", vmin=0, vmax=1, interpolation="bilinear"), 75), "jet"),
         ("figure pcolormesh RdBu_r jpeg75", fig_pic(lambda ax: ax.pcolormesh(f[:90, :180] * 6 - 3, cmap="RdBu_r", vmin=-3, vmax=3), 75), "RdBu_r"),
         ("figure viridis hidpi lanczos0.5", fig_pic(lambda ax: ax.imshow(f[:400], cmap="viridis", vmin=0, vmax=1), dpi=200, half=True), "viridis")]
print(f"{'case':36}{'MP':>6}{'tp ms/MP':>10}{'kd ms/MP':>10}  holes%")
for tag, p, m in cases:
    mp = p.shape[0] * p.shape[1] / 1e6; lo, hi = (-3, 3) if m == "RdBu_r" else (0, 1)
    tp.decolorize(p, cmap=m, vmin=lo, vmax=hi); ts = []
    for _ in range(5): t0 = cpu(); v = tp.decolorize(p, cmap=m, vmin=lo, vmax=hi); ts.append(cpu() - t0)
    k = kd(m); t0 = cpu(); k(p); tk = cpu() - t0
    print(f"{tag:36}{mp:6.2f}{1000*np.median(ts)/mp:10.1f}{1000*tk/mp:10.1f}  {100*np.isnan(v).mean():.3f}", flush=True)

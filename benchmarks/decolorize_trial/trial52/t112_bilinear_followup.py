"""Part 1 #1 follow-up (t102 ran out of its 600 s at load 10-12 after the turbo rows): imshow(interpolation="bilinear") of a
120x150 noisy array (t102's small(), noise 0.4), colorbar, JPEG q75: whole figure vs the plot area cropped, seeds 0-3, jet /
turbo / viridis; CPU per decode (3 repeats of the same decolorize call on the seed-2 jet figure)."""
import numpy as np, matplotlib.pyplot as plt, truepix as tp
from _p7 import c, kd, call, wshort, header, cpu, fig_truth, line, LHEAD

header(__doc__.splitlines()[0])
def small(h, w, amp, seed=2):
    rng = np.random.default_rng(seed); y, x = np.mgrid[0:h, 0:w] / max(h, w)
    return c.norm01(np.sin(5 * x) * np.cos(3 * y) + amp * rng.normal(size=(h, w)))
print(LHEAD)
for m in ("jet", "turbo", "viridis"):
    for seed in (0, 1, 2, 3):
        a = small(120, 150, 0.4, seed)
        fg, ax = plt.subplots(); art = ax.imshow(a, cmap=m, vmin=0, vmax=1, interpolation="bilinear"); fg.colorbar(art, ax=ax)
        pic, (sl,), (tr,), raw = fig_truth(fg, [art], "jpg", q=75); plt.close(fg)
        t0 = cpu(); v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=1)); dt = cpu() - t0
        line(f"{m} seed{seed} q75 figure", v[sl], tr, kd(m)(pic[sl]), f"{dt:.2f}s", ws)
        crop = np.ascontiguousarray(pic[sl]); t0 = cpu(); vc, err, ws = call(lambda: tp.decolorize(crop, cmap=m, vmin=0, vmax=1)); dt = cpu() - t0
        line(f"{m} seed{seed} q75 plot area only", vc, tr, kd(m)(crop), f"{dt:.2f}s", ws)
        if (m, seed) == ("jet", 2):
            ts = []
            for _ in range(3): t0 = cpu(); tp.decolorize(pic, cmap=m, vmin=0, vmax=1); ts.append(cpu() - t0)
            print(f"   repeat CPU of the same call on the {pic.shape} figure: {[round(t, 2) for t in ts]} s", flush=True)

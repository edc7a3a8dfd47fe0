"""Part 2, more figures (t160's case() by import): K imshow upsampled with interpolation="bilinear",
interpolation_stage="rgba" (colours blended, not data); L a masked field with the bad colour set (gray / lightgray), 30 %
masked; O maps whose low end is near white (Blues, Greys, YlGnBu, Reds) on a white figure, imshow and hist2d; P
savefig(bbox_inches="tight", pad_inches=0): the plot area at the picture's edge."""
import os
os.environ["ONLY"] = "-"  # t160's own cases off: only its helpers
import numpy as np
import t160_figs as T
from _p8 import header, HEAD8, fbm, summary, pil_rgb, fig_bytes, truth_of_gray, dec_any
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt, matplotlib as mpl

header("t163 more figures")
print(HEAD8, flush=True)
ONLY = os.environ.get("ONLY2", "KLOP")
if "K" in ONLY:
    y, x = np.mgrid[0:40, 0:50]; z = np.sin(x / 6.0) * np.cos(y / 5.0) + 0.3 * np.sin(x * y / 90.0)
    for m in ("jet", "viridis", "RdBu_r"):
        for stage in ("rgba", "data"):
            fg, ax = plt.subplots(); im = ax.imshow(z, cmap=m, vmin=-1.3, vmax=1.3, interpolation="bilinear", interpolation_stage=stage)
            fg.colorbar(im)
            T.case(f"K bilinear stage={stage} {m}", fg, ax, [im], [], m, dict(vmin=-1.3, vmax=1.3))
if "L" in ONLY:
    f = fbm(200, seed=15); mask = fbm(200, seed=16) > 0.62
    print(f"# L masked share {mask.mean():.3f}", flush=True)
    for m, bad in (("viridis", "gray"), ("jet", "lightgray"), ("magma", "0.5")):
        cm = mpl.colormaps[m].with_extremes(bad=bad)
        fg, ax = plt.subplots(); im = ax.imshow(np.ma.masked_array(f, mask), cmap=cm, vmin=0, vmax=1); fg.colorbar(im)
        T.case(f"L bad={bad} {m} (by name)", fg, ax, [im], [], m, dict(vmin=0.0, vmax=1.0))
if "O" in ONLY:
    f = fbm(200, seed=17)
    for m in ("Blues", "Greys", "YlGnBu", "Reds"):
        fg, ax = plt.subplots(); im = ax.imshow(f, cmap=m, vmin=0, vmax=1); fg.colorbar(im)
        T.case(f"O imshow {m} (light end)", fg, ax, [im], [], m, dict(vmin=0.0, vmax=1.0))
    rng = np.random.default_rng(5); xs = rng.normal(size=100000); ys = 0.5 * xs + rng.normal(size=xs.size)
    for m in ("Blues", "YlOrRd"):
        fg, ax = plt.subplots(); h, xe, ye, im = ax.hist2d(xs, ys, bins=60, cmap=m); fg.colorbar(im)
        T.case(f"O hist2d {m} (0 counts = light end)", fg, ax, [im], [], m, dict(vmin=float(im.norm.vmin), vmax=float(im.norm.vmax)),
               to01=lambda v, N=im.norm: np.asarray(N(v), float))
if "P" in ONLY:
    f = fbm(200, seed=18)
    for m in ("jet", "viridis"):
        fg, ax = plt.subplots(); im = ax.imshow(f, cmap=m, vmin=0, vmax=1); ax.set_axis_off()
        tight = {"bbox_inches": "tight", "pad_inches": 0}
        ps = {t: pil_rgb(fig_bytes(fg, "png" if t == "png" else "jpeg", dpi=100, **tight, **k))
              for t, k in (("png", {}), ("jpeg q75", {"pil_kwargs": {"quality": 75}}))}
        im.set_cmap("gray"); tr = truth_of_gray(pil_rgb(fig_bytes(fg, "png", dpi=100, **tight)))
        for t, pic in ps.items():
            print(f"#   P {m} {t}: picture {pic.shape}, gray redraw {tr.shape}", flush=True)
            dec_any(f"P tight pad 0, no axes {m} {t}", pic, tr, m, vmin=0.0, vmax=1.0, rows=T.rows.setdefault("P", []))
        plt.close(fg)
print()
for k, rs in T.rows.items():
    summary(rs, k)

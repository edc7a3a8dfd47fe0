"""(2) maps of a few levels: plt.get_cmap(name, N) imsave pictures and BoundaryNorm imshow figures,
decoded with the plain name (does the hint fire, does it name the fix, does following it help?)."""
import numpy as np, matplotlib.colors as mc
from common import *
F = fields(256)["camera"]; vmin, vmax = 0.0, 100.0
for name in ["viridis", "jet", "RdBu_r"]:
    for N in [5, 8, 12]:
        cmN = plt.get_cmap(name, N)
        lvl = np.clip(np.floor((F - vmin) / (vmax - vmin) * N), 0, N - 1)
        truth = vmin + (lvl + 0.5) / N * (vmax - vmin)        # level middles: what the drawn picture can say
        png = (cmN(mc.Normalize(vmin, vmax)(F), bytes=True)[..., :3])
        for fmt, pic in [("png", png), ("jpg75", jpeg(png, 75))]:
            for how, c in [("name", name), ("objN", cmN)]:
                r, w, err, dt = dec(pic, c, vmin, vmax)
                if err: print(name, N, fmt, how, "ERROR", err); continue
                m = metrics(r.values, truth, vmin, vmax)
                mx = np.nanmax(np.abs(r.values - truth)) / (vmax - vmin) * 100
                print(f"{name:7s} N={N:2d} {fmt:5s} {how:5s} NaN {m['nan']:.2f}% mean {m['mean']:.2f} max {mx:.2f} (half level {50/N:.2f}) amb {r.ambiguous.mean():.1%} {dt:.2f}s")
                for x in w: print("    W", x)
    # BoundaryNorm, uneven boundaries, figure crop, plain name vs with norm
    b = [0, 10, 20, 35, 50, 70, 100]; norm = mc.BoundaryNorm(b, 256)
    fig = plt.figure(figsize=(2.56, 2.56), dpi=100); ax = fig.add_axes([0, 0, 1, 1]); ax.set_axis_off()
    ax.imshow(F, cmap=name, norm=norm, interpolation="nearest"); pic = savefig_arr(fig); plt.close(fig)
    idx = np.clip(np.digitize(F, b) - 1, 0, len(b) - 2); truth = np.array([(b[i] + b[i + 1]) / 2 for i in range(len(b) - 1)])[idx]
    for fmt, p in [("png", pic), ("jpg75", jpeg(pic, 75))]:
        for how, kw in [("name+vmin/vmax", dict(vmin=0.0, vmax=100.0)), ("norm=BN", dict(norm=norm))]:
            import truepix as tp
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter("always")
                try:
                    v = tp.decolorize(p, cmap=name, **kw); m = metrics(v, truth, 0, 100)
                    mx = np.nanmax(np.abs(v - truth))
                    print(f"{name:7s} BoundaryNorm {fmt:5s} {how:15s} NaN {m['nan']:.2f}% mean {m['mean']:.2f} max {mx:.2f}")
                except Exception as e: print(name, "BN", fmt, how, "ERROR", type(e).__name__, str(e)[:200])
            for x in w: print("    W", x.category.__name__, str(x.message)[:260])

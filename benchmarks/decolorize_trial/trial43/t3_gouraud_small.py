"""(a) pcolormesh gouraud figures and contourf figures, savefig PNG -> Pillow JPEG q75/q90; (b) small pictures 32-64 px JPEG/WebP."""
import sys, numpy as np
from common import *
import matplotlib.pyplot as plt
from scipy.interpolate import RegularGridInterpolator
from skimage.transform import resize
part = sys.argv[1] if len(sys.argv) > 1 else "ab"
FS = fields(256)
def norm01(f): return (f - f.min()) / np.ptp(f) * 100
if "a" in part:
    n = 256
    for fname in ["camera", "terrain"]:
        nodes = resize(norm01(FS[fname]), (20, 20), anti_aliasing=True)
        # gouraud: truth = bilinear node values at pixel centres (the colors are interpolated, not the values)
        xs = np.linspace(0, 1, 20)
        fig = plt.figure(figsize=(n / 100, n / 100), dpi=100); ax = fig.add_axes([0, 0, 1, 1]); ax.set_axis_off()
        for name in ["jet", "viridis", "turbo", "RdBu_r"]:
            ax.clear(); ax.set_axis_off()
            ax.pcolormesh(xs, xs, nodes, shading="gouraud", cmap=name, vmin=0, vmax=100); ax.set_xlim(0, 1); ax.set_ylim(0, 1)
            png = savefig_arr(fig)
            pc = (np.arange(n) + .5) / n
            tr = RegularGridInterpolator((xs, xs), nodes)(np.stack(np.meshgrid(pc, pc, indexing="ij"), -1))[::-1]
            for form in ["png", "q90", "q75"]:
                pic = png if form == "png" else jpeg(png, int(form[1:]))
                r, w, e, dt = dec(pic, name, 0, 100)
                if e: print(f"gouraud {fname} {name} {form}: ERROR {e}"); continue
                kd = metrics(baseline(pic, name, 0, 100), tr, 0, 100); m = metrics(r.values, tr, 0, 100)
                print(f"gouraud {fname:7s} {name:7s} {form}: NaN {m['nan']:.2f}% meanH {m['mean_h']:.3f} kd {kd['mean']:.3f} ratio {m['mean_h']/kd['mean']:.2f} p99 {m['p99']:.2f} kd {kd['p99']:.2f} jpeg={r.jpeg} thr {r.threshold:.0f} {dt:.2f}s warn {len(w)}")
                for x in w: print("   W:", x[:220])
        plt.close(fig)
        # contourf, 10 bands, norm given
        f = norm01(FS[fname])
        levels = np.linspace(0, 100, 11)
        for name in ["jet", "viridis", "RdBu_r"]:
            fig = plt.figure(figsize=(n / 100, n / 100), dpi=100); ax = fig.add_axes([0, 0, 1, 1]); ax.set_axis_off()
            ax.contourf(f, levels=levels, cmap=name, norm=plt.Normalize(0, 100)); ax.set_xlim(0, n - 1); ax.set_ylim(0, n - 1)
            png = savefig_arr(fig); plt.close(fig)
            tr = np.clip(np.floor(f / 10), 0, 9)[::-1] * 10 + 5
            for form in ["png", "q90", "q75"]:
                pic = png if form == "png" else jpeg(png, int(form[1:]))
                r, w, e, dt = dec(pic, name, 0, 100)
                if e: print(f"contourf {fname} {name} {form}: ERROR {e}"); continue
                kd = metrics(baseline(pic, name, 0, 100), tr, 0, 100); m = metrics(r.values, tr, 0, 100)
                fix = [x for x in w if "BoundaryNorm" in x or "get_cmap(" in x]
                print(f"contourf {fname:7s} {name:7s} {form}: NaN {m['nan']:.2f}% meanH {m['mean_h']:.3f} kd {kd['mean']:.3f} ratio {m['mean_h']/kd['mean']:.2f} {dt:.2f}s warn {len(w)} levels-advice {len(fix)}")
                for x in w: print("   W:", x[:300])
                for x in fix:
                    import re
                    mm = re.search(r"norm=(BoundaryNorm\(\[[^\]]*\], ncolors=\d+\))", x)
                    if mm:
                        from matplotlib.colors import BoundaryNorm
                        import truepix as tp
                        v = tp.decolorize(pic, cmap=name, norm=eval(mm.group(1)))
                        m2 = metrics(v, tr, 0, 100); print(f"   advice {mm.group(1)}: NaN {m2['nan']:.2f}% meanH {m2['mean_h']:.3f}")
if "b" in part:
    for s in [32, 40, 48, 64]:
        for fname in ["smooth", "terrain", "camera"]:
            f = norm01(resize(FS[fname], (s, s), anti_aliasing=True))
            for name in ["jet", "RdBu_r", "viridis", "turbo"]:
                png = plt.get_cmap(name)(f / 100, bytes=True)[..., :3]
                for form in ["q75", "q90", "webp75", "webp50"]:
                    pic = jpeg(png, int(form[1:])) if form[0] == "q" else webp(png, int(form[4:]))
                    r, w, e, dt = dec(pic, name, 0, 100)
                    if e: print(f"small {s} {fname} {name} {form}: ERROR {e}"); continue
                    kd = metrics(baseline(pic, name, 0, 100), f, 0, 100); m = metrics(r.values, f, 0, 100)
                    flag = " <<" if m['nan'] > 0.2 or m['mean_h'] > kd['mean'] else ""
                    print(f"small {s} {fname:7s} {name:7s} {form:6s}: NaN {m['nan']:.2f}% meanH {m['mean_h']:.3f} kd {kd['mean']:.3f} ratio {m['mean_h']/kd['mean']:.2f} p99 {m['p99_h']:.1f} kd {kd['p99']:.1f} warn {len(w)}{flag}")
                    for x in w: print("   W:", x[:200])

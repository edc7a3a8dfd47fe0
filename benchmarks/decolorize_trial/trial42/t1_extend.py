"""(1) extend colors: with_extremes over/under; plt.imsave PNG/JPEG and imshow(extend='both') colorbar
figures PNG/JPEG; decoded with the Colormap object and with the plain name."""
import sys, numpy as np
from common import *
F = fields(256)["terrain"]            # 200..4000
vmin, vmax = 1000.0, 3500.0
inr = (F >= vmin) & (F <= vmax); ov = F > vmax; un = F < vmin
print(f"terrain: in-range {inr.mean():.1%} over {ov.mean():.1%} under {un.mean():.1%}")
truth = np.clip(F, vmin, vmax)
maps = sys.argv[1:] or ["jet", "viridis", "RdBu_r"]
for name in maps:
    for o, u in [("magenta", "cyan"), ("white", "black")]:
        cm = plt.get_cmap(name).with_extremes(over=o, under=u)
        b = io.BytesIO(); plt.imsave(b, F, cmap=cm, vmin=vmin, vmax=vmax, format="png")
        from PIL import Image
        png = np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
        # figure: imshow + colorbar(extend='both'); axes placed at exact pixels (256x256 at 100 dpi)
        fig = plt.figure(figsize=(4.2, 3.2), dpi=100)
        ax = fig.add_axes([20 / 420, 40 / 320, 256 / 420, 256 / 320]); ax.set_axis_off()
        im = ax.imshow(F, cmap=cm, vmin=vmin, vmax=vmax, interpolation="nearest")
        cax = fig.add_axes([300 / 420, 40 / 320, 15 / 420, 256 / 320]); fig.colorbar(im, cax=cax, extend="both")
        figpng = savefig_arr(fig, "png"); figjpg = savefig_arr(fig, "jpg", pil_kwargs={"quality": 85}); plt.close(fig)
        H = figpng.shape[0]; y0 = H - 40 - 256; sl = (slice(y0, y0 + 256), slice(20, 276))
        assert np.array_equal(figpng[sl], png), "figure crop != imsave (placement)"
        cases = {"imsave_png": (png, None), "imsave_jpg85": (jpeg(png, 85), None),
                 "fig_png": (figpng, sl), "fig_jpg85": (figjpg, sl)}
        for cname, (pic, s) in cases.items():
            for how, c in [("object", cm), ("name", name)]:
                r, w, err, dt = dec(pic, c, vmin, vmax)
                tag = f"{name:7s} {o[:3]}/{u[:3]} {cname:12s} {how:6s}"
                if err: print(tag, "ERROR", err); continue
                v = r.values if s is None else r.values[s]
                rov = r.over if s is None else r.over[s]; run = r.under if s is None else r.under[s]
                m = metrics(v, truth, vmin, vmax, inr)
                bl = metrics(baseline(pic if s is None else pic[s], name, vmin, vmax), truth, vmin, vmax, inr)
                ov_ok = np.mean(np.abs(v[ov] - vmax) < 0.005 * (vmax - vmin)); un_ok = np.mean(np.abs(v[un] - vmin) < 0.005 * (vmax - vmin))
                print(f"{tag} inrange NaN {m['nan']:.2f}% mean {m['mean']:.3f} p99 {m['p99']:.2f} meanH {m['mean_h']:.3f} (kd {bl['mean']:.3f})"
                      f" | over: at vmax {ov_ok:.1%} marked {rov[ov].mean():.1%} NaN {np.isnan(v[ov]).mean():.1%} falsemark {rov[~ov].mean():.2%}"
                      f" | under: at vmin {un_ok:.1%} marked {run[un].mean():.1%} NaN {np.isnan(v[un]).mean():.1%} falsemark {run[~un].mean():.2%} | {dt:.2f}s")
                for x in w: print("    W", x)

"""Follow-ups of t160. (a) C: coloured contour lines over imshow(gray): holes on the gray data by distance to the lines,
PNG / q75 / q90, lines by a map (jet) or one colour (red, black, white), and the picture without lines. (b) H: ax.grid
over imshow(jet / viridis) JPEG: holes by distance to the gridlines. (c) G: imshow(alpha=0.8) decoded by name without
alpha=, diverging maps, PNG / q75 / q90: holes, MAE, and whether any warning is given."""
import numpy as np
from scipy.ndimage import distance_transform_edt
from _p8 import header, pil_rgb, fig_bytes, fbm, redraw_truth, plot_slice, call, wshort, kd, mscore
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import truepix as tp

Q = (("png", {}), ("q75", {"pil_kwargs": {"quality": 75}}), ("q90", {"pil_kwargs": {"quality": 90}}))


def by_dist(tag, pic, truth, ink, m, kw, sl):
    v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, **kw))
    lo, hi = kw.get("vmin", 0), kw.get("vmax", 1)
    v = v[sl]; t = truth[sl]; d = distance_transform_edt(~ink[sl]); data = np.isfinite(t); hole = np.isnan(v)
    parts = []
    for a, b in ((0, 2), (2, 5), (5, 1e9)):
        s = data & (d > a) & (d <= b)
        parts.append(f"{a}-{b if b < 1e9 else 'inf'} px: {100*hole[s].mean():6.2f} % of {s.sum():6d}")
    est = (v - lo) / (hi - lo); mt, pt, ht = mscore(est, t); mb, pb, _ = mscore(kd(m)(pic[sl]), t)
    fl = 100 * hole[ink[sl]].mean() if ink[sl].any() else float("nan")
    print(f"{tag:44} holes {100*ht:6.3f} % ratio {mt/mb:5.2f} | {' | '.join(parts)} | lines flagged {fl:5.1f} % | {wshort(ws, 100)}", flush=True)


def main():
    header("t162 follow-ups: contours over gray, gridlines over jet, alpha=0.8 diverging maps")
    f = fbm(256, seed=11)
    for lines in ("none", "cmap=jet", "colors=red", "colors=k", "colors=w"):
        fg, ax = plt.subplots(); im = ax.imshow(f, cmap="gray", vmin=0, vmax=1); fg.colorbar(im)
        lkw = {} if lines == "none" else ({"cmap": "jet"} if lines == "cmap=jet" else {"colors": lines.split("=")[1]})
        cs = ax.contour(f, levels=8, linewidths=1.0, **lkw) if lkw else None
        ps = {t: pil_rgb(fig_bytes(fg, "png" if t == "png" else "jpeg", dpi=100, **k)) for t, k in Q}
        if cs is not None:
            lv = cs.levels; cs.remove(); ax.contour(f, levels=lv, colors=[(0, 0, 1)], linewidths=1.0)
        truth, ink = redraw_truth(fg, [im], [])
        for t, pic in ps.items():
            by_dist(f"(a) contour {lines} over gray {t}", pic, truth, ink, "gray", dict(vmin=0.0, vmax=1.0), plot_slice(fg, ax, pic.shape))
        plt.close(fg)
    g = fbm(200, seed=12) * 30
    for m in ("jet", "viridis", "turbo"):
        fg, ax = plt.subplots(); im = ax.imshow(g, cmap=m, vmin=0, vmax=30, extent=(-120, -60, 20, 50), aspect="auto")
        fg.colorbar(im); ax.grid(True)
        ps = {t: pil_rgb(fig_bytes(fg, "png" if t == "png" else "jpeg", dpi=100, **k)) for t, k in Q}
        truth, ink = redraw_truth(fg, [im], ax.get_xgridlines() + ax.get_ygridlines())
        for t, pic in ps.items():
            by_dist(f"(b) grid over {m} {t}", pic, truth, ink, m, dict(vmin=0.0, vmax=30.0), plot_slice(fg, ax, pic.shape))
        plt.close(fg)
    h = fbm(200, seed=2)
    for m in ("RdBu_r", "coolwarm", "seismic", "bwr", "PiYG", "Spectral", "RdYlBu", "viridis", "plasma"):
        fg, ax = plt.subplots(); im = ax.imshow(h, cmap=m, vmin=0, vmax=1, alpha=0.8); fg.colorbar(im)
        ps = {t: pil_rgb(fig_bytes(fg, "png" if t == "png" else "jpeg", dpi=100, **k)) for t, k in Q}
        im.set_alpha(None); truth, _ = redraw_truth(fg, [im], [])
        for t, pic in ps.items():
            sl = plot_slice(fg, ax, pic.shape)
            v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=1))
            mt, pt, ht = mscore(v[sl], truth[sl]); ok = np.isfinite(v[sl]) & np.isfinite(truth[sl])
            mae_ok = np.abs(v[sl][ok] - truth[sl][ok]).mean()
            print(f"(c) alpha=0.8 {m:9} {t:4} by name, no alpha=: holes {100*ht:6.2f} %, MAE {100*mt:5.2f} % (on the decoded pixels "
                  f"{100*mae_ok:5.2f} %) | warned: {'yes' if ws else 'NO'} | {wshort(ws, 150)}", flush=True)
        plt.close(fg)


if __name__ == "__main__":
    main()

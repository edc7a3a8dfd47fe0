"""Follow-up of t162 (a): is failure 1 about the gray map or about coloured lines? contour lines (lw 1, 8 levels) in red /
cyan / magenta / by a map (cmap="autumn") over imshow of an fBm field with gray / viridis / jet / magma, PNG and q75:
holes on the data by distance to the lines and lines flagged (t162's by_dist)."""
from _p8 import header, pil_rgb, fig_bytes, fbm, redraw_truth, plot_slice
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from t162_followups import by_dist

header("t164 coloured contour lines over coloured maps")
f = fbm(256, seed=11)
Q = (("png", {}), ("q75", {"pil_kwargs": {"quality": 75}}))
for m in ("gray", "viridis", "jet", "magma"):
    for lines in ("colors=red", "colors=cyan", "colors=magenta", "cmap=autumn"):
        fg, ax = plt.subplots(); im = ax.imshow(f, cmap=m, vmin=0, vmax=1); fg.colorbar(im)
        k, v = lines.split("=")
        cs = ax.contour(f, levels=8, linewidths=1.0, **{"colors" if k == "colors" else "cmap": v})
        ps = {t: pil_rgb(fig_bytes(fg, "png" if t == "png" else "jpeg", dpi=100, **kw)) for t, kw in Q}
        lv = cs.levels; cs.remove(); ax.contour(f, levels=lv, colors=[(0, 0, 1)], linewidths=1.0)
        truth, ink = redraw_truth(fg, [im], [])
        for t, pic in ps.items():
            by_dist(f"contour {lines} over {m} {t}", pic, truth, ink, m, dict(vmin=0.0, vmax=1.0), plot_slice(fg, ax, pic.shape))
        plt.close(fg)

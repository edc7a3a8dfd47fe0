"""Follow-up of t93: where are the holes of JPEG'd contour figures? imshow(DEM) + contour(levels=8, colors="k",
linewidths=0.8), viridis and coolwarm (+ jet), PNG / JPEG q90 / q75. Line pixels = those the contours change by > 10 DN
on the PNG (the strokes themselves); holes counted off the lines dilated by 0, 1, 2, 4, 8 px; flagged share of the
strokes' own pixels. Also the same figure with NO contour lines (JPEG): holes."""
import numpy as np, matplotlib.pyplot as plt, truepix as tp
from scipy import ndimage
from _p6 import c, kd, call, wshort, header, cpu, fig_truth, mscore

header(__doc__.splitlines()[0])
dem = c.crop(c.real_fields(256)["dem_jacksboro"], 256)
for m in ("viridis", "coolwarm", "jet"):
    fg, ax = plt.subplots(); art = ax.imshow(dem, cmap=m, vmin=0, vmax=1); fg.colorbar(art, ax=ax)
    cs = ax.contour(dem, levels=8, colors="k", linewidths=0.8)
    p1, (sl,), (tr,), _ = fig_truth(fg, [art], "png"); cs.set_visible(False)
    p0, _, _, _ = fig_truth(fg, [art], "png")
    strokes = np.abs(p1[sl].astype(int) - p0[sl].astype(int)).max(-1) > 10
    for fmt, q in (("png", 0), ("jpg", 90), ("jpg", 75)):
        if fmt == "jpg":
            cs.set_visible(False); pn, _, _, _ = fig_truth(fg, [art], fmt, q=q)
            vn, err, ws = call(lambda: tp.decolorize(pn, cmap=m, vmin=0, vmax=1))
            print(f"{m} dem NO lines {fmt}{q}: holes {100*np.isnan(vn[sl]).mean():.3f}% | {wshort(ws)}")
        cs.set_visible(True); pic, _, _, _ = fig_truth(fg, [art], fmt, q=q or 75)
        v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=1)); vv = v[sl]
        out = []
        for d in (0, 1, 2, 4, 8):
            near = ndimage.binary_dilation(strokes, iterations=d) if d else strokes
            off = ~near & np.isfinite(tr)
            out.append(f"d{d}: {100*np.isnan(vv[off]).mean():.3f}%")
        print(f"{m} dem lines {fmt}{q}: strokes {int(strokes.sum())} px ({100*strokes.mean():.1f}% of area) flagged {100*np.isnan(vv[strokes]).mean():.1f}%; holes off strokes dilated by {' '.join(out)} | {wshort(ws)}", flush=True)
    plt.close(fg)

"""Part 2: pictures cropped out of published figures (/work/shared/real_figures, 34 PNGs). For each: bar =
tp.find_colorbar(figure) (its limits bar.vmin/vmax as found), the plot picture cropped as a user would (the largest
connected region of pixels within 12 DN of the bar's colours, outside the bar, its bounding box 2 px in), decoded
with the default call decolorize(crop, cmap=bar) (limits from the bar; if it has none, vmin=0 vmax=1 given), also as
JPEG q75. No ground truth: reported are the NaN share of the crop, the NaN share among crop pixels within 6 DN of
a bar colour ('look like data'), and the mean |tp - nearest bar colour| in % of the range on answered pixels."""
import glob, os, warnings, numpy as np, truepix as tp
from PIL import Image
from scipy import ndimage
from scipy.spatial import cKDTree
import _common as c

print(f"{'figure':38}{'bar':22}{'vmin':>9}{'vmax':>9}{'crop':>10}{'NaN%':>7}{'NaN|data%':>10}{'|tp-kd|%':>9}{'jpgNaN|data%':>13}  note")
rows = []
for p in sorted(glob.glob("/work/shared/real_figures/*.png")):
    nm = os.path.basename(p)[:-4]
    fig = np.asarray(Image.open(p).convert("RGB"))
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            bar = tp.find_colorbar(fig)
        except Exception as e:
            print(f"{nm:38} find_colorbar ERROR {type(e).__name__}: {e}"); continue
    if bar is None:
        print(f"{nm:38} no colorbar found"); continue
    ent = bar.colormap_entry(); bname = ent.name if ent is not None else "custom"
    cols = np.asarray(bar.colors, float)
    t = cKDTree(np.unique(cols, axis=0))
    dist = t.query(fig.reshape(-1, 3).astype(float))[0].reshape(fig.shape[:2])
    mask = dist <= 12
    l, tp_, r, b = bar.bbox; mask[max(0, tp_ - 3):b + 3, max(0, l - 3):r + 3] = False
    lab, n = ndimage.label(mask)
    if n == 0:
        print(f"{nm:38}{bname:22} no plot region"); continue
    k = 1 + np.argmax(ndimage.sum(mask, lab, range(1, n + 1)))
    ys, xs = np.where(lab == k)
    y0, y1, x0, x1 = ys.min() + 2, ys.max() - 1, xs.min() + 2, xs.max() - 1
    crop = fig[y0:y1, x0:x1]
    if crop.size == 0:
        continue
    kw = {} if (bar.vmin is not None and bar.vmax is not None) else {"vmin": 0.0, "vmax": 1.0}
    note = "" if not kw else "bar has no limits: vmin=0 vmax=1 given. "
    out = []
    for form in ("png", "jpeg75"):
        im = crop if form == "png" else c.jpeg(crop, 75)
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            try:
                v = tp.decolorize(im, cmap=bar, **kw)
            except Exception as e:
                note += f"{form} ERROR {type(e).__name__}: {str(e)[:120]}"; out.append(None); continue
        if w: note += f"{form} {type(w[0].message).__name__}: {str(w[0].message)[:90]} "
        vmin = kw.get("vmin", bar.vmin); vmax = kw.get("vmax", bar.vmax)
        dd = dist[y0:y1, x0:x1] <= 6
        # nearest bar colour -> its position
        ec = bar.even_colors().astype(float); te = cKDTree(ec)
        kdv = (te.query(im.reshape(-1, 3).astype(float))[1].reshape(im.shape[:2]) + 0.5) / len(ec)
        if bar.norm is None or bar.norm == "linear":
            frac = (v - vmin) / (vmax - vmin)
        else:
            frac = np.full_like(v, np.nan)
        diff = np.nanmean(np.abs(frac - kdv)) * 100 if np.isfinite(frac).any() else np.nan
        out.append((np.isnan(v).mean(), np.isnan(v)[dd].mean() if dd.any() else np.nan, diff))
    a, j = out[0], out[1]
    rows.append((nm, a, j, not kw))
    fmt = lambda x: f"{x:.3g}" if isinstance(x, (float, np.floating)) else str(x)
    print(f"{nm:38}{bname:22}{fmt(bar.vmin):>9}{fmt(bar.vmax):>9}{str(crop.shape[1])+'x'+str(crop.shape[0]):>10}"
          f"{'' if a is None else f'{100*a[0]:7.2f}{100*a[1]:10.2f}{a[2]:9.2f}'}{'' if j is None else f'{100*j[1]:13.2f}'}  {note}", flush=True)
ok = [r for r in rows if r[1] is not None]
print(f"\n{len(rows)} figures with a bar and a crop; limits read by find_colorbar in {sum(r[3] for r in rows)}")
print("NaN|data > 0.2 % (PNG):", [(r[0], round(100 * r[1][1], 2)) for r in ok if r[1][1] > 0.002])
print("NaN|data > 0.2 % (JPEG q75):", [(r[0], round(100 * r[2][1], 2)) for r in ok if r[2] is not None and r[2][1] > 0.002])
print("load", c.loadavg())

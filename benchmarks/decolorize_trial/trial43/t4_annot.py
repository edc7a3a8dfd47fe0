"""Annotated figures whose ink is close to a map color: magenta contours over magma, white text over RdBu_r's
middle, gray lines over twilight, lime lines over viridis. Ink pixels = where the annotated render differs from the
clean render (>4 DN); flagged = NaN there; silently wrong = a value >5 % off the field's; data lost = NaN elsewhere."""
import numpy as np
from common import *
import matplotlib.pyplot as plt
from scipy.ndimage import binary_dilation
n = 320
FS = fields(n)
def norm01(f): return (f - f.min()) / np.ptp(f) * 100
def render(f, name, ann):
    fig = plt.figure(figsize=(n / 100, n / 100), dpi=100); ax = fig.add_axes([0, 0, 1, 1]); ax.set_axis_off()
    ax.imshow(f, cmap=name, vmin=0, vmax=100, interpolation="nearest")
    if ann == "magenta_contours": ax.contour(f, levels=[20, 40, 60, 80], colors="magenta", linewidths=1.2)
    if ann == "white_text":
        for i, y in enumerate(range(30, n, 45)):
            ax.text(10 + (i * 37) % 120, y, "T = 12.5 K  p<0.01", color="white", fontsize=11)
    if ann == "gray_lines":
        for k in range(8): ax.plot([0, n - 1], [k * 40 + 5, k * 40 + 35], color="0.5", lw=1.2)
        ax.contour(f, levels=[25, 50, 75], colors="0.55", linewidths=1)
    if ann == "lime_contours": ax.contour(f, levels=[20, 40, 60, 80], colors="lime", linewidths=1.2)
    ax.set_xlim(-.5, n - .5); ax.set_ylim(n - .5, -.5)
    a = savefig_arr(fig); plt.close(fig); return a
cases = [("magma", "magenta_contours"), ("RdBu_r", "white_text"), ("twilight", "gray_lines"), ("viridis", "lime_contours"),
         ("coolwarm", "white_text"), ("magma", "white_text")]
for fname in ["terrain", "smooth"]:
    f = norm01(FS[fname])
    if fname == "smooth":   # put RdBu_r's middle under the text: a field centred on 50
        f = 50 + (f - 50) * 0.4
    for name, ann in cases:
        clean = render(f, name, None); pic0 = render(f, name, ann)
        ink = np.abs(pic0.astype(int) - clean.astype(int)).max(-1) > 4
        near = binary_dilation(ink, iterations=2) & ~ink
        far = ~binary_dilation(ink, iterations=4)
        for form in ["png", "q90", "q75"]:
            pic = pic0 if form == "png" else jpeg(pic0, int(form[1:]))
            r, w, e, dt = dec(pic, name, 0, 100)
            if e: print(f"{fname} {name} {ann} {form}: ERROR {e}"); continue
            v = r.values; err = np.abs(v - f)
            flagged = np.isnan(v[ink]).mean() * 100
            wrong = (err[ink] > 5).mean() * 100
            lost_far = np.isnan(v[far]).mean() * 100; lost_near = np.isnan(v[near]).mean() * 100
            kd = baseline(pic, name, 0, 100); kdwrong = (np.abs(kd - f)[ink] > 5).mean() * 100
            mf = metrics(v, f, 0, 100, far); kf = metrics(kd, f, 0, 100, far)
            print(f"{fname:7s} {name:8s} {ann:16s} {form}: ink {ink.mean()*100:.1f}% of pic | ink flagged {flagged:.1f}% silently wrong {wrong:.1f}% (kd wrong {kdwrong:.1f}%) | data NaN 1-2px {lost_near:.1f}% >4px {lost_far:.2f}% | far meanH {mf['mean_h']:.3f} kd {kf['mean']:.3f} | {dt:.2f}s warn {len(w)}")
            for x in w: print("   W:", x[:220])

"""t600 J follow-up: the sns.heatmap(annot=True) RdBu_r q85 figure that identify_colormap names `RdGy` (0.88), and the
0.5x screenshot it names `RdBu` (0.97, the reversed map): decoded by those names as a user would, scored as t600 D / E."""
import io
from _p11 import *  # noqa
from _p11 import pics, dec_any, header, HEAD8, fig_bytes, plot_slice, GRAY, RED, fbm
import numpy as np, matplotlib.pyplot as plt, seaborn as sns
from PIL import Image
from _p9 import truth_of_gray  # noqa
header("t620 identify follow-up"); print(HEAD8, flush=True)
rng = np.random.default_rng(58)
f = fbm(256, seed=58)[:192, :256]; f = (f - f.min()) / (f.max() - f.min())
xs = rng.normal(size=(200, 10)); xs[:, 1] += xs[:, 0]; xs[:, 5] -= 0.8 * xs[:, 3]; xs[:, 9] += 0.5 * xs[:, 7]
C = np.corrcoef(xs.T)
def make_sns(cm, ink, face):
    fg, ax = plt.subplots(figsize=(6, 5))
    kw = {"color": ink} if (ink is not None and ink != "k") else {}
    sns.heatmap(C, cmap=cm or "RdBu_r", vmin=-1, vmax=1, annot=True, fmt=".2f", annot_kws=dict(fontsize=7, **kw), ax=ax)
    if face: ax.set_facecolor(face)
    return fg, ax, ax.collections[0].norm
ps, truth, ink, sl, nm = pics(make_sns, quals=(("png", None), ("q85", 85)))
for m in ("RdBu_r", "RdGy", "RdBu"):
    dec_any(f"sns annot q85 by {m}", ps["q85"], truth[sl], m, sl=sl, ink=ink[sl], vmin=-1.0, vmax=1.0, info=False)
d = f[:120, :180]
def shot(cm, face):
    fg, ax = plt.subplots()
    if face: ax.set_facecolor(face)
    im = ax.imshow(d, cmap=cm, vmin=0, vmax=1, aspect="auto"); fg.colorbar(im)
    im0 = Image.open(io.BytesIO(fig_bytes(fg, "png", dpi=144))).convert("RGB")
    return fg, ax, np.asarray(im0.resize((im0.width // 2, im0.height // 2), Image.BICUBIC))
fg, ax, pic = shot("RdBu_r", None); sl = plot_slice(fg, ax, pic.shape); plt.close(fg)
fg, ax, g = shot(GRAY, RED); plt.close(fg); truth = truth_of_gray(g)
for m in ("RdBu_r", "RdBu"):
    dec_any(f"screenshot RdBu_r 0.5x by {m}", pic, truth[sl], m, sl=sl, vmin=0.0, vmax=1.0, info=False)

"""acc9: argv cmap seed: the pixels of the seeded disks picture (q75) whose answer the
FOLD_APART rule changes, with truth, before, after, the k-d tree and the 5x5 truth range."""
import sys, io, numpy as np, matplotlib as mpl
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[3]))
from PIL import Image
from tests.color._photographs import bumps, nearest_bins
from truepix import decolorize
from truepix.color._decolorize import _folds
cmap = sys.argv[1]; seed = int(sys.argv[2])
rng = np.random.default_rng(seed)
y, x = np.mgrid[0:192, 0:192]
f = 0.15 + 0.2 * bumps(192, seed)
for _ in range(12):
    cy, cx, r = rng.uniform(0, 192, 2).tolist() + [rng.uniform(8, 30)]
    f = np.where(np.hypot(y - cy, x - cx) < r, rng.uniform(0.0, 1.0), f)
rgb = mpl.colormaps[cmap](f, bytes=True)[..., :3]
b = io.BytesIO(); Image.fromarray(rgb).save(b, format="JPEG", quality=75)
pic = np.asarray(Image.open(b).convert("RGB"))
_folds.FOLD_APART = 99.0; v0 = decolorize(pic, cmap=cmap, vmin=0, vmax=1)
_folds.FOLD_APART = 0.45; v1 = decolorize(pic, cmap=cmap, vmin=0, vmax=1)
kd = nearest_bins(pic, cmap)
e0, e1 = np.abs(v0 - f), np.abs(v1 - f)
ch = np.abs(v0 - v1) > 0.05
print("changed", ch.sum(), "err before", e0[ch].mean(), "after", e1[ch].mean(), "kd", np.abs(kd - f)[ch].mean())
lut = mpl.colormaps[cmap](np.linspace(0, 1, 256), bytes=True)[:, :3]
idx = np.argwhere(ch)[:: max(1, ch.sum() // 20)]
for yy, xx in idx:
    print(f"truth {f[yy,xx]:.2f} before {v0[yy,xx]:.2f} after {v1[yy,xx]:.2f} kd {kd[yy,xx]:.2f} pix {pic[yy,xx]} truthcol {lut[int(f[yy,xx]*255.99)]} nb {f[yy-2:yy+3,xx-2:xx+3].min():.2f}-{f[yy-2:yy+3,xx-2:xx+3].max():.2f}")

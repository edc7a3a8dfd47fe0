"""acc9: seeded flat disks over bumps and fBm^3, 192^2, Pillow JPEG q75 / q50, on three
folding maps: the default call's mean and p99 over the k-d tree's (tests/color helpers)."""
import sys, io, numpy as np, matplotlib as mpl
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[3]))
from PIL import Image
from tests.color._photographs import blob_field, fbm, bumps, nearest_bins
from truepix import decolorize
for cmap in ["Spectral", "PuOr", "terrain"]:
    for seed in [0, 1]:
        for kind in ["disks", "fbm3"]:
            rng = np.random.default_rng(seed)
            if kind == "disks":
                y, x = np.mgrid[0:192, 0:192]
                f = 0.15 + 0.2 * bumps(192, seed)
                for _ in range(12):
                    cy, cx, r = rng.uniform(0, 192, 2).tolist() + [rng.uniform(8, 30)]
                    f = np.where(np.hypot(y - cy, x - cx) < r, rng.uniform(0.0, 1.0), f)
            else:
                f = fbm(192, seed) ** 3
            for q in [75, 50]:
                rgb = mpl.colormaps[cmap](f, bytes=True)[..., :3]
                b = io.BytesIO(); Image.fromarray(rgb).save(b, format="JPEG", quality=q)
                pic = np.asarray(Image.open(b).convert("RGB"))
                v = decolorize(pic, cmap=cmap, vmin=0, vmax=1)
                e = np.where(np.isnan(v), 1.0, np.abs(v - f)); eb = np.abs(nearest_bins(pic, cmap) - f)
                print(cmap, seed, kind, q, "ratio %.3f p99 %.3f holes %.4f" % (e.mean() / eb.mean(), np.quantile(e, .99) / np.quantile(eb, .99), np.isnan(v).mean()), flush=True)

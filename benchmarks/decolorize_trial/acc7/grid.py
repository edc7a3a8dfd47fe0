"""acc7: trial 52's t120 subset (10 maps x camera/coins) under JPEG q75 (Pillow 4:2:0), plt.imsave ->
cv2 JPEG q50, Pillow 4:2:2 q75 and Gaussian noise sigma 2 DN: the default call vs the k-d tree (holes = 1.0).
Run from this folder with PYTHONPATH at a tree's src; prints rows and summaries by condition."""
import os, sys, pathlib, tempfile, numpy as np, cv2, matplotlib.pyplot as plt
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "trial52"))
from PIL import Image
from _p7 import c, header, summary, dec, HEAD7  # noqa: E402

N = 384
rf = c.real_fields(N)
coins = np.asarray(Image.open(os.path.join(c.SKDIR, "coins.png")).convert("L"))
fields = {"camera": rf["camera"], "coins": c.norm01(c.crop(coins, N))}
maps = ["cividis", "twilight", "Spectral", "terrain", "gist_earth", "ocean", "cubehelix", "RdBu", "PuOr", "YlGnBu"]
if len(sys.argv) > 1: maps = sys.argv[1].split(",")
KINDS = sys.argv[2].split(",") if len(sys.argv) > 2 else ["jpeg75", "cv2jpeg50", "pil422q75", "noise2"]
tmp = tempfile.mkdtemp()


def kinds(field, m, seed):
    p = os.path.join(tmp, "a.png"); plt.imsave(p, field, cmap=m, vmin=0, vmax=1)
    png = np.asarray(Image.open(p).convert("RGB"))
    if "jpeg75" in KINDS: yield "jpeg75", c.jpeg(png, 75)
    if "cv2jpeg50" in KINDS:
        bgr = cv2.imread(p); j = os.path.join(tmp, "a.jpg"); cv2.imwrite(j, bgr, [cv2.IMWRITE_JPEG_QUALITY, 50])
        yield "cv2jpeg50", cv2.cvtColor(cv2.imread(j), cv2.COLOR_BGR2RGB)
    if "pil422q75" in KINDS: yield "pil422q75", c.jpeg(png, 75, 1)
    if "noise2" in KINDS:
        rng = np.random.default_rng(seed)
        yield "noise2", np.clip(png + rng.normal(0, 2, png.shape), 0, 255).round().astype(np.uint8)


header(__doc__.splitlines()[0])
rows = []
print(HEAD7)
for i, m in enumerate(maps):
    for j, (fn, f) in enumerate(fields.items()):
        for k, pic in kinds(f, m, 100 * i + j):
            r = dec(f"{m} {fn} {k}", pic, f, m)
            if r: rows.append((m, fn, k) + r[1:])
summary(rows, lambda r: r[2], "by degradation")
summary(rows, lambda r: r[0], "by map")

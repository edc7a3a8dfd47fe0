"""acc10: where the default call loses against the k-d tree (acc7's grid pictures): per class of the truth's 3x3
range (flat < 0.02 <= mid < 0.1 <= edge) and per tenth of the map (truth value): pixel share, tp / kd mean error.
argv: maps (comma), kinds (comma)."""
import os, sys, pathlib, tempfile, numpy as np, cv2, matplotlib.pyplot as plt
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "trial52"))
from PIL import Image
from _p7 import c, kd  # noqa: E402
import truepix as tp

N = 384
rf = c.real_fields(N)
coins = np.asarray(Image.open(os.path.join(c.SKDIR, "coins.png")).convert("L"))
fields = {"camera": rf["camera"], "coins": c.norm01(c.crop(coins, N))}
maps, KINDS = sys.argv[1].split(","), sys.argv[2].split(",")
tmp = tempfile.mkdtemp()


def kinds(field, m):
    p = os.path.join(tmp, "a.png"); plt.imsave(p, field, cmap=m, vmin=0, vmax=1)
    png = np.asarray(Image.open(p).convert("RGB"))
    if "jpeg75" in KINDS: yield "jpeg75", c.jpeg(png, 75)
    if "cv2jpeg50" in KINDS:
        bgr = cv2.imread(p); j = os.path.join(tmp, "a.jpg"); cv2.imwrite(j, bgr, [cv2.IMWRITE_JPEG_QUALITY, 50])
        yield "cv2jpeg50", cv2.cvtColor(cv2.imread(j), cv2.COLOR_BGR2RGB)
    if "pil422q75" in KINDS: yield "pil422q75", c.jpeg(png, 75, 1)


def rng3(a):
    p = np.pad(a, 1, mode="edge"); h, w = a.shape
    st = np.stack([p[1 + dy:1 + dy + h, 1 + dx:1 + dx + w] for dy in (-1, 0, 1) for dx in (-1, 0, 1)])
    return st.max(0) - st.min(0)


for m in maps:
    for fn, f in fields.items():
        for k, pic in kinds(f, m):
            est = tp.decolorize(pic, cmap=m, vmin=0, vmax=1); b = kd(m)(pic)
            et = np.where(np.isfinite(est), np.abs(est - f), 1.0); eb = np.abs(b - f)
            r = rng3(f); cls = np.digitize(r, [0.02, 0.1])
            s = f"{m} {fn} {k}: all {et.mean()/eb.mean():.3f} |"
            for ci, name in enumerate(("flat", "mid", "edge")):
                w = cls == ci
                s += f" {name} {w.mean():.2f} {100*et[w].mean():.2f}/{100*eb[w].mean():.2f}={et[w].mean()/eb[w].mean():.3f} share {et[w].sum()/et.sum():.2f}"
            s += " | tenths:"
            dec = np.minimum((f * 10).astype(int), 9)
            s += " ".join(f"{et[dec == d].mean()/max(eb[dec == d].mean(), 1e-9):.2f}({(dec == d).mean():.2f})" if (dec == d).any() else "-" for d in range(10))
            print(s, flush=True)

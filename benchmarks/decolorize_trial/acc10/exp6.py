"""acc10: the deblocked positions held to JPEG's luma boxes (_boxes), patched in; acc7's grid pictures.
argv: maps, kinds, variants "name:rounds:slack" (semicolon)."""
import os, sys, pathlib, tempfile, numpy as np, cv2, matplotlib as mpl, matplotlib.pyplot as plt
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "trial52"))
sys.path.insert(0, "/work/wt/acc10/benchmarks/decolorize_trial/trial52")
from PIL import Image
from _p7 import c, kd, mscore  # noqa: E402
import truepix as tp
from truepix.color._decolorize import _plan
import _boxes  # (this folder: the prototype)
from truepix.color._decolorize._deblock import quality_scale

N = 384
rf = c.real_fields(N)
coins = np.asarray(Image.open(os.path.join(c.SKDIR, "coins.png")).convert("L"))
fields = {"camera": rf["camera"], "coins": c.norm01(c.crop(coins, N))}
maps, KINDS = sys.argv[1].split(","), sys.argv[2].split(",")
VARS = [("main", 0, 0)] + [(v.split(":")[0], int(v.split(":")[1]), float(v.split(":")[2])) for v in sys.argv[3].split(";") if v]
tmp = tempfile.mkdtemp()
orig = _plan.deblocked
CUR = [None, None, None]
USED = [0]


def patched(position, line, sigma, norm=None):
    v, pic, m = CUR
    if v[1] == 0:
        return orig(position, line, sigma, norm)
    if v[0].startswith("s"):
        return orig(position, line, sigma * v[2], norm)
    if v[0].startswith("r"):
        from truepix.color._decolorize import _deblock as db
        old = db.quality_share(pic); keep = db.QUALITY_REFERENCE; db.QUALITY_REFERENCE = v[2]
        new = db.quality_share(pic); db.QUALITY_REFERENCE = keep
        return orig(position, line, sigma * new / old, norm)
    p, n_nan = orig(position, line, sigma, None)
    scale = quality_scale(pic)
    if scale is not None and p.shape == pic.shape[:2]:
        _boxes.ROUNDS, _boxes.BOX_SLACK = v[1], v[2]
        colors = mpl.colormaps[m](np.linspace(0, 1, 256), bytes=True)[:, :3]
        p = _boxes.boxed(p, pic, colors, scale); USED[0] += 1
    return (p if norm is None else norm(p)), n_nan


_plan.deblocked = patched


def kinds(field, m):
    p = os.path.join(tmp, "a.png"); plt.imsave(p, field, cmap=m, vmin=0, vmax=1)
    png = np.asarray(Image.open(p).convert("RGB"))
    if "jpeg75" in KINDS: yield "jpeg75", c.jpeg(png, 75)
    if "cv2jpeg50" in KINDS:
        bgr = cv2.imread(p); j = os.path.join(tmp, "a.jpg"); cv2.imwrite(j, bgr, [cv2.IMWRITE_JPEG_QUALITY, 50])
        yield "cv2jpeg50", cv2.cvtColor(cv2.imread(j), cv2.COLOR_BGR2RGB)
    if "pil422q75" in KINDS: yield "pil422q75", c.jpeg(png, 75, 1)
    if "jpeg90" in KINDS: yield "jpeg90", c.jpeg(png, 90)


res = {v[0]: [] for v in VARS}
print("case".ljust(34) + "".join(f"{v[0]:>16}" for v in VARS), flush=True)
for m in maps:
    for fn, f in fields.items():
        for k, pic in kinds(f, m):
            b = kd(m)(pic); mb, pb, _ = mscore(b, f)
            line = f"{m} {fn} {k}".ljust(34)
            for v in VARS:
                CUR[:] = [v, pic, m]
                est = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
                mt, pt, ht = mscore(est, f)
                res[v[0]].append((k, m, mt / mb, pt / pb, ht))
                line += f"  {mt/mb:6.3f}/{pt/pb:5.2f}" + ("H" if ht > 0 else " ")
            print(line + f"  q{quality_scale(pic)}", flush=True)
for v in VARS:
    by = {}
    for k, m, a, p, h in res[v[0]]: by.setdefault(k, []).append((a, p, h))
    print(v[0], " ".join(f"{k}: {np.mean([x[0] for x in xs]):.4f} p99worse {sum(x[1] > 1 for x in xs)}/{len(xs)} holes {max(x[2] for x in xs):.4f}" for k, xs in by.items()))
print("boxed calls", USED[0])

"""acc10: 4:2:0's chroma given back per pixel -- each 2x2 block's observed chroma mean kept, split among its pixels
as the map's chroma at the decoded positions says -- and the picture decoded again (a prototype: two calls).
argv: maps, kinds, variants "name:rounds:block" (block 2: 2x2, 1: 1x2 rows)."""
import os, sys, pathlib, tempfile, numpy as np, cv2, matplotlib as mpl, matplotlib.pyplot as plt
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "trial52"))
from PIL import Image
from _p7 import c, kd, mscore  # noqa: E402
import truepix as tp

N = 384
rf = c.real_fields(N)
coins = np.asarray(Image.open(os.path.join(c.SKDIR, "coins.png")).convert("L"))
fields = {"camera": rf["camera"], "coins": c.norm01(c.crop(coins, N))}
maps, KINDS = sys.argv[1].split(","), sys.argv[2].split(",")
VARS = [("main", 0, 2)] + [(v.split(":")[0], int(v.split(":")[1]), int(v.split(":")[2])) for v in sys.argv[3].split(";") if v]
tmp = tempfile.mkdtemp()
YCC = np.array([[0.299, 0.587, 0.114], [-0.168736, -0.331264, 0.5], [0.5, -0.418688, -0.081312]])
INV = np.linalg.inv(YCC)


def bmean(a, by, bx):
    h, w = a.shape[0] // by * by, a.shape[1] // bx * bx
    m = a[:h, :w].reshape(h // by, by, w // bx, bx, -1).mean(axis=(1, 3))
    return np.repeat(np.repeat(m, by, 0), bx, 1), h, w


def regiven(pic, m, rounds, block):
    by, bx = (2, 2) if block == 2 else (1, 2)
    table = mpl.colormaps[m](np.linspace(0, 1, 256), bytes=True)[:, :3].astype(float) @ YCC.T
    cen = (np.arange(256) + 0.5) / 256
    ycc = pic.astype(float) @ YCC.T
    obs, h, w = bmean(ycc[..., 1:], by, bx)
    cur = pic
    for _ in range(rounds):
        p = tp.decolorize(cur, cmap=m, vmin=0, vmax=1)
        ok = np.isfinite(p); pp = np.where(ok, p, 0.5)
        pred = np.stack([np.interp(pp, cen, table[:, k]) for k in (1, 2)], -1)
        pred = np.where(ok[..., None], pred, ycc[..., 1:])
        pm, _, _ = bmean(pred, by, bx)
        new = ycc.copy()
        new[:h, :w, 1:] = pred[:h, :w] + (obs - pm)
        cur = np.clip(np.round(new @ INV.T), 0, 255).astype(np.uint8)
    return tp.decolorize(cur, cmap=m, vmin=0, vmax=1)


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
                est = tp.decolorize(pic, cmap=m, vmin=0, vmax=1) if v[1] == 0 else regiven(pic, m, v[1], v[2])
                mt, pt, ht = mscore(est, f)
                res[v[0]].append((k, m, mt / mb, pt / pb, ht))
                line += f"  {mt/mb:6.3f}/{pt/pb:5.2f}" + ("H" if ht > 0 else " ")
            print(line, flush=True)
for v in VARS:
    by = {}
    for k, m, a, p, h in res[v[0]]: by.setdefault(k, []).append((a, p, h))
    print(v[0], " ".join(f"{k}: {np.mean([x[0] for x in xs]):.4f} p99worse {sum(x[1] > 1 for x in xs)}/{len(xs)} holes {max(x[2] for x in xs):.4f}" for k, xs in by.items()))

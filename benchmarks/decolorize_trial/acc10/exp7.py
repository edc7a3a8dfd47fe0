"""acc10: 4:2:0's chroma split per pixel before the filter: each 2x2 block's observed chroma mean kept, split among
its pixels as the map's chroma at their (unfiltered) positions says, and the pixels projected again (luma-weighted,
chroma 0.1, onto a 4096-entry interpolated table) -- patched in at _folds.unfolded. argv: maps, kinds, variants
"name:rounds:block:edge" (block 2: 2x2, 1: 1x2, 0: the observed chroma, a control; edge > 0: only pixels whose 3x3 positions span more)."""
import os, sys, pathlib, tempfile, numpy as np, cv2, matplotlib as mpl, matplotlib.pyplot as plt
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "trial52"))
from PIL import Image
from scipy.spatial import cKDTree
from _p7 import c, kd, mscore  # noqa: E402
import truepix as tp
from truepix.color._decolorize import _folds

N = 384
rf = c.real_fields(N)
coins = np.asarray(Image.open(os.path.join(c.SKDIR, "coins.png")).convert("L"))
fields = {"camera": rf["camera"], "coins": c.norm01(c.crop(coins, N))}
maps, KINDS = sys.argv[1].split(","), sys.argv[2].split(",")
VARS = [("main", 0, 2, 0.0)] + [(v.split(":")[0], int(v.split(":")[1]), int(v.split(":")[2]), float(v.split(":")[3])) for v in sys.argv[3].split(";") if v]
tmp = tempfile.mkdtemp()
YCC = np.array([[0.299, 0.587, 0.114], [-0.168736, -0.331264, 0.5], [0.5, -0.418688, -0.081312]])
W = np.sqrt([1.0, 0.1, 0.1])
orig = _folds.unfolded
CUR = [None, None]
TREES = {}


def bmean(a, by, bx):
    h, w = a.shape[0] // by * by, a.shape[1] // bx * bx
    m = a[:h, :w].reshape(h // by, by, w // bx, bx, -1).mean(axis=(1, 3))
    return np.repeat(np.repeat(m, by, 0), bx, 1), h, w


def span3(a):
    p = np.pad(a, 1, mode="edge"); h, w = a.shape
    st = np.stack([p[1 + dy:1 + dy + h, 1 + dx:1 + dx + w] for dy in (-1, 0, 1) for dx in (-1, 0, 1)])
    return np.nanmax(st, 0) - np.nanmin(st, 0)


def patched(decoder, flat, kind, scale, plan, position, shape=()):
    out = orig(decoder, flat, kind, scale, plan, position, shape)
    v, m = CUR
    if v[1] == 0 or plan.metric != "jpeg" or decoder.cyclic or len(shape) != 2:
        return out
    if m not in TREES:
        table = mpl.colormaps[m](np.linspace(0, 1, 256), bytes=True)[:, :3].astype(float) @ YCC.T
        cen = (np.arange(256) + 0.5) / 256
        fine = np.linspace(cen[0], cen[-1], 4096)
        dense = np.stack([np.interp(fine, cen, table[:, k]) for k in range(3)], -1)
        TREES[m] = (table, cen, fine, cKDTree(dense * W))
    table, cen, fine, tree = TREES[m]
    by, bx = (2, 2) if v[2] in (0, 2) else (1, 2)
    ycc = (flat[:, :3].astype(float) @ YCC.T).reshape(shape + (3,))
    obs, h, w = bmean(ycc[..., 1:], by, bx)
    p = out.reshape(shape).copy()
    for _ in range(v[1]):
        ok = np.isfinite(p); pp = np.where(ok, p, 0.5)
        pred = np.stack([np.interp(pp, cen, table[:, k]) for k in (1, 2)], -1)
        pred = np.where(ok[..., None], pred, ycc[..., 1:])
        pm, _, _ = bmean(pred, by, bx)
        new = ycc.copy()
        if v[2]: new[:h, :w, 1:] = pred[:h, :w] + (obs - pm)
        _, idx = tree.query((new * W).reshape(-1, 3))
        q = fine[idx].reshape(shape)
        take = ok & ((span3(p) > v[3]) if v[3] > 0 else True)
        p = np.where(take, q, p)
    return p.reshape(-1)


_folds.unfolded = patched


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
                CUR[:] = [v, m]
                est = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
                mt, pt, ht = mscore(est, f)
                res[v[0]].append((k, m, mt / mb, pt / pb, ht))
                line += f"  {mt/mb:6.3f}/{pt/pb:5.2f}" + ("H" if ht > 0 else " ")
            print(line, flush=True)
for v in VARS:
    by = {}
    for k, m, a, p, h in res[v[0]]: by.setdefault(k, []).append((a, p, h))
    print(v[0], " ".join(f"{k}: {np.mean([x[0] for x in xs]):.4f} p99worse {sum(x[1] > 1 for x in xs)}/{len(xs)} holes {max(x[2] for x in xs):.4f}" for k, xs in by.items()))

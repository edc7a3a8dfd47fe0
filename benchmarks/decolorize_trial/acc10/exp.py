"""acc10: variants of the JPEG'd positions (flat areas: a second metric's answer blended in), on acc7's grid pictures.
argv: maps (comma), kinds (comma), variants "name:metric:span:share" (span < 0: beside edges of -span) (semicolon); prints ratio per picture and means."""
import os, sys, pathlib, tempfile, numpy as np, cv2, matplotlib.pyplot as plt
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "trial52"))
from PIL import Image
from _p7 import c, kd, mscore  # noqa: E402
import truepix as tp
from truepix.color._decolorize import _folds, _kernels as kernels
from truepix.color._decolorize._fields import memo_fields
from truepix.color._decolorize import _plan
for w in (0.0, 0.03, 0.05, 0.15, 0.2):  # extra luma-weighted metrics for the variants: jpegW -> lumaW
    _plan.CHROMA_WEIGHTS[f"luma{w}"] = w; _plan.JPEG_METRICS[f"jpeg{w}"] = f"luma{w}"

N = 384
rf = c.real_fields(N)
coins = np.asarray(Image.open(os.path.join(c.SKDIR, "coins.png")).convert("L"))
fields = {"camera": rf["camera"], "coins": c.norm01(c.crop(coins, N))}
maps = sys.argv[1].split(",")
KINDS = sys.argv[2].split(",")
VARS = [("main", None, 0, 0)] + [tuple(v.split(":")[:1]) + (v.split(":")[1], float(v.split(":")[2]), float(v.split(":")[3])) for v in sys.argv[3].split(";") if v]
tmp = tempfile.mkdtemp()
orig = _folds.unfolded
CUR = [None]


def span3(p, w):
    a = p.reshape(-1, w); pad = np.pad(a, 1, mode="edge")
    st = np.stack([pad[1 + dy:1 + dy + a.shape[0], 1 + dx:1 + dx + w] for dy in (-1, 0, 1) for dx in (-1, 0, 1)])
    return (np.nanmax(st, 0) - np.nanmin(st, 0)).reshape(-1)


def patched(decoder, flat, kind, scale, plan, position, shape=()):
    out = orig(decoder, flat, kind, scale, plan, position, shape)
    v = CUR[0]
    if v[1] is None or plan.metric != "jpeg" or decoder.cyclic or kind not in decoder._bytes:
        return out
    alt = memo_fields(decoder, flat, kind, v[1], kernels.RESIDUAL_MAX_CODE, detailed=False)[0].copy()
    sp = span3(out, shape[-1])
    take = ((sp <= v[2]) if v[2] >= 0 else (sp > -v[2])) & np.isfinite(alt) & np.isfinite(out)
    out = out.copy(); out[take] = (1 - v[3]) * out[take] + v[3] * alt[take]
    return out


_folds.unfolded = patched


def kinds(field, m):
    p = os.path.join(tmp, "a.png"); plt.imsave(p, field, cmap=m, vmin=0, vmax=1)
    png = np.asarray(Image.open(p).convert("RGB"))
    if "jpeg75" in KINDS: yield "jpeg75", c.jpeg(png, 75)
    if "cv2jpeg50" in KINDS:
        bgr = cv2.imread(p); j = os.path.join(tmp, "a.jpg"); cv2.imwrite(j, bgr, [cv2.IMWRITE_JPEG_QUALITY, 50])
        yield "cv2jpeg50", cv2.cvtColor(cv2.imread(j), cv2.COLOR_BGR2RGB)
    if "pil422q75" in KINDS: yield "pil422q75", c.jpeg(png, 75, 1)


res = {v[0]: [] for v in VARS}
print("case".ljust(34) + "".join(f"{v[0]:>16}" for v in VARS), flush=True)
for m in maps:
    for fn, f in fields.items():
        for k, pic in kinds(f, m):
            b = kd(m)(pic); mb, pb, _ = mscore(b, f)
            line = f"{m} {fn} {k}".ljust(34)
            for v in VARS:
                CUR[0] = v
                est = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
                mt, pt, ht = mscore(est, f)
                res[v[0]].append((k, m, mt / mb, pt / pb, ht))
                line += f"  {mt/mb:6.3f}/{pt/pb:5.2f}" + ("H" if ht > 0 else " ")
            print(line, flush=True)
for v in VARS:
    r = res[v[0]]
    by = {}
    for k, m, a, p, h in r: by.setdefault(k, []).append((a, p, h))
    print(v[0], " ".join(f"{k}: {np.mean([x[0] for x in xs]):.4f} p99worse {sum(x[1] > 1 for x in xs)}/{len(xs)} holes {max(x[2] for x in xs):.4f}" for k, xs in by.items()))

"""acc7 probe: per picture, the plan (jpeg, full_chroma, dct, smoothing, white, lossy) and the ratio to the
k-d tree for variants of one stage at a time: no filter, the filter's strength x0.5 / x2, the JPEG chroma
weight, 4:4:4's metric flipped. argv: maps fields kinds variants."""
import os, sys, pathlib, tempfile, dataclasses, numpy as np, cv2, matplotlib.pyplot as plt
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "trial52"))
from PIL import Image
from _p7 import c, kd, mscore, fbm  # noqa: E402
import truepix as tp  # noqa: E402
from truepix.color._decolorize import _api, _plan, _deblock as _quality  # noqa: E402

N = 384
rf = c.real_fields(N)
coins = np.asarray(Image.open(os.path.join(c.SKDIR, "coins.png")).convert("L"))
FIELDS = {"camera": rf["camera"], "coins": c.norm01(c.crop(coins, N)), "moon": rf["moon"], "fbm": fbm(N), "dem": c.norm01(c.crop(rf["dem_jacksboro"], N))}
maps = sys.argv[1].split(",")
fields = sys.argv[2].split(",")
KINDS = sys.argv[3].split(",")
VARS = sys.argv[4].split(",") if len(sys.argv) > 4 else ["def", "nofilt", "s0.5", "s2", "w0.05", "w0.2", "fc"]
tmp = tempfile.mkdtemp()
orig = _api.Decolorizer._decode
state = {}


def patched(self, pixels, kind, scale, plan, *, detailed):
    v = state.get("var", "def")
    if v.startswith("s") and v != "def":
        plan = dataclasses.replace(plan, smoothing=plan.smoothing * float(v[1:]))
    if v == "fc":
        plan = dataclasses.replace(plan, full_chroma=not plan.full_chroma)
    if v == "dct":
        plan = dataclasses.replace(plan, dct=not plan.dct)
    state["plan"] = plan
    return orig(self, pixels, kind, scale, plan, detailed=detailed)


_api.Decolorizer._decode = patched


def pic_of(field, m, k, seed):
    p = os.path.join(tmp, "a.png"); plt.imsave(p, field, cmap=m, vmin=0, vmax=1)
    png = np.asarray(Image.open(p).convert("RGB"))
    if k == "jpeg75": return c.jpeg(png, 75)
    if k.startswith("jpeg"): return c.jpeg(png, int(k[4:]))
    if k == "cv2jpeg50":
        bgr = cv2.imread(p); j = os.path.join(tmp, "a.jpg"); cv2.imwrite(j, bgr, [cv2.IMWRITE_JPEG_QUALITY, 50])
        return cv2.cvtColor(cv2.imread(j), cv2.COLOR_BGR2RGB)
    if k == "pil422q75": return c.jpeg(png, 75, 1)
    if k == "noise2":
        rng = np.random.default_rng(seed)
        return np.clip(png + rng.normal(0, 2, png.shape), 0, 255).round().astype(np.uint8)


tot = {}
for i, m in enumerate(maps):
    base = kd(m)
    for j, fn in enumerate(fields):
        f = FIELDS[fn]
        for k in KINDS:
            pic = pic_of(f, m, k, 100 * i + j)
            mb, pb, _ = mscore(base(pic), f)
            out = []
            for v in VARS:
                w0 = dict(_plan.CHROMA_WEIGHTS)
                if v.startswith("p"): _quality.QUALITY_POWER = float(v[1:])
                if v.startswith("c"): _quality.QUALITY_POWER = 2.0; _quality.QUALITY_SHARES = (0.5, float(v[1:]))
                if v == "off": _quality.QUALITY_SHARES = (1.0, 1.0)
                if v.startswith("w"): _plan.CHROMA_WEIGHTS["luma"] = float(v[1:])
                if v.startswith("W"): _plan.CHROMA_WEIGHTS["luma444"] = float(v[1:])
                state["var"] = v
                kw = {"denoise": False} if v == "nofilt" else {}
                r = tp.Decolorizer(m, vmin=0, vmax=1, **kw).decode(pic)
                _plan.CHROMA_WEIGHTS.update(w0); _quality.QUALITY_POWER = 1.5; _quality.QUALITY_SHARES = (0.5, 3.0)
                mt, pt, ht = mscore(r.values, f)
                tot.setdefault((k, v), [0, 0, 0]); t = tot[(k, v)]; t[0] += mt; t[1] += mb; t[2] += pt > pb * 1.001
                out.append(f"{v}:{mt/mb:.3f}/{pt/pb:.2f}")
                if v == "def":
                    p = state["plan"]
                    info = (f"j{int(p.jpeg)} fc{int(p.full_chroma)} dct{int(p.dct)} sm{p.smoothing:.2f} "
                            f"n{p.noise:.2f} w{int(p.white is not None)} post{int(p.posterior is not None)} "
                            f"lossy{int(p.lossy)} c420{int(p.subsampled)} unmix{int(p.unmix)}")
            print(f"{m:10} {fn:6} {k:9} {info} | " + " ".join(out), flush=True)
print("\nTOTAL ratio/p99-worse")
for (k, v), t in tot.items():
    print(f"  {k:9} {v:7} {t[0]/t[1]:.4f} p99worse {t[2]}")

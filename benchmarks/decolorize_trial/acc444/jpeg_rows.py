"""JPEG rows of benchmarks/colormaps.py (12 maps, 256^2 fields), 4:2:0 and 4:4:4, q90/q75/q50:
the default call's mean error / the k-d tree's, pictures whose p99 is worse, holes, and each
picture's plan (jpeg, subsampled, full_chroma, dct, smoothing). Env: MAPS, QS, SUBS (2: 4:2:0,
0: 4:4:4), KINDS, OUT (json), HOOK (a file defining hook(plan, case) -> plan), W444 (4:4:4's
chroma weight), FULL_CHROMA_FILTER / JPEG_TEXTURE_SHARE (_plan's constants)."""
import sys, os, time, json
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
import numpy as np
from colormaps import NearestRGB, MAPS, CYCLIC, colormap, fields, jpeg
import truepix as tp
from truepix.color._decolorize import _plan as planning
from truepix.color._decolorize import _inputs

plans = []
_orig = planning.make_plan
HOOK = {}
if os.environ.get("HOOK"):
    exec(open(os.environ["HOOK"]).read(), HOOK)
CUR = {}
def rec(*a, **k):
    p = _orig(*a, **k)
    if "hook" in HOOK:
        p = HOOK["hook"](p, CUR)
    plans.append(p); return p
_inputs.planning.make_plan = rec

if 'W444' in os.environ:
    planning.CHROMA_WEIGHTS['luma444'] = float(os.environ['W444'])
for _k in ('FULL_CHROMA_FILTER', 'JPEG_TEXTURE_SHARE'):
    if _k in os.environ:
        setattr(planning, _k, type(getattr(planning, _k))(eval(os.environ[_k])))
maps = os.environ.get("MAPS", ",".join(MAPS)).split(",")
quals = [int(q) for q in os.environ.get("QS", "90,75,50").split(",")]
subs = [int(s) for s in os.environ.get("SUBS", "2,0").split(",")]
kinds = os.environ.get("KINDS", "real,smooth").split(",")
out = os.environ.get("OUT")
data = {k: v for k, v in fields(256).items() if v[0] in kinds}
rows = []
t0 = time.process_time()
for m in maps:
    cm = colormap(m); cyc = m in CYCLIC
    dec = tp.Decolorizer(cm, cyclic=cyc, vmin=0.0, vmax=1.0)
    base = NearestRGB(cm)
    for fname, (kind, f) in data.items():
        rgb = cm(f, bytes=True)[..., :3]
        for s in subs:
            for q in quals:
                im, tr = jpeg(q, s)(rgb, f)
                CUR.update(s=s, q=q, m=m, f=fname)
                plans.clear()
                est = dec.values(im)
                p = plans[-1]
                def sc(e):
                    h = np.isnan(e); err = np.abs(e - tr)
                    if cyc: err = np.minimum(err, 1 - err)
                    err[h] = 1.0
                    return err
                et, eb = sc(est), sc(base(im))
                rows.append(dict(m=m, f=fname, kind=kind, s=s, q=q, mt=float(et.mean()),
                                 mb=float(eb.mean()),
                                 pt=float(np.percentile(et, 99)), pb=float(np.percentile(eb, 99)),
                                 holes=float(np.isnan(est).mean()), jpeg=p.jpeg, sub=p.subsampled,
                                 full=p.full_chroma, dct=p.dct, sm=p.smoothing, den=p.denoise))
print(f"cpu {time.process_time()-t0:.0f}s", file=sys.stderr)
if out:
    json.dump(rows, open(out, "w"))
for kind in kinds:
    for s in subs:
        for q in quals:
            rr = [r for r in rows if r["kind"] == kind and r["s"] == s and r["q"] == q]
            mt = sum(r["mt"] for r in rr); mb = sum(r["mb"] for r in rr)
            pw = sum(r["pt"] > r["pb"] for r in rr)
            pmax = max(r["pt"] / r["pb"] for r in rr)
            holes = 100 * max(r['holes'] for r in rr)
            print(f"{kind:6} {'444' if s == 0 else '420'} q{q}: ratio {mt/mb:.3f}  "
                  f"p99worse {pw}/{len(rr)} max {pmax:.2f}  holes% {holes:.2f}")
if True:
    for r in rows:
        print(f"{r['m']:16}{r['f']:10}{r['s']} q{r['q']} r {r['mt']/r['mb']:.3f} "
              f"p {r['pt']/r['pb']:.2f} jpeg {int(r['jpeg'])} sub {int(r['sub'])} "
              f"full {int(r['full'])} dct {int(r['dct'])} sm {r['sm']:.2f}")

"""Deliver 1+2: the DEFAULT call tp.decolorize(pic, cmap=name, vmin=0, vmax=1) on all-data pictures
(real textured fields + smooth ones, 10 maps) under degradations; holes (NaN share) and MAE with
holes counted as full-range error, side by side with a cKDTree nearest-color baseline.

python t01_holes_accuracy.py [N] [--maps a,b] [--conds jpeg,noise] [--q444 50,75,90]
  N        side of the square crops (256)
  --maps   maps to run (default: the 10 below)
  --conds  keep the conditions whose names start with one of these (exact, jpeg, resize,
           noise, quant); default all
  --q444   JPEG 4:4:4 qualities (default 50,75)
  --kernels more 0.5x resizes with negative lobes, named resize0.50_NAME: cv2_lanczos4,
           pil_bicubic, pil_lanczos, sk_order3 (default none; cubic ran all four)
(inkend ran ``--maps seismic,magma,hot,RdBu_r,coolwarm,Spectral,viridis,pink
--conds exact,jpeg,noise,quant``; acc444 ran ``--conds jpeg --q444 50,75,90``.)"""
import argparse, time, numpy as np, cv2, truepix as tp
import _common as c

MAPS = ["viridis", "jet", "turbo", "magma", "cividis", "gray", "coolwarm", "RdBu_r", "Spectral", "hot"]
ap = argparse.ArgumentParser()
ap.add_argument("N", nargs="?", type=int, default=256)
ap.add_argument("--maps", default=",".join(MAPS))
ap.add_argument("--conds", default="")
ap.add_argument("--q444", default="50,75")
ap.add_argument("--kernels", default="")
args = ap.parse_args()
MAPS = args.maps.split(",")
N = args.N
KEEP = tuple(k for k in args.conds.split(",") if k)
Q444 = [int(q) for q in args.q444.split(",") if q]
KERNELS = [k for k in args.kernels.split(",") if k]
fields = {k: ("real", c.crop(v, N)) for k, v in c.real_fields().items() if k in ("dem_jacksboro", "camera", "moon", "grace_hopper")}
fields.update({k: ("smooth", v) for k, v in c.smooth_fields(N).items() if k != "waves"})

def all_conds(rgb, f):
    yield "exact", lambda: (rgb, f)
    for q in (50, 75, 90, 95):
        yield f"jpeg{q}_420", lambda q=q: (c.jpeg(rgb, q, 2), f)
    for q in Q444:
        yield f"jpeg{q}_444", lambda q=q: (c.jpeg(rgb, q, 0), f)
    for fac, nm, it in [(0.5, "bilinear", cv2.INTER_LINEAR), (0.5, "bicubic", cv2.INTER_CUBIC), (0.5, "area", cv2.INTER_AREA),
                        (1 / 3, "bilinear", cv2.INTER_LINEAR), (1 / 3, "area", cv2.INTER_AREA), (2.0, "bicubic", cv2.INTER_CUBIC)]:
        yield f"resize{fac:.2f}_{nm}", lambda fac=fac, it=it: c.resize(rgb, f, fac, it)
    for name in KERNELS:
        yield f"resize0.50_{name}", lambda name=name: c.resize_by(rgb, f, 0.5, name)
    for s in (1, 2, 3):
        yield f"noise{s}", lambda s=s: (c.noise(rgb, s), f)
    yield "quant256", lambda: (c.quant256(rgb), f)

def conds(rgb, f):
    for name, make in all_conds(rgb, f):
        if not KEEP or name.startswith(KEEP):
            yield (name, *make())

rows = []
t0 = time.time()
for m in MAPS:
    base = c.Baseline(m)
    for fname, (kind, f) in fields.items():
        rgb = c.render(f, m)
        for cname, im, tr in conds(rgb, f):
            est = tp.decolorize(im, cmap=m, vmin=0, vmax=1)
            b = base(im)
            mt, pt, ht = c.score(est, tr)
            mb, pb, hb = c.score(b, tr)
            rows.append((m, fname, kind, cname, mt, pt, ht, mb, pb))
        print(f"#   {m} {fname} {time.time()-t0:.0f}s", flush=True)
    print(f"# {m} done {time.time()-t0:.0f}s load {c.loadavg()}", flush=True)

print("\nper-case rows: map field kind cond tp_mae tp_p99 tp_holes base_mae base_p99")
for r in rows:
    print("ROW", *[f"{x:.5f}" if isinstance(x, float) else x for x in r])

print("\nSUMMARY by condition and kind (ratio = sum tp MAE / sum base MAE over maps x fields; holes counted as error 1.0)")
print(f"{'cond':22}{'kind':8}{'tp_mae%':>9}{'base%':>8}{'ratio':>7}{'p99r_max':>9}{'holes_mean%':>12}{'holes_max%':>11}{'n>0.2%':>8}")
for cname in dict.fromkeys(r[3] for r in rows):
    for kind in ("real", "smooth"):
        rr = [r for r in rows if r[3] == cname and r[2] == kind]
        mt = sum(r[4] for r in rr); mb = sum(r[7] for r in rr)
        p99r = max(r[5] / max(r[8], 1e-9) for r in rr)
        hm = np.mean([r[6] for r in rr]); hx = max(r[6] for r in rr); nbad = sum(r[6] > 0.002 for r in rr)
        print(f"{cname:22}{kind:8}{100*mt/len(rr):9.3f}{100*mb/len(rr):8.3f}{mt/mb:7.3f}{p99r:9.2f}{100*hm:12.3f}{100*hx:11.2f}{nbad:>5}/{len(rr)}")

print("\nWORST holes (>0.2%):")
for r in sorted(rows, key=lambda r: -r[6])[:30]:
    if r[6] > 0.002:
        print(f"  {r[0]:10}{r[1]:16}{r[3]:22} holes {100*r[6]:.2f}%  tp/base {r[4]/r[7]:.2f}")
print("\nWORST ratio per map at jpeg75_420 and resize0.50_area (real):")
for cn in ("jpeg75_420", "resize0.50_area", "noise2"):
    for m in MAPS:
        rr = [r for r in rows if r[3] == cn and r[0] == m and r[2] == "real"]
        if not rr:
            continue
        print(f"  {cn:18}{m:10} ratio {sum(r[4] for r in rr)/sum(r[7] for r in rr):.3f}  holes_max {100*max(r[6] for r in rr):.2f}%")
print("load", c.loadavg(), "total", round(time.time() - t0), "s")

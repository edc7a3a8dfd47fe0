"""CPU-time form of ``colormaps.py --speed-only``'s truepix rows (1 MP fBm terrain, rng 3):
warm ``Decolorizer.values`` best of 7, cold = a new map's first decode (median of three),
per source tree, alternated in fresh processes; NUMBA_NUM_THREADS=--threads.
python benchmarks/speed2/cpu_speed.py SRC_A SRC_B --threads 1 --rounds 3"""
import argparse, json, os, subprocess, sys
ap = argparse.ArgumentParser(); ap.add_argument("trees", nargs="+")
ap.add_argument("--threads", default="1"); ap.add_argument("--rounds", type=int, default=3)
o = ap.parse_args()
CHILD = r'''
import sys, time, io, json, warnings, numpy as np
sys.path.insert(0, sys.argv[1])
from _conditions import terrain_field
import matplotlib as mpl
from PIL import Image
import truepix as tp
data = terrain_field(1024, np.random.default_rng(3))
def draw(name, q):
    rgb = np.ascontiguousarray(mpl.colormaps[name](data, bytes=True)[..., :3])
    if q:
        b = io.BytesIO()
        Image.fromarray(rgb).save(b, "JPEG", quality=q)
        rgb = np.asarray(Image.open(b).convert("RGB"))
    return rgb
def best(f, n=7):
    ts = []
    for _ in range(n):
        t = time.process_time(); f(); ts.append(time.process_time() - t)
    return min(ts)
def cold(name, pic):
    t = time.process_time()
    tp.Decolorizer(name, vmin=0.0, vmax=1.0).values(pic)
    return time.process_time() - t
tp.Decolorizer("gray", vmin=0.0, vmax=1.0).values(np.zeros((8, 8, 3), np.uint8))
out = {}
# (the benchmark's order: exact PNG, then JPEG q75, each warm then three new maps cold)
for label, q, maps in (("png", 0, ["inferno", "plasma", "cividis"]),
                       ("q75", 75, ["magma", "turbo", "cubehelix"])):
    pic = draw("viridis", q)
    d = tp.Decolorizer("viridis", vmin=0.0, vmax=1.0); d.values(pic)
    out[f"{label} warm viridis"] = best(lambda: d.values(pic))
    cs = [cold(m, draw(m, q)) for m in maps]
    out[f"{label} cold median"] = float(np.median(cs))
    for m, c in zip(maps, cs): out[f"{label} cold {m}"] = c
jet = draw("jet", 75)
out["q75 cold jet"] = cold("jet", jet)
dj = tp.Decolorizer("jet", vmin=0.0, vmax=1.0); dj.values(jet)
out["q75 warm jet"] = best(lambda: dj.values(jet))
print(json.dumps(out))
'''
res = {}
for r in range(o.rounds):
    for i, src in enumerate(o.trees):
        env = dict(os.environ, NUMBA_NUM_THREADS=o.threads, OMP_NUM_THREADS="1", PYTHONPATH=src)
        here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # benchmarks/
        p = subprocess.run([sys.executable, "-c", CHILD, here], env=env, capture_output=True,
                           text=True)
        if p.returncode: print(p.stderr[-3000:]); sys.exit(1)
        d = json.loads(p.stdout.strip().splitlines()[-1])
        for k, v in d.items(): res.setdefault(k, {}).setdefault(i, []).append(v)
print(f"threads {o.threads}, rounds {o.rounds}, CPU ms (process_time), median over rounds; "
      f"MP/s = 1.048576/s; load {os.getloadavg()[0]:.1f}")
for k, per in res.items():
    cells = []
    for i in range(len(o.trees)):
        xs = sorted(per[i]); m = xs[len(xs)//2]
        cells.append(f"{m*1e3:8.1f} ms {1.048576/m:6.1f} MP/s")
    print(f"{k:22} " + " | ".join(cells))

"""Part 2: a 20 MP picture (5472x3648, a camera's size): the DEM drawn up bicubic (texture + smooth), jet and viridis,
exact and JPEG q85 (Pillow 4:2:0). Each case in a FRESH subprocess (numba cache warm, imports done before timing):
default call decolorize() - CPU s (time.process_time, all threads), wall s, peak RSS growth over the picture itself
(ru_maxrss), holes; then a second call (warm). k-d tree baseline timed on 1 MP and scaled. Load average printed."""
import subprocess, sys, json, os
import _common as c

CHILD = r'''
import sys, time, resource, json, io, numpy as np, cv2, matplotlib as mpl, truepix as tp
from PIL import Image
sys.path.insert(0, ".")
import _common as c
m, fmt = sys.argv[1], sys.argv[2]
f = cv2.resize(c.norm01(c.real_fields()["dem_jacksboro"]).astype(np.float32), (5472, 3648), interpolation=cv2.INTER_CUBIC).clip(0, 1)
pic = mpl.colormaps[m](f, bytes=True)[..., :3]
if fmt == "jpeg85":
    b = io.BytesIO(); Image.fromarray(pic).save(b, "JPEG", quality=85); pic = np.asarray(Image.open(b).convert("RGB"))

tp.decolorize(pic[:64, :64], cmap=m, vmin=0, vmax=1)   # load kernels from cache
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0, c0 = time.perf_counter(), time.process_time()
v = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
t1, c1 = time.perf_counter(), time.process_time()
rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
v2 = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
t2, c2 = time.perf_counter(), time.process_time()
err = np.abs(v - f); holes = np.isnan(v).mean(); err[np.isnan(v)] = 1
kdn = 1_000_000
from scipy.spatial import cKDTree
lut = mpl.colormaps[m](np.linspace(0, 1, 256), bytes=True)[:, :3].astype(float)
T = cKDTree(lut); sub = pic.reshape(-1, 3)[:kdn].astype(float)
k0 = time.process_time(); T.query(sub); k1 = time.process_time()
print(json.dumps(dict(map=m, fmt=fmt, mp=pic.shape[0]*pic.shape[1]/1e6, first_cpu=c1-c0, first_wall=t1-t0, second_cpu=c2-c1, second_wall=t2-t1,
      rss_growth_mb=(rss1-rss0)/1024, picture_mb=pic.nbytes/2**20, out_mb=v.nbytes/2**20, holes=holes, mae=float(err.mean()), kd_cpu_per_mp=k1-k0)))
'''
open("_t26_child.py", "w").write(CHILD)
print("load at start", c.loadavg())
for m in ("jet",):  # viridis cut to fit the loaded machine
    for fmt in ("exact", "jpeg85"):
        r = subprocess.run([sys.executable, "_t26_child.py", m, fmt], capture_output=True, text=True)
        if r.returncode:
            print(m, fmt, "FAILED rc", r.returncode, r.stderr[-600:]); continue
        d = json.loads(r.stdout.strip().splitlines()[-1])
        mp = d["mp"]
        print(f"{m:8}{fmt:7} {mp:.1f} MP  first call: {d['first_cpu']:.2f} s CPU ({mp/d['first_cpu']:.1f} MP/CPU-s), {d['first_wall']:.2f} s wall"
              f" | second: {d['second_cpu']:.2f} s CPU ({mp/d['second_cpu']:.1f} MP/CPU-s), {d['second_wall']:.2f} s wall"
              f" | peak RSS growth {d['rss_growth_mb']:.0f} MB (picture {d['picture_mb']:.0f} MB, output {d['out_mb']:.0f} MB)"
              f" | holes {100*d['holes']:.3f}%  MAE {100*d['mae']:.3f}% | k-d tree {1/d['kd_cpu_per_mp']:.1f} MP/CPU-s", flush=True)
        print("   load", c.loadavg())

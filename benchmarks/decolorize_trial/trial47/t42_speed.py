"""Part 2: speed as a user meets it. (a) The first call in a FRESH process, import counted: `python -c "import
truepix as tp, numpy as np; tp.decolorize(np.load(P), cmap=M, vmin=0, vmax=1)"` on a 1 MP picture (exact / JPEG q75,
viridis on a smooth field, jet on the DEM), wall and CPU of the child (RUSAGE_CHILDREN), median of 3; beside it
the same process with import only, and a k-d tree (scipy import + cKDTree build + query). numba's cache is warm
(Part 1 ran first). (b) Warm MP per CPU second (time.process_time, all threads) on a 4 MP (2048x2048) JPEG q75:
a Decolorizer decoding the same picture again (best of 3 after one warm-up) and the one-call decolorize(); fields:
smooth, the DEM drawn up bicubic, a photograph (grace_hopper drawn up); viridis, jet; and the k-d tree's MP/s."""
import os, sys, time, resource, subprocess, tempfile, statistics, numpy as np, cv2, matplotlib as mpl, truepix as tp
from _p2 import c, jpeg, header, loadavg

header(__doc__.splitlines()[0])
print(f"NUMBA_NUM_THREADS={os.environ.get('NUMBA_NUM_THREADS')} cpus={os.cpu_count()}")
tmp = tempfile.mkdtemp()
rf = c.real_fields()
def up(f, n):
    return np.clip(cv2.resize(f.astype(np.float32), (n, n), interpolation=cv2.INTER_CUBIC), 0, 1).astype(np.float64)
one = {"viridis_smooth": ("viridis", c.smooth_fields(1000)["bumps"]), "jet_dem": ("jet", up(c.crop(rf["dem_jacksboro"], 512), 1000))}
paths = {}
for k, (m, f) in one.items():
    ex = mpl.colormaps[m](f, bytes=True)[..., :3]
    for form, p in (("exact", ex), ("jpg75", jpeg(ex, 75))):
        paths[f"{k}_{form}"] = (m, os.path.join(tmp, f"{k}_{form}.npy")); np.save(paths[f"{k}_{form}"][1], p)

def child(code):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN); t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    t1 = time.perf_counter(); r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode: print("child failed:", p.stderr[-300:])
    return t1 - t0, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)

print("\n(a) fresh process, import counted: wall s / CPU s (median of 3)   load", loadavg())
codes = {"import truepix only": "import truepix as tp, numpy as np"}
for k, (m, p) in paths.items():
    codes[f"decolorize {k}"] = f"import truepix as tp, numpy as np; tp.decolorize(np.load({p!r}), cmap={m!r}, vmin=0, vmax=1)"
    if k.endswith("jpg75"):
        codes[f"k-d tree {k}"] = (f"import numpy as np, matplotlib as mpl; from scipy.spatial import cKDTree; x=np.load({p!r}); "
                                  f"t=cKDTree(mpl.colormaps[{m!r}](np.linspace(0,1,256),bytes=True)[:,:3].astype(float)); t.query(x.reshape(-1,3).astype(float))")
for name, code in codes.items():
    rr = [child(code) for _ in range(3)]
    print(f"  {name:34} wall {statistics.median(r[0] for r in rr):6.2f}  cpu {statistics.median(r[1] for r in rr):6.2f}   (runs: {', '.join(f'{a:.2f}/{b:.2f}' for a, b in rr)})", flush=True)

print("\n(b) warm, 4 MP JPEG q75: MP per CPU second (best of 3)   load", loadavg())
N = 2048
fields4 = {"smooth": c.smooth_fields(N)["bumps"], "dem_up": up(c.crop(rf["dem_jacksboro"], 512), N), "photo_up": up(c.crop(rf["grace_hopper"], 512), N)}
for fn, f in fields4.items():
    for m in ("viridis", "jet"):
        pic = jpeg(mpl.colormaps[m](f, bytes=True)[..., :3], 75)
        dec = tp.Decolorizer(m, vmin=0, vmax=1); dec.values(pic)
        ts = []
        for _ in range(3):
            c0 = time.process_time(); w0 = time.perf_counter(); v = dec.values(pic); ts.append((time.process_time() - c0, time.perf_counter() - w0))
        tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
        ts2 = []
        for _ in range(3):
            c0 = time.process_time(); tp.decolorize(pic, cmap=m, vmin=0, vmax=1); ts2.append(time.process_time() - c0)
        best = min(t[0] for t in ts); bestw = min(t[1] for t in ts)
        holes = float(np.isnan(v).mean()); mae = float(np.nanmean(np.abs(v - f)))
        print(f"  {fn:9}{m:8} Decolorizer {N*N/1e6/best:7.1f} MP/CPU-s ({best:.3f} s CPU, {bestw:.3f} s wall)   decolorize() {N*N/1e6/min(ts2):7.1f} MP/CPU-s   holes {100*holes:.3f}%  MAE {100*mae:.3f}%", flush=True)
from scipy.spatial import cKDTree
pic = jpeg(mpl.colormaps["viridis"](fields4["smooth"], bytes=True)[..., :3], 75)
t = cKDTree(mpl.colormaps["viridis"](np.linspace(0, 1, 256), bytes=True)[:, :3].astype(float))
c0 = time.process_time(); t.query(pic[:1024].reshape(-1, 3).astype(float)); dt = time.process_time() - c0
print(f"  k-d tree (viridis smooth, 2 MP of it): {2048*1024/1e6/dt:.1f} MP/CPU-s")
print("load", loadavg())

"""Repro for t87's cold numbers (JPEG 1.56-1.62 s CPU against 1.02-1.07 s in trial 50; 'dem up jet first 1.34 s'):
fresh processes with NUMBA_DEBUG_CACHE=1 decode (1) a 1 MP exact viridis PNG, (2) a 1 MP viridis JPEG q75, (3) a 1 MP jet
JPEG q75 of a DEM, each step's CPU, and the numba cache events (kernels compiled and saved vs loaded) per step. Run 3 times:
a kernel compiled in every fresh process is a cache miss (not kept on disk)."""
import subprocess, sys, os, re
from _p6 import header
header(__doc__.splitlines()[0])
code = r'''
import time, io, sys, numpy as np
t0 = time.process_time()
import truepix as tp, matplotlib as mpl
from PIL import Image
print("STEP import", round(time.process_time() - t0, 3), flush=True)
y, x = np.mgrid[0:1000, 0:1000] / 1000
f = (np.sin(6 * x) * np.cos(4 * y) + 1) / 2
d = np.load(sys.argv[1]); dem = np.kron(d, np.ones((3, 3)))[:1000, :1000]
def jp(rgb):
    b = io.BytesIO(); Image.fromarray(rgb).save(b, "JPEG", quality=75); return np.asarray(Image.open(io.BytesIO(b.getvalue())))
ex = mpl.colormaps["viridis"](f, bytes=True)[..., :3]; jv = jp(ex); jj = jp(mpl.colormaps["jet"](dem, bytes=True)[..., :3])
for nm, pic, m in (("exact viridis", ex, "viridis"), ("jpeg viridis", jv, "viridis"), ("jpeg jet dem", jj, "jet"), ("jpeg jet dem again", jj, "jet")):
    t0 = time.process_time(); v = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
    print("STEP", nm, round(time.process_time() - t0, 3), "NaN%", round(100 * float(np.isnan(v).mean()), 3), flush=True)
'''
import numpy as np
from _p6 import c
dem = c.crop(c.real_fields(512)["dem_jacksboro"], 512)
np.save("/tmp/trial51_dem.npy", dem)
for run in range(3):
    env = dict(os.environ, NUMBA_DEBUG_CACHE="1")
    r = subprocess.run([sys.executable, "-c", code, "/tmp/trial51_dem.npy"], capture_output=True, text=True, env=env)
    out = r.stdout.splitlines(); step = "start"; ev = {}
    for ln in out:
        if ln.startswith("STEP"):
            ev_s = ev.get(step, {}); print(f"run {run}: {ln}  | numba cache events before it: {ev_s}", flush=True); step = ln.split()[1:3] and " ".join(ln.split()[1:-3] if "NaN%" in ln else ln.split()[1:-1])
            continue
        m = re.match(r"\[cache\] (\w+ \w+)", ln)
        if m: ev.setdefault(step, {}); ev[step][m.group(1)] = ev[step].get(m.group(1), 0) + 1
    saves = [ln for ln in out if "saved" in ln][:8]
    print(f"run {run}: rc {r.returncode}; all events: {ev}; first 'saved' lines: {saves} | stderr tail {r.stderr[-300:]!r}", flush=True)

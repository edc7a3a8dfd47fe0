"""(6) What a user waits: first call in a fresh process (numba cache warm) on a PNG and a JPEG file (1 MP),
the CLI on one file, and warm calls on 1 / 4 / 12 MP (exact PNG, JPEG q85 all-data, jet terrain)."""
import os, subprocess, sys, tempfile, time
import numpy as np
from PIL import Image
from common import *
import truepix as tp
from skimage.transform import resize

D = tempfile.mkdtemp(prefix="t44t_")
f = fields(1024)["terrain"]
big = resize(f, (3000, 4000), order=1)
for nm, arr in [("1mp", resize(f, (1000, 1000), order=1)), ("4mp", resize(f, (1732, 2309), order=1)), ("12mp", big)]:
    rgb = tp.colorize(arr, cmap="jet", vmin=200, vmax=4000)[..., :3]
    Image.fromarray(rgb).save(f"{D}/{nm}.png"); Image.fromarray(rgb).save(f"{D}/{nm}.jpg", quality=85)

code = ("import time; t0=time.perf_counter(); import numpy as np; from PIL import Image; import truepix as tp; t1=time.perf_counter();"
        "a=np.asarray(Image.open({p!r}).convert('RGB')); t2=time.perf_counter();"
        "v=tp.decolorize(a, cmap='jet', vmin=200, vmax=4000); t3=time.perf_counter();"
        "v=tp.decolorize(a, cmap='jet', vmin=200, vmax=4000); t4=time.perf_counter();"
        "print(f'import {{t1-t0:.2f}}s  read {{t2-t1:.2f}}s  first decode {{t3-t2:.2f}}s  second {{t4-t3:.2f}}s  nan={{np.isnan(v).mean()*100:.3f}}%')")
print("== fresh process, numba cache warm (each twice)")
for fn in ("1mp.png", "1mp.jpg", "12mp.jpg"):
    for k in range(2):
        t = time.perf_counter()
        r = subprocess.run([sys.executable, "-c", code.format(p=f"{D}/{fn}")], capture_output=True, text=True)
        print(f"{fn:9s} wall {time.perf_counter()-t:5.2f}s  {r.stdout.strip()} {r.stderr.strip()[-200:]}", flush=True)
print("== CLI on one file")
for fn in ("1mp.png", "1mp.jpg"):
    for k in range(2):
        t = time.perf_counter()
        r = subprocess.run(["truepix", "decolorize", f"{D}/{fn}", f"{D}/o.npy", "--cmap", "jet", "--vmin", "200", "--vmax", "4000"],
                           capture_output=True, text=True)
        print(f"{fn:9s} rc={r.returncode} wall {time.perf_counter()-t:5.2f}s {r.stderr.strip()[-200:]}", flush=True)
print("== warm, in this process (3 calls: min / max)")
dec_ = tp.Decolorizer("jet", vmin=200, vmax=4000)
for nm in ("1mp", "4mp", "12mp"):
    for ext in ("png", "jpg"):
        a = np.asarray(Image.open(f"{D}/{nm}.{ext}").convert("RGB"))
        ts = []
        for k in range(3):
            t = time.perf_counter(); v = tp.decolorize(a, cmap="jet", vmin=200, vmax=4000); ts.append(time.perf_counter() - t)
        mp = a.shape[0] * a.shape[1] / 1e6
        print(f"{nm} {ext}: {min(ts):.2f}-{max(ts):.2f}s ({mp/min(ts):.1f} MP/s best) nan={np.isnan(v).mean()*100:.3f}%", flush=True)

import sys, time
sys.path.insert(0, "/tmp/tspeed"); sys.path.insert(0, "/work/main/benchmarks")
from common import pic
from _conditions import terrain_field
import numpy as np, truepix
tag = sys.argv[1]
terrain = terrain_field(1024, np.random.default_rng(3))
rows = [(c, "photo", pic(c)) for c in ("jet", "viridis", "coolwarm", "turbo")] + \
       [(c, "terrain", pic(c, field=terrain)) for c in ("jet", "viridis")]
for cmap, name, p in rows:
    d = truepix.Decolorizer(cmap, vmin=0, vmax=1)
    d.values(p); d.values(p)
    ts = []
    for _ in range(7):
        t = time.process_time(); d.values(p); ts.append(time.process_time() - t)
    print(f"{tag:5} {cmap:9} {name:8} q75 CPU ms min {min(ts)*1000:6.1f}  ({1.048576/min(ts):5.1f} MP/s)", flush=True)

"""python probe.py MODE KIND MAP  -> json of cpu/wall
MODE first: import truepix + first decolorize in process (nothing before)
MODE fresh: gray 8x8 first (numba started), then first call on MAP
MODE cold: viridis on same KIND first (kernels loaded), then MAP new
"""
import sys, time, json
import numpy as np
mode, kind, name = sys.argv[1:4]
pic = np.load(f"/tmp/fw/{name}_{kind}.npy")
pc, wc = time.process_time, time.perf_counter
c0, w0 = pc(), wc()
import truepix as tp
imp = (pc() - c0, wc() - w0)
if mode == "fresh":
    tp.Decolorizer("gray", vmin=0.0, vmax=1.0).values(np.zeros((8, 8, 3), np.uint8))
elif mode == "cold":
    v = np.load(f"/tmp/fw/viridis_{kind}.npy")
    tp.Decolorizer("viridis", vmin=0.0, vmax=1.0).values(v)
c1, w1 = pc(), wc()
if mode == "first":
    tp.decolorize(pic, cmap=name, vmin=0.0, vmax=1.0)
else:
    tp.Decolorizer(name, vmin=0.0, vmax=1.0).values(pic)
call = (pc() - c1, wc() - w1)
print(json.dumps({"imp_cpu": imp[0], "imp_wall": imp[1], "cpu": call[0], "wall": call[1],
                  "total_cpu": pc() - c0, "total_wall": wc() - w0}))

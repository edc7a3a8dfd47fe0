"""First-call time of tp.decolorize in a fresh process (imports excluded). usage: first_call.py KIND MAP"""
import sys, time, io
import numpy as np
from _h import fields, pil_jpeg, plt
import truepix as tp
kind, cm = sys.argv[1], sys.argv[2]
f = fields(512)["camera"]
pic = plt.get_cmap(cm)(f, bytes=True)[..., :3]
if kind == "jpeg": pic = pil_jpeg(pic, 75)
if kind == "noise": pic = np.clip(pic + np.random.default_rng(0).normal(0, 2, pic.shape), 0, 255).astype(np.uint8)
if kind == "imread":
    b = io.BytesIO(); plt.imsave(b, f, cmap=cm, format="png"); b.seek(0); pic = plt.imread(b)
t = time.perf_counter(); c = time.process_time()
if kind == "identify":
    tp.identify_colormap(pic)
else:
    v = tp.decolorize(pic, cmap=cm, vmin=0, vmax=1)
t1 = time.perf_counter(); c1 = time.process_time()
v = tp.decolorize(pic, cmap=cm, vmin=0, vmax=1) if kind != "identify" else tp.identify_colormap(pic)
import os
print(f"{kind:8s} {cm:8s} first {t1-t:.2f}s wall {c1-c:.2f}s CPU  second {time.perf_counter()-t1:.3f}s wall {time.process_time()-c1:.3f}s CPU  load {os.getloadavg()[0]:.1f}")

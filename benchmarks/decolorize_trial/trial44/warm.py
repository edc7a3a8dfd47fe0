import time, numpy as np
t=time.time()
import truepix as tp
from common import *
f = fields(256)["terrain"]
rgba = tp.colorize(f, cmap="jet", vmin=200, vmax=4000)
for name, p in [("exact", rgba), ("jpeg", jpeg(rgba, 75)), ("noise", np.clip(rgba[..., :3] + np.random.default_rng(0).normal(0, 2, rgba[..., :3].shape), 0, 255).astype(np.uint8)), ("webp", webp(rgba, 50))]:
    t0=time.time(); tp.decolorize(p, cmap="jet", vmin=200, vmax=4000); print(name, time.time()-t0, flush=True)
print("total", time.time()-t)

"""12 MP all-data picture (terrain 4000x3000, jet / viridis, Pillow JPEG q90): fresh process, first call and a warm call."""
import sys, time, numpy as np
t0 = time.perf_counter()
from common import fields, jpeg
import matplotlib.pyplot as plt
from skimage.transform import resize
name = sys.argv[1] if len(sys.argv) > 1 else "jet"
f = resize(fields(256)["terrain"], (3000, 4000), order=1)
pic = jpeg(plt.get_cmap(name)(plt.Normalize(200, 4000)(f), bytes=True)[..., :3], 90)
t1 = time.perf_counter(); import truepix as tp
for i in range(2):
    s = time.perf_counter(); v = tp.decolorize(pic, cmap=name, vmin=200, vmax=4000); d = time.perf_counter() - s
    print(f"{name} 4000x3000 all-data JPEG q90 call {i+1}: {d:.2f} s ({12/d:.1f} MP/s) NaN {np.isnan(v).mean()*100:.3f}% mean err {np.nanmean(np.abs(v-f))/38:.3f}%" + (f" (import+first {time.perf_counter()-t1:.1f} s)" if i == 0 else ""), flush=True)

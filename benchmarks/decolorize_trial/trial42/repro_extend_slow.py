"""Time: a jet.with_extremes(over='white', under='black') terrain picture, JPEG q85, decoded with the object, 3 calls."""
import sys, time; sys.path.insert(0, "."); from common import *
F = fields(256)["terrain"]; cm = plt.get_cmap("jet").with_extremes(over="white", under="black")
pic = jpeg(cm(plt.Normalize(1000, 3500)(F), bytes=True)[..., :3], 85)
import truepix as tp
for i in range(3):
    t = time.perf_counter(); v = tp.decolorize(pic, cmap=cm, vmin=1000, vmax=3500); print(f"call {i}: {time.perf_counter() - t:.2f} s, NaN {np.isnan(v).mean():.2%}", flush=True)

"""An uneven BoundaryNorm picture decoded with the plain name: the warning's advice (get_cmap(name, 6))
vs the truth; following it."""
import io, warnings, numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt, matplotlib.colors as mc
import truepix as tp
from skimage import data
F = data.camera()[::2, ::2].astype(float) / 2.55
b = [0, 10, 20, 35, 50, 70, 100]; norm = mc.BoundaryNorm(b, 256)
pic = plt.get_cmap("viridis")(norm(F), bytes=True)[..., :3]          # what imshow(F, cmap='viridis', norm=norm) paints
idx = np.clip(np.digitize(F, b) - 1, 0, 5); truth = np.array([(b[i] + b[i + 1]) / 2 for i in range(6)])[idx]
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always"); v = tp.decolorize(pic, cmap="viridis", vmin=0, vmax=100)
for x in w: print("WARNING:", x.message)
print("plain name: mean |err| %.2f  max %.2f" % (np.nanmean(abs(v - truth)), np.nanmax(abs(v - truth))))
v2 = tp.decolorize(pic, cmap=plt.get_cmap("viridis", 6), vmin=0, vmax=100)
print("advice followed, get_cmap('viridis', 6): mean |err| %.2f  max %.2f" % (np.nanmean(abs(v2 - truth)), np.nanmax(abs(v2 - truth))))
v3 = tp.decolorize(pic, cmap="viridis", norm=norm)
print("norm=BoundaryNorm(b, 256): mean |err| %.2f  max %.2f" % (np.nanmean(abs(v3 - truth)), np.nanmax(abs(v3 - truth))))

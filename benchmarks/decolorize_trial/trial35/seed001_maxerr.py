"""Deliver 3: seed 001 as written, float RGBA jet(Normalize(1500, 4500)(data)). Goal: max error <= one bin (11.72)."""
import numpy as np, matplotlib as mpl
from matplotlib.colors import Normalize
import truepix as tp
data = np.linspace(1500, 4500, 3001)[None, :]          # every value once
rgba = mpl.colormaps["jet"](Normalize(1500, 4500)(data))
v = tp.decolorize(rgba, cmap="jet", vmin=1500, vmax=4500)
e = np.abs(v - data)
print("max error %.2f (one bin = %.2f), at data = %.0f" % (e.max(), 3000 / 256, data[0, e.argmax()]))

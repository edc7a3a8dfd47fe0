import numpy as np, cv2; import truepix as tp
g = np.arange(256, dtype=np.uint8).reshape(1, 256)
rgb = cv2.cvtColor(cv2.applyColorMap(g, cv2.COLORMAP_VIRIDIS), cv2.COLOR_BGR2RGB)
r = tp.Decolorizer("opencv:viridis", vmin=0, vmax=255, step=1).decode(rgb)
bad = np.flatnonzero(r.values[0] != np.arange(256))
print("v ->", dict(zip(bad.tolist(), r.values[0][bad].tolist())), "ambiguous:", r.ambiguous[0][bad].tolist())

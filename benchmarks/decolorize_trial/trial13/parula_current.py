# MATLAB's current parula (R2017a+, 256 entries; file "Copyright 2013-2016 The MathWorks") is not
# truepix's matlab:parula (the R2014b 64-entry table, first row 0.2081 0.1663 0.5292)
import numpy as np, truepix as tp
from truepix.color import catalog
from importlib import resources
P = np.loadtxt(resources.files("truepix.color").joinpath("data/matlab_parula256.csv").open(), delimiter=",", comments="#")
print("table diff vs matlab:parula, max", np.abs(catalog["matlab:parula"].lut[:, :3] - P).max().round(4),
      " first rows:", P[0], catalog["matlab:parula"].lut[0, :3].round(4))
x = np.linspace(0, 1, 256 * 64).reshape(128, 128)
idx = np.clip((x * 256).astype(int), 0, 255)                  # MATLAB image/imagesc indexing
pic = np.floor(P[idx] * 255 + 0.5).astype(np.uint8)          # MATLAB writes rounded bytes
v = tp.decolorize(pic, cmap="matlab:parula", vmin=0, vmax=1)
e = np.abs(v - x)
print(f"parula(256) picture: NaN {np.isnan(v).mean()*100:.1f}%  mean err {np.nanmean(e)*100:.2f}%  max err {np.nanmax(e)*256:.1f} bins")
print("identify:", [m.name for m in tp.identify_colormap(pic, top=3)])

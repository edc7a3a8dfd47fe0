import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
import pandas as pd
from plotnine import ggplot, aes, geom_raster, theme, scale_fill_cmap, coord_cartesian, scale_x_continuous, scale_y_continuous
ny, nx = 20, 25
yy, xx = np.mgrid[0:ny, 0:nx]
v = (xx + yy).astype(float) * 2
df = pd.DataFrame(dict(x=xx.ravel(), y=yy.ravel(), v=v.ravel()))
p = (ggplot(df, aes("x", "y", fill="v")) + geom_raster() + scale_fill_cmap("magma")
     + scale_x_continuous(expand=(0, 0)) + scale_y_continuous(expand=(0, 0)) + theme(figure_size=(6, 4.5), dpi=100))
fig = p.draw(); ax = fig.axes[0]
import io; fig.savefig(io.BytesIO(), format="png", dpi=fig.dpi)  # plotnine lays out at save time
d = panel(fig, ax, None, float(v.min()), float(v.max()), "magma", grid=[ny, nx], cells=v[::-1])
d["cbar_bbox"] = "any"
save(fig, "c27_plotnine_raster", [d])

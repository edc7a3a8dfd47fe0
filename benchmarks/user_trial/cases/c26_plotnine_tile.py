import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth import panel, save, from_mappable
rng = np.random.default_rng(0)
import pandas as pd
from plotnine import ggplot, aes, geom_tile, theme, scale_fill_cmap
ny, nx = 12, 18
yy, xx = np.mgrid[1:ny + 1, 1:nx + 1]
v = np.sin(xx / 4) * np.cos(yy / 3) * 10
df = pd.DataFrame(dict(x=xx.ravel(), y=yy.ravel(), v=v.ravel()))
p = ggplot(df, aes("x", "y", fill="v")) + geom_tile() + scale_fill_cmap("viridis") + theme(figure_size=(6, 4), dpi=100)
fig = p.draw(); ax = fig.axes[0]
import io; fig.savefig(io.BytesIO(), format="png", dpi=fig.dpi)  # plotnine lays out at save time
d = panel(fig, ax, None, float(v.min()), float(v.max()), "viridis", grid=None)
d["cbar_bbox"] = "any"; d["bbox"] = d["bbox"]
d["note"] = "ggplot panel includes expansion margins; grid shape 12x18 expected within the tiles"
save(fig, "c26_plotnine_tile", [d], note="plotnine geom_tile; bbox = whole gray panel")

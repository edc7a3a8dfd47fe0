import numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from _truth4 import panel, save4, from_mappable
rng = np.random.default_rng(4)
import pandas as pd
from plotnine import ggplot, aes, geom_tile, theme, scale_fill_gradient2, theme_bw
yy, xx = np.mgrid[1:11, 1:16]
v = (xx - 8) * 0.7 + np.sin(yy) * 2
df = pd.DataFrame(dict(x=xx.ravel(), y=yy.ravel(), v=v.ravel()))
p = ggplot(df, aes("x", "y", fill="v")) + geom_tile() + scale_fill_gradient2(midpoint=0) + theme_bw() + theme(figure_size=(6, 4), dpi=110)
fig = p.draw(); ax = fig.axes[0]
import io; fig.savefig(io.BytesIO(), format="png", dpi=fig.dpi)
d = panel(fig, ax, None, float(v.min()), float(v.max()), None, grid=None, coords=False)
d["cbar_bbox"] = "any"
save4(fig, "d06_plotnine_gradient2", [d], note="plotnine scale_fill_gradient2 (non-matplotlib cmap); range = data range")

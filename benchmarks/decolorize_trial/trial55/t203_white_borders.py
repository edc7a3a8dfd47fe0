"""Follow-up of failure 1 (black pcolormesh borders): white borders, the way seaborn draws them
(`sns.heatmap(d, linewidths=0.5)`, linecolor white) and `pcolormesh(edgecolors="w")`, PNG / q75 / q90."""
import sys, pathlib, os
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "trial54"))
os.environ["ONLY"] = "-"
from t200_new_inputs import pics  # noqa
from _p8 import dec_any
import numpy as np
import matplotlib.pyplot as plt
import seaborn as sns

rng = np.random.default_rng(55)
d = rng.uniform(size=(16, 24))
for m in ("viridis", "jet", "mako"):
    def make_sns(cm, ink, face, m=m):
        fg, ax = plt.subplots()
        sns.heatmap(d, cmap=cm or m, linewidths=0.5, linecolor=ink if cm is not None else "white", ax=ax)
        if face: ax.set_facecolor(face)
        return fg, ax, ax.collections[0].norm
    def make_pm(cm, ink, face, m=m):
        fg, ax = plt.subplots()
        if face: ax.set_facecolor(face)
        pm = ax.pcolormesh(d, cmap=cm or m, edgecolors=ink if cm is not None else "w", linewidth=0.5); fg.colorbar(pm)
        return fg, ax, pm.norm
    for name, mk in (("sns.heatmap(linewidths=0.5)", make_sns), ("pcolormesh(edgecolors=w)", make_pm)):
        ps, truth, ink, sl, nm = pics(mk, quals=(("png", None), ("q75", 75), ("q90", 90)))
        for lab, pic in ps.items():
            dec_any(f"{name} {m} {lab}", pic, truth[sl], m, sl=sl, ink=ink[sl], vmin=float(nm.vmin), vmax=float(nm.vmax))

"""Annotations over new inputs (D1's flagging half): an 8x8 imshow(nearest) with each cell's value written in it
(ax.text, 9 pt, black; matplotlib's 'annotated heatmap' recipe) and the matshow of t400 A with a 'k' contour, at PNG /
q75 / q95: flag% of the ink pixels and holes on the data."""
from _p9 import *  # noqa
from _p9 import run, header, HEAD8, fbm, annotated_cells
import numpy as np, matplotlib.pyplot as plt

header(__doc__.splitlines()[0])
print(HEAD8, flush=True)
d8 = np.random.default_rng(56).uniform(size=(8, 8)); d = fbm(64, seed=4)[:40, :60]
for m in ("viridis", "jet"):
    make = annotated_cells(m, d8)
    run(f"annotated 8x8 cells {m}", make, m, quals=(("png", None), ("q75", 75), ("q95", 95)))
    def make2(cm, ink, face, m=m):
        fg, ax = plt.subplots()
        if face: ax.set_facecolor(face)
        im = ax.matshow(d, cmap=cm or m); plt.colorbar(im, shrink=0.6); ax.contour(d, levels=6, colors=[ink], linewidths=1)
        return fg, ax, im.norm
    run(f"matshow + k contours {m}", make2, m, quals=(("png", None), ("q75", 75), ("q95", 95)))

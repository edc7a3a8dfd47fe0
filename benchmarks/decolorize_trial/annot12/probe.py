"""annot12 probe (issue 11): annotated 8x8 heatmap cells (trial56's t404 maker, ``_p9.annotated_cells``), viridis and
jet, PNG / q75 / q90 / q95: data holes % and text flagged % (annot11's probe's truth: the gray redraw), and
read_figure's grid of test_grid_covered's crowded seaborn heatmap (30 x 40 cells, 6 pt numbers, q75).

run: cd benchmarks/decolorize_trial/annot12 && PYTHONPATH=../../../src NUMBA_NUM_THREADS=1 MPLBACKEND=Agg python probe.py
"""
import io, sys, pathlib
H = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(H.parent / "trial56"))
from _p9 import pics, annotated_cells  # noqa: E402
import numpy as np, matplotlib.pyplot as plt, truepix as tp  # noqa: E402
from PIL import Image  # noqa: E402

d8 = np.random.default_rng(56).uniform(size=(8, 8))
QUALS = (("png", None), ("q75", 75), ("q90", 90), ("q95", 95))
print(f"{'case':22} {'holes%':>7} {'flag%':>6}", flush=True)
for m in ("viridis", "jet"):
    ps, truth, ink, sl, nm = pics(annotated_cells(m, d8), quals=QUALS)
    data, ik = np.isfinite(truth[sl]), ink[sl]
    for lab, pic in ps.items():
        v = np.asarray(tp.decolorize(pic, cmap=m, vmin=float(nm.vmin), vmax=float(nm.vmax)))[sl]
        print(f"annot {m:8} {lab:5} {100 * np.isnan(v)[data].mean():7.3f} {100 * np.isnan(v)[ik].mean():6.1f}", flush=True)

import seaborn  # noqa: E402
rng = np.random.default_rng(11)
y, x = np.mgrid[0:30, 0:40]
cells = 10 + 8 * np.sin(x / 6) * np.cos(y / 5) + rng.normal(0, 1.5, (30, 40))
fig, ax = plt.subplots(figsize=(12, 8), dpi=100)
seaborn.heatmap(cells, annot=True, fmt=".1f", linewidths=0.5, ax=ax, annot_kws={"fontsize": 6})
buf = io.BytesIO(); fig.savefig(buf, format="png", dpi=100); plt.close(fig)
out = io.BytesIO(); Image.open(buf).convert("RGB").save(out, format="JPEG", quality=75)
print("crowded seaborn heatmap q75: read_figure grid", tp.read_figure(out.getvalue()).panels[0].grid, flush=True)

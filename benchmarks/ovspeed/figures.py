"""CPU ms (best of 3 after a warm-up, process_time) of the default Decolorizer on JPEG'd
figures (600x800 imshow of a terrain with a colorbar, plain and with a white box at alpha
0.5; viridis, jet) and 1 MP JPEG q75 smooth fields (a diagonal ramp, bumps) in viridis.
Usage: PYTHONPATH=src NUMBA_NUM_THREADS=1 python benchmarks/ovspeed/figures.py [names]"""
import io
import os
import sys
import time
import warnings

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from PIL import Image  # noqa: E402

import truepix as tp  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(HERE, "..", "decolorize_trial", "trial45"))
import _common as c  # noqa: E402
from _conditions import terrain_field  # noqa: E402

warnings.simplefilter("ignore")


def fig(m, box):
    f = terrain_field(256, np.random.default_rng(3))
    fg, ax = plt.subplots(figsize=(8, 6), dpi=100)
    im = ax.imshow(f, cmap=m)
    fg.colorbar(im)
    ax.set_title("terrain")
    if box:
        ax.add_patch(plt.Rectangle((40, 40), 80, 60, color="white", alpha=0.5))
    b = io.BytesIO()
    fg.savefig(b, format="jpg")
    plt.close(fg)
    p = np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
    return m, p, float(f.min()), float(f.max())


def smooth(name):
    rgb = np.ascontiguousarray(c.render(c.smooth_fields(1024)[name], "viridis"))
    return "viridis", c.jpeg(rgb, 75), 0.0, 1.0


pics = {}
for m in ("viridis", "jet"):
    pics[m + "_plain"] = fig(m, False)
    pics[m + "_box"] = fig(m, True)
pics["ramp_viridis"] = smooth("ramp_diag")
pics["bumps_viridis"] = smooth("bumps")
sel = sys.argv[1].split(",") if len(sys.argv) > 1 else list(pics)
for k in sel:
    m, p, lo, hi = pics[k]
    d = tp.Decolorizer(m, vmin=lo, vmax=hi)
    v = d.values(p)
    ts = []
    for _ in range(3):
        t = time.process_time()
        d.values(p)
        ts.append(time.process_time() - t)
    print(f"{k:16} {p.shape} {1000*min(ts):.0f} ms nan {np.isnan(v).mean():.4f}", flush=True)

"""A picture read with cv2.imread (BGR order) passed as is: no warning, most pixels answered with
wrong numbers (errors of 10-100 % of the range), the rest NaN. cv2.imread is the most common reader.
Run: PYTHONPATH=src python benchmarks/decolorize_trial/trial16/repro_bgr_silent.py"""
import warnings, tempfile, os
import numpy as np, cv2, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import truepix as tp
from skimage.data import camera
from skimage.transform import resize

f = resize(camera().astype(float), (128, 128), anti_aliasing=True); f = (f - f.min()) / np.ptp(f)
path = os.path.join(tempfile.mkdtemp(), "pic.png")
for cm in ("viridis", "magma", "coolwarm", "turbo", "RdBu", "jet"):
    plt.imsave(path, f, cmap=cm, vmin=0, vmax=1)
    bgr = cv2.imread(path)                      # what the user has: BGR
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        v = tp.decolorize(bgr, cmap=cm, vmin=0, vmax=1)
    e = np.abs(v - f)
    print(f"{cm:9s} NaN {100*np.isnan(v).mean():5.1f} %, answered pixels off by > 5 % of range: "
          f"{100*np.nanmean(e > 0.05) * (1 - np.isnan(v).mean()):5.1f} % of all, max {100*np.nanmax(e):5.1f} %; "
          f"warnings: {[str(x.message)[:90] for x in w] or 'none'}")

"""Draw trial 46's t29 (coastlines, also with the coastlines alone: the exact coast mask) and t23
(overlays) pictures once, PNG and JPEG q75, into /tmp/coast/t29.npz and t23.npz for score.py."""
import os, sys, numpy as np
TRIAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "decolorize_trial", "trial46")
os.makedirs("/tmp/coast", exist_ok=True)
sys.path.insert(0, TRIAL)

import _common as c  # noqa: E402 (trial 45 and 46 helpers, from TRIAL)
src = open(os.path.join(TRIAL, "t29_coastlines.py")).read()
head = src.split("print(f\"{'map'")[0]
g = {}
exec(compile(head.replace("ax.axvline(g", "nogrid or ax.axvline(g").replace("ax.axhline(g", "nogrid or ax.axhline(g").replace("def draw(f, m, dpi, strokes, col, lw):", "def draw(f, m, dpi, strokes, col, lw, nogrid=False):"), "t29", "exec"), g)
g["draw_c"] = lambda f, m, dpi, col, lw: g["draw"](f, m, dpi, True, col, lw, nogrid=True)[0]
out = {}
for m in ("viridis", "jet", "magma"):
    cname, col = g["far"](m)
    for fn, f in g["fields"].items():
        for dpi in (100, 150):
            clean, sl, truth = g["draw"](f, m, dpi, False, col, 1)
            pic, _, _ = g["draw"](f, m, dpi, True, col, 0.5)
            k = f"{m}|{fn}|{dpi}|{cname}"
            out[k + "|pic"] = pic; out[k + "|clean"] = clean; out[k + "|truth"] = truth
            out[k + "|sl"] = np.array([sl[0].start, sl[0].stop, sl[1].start, sl[1].stop])
            out[k + "|j75"] = c.jpeg(pic, 75)
            out[k + "|col"] = np.array(col, float)
            out[k + "|conly"] = g["draw_c"](f, m, dpi, col, 0.5)
np.savez_compressed("/tmp/coast/t29.npz", **out)
src = open(os.path.join(TRIAL, "t23_overlays.py")).read()
head = src.split("print(f\"{'map'")[0]
g = {}
exec(compile(head, "t23", "exec"), g)
out = {}
for m in ("viridis", "jet", "coolwarm", "magma"):
    for fn, f in g["fields"].items():
        clean, sl, truth = g["draw"](f, m, None)
        k0 = f"{m}|{fn}"
        out[k0 + "|clean"] = clean; out[k0 + "|truth"] = truth
        out[k0 + "|sl"] = np.array([sl[0].start, sl[0].stop, sl[1].start, sl[1].stop])
        out[k0 + "|cleanj75"] = c.jpeg(clean, 75)
        for ov in ("whitebox_a0.5", "scatter_k_a0.3", "axvspan_gray_a0.3", "text_bbox_a0.6", "fill_red_a0.25", "hatch"):
            pic, _, _ = g["draw"](f, m, ov)
            out[f"{k0}|{ov}|pic"] = pic; out[f"{k0}|{ov}|j75"] = c.jpeg(pic, 75)
np.savez_compressed("/tmp/coast/t23.npz", **out)
print("ok")

"""annot11 guards: digits flagged / data NaN on the heatmap tests' pictures (seaborn 16 cells, the flatcells smooth
field, a BoundaryNorm pcolormesh) and the annotated 8x8 cells at q50/q75/q90, for variants of RIM_SHARE,
INK_FRINGE_STEPS, FRINGE_SHARE (set on the module at run time)."""
import sys, io
import pathlib
H = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(H.parents[2])); sys.path.insert(0, str(H.parent / "trial56"))
import numpy as np, matplotlib; matplotlib.use("Agg")
from scipy import ndimage
import truepix as tp
from truepix.color._decolorize import _cellmarks as CM
from tests.color._photographs import seaborn_heatmap
import tests.color.test_decolorize_flatcells as TF
import tests.color.test_decolorize_boundary_cells as TB
from PIL import Image
VARIANTS = [(0.2, 1, 0.08), (0.2, 1, 0.12), (0.2, 0, 0.08), (0.0, 1, 0.0)]  # (RIM_SHARE, INK_FRINGE_STEPS, FRINGE_SHARE)
cases = []
for cmap, q in (("coolwarm", 75), ("rocket", 75), ("viridis", 50), ("YlGnBu", 50)):
    plain, ann = seaborn_heatmap(16, False, None, cmap), seaborn_heatmap(16, True, None, cmap)
    digits = np.abs(ann.astype(int) - plain.astype(int)).max(axis=-1) >= 40
    away = ~ndimage.binary_dilation(digits, iterations=3)
    pic = seaborn_heatmap(16, True, q, cmap)
    cases.append((f"sns16 {cmap} q{q}", pic, dict(cmap=cmap, vmin=0, vmax=100), digits, away))
for cmap, name in ((None, "seaborn:rocket"), ("coolwarm", "coolwarm")):
    plain, box = TF._figure(cmap, False, None); drawn, _ = TF._figure(cmap, True, None)
    top, bottom, left, right = box
    moved = np.abs(drawn.astype(int) - plain.astype(int)).max(axis=-1)
    inside = np.zeros(moved.shape, bool); inside[top + 1:bottom - 1, left + 1:right - 1] = True
    digits = inside & (moved > 10)
    rows, cols = np.mgrid[0:moved.shape[0], 0:moved.shape[1]]
    ch, cw = (bottom - top) / TF.SHAPE[0], (right - left) / TF.SHAPE[1]
    fy = np.abs((rows - top + .5) / ch - np.round((rows - top + .5) / ch)); fx = np.abs((cols - left + .5) / cw - np.round((cols - left + .5) / cw))
    data = inside & ~((fy * ch < 3) | (fx * cw < 3)) & ~ndimage.binary_dilation(moved > 0, iterations=3)
    pic, _ = TF._figure(cmap, True, 75); v = TF._smooth_data()
    cases.append((f"flatcells {name}", pic, dict(cmap=name, vmin=v.min(), vmax=v.max()), digits, data))
png, (t, b, l, r) = TB._figure(); buf = io.BytesIO(); Image.fromarray(png).save(buf, "JPEG", quality=75)
pic = np.asarray(Image.open(buf).convert("RGB")); area = np.zeros(pic.shape[:2], bool); area[t:b, l:r] = True
cases.append(("boundary jet q75", pic, dict(cmap="jet", vmin=0, vmax=10), np.zeros_like(area), area))
from _p9 import pics, annotated_cells
import matplotlib.pyplot as plt
d8 = np.random.default_rng(56).uniform(size=(8, 8))
for m in ("viridis", "jet"):
    make = annotated_cells(m, d8)
    ps, truth, ink, sl, nm = pics(make, quals=(("png", None), ("q50", 50), ("q75", 75), ("q90", 90))); ps.pop("png")
    data = np.zeros(truth.shape, bool); data[sl] = np.isfinite(truth[sl])
    for lab, pic in ps.items():
        cases.append((f"annot8 {m} {lab}", pic, dict(cmap=m, vmin=float(nm.vmin), vmax=float(nm.vmax)), ink, data))
for share, fringe, fs in VARIANTS:
    CM.RIM_SHARE, CM.INK_FRINGE_STEPS, CM.FRINGE_SHARE = share, fringe, fs
    print(f"RIM_SHARE {share} INK_FRINGE_STEPS {fringe} FRINGE_SHARE {fs}", flush=True)
    for name, pic, kw, ink, data in cases:
        h = np.isnan(np.asarray(tp.decolorize(pic, **kw)))
        fl = f"{100*h[ink].mean():6.2f}" if ink.any() else "     -"
        print(f"  {name:28} flagged {fl}  data NaN {100*h[data].mean():6.3f}", flush=True)

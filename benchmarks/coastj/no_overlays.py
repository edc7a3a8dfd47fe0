"""See-through patches found where none is drawn: figures without overlays, JPEG'd, decoded
by the default call; per picture the pixels ``_overlays`` made NaN that were not NaN before
(a patch found over data is a hole; over a figure's text and lines it is no harm, so the
count is an upper bound on the holes). Run from the repository root:
PYTHONPATH=src python benchmarks/coastj/no_overlays.py"""
import io, os, sys, warnings
import numpy as np
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
import matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image
from scipy.ndimage import binary_dilation
import truepix as tp
from truepix.color._decolorize import _plan, _overlays
from tests.color._photographs import seaborn_heatmap, annotated_figure, fbm

found, nan_before = [], []
def counting(result, pixels, fills, decoder):
    before = np.isnan(result.values).copy()
    out = _overlays.without_overlays(result, pixels, fills, decoder)
    found.append(np.isnan(out.values) & ~before)
    return out
_plan.without_overlays = counting

def jpeg(a, q):
    b = io.BytesIO(); Image.fromarray(a).save(b, "JPEG", quality=q)
    return np.asarray(Image.open(b).convert("RGB"))

def figure(field, cmap, kind, extra):
    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    if kind == "imshow":
        art = ax.imshow(field, cmap=cmap, vmin=0, vmax=1, aspect="auto")
    else:
        art = ax.pcolormesh(field, cmap=cmap, vmin=0, vmax=1)
    fig.colorbar(art)
    if extra == "text":
        ax.set_title("Elevation (m)"); ax.text(5, 10, "A-7", color="k", fontsize=12)
    elif extra == "lines":
        ax.plot([0, field.shape[1]], [0, field.shape[0]], "k-", lw=1)
        ax.contour(field, levels=[0.3, 0.7], colors="0.3", linewidths=0.8)
    fig.canvas.draw()
    pic = np.asarray(fig.canvas.buffer_rgba())[..., :3].copy(); plt.close(fig)
    return pic

def run(name, pic, cmap, clean=None):
    found.clear()
    nan_before.clear()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tp.decolorize(pic, cmap=cmap, vmin=0, vmax=1)
    new = found[0] if found else np.zeros(pic.shape[:2], bool)
    n, data = int(new.sum()), pic.shape[0] * pic.shape[1]
    far = ""
    if clean is not None:  # new NaN 3 px or more from anything drawn over the field
        drawn = binary_dilation(np.abs(pic.astype(int) - clean.astype(int)).max(-1) > 10, iterations=3)
        far = f" holes (>= 3 px from a drawn mark) {int((new & ~drawn).sum()):6d}"
        holes.append(int((new & ~drawn).sum()))
    print(f"{name:44} new NaN {n:6d} ({100 * n / data:.3f} %){far}", flush=True)
    return n

total, count, bad, holes = 0, 0, 0, []
rng = np.random.default_rng(0)
fields = {"fbm": fbm(128, 1), "rand": rng.random((12, 16))}
for cmap in ("viridis", "jet", "coolwarm", "magma", "gray", "RdBu_r", "turbo"):
    for fname, field in fields.items():
        for kind in ("imshow", "pcolormesh"):
            for extra in ("text", "lines"):
                pic, clean = figure(field, cmap, kind, extra), figure(field, cmap, kind, "")
                for q in (50, 75):
                    n = run(f"{cmap} {fname} {kind} {extra} q{q}", jpeg(pic, q), cmap, clean)
                    total += n; count += 1; bad += n > 0
for cmap in ("coolwarm", "rocket", "viridis", "YlGnBu", "magma"):
    for cells in (8, 16):
        for q in (50, 75, 90):
            n = run(f"seaborn {cmap} {cells} q{q}", seaborn_heatmap(cells, True, q, cmap), cmap)
            total += n; count += 1; bad += n > 0
for recipe, cmap, fmt in (("seaborn", "rocket", "d"), ("seaborn", "mako", ".1f"), ("imshow", "viridis", ".1f")):
    for q in (50, 75, 90):
        pic, _ = annotated_figure(recipe, cmap, fmt, (6, 8), True, q)
        n = run(f"annotated {recipe} {cmap} q{q}", pic, cmap); total += n; count += 1; bad += n > 0
print(f"pictures {count}, with new NaN {bad}, new NaN pixels {total}; figures with a clean"
      f" twin: holes {sum(holes)} px in {sum(h > 0 for h in holes)} of {len(holes)}")

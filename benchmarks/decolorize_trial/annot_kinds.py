"""Per-kind breakdown of annotation flagging (issue 11 trial): each annotation drawn alone over
the DEM through imshow; % of its pixels (changed > 10 DN) NaN / % of untouched pixels NaN, PNG
and Pillow JPEG q75. Run: PYTHONPATH=src python benchmarks/decolorize_trial/annot_kinds.py"""
import io, sys, numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from PIL import Image
import truepix as tp
sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent)); import make_cases as mc
dem = mc._data(mc.fields()["dem"])
coast = np.cumsum(np.random.default_rng(3).normal(0, 3, 60)) + 128
KINDS = {
 "black text": lambda ax, c: ax.text(20, 40, "Elevation 3200 m", color="black", fontsize=11),
 "white text": lambda ax, c: ax.text(20, 90, "site A", color="white", fontsize=12, weight="bold"),
 "gray text": lambda ax, c: ax.text(140, 200, "gray note", color="0.5", fontsize=10),
 "contours": lambda ax, c: ax.contour(dem, levels=[2500, 3500], colors="black", linewidths=1),
 "coast": lambda ax, c: ax.plot(np.linspace(0, 255, 60), coast, color=c, lw=1.5),
 "white box": lambda ax, c: ax.add_patch(plt.Rectangle((170, 20), 60, 30, facecolor="white", edgecolor="black", lw=1)),
 "gridlines": lambda ax, c: [ax.axhline(g, color="0.6", lw=0.8) for g in (64, 128, 192)],
}
def draw(cmap, kind, coast_color):
    fig, ax = mc.figure_1to1(256, 256, 100)
    ax.imshow(dem, cmap=cmap, vmin=1500, vmax=4500, interpolation="nearest")
    if kind: KINDS[kind](ax, coast_color)
    ax.set_xlim(-0.5, 255.5); ax.set_ylim(255.5, -0.5)
    b = io.BytesIO(); fig.savefig(b, dpi=100, format="png"); plt.close(fig)
    return np.asarray(Image.open(b).convert("RGB"))
for cmap, cc in [("viridis", "magenta"), ("jet", "magenta"), ("coolwarm", "lime"), ("twilight", "lime"), ("turbo", "magenta"), ("magma", "cyan"), ("gray", "magenta")]:
    base = draw(cmap, None, cc); res = []
    for kind in KINDS:
        pic = draw(cmap, kind, cc); ch = np.abs(pic.astype(int) - base).max(-1); m = ch > 10
        row = []
        for fmt in ("png", "jpg"):
            p = pic if fmt == "png" else np.asarray(Image.open(io.BytesIO(mc.jpeg_bytes(pic, 75))))
            v = tp.decolorize(p, cmap=cmap, vmin=1500, vmax=4500)
            row.append(f"{100*np.isnan(v[m]).mean():.1f}/{100*np.isnan(v[ch == 0]).mean():.2f}")
        res.append(f"{kind}: png {row[0]} jpg75 {row[1]} (n={m.sum()})")
    print(cmap, "| " + " | ".join(res))

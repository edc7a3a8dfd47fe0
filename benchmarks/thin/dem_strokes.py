"""Gray contours (colors="0.4", linewidths=0.8) and black clabel text over imshow of a
seeded fBm field, savefig JPEG q75; flagged share of the strokes' pixels (mask: the same
strokes on a blank figure) and holes on the all-data figure, default call."""
import sys
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
sys.path.insert(0, "/work/wt/thin")
from tests.color._photographs import fbm, saved_rgb
from truepix import Decolorizer

def figure(field, cmap, ann, jpeg, blank=False):
    h, w = field.shape
    fig = plt.figure(figsize=(w / 100, h / 100), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1)); ax.set_axis_off()
    ax.imshow(field if not blank else np.ones_like(field), cmap=cmap if not blank else "gray",
              vmin=0, vmax=1, interpolation="nearest", aspect="auto")
    if ann:
        cs = ax.contour(field, levels=[0.3, 0.5, 0.7], colors="0.4", linewidths=0.8)
        ax.clabel(cs, fontsize=9, colors="k")
        ax.text(0.05 * w, 0.1 * h, "z = 120 m", color="k", fontsize=11)
    return saved_rgb(fig, jpeg=jpeg)

size, seed = int(sys.argv[1]) if len(sys.argv) > 1 else 320, 0
field = fbm(size, seed)
mask = figure(field, None, True, False, blank=True).min(-1) < 255 - 12
for cmap in ["viridis", "jet", "coolwarm", "RdBu_r", "cividis", "turbo", "magma", "plasma"]:
    holes = np.isnan(Decolorizer(cmap, vmin=0, vmax=1).values(figure(field, cmap, False, True)))
    lost = np.isnan(Decolorizer(cmap, vmin=0, vmax=1).values(figure(field, cmap, True, True)))
    print(f"{cmap:9} strokes {mask.sum():6d} px flagged {100*lost[mask].mean():5.1f} %  "
          f"all-data holes {100*holes.mean():.3f} %", flush=True)

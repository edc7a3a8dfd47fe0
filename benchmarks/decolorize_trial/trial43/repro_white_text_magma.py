"""White text over a magma imshow figure, savefig PNG -> Pillow JPEG q90: the text comes back as data, no warning."""
import io, warnings, numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from PIL import Image
import truepix as tp
n = 320; y, x = np.mgrid[0:n, 0:n] / n; f = 100 * (0.5 + 0.5 * np.sin(6 * x) * np.cos(4 * y))
def render(text):
    fig = plt.figure(figsize=(n / 100, n / 100), dpi=100); ax = fig.add_axes([0, 0, 1, 1]); ax.set_axis_off()
    ax.imshow(f, cmap="magma", vmin=0, vmax=100, interpolation="nearest")
    if text:
        for i, yy in enumerate(range(30, n, 45)): ax.text(10 + (i * 37) % 120, yy, "T = 12.5 K  p<0.01", color="white", fontsize=11)
    b = io.BytesIO(); fig.savefig(b, format="png"); plt.close(fig); return np.asarray(Image.open(b).convert("RGB"))
clean, pic = render(False), render(True)
core = (pic.astype(int) - clean.astype(int)).max(-1) > 60        # the text's strong pixels
for q in [None, 95, 90, 75]:
    p = pic
    if q:
        b = io.BytesIO(); Image.fromarray(pic).save(b, "JPEG", quality=q); p = np.asarray(Image.open(b))
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always"); v = tp.decolorize(p, cmap="magma", vmin=0, vmax=100)
    print(f"{'PNG' if q is None else f'JPEG q{q}'}: text core pixels {core.sum()}, NaN {np.isnan(v[core]).mean():.1%}, "
          f"decoded >10 off the field {(np.abs(v - f)[core] > 10).mean():.1%} (median value {np.nanmedian(v[core]):.0f}), warnings {len(w)}")

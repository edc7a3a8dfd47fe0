"""BoundaryNorm picture (11 colors of viridis), saved as JPEG: the default call returns 88-95 % NaN,
even at q95, where a nearest-of-11-colors lookup answers every pixel. PNG decodes exactly.
Run: PYTHONPATH=src python benchmarks/decolorize_trial/trial16/repro_boundarynorm_jpeg.py"""
import io, warnings
import numpy as np, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt, matplotlib.colors as mc
from PIL import Image
import truepix as tp

y, x = np.mgrid[0:128, 0:128] / 128
d = -100 + 110 * (0.5 + 0.5 * np.sin(3 * x + 1) * np.cos(2 * y))
N = mc.BoundaryNorm(np.linspace(-100, 10, 12), 256)
pic = plt.get_cmap("viridis")(N(d), bytes=True)[..., :3]
for q in (None, 95, 75):
    p = pic
    if q:
        b = io.BytesIO(); Image.fromarray(pic).save(b, "JPEG", quality=q); p = np.asarray(Image.open(b))
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        v = tp.decolorize(p, cmap="viridis", norm=N)
    lo = np.digitize(d, N.boundaries) - 1
    mid = (N.boundaries[np.clip(lo, 0, 10)] + N.boundaries[np.clip(lo, 0, 10) + 1]) / 2
    ok = np.isclose(v, mid)
    print(f"{'PNG' if q is None else 'JPEG q%d' % q}: NaN {100*np.isnan(v).mean():.1f} %, right interval {100*ok.mean():.1f} %",
          *(str(x.message)[:70] for x in w))

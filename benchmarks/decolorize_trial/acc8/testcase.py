"""acc8: candidate test pictures (tests/color/_photographs.photo_jpeg) on folding maps: ratio and
p99 vs the k-d tree, holes counted. Run with PYTHONPATH at a tree's src."""
import sys, pathlib, numpy as np
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[3] / "tests" / "color"))
import _photographs as ph  # noqa: E402
import truepix as tp  # noqa: E402
from skimage import data  # noqa: E402
from skimage.color import rgb2gray  # noqa: E402
from skimage.transform import resize  # noqa: E402

for name in sys.argv[1].split(","):
    for m in sys.argv[2].split(","):
        for q in (75, 50):
            size = 192
            image = getattr(data, name)()
            image = rgb2gray(image) if image.ndim == 3 else image / 255.0
            truth = resize(image, (size, size), anti_aliasing=True)
            truth = (truth - truth.min()) / np.ptp(truth)
            pic = ph.photo_jpeg(name, m, size, q)
            v = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
            e = np.where(np.isnan(v), 1.0, np.abs(v - truth)); b = np.abs(ph.nearest_bins(pic, m) - truth)
            print(f"{name:8} {m:9} q{q} ratio {e.mean()/b.mean():.3f} p99 {np.quantile(e,.99)/np.quantile(b,.99):.3f}", flush=True)

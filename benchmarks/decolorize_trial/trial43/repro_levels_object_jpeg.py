"""get_cmap(name, N) picture of a photograph, Pillow JPEG q90, decoded WITH the N-color object (the advised fix):
values are not the levels' middles, error several times the nearest-of-N-colors baseline; some pixels a whole map off."""
import io, numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from PIL import Image
from scipy.spatial import cKDTree
from skimage import data
from skimage.transform import resize
import truepix as tp
F = resize(data.camera() / 255.0, (256, 256), anti_aliasing=True) * 100
for name, N in [("RdBu_r", 5), ("viridis", 5), ("jet", 6), ("magma", 10)]:
    cm = plt.get_cmap(name, N); png = cm(F / 100, bytes=True)[..., :3]
    b = io.BytesIO(); Image.fromarray(png).save(b, "JPEG", quality=90); pic = np.asarray(Image.open(b))
    truth = (np.clip(np.floor(F / 100 * N), 0, N - 1) + .5) / N * 100
    v = tp.decolorize(pic, cmap=cm, vmin=0, vmax=100)
    mids = (np.arange(N) + .5) / N * 100
    kd = mids[cKDTree(cm(np.arange(N), bytes=True)[:, :3].astype(float)).query(pic.reshape(-1, 3).astype(float))[1]].reshape(F.shape)
    e, ek = np.abs(v - truth), np.abs(kd - truth)
    onmid = np.isclose(v[..., None], mids, atol=1e-6).any(-1).mean()
    print(f"{name} N={N} q90, cmap=object: mean err {np.nanmean(e):.3f} vs nearest-of-{N} {ek.mean():.3f} ({np.nanmean(e)/ek.mean():.1f}x); "
          f"values on a level middle {onmid:.1%}; >2 levels off {(e > 200 / N).mean():.2%} (nearest {(ek > 200 / N).mean():.2%}), max {np.nanmax(e):.1f}")

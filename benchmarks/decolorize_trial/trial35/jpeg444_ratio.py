"""JPEG q75 at 4:4:4 (Pillow subsampling=0) vs 4:2:0 on real fields: default call's mean error / k-d tree's."""
import io, numpy as np, matplotlib, matplotlib as mpl
from PIL import Image
from scipy.spatial import cKDTree
from skimage.transform import resize
import skimage.data as sd
import truepix as tp
dem = matplotlib.cbook.get_sample_data("jacksboro_fault_dem.npz")["elevation"].astype(float)
F = [resize(dem, (256, 256), anti_aliasing=True), resize(sd.camera() / 255.0, (256, 256), anti_aliasing=True)]
F = [(f - f.min()) / np.ptp(f) for f in F]
for sub in (2, 0):
    a = b = 0.0
    for cm in ("viridis", "jet", "magma", "coolwarm", "turbo"):
        tab = mpl.colormaps[cm](np.arange(256), bytes=True)[:, :3].astype(float); tree = cKDTree(tab)
        for u in F:
            buf = io.BytesIO(); Image.fromarray(mpl.colormaps[cm](u, bytes=True)[..., :3]).save(buf, "JPEG", quality=75, subsampling=sub)
            p = np.asarray(Image.open(buf))
            v = tp.decolorize(p, cmap=cm, vmin=0, vmax=1)
            k = (tree.query(p.reshape(-1, 3).astype(float))[1].reshape(u.shape) + 0.5) / 256
            a += np.where(np.isnan(v), 1, np.abs(v - u)).mean(); b += np.abs(k - u).mean()
    print(f"{'4:2:0' if sub == 2 else '4:4:4'} q75: truepix / k-d tree mean error = {a / b:.3f}")

"""A screenshot of an sRGB heatmap taken on a Display-P3 (color-managed) screen: same picture, numbers
re-encoded to P3. Default call vs nearest table color (k-d tree): mean error in % of range, holes, warnings."""
import warnings, numpy as np, matplotlib as mpl
from scipy.spatial import cKDTree
import skimage.data as sd
from skimage.transform import resize
import truepix as tp
u = resize(sd.camera() / 255.0, (256, 256), anti_aliasing=True); u = (u - u.min()) / np.ptp(u)
def lin(x): return np.where(x <= 0.04045, x / 12.92, ((x + 0.055) / 1.055) ** 2.4)
def enc(x): return np.where(x <= 0.0031308, 12.92 * x, 1.055 * np.clip(x, 0, None) ** (1 / 2.4) - 0.055)
M = np.array([[0.8225, 0.1774, 0.0], [0.0332, 0.9669, 0.0], [0.0171, 0.0724, 0.9108]])  # sRGB -> P3 (linear)
for cm in ("viridis", "jet", "magma", "coolwarm"):
    p0 = mpl.colormaps[cm](u, bytes=True)[..., :3]
    p3 = np.clip(np.round(enc(lin(p0 / 255) @ M.T) * 255), 0, 255).astype(np.uint8)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        v = tp.decolorize(p3, cmap=cm, vmin=0, vmax=1)
    t = mpl.colormaps[cm](np.arange(256), bytes=True)[:, :3].astype(float)
    k = (cKDTree(t).query(p3.reshape(-1, 3).astype(float))[1].reshape(u.shape) + 0.5) / 256
    e = np.where(np.isnan(v), 1, np.abs(v - u)) * 100
    print(f"{cm:9s} truepix mean err {e.mean():.2f}% (holes {np.isnan(v).mean()*100:.1f}%), "
          f"k-d tree {np.abs(k - u).mean()*100:.2f}%, warnings: {[str(x.message)[:110] for x in w]}")

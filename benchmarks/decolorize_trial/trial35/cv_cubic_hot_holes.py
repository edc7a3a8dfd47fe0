"""OpenCV cv2.resize(INTER_CUBIC, 0.33x) of a 'hot' rendering of matplotlib's sample DEM (an all-data picture).
Default call: holes (goal <= 0.2%) and mean error vs the k-d tree nearest color (truth: the DEM resized the same way)."""
import warnings, numpy as np, matplotlib, matplotlib as mpl, cv2
from scipy.spatial import cKDTree
from skimage.transform import resize
import truepix as tp
dem = matplotlib.cbook.get_sample_data("jacksboro_fault_dem.npz")["elevation"].astype(float)
u = resize(dem, (256, 256), anti_aliasing=True); u = (u - u.min()) / np.ptp(u)
for cm in ("hot", "viridis", "jet"):
    pic = cv2.resize(mpl.colormaps[cm](u, bytes=True)[..., :3], None, fx=0.33, fy=0.33, interpolation=cv2.INTER_CUBIC)
    t = cv2.resize(u.astype(np.float32), None, fx=0.33, fy=0.33, interpolation=cv2.INTER_CUBIC)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        v = tp.decolorize(pic, cmap=cm, vmin=0, vmax=1)
    tab = mpl.colormaps[cm](np.arange(256), bytes=True)[:, :3].astype(float)
    k = (cKDTree(tab).query(pic.reshape(-1, 3).astype(float))[1].reshape(t.shape) + 0.5) / 256
    s = (slice(1, -1), slice(1, -1))
    e = np.where(np.isnan(v), 1, np.abs(v - t))[s] * 100
    print(f"{cm:8s} holes {np.isnan(v[s]).mean()*100:5.2f}%  mean err {e.mean():.3f}% vs k-d tree "
          f"{np.abs(k - t)[s].mean()*100:.3f}%  warnings {len(w)}")

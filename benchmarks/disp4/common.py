import io, numpy as np, matplotlib as mpl, cv2
from PIL import Image
from scipy.spatial import cKDTree
from skimage import data

def disparity(size=512):
    field = data.stereo_motorcycle()[2].astype(np.float64)
    field[~np.isfinite(field)] = np.nanmin(field[np.isfinite(field)])
    left = (field.shape[1] - 512) // 2
    field = field[:, left:left + 512]
    low, high = np.percentile(field, [0.5, 99.5])
    field = np.clip((field - low) / (high - low), 0.0, 1.0)
    r = cv2.resize(field.astype(np.float32), (size, size), interpolation=cv2.INTER_LINEAR)
    return np.clip(r.astype(np.float64), 0.0, 1.0)

def jpeg(field, cmap, q, sub=None):
    b = io.BytesIO()
    kw = {} if sub is None else {"subsampling": sub}
    Image.fromarray(mpl.colormaps[cmap](field, bytes=True)[..., :3]).save(b, format="JPEG", quality=q, **kw)
    return np.asarray(Image.open(b).convert("RGB"))

def nearest(pic, cmap):
    t = mpl.colormaps[cmap](np.linspace(0, 1, 256), bytes=True)[:, :3].astype(np.float64)
    i = cKDTree(t).query(pic.reshape(-1, 3).astype(np.float64))[1]
    return ((i + 0.5) / 256).reshape(pic.shape[:2])

def error(v, t):
    return float(np.nan_to_num(np.abs(v - t), nan=1.0).mean())

def pieces(size=256, seed=0, n=40, slope=0.0):
    rng = np.random.default_rng(seed)
    seeds = rng.uniform(0, size, (n, 2)); level = rng.uniform(0, 1, n)
    y, x = np.mgrid[0:size, 0:size]
    lab = cKDTree(seeds).query(np.column_stack([y.ravel(), x.ravel()]))[1].reshape(size, size)
    return np.clip(level[lab] + slope * y / size, 0, 1)

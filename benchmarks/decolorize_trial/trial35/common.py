"""Shared helpers for trial35: fields, maps, scoring, baseline. No truepix rendering."""
import io, warnings
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib as mpl
import matplotlib.pyplot as plt
from scipy.spatial import cKDTree
from PIL import Image
import skimage.data as sd
from skimage.color import rgb2gray
from skimage.transform import resize as skresize

MAPS = ["viridis", "jet", "turbo", "magma", "coolwarm", "gray", "twilight", "RdBu_r",
        "plasma", "cividis", "hot", "Spectral", "rainbow", "inferno"]
CYCLIC = {"twilight", "twilight_shifted", "hsv"}

def smooth(n=256, seed=0):
    y, x = np.mgrid[0:n, 0:n] / n
    f = np.sin(3 * x + 1) * np.cos(2 * y) + 0.5 * x * y
    return (f - f.min()) / (f.max() - f.min())

def dem():
    d = matplotlib.cbook.get_sample_data("jacksboro_fault_dem.npz")["elevation"]
    return d.astype(float)

def fields(n=256):
    """Real fields normalised to [0,1] at n x n, plus smooth."""
    out = {}
    out["dem"] = skresize(dem(), (n, n), anti_aliasing=True)
    out["camera"] = skresize(sd.camera() / 255.0, (n, n), anti_aliasing=True)
    out["astronaut"] = skresize(rgb2gray(sd.astronaut()), (n, n), anti_aliasing=True)
    out["coffee"] = skresize(rgb2gray(sd.coffee()), (n, n), anti_aliasing=True)
    out["smooth"] = smooth(n)
    for k, v in out.items():
        out[k] = (v - v.min()) / (v.max() - v.min())
    return out

def render(u, cmap):
    """What a user gets from matplotlib's colormap call as bytes (like plt.imsave)."""
    return mpl.colormaps[cmap](u, bytes=True)[..., :3]

def jpeg(rgb, q, sub=2):
    b = io.BytesIO(); Image.fromarray(rgb).save(b, "JPEG", quality=q, subsampling=sub)
    return np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))

def err(dec, truth, cyclic=False):
    """% of range, NaN = 100."""
    e = np.abs(dec - truth)
    if cyclic:
        e = np.minimum(e, 1 - e)
    e = np.where(np.isnan(dec), 1.0, e)
    return 100 * e

_trees = {}
def baseline(rgb, cmap):
    if cmap not in _trees:
        N = mpl.colormaps[cmap].N
        t = mpl.colormaps[cmap](np.arange(N), bytes=True)[:, :3].astype(float)
        _trees[cmap] = (cKDTree(t), N)
    x = np.asarray(rgb, float)
    if x.dtype.kind == "f" and x.max() <= 1.0 and np.asarray(rgb).dtype != np.uint8:
        x = x * 255
    tree, N = _trees[cmap]
    _, i = tree.query(x[..., :3].reshape(-1, 3))
    return ((i + 0.5) / N).reshape(x.shape[:-1])

def summ(e):
    return float(np.mean(e)), float(np.percentile(e, 99))

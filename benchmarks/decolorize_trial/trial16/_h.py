"""Small helpers for trial16 repros (user-side: matplotlib/Pillow/OpenCV make the pictures)."""
import io, warnings
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from scipy.spatial import cKDTree
from scipy import ndimage as ndi


def fields(n=256):
    import skimage.data as sd
    from skimage.transform import resize
    rng = np.random.default_rng(0)
    y, x = np.mgrid[0:n, 0:n] / n
    smooth = np.sin(3 * x + 1) * np.cos(2 * y) + 0.5 * np.exp(-((x - .6) ** 2 + (y - .4) ** 2) / .05)
    k = np.fft.fftfreq(n)
    kk = np.hypot(*np.meshgrid(k, k)); kk[0, 0] = 1
    terr = np.real(np.fft.ifft2(np.fft.fft2(rng.standard_normal((n, n))) * kk ** -1.5))
    cam = resize(sd.camera().astype(float), (n, n), anti_aliasing=True)
    ast = resize(sd.astronaut()[..., 1].astype(float), (n, n), anti_aliasing=True)
    coins = resize(sd.coins().astype(float), (n, n), anti_aliasing=True)
    out = {}
    for k_, f in dict(smooth=smooth, terrain=terr, camera=cam, astronaut=ast, coins=coins).items():
        f = (f - f.min()) / (f.max() - f.min())
        out[k_] = f
    return out


def table(cmap, N=256):
    return plt.get_cmap(cmap)(np.linspace(0, 1, N), bytes=True)[:, :3]


def kd_baseline(pic, cmap):
    tab = table(cmap).astype(float)
    rgb = np.asarray(pic)[..., :3].astype(float)
    if rgb.max() <= 1.0 and np.asarray(pic).dtype.kind == "f":
        rgb = rgb * 255
    _, i = cKDTree(tab).query(rgb.reshape(-1, 3))
    return ((i + 0.5) / len(tab)).reshape(rgb.shape[:-1])


def score(vals, truth, mask=None):
    """vals/truth in [0,1] units. Returns nan%, mean err %, max err % and bins; holes as full range."""
    vals = np.asarray(vals, float); truth = np.asarray(truth, float)
    if mask is None:
        mask = np.ones(truth.shape, bool)
    v, t = vals[mask], truth[mask]
    nan = np.isnan(v)
    e = np.abs(v - t)
    e_h = np.where(nan, 1.0, e)
    ans = e[~nan]
    return dict(nan=100 * nan.mean(), mean=100 * (ans.mean() if ans.size else np.nan),
                mean_h=100 * e_h.mean(), p99=100 * np.percentile(e_h, 99),
                max=100 * (ans.max() if ans.size else np.nan),
                max_bins=(ans.max() * 256 if ans.size else np.nan))


def pil_jpeg(rgb, q, sub=2):
    from PIL import Image
    b = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(rgb[..., :3])).save(b, "JPEG", quality=q, subsampling=sub)
    return np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))


def fig_bytes(fig, fmt="png", dpi=100):
    b = io.BytesIO(); fig.savefig(b, format=fmt, dpi=dpi); plt.close(fig)
    from PIL import Image
    return np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))

"""Shared helpers for trial 39: fields, ways pictures are made, metrics, baseline."""
import io, warnings
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image
from scipy.spatial import cKDTree
import cv2

N = 256


def _resize(a, n=N):
    from skimage.transform import resize
    return resize(a.astype(float), (n, n), anti_aliasing=True)


def fields(n=N):
    """True data arrays (float64) the way a user might have them."""
    from skimage import data, color
    out = {}
    out["camera"] = _resize(data.camera(), n) * 100.0                      # 0..100
    out["astronaut"] = _resize(color.rgb2gray(data.astronaut()), n) * 50 - 10
    out["coffee"] = _resize(color.rgb2gray(data.coffee()), n) * 1000
    rng = np.random.default_rng(39)
    k = np.fft.fftfreq(n)[:, None] ** 2 + np.fft.fftfreq(n)[None, :] ** 2
    k[0, 0] = 1
    spec = (rng.normal(size=(n, n)) + 1j * rng.normal(size=(n, n))) / k ** 1.6
    t = np.real(np.fft.ifft2(spec))
    t = (t - t.min()) / np.ptp(t)
    out["terrain"] = 200 + 3800 * t ** 1.5                                   # DEM-like metres
    y, x = np.mgrid[0:n, 0:n] / n
    out["smooth"] = 20 * np.exp(-((x - .3) ** 2 + (y - .6) ** 2) / .05) - 12 * np.exp(-((x - .7) ** 2 + (y - .3) ** 2) / .03) + 5 * x
    return out


def imsave_png(data, cmap, vmin, vmax):
    """PNG bytes as plt.imsave writes them."""
    b = io.BytesIO()
    plt.imsave(b, data, cmap=cmap, vmin=vmin, vmax=vmax, format="png")
    return b.getvalue()


def pil_rgb(png):
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def jpeg(rgb, q, sub):
    """Pillow JPEG; sub 2 = 4:2:0, 0 = 4:4:4."""
    b = io.BytesIO()
    Image.fromarray(rgb).save(b, "JPEG", quality=q, subsampling=sub)
    return np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))


def table(cmap, n=None):
    cm = plt.get_cmap(cmap)
    n = n or cm.N
    return cm(np.linspace(0, 1, n), bytes=True)[:, :3]


def baseline(pic, cmap, vmin, vmax):
    """Plain nearest color (k-d tree on the map's N colors) -> bin centres."""
    t = table(cmap).astype(float)
    _, k = cKDTree(t).query(pic[..., :3].reshape(-1, 3).astype(float) * (255.0 if pic.dtype.kind == "f" else 1.0))
    return (vmin + (k + 0.5) / len(t) * (vmax - vmin)).reshape(pic.shape[:-1])


def metrics(values, truth, vmin, vmax, mask=None):
    """% NaN, mean/p99/max error in % of range (answered pixels), mean with holes = 100 %."""
    rng = vmax - vmin
    if mask is None:
        mask = np.ones(truth.shape, bool)
    v, t = values[mask], truth[mask]
    nan = np.isnan(v)
    e = np.abs(v - t) / rng * 100
    ea = e[~nan]
    eh = np.where(nan, 100.0, e)
    return dict(nan=100 * nan.mean(), mean=ea.mean() if ea.size else np.nan,
                p99=np.percentile(ea, 99) if ea.size else np.nan, max=ea.max() if ea.size else np.nan,
                mean_h=eh.mean(), p99_h=np.percentile(eh, 99))


def decode(pic, **kw):
    import truepix as tp
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        v = tp.decolorize(pic, **kw)
    return v, [str(x.message)[:160] for x in w]

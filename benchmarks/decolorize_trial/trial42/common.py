"""Trial 42 helpers (copied from trial41): fields, metrics, k-d tree baseline (nearest table color -> bin centre)."""
import io, time, warnings
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from scipy.spatial import cKDTree

N = 256


def fields(n=N):
    from skimage import data, color
    from skimage.transform import resize
    out = {}
    out["camera"] = resize(data.camera().astype(float) / 255, (n, n), anti_aliasing=True) * 100.0
    rng = np.random.default_rng(41)
    k = np.fft.fftfreq(n)[:, None] ** 2 + np.fft.fftfreq(n)[None, :] ** 2
    k[0, 0] = 1
    spec = (rng.normal(size=(n, n)) + 1j * rng.normal(size=(n, n))) / k ** 1.6
    t = np.real(np.fft.ifft2(spec)); t = (t - t.min()) / np.ptp(t)
    out["terrain"] = 200 + 3800 * t ** 1.5
    y, x = np.mgrid[0:n, 0:n] / n
    out["smooth"] = 20 * np.exp(-((x - .3) ** 2 + (y - .6) ** 2) / .05) - 12 * np.exp(-((x - .7) ** 2 + (y - .3) ** 2) / .03) + 5 * x
    out["speckle"] = rng.exponential(1.0, (n, n)).clip(0, 5)     # iid speckle, each pixel its own value
    return out


def table(cmap):
    cm = plt.get_cmap(cmap) if isinstance(cmap, str) else cmap
    return cm(np.linspace(0, 1, cm.N), bytes=True)[:, :3]


def baseline(pic, cmap, vmin, vmax):
    t = table(cmap).astype(float)
    p = pic[..., :3].reshape(-1, 3).astype(float)
    if pic.dtype.kind == "f":
        p = p * 255.0
    elif pic.dtype == np.uint16:
        p = p / 257.0
    _, k = cKDTree(t).query(p)
    return (vmin + (k + 0.5) / len(t) * (vmax - vmin)).reshape(pic.shape[:-1])


def metrics(values, truth, vmin, vmax, mask=None):
    rng = vmax - vmin
    if mask is None:
        mask = np.isfinite(truth)
    v, t = values[mask], truth[mask]
    nan = np.isnan(v)
    e = np.abs(v - t) / rng * 100
    ea = e[~nan]
    eh = np.where(nan, 100.0, e)
    return dict(nan=100 * nan.mean(), mean=ea.mean() if ea.size else np.nan,
                p99=np.percentile(ea, 99) if ea.size else np.nan,
                mean_h=eh.mean(), p99_h=np.percentile(eh, 99))


def decode(pic, **kw):
    import truepix as tp
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        t = time.perf_counter()
        try:
            v = tp.decolorize(pic, **kw)
            err = None
        except Exception as e:
            v, err = None, f"{type(e).__name__}: {str(e)[:200]}"
        dt = time.perf_counter() - t
    return v, [f"{x.category.__name__}: {str(x.message)[:200]}" for x in w], err, dt


def jpeg(pic, q=85, sub=2):
    from PIL import Image
    b = io.BytesIO(); Image.fromarray(pic[..., :3]).save(b, "JPEG", quality=q, subsampling=sub)
    return np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))


def webp(pic, q=75):
    from PIL import Image
    b = io.BytesIO(); Image.fromarray(pic[..., :3]).save(b, "WEBP", quality=q)
    return np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))


def savefig_arr(fig, fmt="png", dpi=100, **kw):
    from PIL import Image
    b = io.BytesIO(); fig.savefig(b, format=fmt, dpi=dpi, **kw)
    return np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))


def dec(pic, cm, vmin, vmax, **kw):
    """Decolorizer(...).decode with warnings recorded; returns (result or None, warnings, error, seconds)."""
    import truepix as tp
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        t = time.perf_counter()
        try:
            r = tp.Decolorizer(cm, vmin=vmin, vmax=vmax, **kw).decode(pic); err = None
        except Exception as e:
            r, err = None, f"{type(e).__name__}: {str(e)[:300]}"
        dt = time.perf_counter() - t
    return r, [f"{x.category.__name__}: {str(x.message)[:260]}" for x in w], err, dt

"""Shared helpers for trial45: fields, degradations, the k-d tree baseline, scoring."""
import io, os, time
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib as mpl
from PIL import Image
from scipy.spatial import cKDTree
import cv2

SD = os.path.join(os.path.dirname(mpl.__file__), "mpl-data", "sample_data")
SK = None
try:
    import skimage.data as _skd  # noqa
except Exception:
    pass
import glob
SKDIR = glob.glob("/work/main/.venv/lib/python3*/site-packages/skimage/data")[0]


def norm01(a):
    a = a.astype(np.float64)
    lo, hi = np.nanpercentile(a, 0.5), np.nanpercentile(a, 99.5)
    return np.clip((a - lo) / (hi - lo), 0, 1)


def crop(a, n=512):
    h, w = a.shape[:2]
    y, x = (h - min(h, n)) // 2, (w - min(w, n)) // 2
    return a[y:y + n, x:x + n]


def real_fields(n=512):
    out = {}
    d = np.load(os.path.join(SD, "jacksboro_fault_dem.npz"))
    out["dem_jacksboro"] = norm01(d["elevation"])
    for name in ["camera.png", "moon.png", "brick.png"]:
        a = np.asarray(Image.open(os.path.join(SKDIR, name)).convert("L"))
        out[name[:-4]] = norm01(crop(a, n))
    a = np.asarray(Image.open(os.path.join(SD, "grace_hopper.jpg")).convert("L"))
    out["grace_hopper"] = norm01(crop(a, n))
    d = np.load(os.path.join(SKDIR, "motorcycle_disp.npz"))
    k = list(d.keys())[0]
    a = d[k].astype(np.float64)
    a[~np.isfinite(a)] = np.nanmin(a[np.isfinite(a)])
    out["motorcycle_disp"] = norm01(crop(a, n))
    return out


def smooth_fields(n=512, seed=0):
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:n, 0:n] / n
    out = {}
    f = np.zeros((n, n))
    for _ in range(6):
        cx, cy, s, a = rng.uniform(0, 1), rng.uniform(0, 1), rng.uniform(0.08, 0.3), rng.uniform(-1, 1)
        f += a * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * s * s))
    out["bumps"] = norm01(f)
    out["ramp_diag"] = (x + y) / 2
    out["waves"] = norm01(np.sin(6 * x) * np.cos(4 * y) + 0.3 * x)
    return out


def render(field, cmap):
    return mpl.colormaps[cmap](field, bytes=True)[..., :3]


def jpeg(rgb, q, sub=2):
    b = io.BytesIO()
    Image.fromarray(rgb).save(b, "JPEG", quality=q, subsampling=sub)
    return np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))


def resize(rgb, field, f, interp):
    h, w = rgb.shape[:2]
    size = (max(1, int(round(w * f))), max(1, int(round(h * f))))
    im = cv2.resize(rgb, size, interpolation=interp)
    tr = cv2.resize(field.astype(np.float32), size, interpolation=interp).astype(np.float64)
    return im, np.clip(tr, 0, 1)


def resize_by(rgb, field, f, name):
    """``resize`` by another library's kernel: cv2_lanczos4, pil_bicubic, pil_lanczos,
    sk_order3 (skimage.transform.resize, order 3, anti_aliasing as its default)."""
    h, w = rgb.shape[:2]
    size = (max(1, int(round(w * f))), max(1, int(round(h * f))))
    if name == "cv2_lanczos4":
        return resize(rgb, field, f, cv2.INTER_LANCZOS4)
    if name.startswith("pil_"):
        kind = {"pil_bicubic": Image.BICUBIC, "pil_lanczos": Image.LANCZOS}[name]
        im = np.asarray(Image.fromarray(rgb).resize(size, kind))
        tr = np.asarray(Image.fromarray(field.astype(np.float32), mode="F").resize(size, kind))
        return im, np.clip(tr.astype(np.float64), 0, 1)
    from skimage.transform import resize as sk_resize

    shape = (size[1], size[0])
    im = sk_resize(rgb, shape, order=3, preserve_range=True).round().clip(0, 255)
    tr = sk_resize(field.astype(np.float64), shape, order=3)
    return im.astype(np.uint8), np.clip(tr, 0, 1)


def noise(rgb, sigma, seed=1):
    rng = np.random.default_rng(seed)
    return np.clip(rgb + rng.normal(0, sigma, rgb.shape), 0, 255).round().astype(np.uint8)


def quant256(rgb):
    im = Image.fromarray(rgb).quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.FLOYDSTEINBERG)
    return np.asarray(im.convert("RGB"))


class Baseline:
    def __init__(self, cmap, n=256):
        lut = mpl.colormaps[cmap](np.linspace(0, 1, n), bytes=True)[:, :3].astype(np.float64)
        self.tree = cKDTree(lut)
        self.n = n

    def __call__(self, rgb):
        _, i = self.tree.query(rgb.reshape(-1, 3).astype(np.float64))
        return ((i + 0.5) / self.n).reshape(rgb.shape[:2])


def score(est, truth):
    holes = np.isnan(est)
    err = np.abs(est - truth)
    err[holes] = 1.0
    return float(err.mean()), float(np.percentile(err, 99)), float(holes.mean())


def loadavg():
    return open("/proc/loadavg").read().split()[:3]

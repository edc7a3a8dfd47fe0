"""Part-2 helpers for trial46: draw a figure by a plotting call, grab its pixels, and a per-pixel truth
made by drawing the same figure again with the 'gray' map (same resampling, 8-bit truth: byte g -> (g+.5)/256
of the range); plot-area interior mask; k-d tree baseline; scoring with holes counted as full-range errors."""
import io, time, numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt, matplotlib as mpl
from scipy.spatial import cKDTree


def grab(fg):
    fg.canvas.draw()
    return np.asarray(fg.canvas.buffer_rgba())[..., :3].copy()


def interior(fg, ax, pad=3):
    fg.canvas.draw()
    H = fg.canvas.get_width_height()[1]
    bb = ax.get_window_extent()
    y0, y1 = int(np.ceil(H - bb.y1)) + pad, int(np.floor(H - bb.y0)) - pad
    x0, x1 = int(np.ceil(bb.x0)) + pad, int(np.floor(bb.x1)) - pad
    return slice(y0, y1), slice(x0, x1)


def gray_truth(fg, art, sl):
    """Redraw with cmap gray; return fraction in [0,1] per interior pixel (8-bit)."""
    old = art.get_cmap()
    art.set_cmap("gray")
    g = grab(fg)[sl]
    art.set_cmap(old)
    return (g[..., 0].astype(np.float64) + 0.5) / 256


def kd(cmap):
    lut = mpl.colormaps[cmap](np.linspace(0, 1, 256), bytes=True)[:, :3].astype(np.float64)
    t = cKDTree(lut)
    def f(rgb):
        _, i = t.query(rgb.reshape(-1, 3).astype(np.float64))
        return ((i + 0.5) / 256).reshape(rgb.shape[:2])
    return f


def score(est, truth, mask=None):
    if mask is not None:
        est, truth = est[mask], truth[mask]
    holes = np.isnan(est)
    err = np.abs(est - truth)
    err[holes] = 1.0
    return float(err.mean()), float(np.percentile(err, 99)), float(holes.mean())


def loadavg():
    return open("/proc/loadavg").read().split()[:3]


def smooth(n=120, m=None, seed=0):
    m = m or n
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:n, 0:m] / max(n, m)
    f = np.zeros((n, m))
    for _ in range(6):
        cx, cy, s, a = rng.uniform(0, 1), rng.uniform(0, 1), rng.uniform(0.08, 0.3), rng.uniform(-1, 1)
        f += a * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * s * s))
    return (f - f.min()) / (f.max() - f.min())

"""trial51 helpers: trial 50's _p5 by import (which brings trial 49's _p4, 48's _p3, 47's _p2, 45's _common,
46's _fig), plus an fBm field, a k-d tree over an OpenCV table, and a full-figure gray redraw for resampling."""
import io, sys, pathlib
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "trial50"))
from _p5 import *  # noqa: F401,F403
from _p5 import c, F, kd, kd_table, call, wshort, header, loadavg, cpu, fig_truth, mscore, line, LHEAD, rf_pixels, err_ok  # noqa
import numpy as np


def fbm(n=512, beta=3.2, seed=3):
    """A DEM-like fractal field (power spectrum ~ k^-beta) scaled to [0, 1] (0.5 / 99.5 percentiles)."""
    rng = np.random.default_rng(seed)
    ky, kx = np.meshgrid(np.fft.fftfreq(n), np.fft.fftfreq(n), indexing="ij")
    k = np.hypot(kx, ky); k[0, 0] = 1
    spec = (rng.normal(size=(n, n)) + 1j * rng.normal(size=(n, n))) * k ** (-beta / 2); spec[0, 0] = 0
    return c.norm01(np.fft.ifft2(spec).real)


def gray_full(fg, arts, dpi=100, bad=(1, 0, 0)):
    """The figure drawn again as PNG with every artist's cmap 'gray' (bad red) and the axes' facecolor red (RGB uint8)."""
    import matplotlib as mpl
    from PIL import Image
    axes = []
    for a in arts:
        if a.axes not in axes: axes.append(a.axes)
    olds = [a.get_cmap() for a in arts]; fcs = [ax.get_facecolor() for ax in axes]
    gray = mpl.colormaps["gray"].with_extremes(bad=bad)
    for a in arts: a.set_cmap(gray)
    for ax in axes: ax.set_facecolor(bad)
    g = io.BytesIO(); fg.savefig(g, format="png", dpi=dpi)
    for a, o in zip(arts, olds): a.set_cmap(o)
    for ax, fc in zip(axes, fcs): ax.set_facecolor(fc)
    return np.asarray(Image.open(io.BytesIO(g.getvalue())).convert("RGB"))


def truth_of_gray(gp):
    """Position truth (g + .5) / 256 where a gray-redraw picture is gray, NaN elsewhere."""
    gp = gp.astype(np.int16)
    isgray = (np.abs(gp[..., 0] - gp[..., 1]) <= 1) & (np.abs(gp[..., 1] - gp[..., 2]) <= 1)
    t = (gp[..., 0].astype(np.float64) + 0.5) / 256; t[~isgray] = np.nan
    return t

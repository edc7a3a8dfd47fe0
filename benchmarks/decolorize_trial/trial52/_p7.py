"""trial52 helpers: trial 51's _p6 by import (which brings trial 50's _p5, 49's _p4, 48's _p3, 47's _p2, 45's _common and
46's _fig), plus a figure-level scorer for one axes (name route) with CPU time and warnings."""
import sys, pathlib
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "trial51"))
from _p6 import *  # noqa: F401,F403
from _p6 import c, F, kd, kd_table, call, wshort, header, loadavg, cpu, fig_truth, mscore, line, LHEAD, rf_pixels, err_ok, fbm, gray_full, truth_of_gray  # noqa
import numpy as np

HEAD7 = f"{'case':50}{'holes%':>8}{'tp%':>8}{'kd%':>8}{'ratio':>7}{'p99tp':>7}{'p99kd':>7}{'cpu_s':>7}  jpeg/noise/thr | warnings"


def dec(tag, pic, truth01, m, vmin=0.0, vmax=1.0, base=None, sl=None, rows=None, **kw):
    """decolorize(pic, cmap=m, vmin, vmax, **kw) (the default call), scored on sl (positions vs truth01, holes = 1.0)
    beside a k-d tree over m's table (or `base`, a function of the picture). Prints one row; returns it."""
    import truepix as tp
    sl = sl or (slice(None), slice(None))
    t0 = cpu(); v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=vmin, vmax=vmax, **kw)); dt = cpu() - t0
    if v is None:
        print(f"{tag:50} ERROR {err}", flush=True); return None
    try:
        r = tp.Decolorizer(m, vmin=vmin, vmax=vmax, **kw).decode(pic); info = f"{bool(r.jpeg)}/{float(r.noise):.2f}/{float(r.threshold):.1f}"
    except Exception as e:  # noqa
        info = f"Decolorizer: {e}"[:60]
    est = (v[sl] - vmin) / (vmax - vmin)
    b = (base or kd(m))(pic[sl])
    mt, pt, ht = mscore(est, truth01); mb, pb, _ = mscore(b, truth01)
    print(f"{tag:50}{100*ht:8.3f}{100*mt:8.3f}{100*mb:8.3f}{mt/max(mb,1e-12):7.2f}{100*pt:7.2f}{100*pb:7.2f}{dt:7.2f}  {info} | {wshort(ws)}", flush=True)
    row = (tag, ht, mt, mb, pt, pb)
    if rows is not None: rows.append(row)
    return row


def redraw_truth(fg, arts, lines=(), dpi=100, post=None, line_color=(0, 0, 1)):
    """The figure drawn again as PNG at dpi with every artist's cmap 'gray' (bad red), the axes' facecolor red and the
    given Line2D / collections recoloured `line_color`; `post(rgb)` applies the same resampling the test picture had.
    Returns (truth positions (g+.5)/256 where gray, NaN elsewhere, line-coverage mask (line_color dominant by > 60 DN))."""
    import io, matplotlib as mpl
    from PIL import Image
    axes = []
    for a in arts:
        if a.axes not in axes: axes.append(a.axes)
    olds = [a.get_cmap() for a in arts]; fcs = [ax.get_facecolor() for ax in axes]
    lcs = [(ln.get_color() if hasattr(ln, "get_color") else ln.get_edgecolor()) for ln in lines]
    gray = mpl.colormaps["gray"].with_extremes(bad=(1, 0, 0))
    for a in arts: a.set_cmap(gray)
    for ax in axes: ax.set_facecolor((1, 0, 0))
    for ln in lines: ln.set_color(line_color)
    g = io.BytesIO(); fg.savefig(g, format="png", dpi=dpi)
    for a, o in zip(arts, olds): a.set_cmap(o)
    for ax, fc in zip(axes, fcs): ax.set_facecolor(fc)
    for ln, lc in zip(lines, lcs): ln.set_color(lc)
    rgb = np.asarray(Image.open(io.BytesIO(g.getvalue())).convert("RGB"))
    if post is not None: rgb = post(rgb)
    gp = rgb.astype(np.int16)
    k = int(np.argmax(line_color)); others = [i for i in range(3) if i != k]
    linemask = (gp[..., k] - np.maximum(gp[..., others[0]], gp[..., others[1]])) > 60
    return truth_of_gray(rgb), linemask


def plot_slice(fg, ax, shape, pad=3):
    """The plot area's interior slice in a picture of `shape` made from fg (any dpi, any resize): scaled from fg.dpi."""
    fg.canvas.draw(); W0 = fg.get_figwidth() * fg.dpi; s = shape[1] / W0; H = shape[0]
    bb = ax.get_window_extent(); p = int(np.ceil(pad * max(s, 1)))
    y0, y1 = int(np.ceil(H - bb.y1 * s)) + p, int(np.floor(H - bb.y0 * s)) - p
    x0, x1 = int(np.ceil(bb.x0 * s)) + p, int(np.floor(bb.x1 * s)) - p
    return (slice(y0, y1), slice(x0, x1))

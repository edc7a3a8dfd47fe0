"""trial50 helpers: trial 49's _p4 by import (which brings trial 48's _p3, trial 47's _p2, trial 45's _common and
trial 46's _fig), plus a read_figure scorer over the panel's pixel_values and a one-line error check."""
import sys, pathlib
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "trial49"))
from _p4 import *  # noqa: F401,F403
from _p4 import c, F, kd, kd_table, call, wshort, score, header, loadavg, row, summary, HEAD, fig_rows, FIG_HEAD, fig_summary, fig_pictures, rf_line, cpu  # noqa
import numpy as np


def rf_pixels(rd, shape, i=0):
    """read_figure panel i's pixel_values placed into a full-picture array (NaN elsewhere)."""
    est = np.full(shape[:2], np.nan)
    if len(rd.panels) <= i: return est
    p = rd.panels[i]; t, b, l, r = p.interior
    est[t:b, l:r] = p.pixel_values
    return est


def err_ok(err):
    """An error message is fine when it is one line, says 'expected', and carries no internal exception's type."""
    msg = err.split(": ", 1)[1] if ": " in err else err
    return ("\n" not in msg) and ("expected" in msg.lower()) and not any(k in err.split(":")[0] for k in ("TypeError", "ValueError", "IndexError", "KeyError", "AttributeError", "ZeroDivisionError", "AssertionError"))


def fig_truth(fg, arts, fmt, dpi=100, q=75, pad=3, bad=(1, 0, 0)):
    """savefig(fmt, dpi[, JPEG quality q]) -> (RGB picture, [interior slice per axes of arts], [truth per axes], raw bytes).
    Truth: the figure drawn again at the same dpi with every artist's cmap set to 'gray' (its bad color red) and the
    axes' facecolor red: position (g + .5) / 256 where the redraw is gray, NaN where it is not (background, masked cells,
    antialiased borders with the background)."""
    import io, matplotlib as mpl
    from PIL import Image
    kw = {"dpi": dpi}
    if fmt in ("jpg", "jpeg"): kw["pil_kwargs"] = {"quality": q}
    b = io.BytesIO(); fg.savefig(b, format=fmt, **kw); raw = b.getvalue()
    pic = np.asarray(Image.open(io.BytesIO(raw)).convert("RGB"))
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
    gp = np.asarray(Image.open(io.BytesIO(g.getvalue())).convert("RGB")).astype(np.int16)
    scale = dpi / fg.dpi; fg.canvas.draw(); H = pic.shape[0]
    sls, truths = [], []
    for ax in axes:
        bb = ax.get_window_extent()
        y0, y1 = int(np.ceil(H - bb.y1 * scale)) + pad, int(np.floor(H - bb.y0 * scale)) - pad
        x0, x1 = int(np.ceil(bb.x0 * scale)) + pad, int(np.floor(bb.x1 * scale)) - pad
        sl = (slice(y0, y1), slice(x0, x1)); sub = gp[sl]
        isgray = (np.abs(sub[..., 0] - sub[..., 1]) <= 1) & (np.abs(sub[..., 1] - sub[..., 2]) <= 1)
        t = (sub[..., 0].astype(np.float64) + 0.5) / 256; t[~isgray] = np.nan
        sls.append(sl); truths.append(t)
    return pic, sls, truths, raw


def mscore(est01, truth):
    """MAE / p99 / holes of positions est01 vs truth on the pixels where truth is finite (holes count 1.0)."""
    m = np.isfinite(truth)
    return F.score(est01, truth, m)


def line(tag, est01, truth, base01, extra="", ws=()):
    mt, pt, ht = mscore(est01, truth); mb, pb, _ = mscore(base01, truth)
    print(f"{tag:46}{100*ht:8.3f}{100*mt:8.3f}{100*mb:8.3f}{mt/max(mb,1e-12):7.2f}{100*pt:7.2f}{100*pb:7.2f}  {extra} | {wshort(list(ws))}", flush=True)
    return (tag, ht, mt, mb, pt, pb)


LHEAD = f"{'case':46}{'holes%':>8}{'tp%':>8}{'kd%':>8}{'ratio':>7}{'p99tp':>7}{'p99kd':>7}  notes | warnings"

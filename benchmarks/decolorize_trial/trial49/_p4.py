"""trial49 helpers: trial 48's _p3 by import (which brings trial 47's _p2, trial 45's _common, trial 46's _fig),
plus a figure -> (picture, plot-area slice, gray-redraw truth) helper for savefig formats and dpis, and a
read_figure summary line."""
import io, sys, pathlib, time
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "trial48"))
from _p3 import *  # noqa: F401,F403
from _p3 import c, F, kd, kd_table, call, wshort, score, header, loadavg, row, summary, HEAD, fig_rows, FIG_HEAD, fig_summary  # noqa
import numpy as np
import matplotlib.pyplot as plt
from PIL import Image


def fig_pictures(fg, ax, art, fmt, dpi=None, q=75, pad=3):
    """savefig(fmt, dpi) -> RGB picture, the plot area's interior slice at that dpi and the gray-redraw truth
    (art.set_cmap('gray'), same dpi, 8-bit truth (g+.5)/256 of the norm's position)."""
    kw = {} if dpi is None else {"dpi": dpi}
    if fmt in ("jpg", "jpeg"): kw["pil_kwargs"] = {"quality": q}
    b = io.BytesIO(); fg.savefig(b, format=fmt, **kw); pic = np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
    old = art.get_cmap(); art.set_cmap("gray")
    g = io.BytesIO(); fg.savefig(g, format="png", **({} if dpi is None else {"dpi": dpi})); art.set_cmap(old)
    gp = np.asarray(Image.open(io.BytesIO(g.getvalue())).convert("RGB"))
    scale = (dpi or fg.dpi) / fg.dpi
    fg.canvas.draw(); H = pic.shape[0]; bb = ax.get_window_extent()
    y0, y1 = int(np.ceil(H - bb.y1 * scale)) + pad, int(np.floor(H - bb.y0 * scale)) - pad
    x0, x1 = int(np.ceil(bb.x0 * scale)) + pad, int(np.floor(bb.x1 * scale)) - pad
    sl = (slice(y0, y1), slice(x0, x1))
    return pic, sl, (gp[sl][..., 0].astype(np.float64) + 0.5) / 256, b.getvalue()


def rf_line(reading, want=None):
    out = []
    for p in reading.panels:
        a = p.data.attrs
        out.append(f"panel bbox={p.bbox} grid={getattr(p, 'grid', None)} cmap={a.get('cmap')} norm={a.get('norm')} "
                   f"vmin={a.get('vmin')} vmax={a.get('vmax')} conf={a.get('confidence')} doubts={str(a.get('doubts'))[:160]}")
    return " || ".join(out) if out else "no panels"


def cpu():
    return time.process_time()

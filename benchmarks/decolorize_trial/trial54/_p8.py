"""trial53 helpers: trial 52's _p7 by import (which brings _p6 ... _common and _fig), plus a scorer for any
position mapping (norms), the share of drawn-over pixels flagged, and pictures through other libraries."""
import io, sys, pathlib
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "trial52"))
from _p7 import *  # noqa: F401,F403
from _p7 import c, F, kd, kd_table, call, wshort, header, loadavg, cpu, mscore, fbm, dec, HEAD7, redraw_truth, plot_slice  # noqa
import numpy as np
from PIL import Image

HEAD8 = f"{'case':56}{'holes%':>8}{'tp%':>8}{'kd%':>8}{'ratio':>7}{'p99tp':>7}{'p99kd':>7}{'flag%':>7}{'cpu_s':>7}  jpeg/noise/thr | warnings"


def dec_any(tag, pic, truth01, m, to01=None, sl=None, base=None, ink=None, rows=None, info=True, **kw):
    """tp.decolorize(pic, cmap=m, **kw) (the call as a user writes it); positions = to01(values) (default: linear
    over kw's vmin/vmax) scored on sl against truth01 (NaN = not scored; holes = 1.0) beside a k-d tree over m's table;
    flag% = share of `ink` (a mask over sl) that came back NaN. One row printed; returns (tag, holes, mae, kd, p99s...)."""
    import truepix as tp
    sl = sl or (slice(None), slice(None))
    t0 = cpu(); v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, **kw)); dt = cpu() - t0
    if v is None:
        print(f"{tag:56} ERROR {err}", flush=True); return None
    if to01 is None:
        lo, hi = kw.get("vmin", 0.0), kw.get("vmax", 1.0)
        to01 = lambda x: (x - lo) / (hi - lo)  # noqa
    v = np.asarray(v)
    if v.ndim == 3 and v.shape[0] == 1: v = v[0]  # a (1, H, W, 3) picture (imageio's GIF) comes back (1, H, W)
    est = np.asarray(to01(v[sl]), dtype=np.float64)
    est[np.isnan(v[sl])] = np.nan
    sub = np.asarray(pic.convert("RGB")) if isinstance(pic, Image.Image) else np.asarray(pic)
    if sub.ndim == 4: sub = sub[0]
    sub = sub[sl]
    b = (base or kd(m))(sub[..., :3])
    mt, pt, ht = mscore(est, truth01); mb, pb, _ = mscore(b, truth01)
    fl = f"{100 * np.isnan(v[sl])[ink].mean():7.1f}" if ink is not None and ink.any() else f"{'-':>7}"
    inf = ""
    if info:
        try:
            r = tp.Decolorizer(m, **kw).decode(pic)
            inf = f"{bool(r.jpeg)}/{float(r.noise):.2f}/{float(r.threshold):.1f}"
        except Exception as e:  # noqa
            inf = f"Decolorizer: {e}"[:50]
    print(f"{tag:56}{100*ht:8.3f}{100*mt:8.3f}{100*mb:8.3f}{mt/max(mb,1e-12):7.2f}{100*pt:7.2f}{100*pb:7.2f}{fl}"
          f"{dt:7.2f}  {inf} | {wshort(ws, 160)}", flush=True)
    row = (tag, ht, mt, mb, pt, pb)
    if rows is not None: rows.append(row)
    return row


def summary(rows, label):
    if not rows: return
    a = np.array([r[1:] for r in rows], dtype=np.float64)
    r = a[:, 1] / np.maximum(a[:, 2], 1e-12)
    print(f"SUMMARY {label}: n {len(rows)}, holes mean {100*a[:,0].mean():.3f} % max {100*a[:,0].max():.3f} %"
          f" (> 0.2 %: {(a[:,0] > 0.002).sum()}), ratio mean {r.mean():.3f} median {np.median(r):.3f} max {r.max():.2f},"
          f" p99 worse than k-d {(a[:,3] > a[:,4] + 1e-9).sum()}", flush=True)


def pil_rgb(b):
    return np.asarray(Image.open(io.BytesIO(b)).convert("RGB"))


def fig_bytes(fg, fmt="png", **kw):
    b = io.BytesIO(); fg.savefig(b, format=fmt, **kw); return b.getvalue()


def jpeg_pil(rgb, q=75, sub=2):
    b = io.BytesIO(); Image.fromarray(rgb).save(b, "JPEG", quality=q, subsampling=sub); return pil_rgb(b.getvalue())

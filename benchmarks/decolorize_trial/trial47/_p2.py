"""trial47 Part 2 helpers: trial 45's _common (fields, JPEG) and trial 46's _fig (grab, interior, gray-redraw
truth, score) loaded by path; a k-d tree baseline over ANY colormap's table (N entries -> bin centres
(i+.5)/N); calls with warnings recorded; figure bytes through savefig."""
import importlib.util, io, pathlib, warnings
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib as mpl
from PIL import Image
from scipy.spatial import cKDTree

_HERE = pathlib.Path(__file__).resolve().parent


def _load(name, rel):
    spec = importlib.util.spec_from_file_location(name, _HERE.parent / rel)
    mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
    return mod


c = _load("trial45_common", "trial45/_common.py")
F = _load("trial46_fig", "trial46/_fig.py")
grab, interior, gray_truth, score, smooth, loadavg = F.grab, F.interior, F.gray_truth, F.score, F.smooth, F.loadavg


def kd(cmap, n=None):
    """Nearest table colour (truncated bytes, matplotlib's cmap(x, bytes=True)) -> its bin centre in [0, 1]."""
    cm = mpl.colormaps[cmap] if isinstance(cmap, str) else cmap
    n = n or cm.N
    lut = cm(np.linspace(0, 1, n), bytes=True)[:, :3].astype(np.float64)
    t = cKDTree(lut)
    def f(rgb):
        _, i = t.query(np.asarray(rgb)[..., :3].reshape(-1, 3).astype(np.float64))
        return ((i + 0.5) / n).reshape(np.asarray(rgb).shape[:2])
    return f


def call(fn):
    """(result or None, 'Error: msg' or '', [warning 'Class: msg'])."""
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            out, err = fn(), ""
        except Exception as e:  # noqa
            out, err = None, f"{type(e).__name__}: {e}"
    return out, err, [f"{x.category.__name__}: {x.message}" for x in w]


def wshort(ws, n=110):
    return " | ".join(s[:n] for s in ws) if ws else "-"


def savefig_bytes(fg, fmt, **kw):
    b = io.BytesIO(); fg.savefig(b, format=fmt, **kw); return b.getvalue()


def read_rgb(data):
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))


def jpeg(rgb, q=75, sub=2):
    return c.jpeg(rgb, q, sub)


def header(title):
    print(f"# {title}\n# load {loadavg()}", flush=True)


def fig_rows(tag, pic, sl, truth, m, routes=("name", "bar"), vlim=(0, 1), extra=None):
    """Decode a whole figure by the routes; print and return rows (tag, route, holes, tp, kd, p99tp, p99kd)."""
    import truepix as tp
    lo, hi = vlim
    base = kd(m)(pic[sl]); mb, pb, _ = score(base, truth)
    out = []
    for route in routes:
        note = ""
        if route == "name":
            kw = dict(cmap=m, vmin=lo, vmax=hi)
        else:
            bar, err, ws = call(lambda: tp.find_colorbar(pic))
            if bar is None:
                print(f"{tag:34}{route:5} find_colorbar -> None {err} {wshort(ws)}", flush=True); continue
            ent = bar.colormap_entry(); note = f"bar={getattr(ent, 'name', 'custom')} lim={bar.vmin},{bar.vmax} "
            kw = dict(cmap=bar)
            v, err, ws = call(lambda: tp.decolorize(pic, **kw))
            if v is None:
                note += f"[cmap=bar alone: {err[:90]}] "
                kw = dict(cmap=bar, vmin=lo, vmax=hi)
        v, err, ws = call(lambda: tp.decolorize(pic, **kw))
        if v is None:
            print(f"{tag:34}{route:5} ERROR {err}", flush=True); continue
        res = tp.Decolorizer(kw["cmap"], **{k: x for k, x in kw.items() if k != "cmap"}).decode(pic)
        vv = (v[sl] - lo) / (hi - lo)
        mt, pt, ht = score(vv, truth)
        out.append((tag, route, ht, mt, mb, pt, pb))
        ex = f" {extra(v)}" if extra else ""
        print(f"{tag:34}{route:5}{100*ht:8.3f}{100*mt:8.3f}{100*mb:8.3f}{mt/mb:7.2f}{100*pt:7.2f}{100*pb:7.2f}  "
              f"{bool(res.jpeg)}/{float(res.noise):.2f}/{float(res.threshold):.1f}{ex} {note}| {wshort(ws)}", flush=True)
    return out


FIG_HEAD = f"{'case':34}{'route':5}{'holes%':>8}{'tp%':>8}{'kd%':>8}{'ratio':>7}{'p99tp':>7}{'p99kd':>7}  jpeg/noise/thr | notes | warnings"


def fig_summary(rows, keyf):
    keys = []
    for r in rows:
        k = keyf(r)
        if k not in keys: keys.append(k)
    for k in keys:
        rr = [r for r in rows if keyf(r) == k]
        print(f"  {str(k):28} n={len(rr):2} holes mean {100*np.mean([r[2] for r in rr]):.3f} max {100*max(r[2] for r in rr):.3f} (>0.2%: {sum(r[2] > 0.002 for r in rr)})"
              f"  ratio {sum(r[3] for r in rr)/sum(r[4] for r in rr):.3f}  p99 worse {sum(r[5] > r[6] * 1.001 for r in rr)}/{len(rr)}")

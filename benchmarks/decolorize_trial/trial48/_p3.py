"""trial48 Part 2 helpers: trial 47's _p2 (which loads trial 45's _common and trial 46's _fig) by import, plus
a k-d tree over an explicit (N, 3) byte table answering the bin centre, and a row printer."""
import os, sys, pathlib
_HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(_HERE.parent / "trial47"))
from _p2 import *  # noqa: F401,F403  (c, F, grab, interior, gray_truth, score, smooth, loadavg, kd, call, wshort, ...)
from _p2 import c, F, kd, call, wshort, score, header, loadavg, jpeg, savefig_bytes, read_rgb, fig_rows, FIG_HEAD, fig_summary  # noqa
import numpy as np
from scipy.spatial import cKDTree


def kd_table(lut):
    """Nearest row of an (N, 3) byte table -> (i + .5) / N."""
    lut = np.asarray(lut, np.float64)[:, :3]; n = len(lut); t = cKDTree(lut)
    def f(rgb):
        rgb = np.asarray(rgb)
        _, i = t.query(rgb[..., :3].reshape(-1, 3).astype(np.float64))
        return ((i + 0.5) / n).reshape(rgb.shape[:2])
    return f


HEAD = f"{'case':44}{'holes%':>8}{'tp%':>8}{'kd%':>8}{'ratio':>7}{'p99tp':>7}{'p99kd':>7}  jpeg/noise/thr | warnings"


def row(tag, est01, truth, base01, res=None, ws=(), mask=None):
    mt, pt, ht = F.score(est01, truth, mask)
    mb, pb, hb = F.score(base01, truth, mask)
    info = f"{bool(res.jpeg)}/{float(res.noise):.2f}/{float(res.threshold):.1f}" if res is not None else "-"
    print(f"{tag:44}{100*ht:8.3f}{100*mt:8.3f}{100*mb:8.3f}{mt/max(mb,1e-12):7.2f}{100*pt:7.2f}{100*pb:7.2f}  {info} | {wshort(list(ws))}", flush=True)
    return (tag, ht, mt, mb, pt, pb)


def summary(rows, keyf, label=""):
    """rows: (key fields..., holes, mae_tp, mae_kd, p99_tp, p99_kd) -- the last five are read from the end."""
    keys = []
    for r in rows:
        k = keyf(r)
        if k not in keys: keys.append(k)
    print(f"\nSUMMARY {label}")
    for k in keys:
        rr = [r for r in rows if keyf(r) == k]
        h = [r[-5] for r in rr]
        print(f"  {str(k):30} n={len(rr):2} holes mean {100*np.mean(h):.3f} max {100*max(h):.3f} (>0.2%: {sum(x > 0.002 for x in h)})"
              f"  ratio {sum(r[-4] for r in rr)/max(sum(r[-3] for r in rr),1e-12):.3f}  p99 worse {sum(r[-2] > r[-1] * 1.001 + 1e-9 for r in rr)}/{len(rr)}", flush=True)

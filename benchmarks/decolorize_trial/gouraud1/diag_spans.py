"""gouraud1 diag_spans: what _spans.far_blends decides on a JPEG'd tripcolor gouraud picture (planar share, off-map
share, how many blends each pass finds).  Usage: python diag_spans.py CMAP [q75]"""
import sys, numpy as np
sys.path.insert(0, __file__.rsplit("/", 1)[0])
from probe import case_pics, jpeg
import truepix as tp
from truepix.color._decolorize import _spans

cmap = sys.argv[1] if len(sys.argv) > 1 else "jet"; q = int(sys.argv[2][1:]) if len(sys.argv) > 2 else 75
pic, truth, sl, vmin, vmax = case_pics(sys.argv[3] if len(sys.argv) > 3 else "tri", cmap); pic = jpeg(pic, q)
orig_ps, orig_bo, orig_fb = _spans.planar_share, _spans._blends_of, _spans.far_blends


def ps(flat, scale, width, at, noise):
    s = orig_ps(flat, scale, width, at, noise)
    print(f"planar_share {s:.3f} of {len(at)} candidates ({100 * len(at) / len(flat):.2f} % of the picture), noise {noise:.2f}")
    ys, xs = np.divmod(at, width)
    ins = (ys >= sl[0].start) & (ys < sl[0].stop) & (xs >= sl[1].start) & (xs < sl[1].stop)
    print(f"  inside the plot area: {int(ins.sum())} candidates, planar {orig_ps(flat, scale, width, at[ins], noise):.3f}; "
          f"outside: {int((~ins).sum())}, planar {orig_ps(flat, scale, width, at[~ins], noise):.3f}")
    return s


def bo(*a, **k):
    f, p = orig_bo(*a, **k)
    print(f"  pass: {len(a[3])} open, {int(f.sum())} found, triangles={k.get('triangles')}")
    return f, p


def fb(flat, scale, width, off_map, *a):
    print(f"far_blends: off_map {int(off_map.sum())} ({100 * off_map.mean():.2f} %)")
    r = orig_fb(flat, scale, width, off_map, *a)
    print(f"far_blends: {len(r[0])} blends")
    return r


_spans.planar_share, _spans._blends_of, _spans.far_blends = ps, bo, fb
v = tp.decolorize(pic, cmap=cmap, vmin=vmin, vmax=vmax)[sl]
m = np.isfinite(truth)
print(f"holes {100 * (m & np.isnan(v)).sum() / m.sum():.3f} %")

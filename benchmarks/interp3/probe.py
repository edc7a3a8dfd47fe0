"""resized_blends' features on bicubic/lanczos noisy arrays and on annotated pictures.

share: the strict test (by luma, t in [0.1, 0.9]); over: the same with t in [-M, 1+M];
tol: tolerance 20 DN; off_model; ret: returning share; one/contrast (one_ink).
Usage: PYTHONPATH=src:. python benchmarks/interp3/probe.py [noisy|strokes|all]
"""
from __future__ import annotations

import sys

import numpy as np

sys.path.insert(0, "benchmarks/interp2")
sys.path.insert(0, ".")
import measure  # noqa: E402
from truepix.color._decolorize import _edges, _jpeg  # noqa: E402
from truepix.color._decolorize._plan import _YCBCR  # noqa: E402
import truepix as tp  # noqa: E402

orig_off = _jpeg.jpeg_off_map
orig_rb = _edges.resized_blends
STATE = {}


def off(flat, scale, width, position, *a, **k):
    STATE["position"] = position
    return orig_off(flat, scale, width, position, *a, **k)


def rb(flat, scale, width, candidates, on_map, seeds, beyond, inked=None, position=None):
    kept, counted = measure.counted_candidates(candidates, on_map, beyond, width)
    out = []
    for margin, tol in [(0.1, 12.0), (-0.15, 12.0), (-0.3, 12.0), (0.1, 20.0), (-0.15, 20.0)]:
        t = _edges.EdgeTest(_YCBCR, _edges.EDGE_SHARE_CHROMA, tol, _edges.EDGE_LUMA, margin, True)
        f, p = _edges._between_pairs(flat, scale, width, counted, on_map, t, on_map)
        out.append(f"{f.mean() if len(f) else 0:.3f}")
    t = _edges.EdgeTest(_YCBCR, _edges.EDGE_SHARE_CHROMA, 12.0, _edges.EDGE_LUMA, 0.1, True)
    found, pair = _edges._between_pairs(flat, scale, width, counted, on_map, t, on_map)
    back = _edges._returning(flat, scale, width, counted[found], pair[found])
    one = _edges.one_ink(STATE["position"], width, counted[found][back], pair[found][back])
    res = orig_rb(flat, scale, width, candidates, on_map, seeds, beyond, inked, position)
    print(f"  n {len(counted)} share/over15/over30/tol20/o15t20 {' '.join(out)} "
          f"offm {seeds[kept].mean() if len(counted) else 1:.3f} "
          f"ret {back.mean() if len(back) else 0:.2f} one {one[0]:.2f}/{one[1]:.1f} "
          f"resized {res[1]}", end="", flush=True)
    STATE["called"] = True
    return res


_jpeg.jpeg_off_map = off
_jpeg.resized_blends = rb


def run(label, pic, cmap, mask=None):
    STATE["called"] = False
    print(f"{label:34s}", end="", flush=True)
    v = tp.decolorize(pic, cmap=cmap, vmin=0, vmax=1)
    h = np.isnan(v)
    extra = f" strokes {100 * h[mask].mean():.1f} % data {100 * h[~mask].mean():.2f}" \
        if mask is not None else ""
    print(f"{'' if STATE['called'] else '  (no call)'}   holes {100 * h.mean():.2f} %{extra}",
          flush=True)


def texture(name, size):
    from skimage import data
    f = getattr(data, name)()[:size, :size].astype(float)
    return (f - f.min()) / np.ptp(f)


def smooth():
    from scipy.ndimage import gaussian_filter
    f = gaussian_filter(np.random.default_rng(0).normal(size=(256, 256)), 12)
    return (f - f.min()) / np.ptp(f)


which = sys.argv[1] if len(sys.argv) > 1 else "all"
if which in ("all", "noisy"):
    for interp in ["bicubic", "lanczos", "spline16"]:
        for seed, noise in [(0, 0.8), (1, 0.4), (2, 0.8), (3, 0.2)]:
            a = measure.array(seed, noise)
            for q in [75, 90]:
                for m in ["jet", "turbo", "rainbow", "viridis", "magma"]:
                    run(f"{interp} s{seed} n{noise} q{q} {m}", measure.drawn(a, m, interp, q), m)
if which in ("all", "strokes"):
    from tests.color._photographs import stroked_figure, contour_figure
    from tests.color.test_decolorize_branches import _coastlines, _jpeg as bjpeg
    pic, strokes = _coastlines()
    for q in (50, 75, 90):
        run(f"coast viridis q{q}", bjpeg(pic, q), "viridis", strokes)
    for m in ["turbo", "RdBu_r", "RdYlBu"]:
        run(f"brick red {m}", stroked_figure(texture("brick", 256), m, "red", 75), m)
    for m in ["coolwarm", "turbo"]:
        run(f"camera red {m}", stroked_figure(texture("camera", 256), m, "red", 75), m)
    for m in ["coolwarm", "turbo", "RdBu_r", "RdYlBu", "jet", "Spectral", "viridis"]:
        for q in [75, 90]:
            run(f"smooth red {m} q{q}", stroked_figure(smooth(), m, "red", q), m)
    for m in ["jet", "viridis", "turbo", "magma", "coolwarm"]:
        for c in ["black", "white", "0.5", "red"]:
            run(f"contour {m} {c}", contour_figure(m, c, True), m)

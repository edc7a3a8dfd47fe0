"""The strict between-neighbours share under variants of its test, on bicubic (B-spline)
noisy arrays and on annotated pictures. Usage: PYTHONPATH=src:. python
benchmarks/interp3/variants.py"""
from __future__ import annotations

import sys

import numpy as np

sys.path.insert(0, "benchmarks/interp2")
sys.path.insert(0, ".")
import measure  # noqa: E402
from truepix.color._decolorize import _edges, _jpeg  # noqa: E402
from truepix.color._decolorize._plan import _YCBCR  # noqa: E402
import truepix as tp  # noqa: E402

orig_rb = _edges.resized_blends
VARIANTS = {  # (tolerance, min_step, margin, flank all, passes)
    "base": (12.0, 16.0, 0.1, False, 1), "step8": (12.0, 8.0, 0.1, False, 1),
    
    
}


def rb(flat, scale, width, candidates, on_map, seeds, beyond, inked=None, position=None):
    height = len(on_map) // width
    kept, counted = measure.counted_candidates(candidates, on_map, beyond, width)
    out = []
    luma = (flat.astype(float) * scale) @ _YCBCR[0]
    img = luma.reshape(height, width)
    sec = np.zeros_like(img)
    for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
        a = np.roll(img, (dy, dx), (0, 1)); b = np.roll(img, (-dy, -dx), (0, 1))
        sec = np.maximum(sec, np.abs(2 * img - a - b))
    sec = sec.ravel()
    if len(counted):
        onm = np.flatnonzero(on_map)
        sc, sf = np.median(sec[counted]), np.median(sec[onm])
        sc9, sf9 = np.percentile(sec[counted], 90), np.percentile(sec[onm], 90)
        out.append(f"SEC {sc:.1f}/{sf:.1f}={sc / max(sf, 0.5):.2f} p90 {sc9:.0f}/{sf9:.0f}")
    for name, (tol, step, margin, every, passes) in VARIANTS.items():
        t = _edges.EdgeTest(_YCBCR, _edges.EDGE_SHARE_CHROMA, tol, step, margin, True)
        flank = np.ones_like(on_map) if every else on_map
        f = _edges.edge_blends(flat, scale, width, counted, flank, t, passes)
        out.append(f"{name} {f.mean() if len(f) else 0:.3f}")
    out.append(f"SMOOTH {_edges.smooth_blends(flat, scale, width, counted, on_map)}")
    res = orig_rb(flat, scale, width, candidates, on_map, seeds, beyond, inked, position)
    print(f"  n {len(counted)} {' '.join(out)} offm {seeds[kept].mean() if len(counted) else 1:.2f}"
          f" resized {res[1]}", end="", flush=True)
    return res


_jpeg.resized_blends = rb


def run(label, pic, cmap, mask=None):
    print(f"{label:26s}", end="", flush=True)
    v = tp.decolorize(pic, cmap=cmap, vmin=0, vmax=1)
    h = np.isnan(v)
    extra = f" strokes {100 * h[mask].mean():.1f}" if mask is not None else ""
    print(f"  holes {100 * h.mean():.2f}{extra}", flush=True)


def smooth():
    from scipy.ndimage import gaussian_filter
    f = gaussian_filter(np.random.default_rng(0).normal(size=(256, 256)), 12)
    return (f - f.min()) / np.ptp(f)


def texture(name, size):
    from skimage import data
    f = getattr(data, name)()[:size, :size].astype(float)
    return (f - f.min()) / np.ptp(f)


import warnings  # noqa: E402
warnings.simplefilter("ignore")
which = sys.argv[1] if len(sys.argv) > 1 else "all"
if which in ("all", "noisy"):
    for interp in ["bicubic", "gaussian"]:
        for seed, noise in [(0, 0.8), (2, 0.8), (1, 0.4)]:
            a = measure.array(seed, noise)
            for m in ["jet", "turbo", "rainbow"]:
                run(f"{interp} s{seed} n{noise} {m}", measure.drawn(a, m, interp, 75), m)
if which in ("all", "strokes"):
    from tests.color._photographs import stroked_figure, contour_figure
    from tests.color.test_decolorize_branches import _coastlines, _jpeg as bjpeg
    pic, strokes = _coastlines()
    for q in (50, 75, 90):
        run(f"coast viridis q{q}", bjpeg(pic, q), "viridis", strokes)
    run("brick red RdYlBu", stroked_figure(texture("brick", 256), "RdYlBu", "red", 75), "RdYlBu")
    run("camera red coolwarm", stroked_figure(texture("camera", 256), "coolwarm", "red", 75),
        "coolwarm")
    for m in ["coolwarm", "turbo", "jet", "Spectral"]:
        run(f"smooth red {m} q75", stroked_figure(smooth(), m, "red", 75), m)
    for m in ["jet", "viridis", "turbo", "magma"]:
        for c in ["black", "white", "0.5"]:
            run(f"contour {m} {c}", contour_figure(m, c, True), m)

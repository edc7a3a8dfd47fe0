"""``_edges.resized_blends``' figures on the interp6 pictures: the share between neighbours,
off-model seeds, the smooth test's field sharpness (DN), candidates' ratio, and the share of
candidates (and of the ink peak's) it takes for smooth.
Usage: PYTHONPATH=src:. python benchmarks/interp6/rprobe.py
"""
from __future__ import annotations

import sys
import warnings

import numpy as np

sys.path.insert(0, "benchmarks/interp2")
sys.path.insert(0, ".")
import measure  # noqa: E402

import truepix as tp  # noqa: E402
from truepix.color._decolorize import _edges, _jpeg  # noqa: E402
from truepix.color._decolorize._plan import _YCBCR  # noqa: E402

warnings.simplefilter("ignore")
ORIG_RB = _jpeg.resized_blends
ORIG_SB = _edges.smooth_blends
LINES = []


def sb(flat, scale, width, candidates, counted, on_map):
    data = np.flatnonzero(on_map)
    data = data[:: max(len(data) // _edges.EDGE_SMOOTH_SAMPLE, 1)]
    h = len(on_map) // width
    field = np.nanmedian(_edges._sharpness(flat, scale, width, h, data))
    own = _edges._sharpness(flat, scale, width, h, counted)
    out = ORIG_SB(flat, scale, width, candidates, counted, on_map)
    LINES.append(f"field {field:.2f} ratio {np.nanmedian(own) / field:.2f} "
                 f"smooth {'-' if out is None else '%.2f' % out.mean()}")
    return out


def rb(flat, scale, width, candidates, on_map, seeds, beyond, *a, **k):
    kept, counted = measure.counted_candidates(candidates, on_map, beyond, width)
    t = _edges.EdgeTest(_YCBCR, _edges.EDGE_SHARE_CHROMA, _edges.EDGE_TOLERANCE, _edges.EDGE_LUMA,
                        _edges.EDGE_MARGIN, True)
    f, _ = _edges._between_pairs(flat, scale, width, counted, on_map, t, on_map)
    LINES.append(f"n {len(counted)} share {f.mean() if len(f) else 0:.3f} "
                 f"offm {seeds[kept].mean() if len(counted) else 1:.3f}")
    out = ORIG_RB(flat, scale, width, candidates, on_map, seeds, beyond, *a, **k)
    LINES.append(f"resized {out[1]}")
    return out


_jpeg.resized_blends = rb
_edges.smooth_blends = sb


def run(label, pic, cmap):
    LINES.clear()
    h = np.isnan(tp.decolorize(pic, cmap=cmap, vmin=0, vmax=1))
    print(f"{label}: holes {100 * h.mean():.2f} | {' ; '.join(LINES)}", flush=True)


def main():
    for interp, m, n, s, q in [("bicubic", "rainbow", 0.4, 2, 90), ("bicubic", "rainbow", 0.4, 1, 90),
                               ("bicubic", "viridis", 0.8, 2, 90), ("bicubic", "viridis", 0.8, 2, 75),
                               ("bilinear", "viridis", 0.4, 0, 75), ("bilinear", "viridis", 0.4, 1, 75),
                               ("bilinear", "viridis", 0.8, 0, 75), ("gaussian", "viridis", 0.8, 0, 75),
                               ("gaussian", "viridis", 0.8, 1, 75)]:
        run(f"{interp} {m} n{n} s{s} q{q}", measure.drawn(measure.array(s, n), m, interp, q), m)
    from tests.color._photographs import contour_figure
    for size in [(160, 120), (120, 90), (96, 72)]:
        run(f"small coolwarm {size}", contour_figure("coolwarm", "#bfbfbf", True, size=size),
            "coolwarm")


if __name__ == "__main__":
    main()

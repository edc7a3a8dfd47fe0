"""Picture-level features of ``_edges.resized_blends``' input: gray / black stroke figures
(trial 45's t02, JPEG q75) against resized-then-JPEG'd photographs
(tests/color/test_decolorize_resized_jpeg.py). Diagnostic only (issue 11, Deliver 1).

Per picture (the decoder's own call caught on its way in): the plan's threshold, NaN share,
the resized test's counted candidates and share between two on-map neighbours, the share of
those whose sides come back (``inked_share``), the share of candidates past the threshold that
are neutral ridges (``_neutral.neutral_ridges``), how many of those lie in 8-connected groups
of 10 / 15 / 20 or more (``_neutral.strung_neutral`` counts 15+), the median of the found
pairs' larger flank residual over the threshold, and the share of 16 px tiles holding 3+
(or any) counted blends.

``python benchmarks/annotgray/features.py``
"""
from __future__ import annotations

import sys

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib as mpl  # noqa: E402
from scipy import ndimage  # noqa: E402

import truepix as tp  # noqa: E402
from truepix.color._decolorize import _edges, _jpeg, _neutral  # noqa: E402

sys.path.insert(0, "benchmarks/annotthin")
sys.path.insert(0, "benchmarks/decolorize_trial/trial45")
sys.path.insert(0, "tests/color")
import trace_stages as ts  # noqa: E402
from test_decolorize_resized_jpeg import _jpeg as jpeg_q, _photo, _resized  # noqa: E402

CAUGHT: dict = {}


#: tests/color/test_decolorize_resized_jpeg.py's 11 pictures: (map, photograph, factor,
#: resampler, JPEG quality, size before the resize)
PHOTOS = [
    ("turbo", "coffee", 0.5, "cv2 linear", 95, 256),
    ("rainbow", "camera", 0.5, "Pillow bilinear", 95, 256),
    ("jet", "coffee", 0.5, "cv2 area", 50, 256),
    ("turbo", "coffee", 1 / 3, "cv2 area", 75, 512),
    ("turbo", "camera", 0.5, "cv2 cubic", 50, 512),
    ("jet", "astronaut", 1 / 3, "cv2 area", 50, 512),
    ("jet", "camera", 0.5, "Pillow lanczos", 50, 512),
    ("jet", "coffee", 1 / 3, "cv2 area", 90, 512),
    ("turbo", "coffee", 2.0, "cv2 linear", 75, 128),
    ("rainbow", "coffee", 2.0, "cv2 linear", 50, 128),
    ("turbo", "coffee", 1.5, "Pillow bicubic", 75, 170),
]
FIGS = [("jet", "dem", "gray"), ("RdBu_r", "dem", "gray"), ("magma", "dem", "gray"),
        ("magma", "camera", "gray"), ("viridis", "camera", "gray"), ("jet", "dem", "black"),
        ("jet", "camera", "black"), ("coolwarm", "dem", "gray"), ("turbo", "dem", "gray")]


def pictures():
    for m, fld, ann in FIGS:
        v = ts.field(fld)
        yield f"fig {m} {fld} {ann}", m, jpeg_q(ts.figure(v, m, ann), 75)
    for m, ph, f, meth, q, size in PHOTOS:
        pic = mpl.colormaps[m](_photo(ph, size), bytes=True)[..., :3]
        yield f"photo {m} {ph} {meth} {f:.2f} q{q}", m, jpeg_q(_resized(pic, f, meth), q)


def main():
    orig_off, orig_rb = _jpeg.jpeg_off_map, _jpeg.resized_blends

    def off(flat, scale, width, position, residual, plan, line):
        CAUGHT["residual"], CAUGHT["threshold"] = residual, plan.threshold
        return orig_off(flat, scale, width, position, residual, plan, line)

    def rb(flat, scale, width, candidates, on_map, seeds, beyond, inked=None):
        CAUGHT["rb"] = (flat, scale, width, candidates, on_map, seeds, beyond, inked)
        return orig_rb(flat, scale, width, candidates, on_map, seeds, beyond, inked)

    _jpeg.jpeg_off_map, _jpeg.resized_blends = off, rb
    for name, m, pic in pictures():
        CAUGHT.clear()
        v = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
        if "rb" not in CAUGHT:
            print(f"{name:45s} no resized test; nan {100*np.isnan(v).mean():.3f}")
            continue
        print(f"{name:45s} thr {CAUGHT['threshold']:5.1f} nan {100*np.isnan(v).mean():6.3f} "
              + features(*CAUGHT["rb"], CAUGHT["residual"], CAUGHT["threshold"]), flush=True)


def features(flat, scale, width, candidates, on_map, seeds, beyond, inked, residual, thr):
    height = len(on_map) // width
    stroked = np.zeros(len(on_map), bool)
    if beyond.any():
        _edges.degraded.near(candidates[beyond], width, height, _edges.EDGE_STROKE_RADIUS, stroked)
    kept = ~on_map[candidates] & ~stroked[candidates]
    counted = candidates[kept]
    strict = _edges.EdgeTest(_edges._YCBCR, _edges.EDGE_SHARE_CHROMA, _edges.EDGE_TOLERANCE,
                             _edges.EDGE_LUMA, _edges.EDGE_MARGIN, True)
    found, pair = _edges._between_pairs(flat, scale, width, counted, on_map, strict, on_map)
    share = found.mean() if len(counted) else 0
    ret = _edges.inked_share(flat, scale, width, counted[found], pair[found])
    past = ~on_map[candidates]
    ridges = _neutral.neutral_ridges(flat, scale, width, candidates, past)
    # flank residuals of found pairs
    steps = _edges._steps()
    c = counted[found]
    y, x = c // width, c % width
    st = steps[pair[found]]
    a = (y + st[:, 0]) * width + x + st[:, 1]
    b = (y - st[:, 0]) * width + x - st[:, 1]
    fl = np.maximum(residual[a], residual[b])
    # spatial: share of 16 px tiles holding found candidates
    mask = np.zeros(len(on_map), bool)
    mask[c] = True
    tiles = mask.reshape(height, width)[: height // 16 * 16, : width // 16 * 16]
    tiles = tiles.reshape(height // 16, 16, width // 16, 16).sum((1, 3))
    # neutral ridges in long 8-connected groups
    rm = np.zeros(len(on_map), bool)
    rm[candidates[ridges]] = True
    lab, n = ndimage.label(rm.reshape(height, width), structure=np.ones((3, 3)))
    sizes = np.bincount(lab.ravel())[1:] if n else np.zeros(0, dtype=np.int64)
    strung = [int(sizes[sizes >= k].sum()) for k in (10, 15, 20)]
    return (f"cnt {len(counted):6d} share {share:.3f} ret {ret:.3f} "
            f"neutral {ridges[past].mean():.3f} "
            f"in groups of 10/15/20+ {strung} of {height * width} px "
            f"flank/thr med {np.median(fl) / thr if len(fl) else 0:.2f} "
            f"tiles>=3 {(tiles >= 3).mean():.2f} nonemptyfrac {(tiles > 0).mean():.2f}")


if __name__ == "__main__":
    main()

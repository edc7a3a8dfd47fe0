"""imshow(bilinear/hanning/bicubic/antialiased) of a noisy array, JPEG: holes and error / k-d tree.

Truth: the same figure drawn with gray (its RGBA blends are the data's blends), PNG.
Usage: PYTHONPATH=src python benchmarks/interp2/measure.py [maps] [interps] [qualities]
"""

from __future__ import annotations

import io
import sys
import time

import matplotlib as mpl
import numpy as np
from PIL import Image
from scipy.spatial import cKDTree

mpl.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import truepix as tp  # noqa: E402



def counted_candidates(candidates, on_map, beyond, width):
    """What ``_edges.resized_blends`` counts among a JPEG'd picture's ``candidates`` (flat
    indices): those off the map and beyond EDGE_STROKE_RADIUS of the ``beyond`` (a stroke
    outside the map's luma) ones -- (the mask over candidates, their flat indices)."""
    from truepix.color._decolorize import _edges

    height = len(on_map) // width
    stroked = np.zeros(len(on_map), dtype=bool)
    if beyond.any():
        _edges.degraded.near(candidates[beyond], width, height, _edges.EDGE_STROKE_RADIUS, stroked)
    kept = ~on_map[candidates] & ~stroked[candidates]
    return kept, candidates[kept]

def array(seed: int = 0, noise: float = 0.4) -> np.ndarray:
    y, x = np.mgrid[0:120, 0:150].astype(float)
    y, x = y / 119, x / 149
    a = np.sin(5 * x) * np.cos(3 * y) + noise * np.random.default_rng(seed).normal(size=(120, 150))
    return (a - a.min()) / np.ptp(a)


def drawn(a, cmap, interp, quality):
    fig = plt.figure(figsize=(4.05, 3.24), dpi=100)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_axis_off()
    ax.imshow(a, cmap=cmap, vmin=0, vmax=1, interpolation=interp)
    buf = io.BytesIO()
    if quality is None:
        fig.savefig(buf, format="png")
    else:
        fig.savefig(buf, format="jpeg", pil_kwargs={"quality": quality})
    plt.close(fig)
    return np.asarray(Image.open(buf).convert("RGB"))


def kd(pic, cmap):
    table = mpl.colormaps[cmap](np.linspace(0, 1, 256), bytes=True)[:, :3].astype(float)
    idx = cKDTree(table).query(pic.reshape(-1, 3).astype(float))[1]
    return ((idx + 0.5) / 256).reshape(pic.shape[:2])


def main():
    maps = (sys.argv[1] if len(sys.argv) > 1 else "jet,turbo,rainbow,viridis").split(",")
    interps = (sys.argv[2] if len(sys.argv) > 2 else "bilinear").split(",")
    quals = [int(q) if q != "png" else None
             for q in (sys.argv[3] if len(sys.argv) > 3 else "75,90").split(",")]
    a = array()
    for interp in interps:
        truth = drawn(a, "gray", interp, None)[2:-2, 2:-2, 0] / 255.0
        for q in quals:
            for m in maps:
                pic = drawn(a, m, interp, q)
                t0 = time.process_time()
                v = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)[2:-2, 2:-2]
                dt = time.process_time() - t0
                holes = np.isnan(v)
                err = np.where(holes, 1.0, np.abs(v - truth)).mean()
                base = np.abs(kd(pic, m)[2:-2, 2:-2] - truth).mean()
                print(f"{interp:11s} q{q} {m:8s} holes {100 * holes.mean():6.2f} %  "
                      f"ratio {err / base:5.2f}  ({dt * 1000:.0f} ms)", flush=True)


if __name__ == "__main__":
    main()

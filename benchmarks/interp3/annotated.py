"""Annotations over an imshow(bicubic) noisy array, JPEG q75: strokes flagged %, data holes %.

Strokes: pixels the annotation moved 30 DN or more (drawn as PNG with and without it).
Usage: PYTHONPATH=src python benchmarks/interp3/annotated.py [interp]
"""
from __future__ import annotations

import io
import sys
import warnings

import matplotlib as mpl
import numpy as np
from PIL import Image

sys.path.insert(0, "benchmarks/interp2")
import measure  # noqa: E402

mpl.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import truepix as tp  # noqa: E402

warnings.simplefilter("ignore")


def drawn(a, cmap, interp, color, quality):
    fig = plt.figure(figsize=(4.05, 3.24), dpi=100)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_axis_off()
    ax.imshow(a, cmap=cmap, vmin=0, vmax=1, interpolation=interp)
    if color is not None:
        ax.plot([5, 140], [10, 110], color=color, lw=1.5)
        for row in range(3):
            ax.text(8, 25 + 35 * row, "T = 25.0 K", color=color, fontsize=12)
    buf = io.BytesIO()
    kw = {"format": "png"} if quality is None else {"format": "jpeg",
                                                    "pil_kwargs": {"quality": quality}}
    fig.savefig(buf, **kw)
    plt.close(fig)
    return np.asarray(Image.open(buf).convert("RGB")).astype(int)


interp = sys.argv[1] if len(sys.argv) > 1 else "bicubic"
for seed, noise in [(0, 0.8), (1, 0.4)]:
    a = measure.array(seed, noise)
    for m in ["jet", "turbo", "viridis"]:
        clean = drawn(a, m, interp, None, None)
        for color in ["black", "white", "0.5", "red"]:
            png = drawn(a, m, interp, color, None)
            strokes = np.abs(png - clean).max(axis=-1) >= 30
            for q in [None, 75]:
                pic = drawn(a, m, interp, color, q).astype(np.uint8)
                h = np.isnan(tp.decolorize(pic, cmap=m, vmin=0, vmax=1))
                print(f"{interp} s{seed} n{noise} {m:8s} {color:6s} {'png' if q is None else 'q75'}"
                      f" strokes {100 * h[strokes].mean():5.1f} % data "
                      f"{100 * h[~strokes].mean():5.2f} %", flush=True)

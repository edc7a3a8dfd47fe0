"""Which stage of ``_jpeg.jpeg_off_map`` flags a picture's pixels (imshow noisy arrays).

Wraps the stages _jpeg calls that set pixels in its off-map mask and prints the pixels each
added, then the holes of the decode. Usage:
PYTHONPATH=src python benchmarks/interp6/trace.py interp map noise seed kind [...]
(kind: png, 75, 90; several pictures: repeat the 5 fields).
"""

from __future__ import annotations

import sys

import numpy as np

sys.path.insert(0, "benchmarks/interp2")
import measure  # noqa: E402

import truepix as tp  # noqa: E402
from truepix.color._decolorize import _jpeg  # noqa: E402

STAGES = ["_follow_strokes", "strokes_unbled", "inked_strokes", "jump_strokes",
          "gray_ink_strokes", "end_ink_strokes", "straight_strokes", "ink_blends", "fringes"]
LOG: list = []


def wrapped(name, fn):
    def call(*args, **kwargs):
        masks = [a for a in args if isinstance(a, np.ndarray) and a.dtype == bool
                 and a.ndim == 1 and len(a) > 1000]
        before = [int(m.sum()) for m in masks]
        out = fn(*args, **kwargs)
        after = [int(m.sum()) for m in masks]
        if masks:
            LOG.append((name, after[0] - before[0]))
        return out
    return call


def off_map(*args, **kwargs):
    out = ORIG(*args, **kwargs)
    LOG.append(("total", int(out.sum())))
    return out


for _name in STAGES:
    setattr(_jpeg, _name, wrapped(_name, getattr(_jpeg, _name)))
ORIG = _jpeg.jpeg_off_map
_jpeg.jpeg_off_map = off_map
_rb = _jpeg.resized_blends


def rb(*args, **kwargs):
    out = _rb(*args, **kwargs)
    LOG.append(("resized", int(out[1])))
    return out


_jpeg.resized_blends = rb


def main():
    args = sys.argv[1:]
    for i in range(0, len(args), 5):
        interp, cmap, noise, seed, kind = args[i:i + 5]
        q = None if kind == "png" else int(kind)
        pic = measure.drawn(measure.array(int(seed), float(noise)), cmap, interp, q)
        LOG.clear()
        v = tp.decolorize(pic, cmap=cmap, vmin=0, vmax=1)[2:-2, 2:-2]
        stages = " ".join(f"{n}:{c}" for n, c in LOG if c)
        print(f"{interp} {cmap} n{noise} s{seed} {kind}: holes {100 * np.isnan(v).mean():.2f} % "
              f"({np.isnan(v).sum()} px) | {stages}", flush=True)


if __name__ == "__main__":
    main()

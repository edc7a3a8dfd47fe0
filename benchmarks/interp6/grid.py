"""imshow(<kernel>) of a noisy 120x150 array, PNG / JPEG: holes % and ratio vs k-d tree.

interp3/grid.py with gaussian and the loop ordered by kernel, map, quality (the interp6 table).
Usage: PYTHONPATH=src python benchmarks/interp6/grid.py interps maps noises seeds kinds
(comma lists; kinds: png,75,90). Prints one line per decode.
"""

from __future__ import annotations

import sys
import time

import numpy as np

sys.path.insert(0, "benchmarks/interp2")
import measure  # noqa: E402

import truepix as tp  # noqa: E402


def main():
    args = sys.argv[1:] + [None] * 5
    interps = (args[0] or "bicubic,bilinear,gaussian").split(",")
    maps = (args[1] or "jet,turbo,rainbow,viridis").split(",")
    noises = [float(n) for n in (args[2] or "0.2,0.4,0.8").split(",")]
    seeds = [int(s) for s in (args[3] or "0,1,2,3").split(",")]
    kinds = [None if k == "png" else int(k) for k in (args[4] or "png,75,90").split(",")]
    for interp in interps:
        for noise in noises:
            for seed in seeds:
                a = measure.array(seed, noise)
                truth = measure.drawn(a, "gray", interp, None)[2:-2, 2:-2, 0] / 255.0
                for q in kinds:
                    for m in maps:
                        pic = measure.drawn(a, m, interp, q)
                        t0 = time.process_time()
                        v = tp.decolorize(pic, cmap=m, vmin=0, vmax=1)[2:-2, 2:-2]
                        dt = time.process_time() - t0
                        holes = np.isnan(v)
                        err = np.where(holes, 1.0, np.abs(v - truth)).mean()
                        base = np.abs(measure.kd(pic, m)[2:-2, 2:-2] - truth).mean()
                        print(f"{interp} n{noise} s{seed} {'png' if q is None else 'q%d' % q} {m} "
                              f"holes {100 * holes.mean():.3f} ratio {err / base:.3f} "
                              f"ms {dt * 1000:.0f}", flush=True)


if __name__ == "__main__":
    main()

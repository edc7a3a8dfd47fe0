"""CPU time of the default call on pictures written by ``pictures.py`` (best of N after a warm-up).

Usage: ``python benchmarks/figslow/timing.py DIR [NAMES,...] [--rounds N] [--profile NAME]``
Run with NUMBA_NUM_THREADS=1; prints CPU ms per picture and the share of NaN.
"""
import argparse
import cProfile
import glob
import os
import pstats
import time
import warnings

import numpy as np

import truepix as tp


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("names", nargs="?", default="")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--profile", default="")
    a = ap.parse_args()
    warnings.simplefilter("ignore")
    files = sorted(glob.glob(os.path.join(a.dir, "*.npz")))
    want = set(a.names.split(",")) - {""}
    for path in files:
        key = os.path.basename(path)[:-4]
        if want and key not in want:
            continue
        z = np.load(path)
        pic, cmap = z["pic"], str(z["cmap"])
        dec = tp.Decolorizer(cmap, vmin=float(z["vmin"]), vmax=float(z["vmax"]))
        v = dec.values(pic)
        if a.profile == key:
            prof = cProfile.Profile()
            prof.enable()
            dec.values(pic)
            prof.disable()
            pstats.Stats(prof).sort_stats("cumulative").print_stats(45)
            continue
        ts = []
        for _ in range(a.rounds):
            t = time.process_time()
            dec.values(pic)
            ts.append(time.process_time() - t)
        print(f"{key:20s} {pic.shape[1]}x{pic.shape[0]} {1000 * min(ts):8.0f} ms CPU "
              f"NaN {100 * np.isnan(v).mean():.3f}%", flush=True)


if __name__ == "__main__":
    main()

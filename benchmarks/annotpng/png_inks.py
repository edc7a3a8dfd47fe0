"""Trial 45's t02 figures (text and lines drawn over an all-data imshow, 384^2) on PNG only:
flagged % of the pixels the annotation changed by > 10 DN, holes % of untouched pixels.

``python png_inks.py MAPS INKS [--dump DIR]``: comma-separated maps and inks (black, white, gray).
Imports trial45's figure code, so the pictures are t02's."""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial45"))
import numpy as np  # noqa: E402
import truepix as tp  # noqa: E402

import t02_annotations as t02  # noqa: E402

maps = sys.argv[1].split(",")
inks = sys.argv[2].split(",")
dump = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--dump" else None
print(f"{'map':9}{'field':8}{'ink':7}{'ink_px':>7}{'flag>10':>9}{'holes%':>9}{'cpu_s':>7}")
for m in maps:
    for fn, f in t02.fields.items():
        clean = t02.fig(f, m, None)
        v0 = tp.decolorize(clean, cmap=m, vmin=0, vmax=1)
        for ink in inks:
            a = t02.fig(f, m, ink)
            d = np.abs(a.astype(int) - clean.astype(int)).max(-1)
            t = time.process_time()
            v = tp.decolorize(a, cmap=m, vmin=0, vmax=1)
            cpu = time.process_time() - t
            nan = np.isnan(v)
            print(f"{m:9}{fn:8}{ink:7}{int((d > 10).sum()):7}{100 * nan[d > 10].mean():9.1f}"
                  f"{100 * nan[d == 0].mean():9.3f}{cpu:7.2f}"
                  f"  clean {100 * np.isnan(v0).mean():.3f}", flush=True)
            if dump:
                np.savez_compressed(f"{dump}/{m}_{fn}_{ink}.npz", a=a, clean=clean, v=v)

"""Decode trial 45's t02 figures kept by ``../annotpng/png_inks.py --dump DIR`` (which
holds main's values) with the truepix on PYTHONPATH: flagged % of the pixels the ink
changed by > 10 DN, before (the dump) -> now, NaN among untouched pixels (holes), and
untouched pixels now valued differently from the clean figure (wrongfield).

``python dumps_ab.py DIR``"""
import glob
import os
import sys
import time

import numpy as np
import truepix as tp

for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.npz"))):
    name = os.path.basename(path)[:-4]
    cmap = "gist_heat" if name.startswith("gist_heat") else name.split("_")[0]
    saved = np.load(path)
    drawn, clean, before = saved["a"], saved["clean"], saved["v"]
    start = time.process_time()
    now = tp.decolorize(drawn, cmap=cmap, vmin=0, vmax=1)
    cpu = time.process_time() - start
    plain = tp.decolorize(clean, cmap=cmap, vmin=0, vmax=1)
    moved = np.abs(drawn.astype(int) - clean.astype(int)).max(-1)
    was, lost = np.isnan(before), np.isnan(now)
    wrong = ~lost & (moved == 0) & (np.abs(now - plain) > 1e-9)
    print(f"{name:26}{100 * was[moved > 10].mean():6.1f} ->{100 * lost[moved > 10].mean():6.1f}"
          f"  holes {was[moved == 0].sum():4d} ->{lost[moved == 0].sum():4d}"
          f"  wrongfield {wrong.sum()} cpu {cpu:.2f}", flush=True)

"""annot10: the probe's lines with and without the white ellipse (JPEG q75): which loss is the
ellipse's and which the thin line's own."""
import sys
import warnings
import numpy as np
import probe
import truepix as tp

full = probe.blob.copy()
for with_blob in (True, False):
    probe.blob = full if with_blob else np.zeros_like(full)
    for lw in (1.0, 1.5):
        for gap in (2, 3, 5):
            j1, core = probe.masks(gap, lw, 75)[3::3]
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                v = tp.decolorize(j1, cmap="jet", vmin=0, vmax=1)
            print(f"blob {with_blob} lw{lw} gap{gap}: core {100*np.isnan(v[core]).mean():5.1f} %", flush=True)
    sys.stdout.flush()

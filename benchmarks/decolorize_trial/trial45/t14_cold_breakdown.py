"""Where the first call's CPU goes in a fresh process (numba disk cache filled): imports done first
(numpy, matplotlib, numba, scipy), then the first tp.decolorize of a 1 MP exact picture, then the first
JPEG picture, then repeats. CPU seconds (time.process_time), 3 fresh processes."""
import subprocess, sys, os, tempfile
CODE = r'''
import time; P = time.process_time
c0 = P(); import numpy as np; import matplotlib, matplotlib.colors; import numba; import scipy.ndimage; c1 = P()
import truepix as tp; c2 = P()
ex = np.load(sys.argv[1]); jp = np.load(sys.argv[2])
a = P(); tp.decolorize(ex, cmap="viridis", vmin=0, vmax=1); b = P()
tp.decolorize(jp, cmap="viridis", vmin=0, vmax=1); c = P()
tp.decolorize(ex, cmap="viridis", vmin=0, vmax=1); d = P()
tp.decolorize(jp, cmap="viridis", vmin=0, vmax=1); e = P()
print(f"deps import {c1-c0:.2f}s  truepix import {c2-c1:.2f}s  1st exact {b-a:.3f}s ({1/(b-a):.1f} MP/cpu-s)  1st jpeg {c-b:.3f}s ({1/(c-b):.1f})  2nd exact {d-c:.3f}s  2nd jpeg {e-d:.3f}s")
'''
import sys
D = os.path.join(tempfile.gettempdir(), "trial45_speed")
for i in range(3):
    r = subprocess.run([sys.executable, "-c", "import sys\n" + CODE, os.path.join(D, "viridis_smooth_exact.npy"), os.path.join(D, "viridis_smooth_jpeg75.npy")], capture_output=True, text=True)
    print(r.stdout.strip() or r.stderr[-400:])
print("load", open("/proc/loadavg").read().split()[:3])

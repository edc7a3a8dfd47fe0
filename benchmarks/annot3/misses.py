"""Where measure.py's unflagged ink lies: beside a flagged pixel (<= 1.5 px) or apart; faint (the
annotation changed it by 10-40 DN in the PNG) or strong; its JPEG'd luma against the clean field's.

``python misses.py MASKS.npz``."""
import sys
import numpy as np
from scipy.ndimage import distance_transform_edt

have = dict(np.load("/tmp/annot3/pics.npz"))
masks = dict(np.load(sys.argv[1]))
Y = np.array([0.299, 0.587, 0.114])
print(f"{'case':24}{'ink':>6}{'miss':>6}{'beside':>7}{'apart':>6}{'faint':>6}{'apartS':>7}")
tot = {}
for key, nan in masks.items():
    d = have[key + "/d"]; ink = d > 10
    miss = ink & ~nan
    dist = distance_transform_edt(~nan)
    beside = miss & (dist <= 1.5)
    faint = miss & (d <= 40)
    apart_strong = miss & (dist > 1.5) & (d > 40)
    r = (ink.sum(), miss.sum(), beside.sum(), (miss & ~beside).sum(), faint.sum(),
         apart_strong.sum())
    m, fn, k = key.split("/")
    if m != "gray":
        t = tot.setdefault(k, np.zeros(6, int)); t += r
    print(f"{key:24}" + "".join(f"{x:6d} " for x in r))
for k, t in tot.items():
    print(f"TOTAL {k:6} ink {t[0]} missed {100*t[1]/t[0]:.1f}%: beside {100*t[2]/t[0]:.1f}"
          f" apart {100*t[3]/t[0]:.1f} faint {100*t[4]/t[0]:.1f}"
          f" apart&strong {100*t[5]/t[0]:.1f} (% of ink)")

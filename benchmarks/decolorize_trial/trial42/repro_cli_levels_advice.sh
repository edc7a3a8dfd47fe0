#!/bin/bash
# The CLI's few-level advice is not a usable command line: unbalanced shell quoting, and no CLI option takes N levels.
python -c "
import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt, numpy as np
y, x = np.mgrid[0:128, 0:128]; plt.imsave('/tmp/lev8.png', np.hypot(x - 64, y - 64), cmap=plt.get_cmap('viridis', 8), vmin=0, vmax=90)"
truepix decolorize /tmp/lev8.png /tmp/o.npy --cmap viridis --vmin 0 --vmax 90 2>&1 | tee /tmp/advice.txt
echo "--- the advice's own text, pasted literally into bash -n:"
printf '%s\n' "truepix decolorize /tmp/lev8.png /tmp/o.npy --vmin 0 --vmax 90 $(grep -o "pass --cmap.*levels' middles" /tmp/advice.txt | sed "s/^pass //; s/ for the levels' middles//")" > /tmp/advised.sh
cat /tmp/advised.sh; bash -n /tmp/advised.sh; echo "bash -n rc $?"
echo "--- with the quoting repaired by hand:"
truepix decolorize /tmp/lev8.png /tmp/o.npy --cmap "plt.get_cmap('viridis', 8)" --vmin 0 --vmax 90; echo "rc $?"

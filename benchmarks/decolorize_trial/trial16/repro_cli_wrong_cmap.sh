#!/bin/sh
# The CLI with a wrong --cmap: exit 0, "saved", an all-NaN .npy and no hint (the Python call warns
# OffMapWarning and names identify_colormap). Also prints wall time of each CLI call (first calls
# load numba's cached kernels: 4-24 s wall on the loaded 2-core machine, 1.2-1.7 s CPU).
# Run from the worktree root: sh benchmarks/decolorize_trial/trial16/repro_cli_wrong_cmap.sh
PY=${PY:-/work/main/.venv/bin/python}; export PYTHONPATH=src; D=$(mktemp -d)
$PY -c "
import numpy as np, matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt
y, x = np.mgrid[0:256, 0:256] / 256; plt.imsave('$D/jet.png', 0.5 + 0.5*np.sin(5*x)*np.cos(3*y), cmap='jet')"
/usr/bin/time -f "wall %e s" $PY -m truepix decolorize $D/jet.png $D/v.npy --cmap viridis --vmin 0 --vmax 1; echo "exit $?"
$PY -c "import numpy as np; v = np.load('$D/v.npy'); print('NaN share of saved file:', np.isnan(v).mean())"

"""Run from the repository root: PYTHONPATH=src python benchmarks/gridlines/minmax.py.
t29's figure with the DEM stretched min-max (issue: gridlines read as cells): data NaN
(>= 3 px from any line) and gridline pixels flagged, JPEG q75, default call."""
import os, sys, numpy as np, cv2
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
from matplotlib import cbook
from scipy import ndimage
import truepix as tp
import tests.color.test_decolorize_pulled as T
with np.load(cbook.get_sample_data("jacksboro_fault_dem.npz", asfileobj=False)) as f:
    e = np.asarray(f["elevation"], float)
e = (e - e.min()) / (e.max() - e.min())
d = cv2.resize(e.astype(np.float32), (180, 90), interpolation=cv2.INTER_AREA).astype(float)
for cm in ("jet", "viridis", "magma"):
    for dpi in (100, 150):
        clean, area = T._map(d, cm, "magenta", coasts=False, grid=False, dpi=dpi)
        drawn, _ = T._map(d, cm, "magenta", coasts=False, dpi=dpi)
        moved = np.abs(drawn.astype(int) - clean.astype(int)).max(-1)[area]
        away = ~ndimage.binary_dilation(moved > 0, iterations=3)
        for q in (75,):
            v = tp.decolorize(T._jpeg(drawn, q), cmap=cm, vmin=0, vmax=1)[area]
            vc = tp.decolorize(T._jpeg(clean, q), cmap=cm, vmin=0, vmax=1)[area]
            print(f"minmax {cm:8} dpi {dpi} q{q}: data NaN {100*np.isnan(v[away]).mean():6.2f} %  grid flagged {100*np.isnan(v[moved > 10]).mean():5.1f} %  clean NaN {100*np.isnan(vc).mean():5.2f} %", flush=True)

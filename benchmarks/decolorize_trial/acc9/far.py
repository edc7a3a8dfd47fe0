"""acc9 probe (argv as acc8's _cases: maps fields kinds): beside an edge on a folding
map, the RGB answer where the pixel lies far (RGB distance > T) from the table: mean /
p99 over the k-d tree's, swapped in after the filter (an estimate)."""
import pathlib, sys
import numpy as np
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "acc8"))
from scipy.spatial import cKDTree
import matplotlib as mpl
from _cases import cases, minimum_filter, maximum_filter

for m, fn, k, f, pic, dec, est, lum, rgb, b, err, eb, top, edge, med, pick, scores in cases():
    lut = mpl.colormaps[m](np.linspace(0, 1, 256), bytes=True)[:, :3].astype(float)
    dist = cKDTree(lut).query(pic.reshape(-1, 3).astype(float))[0].reshape(f.shape)
    span = maximum_filter(lum, 3) - minimum_filter(lum, 3)
    out = [f"{m:9} {fn:6} {k:9}"]
    for T in [1e9, 15, 20, 25, 30, 40]:
        e2 = np.where((span > 0.1) & (dist > T), rgb, est)
        er = np.abs(e2 - f)
        out.append(f"T{T:g} {er.mean()/eb.mean():.3f}/{np.quantile(er,.99)/np.quantile(eb,.99):.3f}")
    print(" ".join(out), flush=True)

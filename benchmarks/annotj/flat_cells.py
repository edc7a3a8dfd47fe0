"""What parts a heatmap's flat cells from JPEG's block grid (``_flatcells``, issue 11 Deliver 1).

``python benchmarks/annotj/flat_cells.py``: the grid ``_cellmarks._grid`` reads from
``_flatcells.peak_share`` (per-line jump peaks) on (1) trial47/t34's seaborn figures
(``heatmap(annot=True)`` of a smooth 10 x 14 field, 8 x 6 in at 100 dpi, JPEG q75; the
cells' box alone) and (2) all-data pictures, 4 maps x 6 fields x JPEG q50 / q75 (4:2:0),
256 px; per picture the grid read and the share of its cells flat (FLAT_SHARE of their
pixels within FLAT_DN of their median color), and the least / median cell's share.
"""
import pathlib
import sys

import matplotlib
import numpy as np

matplotlib.use("Agg")
HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "decolorize_trial" / "trial47"))
import matplotlib.pyplot as plt  # noqa: E402
import seaborn as sns  # noqa: E402
from _p2 import c, grab, interior, jpeg  # noqa: E402

from truepix.color._decolorize import _cellmarks as cm, _flatcells as fc  # noqa: E402


def read(pixels):
    pixels = np.ascontiguousarray(pixels)
    cols = cm._grid(fc.peak_share(pixels, 1, cm._line_step(pixels.shape[0], cm.PEAK_LINES)),
                    pixels.shape[1])
    rows = cm._grid(fc.peak_share(pixels, 0, cm._line_step(pixels.shape[1], cm.PEAK_LINES)),
                    pixels.shape[0])
    if cols is None or rows is None:
        return "no grid"
    rgb = pixels.astype(int)
    shares = []
    for i in range(len(rows) - 1):
        for j in range(len(cols) - 1):
            cell = rgb[rows[i]:rows[i + 1], cols[j]:cols[j + 1]].reshape(-1, 3)
            shares.append((np.abs(cell - np.median(cell, 0)).max(-1) <= fc.FLAT_DN).mean())
    shares = np.array(shares)
    flat = (shares >= fc.FLAT_SHARE).mean()
    return (f"{len(rows) - 1}x{len(cols) - 1} cells, flat {100 * flat:5.1f} %, cell shares "
            f"min {shares.min():.2f} median {np.median(shares):.2f}"
            f"{'  -> flat grid' if flat >= fc.FLAT_CELLS else ''}")


rng = np.random.default_rng(5)
data = c.smooth_fields(140)["bumps"][::14, ::10][:10, :14]
data = np.round(20 * data + rng.normal(0, 1.5, data.shape), 1)
print("(1) seaborn heatmap(annot=True), smooth data, JPEG q75, the cells' box")
for cmap in ("rocket", "viridis", "coolwarm", "jet"):
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    sns.heatmap(data, annot=True, cmap=None if cmap == "rocket" else cmap, ax=ax)
    picture = grab(fig)
    box = interior(fig, ax, pad=0)
    plt.close(fig)
    print(f"  {cmap:9} {read(jpeg(picture, 75)[box])}", flush=True)
print("(2) all-data pictures, 256 px, JPEG 4:2:0 (grids found only)")
fields = {k: c.crop(v, 256) for k, v in c.real_fields().items()
          if k in ("dem_jacksboro", "camera", "moon", "grace_hopper")}
fields.update({k: v for k, v in c.smooth_fields(256).items() if k in ("bumps", "waves")})
for cmap in ("viridis", "jet", "coolwarm", "magma"):
    for name, field in fields.items():
        rgb = matplotlib.colormaps[cmap](field, bytes=True)[..., :3]
        for quality in (50, 75):
            found = read(c.jpeg(rgb, quality, 2))
            if found != "no grid":
                print(f"  {cmap:9} {name:14} q{quality} {found}", flush=True)

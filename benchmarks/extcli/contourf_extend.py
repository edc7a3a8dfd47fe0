"""contourf(extend='both') figures decoded three ways (trial 46 item 5, t21's figures):
(a) default: cmap=name, vmin/vmax = the outer levels; (b) boundary: norm=BoundaryNorm(levels,
256, extend='both'); (c) bar: cmap=tp.find_colorbar(figure), vmin/vmax = the outer levels.
PNG (the Agg buffer) and JPEG q75 (Pillow, 4:2:0). Scored on plot pixels >= 3 px from a band
edge: an inner pixel is right when its value lies in its band; an extension pixel when it is
marked under (over) in result.under (.over). Prints right %, inner right %, extension marked %,
holes %. Run: PYTHONPATH=<src> python benchmarks/extcli/contourf_extend.py"""
import io
import sys
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import BoundaryNorm
from PIL import Image
from scipy.ndimage import binary_erosion, map_coordinates

import truepix as tp

sys.path.insert(0, str(Path(__file__).parents[1] / "decolorize_trial" / "trial46"))
import _fig as F  # noqa: E402

field = F.smooth(120, 160)
print(f"{'map':8}{'levels':24}{'form':6}{'route':9}{'right%':>8}{'inner%':>8}{'ext%':>8}"
      f"{'holes%':>8}  warning")
totals: dict[str, list[float]] = {}
for name in ("viridis", "jet", "RdBu_r", "magma"):
    for levels in ([0.15, 0.35, 0.55, 0.75, 0.9], [0.2, 0.4, 0.6, 0.8], 6):
        figure = plt.figure(figsize=(5, 4), dpi=100)
        axes = figure.add_axes([0.1, 0.1, 0.65, 0.8])
        contours = axes.contourf(field, levels=levels, cmap=name, extend="both")
        figure.colorbar(contours)
        picture, inside = F.grab(figure), F.interior(figure, axes)
        height = figure.canvas.get_width_height()[1]
        rows, cols = np.mgrid[inside]
        points = axes.transData.inverted().transform(
            np.c_[cols.ravel() + 0.5, height - (rows.ravel() + 0.5)])
        truth = map_coordinates(field, [points[:, 1], points[:, 0]], order=1,
                                mode="nearest").reshape(rows.shape)
        edges = np.asarray(contours.levels)
        plt.close(figure)
        band = np.searchsorted(edges, truth, side="right") - 1  # -1 under, len - 1 over
        deep = np.ones_like(band, bool)
        for b in np.unique(band):
            deep &= ~((band == b) ^ binary_erosion(band == b, iterations=3, border_value=1))
        under, over = deep & (band == -1), deep & (band == len(edges) - 1)
        inner = deep & ~under & ~over
        for form in ("png", "q75"):
            shown = picture
            if form == "q75":
                buffer = io.BytesIO()
                Image.fromarray(picture).save(buffer, "JPEG", quality=75)
                shown = np.asarray(Image.open(buffer))
            for route in ("default", "boundary", "bar"):
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    if route == "default":
                        decoder = tp.Decolorizer(name, vmin=edges[0], vmax=edges[-1])
                    elif route == "boundary":
                        decoder = tp.Decolorizer(name, norm=BoundaryNorm(edges, 256, extend="both"))
                    else:
                        decoder = tp.Decolorizer(tp.find_colorbar(shown), vmin=edges[0],
                                                 vmax=edges[-1])
                    result = decoder.decode(shown)
                values = result.values[inside]
                marks = [np.zeros(values.shape, bool) if m.size == 0 else m[inside]
                         for m in (result.under, result.over)]
                got = np.searchsorted(edges, values, side="right") - 1
                inner_right = (got == band) & ~np.isnan(values) & ~marks[0] & ~marks[1]
                # a value on the top level is the last band's (Normalize's closed end)
                inner_right |= np.isclose(values, edges[-1]) & (band == len(edges) - 2) & ~marks[1]
                ext_right = (under & marks[0]) | (over & marks[1])
                right = np.where(inner, inner_right, ext_right)[deep]
                row = [100 * right.mean(), 100 * inner_right[inner].mean(),
                       100 * ext_right[under | over].mean(), 100 * np.isnan(values)[deep].mean()]
                totals.setdefault(f"{form} {route}", []).append(row[0])
                note = str(caught[0].message)[:70] if caught else ""
                print(f"{name:8}{str(levels):24}{form:6}{route:9}"
                      + "".join(f"{v:8.2f}" for v in row) + f"  {note}", flush=True)
print("\nmean (min) right %:")
for key, shares in totals.items():
    print(f"  {key:14} {np.mean(shares):6.2f} ({np.min(shares):6.2f})")

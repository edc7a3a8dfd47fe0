"""contour4 guards: holes on all-data pictures (benchmarks/colormaps.py's holes(): viridis / jet / magma / RdBu_r,
size 128, JPEG q50 / q75 / q95 4:2:0 and the 0.5x resizes) and benchmarks/_drawn_annotations.drawn_flags for magma /
RdBu_r / viridis / jet. Usage: guards.py [--set=SMEAR_NAME=VALUE ...] [holes] [drawn]"""
import sys, pathlib
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))
import numpy as np
from _conditions import colormap, fields, HOLE_CONDITIONS
from _drawn_annotations import drawn_flags
from truepix import Decolorizer
from truepix.color._decolorize import _smeared

MAPS = ["viridis", "jet", "magma", "RdBu_r"]
CONDS = [c for c in HOLE_CONDITIONS if c in ("JPEG q50 4:2:0", "JPEG q75 4:2:0", "JPEG q95 4:2:0") or " 0.5x" in c]

args = sys.argv[1:]
for a in args:
    if a.startswith("--set="):
        name, value = a[6:].split("="); setattr(_smeared, name, type(getattr(_smeared, name))(value))
        print("set", name, getattr(_smeared, name))
parts = [a for a in args if not a.startswith("--")] or ["holes", "drawn"]
if "holes" in parts:
    data_sets = fields(128)
    print(f"{'condition':22}" + "".join(f"{m:>9}" for m in MAPS) + "   (holes, max over the fields, %)")
    for cond in CONDS:
        row = f"{cond:22}"
        for m in MAPS:
            cmap = colormap(m); dec = Decolorizer(cmap, vmin=0.0, vmax=1.0)
            sh = []
            for fname, (kind, data) in data_sets.items():
                rgb = np.ascontiguousarray(cmap(data, bytes=True)[..., :3])
                sh.append(100 * float(np.isnan(dec.values(HOLE_CONDITIONS[cond](rgb, data)[0])).mean()))
            row += f"{max(sh):9.3f}"
        print(row, flush=True)
if "drawn" in parts:
    drawn_flags(["magma", "RdBu_r", "viridis", "jet"], colormap, set())

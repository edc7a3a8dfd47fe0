"""NaN share of all-data JPEGs (no annotation): maps whose luma runs one way to a black or
white end (the maps ``_end_inks`` looks at) and others, trial 45's real and smooth fields
(256^2), Pillow JPEG q50 / q75 / q90 4:2:0. One line per picture; diff two runs.

``python alldata.py [MAPS] > FILE`` (PYTHONPATH picks the tree)."""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial45"))
import _common as c  # noqa: E402
import truepix as tp  # noqa: E402

MAPS = ("magma,inferno,hot,afmhot,gist_heat,YlOrRd,Blues,CMRmap,pink,cubehelix,bone,"
        "viridis,jet,turbo,coolwarm").split(",")
maps = sys.argv[1].split(",") if len(sys.argv) > 1 else MAPS
fields = c.real_fields(256)
fields.update(c.smooth_fields(256))
for m in maps:
    for fn, f in fields.items():
        for q in (50, 75, 90):
            v = tp.Decolorizer(m, vmin=0, vmax=1).values(c.jpeg(c.render(f, m), q))
            print(f"{m:10}{fn:16}q{q} {100 * np.isnan(v).mean():.4f}", flush=True)

"""Part 2 (e): a JPEG cropped after compression (a user trimming a screenshot or a figure): the 8x8 grid no longer starts at
(0, 0). Bare camera / fBm pictures (384^2), viridis / jet / turbo / RdBu_r, Pillow JPEG q75 4:2:0, then cropped by
(dy, dx) in {(0,0), (4,4), (3,5), (1,7), (8,8)}: holes, ratio to the k-d tree, p99, the JPEG judgement, CPU."""
import os, numpy as np, truepix as tp
from PIL import Image
from _p7 import c, header, summary, dec, HEAD7, fbm

header(__doc__.splitlines()[0])
rf = c.real_fields(384); fields = {"camera": rf["camera"], "fbm": fbm(384, seed=8)}
rows = []; print(HEAD7)
for m in ("viridis", "jet", "turbo", "RdBu_r"):
    for fn, f in fields.items():
        j = c.jpeg(c.render(f, m), 75)
        for dy, dx in ((0, 0), (4, 4), (3, 5), (1, 7), (8, 8)):
            pic = np.ascontiguousarray(j[dy:, dx:]); r = dec(f"{m} {fn} crop{dy},{dx}", pic, f[dy:, dx:], m)
            if r: rows.append((m, fn, "aligned" if dy % 8 == 0 and dx % 8 == 0 else "off-grid") + r[1:])
summary(rows, lambda r: r[2], "by grid")
summary(rows, lambda r: (r[0], r[2]), "by map and grid")

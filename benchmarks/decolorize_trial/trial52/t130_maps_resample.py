"""Part 2 (f): t120's ten maps on camera and fBm (384^2) under the rest of issue 11's list: cv2 INTER_AREA 0.5x, bicubic 0.33x,
bilinear 1.5x up (truth: the field resized the same way), and Pillow quantize(256) of the picture (truth: the field).
Default call by name; holes, ratio to the k-d tree, p99."""
import numpy as np, cv2
from PIL import Image
from _p7 import c, header, summary, dec, HEAD7, fbm

header(__doc__.splitlines()[0])
rf = c.real_fields(384); fields = {"camera": rf["camera"], "fbm": fbm(384)}
maps = ["cividis", "twilight", "Spectral", "terrain", "gist_earth", "ocean", "cubehelix", "RdBu", "PuOr", "YlGnBu"]
rows = []; print(HEAD7)
for m in maps:
    for fn, f in fields.items():
        rgb = c.render(f, m)
        for k, fac, it in (("area0.5", 0.5, cv2.INTER_AREA), ("bicubic0.33", 1 / 3, cv2.INTER_CUBIC), ("bilinear1.5up", 1.5, cv2.INTER_LINEAR)):
            im, tr = c.resize(rgb, f, fac, it); r = dec(f"{m} {fn} {k}", im, tr, m)
            if r: rows.append((m, fn, k) + r[1:])
        q = np.asarray(Image.fromarray(rgb).quantize(256).convert("RGB")); r = dec(f"{m} {fn} quantize256", q, f, m)
        if r: rows.append((m, fn, "quantize256") + r[1:])
summary(rows, lambda r: r[2], "by degradation")
summary(rows, lambda r: r[0], "by map")

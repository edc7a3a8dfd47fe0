"""Part 2: imageio.v3.imwrite WebP at its default (Pillow plugin: lossy, quality 80) and AVIF at its default (Pillow's
AVIF encoder, quality 75), read back with imageio.v3.imread. 6 maps x (5 real fields + 3 smooth), 512x512 renders
(cmap(f, bytes=True)). DEFAULT call (cmap name, vmin=0, vmax=1). Holes counted as full-range errors; k-d tree baseline."""
import numpy as np, matplotlib as mpl, imageio.v3 as iio, truepix as tp
from _p3 import c, call, header, kd, row, summary, HEAD

header(__doc__.splitlines()[0])
rf = c.real_fields(512); sf = c.smooth_fields(512)
fields = {k: c.crop(v, 512) for k, v in rf.items() if k != "motorcycle_disp"}
fields.update({f"s_{k}": v for k, v in sf.items()})
maps = ["viridis", "jet", "turbo", "magma", "coolwarm", "gray"]
print(HEAD); rows = []
for ext in (".webp", ".avif"):
    for m in maps:
        for fn, f in fields.items():
            ex = mpl.colormaps[m](f, bytes=True)[..., :3]
            b = iio.imwrite("<bytes>", ex, extension=ext); pic = iio.imread(b, extension=ext)
            v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=1))
            if v is None: print(f"{ext} {m} {fn} ERROR {err}"); continue
            res = tp.Decolorizer(m, vmin=0, vmax=1).decode(pic)
            r = row(f"{ext[1:]:5}{m:9}{fn:14}{len(b)/1024:5.0f}KiB", v, f, kd(m)(pic), res, ws)
            rows.append((ext, "smooth" if fn.startswith("s_") else "real", m) + r[1:])
summary(rows, lambda r: (r[0], r[1]), "by format, field kind")
summary(rows, lambda r: (r[0], r[2]), "by format, map")

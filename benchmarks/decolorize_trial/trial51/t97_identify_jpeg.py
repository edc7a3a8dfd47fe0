"""Part 2: identify_colormap (DEFAULT top=5) on JPEG q75 pictures cmap(field, bytes=True) of 20 matplotlib maps, 6 of
them reversed (_r), on a DEM crop and a smooth field: the right name first (or among its aliases / an equal table)?
reversed and direction_known? score; the rank of the right name."""
import numpy as np, matplotlib as mpl, truepix as tp
from _p6 import c, call, wshort, header, cpu

header(__doc__.splitlines()[0])
rf = c.real_fields(512); sf = c.smooth_fields(512)
fields = {"dem": c.crop(rf["dem_jacksboro"], 512), "bumps": sf["bumps"]}
maps = ["viridis", "plasma", "inferno", "magma", "cividis", "turbo", "jet", "coolwarm", "RdBu", "Spectral", "gray", "hot",
        "terrain", "Blues", "YlGnBu", "viridis_r", "magma_r", "jet_r", "RdBu_r", "gray_r"]
ok_n = dir_n = tot = 0
for m in maps:
    base = m[:-2] if m.endswith("_r") else m; rev = m.endswith("_r")
    for fn, f in fields.items():
        pic = c.jpeg(c.render(f, m), 75)
        t0 = cpu(); r, err, ws = call(lambda: tp.identify_colormap(pic)); dt = cpu() - t0
        tot += 1
        if r is None: print(f"{m:10}{fn:7}ERROR {err}"); continue
        def is_right(x):
            return x.name == base or base in x.aliases or x.name == m
        rank = next((i for i, x in enumerate(r) if is_right(x)), None)
        first = r[0]; right = rank == 0
        # direction: a match named base with reversed == rev, or named m (_r) with reversed False
        dir_ok = right and ((first.name == m and not first.reversed) or (first.name != m and first.reversed == rev))
        ok_n += right; dir_n += bool(dir_ok and first.direction_known)
        print(f"{m:10}{fn:7} first {first.name!r} rev={first.reversed} known={first.direction_known} score={first.score:.3f} | right first {right} rank {rank} dir right {dir_ok} "
              f"| next {[(x.name, round(x.score, 3)) for x in r[1:3]]} cpu {dt:.2f}s | {wshort(ws)}", flush=True)
print(f"\nSUMMARY: right name first {ok_n} of {tot}; direction right and known {dir_n} of {tot}")

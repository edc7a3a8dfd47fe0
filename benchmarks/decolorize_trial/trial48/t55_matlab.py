"""Part 2: a MATLAB-like picture: parula(64) and jet(64) from the catalog ('matlab:parula_64', 'matlab:jet_64', float
tables from truepix.color.catalog[...].lut, as docs/colormaps.md shows) applied as 64-entry tables with ROUNDED bytes
(im2uint8, what MATLAB's imwrite(ind2rgb(...)) writes): value f -> entry min(floor(f*64), 63). Saved PNG and JPEG q75
(Pillow 4:2:0; MATLAB's imwrite default Quality is 75). Decoded by the name a MATLAB user says ('matlab:parula',
'matlab:jet': the docs say those hold the _64 tables too), DEFAULT call, vmin=0, vmax=1. Truth: PNG -> the entry's bin
centre; JPEG -> the field. k-d tree over the 64-entry rounded table answering (i+.5)/64. The 256-entry tables (R2019b+)
beside them, and identify_colormap's names."""
import numpy as np, truepix as tp
from truepix.color import catalog
from _p3 import c, call, header, kd_table, row, summary, HEAD

header(__doc__.splitlines()[0])
rf = c.real_fields(512); sf = c.smooth_fields(512)
fields = {"camera": rf["camera"], "dem": c.crop(rf["dem_jacksboro"], 512), "grace_hopper": rf["grace_hopper"], "bumps": sf["bumps"], "ramp": sf["ramp_diag"]}
print(HEAD); rows = []
for bn in ("parula", "jet"):
    for n, cat in ((64, f"matlab:{bn}_64"), (256, f"matlab:{bn}")):
        lut = np.asarray(catalog[cat].lut)[:, :3]
        print(f"# {cat}: {len(lut)} entries, first {np.round(lut[0], 4).tolist()} last {np.round(lut[-1], 4).tolist()}")
        assert len(lut) == n
        lut_r = np.round(lut * 255).astype(np.uint8)
        base = kd_table(lut_r)
        for fn, f in fields.items():
            idx = np.minimum((f * n).astype(int), n - 1); ex = lut_r[idx]
            for fmt in ("png", "jpg75"):
                pic = ex if fmt == "png" else c.jpeg(ex, 75)
                user = f"matlab:{bn}"
                v, err, ws = call(lambda: tp.decolorize(pic, cmap=user, vmin=0, vmax=1))
                if v is None: print(f"{cat} {fn} {fmt} ERROR {err}"); continue
                res = tp.Decolorizer(user, vmin=0, vmax=1).decode(pic)
                truth = (idx + 0.5) / n if fmt == "png" else f
                r = row(f"{cat:20}{fn:13}{fmt:6}", v, truth, base(pic), res, ws)
                if fmt == "png":
                    inbin = np.mean(np.floor(np.nan_to_num(v, nan=-1) * n) == idx)
                    print(f"    in own bin {100*inbin:.2f}%  max|err| {np.nanmax(np.abs(v - (idx+.5)/n)):.4f} (half bin {0.5/n:.4f})", flush=True)
                rows.append((cat, fmt) + r[1:])
        top = tp.identify_colormap(lut_r[np.minimum((sf["bumps"] * n).astype(int), n - 1)], top=3)
        print(f"# identify_colormap({cat} picture): {[(t.name, round(t.score, 3)) for t in top]}", flush=True)
summary(rows, lambda r: (r[0], r[1]), "by table, format")

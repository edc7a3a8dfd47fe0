"""MATLAB 64- and 256-entry pictures (rounded bytes) JPEG q50/q75/q95 on smooth and real fields, decoded
with the plain name "matlab:<map>": ratio to the k-d tree over the table drawn, and whether the 64-entry twin
was taken. Usage: python matlab64.py jet,parula"""
import pathlib, sys, numpy as np, warnings
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "decolorize_trial" / "trial48"))
from _p3 import c, kd_table
import truepix as tp
from truepix.color import catalog
warnings.simplefilter("ignore")
fields = dict(c.smooth_fields(512)); rf = c.real_fields(512)
for k in ("camera", "dem_jacksboro"): fields[k] = c.crop(rf[k], 512)
maps = sys.argv[1].split(",") if len(sys.argv) > 1 else ["jet", "parula", "hot", "turbo"]
for m in maps:
    for n, nm in ((64, f"matlab:{m}_64"), (256, f"matlab:{m}")):
        lut = np.round(np.asarray(catalog[nm].lut)[:, :3] * 255).astype(np.uint8); kb = kd_table(lut)
        rs = []
        for fn, g in fields.items():
            for q in (50, 75, 95):
                pic = c.jpeg(lut[np.minimum((g * n).astype(int), n - 1)], q)
                dec = tp.Decolorizer(f"matlab:{m}", vmin=0, vmax=1)
                v = dec.decode(pic).values
                other = dec._other.holds(pic, "u8", dec._keys())
                e = np.nanmean(np.abs(v - g)); b = np.mean(np.abs(kb(pic) - g))
                rs.append(e / b); print(f"{m:7}{n:4} {fn:14} q{q}: ratio {e/b:.2f} holes {np.isnan(v).mean()*100:.3f} other {other}", flush=True)
        print(f"== {m} {n}: mean ratio {np.mean(rs):.3f} max {np.max(rs):.2f}")

"""Part 2: a 16-bit TIFF of a colormapped RGB written by tifffile and read back by tifffile, three ways a scientist
makes the uint16: bytes x 257; round(cmap(x) floats x 65535) (the float table, finer than the bytes); the float
table x 65535 truncated (astype). Plus RGBA 16-bit. 4 real + 2 smooth fields, 256 px, viridis / jet / magma / gray /
coolwarm. Default call decolorize(tif, cmap=m, vmin=0, vmax=1): holes, MAE vs truth next to the uint8 exact picture's
MAE (the floor) and the k-d tree on the bytes, share of pixels in their own 1/256 bin."""
import io, numpy as np, matplotlib as mpl, tifffile, truepix as tp
from _p2 import c, score, kd, call, wshort, header

header(__doc__.splitlines()[0])
rf = c.real_fields()
fields = {k: c.crop(rf[k], 256) for k in ("dem_jacksboro", "camera", "moon", "grace_hopper")}
fields.update({k: c.smooth_fields(256)[k] for k in ("bumps", "ramp_diag")})
print(f"{'map':9}{'field':15}{'form':12}{'holes%':>8}{'tp%':>8}{'u8_floor%':>10}{'kd%':>8}{'own_bin%':>9}  warnings")
rows = []
for m in ("viridis", "jet", "magma", "gray", "coolwarm"):
    cm = mpl.colormaps[m]
    for fn, f in fields.items():
        b8 = cm(f, bytes=True); fl = cm(f)
        forms = {"x257": b8[..., :3].astype(np.uint16) * 257, "round65535": np.round(fl[..., :3] * 65535).astype(np.uint16),
                 "trunc65535": (fl[..., :3] * 65535).astype(np.uint16), "rgba_x257": b8.astype(np.uint16) * 257}
        floor = score(tp.decolorize(b8[..., :3], cmap=m, vmin=0, vmax=1), f)[0]
        mb = score(kd(m)(b8), f)[0]
        own = np.floor(np.clip(f, 0, 1 - 1e-12) * 256)
        for form, a in forms.items():
            b = io.BytesIO(); tifffile.imwrite(b, a, photometric="rgb"); pic = tifffile.imread(io.BytesIO(b.getvalue()))
            v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=1))
            if v is None:
                print(f"{m:9}{fn:15}{form:12} ERROR {err}"); continue
            mt, pt, ht = score(v, f)
            ob = float(np.mean(np.floor(np.clip(np.nan_to_num(v, nan=-1), 0, 1 - 1e-12) * 256) == own))
            rows.append((form, ht, mt, floor, ob))
            print(f"{m:9}{fn:15}{form:12}{100*ht:8.3f}{100*mt:8.3f}{100*floor:10.3f}{100*mb:8.3f}{100*ob:9.2f}  {wshort(ws)}", flush=True)
print("\nSUMMARY per form: holes max, MAE mean (u8 floor mean), own bin min")
for form in ("x257", "round65535", "trunc65535", "rgba_x257"):
    rr = [r for r in rows if r[0] == form]
    print(f"  {form:12} holes max {100*max(r[1] for r in rr):.3f}  MAE {100*np.mean([r[2] for r in rr]):.3f} (floor {100*np.mean([r[3] for r in rr]):.3f})  own bin min {100*min(r[4] for r in rr):.2f}%")
print("load", c.loadavg())

"""Part 2: microscopy-style 16-bit TIFFs of an RGB LUT picture written by tifffile and read back with tifffile.imread:
(a) imagej=True with the (H, W, 3) uint16 array as is (tifffile stores it as a 'CYX' stack: H channels of W x 3!),
(b) imagej=True with the channels first, (3, H, W), metadata axes 'CYX' (how ImageJ keeps a composite),
(c) ome=True (axes 'YXS', photometric rgb), (d) an OME-TIFF with channels first (3, H, W), axes 'CYX'.
Pixels: the map's bytes x 257 ('x257') and the float table x 65535 rounded ('f65535', an exact 16-bit form).
DEFAULT call (cmap name, vmin=0, vmax=1) on what imread returns; where that is refused, the message, then the array
moved to channels-last as a user would. Scored against the entry's bin centre (exact pictures: the floor is half a bin)."""
import os, tempfile, numpy as np, matplotlib as mpl, tifffile, truepix as tp
from _p3 import c, call, header, kd, row, summary, HEAD, wshort

header(__doc__.splitlines()[0])
tmp = tempfile.mkdtemp()
rf = c.real_fields(256); sf = c.smooth_fields(256)
fields = {"camera": c.crop(rf["camera"], 256), "grace_hopper": c.crop(rf["grace_hopper"], 256), "dem": c.crop(rf["dem_jacksboro"], 256), "bumps": sf["bumps"]}
maps = ["viridis", "gray", "jet", "magma", "turbo"]
print(HEAD); rows = []
for m in maps:
    cm = mpl.colormaps[m]
    for fn, f in fields.items():
        idx = np.minimum((f * 256).astype(int), 255); truth = (idx + 0.5) / 256
        forms = {"x257": cm(f, bytes=True)[..., :3].astype(np.uint16) * 257,
                 "f65535": np.round(cm(f)[..., :3] * 65535).astype(np.uint16)}
        u8 = cm(f, bytes=True)[..., :3]
        for form, a in forms.items():
            for wr in ("imagej_HW3", "imagej_CYX", "ome_YXS", "ome_CYX"):
                p = os.path.join(tmp, "x.ome.tif" if wr.startswith("ome") else "x.tif")
                if wr == "imagej_HW3": tifffile.imwrite(p, a, imagej=True)
                elif wr == "imagej_CYX": tifffile.imwrite(p, np.moveaxis(a, -1, 0), imagej=True, metadata={"axes": "CYX", "mode": "composite"})
                elif wr == "ome_YXS": tifffile.imwrite(p, a, ome=True, photometric="rgb")
                else: tifffile.imwrite(p, np.moveaxis(a, -1, 0), ome=True, metadata={"axes": "CYX"})
                back = tifffile.imread(p)
                note = f"read {back.shape}"
                v, err, ws = call(lambda: tp.decolorize(back, cmap=m, vmin=0, vmax=1))
                pic = back
                if v is None:
                    print(f"    {m} {fn} {form} {wr}: as read {back.shape} -> {err}", flush=True)
                    pic = np.moveaxis(back, 0, -1); note += " moved"
                    v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=1))
                    if v is None: print(f"      moved: ERROR {err}"); continue
                res = tp.Decolorizer(m, vmin=0, vmax=1).decode(pic)
                r = row(f"{m:8}{fn:13}{form:7}{wr:11}{note}", v, truth, kd(m)(u8), res, ws)
                rows.append((form, wr, m) + r[1:])
        v8 = tp.decolorize(u8, cmap=m, vmin=0, vmax=1)
        print(f"    uint8 form of the same: MAE {100*np.mean(np.abs(v8-truth)):.3f}%  holes {100*np.isnan(v8).mean():.3f}%", flush=True)
summary(rows, lambda r: (r[0], r[1]), "by form, writer")
summary(rows, lambda r: (r[0], r[2]), "by form, map")

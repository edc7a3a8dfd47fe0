"""Part 2: cv2.applyColorMap pictures (COLORMAP_JET, VIRIDIS, TURBO) on uint8 fields, written by cv2.imwrite as PNG and
JPEG (cv2's default quality, 95; 4:2:0), read back as people do: cv2.imread (BGR, as is) and cv2.cvtColor(BGR2RGB) /
Pillow (RGB). Decoded with the catalog's OpenCV names (opencv:jet ...) and vmin=0, vmax=255, the DEFAULT call; the truth
is the uint8 value v (entry v). Baseline: k-d tree over cv2.applyColorMap(arange(256)) answering i. Also step=1 on PNG."""
import numpy as np, cv2, truepix as tp
from _p3 import c, call, header, wshort, row, summary, HEAD, F

header(__doc__.splitlines()[0])
rf = c.real_fields(512); sf = c.smooth_fields(512)
fields = {"camera": rf["camera"], "dem": c.crop(rf["dem_jacksboro"], 512), "grace_hopper": rf["grace_hopper"], "bumps": sf["bumps"], "waves": sf["waves"]}
maps = {"jet": cv2.COLORMAP_JET, "viridis": cv2.COLORMAP_VIRIDIS, "turbo": cv2.COLORMAP_TURBO}
from scipy.spatial import cKDTree
print(HEAD.replace("holes%", "holes%"), " (errors in units of 255)"); rows = []
for m, code in maps.items():
    lut = cv2.applyColorMap(np.arange(256, dtype=np.uint8)[:, None], code)[:, 0, ::-1].astype(float)
    t = cKDTree(lut)
    for fn, f in fields.items():
        u = np.clip(np.round(f * 255), 0, 255).astype(np.uint8)
        bgr = cv2.applyColorMap(u, code)
        for fmt in ("png", "jpg"):
            ok, buf = cv2.imencode("." + fmt, bgr); back = cv2.imdecode(buf, cv2.IMREAD_COLOR)
            rgb = cv2.cvtColor(back, cv2.COLOR_BGR2RGB)
            truth = u.astype(float) / 255
            _, i = t.query(rgb.reshape(-1, 3).astype(float)); base = i.reshape(u.shape) / 255.0
            v, err, ws = call(lambda: tp.decolorize(rgb, cmap=f"opencv:{m}", vmin=0, vmax=255))
            if v is None: print(f"{m} {fn} {fmt} ERROR {err}"); continue
            res = tp.Decolorizer(f"opencv:{m}", vmin=0, vmax=255).decode(rgb)
            r = row(f"{m:8}{fn:13}{fmt} rgb", v / 255, truth, base, res, ws); rows.append((fmt, m) + r[1:])
            if fmt == "png":
                s, err, ws2 = call(lambda: tp.decolorize(rgb, cmap=f"opencv:{m}", vmin=0, vmax=255, step=1))
                print(f"    step=1 exact {100*np.mean(s == u):.2f}%  default-call exact-after-round {100*np.mean(np.round(v) == u):.2f}%  max|err| {np.nanmax(np.abs(v-u)):.3f}  {wshort(ws2)}")
            # the BGR array as cv2.imread returns it, passed as is
            vb, err, wsb = call(lambda: tp.decolorize(back, cmap=f"opencv:{m}", vmin=0, vmax=255))
            if vb is None: print(f"    BGR as is: ERROR {err}")
            else:
                e = np.abs(vb - u); print(f"    BGR as is: holes {100*np.isnan(vb).mean():.2f}%  off>12: {100*np.nanmean(e > 12):.1f}%  warn: {wshort(wsb, 160)}")
summary(rows, lambda r: r[0], "by format")
summary(rows, lambda r: (r[0], r[1]), "by format, map")
# identify_colormap names the OpenCV maps?
for m, code in maps.items():
    rgb = cv2.cvtColor(cv2.applyColorMap((sf["bumps"] * 255).astype(np.uint8), code), cv2.COLOR_BGR2RGB)
    print(f"identify_colormap opencv {m}: {[ (x.name, round(x.score,3)) for x in tp.identify_colormap(rgb, top=3)]}")

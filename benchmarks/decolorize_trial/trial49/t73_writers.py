"""Part 2: pictures as other writers make them, all data, DEFAULT call (cmap name, vmin=0, vmax=1):
(a) imageio.v3.imwrite PNG of cmap(norm(x), bytes=True) from float data; (b) a 16-bit PNG by cv2.imwrite of
(cmap(norm(x))[..., :3] * 65535).astype(uint16) in BGR order, read back by cv2.imread(IMREAD_UNCHANGED) and flipped to
RGB (and the same read by imageio, RGB uint16); (c) a GIF: Pillow Image.fromarray(rgb).save(format="GIF") (palette +
dither), passed as the Pillow 'P' image itself and as np.asarray(im.convert("RGB")). 5 real + 3 smooth fields x 5 maps.
Holes, MAE vs the k-d tree (which gets the same RGB; for 16-bit, rgb/257)."""
import io, sys, numpy as np, cv2, imageio.v3 as iio, matplotlib as mpl, matplotlib.colors as mc, truepix as tp
from PIL import Image
from _p4 import c, kd, call, wshort, header, score, row, summary, HEAD, cpu

header(__doc__.splitlines()[0])
rf = c.real_fields(512); sf = c.smooth_fields(512)
fields = {k: c.crop(rf[k], 512) for k in ("dem_jacksboro", "camera", "brick", "grace_hopper", "motorcycle_disp")}
fields.update(sf)
maps = sys.argv[1].split(",") if len(sys.argv) > 1 else ["viridis", "jet", "magma", "coolwarm", "gray"]
print(HEAD); rows = []
import tempfile, os
tmp = tempfile.mkdtemp()
for fn, f in fields.items():
    real = fn in rf or fn in ("dem_jacksboro",)
    x = -3 + 7 * f; N = mc.Normalize(-3, 4)
    for m in maps:
        cm = mpl.colormaps[m]
        b8 = cm(N(x), bytes=True)
        p = os.path.join(tmp, "a.png"); iio.imwrite(p, b8); pa = iio.imread(p)
        fl = cm(N(x))[..., :3]
        u16 = (fl * 65535).astype(np.uint16)
        p16 = os.path.join(tmp, "b.png"); cv2.imwrite(p16, u16[..., ::-1])
        pb = cv2.imread(p16, cv2.IMREAD_UNCHANGED)[..., ::-1].copy(); pb2 = iio.imread(p16)
        g = io.BytesIO(); Image.fromarray(b8[..., :3]).save(g, format="GIF"); gim = Image.open(io.BytesIO(g.getvalue())); gim.load()
        grgb = np.asarray(gim.convert("RGB"))
        K = kd(m)
        for nm, pic, kin in (("imageio PNG rgba8", pa, pa), ("cv2 16-bit PNG", pb, (pb / 257).round().astype(np.uint8)),
                             ("imageio read 16-bit", pb2, (pb2 / 257).round().astype(np.uint8)),
                             ("GIF as P image", gim, grgb), ("GIF as RGB array", grgb, grgb)):
            t0 = cpu(); r, err, ws = call(lambda: tp.Decolorizer(m, vmin=-3, vmax=4).decode(pic)); dt = cpu() - t0
            if r is None: print(f"{fn:16}{m:9}{nm:22} ERROR {err}", flush=True); continue
            v01 = (r.values - (-3)) / 7
            rr = row(f"{fn[:14]} {m} {nm}", v01, f, K(kin), r, ws)
            rows.append((nm, m, "real" if real else "smooth") + rr[1:])
summary(rows, lambda r: (r[0], r[2]), "by writer / field kind")
summary(rows, lambda r: (r[0], r[1]), "by writer / map")

"""(3) Other writers: OpenCV applyColorMap (decoded by 'opencv:NAME'), imageio/Pillow WebP lossless and lossy,
Pillow palette PNG (mode 'P') and GIF (read as RGB, and as np.asarray(Image.open(...)) gives: 2-D indices),
16-bit PNG through OpenCV, tifffile RGB TIFF (plain and JPEG-compressed)."""
import io, os, sys, tempfile
import numpy as np
import cv2, imageio.v3 as iio, tifffile
from PIL import Image
from scipy.spatial import cKDTree
from common import *
import truepix as tp

D = tempfile.mkdtemp(prefix="t44w_")
F = {k: v for k, v in fields(256).items() if k in ("terrain", "camera")}
LIM = {"terrain": (200, 4000), "camera": (0, 100)}


def via(ext, arr, **kw):
    p = os.path.join(D, "x." + ext); Image.fromarray(arr).save(p, **kw); return p


print("== OpenCV applyColorMap: value v (uint8) in entry v; decoded with vmin=0, vmax=255; truth = v")
for name, f in F.items():
    lo, hi = LIM[name]
    u = np.clip(np.round((f - lo) / (hi - lo) * 255), 0, 255).astype(np.uint8)
    for cvn in ("JET", "VIRIDIS", "TURBO"):
        bgr = cv2.applyColorMap(u, getattr(cv2, "COLORMAP_" + cvn))
        tabb = cv2.applyColorMap(np.arange(256, dtype=np.uint8)[:, None], getattr(cv2, "COLORMAP_" + cvn))[:, 0, ::-1]
        tree = cKDTree(tabb.astype(float))
        rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
        ok, enc = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, 90])
        jrgb = cv2.cvtColor(cv2.imdecode(enc, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
        for tag, pic, cmn in [("RGB exact", rgb, "opencv:" + cvn.lower()), ("BGR as cv2 gives", bgr, "opencv:" + cvn.lower()),
                              ("cv2 JPEG q90 RGB", jrgb, "opencv:" + cvn.lower()),
                              ("RGB exact, plain mpl name", rgb, cvn.lower())]:
            r, w, e, dt = dec(pic, cmn, 0, 255)
            if e:
                print(f"{name} {cvn:7s} {tag:28s} ERROR {e}"); continue
            v = r.values; err = np.abs(v - u)
            kd = tree.query(pic.reshape(-1, 3).astype(float))[1].reshape(u.shape); ekd = np.abs(kd - u.astype(float))
            nan = np.isnan(v)
            print(f"{name} {cvn:7s} {tag:28s} nan={100*nan.mean():6.2f}% meanH={np.where(nan,255,err).mean()/2.55:7.3f}% "
                  f"kd={ekd.mean()/2.55:7.3f}% max={np.nanmax(err):6.2f}DN exact={100*np.mean(err<0.5):5.1f}% "
                  f"kdexact={100*np.mean(ekd<0.5):5.1f}% t={dt:.2f}s W[{len(w)}] {' | '.join(w)[:260]}", flush=True)

print("\n== writers, plt.imsave-equivalent picture (tp.colorize bytes)")
for name, f in F.items():
    lo, hi = LIM[name]
    for cm in (sys.argv[1:] or ["viridis", "jet", "turbo"]):
        pic = tp.colorize(f, cmap=cm, vmin=lo, vmax=hi)
        if pic.dtype != np.uint8:
            pic = (pic * 255).round().astype(np.uint8) if pic.max() <= 1 else pic.astype(np.uint8)
        rgb = np.ascontiguousarray(pic[..., :3])
        cases = []
        p = os.path.join(D, "a.webp"); iio.imwrite(p, rgb, lossless=True); cases.append(("imageio WebP lossless", iio.imread(p)))
        p = os.path.join(D, "b.webp"); iio.imwrite(p, rgb, quality=80); cases.append(("imageio WebP q80", iio.imread(p)))
        cases.append(("Pillow WebP lossless", np.asarray(Image.open(via("webp", rgb, lossless=True)).convert("RGB"))))
        cases.append(("Pillow WebP q60", np.asarray(Image.open(via("webp", rgb, quality=60)).convert("RGB"))))
        pal = Image.fromarray(rgb).convert("P", palette=Image.Palette.ADAPTIVE, colors=256)
        p = os.path.join(D, "p.png"); pal.save(p)
        cases.append(("Pillow 'P' PNG adaptive256 ->RGB", np.asarray(Image.open(p).convert("RGB"))))
        cases.append(("Pillow 'P' PNG raw np.asarray", np.asarray(Image.open(p))))
        pq = Image.fromarray(rgb).quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.FLOYDSTEINBERG)
        p = os.path.join(D, "q.png"); pq.save(p)
        cases.append(("Pillow quantize mediancut+FS dither", np.asarray(Image.open(p).convert("RGB"))))
        p = via("gif", rgb); cases.append(("Pillow GIF ->RGB", np.asarray(Image.open(p).convert("RGB"))))
        cases.append(("Pillow GIF raw np.asarray", np.asarray(Image.open(p))))
        p = os.path.join(D, "c.png"); cv2.imwrite(p, (rgb[..., ::-1].astype(np.uint16) * 257))
        b16 = cv2.imread(p, cv2.IMREAD_UNCHANGED); cases.append(("cv2 16-bit PNG ->RGB uint16", np.ascontiguousarray(b16[..., ::-1])))
        cases.append(("cv2 16-bit PNG BGR as read", b16))
        p = os.path.join(D, "t.tif"); tifffile.imwrite(p, rgb, photometric="rgb"); cases.append(("tifffile RGB", tifffile.imread(p)))
        try:
            p = os.path.join(D, "tj.tif"); tifffile.imwrite(p, rgb, photometric="rgb", compression="jpeg", compressionargs={"level": 85})
            cases.append(("tifffile RGB compression=jpeg 85", tifffile.imread(p)))
        except Exception as ex:
            print(f"   tifffile jpeg: {type(ex).__name__}: {str(ex)[:100]}")
        for tag, q in cases:
            r, w, e, dt = dec(q, cm, lo, hi)
            print(row(f"{name} {cm} {tag}", r, w, e, dt, f, lo, hi, q if q.ndim == 3 else rgb, cm), flush=True)

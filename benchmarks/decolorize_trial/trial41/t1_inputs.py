"""Trial 41 part 1: all-data pictures arriving through tools trial 39 did not try.
Default call tp.decolorize(pic, cmap=..., vmin=..., vmax=...). Usage: python t1_inputs.py [fields] [maps]"""
import io, sys, os, tempfile, csv
import numpy as np
import cv2, imageio.v3 as iio, tifffile
from PIL import Image
import matplotlib.pyplot as plt
from common import fields, baseline, metrics, decode

F = sys.argv[1].split(",") if len(sys.argv) > 1 else ["camera", "terrain", "smooth", "speckle"]
M = sys.argv[2].split(",") if len(sys.argv) > 2 else ["viridis", "jet", "RdBu_r", "turbo"]
tmp = tempfile.mkdtemp()


def imsave(d, cm, lo, hi, fmt="png"):
    b = io.BytesIO(); plt.imsave(b, d, cmap=cm, vmin=lo, vmax=hi, format=fmt); return b.getvalue()


def pil(b, mode="RGB"):
    return np.asarray(Image.open(io.BytesIO(b)).convert(mode))


def webp(rgb, q=None, lossless=False):
    b = io.BytesIO(); Image.fromarray(rgb).save(b, "WEBP", quality=q or 80, lossless=lossless); return pil(b.getvalue())


def gif_pillow(rgb):
    b = io.BytesIO(); Image.fromarray(rgb).save(b, "GIF"); return pil(b.getvalue())


def png16_cv(rgb):
    p = os.path.join(tmp, "a16.png"); cv2.imwrite(p, cv2.cvtColor(rgb.astype(np.uint16) * 257, cv2.COLOR_RGB2BGR))
    return cv2.cvtColor(cv2.imread(p, cv2.IMREAD_UNCHANGED), cv2.COLOR_BGR2RGB)


def png16_float(d, cm, lo, hi):
    """a 16-bit PNG of cmap(norm(x)) floats (OpenCV writes), read back by imageio"""
    f = plt.get_cmap(cm)((d - lo) / (hi - lo))[..., :3]
    p = os.path.join(tmp, "f16.png"); cv2.imwrite(p, cv2.cvtColor(np.round(f * 65535).astype(np.uint16), cv2.COLOR_RGB2BGR))
    return iio.imread(p)   # imageio (pillow plugin) reads a 16-bit RGB PNG as ...


def tiff_float(d, cm, lo, hi):
    f = plt.get_cmap(cm)((d - lo) / (hi - lo)).astype(np.float32)
    p = os.path.join(tmp, "f.tif"); tifffile.imwrite(p, f); return tifffile.imread(p)


def rows():
    fl = fields()
    for fname in F:
        d = fl[fname]; lo, hi = float(d.min()), float(d.max())
        for cm in M:
            png = imsave(d, cm, lo, hi)
            rgb = pil(png)
            p = os.path.join(tmp, "a.png"); open(p, "wb").write(png)
            n = d.shape[0]
            cases = {
                "imageio_rgba": (iio.imread(p), d),
                "cv2_imread_BGR(forgot)": (cv2.imread(p), d),
                "cv2_imread_unchanged_BGRA": (cv2.imread(p, cv2.IMREAD_UNCHANGED), d),
                "webp_q90": (webp(rgb, 90), d),
                "webp_q80": (webp(rgb, 80), d),
                "webp_q50": (webp(rgb, 50), d),
                "webp_lossless": (webp(rgb, lossless=True), d),
                "gif_pillow": (gif_pillow(rgb), d),
                "gif_plt_imsave": (pil(imsave(d, cm, lo, hi, "gif")), d),
                "png16_cv2_x257": (png16_cv(rgb), d),
                "png16_float_cmap": (png16_float(d, cm, lo, hi), d),
                "tiff_float32_rgba": (tiff_float(d, cm, lo, hi), d),
            }
            for s, name in [(1.25, "display1.25_pil_bicubic"), (1.5, "display1.5_pil_bicubic")]:
                m = int(round(n * s))
                up = np.asarray(Image.fromarray(rgb).resize((m, m), Image.BICUBIC))
                cases[name] = (up, cv2.resize(d, (m, m), interpolation=cv2.INTER_LINEAR))
            for s, name in [(1.25, "display1.25_cv_linear"), (1.5, "display1.5_cv_linear")]:
                m = int(round(n * s))
                cases[name] = (cv2.resize(rgb, (m, m), interpolation=cv2.INTER_LINEAR), cv2.resize(d, (m, m), interpolation=cv2.INTER_LINEAR))
            # 1.5x screenshot then JPEG q85 (a pasted screenshot saved as JPEG)
            up = np.asarray(Image.fromarray(rgb).resize((int(n * 1.5),) * 2, Image.BICUBIC))
            b = io.BytesIO(); Image.fromarray(up).save(b, "JPEG", quality=85)
            cases["display1.5+jpeg85"] = (pil(b.getvalue()), cv2.resize(d, (int(n * 1.5),) * 2, interpolation=cv2.INTER_LINEAR))
            for cname, (pic, truth) in cases.items():
                v, w, err, dt = decode(pic, cmap=cm, vmin=lo, vmax=hi)
                try:
                    b0 = baseline(pic if not cname.startswith("cv2_imread_unchanged") else pic[..., [2, 1, 0]], cm, lo, hi)
                    mb = metrics(b0, truth, lo, hi)
                except Exception as e:
                    mb = dict(nan=np.nan, mean=np.nan, p99=np.nan, mean_h=np.nan, p99_h=np.nan)
                mt = metrics(v, truth, lo, hi) if v is not None else dict(nan=np.nan, mean=np.nan, p99=np.nan, mean_h=np.nan, p99_h=np.nan)
                r = dict(field=fname, cmap=cm, case=cname, nan=mt["nan"], mean_h=mt["mean_h"], p99_h=mt["p99_h"],
                         base_mean=mb["mean"], base_p99=mb["p99"], ratio=mt["mean_h"] / mb["mean"] if mb["mean"] else np.nan,
                         ms=dt * 1e3, warn=" | ".join(w), err=err or "")
                print(f"{fname:8s} {cm:8s} {cname:26s} nan {r['nan']:6.2f}% mean {r['mean_h']:6.3f} p99 {r['p99_h']:7.3f} | base {r['base_mean']:6.3f} {r['base_p99']:7.3f} ratio {r['ratio']:5.2f} {r['ms']:6.0f}ms {r['warn'][:120]} {r['err'][:150]}", flush=True)
                yield r


out = list(rows())
with open(f"t1_results_{'_'.join(F)}.csv", "w", newline="") as f:
    wr = csv.DictWriter(f, fieldnames=list(out[0])); wr.writeheader(); wr.writerows(out)

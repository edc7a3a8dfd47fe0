"""Part 2: scikit-image's data (camera 512x512, coins 303x384, uint8) through plt.imsave(path, img, cmap='turbo' /
'cividis') -- imsave scales img.min()..img.max() -- read back three ways: imageio.v3.imread (RGBA uint8), cv2.imread
(BGR uint8, as users forget), plt.imread (float32 RGBA). Default call decolorize(pic, cmap=m, vmin=img.min(),
vmax=img.max()); truth = the uint8 image. Reported: holes, MAE in DN of the original, max error in DN, share of
pixels in their own bin (exact pictures should be all), and with step=1 the share of integers back exact; for the
BGR reading: what comes back and whether a warning names the channel order; identify_colormap's best on each."""
import os, tempfile, numpy as np, truepix as tp
import matplotlib.pyplot as plt
import imageio.v3 as iio, cv2
import skimage.data as skd
from _p2 import c, kd, call, wshort, header

header(__doc__.splitlines()[0])
tmp = tempfile.mkdtemp()
print(f"{'image':7}{'map':8}{'reader':9}{'dtype':9}{'holes%':>8}{'mae_DN':>8}{'kd_DN':>7}{'max_DN':>8}{'own_bin%':>9}{'step1_exact%':>13}  identify | warnings")
for nm in ("camera", "coins"):
    img = getattr(skd, nm)()
    lo, hi = float(img.min()), float(img.max())
    for m in ("turbo", "cividis"):
        p = os.path.join(tmp, f"{nm}_{m}.png"); plt.imsave(p, img, cmap=m)
        reads = {"imageio": iio.imread(p), "cv2_BGR": cv2.imread(p), "plt": plt.imread(p)}
        for rd, pic in reads.items():
            v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=lo, vmax=hi))
            if v is None:
                print(f"{nm:7}{m:8}{rd:9}{str(pic.dtype):9} ERROR {err}"); continue
            vs, err2, _ = call(lambda: tp.decolorize(pic, cmap=m, vmin=lo, vmax=hi, step=1))
            e = np.abs(v - img); holes = np.isnan(v); e[holes] = hi - lo
            frac = (img - lo) / (hi - lo); own = np.floor(np.clip(frac, 0, 1 - 1e-12) * 256)
            got = np.floor(np.clip((v - lo) / (hi - lo), 0, 1 - 1e-12) * 256)
            ownbin = float(np.nanmean(np.where(holes, 0, got == own)))
            ex = float(np.mean(vs == img)) if vs is not None else float("nan")
            kb = lo + kd(m)(pic[..., :3] if pic.dtype == np.uint8 else (pic[..., :3] * 255).round().astype(np.uint8)) * (hi - lo)
            ident, _, _ = call(lambda: tp.identify_colormap(pic, top=1))
            idn = f"{ident[0].name}{'_r' if getattr(ident[0], 'reversed', False) else ''} {ident[0].score:.2f}" if ident else "?"
            print(f"{nm:7}{m:8}{rd:9}{str(pic.dtype):9}{100*holes.mean():8.3f}{e.mean():8.3f}{np.abs(kb - img).mean():7.3f}{e.max():8.1f}{100*ownbin:9.2f}{100*ex:13.2f}  {idn} | {wshort(ws, 200)}", flush=True)
print("load", c.loadavg())

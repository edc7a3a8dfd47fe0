"""Part 2: pictures people write and resize themselves. Fields: dem, camera, moon, grace_hopper (real, 512^2) and bumps,
waves (smooth); maps viridis, jet, coolwarm; vmin 0, vmax 1.
(a) imageio.v3.imwrite PNG of (cmap(norm(x)) * 255).astype(np.uint8) (truncation) and of np.round(cmap(norm(x)) * 255),
    skimage.io.imsave of the same -> read back; each must be at the floor (every pixel in its own bin, 0 holes).
(b) skimage.transform.rescale(rgb, 0.33, channel_axis=-1, anti_aliasing=True) -> float64 in [0, 1] passed AS IS, and
    skimage.util.img_as_ubyte of it; cv2.resize(rgb, INTER_AREA) at 0.33x. Truth: the field through the same operation.
Holes (<= 0.2 %) and ratio vs the k-d tree, DEFAULT decolorize(pic, cmap=name, vmin=0, vmax=1)."""
import io, os, tempfile, warnings, numpy as np, matplotlib as mpl, truepix as tp, cv2, imageio.v3 as iio
import skimage.io, skimage.transform, skimage.util
from _p5 import c, kd, call, wshort, header, score, cpu

header(__doc__.splitlines()[0])
rf = c.real_fields(512); sf = c.smooth_fields(512)
fields = {k: c.crop(rf[k], 512) for k in ("dem_jacksboro", "camera", "moon", "grace_hopper")}
fields.update({k: sf[k] for k in ("bumps", "waves")})
tmp = tempfile.mkdtemp(); rows = []
print(f"{'case':44}{'holes%':>8}{'tp%':>8}{'kd%':>8}{'ratio':>7}{'p99tp':>7}{'p99kd':>7}  own bin% | warnings")
def rec(tag, pic, truth, m, kind, exact=False):
    kdpic = pic if pic.dtype == np.uint8 else (np.clip(pic, 0, 1) * 255).round().astype(np.uint8)
    base = kd(m)(kdpic); mb, pb, _ = score(base, truth)
    v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=1))
    if v is None: print(f"{tag:44}ERROR {err}", flush=True); return
    mt, pt, ht = score(v, truth)
    own = f"{100*np.mean(np.floor(v * 256).clip(0, 255) == np.floor(truth * 256).clip(0, 255)):.1f}" if exact else "-"
    print(f"{tag:44}{100*ht:8.3f}{100*mt:8.3f}{100*mb:8.3f}{mt/mb:7.2f}{100*pt:7.2f}{100*pb:7.2f}  {own} | {wshort(ws)}", flush=True)
    rows.append((kind, m, tag, ht, mt, mb, pt, pb))
for fn, f in fields.items():
    for m in ("viridis", "jet", "coolwarm"):
        cm = mpl.colormaps[m]; rgba = cm(mpl.colors.Normalize(0, 1)(f))
        trunc = (rgba * 255).astype(np.uint8); rnd = np.round(rgba * 255).astype(np.uint8)
        for nm, arr in (("trunc", trunc), ("round", rnd)):
            p = os.path.join(tmp, "a.png"); iio.imwrite(p, arr); rec(f"{fn} {m} imageio {nm}", iio.imread(p), f, m, "imageio " + nm, True)
            if fn in ("dem_jacksboro", "bumps"):
                p2 = os.path.join(tmp, "b.png")
                with warnings.catch_warnings(): warnings.simplefilter("ignore"); skimage.io.imsave(p2, arr, check_contrast=False)
                rec(f"{fn} {m} skimage.io {nm}", skimage.io.imread(p2), f, m, "skimage.io " + nm, True)
        rgb = trunc[..., :3]
        sk = skimage.transform.rescale(rgb, 0.33, channel_axis=-1, anti_aliasing=True)
        tr = np.clip(skimage.transform.rescale(f, 0.33, anti_aliasing=True), 0, 1)
        rec(f"{fn} {m} sk.rescale .33 float", sk, tr, m, "sk.rescale float")
        rec(f"{fn} {m} sk.rescale .33 img_as_ubyte", skimage.util.img_as_ubyte(sk), tr, m, "sk.rescale ubyte")
        h, w = f.shape; size = (round(w * 0.33), round(h * 0.33))
        ca = cv2.resize(rgb, size, interpolation=cv2.INTER_AREA); tr2 = np.clip(cv2.resize(f.astype(np.float32), size, interpolation=cv2.INTER_AREA).astype(float), 0, 1)
        rec(f"{fn} {m} cv2 INTER_AREA .33", ca, tr2, m, "cv2 area")
print("\nSUMMARY by kind (real fields / smooth fields): holes mean, max (>0.2 %), ratio, p99 worse")
for kind in dict.fromkeys(r[0] for r in rows):
    for grp, names in (("real", ("dem", "camera", "moon", "grace")), ("smooth", ("bumps", "waves"))):
        rr = [r for r in rows if r[0] == kind and r[2].startswith(names)]
        if rr: print(f"  {kind:22}{grp:7} n={len(rr):2} holes mean {100*np.mean([r[3] for r in rr]):.3f} max {100*max(r[3] for r in rr):.3f} (>0.2%: {sum(r[3] > 0.002 for r in rr)}) ratio {sum(r[4] for r in rr)/sum(r[5] for r in rr):.3f} p99 worse {sum(r[6] > r[7]*1.001 for r in rr)}/{len(rr)}")

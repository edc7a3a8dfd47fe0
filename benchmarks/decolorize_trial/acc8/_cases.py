"""acc8's probes: the pictures they share (maps x fields x kinds from argv, each decoded
with the default call) and what each reads of them: the luma-weighted projection before the
filter (caught from ``_seam.sided``), the RGB projection, the k-d tree, the errors, the worst
1 %, the edges, and the 5x5-median oracle's pick; :func:`cases` yields them with the scores."""
import os, sys, pathlib, tempfile, numpy as np, cv2, matplotlib.pyplot as plt
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "trial52"))
from PIL import Image
from scipy.ndimage import maximum_filter, minimum_filter, median_filter
from _p7 import c, kd, mscore  # noqa: E402
import truepix as tp  # noqa: E402
from truepix.color._decolorize import _api, _seam, _kernels as kernels  # noqa: E402
from truepix.color._decolorize._fields import memo_fields  # noqa: E402

N = 384
rf = c.real_fields(N)
coins = np.asarray(Image.open(os.path.join(c.SKDIR, "coins.png")).convert("L"))
FIELDS = {"camera": rf["camera"], "coins": c.norm01(c.crop(coins, N))}
maps, fields, KINDS = (a.split(",") for a in sys.argv[1:4])
tmp = tempfile.mkdtemp()
state = {}
orig = _seam.sided


def spy(decoder, pixels, scale, kind, plan, position):
    state["pos"] = position.copy(); state["plan"] = plan
    return orig(decoder, pixels, scale, kind, plan, position)


_api.seam.sided = spy


def pic_of(field, m, k):
    p = os.path.join(tmp, "a.png"); plt.imsave(p, field, cmap=m, vmin=0, vmax=1)
    png = np.asarray(Image.open(p).convert("RGB"))
    if k.startswith("jpeg"): return c.jpeg(png, int(k[4:]))
    if k == "cv2jpeg50":
        j = os.path.join(tmp, "a.jpg"); cv2.imwrite(j, cv2.imread(p), [cv2.IMWRITE_JPEG_QUALITY, 50])
        return cv2.cvtColor(cv2.imread(j), cv2.COLOR_BGR2RGB)
    if k == "pil422q75": return c.jpeg(png, 75, 1)




def cases():
    """(m, fn, k, f, pic, dec, est, lum, rgb, b, err, eb, top, edge, med, pick, scores) per picture;
    scores: the (mean, p99) of the pick, the tree, the call, the luma and RGB projections."""
    for m in maps:
        for fn in fields:
            f = FIELDS[fn]
            for k in KINDS:
                pic = pic_of(f, m, k)
                dec = tp.Decolorizer(m, vmin=0, vmax=1)
                est = dec.decode(pic).values
                lum = state["pos"].reshape(f.shape)
                rgb = memo_fields(dec, pic.reshape(-1, 3), "u8", "rgb", kernels.RESIDUAL_MAX_CODE)[0].reshape(f.shape)
                b = kd(m)(pic)
                err = np.abs(est - f); eb = np.abs(b - f)
                top = err >= np.quantile(err, 0.99)
                edge = (maximum_filter(f, 3) - minimum_filter(f, 3)) > 0.1
                med = median_filter(np.nan_to_num(lum, nan=0.5), 5)
                pick = np.where(np.abs(lum - med) <= np.abs(rgb - med), lum, rgb)
                mo, po, _ = mscore(pick, f); mb, pb, _ = mscore(b, f); mt, pt, _ = mscore(est, f)
                ml, pl, _ = mscore(lum, f); mr, pr, _ = mscore(rgb, f)
                scores = (mo, po, mb, pb, mt, pt, ml, pl, mr, pr)
                yield m, fn, k, f, pic, dec, est, lum, rgb, b, err, eb, top, edge, med, pick, scores


def luma_lut(m, pic):
    """``m``'s 256 colors and ``pic``'s pixels in the luma-weighted metric (chroma 0.1), and
    each position's distance to its pixel there: (cp, lutA, dl)."""
    import matplotlib as mpl
    from truepix.color._decolorize._palette import luma_metric

    lut = mpl.colormaps[m](np.linspace(0, 1, 256), bytes=True)[:, :3].astype(float)
    A = luma_metric(0.1); cp = pic.astype(float) @ A.T; lutA = lut @ A.T

    def dl(pos):
        i = np.clip((pos * 256).astype(int), 0, 255)
        return np.sqrt(((cp - lutA[i]) ** 2).sum(-1))
    return cp, lutA, dl


def fold_distance(lutA):
    """Per entry of ``lutA`` (256 colors, luma-weighted metric): the distance to the nearest
    entry a tenth of the map or more away -- small where the curve folds back on itself."""
    n = len(lutA); idx = np.arange(n)
    D = np.sqrt((((lutA[:, None] - lutA[None]) ** 2).sum(-1)))
    D[np.abs(idx[:, None] - idx[None]) < n // 10] = np.inf
    return D.min(1)


def summary(m, fn, k, f, lum, rgb, eb, top, edge, scores):
    """One picture's line: the default call's, the two projections' and the oracle pick's
    ratio / p99 to the tree's, and what the worst 1 % of its pixels (``top``) look like."""
    mo, po, mb, pb, mt, pt, ml, pl, mr, pr = scores
    return (f"{m:9} {fn:6} {k:9} tp {mt/mb:.3f}/{pt/pb:.2f} lumproj {ml/mb:.3f}/{pl/pb:.2f} "
            f"rgbproj {mr/mb:.3f}/{pr/pb:.2f} oracle-pick {mo/mb:.3f}/{po/pb:.2f} | top1%: "
            f"lum wrong-arm {np.mean(np.abs(lum - f)[top] > 0.05):.2f} rgb right "
            f"{np.mean(np.abs(rgb - f)[top] < 0.02):.2f} kd right {np.mean(eb[top] < 0.02):.2f} "
            f"lum!=rgb {np.mean(np.abs(lum - rgb)[top] > 0.05):.2f} edge {np.mean(edge[top]):.2f} "
            f"all lum!=rgb {np.mean(np.abs(lum - rgb) > 0.05):.3f}")

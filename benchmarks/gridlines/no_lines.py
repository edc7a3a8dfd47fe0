"""_gridlines.ruled_lines on 518 pictures without ruled lines, each whole (no plot area
taken): the lines it finds (FP rows) and their count. Run from the repository root:
PYTHONPATH=src python benchmarks/gridlines/no_lines.py"""
import numpy as np, sys, glob, io, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
from PIL import Image
import matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt
from truepix.color._decolorize._gridlines import ruled_lines
from tests.color._photographs import seaborn_heatmap, annotated_figure, photo_jpeg, camera_256, fbm, imsave_rgb, few_color_field
def jpeg(a, q=75, sub=None):
    b = io.BytesIO(); kw = {} if sub is None else {"subsampling": sub}
    Image.fromarray(a).save(b, "JPEG", quality=q, **kw); return np.asarray(Image.open(b).convert("RGB"))
def report(name, im):
    c, r = ruled_lines(np.ascontiguousarray(im[..., :3]))
    n = int(c.sum() + r.sum())
    if n: print("FP", name, "cols", np.flatnonzero(c).tolist()[:10], "rows", np.flatnonzero(r).tolist()[:10])
    return n
tot = 0; cnt = 0
rng = np.random.default_rng(0)
for cm in ("coolwarm", "rocket", "viridis", "YlGnBu", "jet", "magma", "gray"):
    for cells in (8, 16, 40):
        for q in (None, 50, 75, 90):
            tot += report(f"sb {cm} {cells} {q}", seaborn_heatmap(cells, cells <= 16, q, cm)); cnt += 1
for cm in ("viridis", "jet", "coolwarm", "turbo", "magma", "gray"):
    for ncell, px in ((8, 32), (16, 16), (12, 21), (20, 13), (32, 10)):
        m = rng.random((ncell, ncell)); big = np.kron(m, np.ones((px, px)))
        rgb = (matplotlib.colormaps[cm](big)[..., :3] * 255).astype(np.uint8)
        # smooth matrices too (monotone gradient cells)
        gy, gx = np.mgrid[0:ncell, 0:ncell] / ncell
        sm = np.kron((gx * 0.7 + gy * 0.3), np.ones((px, px)))
        rgb2 = (matplotlib.colormaps[cm](sm)[..., :3] * 255).astype(np.uint8)
        for q in (None, 50, 75, 90):
            for nm, im in (("rand", rgb), ("grad", rgb2)):
                pic = im if q is None else jpeg(im, q)
                tot += report(f"cells {nm} {cm} {ncell}x{px} q{q}", pic); cnt += 1
                if q == 50: tot += report(f"cells444 {nm} {cm} {ncell}x{px}", jpeg(im, 50, 0)); cnt += 1
for recipe, cmap, fmt in (("seaborn", "rocket", "d"), ("seaborn", "mako", ".1f"), ("seaborn", "YlGnBu", ".1f"), ("imshow", "rocket", "d"), ("imshow", "viridis", ".1f")):
    for q in (None, 75, 50):
        try:
            pic, box = annotated_figure(recipe, cmap, fmt, (6, 8), True, q) if q else annotated_figure(recipe, cmap, fmt, (6, 8), False, 75)
        except TypeError as e:
            print("annotated_figure sig", e); break
        t, b, l, r = box; tot += report(f"fig {recipe} {cmap} {q}", pic[t:b, l:r]); tot += report(f"figwhole {recipe} {cmap} {q}", pic); cnt += 2
for cm in ("viridis", "jet", "turbo", "coolwarm", "gray", "magma"):
    for q in (50, 75, 90):
        tot += report(f"photo {cm} q{q}", photo_jpeg("camera", cm, 256, q)); cnt += 1
        tot += report(f"fbm {cm} q{q}", jpeg(imsave_rgb(fbm(256), cm), q)); cnt += 1
for f in sorted(glob.glob("/work/shared/real_figures/*.png")):
    im = np.asarray(Image.open(f).convert("RGB"))
    for q in (None, 75):
        tot += report(f"real {os.path.basename(f)} q{q}", im if q is None else jpeg(im, q)); cnt += 1
print("pictures", cnt, "false lines", tot)

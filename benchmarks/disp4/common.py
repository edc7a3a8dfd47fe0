import io, os, sys, numpy as np, matplotlib as mpl, cv2
# (this checkout's tests: ``_cells``, ``_annotate``)
_ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path[:0] = [os.path.join(_ROOT, "tests", "color"), _ROOT]
from PIL import Image
from scipy.spatial import cKDTree
from skimage import data

def disparity(size=512):
    """The test's motorcycle disparity field (tests/color/test_decolorize_disparity.py)."""
    from test_decolorize_disparity import _disparity
    return _disparity(size)

def jpeg(field, cmap, q, sub=None):
    b = io.BytesIO()
    kw = {} if sub is None else {"subsampling": sub}
    Image.fromarray(mpl.colormaps[cmap](field, bytes=True)[..., :3]).save(b, format="JPEG", quality=q, **kw)
    return np.asarray(Image.open(b).convert("RGB"))

def nearest(pic, cmap):
    t = mpl.colormaps[cmap](np.linspace(0, 1, 256), bytes=True)[:, :3].astype(np.float64)
    i = cKDTree(t).query(pic.reshape(-1, 3).astype(np.float64))[1]
    return ((i + 0.5) / 256).reshape(pic.shape[:2])

def error(v, t):
    return float(np.nan_to_num(np.abs(v - t), nan=1.0).mean())

def pieces(size=256, seed=0, n=40, slope=0.0):
    rng = np.random.default_rng(seed)
    seeds = rng.uniform(0, size, (n, 2)); level = rng.uniform(0, 1, n)
    y, x = np.mgrid[0:size, 0:size]
    lab = cKDTree(seeds).query(np.column_stack([y.ravel(), x.ravel()]))[1].reshape(size, size)
    return np.clip(level[lab] + slope * y / size, 0, 1)


def case_picture(m, q, src):
    """(truth, JPEG'd picture, touched, covered) of a case: "disp", "cellsN" (seed N), or
    "camera" / "smooth" with black text and lines (``_annotate``; touched and covered are
    None for the others)."""
    if src == "disp":
        t = disparity()
        return t, jpeg(t, m, q), None, None
    if src.startswith("cells"):
        from test_decolorize_disparity import _cells
        t = _cells(256, int(src[5:]))
        return t, jpeg(t, m, q), None, None
    from _annotate import annotated
    base = data.camera()[:256, :256] / 255.0 if src == "camera" else np.add.outer(
        np.linspace(0, 1, 256), np.linspace(0, .3, 256)).clip(0, 1)
    drawn, touch, cover = annotated(mpl.colormaps[m](base, bytes=True)[..., :3], ["black", "black"], ["black", "black"])
    b = io.BytesIO(); Image.fromarray(drawn).save(b, format="JPEG", quality=q)
    return base, np.asarray(Image.open(b).convert("RGB")), touch, cover


def sides_steps(pix, p, pos):
    """Per flat pixel ``pix`` of picture ``p``: the step of the nearest-color positions
    ``pos`` between its two sides 2-3 px away, in the direction whose darker side is
    brightest (across a dark stroke, its two sides)."""
    H, W = p.shape[:2]
    y, x = pix // W, pix % W
    best = np.zeros(len(pix)); score = np.full(len(pix), -1e9)
    L = p.astype(float) @ np.array([0.299, 0.587, 0.114])
    for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
        for rch in (2, 3):
            ya, xa, yb, xb = y - dy * rch, x - dx * rch, y + dy * rch, x + dx * rch
            ok = (ya >= 0) & (yb < H) & (xa >= 0) & (xa < W) & (xb >= 0) & (xb < W)
            sc = np.full(len(pix), -1e9); sc[ok] = np.minimum(L[ya[ok], xa[ok]], L[yb[ok], xb[ok]])
            d = np.zeros(len(pix)); d[ok] = np.abs(pos[ya[ok], xa[ok]] - pos[yb[ok], xb[ok]])
            tk = sc > score; score[tk] = sc[tk]; best[tk] = d[tk]
    return best

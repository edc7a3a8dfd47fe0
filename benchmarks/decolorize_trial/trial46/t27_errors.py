"""Part 2: error messages on bad input to decolorize / Decolorizer / identify_colormap / find_colorbar (default calls).
Good: a truepix error class, ONE line, of the form 'expected ..., got ...', and no internal exception's text
(numpy/numba/scipy wording, tracebacks, 'NoneType', 'object has no attribute', 'index', 'axis' ...)."""
import re, io, warnings, numpy as np, truepix as tp, matplotlib as mpl
from PIL import Image

pic = mpl.colormaps["viridis"](np.random.default_rng(0).random((32, 32)), bytes=True)
rgb = pic[..., :3]
CASES = [
    ("int32 picture", lambda: tp.decolorize(rgb.astype(np.int32), cmap="viridis", vmin=0, vmax=1)),
    ("int64 picture", lambda: tp.decolorize(rgb.astype(np.int64), cmap="viridis", vmin=0, vmax=1)),
    ("bool picture", lambda: tp.decolorize(rgb > 100, cmap="viridis", vmin=0, vmax=1)),
    ("float 0..255", lambda: tp.decolorize(rgb.astype(np.float32), cmap="viridis", vmin=0, vmax=1)),
    ("float with NaN", lambda: tp.decolorize(np.where(np.eye(32)[..., None] > 0, np.nan, rgb / 255.0), cmap="viridis", vmin=0, vmax=1)),
    ("float16", lambda: tp.decolorize((rgb / 255).astype(np.float16), cmap="viridis", vmin=0, vmax=1)),
    ("complex", lambda: tp.decolorize(rgb.astype(complex), cmap="viridis", vmin=0, vmax=1)),
    ("object array", lambda: tp.decolorize(rgb.astype(object), cmap="viridis", vmin=0, vmax=1)),
    ("(H,W,2)", lambda: tp.decolorize(rgb[..., :2], cmap="viridis", vmin=0, vmax=1)),
    ("(H,W,5)", lambda: tp.decolorize(np.concatenate([pic, rgb[..., :1]], -1), cmap="viridis", vmin=0, vmax=1)),
    ("1-D", lambda: tp.decolorize(rgb.ravel(), cmap="viridis", vmin=0, vmax=1)),
    ("0-D", lambda: tp.decolorize(np.uint8(3), cmap="viridis", vmin=0, vmax=1)),
    ("empty (0,0,3)", lambda: tp.decolorize(np.zeros((0, 0, 3), np.uint8), cmap="viridis", vmin=0, vmax=1)),
    ("(H,W) gray + viridis", lambda: tp.decolorize(rgb[..., 0], cmap="viridis", vmin=0, vmax=1)),
    ("PIL Image object", lambda: tp.decolorize(Image.fromarray(rgb), cmap="viridis", vmin=0, vmax=1)),
    ("a path string", lambda: tp.decolorize("figure.png", cmap="viridis", vmin=0, vmax=1)),
    ("bytes of a PNG", lambda: tp.decolorize(b"\x89PNG\r\n\x1a\n....", cmap="viridis", vmin=0, vmax=1)),
    ("nested list uint", lambda: tp.decolorize(rgb.tolist(), cmap="viridis", vmin=0, vmax=1)),
    ("masked array", lambda: tp.decolorize(np.ma.masked_array(rgb, mask=rgb < 10), cmap="viridis", vmin=0, vmax=1)),
    ("unknown cmap", lambda: tp.decolorize(rgb, cmap="virdis", vmin=0, vmax=1)),
    ("cmap=123", lambda: tp.decolorize(rgb, cmap=123, vmin=0, vmax=1)),
    ("cmap=None", lambda: tp.decolorize(rgb, cmap=None, vmin=0, vmax=1)),
    ("cmap table (N,2)", lambda: tp.decolorize(rgb, cmap=np.zeros((10, 2)), vmin=0, vmax=1)),
    ("cmap table 1 row", lambda: tp.decolorize(rgb, cmap=np.zeros((1, 3)), vmin=0, vmax=1)),
    ("cmap table floats >1", lambda: tp.decolorize(rgb, cmap=np.full((10, 3), 3.0), vmin=0, vmax=1)),
    ("no limits", lambda: tp.decolorize(rgb, cmap="viridis")),
    ("vmin > vmax", lambda: tp.decolorize(rgb, cmap="viridis", vmin=1, vmax=0)),
    ("vmin == vmax", lambda: tp.decolorize(rgb, cmap="viridis", vmin=1, vmax=1)),
    ("vmin NaN", lambda: tp.decolorize(rgb, cmap="viridis", vmin=np.nan, vmax=1)),
    ("vmax inf", lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=np.inf)),
    ("vmin string", lambda: tp.decolorize(rgb, cmap="viridis", vmin="0", vmax=1)),
    ("norm='sqrt'", lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1, norm="sqrt")),
    ("norm=log vmin=0", lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1, norm="log")),
    ("threshold=-1", lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1, threshold=-1)),
    ("threshold=NaN", lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1, threshold=np.nan)),
    ("step=0", lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1, step=0)),
    ("step=-1", lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1, step=-1)),
    ("alpha=0", lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1, alpha=0)),
    ("alpha=2", lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1, alpha=2)),
    ("facecolor='notacolor'", lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1, alpha=0.5, facecolor="notacolor")),
    ("denoise='yes'", lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1, denoise="yes")),
    ("Decolorizer cyclic='x'", lambda: tp.Decolorizer("viridis", vmin=0, vmax=1, cyclic="x")),
    ("Decolorizer.decode(list of str)", lambda: tp.Decolorizer("viridis", vmin=0, vmax=1).decode([["a"]])),
    ("identify int32", lambda: tp.identify_colormap(rgb.astype(np.int32))),
    ("identify top=0", lambda: tp.identify_colormap(rgb, top=0)),
    ("identify all transparent", lambda: tp.identify_colormap(np.zeros((8, 8, 4), np.uint8))),
    ("identify (H,W,2)", lambda: tp.identify_colormap(rgb[..., :2])),
    ("identify empty", lambda: tp.identify_colormap(np.zeros((0, 0, 3), np.uint8))),
    ("find_colorbar 1-D", lambda: tp.find_colorbar(rgb.ravel())),
    ("find_colorbar float>1", lambda: tp.find_colorbar(rgb.astype(float))),
    ("find_colorbar empty", lambda: tp.find_colorbar(np.zeros((0, 0, 3), np.uint8))),
]
INTERNAL = re.compile(r"numpy|numba|scipy|Traceback|NoneType|has no attribute|object is not|index \d|axis \d|ufunc|broadcast|unhashable|not subscriptable|invalid literal|could not convert|takes \d|positional argument|unexpected keyword|ndarray|dtype\('|operands", re.I)
good = 0
for name, fn in CASES:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            r = fn()
            shape = getattr(r, "shape", None)
            nan = float(np.isnan(r).mean()) if isinstance(r, np.ndarray) and r.dtype.kind == "f" else None
            print(f"NO ERROR  {name:32} returned {type(r).__name__} shape {shape} NaN share {nan}" + (f"  warning: {str(w[0].message)[:100]}" if w else ""))
            continue
        except Exception as e:
            msg = str(e)
            tpcls = isinstance(e, tp.TruepixError)
            one = "\n" not in msg.strip()
            exp = bool(re.search(r"expected .*got", msg, re.S | re.I))
            internal = bool(INTERNAL.search(msg))
            verdict = "OK " if (tpcls and one and exp and not internal) else "BAD"
            good += verdict == "OK "
            why = ",".join(k for k, b in (("not-truepix-class", not tpcls), ("multi-line", not one), ("no-expected/got", not exp), ("internal-text", internal)) if b)
            print(f"{verdict} {why:30} {name:32} {type(e).__name__}: {msg[:230]!r}")
print(f"\n{good}/{len(CASES)} good messages")

"""Bad input to the default call: each must raise a truepix.errors class with one line 'expected ..., got ...'.
python t4_errors.py"""
import numpy as np, warnings
import truepix as tp, truepix.errors as te
import matplotlib.colors as mc

ok = np.zeros((8, 8, 3), np.uint8) + np.array([68, 1, 84], np.uint8)
cases = {
    "wrong cmap name": lambda: tp.decolorize(ok, cmap="viridiss", vmin=0, vmax=1),
    "cmap=None": lambda: tp.decolorize(ok, cmap=None, vmin=0, vmax=1),
    "vmin>vmax": lambda: tp.decolorize(ok, cmap="viridis", vmin=5, vmax=1),
    "vmin==vmax": lambda: tp.decolorize(ok, cmap="viridis", vmin=1, vmax=1),
    "vmin NaN": lambda: tp.decolorize(ok, cmap="viridis", vmin=np.nan, vmax=1),
    "no limits at all": lambda: tp.decolorize(ok, cmap="viridis"),
    "only vmin": lambda: tp.decolorize(ok, cmap="viridis", vmin=0),
    "2-D array, colored map": lambda: tp.decolorize(np.zeros((8, 8), np.uint8), cmap="viridis", vmin=0, vmax=1),
    "RGBA alpha 128": lambda: tp.decolorize(np.dstack([ok, np.full((8, 8), 128, np.uint8)]), cmap="viridis", vmin=0, vmax=1),
    "RGBA alpha 0": lambda: tp.decolorize(np.dstack([ok, np.zeros((8, 8), np.uint8)]), cmap="viridis", vmin=0, vmax=1),
    "empty (0,0,3)": lambda: tp.decolorize(np.zeros((0, 0, 3), np.uint8), cmap="viridis", vmin=0, vmax=1),
    "empty list": lambda: tp.decolorize([], cmap="viridis", vmin=0, vmax=1),
    "5 channels": lambda: tp.decolorize(np.zeros((8, 8, 5), np.uint8), cmap="viridis", vmin=0, vmax=1),
    "float 0..255": lambda: tp.decolorize(ok.astype(float), cmap="viridis", vmin=0, vmax=1),
    "float with NaN": lambda: tp.decolorize(np.full((4, 4, 3), np.nan), cmap="viridis", vmin=0, vmax=1),
    "int64 0..255": lambda: tp.decolorize(ok.astype(np.int64), cmap="viridis", vmin=0, vmax=1),
    "bool": lambda: tp.decolorize(ok.astype(bool), cmap="viridis", vmin=0, vmax=1),
    "string": lambda: tp.decolorize("pic.png", cmap="viridis", vmin=0, vmax=1),
    "PIL Image": lambda: __import__("PIL.Image").Image.fromarray(ok) and tp.decolorize(__import__("PIL.Image").Image.fromarray(ok), cmap="viridis", vmin=0, vmax=1),
    "LogNorm vmin<=0": lambda: tp.decolorize(ok, cmap="viridis", norm=mc.LogNorm(0, 10)),
    "norm='log' vmin=0": lambda: tp.decolorize(ok, cmap="viridis", norm="log", vmin=0, vmax=10),
    "norm name bogus": lambda: tp.decolorize(ok, cmap="viridis", norm="logg", vmin=1, vmax=10),
    "cmap table bad shape": lambda: tp.decolorize(ok, cmap=np.zeros((5, 2)), vmin=0, vmax=1),
    "threshold negative": lambda: tp.decolorize(ok, cmap="viridis", vmin=0, vmax=1, threshold=-1),
    "step 0": lambda: tp.decolorize(ok, cmap="viridis", vmin=0, vmax=1, step=0),
    "alpha 2": lambda: tp.decolorize(ok, cmap="viridis", vmin=0, vmax=1, alpha=2),
    "identify on 2-D": lambda: tp.identify_colormap(np.zeros((8, 8, 2), np.uint8)),
    "identify empty": lambda: tp.identify_colormap(np.zeros((0, 0, 3), np.uint8)),
    "Decolorizer bad name": lambda: tp.Decolorizer("jett", vmin=0, vmax=1),
}
for name, f in cases.items():
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            r = f()
            sh = getattr(r, "shape", None)
            print(f"NO ERROR  {name:24s} -> returned {type(r).__name__} shape {sh} nan {np.isnan(r).mean() if sh is not None and r.size and r.dtype.kind=='f' else ''}"
                  + (f"; warned {type(w[0].message).__name__}: {str(w[0].message)[:120]}" if w else ""))
        except Exception as ex:
            msg = str(ex)
            good = isinstance(ex, te.TruepixError) and "\n" not in msg and "expected" in msg and "got" in msg
            print(f"{'ok      ' if good else 'BAD     '}  {name:24s} -> {type(ex).__module__}.{type(ex).__name__}: {msg[:200]!r}")

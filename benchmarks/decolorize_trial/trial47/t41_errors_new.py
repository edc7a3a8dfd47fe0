"""Part 2: error messages on bad input that trial 46's t27 did not try (paths the Part 2 users take: seaborn names,
colormap objects, dask arrays, PIL palette images, GIF indices, a colorbar with no limits, xarray). Good: a truepix
error class, ONE line, 'expected ..., got ...', no internal exception's text (same regex as t27). 'NO ERROR' rows
say what came back, for inputs that arguably should work or should fail."""
import io, re, warnings, numpy as np, truepix as tp, matplotlib as mpl
from matplotlib.colors import ListedColormap, BoundaryNorm, Normalize
from PIL import Image
import dask.array as da, xarray as xr
from _p2 import header

header(__doc__.splitlines()[0])
pic = mpl.colormaps["viridis"](np.random.default_rng(0).random((32, 32)), bytes=True)
rgb = pic[..., :3]
b = io.BytesIO(); Image.fromarray(rgb).save(b, "GIF"); gif = Image.open(io.BytesIO(b.getvalue()))
fig = np.full((60, 60, 3), 255, np.uint8); fig[10:50, 45:52] = mpl.colormaps["viridis"](np.linspace(1, 0, 40), bytes=True)[:, None, :3]
bar = tp.find_colorbar(fig)
CASES = [
    ("cmap='rocket' (seaborn's default)", lambda: tp.decolorize(rgb, cmap="rocket", vmin=0, vmax=1)),
    ("cmap='icefire'", lambda: tp.decolorize(rgb, cmap="icefire", vmin=0, vmax=1)),
    ("cmap=ListedColormap 1 colour", lambda: tp.decolorize(rgb, cmap=ListedColormap(["red"]), vmin=0, vmax=1)),
    ("cmap=list of colour names", lambda: tp.decolorize(rgb, cmap=["navy", "white", "firebrick"], vmin=0, vmax=1)),
    ("cmap=list of hex", lambda: tp.decolorize(rgb, cmap=["#000080", "#ffffff"], vmin=0, vmax=1)),
    ("cmap=('viridis',) tuple", lambda: tp.decolorize(rgb, cmap=("viridis",), vmin=0, vmax=1)),
    ("cmap=table with NaN", lambda: tp.decolorize(rgb, cmap=np.full((5, 3), np.nan), vmin=0, vmax=1)),
    ("cmap=find_colorbar(no bar) i.e. None", lambda: tp.decolorize(rgb, cmap=tp.find_colorbar(np.full((40, 40, 3), 255, np.uint8)), vmin=0, vmax=1)),
    ("cmap=Colorbar without limits, none given", lambda: tp.decolorize(fig, cmap=bar)),
    ("norm=Normalize(0,5) and vmax=1", lambda: tp.decolorize(rgb, cmap="viridis", norm=Normalize(0, 5), vmin=0, vmax=1)),
    ("norm=Normalize() unscaled", lambda: tp.decolorize(rgb, cmap="viridis", norm=Normalize())),
    ("norm=BoundaryNorm ncolors 300", lambda: tp.decolorize(rgb, cmap="viridis", norm=BoundaryNorm([0, 1, 2], 300))),
    ("norm='Log' capital", lambda: tp.decolorize(rgb, cmap="viridis", vmin=1, vmax=10, norm="Log")),
    ("step='1' string", lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1, step="1")),
    ("threshold='auto'", lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1, threshold="auto")),
    ("vmin numpy array [0]", lambda: tp.decolorize(rgb, cmap="viridis", vmin=np.array([0.0]), vmax=1)),
    ("vmin=None vmax=1", lambda: tp.decolorize(rgb, cmap="viridis", vmax=1)),
    ("PIL 'P' Image (GIF) passed as is", lambda: tp.decolorize(gif, cmap="viridis", vmin=0, vmax=1)),
    ("np.asarray(GIF) = palette indices (H,W)", lambda: tp.decolorize(np.asarray(gif), cmap="viridis", vmin=0, vmax=1)),
    ("PIL 'I;16' Image", lambda: tp.decolorize(Image.fromarray(rgb[..., 0].astype(np.uint16) * 257), cmap="gray", vmin=0, vmax=1)),
    ("path string to .gif", lambda: tp.decolorize("/tmp/none.gif", cmap="viridis", vmin=0, vmax=1)),
    ("pathlib.Path", lambda: tp.decolorize(__import__("pathlib").Path("/tmp/x.png"), cmap="viridis", vmin=0, vmax=1)),
    ("list of 2 pictures", lambda: tp.decolorize([rgb, rgb], cmap="viridis", vmin=0, vmax=1)),
    ("uint32 picture", lambda: tp.decolorize(rgb.astype(np.uint32), cmap="viridis", vmin=0, vmax=1)),
    ("int8 picture", lambda: tp.decolorize(rgb.astype(np.int8), cmap="viridis", vmin=0, vmax=1)),
    ("uint16 holding 0..255 values", lambda: tp.decolorize(rgb.astype(np.uint16), cmap="viridis", vmin=0, vmax=1)),
    ("dask (H,W,2)", lambda: tp.decolorize(da.from_array(rgb[..., :2]), cmap="viridis", vmin=0, vmax=1).compute()),
    ("dask int32", lambda: tp.decolorize(da.from_array(rgb.astype(np.int32)), cmap="viridis", vmin=0, vmax=1).compute()),
    ("dask float 0..255", lambda: tp.decolorize(da.from_array(rgb.astype(np.float64), chunks=(16, 16, 3)), cmap="viridis", vmin=0, vmax=1).compute()),
    ("dask no limits", lambda: tp.decolorize(da.from_array(rgb), cmap="viridis").compute()),
    ("dask unknown cmap", lambda: tp.decolorize(da.from_array(rgb), cmap="virdis", vmin=0, vmax=1).compute()),
    ("xarray DataArray (y,x,band)", lambda: tp.decolorize(xr.DataArray(rgb, dims=("y", "x", "band")), cmap="viridis", vmin=0, vmax=1)),
    ("channels-first (3,H,W)", lambda: tp.decolorize(np.moveaxis(rgb, -1, 0), cmap="viridis", vmin=0, vmax=1)),
    ("Decolorizer(ListedColormap 1)", lambda: tp.Decolorizer(ListedColormap(["red"]), vmin=0, vmax=1)),
    ("identify PIL 'P' Image", lambda: tp.identify_colormap(gif)),
    ("identify (3,H,W)", lambda: tp.identify_colormap(np.moveaxis(rgb, -1, 0))),
    ("find_colorbar of a path", lambda: tp.find_colorbar("/tmp/fig.png")),
    ("find_colorbar (H,W) bool", lambda: tp.find_colorbar(rgb[..., 0] > 100)),
]
INTERNAL = re.compile(r"numpy|numba|scipy|Traceback|NoneType|has no attribute|object is not|index \d|axis \d|ufunc|broadcast|unhashable|not subscriptable|invalid literal|could not convert|takes \d|positional argument|unexpected keyword|ndarray|dtype\('|operands", re.I)
good = errs = 0
for name, fn in CASES:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            r = fn()
            shape = getattr(r, "shape", None)
            nan = float(np.isnan(np.asarray(r)).mean()) if hasattr(r, "dtype") and np.asarray(r).dtype.kind == "f" else None
            print(f"NO ERROR  {name:42} returned {type(r).__name__} shape {shape} NaN share {nan}" + (f"  warning: {str(w[0].message)[:140]}" if w else ""))
            continue
        except Exception as e:
            errs += 1
            msg = str(e)
            tpcls = isinstance(e, tp.TruepixError)
            one = "\n" not in msg.strip()
            exp = bool(re.search(r"expected .*got", msg, re.S | re.I))
            internal = bool(INTERNAL.search(msg))
            verdict = "OK " if (tpcls and one and exp and not internal) else "BAD"
            good += verdict == "OK "
            why = ",".join(k for k, bb in (("not-truepix-class", not tpcls), ("multi-line", not one), ("no-expected/got", not exp), ("internal-text", internal)) if bb)
            print(f"{verdict} {why:30} {name:42} {type(e).__name__}: {msg[:260]!r}")
print(f"\n{good}/{errs} errors with good messages; {len(CASES) - errs} cases returned without error")

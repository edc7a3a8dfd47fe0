"""Part 2: bad or odd inputs as Part 2's sources hand them over (not in t27/t41): channels-first ImageJ/OME arrays,
OpenCV constants and spellings as cmap, MATLAB names without the namespace, file bytes/paths of WebP/AVIF/TIFF,
int64/float-in-0..255 arrays from cv2 arithmetic, a screenshot's RGBA, xarray RGB DataArrays, find_colorbars.
Good = one line, 'expected ..., got ...' (or a clear hint), a truepix error class, no internal exception text."""
import io, os, tempfile, numpy as np, matplotlib as mpl, cv2, imageio.v3 as iio, tifffile, xarray as xr, truepix as tp
from _p3 import header, call

header(__doc__.splitlines()[0])
tmp = tempfile.mkdtemp()
f = np.add.outer(np.linspace(0, 1, 64), np.linspace(0, 1, 96)) / 2
rgb = mpl.colormaps["viridis"](f, bytes=True)[..., :3]
bgr_cv = cv2.applyColorMap((f * 255).astype(np.uint8), cv2.COLORMAP_JET)
paths = {}
for ext in ("webp", "avif"):
    paths[ext] = os.path.join(tmp, "x." + ext); iio.imwrite(paths[ext], rgb)
paths["tif16"] = os.path.join(tmp, "x.tif"); tifffile.imwrite(paths["tif16"], np.moveaxis(rgb.astype(np.uint16) * 257, -1, 0), imagej=True, metadata={"axes": "CYX"})
cases = [
    ("(3,H,W) uint16 from ImageJ CYX", lambda: tp.decolorize(np.moveaxis(rgb.astype(np.uint16) * 257, -1, 0), cmap="viridis", vmin=0, vmax=1)),
    ("(3,H,W) uint8", lambda: tp.decolorize(np.moveaxis(rgb, -1, 0), cmap="viridis", vmin=0, vmax=1)),
    ("(1,3,H,W) OME 'TCYX'", lambda: tp.decolorize(np.moveaxis(rgb, -1, 0)[None], cmap="viridis", vmin=0, vmax=1)),
    ("identify (3,H,W)", lambda: tp.identify_colormap(np.moveaxis(rgb, -1, 0))),
    ("find_colorbar (3,H,W)", lambda: tp.find_colorbar(np.moveaxis(rgb, -1, 0))),
    ("cmap=cv2.COLORMAP_JET (int 2)", lambda: tp.decolorize(bgr_cv[..., ::-1], cmap=cv2.COLORMAP_JET, vmin=0, vmax=255)),
    ("cmap='COLORMAP_JET'", lambda: tp.decolorize(bgr_cv[..., ::-1], cmap="COLORMAP_JET", vmin=0, vmax=255)),
    ("cmap='opencv:JET'", lambda: tp.decolorize(bgr_cv[..., ::-1], cmap="opencv:JET", vmin=0, vmax=255)),
    ("cmap='cv2:jet'", lambda: tp.decolorize(bgr_cv[..., ::-1], cmap="cv2:jet", vmin=0, vmax=255)),
    ("cmap='parula'", lambda: tp.decolorize(rgb, cmap="parula", vmin=0, vmax=1)),
    ("cmap='matlab:parula(64)'", lambda: tp.decolorize(rgb, cmap="matlab:parula(64)", vmin=0, vmax=1)),
    ("cmap='matlab:jet64'", lambda: tp.decolorize(rgb, cmap="matlab:jet64", vmin=0, vmax=1)),
    ("WebP path", lambda: tp.decolorize(paths["webp"], cmap="viridis", vmin=0, vmax=1)),
    ("AVIF path", lambda: tp.decolorize(paths["avif"], cmap="viridis", vmin=0, vmax=1)),
    ("AVIF bytes", lambda: tp.decolorize(open(paths["avif"], "rb").read(), cmap="viridis", vmin=0, vmax=1)),
    ("ImageJ CYX TIFF path", lambda: tp.decolorize(paths["tif16"], cmap="viridis", vmin=0, vmax=1)),
    ("read_figure AVIF path", lambda: tp.read_figure(paths["avif"])),
    ("int64 RGB (cv2 arithmetic)", lambda: tp.decolorize(rgb.astype(np.int64), cmap="viridis", vmin=0, vmax=1)),
    ("float32 RGB in 0..255", lambda: tp.decolorize(rgb.astype(np.float32), cmap="viridis", vmin=0, vmax=1)),
    ("int16 RGB", lambda: tp.decolorize(rgb.astype(np.int16), cmap="viridis", vmin=0, vmax=1)),
    ("xarray RGB DataArray", lambda: tp.decolorize(xr.DataArray(rgb, dims=("y", "x", "band")), cmap="viridis", vmin=0, vmax=1)),
    ("vmin > vmax", lambda: tp.decolorize(rgb, cmap="viridis", vmin=1, vmax=0)),
    ("vmin == vmax", lambda: tp.decolorize(rgb, cmap="viridis", vmin=1, vmax=1)),
    ("NaN vmax", lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=np.nan)),
    ("Decolorizer(cv2.COLORMAP_TURBO)", lambda: tp.Decolorizer(cv2.COLORMAP_TURBO, vmin=0, vmax=255)),
    ("empty (0,0,3)", lambda: tp.decolorize(np.zeros((0, 0, 3), np.uint8), cmap="viridis", vmin=0, vmax=1)),
    ("(H,W,2)", lambda: tp.decolorize(np.zeros((8, 8, 2), np.uint8), cmap="viridis", vmin=0, vmax=1)),
    ("tp.find_colorbars", lambda: tp.find_colorbars(rgb)),
    ("step=0", lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1, step=0)),
    ("threshold=-1", lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1, threshold=-1)),
    ("alpha=0", lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1, alpha=0)),
    ("facecolor='nope'", lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1, alpha=0.5, facecolor="nope")),
]
good = 0; n_err = 0
for name, fn in cases:
    out, err, ws = call(fn)
    if err:
        n_err += 1
        one = "\n" not in err; exp = "expected" in err.lower(); tpcls = err.split(":")[0] in dir(tp.errors) or err.startswith(("UnknownColormap", "Input", "Shape", "Unsupported", "OutOfRange", "Read", "UnknownFormat"))
        ok = one and tpcls and ("expected" in err.lower() or "did you mean" in err.lower() or "pass" in err.lower())
        good += ok
        print(f"{'GOOD' if ok else 'BAD '} {name:34} {err[:300]}", flush=True)
    else:
        kind = type(out).__name__
        extra = f" NaN {100*np.isnan(out).mean():.1f}%" if isinstance(out, np.ndarray) and out.dtype.kind == "f" else ""
        print(f"ACCEPTED {name:30} -> {kind}{getattr(out, 'shape', '')}{extra}  warnings: {' | '.join(w[:160] for w in ws) or '-'}", flush=True)
print(f"\n{good}/{n_err} errors good; {len(cases) - n_err} accepted")

"""Part 2: (A) errors and warnings on the bad inputs Part 2's sources hand out (a Figure object, skimage floats in 0..255,
np.round(...) without astype, masked arrays, cmocean/colorcet names without the catalog prefix, astropy ImageNormalize
without data, norm strings, paths, ...): one line "expected ..., got ...", never an internal exception's text.
(B) speed: the first call in a fresh process (`python -c`, the import counted, CPU of the child by rusage) on a 1 MP
exact PNG and JPEG q75 (viridis, smooth field), beside the k-d tree's (scipy import + tree + query); warm MP per CPU
second on a 4 MP (2000x2000) JPEG q75, smooth and real fields, viridis and jet, through one warm Decolorizer (best of 3)."""
import io, os, sys, time, resource, subprocess, tempfile, pathlib, numpy as np, matplotlib as mpl, matplotlib.pyplot as plt, truepix as tp, cv2
from PIL import Image
from _p5 import c, F, call, wshort, header, err_ok, cpu, score, kd

header(__doc__.splitlines()[0])
f = c.smooth_fields(256)["bumps"]; rgb = mpl.colormaps["viridis"](f, bytes=True)[..., :3]
tmp = tempfile.mkdtemp(); pth = os.path.join(tmp, "p.png"); Image.fromarray(rgb).save(pth)
fg, ax = plt.subplots(); im = ax.imshow(f, cmap="viridis"); fg.colorbar(im)
from astropy.visualization import ImageNormalize, SqrtStretch
import skimage.transform
cases = [
    ("matplotlib Figure object", lambda: tp.decolorize(fg, cmap="viridis", vmin=0, vmax=1)),
    ("AxesImage object", lambda: tp.decolorize(im, cmap="viridis", vmin=0, vmax=1)),
    ("skimage rescale preserve_range float 0..255", lambda: tp.decolorize(skimage.transform.rescale(rgb, 0.5, channel_axis=-1, preserve_range=True), cmap="viridis", vmin=0, vmax=1)),
    ("np.round(cmap(x)*255) float64 no astype", lambda: tp.decolorize(np.round(mpl.colormaps["viridis"](f) * 255), cmap="viridis", vmin=0, vmax=1)),
    ("int64 RGB 0..255", lambda: tp.decolorize(rgb.astype(np.int64), cmap="viridis", vmin=0, vmax=1)),
    ("masked RGB array", lambda: tp.decolorize(np.ma.masked_equal(rgb, 0), cmap="viridis", vmin=0, vmax=1)),
    ("float RGBA with NaN", lambda: tp.decolorize(np.where(f[..., None] > 0.9, np.nan, mpl.colormaps["viridis"](f)), cmap="viridis", vmin=0, vmax=1)),
    ("(H, W, 2) array", lambda: tp.decolorize(rgb[..., :2], cmap="viridis", vmin=0, vmax=1)),
    ("empty (0, 0, 3)", lambda: tp.decolorize(np.zeros((0, 0, 3), np.uint8), cmap="viridis", vmin=0, vmax=1)),
    ("cmap='thermal' (cmocean without prefix)", lambda: tp.decolorize(rgb, cmap="thermal", vmin=0, vmax=1)),
    ("cmap='colorcet:fire'", lambda: tp.decolorize(rgb, cmap="colorcet:fire", vmin=0, vmax=1)),
    ("cmap='cet_fire' (colorcet's mpl name, colorcet not imported)", lambda: tp.decolorize(rgb, cmap="cet_fire", vmin=0, vmax=1)),
    ("cmap='cmo.thermal' (cmocean's mpl name, not imported)", lambda: tp.decolorize(rgb, cmap="cmo.thermal", vmin=0, vmax=1)),
    ("cmap=None", lambda: tp.decolorize(rgb, cmap=None, vmin=0, vmax=1)),
    ("no vmin/vmax, no norm", lambda: tp.decolorize(rgb, cmap="viridis")),
    ("vmin == vmax", lambda: tp.decolorize(rgb, cmap="viridis", vmin=1, vmax=1)),
    ("ImageNormalize() without data (vmin None)", lambda: tp.decolorize(rgb, cmap="viridis", norm=ImageNormalize(stretch=SqrtStretch()))),
    ("ImageNormalize(vmin=0, vmax=1, SqrtStretch)", lambda: tp.decolorize(rgb, cmap="viridis", norm=ImageNormalize(vmin=0, vmax=1, stretch=SqrtStretch()))),
    ("norm='sqrt'", lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1, norm="sqrt")),
    ("norm=LogNorm() with vmin=0", lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1, norm=mpl.colors.LogNorm())),
    ("str path", lambda: tp.decolorize(pth, cmap="viridis", vmin=0, vmax=1)),
    ("pathlib.Path", lambda: tp.decolorize(pathlib.Path(pth), cmap="viridis", vmin=0, vmax=1)),
    ("PNG bytes", lambda: tp.decolorize(open(pth, "rb").read(), cmap="viridis", vmin=0, vmax=1)),
    ("step='1'", lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1, step="1")),
    ("PIL 'I;16' image", lambda: tp.decolorize(Image.fromarray((f * 65535).astype(np.uint16)), cmap="gray", vmin=0, vmax=1)),
    ("python nested list (N,3)", lambda: tp.decolorize(rgb[0, :10].tolist(), cmap="viridis", vmin=0, vmax=1)),
    ("Decolorizer('viridis') then .decode(None)", lambda: tp.Decolorizer("viridis", vmin=0, vmax=1).decode(None)),
    ("identify_colormap(all white)", lambda: tp.identify_colormap(np.full((64, 64, 3), 255, np.uint8))),
    ("find_colorbar(float 0..255)", lambda: tp.find_colorbar(rgb.astype(float))),
    ("read_figure(missing path)", lambda: tp.read_figure(os.path.join(tmp, "nope.png"))),
    ("read_figure(all-data picture, no bar)", lambda: tp.read_figure(rgb)),
    ("read_figure(Figure object)", lambda: tp.read_figure(fg)),
]
print("(A) errors / warnings")
n_ok = n_err = 0
for nm, fn in cases:
    out, err, ws = call(fn)
    if err:
        n_err += 1; ok = err_ok(err); n_ok += ok
        print(f"  {nm:58} {'OK ' if ok else 'BAD'} len {len(err):4} {err[:300]!r}", flush=True)
    else:
        desc = type(out).__name__
        if isinstance(out, np.ndarray): desc += f" {out.shape} NaN {100*np.isnan(out).mean():.1f}%" if out.dtype.kind == 'f' else f" {out.shape}"
        elif isinstance(out, list): desc += f" {[(getattr(x, 'name', x), round(getattr(x, 'score', 0), 3)) for x in out[:3]]}"
        elif hasattr(out, "panels"): desc += f" panels {len(out.panels)} " + (f"conf {out.panels[0].data.attrs.get('confidence')} cmap {out.panels[0].data.attrs.get('cmap')} doubts {str(out.panels[0].data.attrs.get('doubts'))[:120]!r}" if out.panels else "")
        print(f"  {nm:58} ACCEPTED -> {desc} | warnings: {wshort(ws, 200)}", flush=True)
print(f"errors raised {n_err}, one-line 'expected' and no internal type {n_ok}")

print("\n(B) speed; load", open("/proc/loadavg").read().split()[:3])
f1 = F.smooth(1000, 1000, seed=3); ex = mpl.colormaps["viridis"](f1, bytes=True)[..., :3]
np.save(os.path.join(tmp, "ex.npy"), ex); np.save(os.path.join(tmp, "jp.npy"), c.jpeg(ex, 75))
env = dict(os.environ, NUMBA_NUM_THREADS="1")
def child(code):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN); w0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime), time.perf_counter() - w0, (p.stdout + p.stderr).strip()[-200:]
for kind in ("ex", "jp"):
    for rep in range(2):
        tp_cpu, tp_wall, o1 = child(f"import numpy as np, truepix as tp; p = np.load('{tmp}/{kind}.npy'); v = tp.decolorize(p, cmap='viridis', vmin=0, vmax=1); print(float(np.isnan(v).mean()))")
        kd_cpu, kd_wall, o2 = child(f"import numpy as np, matplotlib as mpl; from scipy.spatial import cKDTree; p = np.load('{tmp}/{kind}.npy'); lut = mpl.colormaps['viridis'](np.linspace(0, 1, 256), bytes=True)[:, :3].astype(float); i = cKDTree(lut).query(p.reshape(-1, 3).astype(float))[1]; print(i.shape)")
        print(f"  cold 1 MP {'exact PNG' if kind == 'ex' else 'JPEG q75'} run {rep}: truepix {tp_cpu:.2f} s CPU ({tp_wall:.2f} s wall, {1/tp_cpu:.2f} MP/CPU-s incl. import) [{o1}] | k-d tree {kd_cpu:.2f} s CPU ({kd_wall:.2f} s wall)", flush=True)
print("  warm 4 MP JPEG q75 (2000x2000), one Decolorizer each, best of 3 CPU:")
big_real = np.clip(cv2.resize(c.real_fields(512)["dem_jacksboro"].astype(np.float32), (2000, 2000), interpolation=cv2.INTER_CUBIC).astype(float), 0, 1)
for fn, fld in (("smooth", F.smooth(2000, 2000, seed=4)), ("dem up", big_real)):
    for m in ("viridis", "jet"):
        pic = c.jpeg(mpl.colormaps[m](fld, bytes=True)[..., :3], 75); dec = tp.Decolorizer(m, vmin=0, vmax=1)
        t0 = cpu(); v = dec.values(pic); first = cpu() - t0; best = 1e9
        for _ in range(3):
            t0 = cpu(); dec.values(pic); best = min(best, cpu() - t0)
        mt, _, ht = score(v, fld); mb, _, _ = score(kd(m)(pic), fld)
        print(f"    {fn:7}{m:8} first {first:.2f} s, warm {best:.3f} s CPU = {4.0/best:.1f} MP/CPU-s; holes {100*ht:.3f}% ratio {mt/mb:.3f}  load {open('/proc/loadavg').read().split()[:3]}", flush=True)

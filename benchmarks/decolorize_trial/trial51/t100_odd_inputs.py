"""Part 2: bad or odd inputs new to trial 50's t87 list (a few of the brief's examples repeat t87's: marked "t87").
For each: the error class, message length, whether it reads "expected ..., got ..." (one line, no bare internal exception),
or, when it returns, what came back (shape, dtype, NaN share, MAE of the data pixels against the truth)."""
import os, io, pathlib, tempfile, numpy as np, matplotlib as mpl, cv2, truepix as tp
from PIL import Image
from _p6 import c, call, wshort, header, err_ok, fbm

header(__doc__.splitlines()[0])
f = fbm(64); rgb = c.render(f, "viridis"); rgba = mpl.colormaps["viridis"](f, bytes=True)
tmp = tempfile.mkdtemp(); pth = os.path.join(tmp, "p.png"); Image.fromarray(rgb).save(pth)
cm = os.path.join(tmp, "cmyk.jpg"); Image.fromarray(rgb).convert("CMYK").save(cm, quality=95)
p16 = os.path.join(tmp, "p16.png"); cv2.imwrite(p16, (rgb[..., ::-1].astype(np.uint16) * 257))
u16 = cv2.imread(p16, cv2.IMREAD_UNCHANGED)
np.save(os.path.join(tmp, "m.npy"), rgb); mm = np.load(os.path.join(tmp, "m.npy"), mmap_mode="r")
a0 = rgba.copy(); a0[..., 3] = 0
V = dict(cmap="viridis", vmin=0, vmax=1)
cases = [
    ("RGBA all alpha 0", lambda: tp.decolorize(a0, **V)),
    ("identify_colormap(RGBA all alpha 0)", lambda: tp.identify_colormap(a0)),
    ("1x1 uint8 picture", lambda: tp.decolorize(rgb[:1, :1], **V)),
    ("1x1 float RGBA picture", lambda: tp.decolorize(mpl.colormaps["viridis"](f[:1, :1]), **V)),
    ("identify_colormap(1x1)", lambda: tp.identify_colormap(rgb[:1, :1])),
    ("read_figure(1x1)", lambda: tp.read_figure(rgb[:1, :1])),
    ("(H, W, 2) array [t87]", lambda: tp.decolorize(rgb[..., :2], **V)),
    ("float16 RGB in [0,1]", lambda: tp.decolorize((rgb / 255).astype(np.float16), **V)),
    ("bool RGB", lambda: tp.decolorize(rgb > 127, **V)),
    ("uint32 RGB", lambda: tp.decolorize(rgb.astype(np.uint32), **V)),
    ("complex RGB", lambda: tp.decolorize(rgb.astype(np.complex64), **V)),
    ("str path [t87]", lambda: tp.decolorize(pth, **V)),
    ("open PIL RGB image (PNG)", lambda: tp.decolorize(Image.open(pth), **V)),
    ("open PIL RGBA image", lambda: tp.decolorize(Image.fromarray(rgba), **V)),
    ("open PIL CMYK JPEG image", lambda: tp.decolorize(Image.open(cm), **V)),
    ("np.asarray(PIL CMYK JPEG) (H,W,4)", lambda: tp.decolorize(np.asarray(Image.open(cm)), **V)),
    ("read_figure(CMYK JPEG path)", lambda: tp.read_figure(cm)),
    ("cv2 IMREAD_UNCHANGED 16-bit PNG (BGR uint16) as is", lambda: tp.decolorize(u16, **V)),
    ("cv2 16-bit PNG -> cvtColor BGR2RGB", lambda: tp.decolorize(cv2.cvtColor(u16, cv2.COLOR_BGR2RGB), **V)),
    ("non-contiguous view rgb[::2, ::-1]", lambda: tp.decolorize(rgb[::2, ::-1], **V)),
    ("read-only np.load mmap", lambda: tp.decolorize(mm, **V)),
    ("float RGB 0..1 + 1e-6 overshoot (resize)", lambda: tp.decolorize(np.clip(rgb / 255 + 1e-6, 0, 1.000001), **V)),
    ("vmin == vmax [t87]", lambda: tp.decolorize(rgb, cmap="viridis", vmin=1, vmax=1)),
    ("vmin > vmax", lambda: tp.decolorize(rgb, cmap="viridis", vmin=1, vmax=0)),
    ("vmin = -inf", lambda: tp.decolorize(rgb, cmap="viridis", vmin=-np.inf, vmax=1)),
    ("vmin = '0' (str)", lambda: tp.decolorize(rgb, cmap="viridis", vmin="0", vmax=1)),
    ("norm='log' with vmin<0", lambda: tp.decolorize(rgb, cmap="viridis", vmin=-1, vmax=10, norm="log")),
    ("norm=LogNorm(-1, 10)", lambda: tp.decolorize(rgb, cmap="viridis", norm=mpl.colors.LogNorm(-1, 10))),
    ("norm='LOG'", lambda: tp.decolorize(rgb, cmap="viridis", vmin=1, vmax=10, norm="LOG")),
    ("cmap typo 'virdis'", lambda: tp.decolorize(rgb, cmap="virdis", vmin=0, vmax=1)),
    ("cmap typo 'opencv:jte'", lambda: tp.decolorize(rgb, cmap="opencv:jte", vmin=0, vmax=1)),
    ("cmap 'Viridis' (case)", lambda: tp.decolorize(rgb, cmap="Viridis", vmin=0, vmax=1)),
    ("cmap 'viridis ' (trailing space)", lambda: tp.decolorize(rgb, cmap="viridis ", vmin=0, vmax=1)),
    ("cmap ListedColormap of 5 colors on a continuous picture", lambda: tp.decolorize(rgb, cmap=mpl.colors.ListedColormap(["k", "b", "g", "y", "w"]), vmin=0, vmax=1)),
    ("cmap python list of int triples 0..255", lambda: tp.decolorize(rgb, cmap=mpl.colormaps["viridis"](np.linspace(0, 1, 256), bytes=True)[:, :3].tolist(), vmin=0, vmax=1)),
    ("cmap (N,3) table float 0..255", lambda: tp.decolorize(rgb, cmap=mpl.colormaps["viridis"](np.linspace(0, 1, 256))[:, :3] * 255, vmin=0, vmax=1)),
    ("gray (H,W) uint8 with cmap='viridis'", lambda: tp.decolorize(rgb[..., 0], **V)),
    ("(3,3) uint8 with cmap='gray'", lambda: tp.decolorize(np.full((3, 3), 128, np.uint8), cmap="gray", vmin=0, vmax=1)),
    ("step=-1", lambda: tp.decolorize(rgb, cmap="viridis", vmin=0, vmax=1, step=-1)),
    ("Decolorizer(...).decode(path str)", lambda: tp.Decolorizer("viridis", vmin=0, vmax=1).decode(pth)),
    ("identify_colormap(top=0)", lambda: tp.identify_colormap(rgb, top=0)),
    ("identify_colormap(PIL RGB image)", lambda: tp.identify_colormap(Image.open(pth))),
    ("find_colorbar(PIL image)", lambda: tp.find_colorbar(Image.open(pth))),
    ("read_figure(PIL image)", lambda: tp.read_figure(Image.open(pth))),
    ("read_figure(pathlib dir)", lambda: tp.read_figure(pathlib.Path(tmp))),
]
print("(name) -> OK/BAD (one line, 'expected ... got', truepix class) | class | len | message  /  or what came back")
n = nok = 0
for nm, fn in cases:
    out, err, ws = call(fn)
    if err:
        n += 1; ok = err_ok(err); nok += ok
        cls = err.split(":")[0]
        print(f"  {nm:55} {'OK ' if ok else 'BAD'} {cls:24} len {len(err):4} {err[len(cls)+2:][:260]!r} | {wshort(ws, 120)}", flush=True)
    else:
        desc = type(out).__name__
        if isinstance(out, np.ndarray) and out.dtype.kind == "f":
            desc += f" {out.shape} NaN {100*np.isnan(out).mean():.1f}%"
            if out.shape == f.shape: desc += f" MAE {100*np.nanmean(np.abs(out - f)):.3f}% (kd-ish floor ~0.1%)"
            elif out.shape == f[::2].shape: desc += f" MAE vs flipped {100*np.nanmean(np.abs(out - f[::2, ::-1])):.3f}%"
        elif isinstance(out, list): desc += " " + str([(x.name, round(x.score, 3)) for x in out[:2]])
        elif hasattr(out, "panels"): desc += f" panels {len(out.panels)}"
        print(f"  {nm:55} RETURNED {desc} | warnings: {wshort(ws, 160)}", flush=True)
print(f"\nraised {n}, of them one-line 'expected ... got' with a truepix class: {nok}")

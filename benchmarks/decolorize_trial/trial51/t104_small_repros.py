"""Minimal repros for t99 / t100's silent cases: a truncated JPEG through tp.load (what the CLI reads) and read_figure; a CMYK
JPEG (Pillow writes one from .convert("CMYK")) as the open PIL image, its np.asarray, and the path through the CLI loader
(tp.load); an all-transparent RGBA; a (3, 3) gray array."""
import io, os, tempfile, numpy as np, matplotlib as mpl, truepix as tp
from PIL import Image
from _p6 import call, wshort, header, fbm, c

header(__doc__.splitlines()[0])
f = fbm(128); rgb = c.render(f, "viridis"); d = tempfile.mkdtemp()
b = io.BytesIO(); Image.fromarray(rgb).save(b, "JPEG", quality=75); raw = b.getvalue()
tj = os.path.join(d, "trunc.jpg"); open(tj, "wb").write(raw[: len(raw) // 3])
a, err, ws = call(lambda: tp.load(tj))
print(f"tp.load(truncated JPEG, 1/3 of its bytes): {'ERROR ' + err if a is None else f'{a.shape} {a.dtype}, rows all gray 128? {np.mean(np.all(a == a[-1, -1], axis=-1)):.2f} of pixels equal the last one {a[-1, -1].tolist()}'} | {wshort(ws)}")
if a is not None:
    v, err, ws = call(lambda: tp.decolorize(a, cmap="viridis", vmin=0, vmax=1)); print(f"  decolorize of it: NaN {100*np.isnan(v).mean():.1f}% | {wshort(ws, 200)}")
r, err, ws = call(lambda: tp.read_figure(tj)); print(f"read_figure(truncated JPEG): {err or 'returned'}")
with Image.open(io.BytesIO(raw)) as im: im.load()
cm = os.path.join(d, "cmyk.jpg"); Image.fromarray(rgb).convert("CMYK").save(cm, quality=95)
pim = Image.open(cm); print(f"CMYK JPEG: PIL mode {pim.mode}; np.asarray shape {np.asarray(pim).shape}, channel 4 (K) range {np.asarray(pim)[..., 3].min()}..{np.asarray(pim)[..., 3].max()}")
for nm, fn in (("decolorize(PIL CMYK image)", lambda: tp.decolorize(pim, cmap="viridis", vmin=0, vmax=1)),
               ("decolorize(np.asarray(CMYK))", lambda: tp.decolorize(np.asarray(pim), cmap="viridis", vmin=0, vmax=1)),
               ("decolorize(PIL CMYK .convert('RGB'))", lambda: tp.decolorize(pim.convert("RGB"), cmap="viridis", vmin=0, vmax=1)),
               ("identify_colormap(PIL CMYK image)", lambda: tp.identify_colormap(pim)),
               ("tp.load(CMYK JPEG path)", lambda: tp.load(cm)),
               ("decolorize(tp.load(CMYK JPEG path))", lambda: tp.decolorize(tp.load(cm), cmap="viridis", vmin=0, vmax=1)),
               ("decolorize(all-transparent RGBA)", lambda: tp.decolorize(np.zeros((8, 8, 4), np.uint8), cmap="viridis", vmin=0, vmax=1)),
               ("decolorize((3, 3) uint8 of 128, cmap='gray')", lambda: tp.decolorize(np.full((3, 3), 128, np.uint8), cmap="gray", vmin=0, vmax=1)),
               ("decolorize((4, 3) uint8 gray ramp rows, cmap='gray')", lambda: tp.decolorize(np.repeat(np.arange(0, 256, 64, dtype=np.uint8)[:, None], 3, 1), cmap="gray", vmin=0, vmax=1))):
    out, err, ws = call(fn)
    if err: print(f"{nm}: ERROR {err[:200]}"); continue
    if isinstance(out, np.ndarray) and out.dtype.kind == "f": desc = f"{out.shape} NaN {100*np.isnan(out).mean():.1f}%" + (f" MAE {100*np.nanmean(np.abs(out - f)):.2f}%" if out.shape == f.shape and np.isfinite(out).any() else "")
    elif isinstance(out, np.ndarray): desc = f"{out.shape} {out.dtype}"
    else: desc = str([(x.name, round(x.score, 3)) for x in out[:2]])
    print(f"{nm}: {desc} | warnings: {wshort(ws, 200)}")

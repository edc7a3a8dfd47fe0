"""Part 2: bad or odd inputs from Part 2's sources, each a DEFAULT call: one line "expected ..., got ..." (never an
internal exception's text)? warnings naming the right cause? Lines: what was called -> result / error / warnings."""
import io, numpy as np, cv2, matplotlib as mpl, matplotlib.colors as mc, matplotlib.pyplot as plt, truepix as tp
from PIL import Image
from _p4 import c, call, header

header(__doc__.splitlines()[0])
f = c.crop(c.real_fields(256)["camera"], 256)
ex = mpl.colormaps["viridis"](f, bytes=True)[..., :3]
u16 = (mpl.colormaps["viridis"](f)[..., :3] * 65535).astype(np.uint16)
g = io.BytesIO(); Image.fromarray(ex).save(g, format="GIF"); gif = g.getvalue(); gim = Image.open(io.BytesIO(gif))
jb = io.BytesIO(); Image.fromarray(ex).save(jb, format="JPEG", quality=75)
def show(tag, fn):
    out, err, ws = call(fn)
    if err:
        n = err.count("\n") + 1; print(f"{tag:60} -> {err[:300]!r} ({n} line{'s' if n > 1 else ''})")
    else:
        desc = type(out).__name__
        if isinstance(out, np.ndarray): desc += f" {out.shape} NaN {100*np.isnan(out).mean():.1f}%" if out.dtype.kind == "f" else f" {out.shape}"
        print(f"{tag:60} -> OK {desc}")
    for w in ws: print(f"{'':62}warn {w[:300]!r}")
show("decolorize(16-bit BGR from cv2.imread, not flipped)", lambda: tp.decolorize(u16[..., ::-1].copy(), cmap="viridis", vmin=0, vmax=1))
show("decolorize(8-bit BGR, viridis)", lambda: tp.decolorize(ex[..., ::-1].copy(), cmap="viridis", vmin=0, vmax=1))
show("decolorize(GIF bytes)", lambda: tp.decolorize(gif, cmap="viridis", vmin=0, vmax=1))
show("decolorize('x.gif' path str)", lambda: tp.decolorize("x.gif", cmap="viridis", vmin=0, vmax=1))
show("decolorize(Pillow 'P' GIF image)", lambda: tp.decolorize(gim, cmap="viridis", vmin=0, vmax=1))
show("decolorize(Pillow RGB image)", lambda: tp.decolorize(Image.fromarray(ex), cmap="viridis", vmin=0, vmax=1))
show("decolorize(Pillow 'L' image, gray map)", lambda: tp.decolorize(Image.fromarray(ex[..., 0]), cmap="gray", vmin=0, vmax=1))
show("decolorize(JPEG bytes)", lambda: tp.decolorize(jb.getvalue(), cmap="viridis", vmin=0, vmax=1))
show("decolorize(norm=LogNorm(1,1e4), vmin=1, vmax=1e4) agree", lambda: tp.decolorize(ex, cmap="viridis", norm=mc.LogNorm(1, 1e4), vmin=1, vmax=1e4))
show("decolorize(norm=LogNorm(1,1e4), vmin=0, vmax=1)", lambda: tp.decolorize(ex, cmap="viridis", norm=mc.LogNorm(1, 1e4), vmin=0, vmax=1))
show("decolorize(norm=LogNorm() unscaled)", lambda: tp.decolorize(ex, cmap="viridis", norm=mc.LogNorm()))
show("decolorize(norm=SymLogNorm(1) unscaled, vmin=-10, vmax=10)", lambda: tp.decolorize(ex, cmap="viridis", norm=mc.SymLogNorm(1), vmin=-10, vmax=10))
show("decolorize(norm=BoundaryNorm([0,1,2],256))", lambda: tp.decolorize(ex, cmap="viridis", norm=mc.BoundaryNorm([0, 1, 2], 256)))
show("decolorize(norm=BoundaryNorm(ncolors=10), extend both)", lambda: tp.decolorize(ex, cmap="viridis", norm=mc.BoundaryNorm([0, 1, 2, 3], 10, extend="both")))
show("decolorize(norm='symlog', vmin=-1, vmax=1)", lambda: tp.decolorize(ex, cmap="viridis", norm="symlog", vmin=-1, vmax=1))
show("decolorize(cmap=plt.get_cmap('viridis', 10), vmin=0, vmax=9)", lambda: tp.decolorize(ex, cmap=plt.get_cmap("viridis", 10), vmin=0, vmax=9))
show("decolorize(step=0)", lambda: tp.decolorize(ex, cmap="viridis", vmin=0, vmax=9, step=0))
show("decolorize(step=-1)", lambda: tp.decolorize(ex, cmap="viridis", vmin=0, vmax=9, step=-1))
show("decolorize(vmin=np.nan, vmax=1)", lambda: tp.decolorize(ex, cmap="viridis", vmin=np.nan, vmax=1))
show("decolorize(vmin='0', vmax='1')", lambda: tp.decolorize(ex, cmap="viridis", vmin="0", vmax="1"))
show("decolorize(4096x4096 uint8 gray, cmap viridis)", lambda: tp.decolorize(np.zeros((64, 64), np.uint8), cmap="viridis", vmin=0, vmax=1))
show("decolorize(float16 RGB)", lambda: tp.decolorize(ex.astype(np.float16) / 255, cmap="viridis", vmin=0, vmax=1))
show("decolorize(bool RGB)", lambda: tp.decolorize(ex > 128, cmap="viridis", vmin=0, vmax=1))
show("decolorize(empty (0,0,3))", lambda: tp.decolorize(np.zeros((0, 0, 3), np.uint8), cmap="viridis", vmin=0, vmax=1))
show("decolorize(RGBA all alpha 0)", lambda: tp.decolorize(np.zeros((8, 8, 4), np.uint8), cmap="viridis", vmin=0, vmax=1))
show("decolorize(cmap=cv2.COLORMAP_JET)", lambda: tp.decolorize(ex, cmap=cv2.COLORMAP_JET, vmin=0, vmax=1))
show("decolorize(cmap='jet_r ')", lambda: tp.decolorize(ex, cmap="jet_r ", vmin=0, vmax=1))
show("decolorize(cmap='cartopy:...' / 'cmocean.thermal')", lambda: tp.decolorize(ex, cmap="cmocean.thermal", vmin=0, vmax=1))
show("identify_colormap(GIF 'P' image)", lambda: [(m.name, round(m.score, 3)) for m in tp.identify_colormap(gim, top=2)])
show("identify_colormap(16-bit BGR)", lambda: [(m.name, round(m.score, 3)) for m in tp.identify_colormap(u16[..., ::-1].copy(), top=2)])
show("find_colorbar(all-data picture)", lambda: tp.find_colorbar(ex))
show("read_figure(GIF bytes)", lambda: tp.read_figure(gif))
show("read_figure('nosuch.png')", lambda: tp.read_figure("nosuch.png"))
show("read_figure(b'')", lambda: tp.read_figure(b""))
show("read_figure(all-data picture, no colorbar)", lambda: [(p.data.attrs.get("cmap"), p.data.attrs.get("confidence")) for p in tp.read_figure(ex).panels])
try:
    import dask.array as da
    show("decolorize(dask (3,H,W) channels-first)", lambda: tp.decolorize(da.from_array(np.moveaxis(ex, -1, 0)), cmap="viridis", vmin=0, vmax=1))
    show("decolorize(dask uint8, channel split in chunks)", lambda: tp.decolorize(da.from_array(ex, chunks=(128, 128, 1)), cmap="viridis", vmin=0, vmax=1).compute())
    show("decolorize(dask int64)", lambda: tp.decolorize(da.from_array(ex.astype(np.int64)), cmap="viridis", vmin=0, vmax=1))
except ImportError as e:
    print("dask missing", e)

"""trial55 Part 2: inputs made the way other tools make them, the default call by name (one case per run: ONLY=A..M).
A tricontourf of scattered points; B hexbin (white gaps); C pcolormesh(edgecolors="k", linewidth=0.5); D under / over /
bad colours + extend="both", by name and with the Colormap object; E `cmap.resampled(10)` decoded by name (the hint);
F sns.clustermap; G imshow of a 2000x2000 array into a default axes, then JPEG; H skimage / imageio writes of float
RGBA; I Pillow WebP q80 / AVIF of a whole figure; J FuncAnimation + PillowWriter GIF, frame by frame and whole;
K xarray facet plot (4 panels, one colorbar) through read_figure; L a HiDPI 1.5x bilinear screenshot + read_figure.
Truth: the figure drawn again with `gray` (bad / face red, inks blue): positions (g + .5) / 256 where gray."""
import io, os, sys, pathlib
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "trial54"))
from _p8 import header, dec_any, pil_rgb, fig_bytes, fbm, plot_slice, call, cpu, jpeg_pil, truth_of_gray, wshort, mscore  # noqa
from _p8 import HEAD8, summary  # noqa
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt, matplotlib as mpl
from PIL import Image
import truepix as tp

ONLY = os.environ.get("ONLY", "ABCDEFGHIJKLM")
RED = (1, 0, 0)
GRAY = mpl.colormaps["gray"].with_extremes(bad=RED, under=RED, over=RED)
Q = (("png", None), ("q75", 75))
header(f"t200 new inputs {ONLY}")
print(HEAD8, flush=True)


def pics(make, dpi=100, quals=Q):
    """make(cmap, ink, face) -> (fig, ax, norm); returns {label: rgb}, truth (full picture), ink mask, slice, norm."""
    out = {}
    fg, ax, nm = make(None, "k", None)
    for lab, q in quals:
        kw = {} if q is None else {"pil_kwargs": {"quality": q}}
        out[lab] = pil_rgb(fig_bytes(fg, "png" if q is None else "jpeg", dpi=dpi, **kw))
    sl = plot_slice(fg, ax, out["png"].shape); plt.close(fg)
    fg, ax, _ = make(GRAY, (0, 0, 1), RED)
    g = pil_rgb(fig_bytes(fg, "png", dpi=dpi)); plt.close(fg)
    gp = g.astype(np.int16)
    ink = (gp[..., 2] - np.maximum(gp[..., 0], gp[..., 1])) > 60
    return out, truth_of_gray(g), ink, sl, nm


def run(tag, make, m, quals=Q, rf=False, **extra):
    ps, truth, ink, sl, nm = pics(make, quals=quals)
    rows = []
    for lab, pic in ps.items():
        kw = dict(vmin=float(nm.vmin), vmax=float(nm.vmax)); kw.update(extra)
        dec_any(f"{tag} {lab}", pic, truth[sl], m, sl=sl, ink=ink[sl], rows=rows, **kw)
        if rf:
            rfig(f"{tag} {lab} read_figure", pic, truth, sl, nm)
    return rows


def rfig(tag, pic, truth, sl, nm, i=0):
    from _p8 import rf_pixels, rf_line
    t0 = cpu(); rd, err, ws = call(lambda: tp.read_figure(pic)); dt = cpu() - t0
    if rd is None:
        print(f"  {tag}: ERROR {err} ({dt:.1f} s)", flush=True); return
    est = (rf_pixels(rd, pic.shape, i)[sl] - nm.vmin) / (nm.vmax - nm.vmin)
    mt, pt, ht = mscore(est, truth[sl])
    print(f"  {tag}: {len(rd.panels)} panels; panel {i} holes {100*ht:.3f} % MAE {100*mt:.3f} % p99 {100*pt:.2f} "
          f"({dt:.1f} s CPU) | {rf_line(rd)[:400]} | {wshort(ws, 120)}", flush=True)


if os.environ.get("DRY"):  # smoke test of the pictures alone: no decoding
    class _R:
        def __init__(self, p):
            p = np.asarray(p); self.values = np.zeros(p.shape[:-1]); self.over = self.under = self.values > 0

    class _Stub:
        def decolorize(self, p, **k): return np.zeros(np.asarray(p).shape[:-1])
        def Decolorizer(self, *a, **k):
            class D:
                def decode(self, p): return _R(p)
            return D()
        def read_figure(self, p): raise RuntimeError("dry")
        def identify_colormap(self, p): raise RuntimeError("dry")
    tp = _Stub()
    def dec_any(tag, *a, **k):
        t = np.asarray(a[1]); i = k.get("ink")
        print("dry", tag, np.asarray(a[0]).shape, f"truth finite {np.isfinite(t).mean():.3f} of {t.shape} range "
              f"{np.nanmin(t):.3f}..{np.nanmax(t):.3f} ink {0 if i is None else i.mean():.4f}", flush=True)

rng = np.random.default_rng(55)
f = fbm(256, seed=55)

if "A" in ONLY:  # tricontourf of scattered samples, 12 levels (banded), and 64 levels
    x, y = rng.uniform(0, 1, 600), rng.uniform(0, 1, 600)
    z = np.sin(3 * x) * np.cos(4 * y) + 0.3 * x
    for m in ("viridis", "jet", "RdBu_r"):
        for nl in (12, 64):
            def make(cm, ink, face, m=m, nl=nl):
                fg, ax = plt.subplots()
                if face: ax.set_facecolor(face)
                cs = ax.tricontourf(x, y, z, levels=nl, cmap=cm or m); fg.colorbar(cs)
                return fg, ax, cs.norm
            run(f"A tricontourf {nl} levels {m}", make, m)

if "B" in ONLY:  # hexbin: hexagons with white gaps (axes face), counts
    x, y = rng.normal(size=20000), rng.normal(size=20000)
    for m in ("viridis", "jet", "magma"):
        for gs in (25, 60):
            def make(cm, ink, face, m=m, gs=gs):
                fg, ax = plt.subplots()
                if face: ax.set_facecolor(face)
                hb = ax.hexbin(x, y, gridsize=gs, cmap=cm or m); fg.colorbar(hb)
                return fg, ax, hb.norm
            run(f"B hexbin gridsize {gs} {m}", make, m)

if "C" in ONLY:  # pcolormesh with black cell borders
    d = rng.uniform(size=(16, 24))
    for m in ("viridis", "jet", "magma", "RdBu_r"):
        for lw in (0.5, 1.0):
            def make(cm, ink, face, m=m, lw=lw):
                fg, ax = plt.subplots()
                if face: ax.set_facecolor(face)
                pm = ax.pcolormesh(d, cmap=cm or m, edgecolors=ink, linewidth=lw); fg.colorbar(pm)
                return fg, ax, pm.norm
            run(f"C pcolormesh edges k lw {lw} {m}", make, m)

if "D" in ONLY:  # under / over / bad colours, extend="both"; by name, then with the object
    fm = np.ma.masked_where(f > 0.9, f)
    for m, ext in (("viridis", dict(under="white", over="magenta", bad="0.5")),
                   ("jet", dict(under="white", over="black", bad="0.8")),
                   ("magma", dict(under="cyan", over="lime", bad="white"))):
        cmo = mpl.colormaps[m].with_extremes(**ext)
        def make(cm, ink, face, cmo=cmo):
            fg, ax = plt.subplots()
            if face: ax.set_facecolor(face)
            im = ax.imshow(fm, cmap=cm or cmo, vmin=0.2, vmax=0.75); fg.colorbar(im, extend="both")
            return fg, ax, im.norm
        ps, truth, ink, sl, nm = pics(make)
        for lab, pic in ps.items():
            for route, cm in (("name", m), ("object", cmo)):
                v, err, ws = call(lambda: tp.Decolorizer(cm, vmin=0.2, vmax=0.75).decode(pic))
                dec_any(f"D {m} {ext} {route} {lab}", pic, truth[sl], cm, sl=sl, info=False, vmin=0.2, vmax=0.75)
                if v is not None:
                    tr = truth[sl]; red = ~np.isfinite(tr)
                    print(f"    over marked {100*np.mean(v.over[sl][red]) if red.any() else 0:.1f} % under marked "
                          f"{100*np.mean(v.under[sl][red]):.1f} % of the non-gray (under+over+bad) plot pixels; "
                          f"NaN there {100*np.isnan(v.values[sl][red]).mean():.1f} %", flush=True)

if "E" in ONLY:  # cmap.resampled(10), decoded by name: the hint, then the hint followed
    for m in ("viridis", "plasma", "RdBu_r"):
        cm10 = mpl.colormaps[m].resampled(10)
        def make(cm, ink, face, cm10=cm10):
            fg, ax = plt.subplots()
            if face: ax.set_facecolor(face)
            im = ax.imshow(f, cmap=cm10 if cm is None else cm.resampled(10), vmin=0, vmax=1); fg.colorbar(im)
            return fg, ax, im.norm
        ps, truth, ink, sl, nm = pics(make)
        lev = np.round(truth[sl] * 9)  # gray.resampled(10)'s level k is drawn at k / 9
        for lab, pic in ps.items():
            for route, cm in (("name", m), ("get_cmap(name, 10)", plt.get_cmap(m, 10))):
                t0 = cpu(); v, err, ws = call(lambda: tp.decolorize(pic, cmap=cm, vmin=0, vmax=1)); dt = cpu() - t0
                vv = v[sl]
                got = np.round(vv * 9) if route == "name" else np.floor(vv * 10).clip(0, 9)
                ok = np.isfinite(lev)
                print(f"E {m} resampled(10) {route} {lab}: holes {100*np.isnan(vv[ok]).mean():.3f} % level right "
                      f"{100*np.mean(got[ok] == lev[ok]):.2f} % ({dt:.2f} s) | {wshort(ws, 220)}", flush=True)

if "F" in ONLY:  # seaborn clustermap
    import seaborn as sns
    d = rng.normal(size=(30, 20)).cumsum(axis=1)
    for m in ("mako", "vlag", "viridis"):
        def make(cm, ink, face, m=m):
            g = sns.clustermap(d, cmap=cm or m, figsize=(7, 7))
            ax = g.ax_heatmap; qm = ax.collections[0]
            if face: ax.set_facecolor(face)
            if cm is not None:
                for a in (g.ax_row_dendrogram, g.ax_col_dendrogram):
                    for c_ in a.collections: c_.set_color(ink)
            return g.figure, ax, qm.norm
        ps, truth, ink, sl, nm = pics(make)
        for lab, pic in ps.items():
            dec_any(f"F clustermap {m} {lab}", pic, truth[sl], m, sl=sl, vmin=float(nm.vmin), vmax=float(nm.vmax))
            rfig(f"F clustermap {m} {lab} read_figure", pic, truth, sl, nm)

if "G" in ONLY:  # a big array into a small axes (matplotlib's antialiasing), then JPEG
    big = fbm(2048, seed=9)[:2000, :2000]
    noisy = np.clip(big + rng.normal(0, 0.05, big.shape), 0, 1)
    for name, arr in (("smooth", big), ("noisy", noisy)):
        for m in ("viridis", "jet", "turbo"):
            def make(cm, ink, face, m=m, arr=arr):
                fg, ax = plt.subplots()
                if face: ax.set_facecolor(face)
                im = ax.imshow(arr, cmap=cm or m, vmin=0, vmax=1); fg.colorbar(im)
                return fg, ax, im.norm
            run(f"G imshow 2000^2 {name} {m}", make, m, quals=Q + (("q90", 90),))

if "H" in ONLY:  # skimage io.imsave / imageio of float RGBA cm.viridis(x)
    import imageio.v3 as iio
    import tempfile
    x = f
    for m in ("viridis", "jet"):
        rgba = mpl.colormaps[m](x)
        with tempfile.TemporaryDirectory() as td:
            for who in ("skimage", "imageio", "imageio uint8", "skimage img_as_ubyte", "imageio np.round"):
                p = os.path.join(td, "a.png")
                def w():
                    if who == "skimage":
                        import skimage.io as skio
                        skio.imsave(p, rgba, check_contrast=False)
                    elif who == "imageio":
                        iio.imwrite(p, rgba)
                    elif who == "skimage img_as_ubyte":
                        import skimage.io as skio, skimage.util as sku
                        skio.imsave(p, sku.img_as_ubyte(rgba), check_contrast=False)
                    elif who == "imageio np.round":
                        iio.imwrite(p, np.round(rgba * 255).astype(np.uint8))
                    else:
                        iio.imwrite(p, (rgba * 255).astype(np.uint8))
                _, err, ws = call(w)
                if err:
                    print(f"H {m} {who}: write ERROR {err[:200]}", flush=True); continue
                print(f"H {m} {who}: write warnings {wshort(ws, 120)}", flush=True)
                pic = iio.imread(p)
                dec_any(f"H {m} {who} png -> iio.imread ({pic.dtype}, {pic.shape[-1]}ch)", pic, x, m, vmin=0.0, vmax=1.0)
        dec_any(f"H {m} float RGBA itself", rgba, x, m, vmin=0.0, vmax=1.0)

if "I" in ONLY:  # whole figure through Pillow WebP q80 (lossy) and AVIF
    for m in ("viridis", "jet", "RdBu_r"):
        def make(cm, ink, face, m=m):
            fg, ax = plt.subplots()
            if face: ax.set_facecolor(face)
            im = ax.imshow(f, cmap=cm or m, vmin=0, vmax=1); fg.colorbar(im)
            return fg, ax, im.norm
        ps, truth, ink, sl, nm = pics(make, quals=(("png", None),))
        src = Image.fromarray(ps["png"])
        for fmt, kw in (("WEBP", dict(quality=80)), ("WEBP", dict(quality=50)), ("AVIF", {}), ("AVIF", dict(quality=50))):
            b = io.BytesIO()
            try:
                src.save(b, fmt, **kw)
            except Exception as e:  # noqa
                print(f"I {fmt} {kw}: Pillow cannot: {e}", flush=True); continue
            pic = pil_rgb(b.getvalue())
            dec_any(f"I {m} {fmt} {kw}", pic, truth[sl], m, sl=sl, vmin=0.0, vmax=1.0)
            if m == "viridis" or kw:
                rfig(f"I {m} {fmt} {kw} read_figure", pic, truth, sl, nm)

if "J" in ONLY:  # FuncAnimation saved as GIF with PillowWriter, read back frame by frame and whole
    from matplotlib.animation import FuncAnimation, PillowWriter
    import imageio.v3 as iio
    import tempfile
    frames = [np.roll(f, 12 * k, axis=1) for k in range(6)]
    for m in ("viridis", "jet"):
        def make(cm, ink, face, m=m):
            fg, ax = plt.subplots(figsize=(4, 3))
            if face: ax.set_facecolor(face)
            im = ax.imshow(frames[0], cmap=cm or m, vmin=0, vmax=1); fg.colorbar(im)
            return fg, ax, im
        fg, ax, im = make(None, "k", None)
        anim = FuncAnimation(fg, lambda k: im.set_data(frames[k]) or (im,), frames=len(frames))
        with tempfile.TemporaryDirectory() as td:
            p = os.path.join(td, "a.gif")
            t0 = cpu(); anim.save(p, writer=PillowWriter(fps=5), dpi=100); print(f"J {m}: GIF saved ({cpu()-t0:.1f} s)")
            stack = iio.imread(p)
            print(f"J {m}: imageio stack {stack.shape} {stack.dtype}", flush=True)
        sl = plot_slice(fg, ax, stack.shape[1:]); plt.close(fg)
        fg, ax, im = make(GRAY, "b", RED); truths = []
        for k in range(len(frames)):
            im.set_data(frames[k]); truths.append(truth_of_gray(pil_rgb(fig_bytes(fg, "png", dpi=100))))
        plt.close(fg)
        rows = []
        for k in range(len(frames)):
            dec_any(f"J {m} GIF frame {k}", stack[k][..., :3], truths[k][sl], m, sl=sl, rows=rows, vmin=0.0, vmax=1.0)
        summary(rows, f"J {m} frames one by one")
        t0 = cpu(); v, err, ws = call(lambda: tp.decolorize(stack, cmap=m, vmin=0.0, vmax=1.0)); dt = cpu() - t0
        if v is None:
            print(f"J {m} whole stack: ERROR {err}", flush=True)
        else:
            hs = [100 * np.mean(np.isnan(v[k][sl])[np.isfinite(truths[k][sl])]) for k in range(len(frames))]
            same = all(np.array_equal(v[k], tp.decolorize(stack[k], cmap=m, vmin=0.0, vmax=1.0), equal_nan=True)
                       for k in range(len(frames)))
            print(f"J {m} whole stack {stack.shape}: holes per frame {[round(h, 3) for h in hs]} %, same as one by one "
                  f"{same} ({dt:.2f} s) | {wshort(ws, 160)}", flush=True)

if "K" in ONLY:  # xarray facet plot: 4 panels, one colorbar -> read_figure
    import xarray as xr
    d4 = np.stack([fbm(128, seed=s) * 30 - 5 for s in range(4)])
    da = xr.DataArray(d4, dims=("t", "y", "x"), coords={"t": [0, 1, 2, 3], "y": np.linspace(40, 50, 128),
                                                      "x": np.linspace(-10, 5, 128)}, name="temp")
    for m in ("viridis", "RdBu_r"):
        def make(cm, ink, face, m=m):
            fgr = da.plot(col="t", col_wrap=2, cmap=cm or m, vmin=-5, vmax=25)
            if face:
                for a in fgr.axs.flat: a.set_facecolor(face)
            return fgr.axs.flat[0].figure, fgr.axs.flat[0], plt.Normalize(-5, 25)
        fg, ax, nm = make(None, "k", None)
        axs = list(fg.axes)
        out = {lab: pil_rgb(fig_bytes(fg, "png" if q is None else "jpeg", dpi=100, **({} if q is None else {"pil_kwargs": {"quality": q}})))
               for lab, q in Q}
        sls = [plot_slice(fg, a, out["png"].shape) for a in axs[:4]]; plt.close(fg)
        fg, _, _ = make(GRAY, "b", RED); truth = truth_of_gray(pil_rgb(fig_bytes(fg, "png", dpi=100))); plt.close(fg)
        nm = plt.Normalize(-5, 25)
        for lab, pic in out.items():
            for i, sl in enumerate(sls):
                dec_any(f"K xarray facet {m} panel {i} {lab}", pic, truth[sl], m, sl=sl, info=False, vmin=-5.0, vmax=25.0)
            t0 = cpu(); rd, err, ws = call(lambda: tp.read_figure(pic)); dt = cpu() - t0
            if rd is None:
                print(f"  K {m} {lab} read_figure ERROR {err}", flush=True); continue
            from _p8 import rf_pixels
            print(f"  K {m} {lab} read_figure: {len(rd.panels)} panels ({dt:.1f} s CPU) | {wshort(ws, 120)}", flush=True)
            for i, p in enumerate(rd.panels):
                est = rf_pixels(rd, pic.shape, i)
                # which true panel does this one overlap most
                best = max(range(4), key=lambda j: np.isfinite(est[sls[j]]).sum())
                e = (est[sls[best]] - (-5)) / 30.0
                mt, pt, ht = mscore(e, truth[sls[best]])
                a = p.data.attrs
                print(f"    rf panel {i} ~ true {best}: holes {100*ht:.3f} % MAE {100*mt:.3f} % p99 {100*pt:.2f} | cmap "
                      f"{a.get('cmap')} vmin {a.get('vmin')} vmax {a.get('vmax')} conf {a.get('confidence')} "
                      f"doubts {str(a.get('doubts'))[:200]}", flush=True)

if "L" in ONLY:  # HiDPI screenshot: the figure scaled 1.25x / 1.5x bilinear (Windows display scaling)
    for m in ("viridis", "jet", "magma"):
        def make(cm, ink, face, m=m):
            fg, ax = plt.subplots()
            if face: ax.set_facecolor(face)
            im = ax.imshow(f, cmap=cm or m, vmin=0, vmax=1); fg.colorbar(im)
            ax.set_title("field"); ax.contour(f, levels=5, colors=ink, linewidths=0.8)
            return fg, ax, im.norm
        ps, truth, ink, sl0, nm = pics(make, quals=(("png", None),))
        for s in (1.25, 1.5):
            H, W = ps["png"].shape[:2]; sz = (round(W * s), round(H * s))
            pic = np.asarray(Image.fromarray(ps["png"]).resize(sz, Image.BILINEAR))
            # truth: the gray redraw scaled the same way (bilinear), gray where the redraw was gray all around
            g = np.asarray(Image.fromarray((np.nan_to_num(truth, nan=0) * 255).astype(np.uint8)).resize(sz, Image.BILINEAR)) / 255.0
            inkm = np.asarray(Image.fromarray((~np.isfinite(truth) | ink).astype(np.uint8) * 255).resize(sz, Image.BILINEAR)) > 0
            g = g.astype(float); g[inkm] = np.nan
            ink2 = np.asarray(Image.fromarray(ink.astype(np.uint8) * 255).resize(sz, Image.NEAREST)) > 0
            y0, y1, x0, x1 = (int(sl0[0].start * s) + 2, int(sl0[0].stop * s) - 2, int(sl0[1].start * s) + 2, int(sl0[1].stop * s) - 2)
            sl = (slice(y0, y1), slice(x0, x1))
            for lab, p in (("png", pic), ("q75", jpeg_pil(pic, 75))):
                dec_any(f"L {m} HiDPI {s}x bilinear {lab}", p, g[sl], m, sl=sl, ink=ink2[sl], vmin=0.0, vmax=1.0)
                if lab == "png" or m == "jet":
                    rfig(f"L {m} {s}x {lab} read_figure", p, g, sl, nm)

if "M" in ONLY:  # what these tools hand a user, passed as they are: the messages
    import seaborn as sns, xarray as xr, tempfile
    from matplotlib.animation import FuncAnimation, PillowWriter
    fg, ax = plt.subplots(); im = ax.imshow(f, cmap="viridis"); hb = ax.hexbin(*rng.normal(size=(2, 500)))
    anim = FuncAnimation(fg, lambda k: (im,), frames=2)
    cg = sns.clustermap(rng.normal(size=(8, 6)))
    fgr = xr.DataArray(np.stack([f[:32, :32]] * 2), dims=("t", "y", "x")).plot(col="t")
    td = tempfile.mkdtemp(); gif = os.path.join(td, "a.gif"); webp = os.path.join(td, "a.webp")
    FuncAnimation(fg, lambda k: (im,), frames=3).save(gif, writer=PillowWriter(fps=2), dpi=40)
    Image.fromarray(mpl.colormaps["viridis"](f, bytes=True)[..., :3]).save(webp, quality=80)
    cases = [("FuncAnimation", anim), ("a Figure", fg), ("an Axes", ax), ("AxesImage", im), ("hexbin PolyCollection", hb),
             ("seaborn ClusterGrid", cg), ("xarray FacetGrid", fgr), ("PIL GIF (3 frames) opened", Image.open(gif)),
             ("GIF path str", gif), ("WebP path", webp), ("pathlib WebP", pathlib.Path(webp)),
             ("GIF bytes", open(gif, "rb").read()), ("cm.viridis(x) float RGBA > 1 (x*2)", mpl.colormaps["viridis"](f) * 2),
             ("(H, W, 2) array", np.zeros((8, 8, 2), np.uint8)), ("list of frames", [np.zeros((8, 8, 3), np.uint8)] * 2)]
    for lab, obj in cases:
        for fn in ("decolorize", "identify_colormap"):
            call_ = (lambda o=obj: tp.decolorize(o, cmap="viridis", vmin=0, vmax=1)) if fn == "decolorize" else (lambda o=obj: tp.identify_colormap(o))
            out, err, ws = call(call_)
            res = (f"OK {type(out).__name__} {getattr(out, 'shape', '')}" if out is not None else err.replace("\n", " \\n ")[:300])
            print(f"M {lab:40} {fn:18} -> {res} | {wshort(ws, 120)}", flush=True)
    _, err, _ = call(lambda: tp.read_figure(gif)); print(f"M read_figure(GIF path) -> {err[:300] or 'OK'}", flush=True)
    _, err, _ = call(lambda: tp.read_figure(fgr)); print(f"M read_figure(xarray FacetGrid) -> {err[:300] or 'OK'}", flush=True)
    _, err, _ = call(lambda: tp.read_figure(cg)); print(f"M read_figure(ClusterGrid) -> {err[:300] or 'OK'}", flush=True)

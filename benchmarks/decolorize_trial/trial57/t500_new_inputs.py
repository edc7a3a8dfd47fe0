"""trial57 Part 2: inputs trial 56 did not try, made by other tools, the default call (one case per run: ONLY10=A..L).
A imshow(interpolation="antialiased") of a 1500x2000 array into a 3x2.4 in figure; B pcolormesh LogNorm / SymLogNorm,
PNG / JPEG q75, decoded with norm= (+ read_figure); C sns.clustermap; D xarray DataArray.plot() (pcolormesh + labelled
colorbar) through read_figure (values and coordinates); E plt.imsave -> Pillow resize LANCZOS 0.5x -> WebP lossy (q80,
q60); F a figure through a PowerPoint-like pipeline: JPEG 4:2:0 q85 then again q75; G ax.grid(True) over imshow;
H cmocean-style maps built with LinearSegmentedColormap.from_list, decoded with cmap= that object; I savefig(transparent
=True) RGBA PNG with masked cells, passed as RGBA and as .convert("RGB"); J plt.imsave(origin="lower"); K 16-bit PNG via
OpenCV of applyColorMap uint8 x 257 (and matplotlib's bytes x 257), read back with cv2.IMREAD_UNCHANGED.
Truth: trial 55's gray redraw (t200's `pics`) for figures; the rendered index's bin centre (k + .5) / 256 otherwise."""
import io, os, tempfile
from _p10 import *  # noqa
from _p10 import pics, run, rfig, dec_any, header, HEAD8, fbm, jpeg_pil, pil_rgb, fig_bytes, call, cpu, wshort, kd, mscore, plot_slice
import numpy as np, matplotlib as mpl, matplotlib.pyplot as plt, cv2, truepix as tp
from PIL import Image

ONLY = os.environ.get("ONLY10", "ABCDEFGHIJK")
header(f"t500 new inputs {ONLY}")
print(HEAD8, flush=True)
rng = np.random.default_rng(57)
f = fbm(256, seed=57)[:192, :256]; f = (f - f.min()) / (f.max() - f.min())
Q3 = (("png", None), ("q75", 75))


def rf_norm(tag, pic, truth, sl, nm):
    """read_figure scored through a norm: positions = nm(panel values)."""
    from _p8 import rf_pixels, rf_line
    t0 = cpu(); rd, err, ws = call(lambda: tp.read_figure(pic)); dt = cpu() - t0
    if rd is None or not rd.panels:
        print(f"  {tag}: {'ERROR ' + err if rd is None else 'no panels'} ({dt:.1f} s)", flush=True); return None
    v = rf_pixels(rd, pic.shape, 0)[sl]
    est = np.where(np.isfinite(v), np.asarray(nm(np.nan_to_num(v, nan=1.0)), float), np.nan)
    mt, pt, ht = mscore(est, truth[sl])
    print(f"  {tag}: {len(rd.panels)} panels; holes {100*ht:.3f} % MAE {100*mt:.3f} % p99 {100*pt:.2f} ({dt:.1f} s CPU) | "
          f"{rf_line(rd)[:300]} | {wshort(ws, 120)}", flush=True)
    return rd


if "A" in ONLY:  # a big array downsampled by matplotlib's antialiasing into a small figure
    big = fbm(2048, seed=57)[:1500, :2000]
    for m in ("viridis", "jet", "RdBu_r"):
        def make(cm, ink, face, m=m):
            fg, ax = plt.subplots(figsize=(3, 2.4))
            if face: ax.set_facecolor(face)
            im = ax.imshow(big, cmap=cm or m, interpolation="antialiased"); fg.colorbar(im)
            return fg, ax, im.norm
        run(f"A imshow antialiased 1500x2000 in 3x2.4in {m}", make, m, quals=(("png", None), ("q75", 75), ("q90", 90)))

if "B" in ONLY:  # LogNorm / SymLogNorm pcolormesh, decoded with norm=
    X, Y = np.meshgrid(np.linspace(-3, 3, 90), np.linspace(-2, 2, 60))
    pos = np.exp(2.5 * np.sin(X) * np.cos(1.5 * Y)) * 10 ** (f[:60, :90] * 2)  # ~1e-1 .. 1e3
    sgn = np.sinh(3 * np.sin(X) * np.cos(1.5 * Y)) * 10 ** (f[:60, :90])  # -100 .. 100, through 0
    for nmname, data, mk in (("LogNorm", pos, lambda: mpl.colors.LogNorm(float(pos.min()), float(pos.max()))),
                             ("SymLogNorm lt1", sgn, lambda: mpl.colors.SymLogNorm(1.0, vmin=-float(abs(sgn).max()), vmax=float(abs(sgn).max())))):
        for m in ("viridis", "jet", "RdBu_r" if nmname.startswith("Sym") else "magma"):
            nm0 = mk()
            def make(cm, ink, face, m=m, nm0=nm0, data=data):
                fg, ax = plt.subplots()
                if face: ax.set_facecolor(face)
                pm = ax.pcolormesh(data, cmap=cm or m, norm=nm0); fg.colorbar(pm)
                return fg, ax, nm0
            ps, truth, ink, sl, _ = pics(make, quals=(("png", None), ("q75", 75), ("q90", 90)))
            to01 = lambda v, n=nm0: np.asarray(n(np.nan_to_num(v, nan=1.0)), float)  # noqa
            for lab, pic in ps.items():
                dec_any(f"B {nmname} {m} {lab} norm=", pic, truth[sl], m, sl=sl, norm=nm0, to01=to01)
                if lab != "q90":
                    rf_norm(f"B {nmname} {m} {lab} read_figure (scored through the norm)", pic, truth, sl, nm0)

if "C" in ONLY:  # seaborn clustermap (dendrograms, colorbar top left)
    import seaborn as sns, pandas as pd
    dfc = pd.DataFrame(fbm(64, seed=58)[:30, :20] + rng.normal(0, 0.05, (30, 20)))
    for m in ("viridis", "jet", "vlag"):
        def make(cm, ink, face, m=m):
            g = sns.clustermap(dfc, cmap=cm or m, figsize=(6, 7), row_cluster=True, col_cluster=True)
            ax = g.ax_heatmap
            if face: ax.set_facecolor(face)
            if ink is not None and ink != "k":
                for a in (g.ax_row_dendrogram, g.ax_col_dendrogram):
                    for col in a.collections: col.set_color(ink)
            return g.figure, ax, ax.collections[0].norm
        run(f"C clustermap 30x20 {m}", make, m, rf=(m == "viridis"))

if "D" in ONLY:  # xarray DataArray.plot(): pcolormesh + colorbar labelled from attrs, coords in real units
    import xarray as xr
    lat = np.linspace(-30, 30, 49); lon = np.linspace(100, 180, 81)
    da = xr.DataArray(280 + 25 * fbm(128, seed=59)[:49, :81], coords={"lat": lat, "lon": lon}, dims=("lat", "lon"),
                      name="t2m", attrs={"units": "K", "long_name": "2 m temperature"})
    for m in ("viridis", "jet", "RdBu_r"):
        def make(cm, ink, face, m=m):
            fg, ax = plt.subplots(figsize=(7, 4.5))
            if face: ax.set_facecolor(face)
            qm = da.plot(ax=ax, cmap=cm or m)
            return fg, ax, qm.norm
        ps, truth, ink, sl, nm = pics(make)
        for lab, pic in ps.items():
            dec_any(f"D xarray .plot() {m} {lab} by name", pic, truth[sl], m, sl=sl, vmin=float(nm.vmin), vmax=float(nm.vmax))
            rd = rf_norm(f"D xarray {m} {lab} read_figure", pic, truth, sl, mpl.colors.Normalize(nm.vmin, nm.vmax))
            if rd is not None and rd.panels:
                p = rd.panels[0]; v = np.asarray(p.data.values); at = p.data.attrs
                cs = {k: np.asarray(p.data.coords[k]) for k in p.data.dims}
                extra = ""
                if v.shape == da.shape:
                    vv = v if (cs[p.data.dims[0]][0] < cs[p.data.dims[0]][-1]) else v[::-1]
                    extra = f"cells max |err| {np.nanmax(np.abs(vv - da.values)):.3f} K, MAE {np.nanmean(np.abs(vv - da.values)):.3f} K, NaN {np.isnan(vv).mean()*100:.2f} %"
                print(f"    grid {v.shape} (truth {da.shape}); dims {p.data.dims}; " + "; ".join(
                    f"{k} {c[0]:.2f}..{c[-1]:.2f} ({len(c)})" for k, c in cs.items()) + f" (truth lat -30..30, lon 100..180); units "
                    f"{at.get('units')!r} vmin {at.get('vmin')} vmax {at.get('vmax')} (truth {nm.vmin:.3f}..{nm.vmax:.3f}) conf "
                    f"{at.get('confidence')} doubts {str(at.get('doubts'))[:200]} | {extra}", flush=True)

if "E" in ONLY:  # plt.imsave -> Pillow resize LANCZOS 0.5x -> WebP lossy
    import skimage.data as sd
    cam = sd.camera().astype(float) / 255
    ff = fbm(512, seed=60); ff = (ff - ff.min()) / (ff.max() - ff.min())
    for fname, x in (("fbm", ff), ("camera", cam)):
        k = np.clip((x * 256).astype(int), 0, 255); tr = ((k + 0.5) / 256).astype(np.float32)
        trh = np.asarray(Image.fromarray(tr, "F").resize((256, 256), Image.LANCZOS), float)
        for m in ("viridis", "jet", "turbo", "RdBu_r"):
            b = io.BytesIO(); plt.imsave(b, x, cmap=m, format="png", vmin=0, vmax=1)
            im = Image.open(io.BytesIO(b.getvalue())).convert("RGB").resize((256, 256), Image.LANCZOS)
            dec_any(f"E imsave LANCZOS 0.5x PNG {fname} {m}", np.asarray(im), trh, m, vmin=0.0, vmax=1.0)
            for q in (80, 60):
                w = io.BytesIO(); im.save(w, "WEBP", quality=q); pic = pil_rgb(w.getvalue())
                dec_any(f"E imsave LANCZOS 0.5x WebP q{q} {fname} {m}", pic, trh, m, vmin=0.0, vmax=1.0)

if "F" in ONLY:  # PowerPoint-like: the figure's PNG -> JPEG 4:2:0 q85 -> JPEG 4:2:0 q75
    d = fbm(128, seed=61)[:60, :90]
    for m in ("viridis", "jet", "RdBu_r", "turbo"):
        def make(cm, ink, face, m=m):
            fg, ax = plt.subplots()
            if face: ax.set_facecolor(face)
            im = ax.imshow(d, cmap=cm or m, aspect="auto"); fg.colorbar(im)
            return fg, ax, im.norm
        ps, truth, ink, sl, nm = pics(make, quals=(("png", None),))
        png = ps["png"]
        for lab, pic in (("q75 once", jpeg_pil(png, 75)), ("q85 then q75", jpeg_pil(jpeg_pil(png, 85), 75)),
                         ("q85 q75 q75", jpeg_pil(jpeg_pil(jpeg_pil(png, 85), 75), 75)),
                         ("q85 then q75, 1 px crop between", np.pad(jpeg_pil(jpeg_pil(png, 85)[1:, 1:], 75), ((1, 0), (1, 0), (0, 0)), mode="edge"))):
            dec_any(f"F {m} {lab}", pic, truth[sl], m, sl=sl, vmin=float(nm.vmin), vmax=float(nm.vmax))

if "G" in ONLY:  # ax.grid(True) over imshow (default grid: #b0b0b0, 0.8 pt), and a white dashed grid
    d = fbm(128, seed=62)[:60, :90]
    for m in ("viridis", "jet", "magma"):
        for gk, gkw in (("default", {}), ("white dashed", {"color": "w", "linestyle": "--"})):
            def make(cm, ink, face, m=m, gkw=gkw):
                fg, ax = plt.subplots()
                if face: ax.set_facecolor(face)
                im = ax.imshow(d, cmap=cm or m, aspect="auto"); fg.colorbar(im)
                kw = dict(gkw)
                if ink is not None and ink != "k": kw["color"] = ink
                ax.grid(True, **kw)
                return fg, ax, im.norm
            run(f"G grid {gk} over imshow {m}", make, m)

if "H" in ONLY:  # cmocean-like maps built by hand, decoded with cmap= the object
    maps = {"thermal-like": mpl.colors.LinearSegmentedColormap.from_list("thermal_like", ["#042333", "#2c3395", "#744992", "#b15f82", "#eb7655", "#fbb43c", "#e8fa5b"]),
            "balance-like": mpl.colors.LinearSegmentedColormap.from_list("balance_like", ["#181c43", "#0c5ebe", "#75aabe", "#f1eceb", "#d08b73", "#a52125", "#3c0912"]),
            "3-colour": mpl.colors.LinearSegmentedColormap.from_list("three", ["navy", "white", "darkred"])}
    d = fbm(128, seed=63)[:60, :90]
    for name, cm0 in maps.items():
        def make(cm, ink, face, cm0=cm0):
            fg, ax = plt.subplots()
            if face: ax.set_facecolor(face)
            pm = ax.pcolormesh(d, cmap=cm or cm0); fg.colorbar(pm)
            return fg, ax, pm.norm
        run(f"H from_list {name} pcolormesh", make, cm0, quals=(("png", None), ("q75", 75), ("q90", 90)))
        b = io.BytesIO(); plt.imsave(b, f, cmap=cm0, format="png", vmin=0, vmax=1); pic = pil_rgb(b.getvalue())
        k = np.clip((f * 256).astype(int), 0, 255); tr = (k + 0.5) / 256
        dec_any(f"H from_list {name} imsave PNG", pic, tr, cm0, vmin=0.0, vmax=1.0)
        dec_any(f"H from_list {name} imsave q75", jpeg_pil(pic, 75), tr, cm0, vmin=0.0, vmax=1.0)
        r, err, ws = call(lambda: tp.identify_colormap(pic))
        print(f"  H identify_colormap {name}: {str(r[0] if r else err)[:120]}", flush=True)

if "I" in ONLY:  # savefig(transparent=True): an RGBA PNG, masked cells transparent
    d = fbm(128, seed=64)[:60, :90].copy(); yy, xx = np.mgrid[:60, :90]
    dm = np.ma.masked_where((yy - 30) ** 2 / 144 + (xx - 45) ** 2 / 400 < 1, d)
    for m in ("viridis", "jet", "gray"):
        fg, ax = plt.subplots(); im = ax.imshow(dm, cmap=m, aspect="auto"); fg.colorbar(im)
        b = io.BytesIO(); fg.savefig(b, format="png", transparent=True); rgba = np.asarray(Image.open(io.BytesIO(b.getvalue())))
        sl = plot_slice(fg, ax, rgba.shape); nm = im.norm; plt.close(fg)
        fg, ax = plt.subplots(); ax.set_facecolor("r"); im2 = ax.imshow(dm, cmap=mpl.colormaps["gray"].with_extremes(bad="r"), aspect="auto"); fg.colorbar(im2)
        gp = pil_rgb(fig_bytes(fg, "png")); plt.close(fg)
        from _p6 import truth_of_gray
        truth = truth_of_gray(gp)
        gq = gp[sl].astype(int); masked = (gq[..., 0] > 200) & (gq[..., 1] < 60)  # the red (bad) region in the redraw
        a = rgba[sl][..., 3]
        print(f"  I {m}: mode {Image.open(io.BytesIO(b.getvalue())).mode}, plot area alpha 0 in {100*(a == 0).mean():.1f} %, "
              f"masked px {masked.sum()}, their RGB median {tuple(np.median(rgba[sl][masked][:, :3], 0).astype(int))} alpha {int(np.median(a[masked]))}", flush=True)
        for lab, pic in (("RGBA", rgba), ("convert RGB", np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))),
                         ("RGBA -> JPEG q75 via convert", jpeg_pil(np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB")), 75))):
            dec_any(f"I transparent {m} {lab}", pic, truth[sl], m, sl=sl, vmin=float(nm.vmin), vmax=float(nm.vmax))
            v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=float(nm.vmin), vmax=float(nm.vmax)))
            if v is not None:
                vv = np.asarray(v)[sl]
                print(f"    masked cells valued {100*np.isfinite(vv[masked]).mean():.2f} % (should be 0), margins valued "
                      f"{100*np.isfinite(np.asarray(v)[rgba[..., 3] == 0]).mean():.2f} %", flush=True)

if "J" in ONLY:  # plt.imsave(origin="lower")
    k = np.clip((f * 256).astype(int), 0, 255); tr = ((k + 0.5) / 256)[::-1]
    for m in ("viridis", "jet", "twilight"):
        b = io.BytesIO(); plt.imsave(b, f, cmap=m, format="png", vmin=0, vmax=1, origin="lower"); pic = pil_rgb(b.getvalue())
        dec_any(f"J imsave origin=lower PNG {m}", pic, tr, m, vmin=0.0, vmax=1.0)
        dec_any(f"J imsave origin=lower q75 {m}", jpeg_pil(pic, 75), tr, m, vmin=0.0, vmax=1.0)

if "K" in ONLY:  # 16-bit PNGs: OpenCV applyColorMap uint8 * 257, and matplotlib bytes * 257
    dd = tempfile.mkdtemp(); g = (f * 255).round().astype(np.uint8); tr = (g + 0.5) / 256
    for cn, cc, mname in (("jet", cv2.COLORMAP_JET, "opencv:jet"), ("viridis", cv2.COLORMAP_VIRIDIS, "opencv:viridis")):
        bgr16 = cv2.applyColorMap(g, cc).astype(np.uint16) * 257
        fn = os.path.join(dd, "p16.png"); cv2.imwrite(fn, bgr16); back = cv2.imread(fn, cv2.IMREAD_UNCHANGED)
        kdo = kd(mpl.colors.ListedColormap(cv2.applyColorMap(np.arange(256, dtype=np.uint8)[None], cc)[0, :, ::-1] / 255.0))
        rgb16 = back[..., ::-1].copy()
        print(f"  K cv2 {cn}: read back {back.dtype} {back.shape}, max {back.max()}", flush=True)
        base16 = lambda p, kdo=kdo: kdo((np.asarray(p) // 257).astype(np.uint8))  # noqa
        dec_any(f"K cv2 16-bit PNG {cn} RGB", rgb16, tr, mname, vmin=0.0, vmax=1.0, base=base16)
        dec_any(f"K cv2 16-bit PNG {cn} BGR as read", back, tr, mname, vmin=0.0, vmax=1.0, base=base16, info=False)
        dec_any(f"K cv2 16-bit {cn} >> 8 (user's uint8)", (rgb16 >> 8).astype(np.uint8), tr, mname, vmin=0.0, vmax=1.0, base=kdo, info=False)
    k = np.clip((f * 256).astype(int), 0, 255); trm = (k + 0.5) / 256
    for m in ("viridis", "jet"):
        b8 = mpl.colormaps[m](f, bytes=True)[..., :3]
        rgb16 = b8.astype(np.uint16) * 257
        fn = os.path.join(dd, "m16.png"); cv2.imwrite(fn, rgb16[..., ::-1]); back = cv2.imread(fn, cv2.IMREAD_UNCHANGED)[..., ::-1].copy()
        dec_any(f"K matplotlib bytes x257 16-bit PNG {m}", back, trm, m, vmin=0.0, vmax=1.0, base=lambda p, m=m: kd(m)((np.asarray(p) // 257).astype(np.uint8)))
        full = (mpl.colormaps[m](f)[..., :3] * 65535).round().astype(np.uint16)
        dec_any(f"K matplotlib float x65535 16-bit {m}", full, trm, m, vmin=0.0, vmax=1.0, base=lambda p, m=m: kd(m)((np.asarray(p) / 257).round().astype(np.uint8)))

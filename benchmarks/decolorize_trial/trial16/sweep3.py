"""Norms, seed 001, MATLAB jet(64)/parula(64), OpenCV applyColorMap, identify_colormap, dask."""
import sys, warnings, time, io
import numpy as np, cv2
import matplotlib.colors as mc
from _h import *
import truepix as tp

F = fields(128)
what = sys.argv[1] if len(sys.argv) > 1 else "all"

def w_call(fn):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            out = fn()
        except Exception as e:
            return None, f"EXC {type(e).__name__}: {str(e)[:160]}"
    return out, " ".join(f"WARN {x.category.__name__}: {str(x.message)[:100]}" for x in w)

if what in ("all", "norms"):
    x = F["terrain"]
    datas = {"lin": -100 + 110 * x, "pos": 10 ** (3 * x)}
    norms = [("Normalize", mc.Normalize(-100, 10), "lin"), ("LogNorm", mc.LogNorm(1, 1000), "pos"),
             ("SymLogNorm", mc.SymLogNorm(1, vmin=-100, vmax=10), "lin"), ("PowerNorm", mc.PowerNorm(0.5, 1, 1000), "pos"),
             ("TwoSlopeNorm", mc.TwoSlopeNorm(0, -100, 10), "lin"), ("CenteredNorm", mc.CenteredNorm(0, 100), "lin"),
             ("AsinhNorm", mc.AsinhNorm(1, -100, 10), "lin"), ("BoundaryNorm", mc.BoundaryNorm(np.linspace(-100, 10, 12), 256), "lin")]
    for cm in ("viridis", "coolwarm", "jet"):
        for name, N, dk in norms:
            d = datas[dk]
            N2 = type(N).__new__(type(N)); N2.__dict__.update(N.__dict__)
            for form in ("u8", "jpeg75"):
                pic = plt.get_cmap(cm)(N(d), bytes=True)[..., :3]
                if form == "jpeg75": pic = pil_jpeg(pic, 75)
                v, msg = w_call(lambda: tp.decolorize(pic, cmap=cm, norm=N))
                if v is None:
                    print("norm", cm, name, form, msg); continue
                nv = np.asarray(N(v), float); nt = np.asarray(N(d), float)
                if name == "BoundaryNorm":
                    nv = nv / 255.0; nt = nt / 255.0
                e = np.abs(nv - nt)
                nan = 100 * np.isnan(v).mean()
                bins = np.nanmax(e) * 256
                flag = ("EXACT>1bin" if form == "u8" and bins > 1.0 else "") + (" HOLES" if nan > 0.2 else "")
                print(f"norm {cm:9s} {name:13s} {form:7s} nan={nan:5.2f}% max={bins:7.2f} bins mean={np.nanmean(e)*256:6.3f} bins {flag} {msg}", flush=True)

if what in ("all", "seed"):
    data = 1500 + 3000 * F["terrain"]
    rgba = plt.get_cmap("jet")(mc.Normalize(1500, 4500)(data))
    v = tp.decolorize(rgba, cmap="jet", vmin=1500, vmax=4500)
    print("seed001 float RGBA max err", np.nanmax(np.abs(v - data)), "bin", 3000 / 256, "nan", np.isnan(v).mean())
    rgbb = plt.get_cmap("jet")(mc.Normalize(1500, 4500)(data), bytes=True)
    v = tp.decolorize(rgbb, cmap="jet", vmin=1500, vmax=4500)
    print("seed001 bytes max err", np.nanmax(np.abs(v - data)))

if what in ("all", "matlab"):
    def matlab_jet(m):
        n = int(np.ceil(m / 4)); u = np.r_[np.arange(1, n + 1) / n, np.ones(n - 1), np.arange(n, 0, -1) / n]
        g = int(np.ceil(n / 2)) - (m % 4 == 1) + np.arange(1, len(u) + 1)
        r = g + n; b = g - n; J = np.zeros((m, 3))
        for c, idx in ((0, r), (1, g), (2, b)):
            ok = (idx >= 1) & (idx <= m); J[idx[ok] - 1, c] = u[ok]
        return J
    J = matlab_jet(64)
    T = tp.colormaps  # noqa
    for nm, tab in (("jet", J),):
        for cat in ("matlab:jet", "matlab:jet_64"):
            try:
                ct = np.asarray(tp.Decolorizer(cat, vmin=0, vmax=1).table if hasattr(tp.Decolorizer(cat, vmin=0, vmax=1), "table") else [])
            except Exception as e:
                ct = []
        x = F["terrain"]
        idx = np.clip((x * 64).astype(int), 0, 63)
        pic = np.floor(255 * tab[idx] + 0.5).astype(np.uint8)
        for cat in ("jet", "matlab:jet", "matlab:jet_64"):
            for form, p in (("png", pic), ("q75", pil_jpeg(pic, 75))):
                v, msg = w_call(lambda: tp.decolorize(p, cmap=cat, vmin=0, vmax=1))
                if v is None: print("matlab", cat, form, msg); continue
                e = np.abs(v - (idx + 0.5) / 64)
                print(f"matlab jet(64) cmap={cat:14s} {form} nan={100*np.isnan(v).mean():5.2f}% max={np.nanmax(e)*64:5.2f} bins64 mean={np.nanmean(e)*64:5.3f} {msg}", flush=True)
    # parula published endpoints
    for cat in ("matlab:parula", "matlab:parula_64"):
        try:
            from truepix.color import _catalog  # noqa
        except Exception:
            pass
    P = None
    try:
        ent = tp.colormap_entry("matlab:parula_64") if hasattr(tp, "colormap_entry") else None
    except Exception as e:
        ent = None
    print("has colormap_entry:", hasattr(tp, "colormap_entry"))

if what in ("all", "opencv"):
    ramp = (F["terrain"] * 255).round().astype(np.uint8)
    for nm in ("JET", "TURBO", "VIRIDIS", "PARULA", "HOT", "TWILIGHT", "INFERNO"):
        bgr = cv2.applyColorMap(ramp, getattr(cv2, "COLORMAP_" + nm))
        ok, enc = cv2.imencode(".png", bgr); png = cv2.imdecode(enc, 1)[..., ::-1]
        ok, enc = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, 85]); jpg = cv2.imdecode(enc, 1)[..., ::-1]
        for form, p in (("png", png), ("jpg85", jpg)):
            v, msg = w_call(lambda: tp.decolorize(p, cmap="opencv:" + nm.lower(), vmin=0, vmax=255))
            if v is None: print("opencv", nm, form, msg); continue
            e = np.abs(v - ramp - 0.5)
            print(f"opencv {nm:9s} {form:6s} nan={100*np.isnan(v).mean():5.2f}% max={np.nanmax(e):6.2f} mean={np.nanmean(e):6.3f} (entries) {msg}", flush=True)
        idn = tp.identify_colormap(jpg)[0]
        print(f"   identify opencv {nm} jpg -> {idn.name}")

if what in ("all", "identify"):
    for cm in ("jet", "viridis", "turbo", "gray", "twilight", "coolwarm", "magma", "RdBu", "plasma", "hot", "Spectral", "cividis", "inferno", "gray_r", "viridis_r", "rainbow", "bone", "ocean"):
        for fn in ("terrain", "camera"):
            pic = plt.get_cmap(cm)(F[fn], bytes=True)[..., :3]
            b = io.BytesIO(); plt.imsave(b, F[fn], cmap=cm, format="png"); b.seek(0)
            res = []
            for form, p in (("png", pic), ("imread", plt.imread(b)), ("q75", pil_jpeg(pic, 75)), ("q50_444", pil_jpeg(pic, 50, 0)), ("half", cv2.resize(pic, (64, 64), interpolation=cv2.INTER_AREA))):
                t0 = time.perf_counter()
                m, msg = w_call(lambda: tp.identify_colormap(p))
                dt = time.perf_counter() - t0
                if m is None: res.append(f"{form}:{msg}"); continue
                n0 = m[0].name
                ok = n0 == cm or n0.split(":")[-1] == cm
                res.append(f"{form}:{'ok' if ok else 'WRONG->' + n0 + ('(rev?)' if getattr(m[0], 'reversed', False) else '')}[{dt:.2f}s]")
            print(f"identify {cm:10s} {fn:8s} " + " ".join(res), flush=True)

if what in ("all", "dask"):
    import dask.array as da
    pic = plt.get_cmap("viridis")(F["camera"], bytes=True)[..., :3]
    pj = pil_jpeg(np.tile(pic, (2, 2, 1)), 75)
    d = da.from_array(pj, chunks=(128, 128, 3))
    t0 = time.perf_counter()
    out, msg = w_call(lambda: tp.decolorize(d, cmap="viridis", vmin=0, vmax=1))
    print("dask type", type(out), msg)
    if out is not None:
        o = out.compute(); ref = tp.decolorize(pj, cmap="viridis", vmin=0, vmax=1)
        tr = np.tile(F["camera"], (2, 2))
        print("dask nan%", 100 * np.isnan(o).mean(), "numpy nan%", 100 * np.isnan(ref).mean(), "dask mean err%", 100 * np.nanmean(np.abs(o - tr)), "numpy", 100 * np.nanmean(np.abs(ref - tr)), f"{time.perf_counter()-t0:.2f}s")
    dd = da.from_array(pic, chunks=(64, 64, 3))
    o, msg = w_call(lambda: tp.Decolorizer("viridis", vmin=0, vmax=1).decode(dd).values.compute())
    print("dask Decolorizer exact:", None if o is None else 100 * np.isnan(o).mean(), msg)
    d4 = da.from_array(plt.get_cmap("viridis")(F["camera"]).astype(np.float32), chunks=(64, 64, 4))
    o, msg = w_call(lambda: tp.decolorize(d4, cmap="viridis", vmin=0, vmax=1).compute())
    print("dask float32 rgba:", None if o is None else (100 * np.isnan(o).mean(), np.nanmax(np.abs(o - F['camera'])) * 256), msg)

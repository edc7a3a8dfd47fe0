"""Part 2 (b): figures as people make them, then passed around: (C1) imshow(origin="lower", extent, aspect="auto") with a
horizontal colorbar, title and labels (terrain / viridis, a DEM-like fBm in metres); (C2) contourf(levels=12) + colorbar
(viridis / RdBu_r, smooth bumps / fBm); (C3) pcolormesh of a 2-degree lat/lon grid (RdBu_r anomaly / YlGnBu) with black
coastline-like polylines drawn over it; (C4) xarray DataArray.plot() and .plot.imshow() (default viridis).
Each through: savefig PNG; JPEG q75 (Pillow 4:2:0); HiDPI (savefig dpi 200 -> Pillow LANCZOS 0.5x, as a browser shows it);
PDF-like (PNG -> Pillow JPEG q85 -> resize 0.75x BICUBIC); webcam-like (PNG + Gaussian noise sigma 2.5 DN -> JPEG q90);
cv2 (PNG -> cv2.imread -> cv2 JPEG q50 -> BGR2RGB). Default call by name with the figure's limits, scored on the plot area
against the same figure drawn in gray (lines recoloured, excluded), resampled alike; k-d tree over the map's bytes.
contourf also by cmap=find_colorbar(picture). C3: share of coastline pixels flagged NaN."""
import io, numpy as np, cv2, matplotlib.pyplot as plt, truepix as tp
from PIL import Image
from _p7 import c, header, summary, dec, HEAD7, fbm, call, wshort, cpu, redraw_truth, plot_slice, mscore, kd

header(__doc__.splitlines()[0])
rng = np.random.default_rng(11)


def pil(rgb): return Image.fromarray(rgb)
def arr(im): return np.asarray(im.convert("RGB"))
def jpg(rgb, q): return c.jpeg(rgb, q)
def rs(rgb, f, flt): return arr(pil(rgb).resize((round(rgb.shape[1] * f), round(rgb.shape[0] * f)), flt))
def cv2q50(rgb):
    ok, b = cv2.imencode(".jpg", cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, 50])
    return cv2.cvtColor(cv2.imdecode(b, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
def noisy(rgb, s): return np.clip(rgb + rng.normal(0, s, rgb.shape), 0, 255).round().astype(np.uint8)


VARIANTS = [  # name, dpi, picture from the PNG at dpi, resampling applied to the truth redraw too
    ("png", 100, lambda p: p, None),
    ("jpeg75", 100, lambda p: jpg(p, 75), None),
    ("hidpi200_lanczos0.5", 200, lambda p: rs(p, 0.5, Image.LANCZOS), lambda g: rs(g, 0.5, Image.LANCZOS)),
    ("pdf_jpeg85_bicubic0.75", 100, lambda p: rs(jpg(p, 85), 0.75, Image.BICUBIC), lambda g: rs(g, 0.75, Image.BICUBIC)),
    ("webcam_noise2.5_jpeg90", 100, lambda p: jpg(noisy(p, 2.5), 90), None),
    ("cv2_jpeg50", 100, cv2q50, None),
]


import os
if os.environ.get("SMOKE"): VARIANTS = VARIANTS[int(os.environ["SMOKE"]):int(os.environ["SMOKE"]) + 1]


def png_at(fg, dpi):
    b = io.BytesIO(); fg.savefig(b, format="png", dpi=dpi); return arr(Image.open(io.BytesIO(b.getvalue())))


rows = []
def run(tag, fg, ax, arts, m, vmin, vmax, lines=(), bar_route=False):
    for vn, dpi, make, post in VARIANTS:
        pic = make(png_at(fg, dpi))
        tr, lm = redraw_truth(fg, arts, lines, dpi=dpi, post=post)
        sl = plot_slice(fg, ax, pic.shape); tr = tr[sl]; lm = lm[sl]
        r = dec(f"{tag} {vn}", pic, tr, m, vmin, vmax, sl=sl)
        if r: rows.append((tag, vn) + r[1:])
        if lines:
            v, _, _ = call(lambda: tp.decolorize(pic, cmap=m, vmin=vmin, vmax=vmax))
            print(f"   coastline pixels {lm.sum()}: flagged {100*np.isnan(v[sl][lm]).mean():.1f}%", flush=True)
        if bar_route:
            bar, err, ws = call(lambda: tp.find_colorbar(pic))
            if bar is None: print(f"   find_colorbar -> None {err} | {wshort(ws)}", flush=True); continue
            t0 = cpu(); v, err, ws2 = call(lambda: tp.decolorize(pic, cmap=bar)); dt = cpu() - t0
            if v is None:
                v, err2, ws2 = call(lambda: tp.decolorize(pic, cmap=bar, vmin=vmin, vmax=vmax)); err = f"(cmap=bar alone: {err[:80]}) {err2}"
            if v is None: print(f"   bar route ERROR {err}", flush=True); continue
            lo, hi = (bar.vmin, bar.vmax) if bar.vmin is not None else (vmin, vmax)
            mt, pt, ht = mscore((v[sl] - vmin) / (vmax - vmin), tr); mb, pb, _ = mscore(kd(m)(pic[sl]), tr)
            print(f"   bar route ({getattr(bar.colormap_entry(), 'name', 'custom')} {bar.vmin},{bar.vmax}) holes {100*ht:.3f}% ratio {mt/max(mb, 1e-12):.2f} "
                  f"p99 {100*pt:.2f}/{100*pb:.2f} {dt:.2f}s {err[:60]} | {wshort(ws + ws2)}", flush=True)


print(HEAD7)
z = fbm(256, seed=5)[:160] * 2500
for m in ("terrain", "viridis"):
    fg, ax = plt.subplots()
    im = ax.imshow(z, origin="lower", extent=(0, 30, -10, 10), aspect="auto", cmap=m, vmin=0, vmax=2500)
    fg.colorbar(im, ax=ax, orientation="horizontal", label="elevation (m)"); ax.set_title("Survey area, elevation"); ax.set_xlabel("x (km)"); ax.set_ylabel("y (km)")
    run(f"C1 imshow lower/extent/hbar {m}", fg, ax, [im], m, 0, 2500); plt.close(fg)

X, Y = np.meshgrid(np.linspace(0, 4, 256), np.linspace(0, 3, 192))
for m, fld in (("viridis", c.smooth_fields(256)["bumps"][:192] * 40 - 10), ("RdBu_r", (fbm(256, seed=9)[:192] - 0.5) * 6)):
    fg, ax = plt.subplots(); cs = ax.contourf(X, Y, fld, levels=12, cmap=m); fg.colorbar(cs, ax=ax)
    run(f"C2 contourf12 {m} ({len(cs.levels)} levels)", fg, ax, [cs], m, cs.norm.vmin, cs.norm.vmax, bar_route=True); plt.close(fg)

lon, lat = np.linspace(-180, 180, 181), np.linspace(-90, 90, 91)
anom = cv2.resize(fbm(256, seed=4).astype(np.float32), (180, 90), interpolation=cv2.INTER_AREA).astype(np.float64)
th = np.linspace(0, 2 * np.pi, 400)
for m, zz, lo, hi in (("RdBu_r", anom * 6 - 3, -3, 3), ("YlGnBu", anom * 12, 0, 12)):
    fg, ax = plt.subplots(figsize=(8, 4.5)); pm = ax.pcolormesh(lon, lat, zz, cmap=m, vmin=lo, vmax=hi, shading="flat")
    lines = []
    for k in range(7):  # coastline-like closed wiggly curves
        cx, cy, r0 = rng.uniform(-150, 150), rng.uniform(-60, 60), rng.uniform(10, 30)
        rr = r0 * (1 + sum(rng.uniform(0, 0.25) * np.sin(j * th + rng.uniform(0, 6)) for j in (2, 3, 5, 8, 13)))
        lines += ax.plot(cx + rr * np.cos(th), cy + 0.6 * rr * np.sin(th), "k-", lw=0.8)
    ax.set_xlim(-180, 180); ax.set_ylim(-90, 90); fg.colorbar(pm, ax=ax, label="anomaly" if lo < 0 else "precipitation (mm/day)")
    run(f"C3 pcolormesh lat/lon+coast {m}", fg, ax, [pm], m, lo, hi, lines=lines); plt.close(fg)

try:
    import xarray as xr
    da = xr.DataArray(fbm(256, seed=12)[:128, :] * 30 - 5, dims=("lat", "lon"), coords={"lat": np.linspace(-60, 60, 128), "lon": np.linspace(0, 358.6, 256)},
                      name="t2m", attrs={"units": "degC", "long_name": "2 m temperature"})
    for how in ("plot", "plot.imshow"):
        fg, ax = plt.subplots(); art = da.plot(ax=ax) if how == "plot" else da.plot.imshow(ax=ax)
        cm = art.get_cmap().name  # xarray picks RdBu_r (centred) for data across 0
        run(f"C4 xarray DataArray.{how}() {cm}", fg, ax, [art], cm, float(art.norm.vmin), float(art.norm.vmax)); plt.close(fg)
except ImportError as e:
    print("C4 skipped:", e)

summary(rows, lambda r: r[1], "by variant")
summary(rows, lambda r: r[0].split()[0], "by case")

"""Part 2 (c): read_figure on t121's figures (C1 imshow origin=lower/extent/aspect=auto + horizontal bar + title, terrain;
C2 contourf levels=12 RdBu_r; C3 pcolormesh lat/lon + coastlines RdBu_r; C4 xarray DataArray.plot()) as PNG, JPEG q75 and
HiDPI (dpi 200 -> LANCZOS 0.5x): what comes back (cmap, norm, limits vs truth, grid, x/y coordinate ranges vs the axes',
confidence, doubts), holes and ratio on the plot area (the same gray-redraw truth as t121), CPU. Then the CLI on two of
these files: truepix identify / decolorize / read-figure."""
import io, os, subprocess, tempfile, time, numpy as np, cv2, matplotlib.pyplot as plt, truepix as tp
from PIL import Image
from _p7 import c, header, fbm, call, wshort, cpu, redraw_truth, plot_slice, mscore, kd, rf_pixels

header(__doc__.splitlines()[0])
rng = np.random.default_rng(11)
d = tempfile.mkdtemp()


def arr(b): return np.asarray(Image.open(io.BytesIO(b)).convert("RGB"))
def png_bytes(fg, dpi): b = io.BytesIO(); fg.savefig(b, format="png", dpi=dpi); return b.getvalue()
def to_bytes(rgb, fmt, **kw): b = io.BytesIO(); Image.fromarray(rgb).save(b, fmt, **kw); return b.getvalue()
def half(rgb): return np.asarray(Image.fromarray(rgb).resize((rgb.shape[1] // 2, rgb.shape[0] // 2), Image.LANCZOS))


def probe(tag, fg, ax, art, m, vmin, vmax, xr_, yr_, lines=()):
    for vn in ("png", "jpeg75", "hidpi_lanczos0.5"):
        if vn == "hidpi_lanczos0.5":
            pic = half(arr(png_bytes(fg, 200))); raw = to_bytes(pic, "PNG"); tr, _ = redraw_truth(fg, [art], lines, dpi=200, post=half)
        else:
            p = arr(png_bytes(fg, 100)); raw = png_bytes(fg, 100) if vn == "png" else to_bytes(p, "JPEG", quality=75)
            pic = arr(raw); tr, _ = redraw_truth(fg, [art], lines, dpi=100)
        sl = plot_slice(fg, ax, pic.shape); tr = tr[sl]
        fn = os.path.join(d, f"{tag.split()[0]}_{vn}.{'jpg' if vn == 'jpeg75' else 'png'}"); open(fn, "wb").write(raw)
        t0 = cpu(); rd, err, ws = call(lambda: tp.read_figure(raw)); dt = cpu() - t0
        if rd is None: print(f"{tag} {vn}: ERROR {err} ({dt:.1f}s)", flush=True); continue
        if not rd.panels: print(f"{tag} {vn}: no panels ({dt:.1f}s) | {wshort(ws)}", flush=True); continue
        p = rd.panels[0]; a = p.data.attrs
        est = rf_pixels(rd, pic.shape)[sl]; est = (est - vmin) / (vmax - vmin)
        mt, pt, ht = mscore(est, tr); mb, pb, _ = mscore(kd(m)(pic[sl]), tr)
        try: lv, hv = float(a.get("vmin")), float(a.get("vmax")); lim = max(abs(lv - vmin), abs(hv - vmax)) / (vmax - vmin)
        except Exception: lim = float("nan")
        xs = [float(p.data.x.min()), float(p.data.x.max())] if "x" in p.data.coords else None
        ys = [float(p.data.y.min()), float(p.data.y.max())] if "y" in p.data.coords else None
        print(f"{tag} {vn}: {len(rd.panels)} panel(s), {dt:.1f}s CPU | cmap {a.get('cmap')} norm {a.get('norm')} vmin {a.get('vmin')} vmax {a.get('vmax')} "
              f"(truth {vmin:g}..{vmax:g}, off {100*lim:.2f}% of range) grid {p.grid} x {xs} (axes {xr_}) y {ys} (axes {yr_}) units {a.get('units')} "
              f"conf {a.get('confidence')}\n    holes {100*ht:.3f}% ratio {mt/max(mb, 1e-12):.2f} p99 {100*pt:.2f}/{100*pb:.2f} doubts {str(a.get('doubts'))[:300]} | {wshort(ws)}", flush=True)


z = fbm(256, seed=5)[:160] * 2500
fg, ax = plt.subplots(); im = ax.imshow(z, origin="lower", extent=(0, 30, -10, 10), aspect="auto", cmap="terrain", vmin=0, vmax=2500)
fg.colorbar(im, ax=ax, orientation="horizontal", label="elevation (m)"); ax.set_title("Survey area, elevation"); ax.set_xlabel("x (km)"); ax.set_ylabel("y (km)")
probe("C1 imshow lower/extent/hbar terrain", fg, ax, im, "terrain", 0, 2500, (0, 30), (-10, 10)); plt.close(fg)

X, Y = np.meshgrid(np.linspace(0, 4, 256), np.linspace(0, 3, 192))
fg, ax = plt.subplots(); cs = ax.contourf(X, Y, (fbm(256, seed=9)[:192] - 0.5) * 6, levels=12, cmap="RdBu_r"); fg.colorbar(cs, ax=ax)
probe(f"C2 contourf12 RdBu_r levels {cs.levels[0]:g}..{cs.levels[-1]:g}", fg, ax, cs, "RdBu_r", cs.norm.vmin, cs.norm.vmax, (0, 4), (0, 3)); plt.close(fg)

lon, lat = np.linspace(-180, 180, 181), np.linspace(-90, 90, 91)
anom = cv2.resize(fbm(256, seed=4).astype(np.float32), (180, 90), interpolation=cv2.INTER_AREA).astype(np.float64) * 6 - 3
fg, ax = plt.subplots(figsize=(8, 4.5)); pm = ax.pcolormesh(lon, lat, anom, cmap="RdBu_r", vmin=-3, vmax=3, shading="flat"); th = np.linspace(0, 2 * np.pi, 400); lines = []
for k in range(7):
    cx, cy, r0 = rng.uniform(-150, 150), rng.uniform(-60, 60), rng.uniform(10, 30)
    rr = r0 * (1 + sum(rng.uniform(0, 0.25) * np.sin(j * th + rng.uniform(0, 6)) for j in (2, 3, 5, 8, 13)))
    lines += ax.plot(cx + rr * np.cos(th), cy + 0.6 * rr * np.sin(th), "k-", lw=0.8)
ax.set_xlim(-180, 180); ax.set_ylim(-90, 90); fg.colorbar(pm, ax=ax, label="anomaly (K)")
probe("C3 pcolormesh lat/lon+coast RdBu_r (90x180 cells)", fg, ax, pm, "RdBu_r", -3, 3, (-180, 180), (-90, 90), lines=lines); plt.close(fg)

import xarray as xr
da = xr.DataArray(fbm(256, seed=12)[:128, :] * 30 - 5, dims=("lat", "lon"), coords={"lat": np.linspace(-60, 60, 128), "lon": np.linspace(0, 358.6, 256)},
                  name="t2m", attrs={"units": "degC", "long_name": "2 m temperature"})
fg, ax = plt.subplots(); art = da.plot(ax=ax)
probe(f"C4 xarray .plot() {art.get_cmap().name} (128x256 cells)", fg, ax, art, art.get_cmap().name, float(art.norm.vmin), float(art.norm.vmax), (0, 358.6), (-60, 60)); plt.close(fg)

TP = "/work/main/.venv/bin/truepix"
def run(*args):
    t0 = time.time(); r = subprocess.run([TP, *args], capture_output=True, text=True, cwd=d); dt = time.time() - t0
    print(f"$ truepix {' '.join(args)}\n  rc {r.returncode} ({dt:.1f}s wall) stdout {r.stdout.strip()[:400]!r}\n  stderr {r.stderr.strip()[-400:]!r}", flush=True)
print("\n# CLI")
run("identify", "C1_jpeg75.jpg", "--top", "3")
run("decolorize", "C1_jpeg75.jpg", "c1.npy", "--cmap", "terrain", "--vmin", "0", "--vmax", "2500")
if os.path.exists(os.path.join(d, "c1.npy")):
    v = np.load(os.path.join(d, "c1.npy")); print(f"  -> {v.shape} NaN {100*np.isnan(v).mean():.1f}% of the whole figure, finite {np.nanmin(v):.0f}..{np.nanmax(v):.0f}")
run("read-figure", "C3_jpeg75.jpg", "-o", "c3.nc", "--report", "c3_report.png")
if os.path.exists(os.path.join(d, "c3.nc")):
    ds = xr.open_dataset(os.path.join(d, "c3.nc")); print("  -> c3.nc:", {k: (v.shape, str(v.dtype)) for k, v in ds.data_vars.items()}, {k: (float(v.min()), float(v.max())) for k, v in ds.coords.items()})
run("read-figure", "C2_hidpi_lanczos0.5.png", "-o", "c2.csv")
if os.path.exists(os.path.join(d, "c2.csv")):
    print("  -> c2.csv first lines:", open(os.path.join(d, "c2.csv")).read(300).splitlines()[:3])

"""Deliver 3-6: seed 001 as written, exact pictures in every form, integer counts from a pcolormesh
figure, norms carrying their limits, MATLAB jet(64)/parula(64), OpenCV applyColorMap.
python t3_exact.py"""
import io, sys, time
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import matplotlib.colors as mc
from PIL import Image
import cv2
import truepix as tp
from common import fields, decode, jpeg

F = fields(128)
rng = np.random.default_rng(1)


def rep(tag, v, x, vmin, vmax, nbins=256, w=()):
    nan = np.isnan(v)
    e = np.abs(v - x)
    b = (vmax - vmin) / nbins
    inb = (e[~nan] <= b / 2 + 1e-9 * (vmax - vmin)).mean() * 100 if (~nan).any() else 0
    print(f"{tag:55s} NaN {100*nan.mean():6.2f}%  mean {np.nanmean(e)/(vmax-vmin)*100:7.3f}%  max {np.nanmax(e) if (~nan).any() else np.nan:9.3f} "
          f"(bin {b:.3f})  in own bin {inb:6.2f}%" + (f"  WARN {w[0][:90]}" if w else ""), flush=True)


print("== seed 001 as written: jet(Normalize(1500, 4500)(data)) float RGBA")
data = rng.uniform(1500, 4500, (200, 300))
jet = plt.get_cmap("jet")
pic = jet(mc.Normalize(1500, 4500)(data))
v, w = decode(pic, cmap="jet", vmin=1500, vmax=4500); rep("seed001 float64 RGBA", v, data, 1500, 4500, w=w)
r = tp.Decolorizer("jet", vmin=1500, vmax=4500).decode(pic)
print("   ambiguous share", r.ambiguous.mean(), " max err on ambiguous", np.nanmax(np.abs(r.values - data)[r.ambiguous]) if r.ambiguous.any() else None)

print("== exact forms, viridis/jet/RdBu_r/twilight/gray on terrain 128^2")
for cm in ["viridis", "jet", "RdBu_r", "twilight", "gray", "cividis", "hsv"]:
    x = F["terrain"]; vmin, vmax = float(x.min()), float(x.max())
    b = io.BytesIO(); plt.imsave(b, x, cmap=cm, vmin=vmin, vmax=vmax, format="png")
    f32 = plt.imread(io.BytesIO(b.getvalue()))
    u8 = np.asarray(Image.open(io.BytesIO(b.getvalue())))
    cmo = plt.get_cmap(cm); nx = mc.Normalize(vmin, vmax)(x)
    forms = {"plt.imread float32 RGBA": f32, "PIL uint8 RGBA": u8, "uint16 x257 RGB": u8[..., :3].astype(np.uint16) * 257,
             "float64 cmap(norm(x))": cmo(nx), "float32 cmap(norm(x))": cmo(nx).astype(np.float32),
             "float64 RGB f32/1": f32[..., :3].astype(np.float64)}
    for k, p in forms.items():
        v, w = decode(p, cmap=cm, vmin=vmin, vmax=vmax); rep(f"{cm:8s} {k}", v, x, vmin, vmax, w=w)

print("== property: every matplotlib map through plt.imsave -> plt.imread (float32), in-bin share")
x = np.linspace(0, 1, 64 * 64).reshape(64, 64); bad = []
for cm in sorted(plt.colormaps()):
    if cm.endswith("_r") or plt.get_cmap(cm).N < 256:
        continue
    b = io.BytesIO(); plt.imsave(b, x, cmap=cm, vmin=0, vmax=1, format="png")
    p = plt.imread(io.BytesIO(b.getvalue()))
    v, w = decode(p, cmap=cm, vmin=0, vmax=1)
    e = np.abs(v - x); inb = (e <= 0.5 / 256 + 1e-9).mean()
    # colours shared by several entries may decode to the middle of their union: allow that
    if np.isnan(v).any() or inb < 0.999:
        bad.append((cm, round(100 * np.isnan(v).mean(), 2), round(100 * inb, 2), round(float(np.nanmax(e)) * 256, 2)))
print("   maps not at floor (name, NaN%, in-bin%, max err in bins):", bad)

print("== figures: imshow/pcolormesh/pcolor/contourf(no)/seaborn integer counts, step=1, PNG")
import seaborn as sns
counts = rng.integers(0, 21, (12, 16)).astype(float)
for kind in ["imshow", "pcolormesh", "pcolor", "heatmap"]:
    for cm in ["viridis", "jet", "magma", "coolwarm", "turbo", "cividis"]:
        fig = plt.figure(figsize=(4, 3), dpi=100); ax = fig.add_axes([0, 0, 1, 1]); ax.set_axis_off()
        if kind == "imshow":
            ax.imshow(counts, cmap=cm, vmin=0, vmax=20, aspect="auto", interpolation="nearest")
        elif kind == "pcolormesh":
            ax.pcolormesh(counts[::-1], cmap=cm, vmin=0, vmax=20)
        elif kind == "pcolor":
            ax.pcolor(counts[::-1], cmap=cm, vmin=0, vmax=20)
        else:
            sns.heatmap(counts, cmap=cm, vmin=0, vmax=20, ax=ax, cbar=False, xticklabels=False, yticklabels=False)
        b = io.BytesIO(); fig.savefig(b, format="png"); plt.close(fig)
        a = np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
        H, W = a.shape[:2]
        rr = ((np.arange(12) + .5) * H / 12).astype(int); cc = ((np.arange(16) + .5) * W / 16).astype(int)
        v, w = decode(a, cmap=cm, vmin=0, vmax=20, step=1)
        vc = v[np.ix_(rr, cc)]
        off = (vc != counts) | np.isnan(vc)
        v2, _ = decode(a, cmap=cm, vmin=0, vmax=20)
        print(f"   {kind:10s} {cm:9s} step=1: cells wrong {100*off.mean():5.1f}%  NaN(all px) {100*np.isnan(v).mean():5.2f}%  "
              f"no step: max err {np.nanmax(np.abs(v2[np.ix_(rr, cc)] - counts)):.3f} (bin {20/256:.3f})" + (f" WARN {w[0][:80]}" if w else ""), flush=True)

print("== norms carry their limits: default call with norm only (no vmin/vmax), ScalarMappable bytes")
x = F["terrain"]
norms = {"Normalize": mc.Normalize(200, 4000), "LogNorm": mc.LogNorm(200, 4000), "SymLogNorm": mc.SymLogNorm(100, vmin=-4000, vmax=4000),
         "PowerNorm": mc.PowerNorm(0.5, 200, 4000), "TwoSlopeNorm": mc.TwoSlopeNorm(1000, 200, 4000),
         "CenteredNorm": mc.CenteredNorm(1000, 3000), "AsinhNorm": mc.AsinhNorm(100, vmin=-4000, vmax=4000),
         "BoundaryNorm": mc.BoundaryNorm(np.linspace(200, 4000, 12), 256)}
for cm in ["viridis", "RdBu_r"]:
    for nn, N in norms.items():
        xx = (x - 2000.0) if nn in ("SymLogNorm", "AsinhNorm") else x   # smooth signed field
        pic = plt.cm.ScalarMappable(norm=N, cmap=cm).to_rgba(xx, bytes=True)
        try:
            v, w = decode(pic, cmap=cm, norm=N)
            nv, nx = np.asarray(N(v), float), np.asarray(N(xx), float)
            if nn == "BoundaryNorm":
                ok = np.isclose(np.digitize(v, N.boundaries), np.digitize(xx, N.boundaries))
                msg = f"same interval {100*ok.mean():.2f}%"
            else:
                e = np.abs(nv - nx); msg = f"max |N(v)-N(x)| {np.nanmax(e)*256:.2f} bins, in-bin {100*(e<=0.5/256+1e-7).mean():.1f}%"
            vj, _ = decode(jpeg(pic[..., :3].copy(), 75, 2), cmap=cm, norm=N)
            print(f"   {cm:7s} {nn:13s} NaN {100*np.isnan(v).mean():.2f}%  {msg};  JPEG q75 NaN {100*np.isnan(vj).mean():.2f}%" + (f" WARN {w[0][:70]}" if w else ""), flush=True)
        except Exception as ex:
            print(f"   {cm:7s} {nn:13s} RAISED {type(ex).__name__}: {str(ex)[:150]}", flush=True)
try:
    v, w = decode(plt.cm.ScalarMappable(norm=mc.Normalize(0, 10), cmap="viridis").to_rgba(np.full((4, 4), 5.0), bytes=True),
                  cmap="viridis", norm=mc.Normalize(0, 10), vmin=0, vmax=20)
    print("   norm(0,10) + vmin=0,vmax=20: NO ERROR, values", np.unique(v))
except Exception as ex:
    print(f"   norm(0,10) + vmin=0,vmax=20 -> {type(ex).__name__}: {ex}")

print("== MATLAB jet(64) / parula(64), imagesc-style indices, rounded bytes")
def matlab_jet(m):
    n = int(np.ceil(m / 4)); u = np.r_[np.arange(1, n + 1) / n, np.ones(n - 1), np.arange(n, 0, -1) / n]
    g = int(np.ceil(n / 2)) - (m % 4 == 1) + np.arange(1, len(u) + 1); r = g + n; b = g - n
    J = np.zeros((m, 3))
    J[r[r <= m] - 1, 0] = u[r <= m]; J[g[g <= m] - 1, 1] = u[g <= m]; J[b[b >= 1] - 1, 2] = u[b >= 1]
    return J
mj = matlab_jet(64)
cat = tp.colormaps()
print("   published parula(64) row1 [0.2422 0.1504 0.6603], row64 [0.9769 0.9839 0.0805]")
x = F["terrain"]; vmin, vmax = float(x.min()), float(x.max())
idx = np.clip(np.floor((x - vmin) / (vmax - vmin) * 64), 0, 63).astype(int)
pic = np.round(mj[idx] * 255).astype(np.uint8)
print("   MATLAB jet(64) formula vs catalog matlab:jet_64 (max DN diff):", end=" ")
try:
    tab = tp.colorize(np.linspace(0, 1, 64), cmap="matlab:jet_64", vmin=0, vmax=1)[..., :3].astype(int)
    print(np.abs(tab - np.round(mj * 255)).max())
except Exception as ex:
    print("n/a", ex)
for cm_name in ["matlab:jet", "matlab:jet_64", "jet"]:
    for name, p in [("png", pic), ("jpeg q90", jpeg(pic, 90, 2))]:
        v, w = decode(p, cmap=cm_name, vmin=vmin, vmax=vmax); rep(f"jet(64) {name} cmap={cm_name}", v, x, vmin, vmax, nbins=64, w=w)
for cm_name in ["matlab:parula_64", "matlab:parula"]:
    try:
        tab = tp.colorize(np.linspace(0, 1, 64), cmap="matlab:parula_64", vmin=0, vmax=1)[..., :3]
        print("   catalog parula_64 row1/row64 bytes:", tab[0], tab[-1], "published*255:", np.round(np.array([0.2422, 0.1504, 0.6603]) * 255), np.round(np.array([0.9769, 0.9839, 0.0805]) * 255))
        ppic = tab[idx]
        v, w = decode(ppic, cmap=cm_name, vmin=vmin, vmax=vmax); rep(f"parula(64) png cmap={cm_name}", v, x, vmin, vmax, nbins=64, w=w)
    except Exception as ex:
        print("  parula", cm_name, type(ex).__name__, ex)

print("== OpenCV applyColorMap (value v -> entry v), imwrite PNG/JPEG, imread + cvtColor")
c = F["camera"]; u = np.round((c - c.min()) / np.ptp(c) * 255).astype(np.uint8)   # (fields() camera is 0..25500)
for cvname, tpname in [("JET", "opencv:jet"), ("VIRIDIS", "opencv:viridis"), ("TURBO", "opencv:turbo"), ("PARULA", "opencv:parula"), ("TWILIGHT", "opencv:twilight")]:
    bgr = cv2.applyColorMap(u, getattr(cv2, "COLORMAP_" + cvname))
    for ext, params in [(".png", []), (".jpg", [cv2.IMWRITE_JPEG_QUALITY, 95]), (".jpg", [cv2.IMWRITE_JPEG_QUALITY, 75])]:
        ok, enc = cv2.imencode(ext, bgr, params)
        back = cv2.imdecode(enc, cv2.IMREAD_COLOR)
        rgb = cv2.cvtColor(back, cv2.COLOR_BGR2RGB)
        v, w = decode(rgb, cmap=tpname, vmin=0, vmax=255)
        e = np.abs(v - u)
        print(f"   {tpname:16s} {ext}{params[1:] or ''} RGB: NaN {100*np.isnan(v).mean():.2f}%  mean |err| {np.nanmean(e):.3f} DN  max {np.nanmax(e):.2f}  exact(round) {100*(np.round(v)==u).mean():.1f}%" + (f" WARN {w[0][:60]}" if w else ""), flush=True)
    v, w = decode(back, cmap=tpname, vmin=0, vmax=255)
    print(f"   {tpname:16s} passed BGR as is: mean |err| {np.nanmean(np.abs(v-u)):.1f} DN, warned: {bool(w)} {w[0][:100] if w else ''}")

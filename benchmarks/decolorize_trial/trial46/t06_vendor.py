"""Deliver 6: vendor maps as the vendor draws them. MATLAB formulas (jet, hot, gray, cool, spring, summer,
autumn, winter, bone, copper, pink, hsv) vs truepix's matlab:* tables (via tp.colorize of bin centres);
MATLAB jet(64)/parula(64) pictures (imagesc index + round(map*255), as imwrite writes them) decoded with
the default call; OpenCV applyColorMap pictures (value v -> entry v) exact, JPEG (cv2.imwrite), resized."""
import numpy as np, truepix as tp, cv2, colorsys
import _common as c

def mjet(m):
    n = int(np.ceil(m / 4)); u = np.r_[np.arange(1, n + 1) / n, np.ones(n - 1), np.arange(n, 0, -1) / n]
    g = int(np.ceil(n / 2)) - (m % 4 == 1) + np.arange(1, len(u) + 1); r = g + n; b = g - n
    J = np.zeros((m, 3))
    J[r[r <= m] - 1, 0] = u[r <= m]; J[g[g <= m] - 1, 1] = u[g <= m]; J[b[b >= 1] - 1, 2] = u[b >= 1]
    return J
def mhot(m):
    n = int(np.fix(3 / 8 * m)); r = np.r_[np.arange(1, n + 1) / n, np.ones(m - n)]
    g = np.r_[np.zeros(n), np.arange(1, n + 1) / n, np.ones(m - 2 * n)]; b = np.r_[np.zeros(2 * n), np.arange(1, m - 2 * n + 1) / (m - 2 * n)]
    return np.c_[r, g, b]
def mgray(m): r = np.arange(m) / (m - 1); return np.c_[r, r, r]
def formulas(m):
    r = np.arange(m) / (m - 1); o = np.ones(m); z = np.zeros(m); G = mgray(m); H = mhot(m)
    return {"jet": mjet(m), "hot": H, "gray": G, "cool": np.c_[r, 1 - r, o], "spring": np.c_[o, r, 1 - r],
            "summer": np.c_[r, .5 + r / 2, .4 * o], "autumn": np.c_[o, r, z], "winter": np.c_[z, r, .5 + (1 - r) / 2],
            "bone": (7 * G + H[:, ::-1]) / 8, "copper": np.minimum(1, G * [1.25, .7812, .4975]),
            "pink": np.sqrt((2 * G + H) / 3), "hsv": np.array([colorsys.hsv_to_rgb(h, 1, 1) for h in np.arange(m) / m])}

def table(name, m):
    x = (np.arange(m) + 0.5) / m
    return tp.colorize(x, cmap=name, vmin=0, vmax=1)[:, :3].astype(int)

print("catalog matlab:* vs MATLAB's published formulas (max |DN| difference over entries, vs round(f*255))")
for m, suffix in ((64, "_64"), (256, "")):
    F = formulas(m)
    for k, f in F.items():
        name = f"matlab:{k}{suffix}"
        try:
            t = table(name, m)
            d = np.abs(t - np.round(f * 255)).max()
            d2 = np.abs(t - np.floor(f * 255)).max()
            print(f"  {name:18} max|diff| vs round {d:5.0f}  vs trunc {d2:5.0f}  {'OK' if min(d, d2) <= 1 else 'DIFFERS'}")
        except Exception as e:
            print(f"  {name:18} {type(e).__name__}: {str(e)[:80]}")
# parula: published first/last rows of parula(64) (R2014b table as in MATLAB docs/File Exchange)
PAR64_FIRST, PAR64_LAST = np.array([0.2422, 0.1504, 0.6603]), np.array([0.9769, 0.9839, 0.0805])
for name in ("matlab:parula_64", "matlab:parula_2014b_64", "opencv:parula"):
    try:
        t = table(name, 64 if "64" in name else 256)
        print(f"  {name:24} first {t[0].tolist()} (pub {np.round(PAR64_FIRST*255).astype(int).tolist()}) last {t[-1].tolist()} (pub {np.round(PAR64_LAST*255).astype(int).tolist()})")
    except Exception as e:
        print(f"  {name}: {type(e).__name__}: {e}")

print("\nMATLAB-drawn pictures: imagesc index = min(fix(x*m)+1, m), imwrite -> round(map*255); default call")
fields = {"dem": c.crop(c.real_fields()["dem_jacksboro"], 256), "bumps": c.smooth_fields(256)["bumps"]}
x = fields["bumps"]
for cmapname, tab, m in [("jet", mjet(64), 64), ("jet", mjet(256), 256), ("parula", None, 64)]:
    if tab is None:
        tab = table("matlab:parula_64", 64) / 255.0  # use the catalog's own table for parula's picture
    idx = np.minimum((x * m).astype(int), m - 1)
    pic = np.round(tab[idx] * 255).astype(np.uint8)
    floor = 1 / (4 * m)
    for name in (f"matlab:{cmapname}", f"matlab:{cmapname}_64", cmapname if cmapname == "jet" else "matlab:parula"):
        try:
            v = tp.decolorize(pic, cmap=name, vmin=0, vmax=1)
            mae = np.nanmean(np.abs(v - x)); mx = np.nanmax(np.abs(v - x))
            print(f"  {cmapname}({m}) picture, cmap={name:18} MAE {mae*100:6.3f}% (floor {floor*100:.3f}%)  max {mx*100:6.2f}% (half entry {50/m:.2f}%)  NaN {np.isnan(v).mean()*100:6.2f}%")
        except Exception as e:
            print(f"  {cmapname}({m}) cmap={name}: {type(e).__name__}: {str(e)[:100]}")
    # JPEG of it
    v = tp.decolorize(c.jpeg(pic, 75), cmap=f"matlab:{cmapname}_64" if m == 64 else f"matlab:{cmapname}", vmin=0, vmax=1)
    print(f"    JPEG q75 of it: MAE {np.nanmean(np.abs(v-x))*100:.3f}%  NaN {np.isnan(v).mean()*100:.2f}%")

print("\nOpenCV applyColorMap(uint8 v): decode vmin=0 vmax=255; floor: |err|<=0.5, step=1 exact")
CV = {"jet": cv2.COLORMAP_JET, "turbo": cv2.COLORMAP_TURBO, "viridis": cv2.COLORMAP_VIRIDIS, "inferno": cv2.COLORMAP_INFERNO,
      "hot": cv2.COLORMAP_HOT, "bone": cv2.COLORMAP_BONE, "parula": cv2.COLORMAP_PARULA, "rainbow": cv2.COLORMAP_RAINBOW,
      "ocean": cv2.COLORMAP_OCEAN, "hsv": cv2.COLORMAP_HSV, "magma": cv2.COLORMAP_MAGMA, "twilight": cv2.COLORMAP_TWILIGHT,
      "cividis": cv2.COLORMAP_CIVIDIS, "deepgreen": cv2.COLORMAP_DEEPGREEN}
g = np.round(fields["dem"] * 255).astype(np.uint8)
g[0, :256] = np.arange(256)
for k, code in CV.items():
    bgr = cv2.applyColorMap(g, code); rgb = bgr[..., ::-1].copy()
    name = f"opencv:{k}"
    try:
        v = tp.decolorize(rgb, cmap=name, vmin=0, vmax=255)
        vs = tp.decolorize(rgb, cmap=name, vmin=0, vmax=255, step=1)
        ok, buf = cv2.imencode(".jpg", bgr); jp = cv2.imdecode(buf, 1)[..., ::-1].copy()  # cv2 default q95
        vj = tp.decolorize(jp, cmap=name, vmin=0, vmax=255)
        sm = cv2.resize(bgr, (128, 128), interpolation=cv2.INTER_AREA)[..., ::-1].copy()
        tr = cv2.resize(g.astype(np.float32), (128, 128), interpolation=cv2.INTER_AREA)
        vr = tp.decolorize(sm, cmap=name, vmin=0, vmax=255)
        b = c.Baseline  # baseline for opencv tables: nearest of the 256 picture colours
        lut = cv2.applyColorMap(np.arange(256, dtype=np.uint8)[:, None], code)[:, 0, ::-1].astype(float)
        from scipy.spatial import cKDTree
        T = cKDTree(lut)
        bj = T.query(jp.reshape(-1, 3).astype(float))[1].reshape(g.shape); br = T.query(sm.reshape(-1, 3).astype(float))[1].reshape(tr.shape)
        def mae(e, t): e = np.where(np.isnan(e), np.nan, e); h = np.isnan(e); return (np.nansum(np.abs(e - t)) + 255 * h.sum()) / e.size
        print(f"  {name:18} exact max|err| {np.nanmax(np.abs(v-g)):5.2f} step1 exact {np.mean(vs==g)*100:5.1f}% NaN {np.isnan(v).mean()*100:4.1f}% | "
              f"cv2 JPEG q95 MAE {mae(vj,g):5.2f} (kd {mae(bj,g):5.2f}) holes {np.isnan(vj).mean()*100:4.2f}% | INTER_AREA 0.5x MAE {mae(vr,tr):5.2f} (kd {mae(br,tr):5.2f}) holes {np.isnan(vr).mean()*100:4.2f}%", flush=True)
    except Exception as e:
        print(f"  {name}: {type(e).__name__}: {str(e)[:120]}")
print("load", c.loadavg())

"""Part 2: remote sensing. NDVI in [-1, 1] (a real texture: the DEM + camera blended, 384x384) with 'clouds' (NaN blobs,
~12 % of pixels), cmap "RdYlGn", vmin -1, vmax 1.
(a) plt.imsave PNG of the NaN array (bad color transparent -> RGBA alpha 0) read with plt.imread (float32 RGBA) and as uint8 RGBA;
(b) plt.imsave with cmap.with_extremes(bad="white") -> RGB PNG, and its JPEG q75 / q90;
(c) the masked array (np.ma.masked_invalid) in a figure: imshow + cmap.set_bad("white") + colorbar, PNG and JPEG q75;
(d) set_under("navy") / set_over("magenta") with vmin -0.5, vmax 0.8 and colorbar(extend="both"): decode by name, and with
    the Colormap object (README: over/under come back at vmax/vmin, marked).
Masked pixels must come back NaN (>= 99 % PNG, >= 95 % JPEG), the rest valued (<= 0.2 % holes), ratio vs the k-d tree."""
import io, numpy as np, matplotlib.pyplot as plt, matplotlib as mpl, truepix as tp
from PIL import Image
from _p5 import c, F, kd, call, wshort, header, cpu, fig_truth, mscore, line, LHEAD

header(__doc__.splitlines()[0])
N = 384; rf = c.real_fields(512)
import cv2
dem = cv2.resize(rf["dem_jacksboro"].astype(np.float32), (N, N), interpolation=cv2.INTER_CUBIC).astype(float)  # the DEM is 344 rows: stretched to N x N
nd = np.clip(0.55 * dem + 0.45 * c.crop(rf["camera"], N), 0, 1) * 2 - 1
sm = F.smooth(N, N, seed=11); cloud = sm > np.quantile(sm, 0.88)
ndv = nd.copy(); ndv[cloud] = np.nan
print(f"cloud share {100*cloud.mean():.1f}%")
m = "RdYlGn"; cm = mpl.colormaps[m]; base_f = kd(m)
truth = (nd + 1) / 2

def report(tag, v, res=None, ws=(), lo=-1, hi=1, truthpos=truth, maskpx=cloud):
    pos = (v - lo) / (hi - lo); t = truthpos.copy(); t[maskpx] = np.nan
    fl = float(np.isnan(v[maskpx]).mean()) if maskpx.any() else float("nan")
    info = f"jpeg/noise/thr {bool(res.jpeg)}/{float(res.noise):.2f}/{float(res.threshold):.1f} " if res is not None else ""
    return line(tag, pos, t, base_f(pic_for_kd[0]), f"{info}masked flagged {100*fl:.2f}%", ws)

print(LHEAD)
# (a) imsave of NaN -> transparent
b = io.BytesIO(); plt.imsave(b, ndv, cmap=m, vmin=-1, vmax=1, format="png"); raw = b.getvalue()
b.seek(0); f32 = plt.imread(io.BytesIO(raw)); u8 = np.asarray(Image.open(io.BytesIO(raw)))
print(f"(a) imsave PNG: plt.imread {f32.dtype} {f32.shape} alpha==0 on cloud {100*(f32[..., 3][cloud] == 0).mean():.1f}%; Pillow {u8.dtype} {u8.shape}")
for nm, pic in (("a imsave transparent, plt.imread f32", f32), ("a imsave transparent, uint8 RGBA", u8)):
    pic_for_kd = [(np.asarray(pic)[..., :3] * (255 if pic.dtype != np.uint8 else 1)).round().astype(np.uint8)]
    r, err, ws = call(lambda: tp.Decolorizer(m, vmin=-1, vmax=1).decode(pic))
    if r is None: print(f"{nm:46}ERROR {err}"); continue
    report(nm, r.values, r, ws)
# (b) white bad, RGB
cmw = cm.with_extremes(bad="white")
b = io.BytesIO(); plt.imsave(b, ndv, cmap=cmw, vmin=-1, vmax=1, format="png")
rgb = np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
for nm, pic in (("b white bad PNG", rgb), ("b white bad JPEG q75", c.jpeg(rgb, 75)), ("b white bad JPEG q90", c.jpeg(rgb, 90))):
    pic_for_kd = [pic]
    r, err, ws = call(lambda: tp.Decolorizer(m, vmin=-1, vmax=1).decode(pic))
    if r is None: print(f"{nm:46}ERROR {err}"); continue
    report(nm, r.values, r, ws)
    if "PNG" in nm:
        r2, err, ws2 = call(lambda: tp.Decolorizer(cmw, vmin=-1, vmax=1).decode(pic))
        pic_for_kd = [pic]
        if r2 is None: print(f"{'b white bad PNG, cmap=with_extremes obj':46}ERROR {err}")
        else: report("b white bad PNG, cmap=with_extremes obj", r2.values, r2, ws2)
# (c) masked array in a figure
cmb = mpl.colormaps[m].copy(); cmb.set_bad("white")
fg, ax = plt.subplots(); art = ax.imshow(np.ma.masked_invalid(ndv), cmap=cmb, vmin=-1, vmax=1); fg.colorbar(art, ax=ax, label="NDVI")
for fmt in ("png", "jpg"):
    pic, (sl,), (tr,), raw = fig_truth(fg, [art], fmt)
    maskpx = np.isnan(tr)  # red in the redraw: masked cells (and their antialiased borders)
    pic_for_kd = [pic[sl]]
    v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=-1, vmax=1))
    if v is None: print(f"c figure {fmt} ERROR {err}"); continue
    fl = float(np.isnan(v[sl][maskpx]).mean())
    line(f"c figure masked->white {fmt}", (v[sl] + 1) / 2, tr, base_f(pic[sl]), f"masked px {int(maskpx.sum())} flagged {100*fl:.2f}%", ws)
    rd, err, ws = call(lambda: tp.read_figure(raw))
    if rd is not None and rd.panels:
        p = rd.panels[0]; a = p.data.attrs; t_, b_, l_, r_ = p.interior
        est = np.full(pic.shape[:2], np.nan); est[t_:b_, l_:r_] = p.pixel_values; est = est[sl]
        mt, pt, ht = mscore((est + 1) / 2, tr); fl2 = float(np.isnan(est[maskpx]).mean())
        print(f"    read_figure: cmap {a.get('cmap')} vmin {a.get('vmin')} vmax {a.get('vmax')} conf {a.get('confidence')} holes {100*ht:.3f}% MAE {100*mt:.3f}% masked flagged {100*fl2:.2f}% doubts {str(a.get('doubts'))[:120]!r} | {wshort(ws)}", flush=True)
    else: print(f"    read_figure: {err}")
plt.close(fg)
# (d) under / over
lo, hi = -0.5, 0.8
cmx = mpl.colormaps[m].with_extremes(under="navy", over="magenta")
fg, ax = plt.subplots(); art = ax.imshow(nd, cmap=cmx, vmin=lo, vmax=hi); fg.colorbar(art, ax=ax, extend="both", label="NDVI")
under_t, over_t = None, None
for fmt in ("png", "jpg"):
    pic, (sl,), (tr,), raw = fig_truth(fg, [art], fmt)
    # which pixels are under/over: redraw at the same dpi with the under/over colors only
    pos_true = tr  # gray redraw clips to 0/1 at the extremes
    und = tr <= 0.5 / 256 + 1e-9; ovr = tr >= 255.5 / 256 - 1e-9
    print(f"# d {fmt}: under px {int(und.sum())} over px {int(ovr.sum())}")
    for route, cmap_arg in (("name", m), ("object", cmx)):
        r, err, ws = call(lambda: tp.Decolorizer(cmap_arg, vmin=lo, vmax=hi).decode(pic))
        if r is None: print(f"d {fmt} {route} ERROR {err}"); continue
        v = r.values[sl]; pos = (v - lo) / (hi - lo)
        mid = ~und & ~ovr & np.isfinite(tr)
        t2 = tr.copy(); t2[~mid] = np.nan
        ext = (f"under: NaN {100*np.isnan(v[und]).mean():.1f}% at vmin {100*np.isclose(v[und], lo).mean():.1f}% marked {100*np.asarray(r.under)[sl][und].mean():.1f}%; "
               f"over: NaN {100*np.isnan(v[ovr]).mean():.1f}% at vmax {100*np.isclose(v[ovr], hi).mean():.1f}% marked {100*np.asarray(r.over)[sl][ovr].mean():.1f}%")
        line(f"d extend both {fmt} cmap={route}", pos, t2, base_f(pic[sl]), ext, ws)
    rd, err, ws = call(lambda: tp.read_figure(raw))
    if rd is not None and rd.panels:
        a = rd.panels[0].data.attrs; cb = rd.panels[0].colorbar
        print(f"    read_figure: cmap {a.get('cmap')} vmin {a.get('vmin')} vmax {a.get('vmax')} conf {a.get('confidence')} bar under {getattr(cb, 'under', None)} over {getattr(cb, 'over', None)} doubts {str(a.get('doubts'))[:120]!r}", flush=True)
plt.close(fg)

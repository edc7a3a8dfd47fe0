"""Part 2: cartopy-style maps without cartopy (not installed): a lon/lat field drawn by pcolormesh (shading='auto'),
with many wiggly 'coastline' polylines (fractal random walks, lw 0.5 / 1.0, colour the map lacks: magenta/lime/black
picked as in trial 45's far_color) and dashed gray gridlines (lw 0.5, alpha 0.5, as cartopy's gridlines), dpi 100/150,
PNG and JPEG q75/q90. Default call on the whole figure. Scored on the plot interior: share of stroke pixels (changed
> 10 DN) flagged NaN, share answered >5 % off ('silently wrong'), holes on pixels >= 3 px from any stroke."""
import warnings, numpy as np, truepix as tp, cv2
import matplotlib.pyplot as plt, matplotlib as mpl
from scipy.ndimage import binary_dilation
import _fig as F, _common as c

dem = cv2.resize(c.norm01(c.real_fields()["dem_jacksboro"]).astype(np.float32), (180, 90), interpolation=cv2.INTER_AREA).astype(np.float64)
fields = {"smooth": F.smooth(90, 180, seed=4), "dem": dem}
CANDS = {"magenta": (1, 0, 1), "lime": (0.5, 1, 0), "green": (0, 0.8, 0), "red": (1, 0, 0), "cyan": (0, 1, 1), "black": (0, 0, 0)}
def far(m):
    lut = mpl.colormaps[m](np.linspace(0, 1, 256))[:, :3]
    return max(CANDS.items(), key=lambda kv: np.min(np.linalg.norm(lut - np.array(kv[1]), axis=1)))
rng = np.random.default_rng(7)
coasts = []
for _ in range(14):
    n = 400; ang = np.cumsum(rng.normal(0, 0.5, n)); st = rng.uniform(0.2, 0.8)
    x = rng.uniform(-170, 170) + np.cumsum(st * np.cos(ang)); y = rng.uniform(-75, 75) + np.cumsum(st * np.sin(ang))
    coasts.append((np.clip(x, -179, 179), np.clip(y, -89, 89)))

def draw(f, m, dpi, strokes, col, lw):
    fg = plt.figure(figsize=(6, 3.4), dpi=dpi); ax = fg.add_axes([0.06, 0.08, 0.8, 0.84])
    lon = np.linspace(-179, 179, f.shape[1]); lat = np.linspace(-89, 89, f.shape[0])
    art = ax.pcolormesh(lon, lat, f, cmap=m, vmin=0, vmax=1, shading="auto"); fg.colorbar(art)
    if strokes:
        for x, y in coasts: ax.plot(x, y, color=col, lw=lw)
        for g in range(-150, 180, 30): ax.axvline(g, color="0.5", ls="--", lw=0.5, alpha=0.5)
        for g in range(-60, 90, 30): ax.axhline(g, color="0.5", ls="--", lw=0.5, alpha=0.5)
    ax.set_xlim(-180, 180); ax.set_ylim(-90, 90)
    pic = F.grab(fg); sl = F.interior(fg, ax); truth = F.gray_truth(fg, art, sl); plt.close(fg)
    return pic, sl, truth

print(f"{'map':9}{'field':7}{'dpi':>4} {'colour':8}{'lw':>4} {'fmt':7}{'stroke_px':>9}{'flag%':>7}{'coast%':>7}{'grid%':>7}{'wrong>5%':>9}{'holes%':>8}")
agg = {}
for m in ("viridis", "jet", "magma"):  # cut to fit the loaded machine (first rows of the 5-map run: t29_coastlines_partial_first12.txt)
    cname, col = far(m)
    for fn, f in fields.items():
        for dpi in (100, 150):
            clean, sl, truth = draw(f, m, dpi, False, col, 1)
            for lw in (0.5,):
                pic, _, _ = draw(f, m, dpi, True, col, lw)
                d = np.abs(pic.astype(int) - clean.astype(int)).max(-1)[sl]
                # which changed pixels are coastline (far colour) vs gridline: redraw with gridlines only
                for fmt in ("png", "jpeg75"):
                    im = pic if fmt == "png" else c.jpeg(pic, int(fmt[4:]))
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        v = tp.decolorize(im, cmap=m, vmin=0, vmax=1)[sl]
                    sm = d > 10; farm = ~binary_dilation(d > 0, iterations=3)
                    # coastline pixels: hue close to the stroke colour (distance to col < to gray)
                    pc = pic[sl].astype(float) / 255; clv = clean[sl].astype(float) / 255
                    dc = np.linalg.norm(pc - clv, axis=-1); toward = np.linalg.norm(pc - np.array(col), axis=-1) < np.linalg.norm(clv - np.array(col), axis=-1) - 0.04
                    coast = sm & toward; grid = sm & ~toward
                    flag = np.isnan(v)[sm].mean(); fc = np.isnan(v)[coast].mean() if coast.any() else np.nan; fgd = np.isnan(v)[grid].mean() if grid.any() else np.nan
                    wrong = ((np.abs(v - truth) > 0.05) & ~np.isnan(v))[sm].mean(); hc = np.isnan(v)[farm].mean()
                    agg.setdefault(fmt, []).append((flag, fc, fgd, wrong, hc))
                    print(f"{m:9}{fn:7}{dpi:>4} {cname:8}{lw:>4} {fmt:7}{int(sm.sum()):9}{100*flag:7.1f}{100*fc:7.1f}{100*fgd:7.1f}{100*wrong:9.1f}{100*hc:8.3f}", flush=True)
print("\nSUMMARY per format: flagged (all strokes / coastlines / gridlines) mean,min; silently wrong mean,max; holes max")
for fmt, L in agg.items():
    L = np.array(L, float)
    print(f"  {fmt:7} all {100*np.nanmean(L[:,0]):5.1f}%/{100*np.nanmin(L[:,0]):5.1f}%  coast {100*np.nanmean(L[:,1]):5.1f}%/{100*np.nanmin(L[:,1]):5.1f}%  grid {100*np.nanmean(L[:,2]):5.1f}%/{100*np.nanmin(L[:,2]):5.1f}%  wrong {100*L[:,3].mean():4.1f}%/{100*L[:,3].max():4.1f}%  holes max {100*L[:,4].max():.3f}% (>0.2%: {int((L[:,4]>.002).sum())}/{len(L)})")
print("load", F.loadavg())

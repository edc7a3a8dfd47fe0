"""Part 2: imshow of a LARGE array (2000x3000) drawn into a small figure (6.4x4.8 in, dpi 100: the axes are ~500x370 px,
a 6-8x downsample, matplotlib's default interpolation='antialiased' / interpolation_stage 'auto' -> resampled in RGBA),
with a colorbar, savefig PNG and JPEG (Pillow's default quality via savefig format='jpg'). Decoded with
cmap=tp.find_colorbar(figure) and the limits (vmin, vmax given), and by name. Truth: the figure redrawn with 'gray'
(same resampling); scored on the plot interior (3 px in). Fields: a real DEM / photograph drawn up to 2000x3000, and
a smooth field, and white-noise-textured fields (the case where RGBA averaging leaves the map most)."""
import io, numpy as np, cv2, matplotlib.pyplot as plt, matplotlib as mpl, truepix as tp
from PIL import Image
from _p3 import c, F, call, header, kd, row, summary, HEAD, wshort

header(__doc__.splitlines()[0])
rf = c.real_fields(512)
def up(f): return np.clip(cv2.resize(f.astype(np.float32), (3000, 2000), interpolation=cv2.INTER_CUBIC), 0, 1).astype(np.float64)
rng = np.random.default_rng(3)
fields = {"dem_up": up(c.crop(rf["dem_jacksboro"], 512)), "camera_up": up(rf["camera"]), "smooth": F.smooth(2000, 3000),
          "smooth+noise": np.clip(F.smooth(2000, 3000) + rng.normal(0, 0.05, (2000, 3000)), 0, 1)}
maps = ["viridis", "jet", "turbo", "RdBu_r"]
print(HEAD); rows = []
for fn, f in fields.items():
    data = 100 * f - 20
    for m in maps:
        fg, ax = plt.subplots(); art = ax.imshow(data, cmap=m); fg.colorbar(art)
        lo, hi = art.norm.vmin, art.norm.vmax
        sl = F.interior(fg, ax); truth = F.gray_truth(fg, art, sl)
        for fmt in ("png", "jpg"):
            b = io.BytesIO(); fg.savefig(b, format=fmt); pic = np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))
            base = kd(m)(pic[sl])
            for route in ("name", "bar"):
                if route == "bar":
                    bar, err, ws0 = call(lambda: tp.find_colorbar(pic))
                    if bar is None: print(f"{fn} {m} {fmt} find_colorbar -> None {err} {wshort(ws0)}"); continue
                    ent = bar.colormap_entry(); cm = bar; note = f"bar={getattr(ent, 'name', 'custom')} lim={bar.vmin}"
                else:
                    cm = m; note = ""
                v, err, ws = call(lambda: tp.decolorize(pic, cmap=cm, vmin=lo, vmax=hi))
                if v is None: print(f"{fn} {m} {fmt} {route} ERROR {err}"); continue
                res = tp.Decolorizer(cm, vmin=lo, vmax=hi).decode(pic)
                r = row(f"{fn:13}{m:8}{fmt:4}{route:5}{note}", (v[sl] - lo) / (hi - lo), truth, base, res, ws)
                rows.append((fmt, route, m) + r[1:])
        plt.close(fg)
summary(rows, lambda r: (r[0], r[1]), "by format, route")
summary(rows, lambda r: (r[0], r[2]), "by format, map")

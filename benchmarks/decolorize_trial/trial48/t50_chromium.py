"""Part 2: a plt.imsave-style PNG shown in headless Chromium and screenshotted (browser resampling). The page holds
the <img> at CSS width 75 % (body margin 0, white) in an 800x600 window at device-scale-factor 1.25 and 1.5 (and
1.0 as a control). 512x512 pictures -> 600 CSS px -> 750 / 900 / 600 device px (upscaling, the way a page shows
them). Also width 40 % (a downscale: 320 CSS px -> 400 / 480 / 320 device px). The whole screenshot is decoded with the
DEFAULT call (cmap name, vmin=0, vmax=1); scored on the image's interior (2 px in). Truth: the same page with the
'gray' picture (same resampling, 8-bit: (g+.5)/256). Baseline: k-d tree over the map's table."""
import os, subprocess, tempfile, numpy as np, matplotlib as mpl, truepix as tp
from PIL import Image
from _p3 import c, call, header, kd, row, summary, HEAD

header(__doc__.splitlines()[0])
tmp = tempfile.mkdtemp()
rf = c.real_fields(512); sf = c.smooth_fields(512)
fields = {"camera": rf["camera"], "dem": c.crop(rf["dem_jacksboro"], 512), "bumps": sf["bumps"]}
maps = ["viridis", "jet", "turbo"]
settings = [(wp, dsf) for wp in (75, 40) for dsf in (1.0, 1.25, 1.5)]
import sys
if len(sys.argv) > 1:  # a subset under load: --subset fields maps wp:dsf,...
    fields = {k: fields[k] for k in sys.argv[2].split(",")}; maps = sys.argv[3].split(",")
    settings = [(int(a.split(":")[0]), float(a.split(":")[1])) for a in sys.argv[4].split(",")]
print("fields", list(fields), "maps", maps, "settings", settings)
_gray_cache = {}

def shot(png, width_pct, dsf):
    html = os.path.join(tmp, "p.html"); out = os.path.join(tmp, "s.png")
    open(html, "w").write(f'<html><body style="margin:0;background:#fff"><img src="{png}" style="width:{width_pct}%;display:block"></body></html>')
    if os.path.exists(out): os.remove(out)
    p = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--force-device-scale-factor={dsf}",
                        "--window-size=800,600", f"--screenshot={out}", "file://" + html], capture_output=True, text=True, timeout=120)
    if not os.path.exists(out): raise RuntimeError(p.stderr[-400:])
    return np.asarray(Image.open(out).convert("RGB"))

print(HEAD); rows = []
for fn, f in fields.items():
    gpng = os.path.join(tmp, f"{fn}_gray.png"); Image.fromarray(mpl.colormaps["gray"](f, bytes=True)[..., :3]).save(gpng)
    for m in maps:
        png = os.path.join(tmp, f"{fn}_{m}.png"); Image.fromarray(mpl.colormaps[m](f, bytes=True)[..., :3]).save(png)
        for wp, dsf in settings:
                if (fn, wp, dsf) not in _gray_cache: _gray_cache[(fn, wp, dsf)] = shot(gpng, wp, dsf)
                g = _gray_cache[(fn, wp, dsf)]; pic = shot(png, wp, dsf)
                W = int(round(800 * dsf * wp / 100)); sl = (slice(2, W - 2), slice(2, W - 2))
                truth = (g[sl][..., 0] + 0.5) / 256
                v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=1))
                if v is None: print(f"{fn} {m} w{wp} dsf{dsf} ERROR {err}"); continue
                res = tp.Decolorizer(m, vmin=0, vmax=1).decode(pic)
                base = kd(m)(pic[sl])
                paper = float(np.isnan(v[:, W + 3:]).mean()) if pic.shape[1] > W + 3 else float("nan")
                r = row(f"{fn} {m} w{wp}% dsf{dsf} ({pic.shape[1]}x{pic.shape[0]}) paperNaN {100*paper:.1f}", v[sl], truth, base, res, ws)
                rows.append((f"w{wp} dsf{dsf}", m) + r[1:])
summary(rows, lambda r: r[0], "by width/scale")
summary(rows, lambda r: r[1], "by map")

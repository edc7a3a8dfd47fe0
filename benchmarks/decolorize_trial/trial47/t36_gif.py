"""Part 2: a GIF of a colormapped picture as Pillow writes it (RGB -> an adaptive 256-colour palette, Pillow's GIF
default) and as imageio.v3.imwrite(.gif) writes it; 4 real fields + 2 smooth, 256 px, jet / viridis / turbo. Default
call decolorize(gif_rgb, cmap=m, vmin=0, vmax=1): holes (goal <= 0.2 %, the issue's 256-colour quantization), MAE
with holes = 1.0, p99, ratio to the k-d tree; warnings."""
import io, numpy as np, matplotlib as mpl, truepix as tp
import imageio.v3 as iio
from PIL import Image
from _p2 import c, score, kd, call, wshort, header

header(__doc__.splitlines()[0])
rf = c.real_fields()
fields = {k: ("real", c.crop(rf[k], 256)) for k in ("dem_jacksboro", "camera", "moon", "grace_hopper")}
fields.update({k: ("smooth", c.smooth_fields(256)[k]) for k in ("bumps", "ramp_diag")})
print(f"{'writer':8}{'map':9}{'field':15}{'colors':>7}{'holes%':>8}{'tp%':>8}{'kd%':>8}{'ratio':>7}{'p99tp':>7}{'p99kd':>7}  jpeg/noise/thr | warnings")
rows = []
for writer in ("pillow", "imageio"):
    for m in ("jet", "viridis", "turbo"):
        for fn, (kind, f) in fields.items():
            rgb = mpl.colormaps[m](f, bytes=True)[..., :3]
            if writer == "pillow":
                b = io.BytesIO(); Image.fromarray(rgb).save(b, "GIF"); data = b.getvalue()
            else:
                data = iio.imwrite("<bytes>", rgb, extension=".gif")
            pic = np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))
            ncol = len(np.unique(pic.reshape(-1, 3), axis=0))
            v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=1))
            if v is None:
                print(f"{writer:8}{m:9}{fn:15} ERROR {err}"); continue
            res = tp.Decolorizer(m, vmin=0, vmax=1).decode(pic)
            mt, pt, ht = score(v, f); mb, pb, _ = score(kd(m)(pic), f)
            rows.append((writer, kind, ht, mt, mb, pt, pb))
            print(f"{writer:8}{m:9}{fn:15}{ncol:7}{100*ht:8.3f}{100*mt:8.3f}{100*mb:8.3f}{mt/mb:7.2f}{100*pt:7.2f}{100*pb:7.2f}  "
                  f"{bool(res.jpeg)}/{float(res.noise):.2f}/{float(res.threshold):.1f} | {wshort(ws)}", flush=True)
print("\nSUMMARY (writer, kind): holes mean/max, n>0.2%, ratio, p99 worse")
for w in ("pillow", "imageio"):
    for kind in ("real", "smooth"):
        rr = [r for r in rows if r[0] == w and r[1] == kind]
        if rr:
            print(f"  {w:8}{kind:7} holes {100*np.mean([r[2] for r in rr]):.3f}/{100*max(r[2] for r in rr):.3f} n>0.2% {sum(r[2] > .002 for r in rr)}/{len(rr)}"
                  f"  ratio {sum(r[3] for r in rr)/sum(r[4] for r in rr):.3f}  p99 worse {sum(r[5] > 1.001 * r[6] for r in rr)}/{len(rr)}")
print("load", c.loadavg())

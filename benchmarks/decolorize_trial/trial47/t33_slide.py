"""Part 2: a picture pasted into a PowerPoint-like slide: an exact render (plt.imsave's bytes) resized 0.8x with
Pillow BICUBIC, pasted on a white 4:3 slide with a 40+ px white border and a black title (Pillow's default font,
size 28), saved JPEG q85 (4:2:0). Default call on the whole slide (cmap=name, vmin=0, vmax=1). Scored on the pasted
region 3 px in (truth = the field resized the same way, mode F): holes, MAE, p99, ratio to the k-d tree; and the
share of white-border pixels and of title-ink pixels (< 128 in the slide) given a value (should be 0)."""
import io, numpy as np, matplotlib as mpl, truepix as tp
from PIL import Image, ImageDraw, ImageFont
from _p2 import c, score, kd, call, wshort, header

header(__doc__.splitlines()[0])
rf = c.real_fields()
fields = {k: c.crop(rf[k], 400) for k in ("dem_jacksboro", "camera", "grace_hopper")}
fields.update({k: c.smooth_fields(400)[k] for k in ("bumps", "ramp_diag")})
font = ImageFont.load_default(size=28)
print(f"{'map':9}{'field':15}{'holes%':>8}{'tp%':>8}{'kd%':>8}{'ratio':>7}{'p99tp':>7}{'p99kd':>7}{'border_ans%':>12}{'title_ans%':>11}  jpeg/noise/thr | warnings")
rows = []
for m in ("jet", "viridis", "turbo", "magma", "coolwarm"):
    for fn, f in fields.items():
        rgb = mpl.colormaps[m](f, bytes=True)[..., :3]
        size = (round(f.shape[1] * 0.8), round(f.shape[0] * 0.8))
        small = Image.fromarray(rgb).resize(size, Image.BICUBIC)
        truth = np.clip(np.asarray(Image.fromarray(f.astype(np.float32), mode="F").resize(size, Image.BICUBIC), np.float64), 0, 1)
        slide = Image.new("RGB", (480, 400), "white"); x0, y0 = (480 - size[0]) // 2, 60
        slide.paste(small, (x0, y0))
        ImageDraw.Draw(slide).text((40, 14), f"Results: {fn} field", fill="black", font=font)
        b = io.BytesIO(); slide.save(b, "JPEG", quality=85); pic = np.asarray(Image.open(b).convert("RGB"))
        ref = np.asarray(slide)
        inside = np.zeros(pic.shape[:2], bool); inside[y0:y0 + size[1], x0:x0 + size[0]] = True
        sl = (slice(y0 + 3, y0 + size[1] - 3), slice(x0 + 3, x0 + size[0] - 3))
        tr = truth[3:-3, 3:-3]
        title = ref[:55].min(axis=2) < 128
        border = ~inside; border[:55] = False
        border[max(0, y0 - 4):y0 + size[1] + 4, max(0, x0 - 4):x0 + size[0] + 4] = False
        v, err, ws = call(lambda: tp.decolorize(pic, cmap=m, vmin=0, vmax=1))
        res = tp.Decolorizer(m, vmin=0, vmax=1).decode(pic)
        mt, pt, ht = score(v[sl], tr); mb, pb, _ = score(kd(m)(pic[sl]), tr)
        ba = float((~np.isnan(v[border])).mean()); ta = float((~np.isnan(v[:55][title])).mean())
        rows.append((m, fn, ht, mt, mb, pt, pb, ba, ta))
        print(f"{m:9}{fn:15}{100*ht:8.3f}{100*mt:8.3f}{100*mb:8.3f}{mt/mb:7.2f}{100*pt:7.2f}{100*pb:7.2f}{100*ba:12.3f}{100*ta:11.2f}  "
              f"{bool(res.jpeg)}/{float(res.noise):.2f}/{float(res.threshold):.1f} | {wshort(ws)}", flush=True)
print("\nSUMMARY: real / smooth: holes mean, max, n>0.2%; ratio; p99 worse; border answered max; title ink answered max")
for kind, names in (("real", ("dem_jacksboro", "camera", "grace_hopper")), ("smooth", ("bumps", "ramp_diag"))):
    rr = [r for r in rows if r[1] in names]
    print(f"  {kind:7} holes {100*np.mean([r[2] for r in rr]):.3f} / {100*max(r[2] for r in rr):.3f} / {sum(r[2] > .002 for r in rr)}/{len(rr)}"
          f"  ratio {sum(r[3] for r in rr)/sum(r[4] for r in rr):.3f}  p99 worse {sum(r[5] > 1.001 * r[6] for r in rr)}/{len(rr)}"
          f"  border_ans max {100*max(r[7] for r in rr):.3f}%  title_ans max {100*max(r[8] for r in rr):.2f}%")
print("load", c.loadavg())

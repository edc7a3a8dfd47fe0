"""Part 2: file formats and resampling trial 45 did not try, DEFAULT call tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
on all-data pictures (4 real fields + 2 smooth, 6 maps): WebP q50/75/90/lossless (Pillow), AVIF q50/75/90 (Pillow),
JPEG XL lossy distance 1/2/4 (imagecodecs), PNG palette (mode P: Image.convert('P') web palette+dither, adaptive 256
of a LANCZOS 0.5x picture, quantize(64)), 16-bit PNG (uint16 x257 via cv2, and a 16-bit render of a float LANCZOS
resize), Pillow LANCZOS 0.5x / 0.33x / 0.75x / 1.5x, unmanaged colour changes (gamma 2.2->1.8, TV limited range
16-235, +4 DN brightness). Holes = NaN share (goal <= 0.2 %); ratio = sum MAE tp / sum MAE k-d tree (holes = 1.0)."""
import io, sys, warnings, numpy as np, cv2, imagecodecs, truepix as tp
from PIL import Image
import _common as c

N = 192
MAPS = ["viridis", "jet", "turbo", "coolwarm", "gray", "magma"]
F = {k: ("real", c.crop(v, N)) for k, v in c.real_fields().items() if k in ("dem_jacksboro", "camera", "moon", "grace_hopper")}
F.update({k: ("smooth", v) for k, v in c.smooth_fields(N).items() if k != "waves"})


def pil_rt(rgb, fmt, **kw):
    b = io.BytesIO(); Image.fromarray(rgb).save(b, fmt, **kw)
    return np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))


def lanczos(rgb, f, fac):
    h, w = f.shape; size = (max(1, round(w * fac)), max(1, round(h * fac)))
    im = np.asarray(Image.fromarray(rgb).resize(size, Image.LANCZOS))
    tr = np.asarray(Image.fromarray(f.astype(np.float32), mode="F").resize(size, Image.LANCZOS)).astype(np.float64)
    return im, np.clip(tr, 0, 1)


def png16(a16):
    ok, buf = cv2.imencode(".png", a16[..., ::-1].copy()); return cv2.imdecode(buf, cv2.IMREAD_UNCHANGED)[..., ::-1].copy()


def conds(rgb, f, m):
    for q in (50, 75, 90):
        yield f"webp_q{q}", pil_rt(rgb, "WEBP", quality=q), f
    yield "webp_lossless", pil_rt(rgb, "WEBP", lossless=True), f
    for q in (50, 75, 90):
        yield f"avif_q{q}", pil_rt(rgb, "AVIF", quality=q), f
    for d in (1.0, 2.0, 4.0):
        yield f"jxl_d{d:g}", imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(rgb, distance=d)), f
    yield "P_web_dither", np.asarray(Image.fromarray(rgb).convert("P").convert("RGB")), f
    yield "P_web_nodither", np.asarray(Image.fromarray(rgb).convert("P", dither=Image.Dither.NONE).convert("RGB")), f
    sm, tr = lanczos(rgb, f, 0.5)
    yield "P_adaptive_lanczos0.5", np.asarray(Image.fromarray(sm).convert("P", palette=Image.Palette.ADAPTIVE, colors=256).convert("RGB")), tr
    yield "quantize64", np.asarray(Image.fromarray(rgb).quantize(64).convert("RGB")), f
    yield "png16_x257", png16(rgb.astype(np.uint16) * 257), f
    fl = c.mpl.colormaps[m](np.asarray(Image.fromarray(f.astype(np.float32), mode="F").resize((round(N * .5),) * 2, Image.LANCZOS)).clip(0, 1))[..., :3]
    yield "png16_floatrender_lanczos0.5", png16((fl * 65535).round().astype(np.uint16)), np.asarray(Image.fromarray(f.astype(np.float32), mode="F").resize((round(N * .5),) * 2, Image.LANCZOS)).clip(0, 1).astype(np.float64)
    for fac in (0.5, 1 / 3, 0.75, 1.5):
        im, tr = lanczos(rgb, f, fac)
        yield f"lanczos{fac:.2f}", im, tr
    g = rgb.astype(np.float64) / 255
    yield "gamma2.2to1.8", (255 * g ** (1.8 / 2.2)).round().astype(np.uint8), f
    yield "tv_range16_235", (16 + g * 219).round().astype(np.uint8), f
    yield "bright+4", np.clip(rgb.astype(int) + 4, 0, 255).astype(np.uint8), f


rows = []
warned = {}
for m in MAPS:
    base = c.Baseline(m)
    for fn, (kind, f) in F.items():
        rgb = c.render(f, m)
        for cn, im, tr in conds(rgb, f, m):
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter("always")
                est = tp.decolorize(im, cmap=m, vmin=0, vmax=1)
            if w:
                warned.setdefault(cn, []).append(f"{m}/{fn}: {type(w[0].message).__name__}: {str(w[0].message)[:90]}")
            b = base(im.astype(np.float64) / 257 if im.dtype == np.uint16 else im)
            mt, pt, ht = c.score(est, tr); mb, pb, hb = c.score(b, tr)
            rows.append((m, fn, kind, cn, mt, pt, ht, mb, pb, bool(w)))
    print("#", m, "done", c.loadavg(), flush=True)

for r in rows:
    print("ROW", *[f"{x:.5f}" if isinstance(x, float) else x for x in r])
print("\nSUMMARY (ratio = sum tp MAE / sum k-d MAE over 6 maps x fields; holes counted 1.0)")
print(f"{'cond':30}{'kind':8}{'tp_mae%':>9}{'kd%':>8}{'ratio':>7}{'p99 worse':>10}{'holes_mean%':>12}{'holes_max%':>11}{'n>0.2%':>8}{'warned':>7}  worst-holes case")
for cn in dict.fromkeys(r[3] for r in rows):
    for kind in ("real", "smooth"):
        rr = [r for r in rows if r[3] == cn and r[2] == kind]
        mt = sum(r[4] for r in rr); mb = sum(r[7] for r in rr); w = max(rr, key=lambda r: r[6])
        print(f"{cn:30}{kind:8}{100*mt/len(rr):9.3f}{100*mb/len(rr):8.3f}{mt/mb:7.3f}{sum(r[5] > r[8]*1.001 for r in rr):>6}/{len(rr)}"
              f"{100*np.mean([r[6] for r in rr]):12.3f}{100*w[6]:11.2f}{sum(r[6] > .002 for r in rr):>5}/{len(rr)}{sum(r[9] for r in rr):>7}  {w[0]} {w[1]}")
print("\nwarnings (first 3 per condition):")
for k, v in warned.items():
    print(f"  {k}: {len(v)} -> " + " | ".join(v[:3]))
print("load", c.loadavg())

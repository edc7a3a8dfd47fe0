"""trial46's t25_formats.py restricted to the lossy codecs and colour shifts (same fields, maps,
scoring): JPEG XL d1/2/4, WebP/AVIF q50/75/90, gamma 2.2->1.8, TV range, +4 DN.
Usage: python t25_subset.py [conds comma list] [maps comma list]"""
import io, sys, os, warnings, time, numpy as np, imagecodecs, truepix as tp
from PIL import Image
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial46"))
import _common as c

N = 192
MAPS = ["viridis", "jet", "turbo", "coolwarm", "gray", "magma"]
F = {k: ("real", c.crop(v, N)) for k, v in c.real_fields().items()
     if k in ("dem_jacksboro", "camera", "moon", "grace_hopper")}
F.update({k: ("smooth", v) for k, v in c.smooth_fields(N).items() if k != "waves"})


def pil_rt(rgb, fmt, **kw):
    b = io.BytesIO(); Image.fromarray(rgb).save(b, fmt, **kw)
    return np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))


def conds(rgb):
    for d in (1.0, 2.0, 4.0):
        yield f"jxl_d{d:g}", lambda: imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(rgb, distance=d))
    for q in (50, 75, 90):
        yield f"webp_q{q}", lambda: pil_rt(rgb, "WEBP", quality=q)
    for q in (50, 75, 90):
        yield f"avif_q{q}", lambda: pil_rt(rgb, "AVIF", quality=q)
    g = rgb.astype(np.float64) / 255
    yield "gamma2.2to1.8", lambda: (255 * g ** (1.8 / 2.2)).round().astype(np.uint8)
    yield "tv_range16_235", lambda: (16 + g * 219).round().astype(np.uint8)
    yield "bright+4", lambda: np.clip(rgb.astype(int) + 4, 0, 255).astype(np.uint8)


want = sys.argv[1].split(",") if len(sys.argv) > 1 and sys.argv[1] else None
maps = sys.argv[2].split(",") if len(sys.argv) > 2 else MAPS
rows, warned = [], {}
t0 = time.process_time()
for m in maps:
    base = c.Baseline(m)
    for fn, (kind, f) in F.items():
        rgb = c.render(f, m)
        for cn, make in conds(rgb):
            if want and not any(cn.startswith(w) for w in want):
                continue
            im = make()
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter("always")
                est = tp.decolorize(im, cmap=m, vmin=0, vmax=1)
            if w:
                warned.setdefault(cn, []).append(f"{m}/{fn}: {str(w[0].message)[:110]}")
            b = base(im)
            mt, pt, ht = c.score(est, f); mb, pb, hb = c.score(b, f)
            rows.append((m, fn, kind, cn, mt, pt, ht, mb, pb, bool(w)))
for r in rows:
    print("ROW", *[f"{x:.5f}" if isinstance(x, float) else x for x in r])
print(f"\n{'cond':18}{'kind':8}{'tp_mae%':>9}{'kd%':>8}{'ratio':>7}{'p99 worse':>10}"
      f"{'holes_mean%':>12}{'holes_max%':>11}{'n>0.2%':>8}{'warned':>7}  worst-holes case")
for cn in dict.fromkeys(r[3] for r in rows):
    for kind in ("real", "smooth"):
        rr = [r for r in rows if r[3] == cn and r[2] == kind]
        if not rr:
            continue
        mt = sum(r[4] for r in rr); mb = sum(r[7] for r in rr); w = max(rr, key=lambda r: r[6])
        print(f"{cn:18}{kind:8}{100*mt/len(rr):9.3f}{100*mb/len(rr):8.3f}{mt/mb:7.3f}"
              f"{sum(r[5] > r[8]*1.001 for r in rr):>6}/{len(rr)}"
              f"{100*np.mean([r[6] for r in rr]):12.3f}{100*w[6]:11.2f}"
              f"{sum(r[6] > .002 for r in rr):>5}/{len(rr)}{sum(r[9] for r in rr):>7}  {w[0]} {w[1]}")
print("\nwarnings (first 3 per condition):")
for k, v in warned.items():
    print(f"  {k}: {len(v)} -> " + " | ".join(v[:3]))
print("cpu s", round(time.process_time() - t0, 1))

"""Where the colour-shift detector (``_decolorize._shift``) stands on pictures that are
shifted and on pictures that are not: per picture the shift share, the share of the
residual the fitted curves leave, how far they move a channel (DN), and whether it fires.

Usage: python gate.py t01|t25 [N]  (t01: trial 45's conditions, 10 maps x 6 fields;
t25: trial 46's lossy codecs and colour shifts, 6 maps x 6 fields)."""
import io, os, sys, numpy as np, cv2, imagecodecs, truepix as tp
from PIL import Image
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial46"))
import _common as c
from truepix.color._decolorize import _shift as shifts
from truepix.color._decolorize._inputs import as_pixels, planned

which = sys.argv[1]
N = int(sys.argv[2]) if len(sys.argv) > 2 else (256 if which == "t01" else 192)
F = {k: c.crop(v, N) for k, v in c.real_fields().items()
     if k in ("dem_jacksboro", "camera", "moon", "grace_hopper")}
F.update({k: v for k, v in c.smooth_fields(N).items() if k != "waves"})
if which == "t01":
    MAPS = ["viridis", "jet", "turbo", "magma", "cividis", "gray", "coolwarm", "RdBu_r",
            "Spectral", "hot"]
else:
    MAPS = ["viridis", "jet", "turbo", "coolwarm", "gray", "magma"]


def pil_rt(rgb, fmt, **kw):
    b = io.BytesIO(); Image.fromarray(rgb).save(b, fmt, **kw)
    return np.asarray(Image.open(io.BytesIO(b.getvalue())).convert("RGB"))


def conds(rgb, f):
    if which == "t01":
        yield "exact", rgb
        for q in (50, 75, 90, 95):
            yield f"jpeg{q}_420", c.jpeg(rgb, q, 2)
        for q in (50, 75):
            yield f"jpeg{q}_444", c.jpeg(rgb, q, 0)
        for fac, nm, it in [(0.5, "bilinear", cv2.INTER_LINEAR), (0.5, "bicubic", cv2.INTER_CUBIC),
                            (0.5, "area", cv2.INTER_AREA), (1 / 3, "bilinear", cv2.INTER_LINEAR),
                            (1 / 3, "area", cv2.INTER_AREA), (2.0, "bicubic", cv2.INTER_CUBIC)]:
            yield f"resize{fac:.2f}_{nm}", c.resize(rgb, f, fac, it)[0]
        for s in (1, 2, 3):
            yield f"noise{s}", c.noise(rgb, s)
        yield "quant256", c.quant256(rgb)
        return
    for d in (1.0, 2.0, 4.0):
        yield f"jxl_d{d:g}", imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(rgb, distance=d))
    for q in (50, 75, 90):
        yield f"webp_q{q}", pil_rt(rgb, "WEBP", quality=q)
        yield f"avif_q{q}", pil_rt(rgb, "AVIF", quality=q)
    g = rgb.astype(np.float64) / 255
    yield "gamma2.2to1.8", (255 * g ** (1.8 / 2.2)).round().astype(np.uint8)
    yield "tv_range16_235", (16 + g * 219).round().astype(np.uint8)
    yield "bright+4", np.clip(rgb.astype(int) + 4, 0, 255).astype(np.uint8)


fired = {}
for m in MAPS:
    dec = tp.Decolorizer(m, vmin=0, vmax=1)
    for fn, f in F.items():
        rgb = c.render(f, m)
        for cn, im in conds(rgb, f):
            pixels, kind, scale = as_pixels(im)
            pixels, kind, scale, plan = planned(dec, pixels, "u8" if kind == "u8" else kind, scale)
            got = shifts.measure(dec, pixels, kind, scale, plan, whole=True)
            hit = shifts.found(dec, pixels, kind, scale, plan)
            fired.setdefault(cn, []).append(hit is not None)
            if got is None:
                print(f"ROW {m:9} {fn:14} {cn:18} skipped (exact {plan.exact} sharp {plan.sharp})")
            else:
                share, left, moved, sh = got
                print(f"ROW {m:9} {fn:14} {cn:18} share {share:.3f} left {left:.3f} moved "
                      f"{moved:6.1f} fired {hit is not None} {sh if hit is not None else ''}",
                      flush=True)
print("\nfired per condition:")
for cn, v in fired.items():
    print(f"  {cn:18} {sum(v)}/{len(v)}")

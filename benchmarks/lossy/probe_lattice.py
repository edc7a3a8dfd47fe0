"""Per picture: the plan's jpeg/chroma_420 and _lossy's statistics (noise, correlation,
shift share, chroma lattice z) on JPEG 4:2:0 / 4:4:4 (Pillow) and JPEG XL d1-d4."""
import sys, imagecodecs
sys.path.insert(0, "../decolorize_trial/trial46")
import _common as c
import truepix as tp
from truepix.color._decolorize import _plan, _lossy, _inputs
from truepix.color._decolorize._inputs import as_pixels
from truepix._validate import as_picture

N = 192
MAPS = sys.argv[1].split(",") if len(sys.argv) > 1 else ["viridis", "jet", "turbo", "coolwarm", "magma"]
F = {k: c.crop(v, N) for k, v in c.real_fields().items() if k in ("dem_jacksboro", "camera", "moon", "grace_hopper")}
F.update({k: v for k, v in c.smooth_fields(N).items() if k != "waves"})
rec = {}
def spy(pixels, sample, scale, codes, max_code, noise, kept, line, jpeg, chroma_420):
    rec.update(noise=noise, jpeg=jpeg, c420=chroma_420,
               corr=_lossy.residual_correlation(codes, sample.shape, max_code, kept),
               shift=_lossy.shift_share(sample.reshape(-1, sample.shape[-1]), scale, codes, max_code, line, kept),
               z=_lossy.chroma_lattice(pixels, scale))
    return _lossy.smooth_lossy(pixels, sample, scale, codes, max_code, noise, kept, line, jpeg, chroma_420)
_plan.smooth_lossy = spy
def conds(rgb):
    for q in (50, 75, 90, 95):
        yield f"jpeg{q}", c.jpeg(rgb, q)
    yield "jpeg75_444", c.jpeg(rgb, 75, 0)
    for d in (1.0, 2.0, 4.0):
        yield f"jxl_d{d:g}", imagecodecs.jpegxl_decode(imagecodecs.jpegxl_encode(rgb, distance=d))
for m in MAPS:
    dec = tp.Decolorizer(m, vmin=0, vmax=1)
    for fn, f in F.items():
        rgb = c.render(f, m)
        for cn, im in conds(rgb):
            rec.clear()
            pixels, kind, scale = as_pixels(as_picture(im, stack=True))
            p = _inputs.planned(dec, pixels, kind, scale)[3]
            r = {k: (round(float(v), 2)) for k, v in rec.items()}
            print(f"{m:9}{fn:14}{cn:11} jpeg={int(p.jpeg)} lossy={int(p.lossy)} sub={int(p.subsampled)}", r, flush=True)

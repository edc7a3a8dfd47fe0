"""Sweep: default tp.decolorize on pictures made by other tools; prints one row per case."""
import sys, time, warnings
import numpy as np, cv2
from PIL import Image
from _h import *
import truepix as tp

maps = sys.argv[1].split(",") if len(sys.argv) > 1 else ["jet", "viridis", "turbo", "gray", "twilight", "coolwarm", "magma", "RdBu"]
F = fields(256)
if len(sys.argv) > 2:
    F = {k: F[k] for k in sys.argv[2].split(",")}
cv_int = dict(bilinear=cv2.INTER_LINEAR, bicubic=cv2.INTER_CUBIC, area=cv2.INTER_AREA, lanczos=cv2.INTER_LANCZOS4)
pil_f = dict(bilinear=Image.BILINEAR, bicubic=Image.BICUBIC, lanczos=Image.LANCZOS, box=Image.BOX)

def cases(f, cm):
    pic = plt.get_cmap(cm)(f, bytes=True)[..., :3]
    yield "exact_u8", pic, f
    b = io.BytesIO(); plt.imsave(b, f, cmap=cm, vmin=0, vmax=1, format="png"); b.seek(0)
    yield "imsave_imread_f32", plt.imread(b), f
    yield "cmap_float64", plt.get_cmap(cm)(f), f
    yield "cmap_float32", plt.get_cmap(cm)(f).astype(np.float32), f
    yield "uint16x257", pic.astype(np.uint16) * 257, f
    for q in (95, 90, 75, 50):
        yield f"pil_q{q}_420", pil_jpeg(pic, q, 2), f
    for q in (90, 75, 50):
        yield f"pil_q{q}_444", pil_jpeg(pic, q, 0), f
    ok, enc = cv2.imencode(".jpg", pic[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, 80])
    yield "cv2_q80", cv2.imdecode(enc, 1)[..., ::-1], f
    for s in (0.5, 0.33):
        for k, it in cv_int.items():
            n = int(round(256 * s))
            yield f"cv_{k}_{s}", cv2.resize(pic, (n, n), interpolation=it), cv2.resize(f.astype(np.float32), (n, n), interpolation=it)
    n = 128
    for k, fl in pil_f.items():
        yield f"pil_{k}_0.5", np.asarray(Image.fromarray(pic).resize((n, n), fl)), np.asarray(Image.fromarray(f.astype(np.float32), "F").resize((n, n), fl))
    from skimage.transform import rescale
    sk = rescale(pic.astype(float) / 255, 0.5, channel_axis=-1, anti_aliasing=True)
    yield "sk_rescale_0.5_float", sk, rescale(f, 0.5, anti_aliasing=True)
    yield "sk_rescale_0.5_u8", (sk * 255 + 0.5).astype(np.uint8), rescale(f, 0.5, anti_aliasing=True)
    for k in ("bilinear", "bicubic"):
        yield f"cv_{k}_2x", cv2.resize(pic, (512, 512), interpolation=cv_int[k]), cv2.resize(f.astype(np.float32), (512, 512), interpolation=cv_int[k])
    rng = np.random.default_rng(1)
    for s in (1, 2, 3):
        yield f"noise{s}", np.clip(pic + rng.normal(0, s, pic.shape), 0, 255).round().astype(np.uint8), f
    yield "quant256", np.asarray(Image.fromarray(pic).quantize(256).convert("RGB")), f
    yield "quant256_fs", np.asarray(Image.fromarray(pic).quantize(256, dither=Image.Dither.FLOYDSTEINBERG).convert("RGB")), f
    yield "quant_q80jpeg", pil_jpeg(np.asarray(Image.fromarray(pic).quantize(256).convert("RGB")), 80), f
    n = 128
    yield "cv_area0.5_q75", pil_jpeg(cv2.resize(pic, (n, n), interpolation=cv2.INTER_AREA), 75), cv2.resize(f.astype(np.float32), (n, n), interpolation=cv2.INTER_AREA)

print(f"{'map':9s} {'field':9s} {'case':22s} {'nan%':>6s} {'mean%':>6s} {'meanH%':>7s} {'kd%':>6s} {'ratio':>5s} {'max%':>6s} {'maxbin':>6s} {'t_ms':>6s} flags")
for cm in maps:
    for fn, f in F.items():
        for name, pic, truth in cases(f, cm):
            t0 = time.perf_counter()
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter("always")
                try:
                    v = tp.decolorize(pic, cmap=cm, vmin=0, vmax=1)
                except Exception as e:
                    print(cm, fn, name, "EXC", type(e).__name__, str(e)[:200]); continue
            dt = 1e3 * (time.perf_counter() - t0)
            s = score(v, truth)
            kd = score(kd_baseline(pic, cm), truth)
            r = s["mean_h"] / kd["mean_h"]
            fl = []
            if s["nan"] > 0.2: fl.append("HOLES")
            if r > 1.02 and "uint16" not in name: fl.append("WORSE_KD")
            if name in ("exact_u8", "imsave_imread_f32", "cmap_float64", "cmap_float32", "uint16x257") and s["max_bins"] > 1.0: fl.append("EXACT>1bin")
            if w: fl.append("WARN:" + "|".join(f"{x.category.__name__}:{str(x.message)[:80]}" for x in w))
            print(f"{cm:9s} {fn:9s} {name:22s} {s['nan']:6.2f} {s['mean']:6.3f} {s['mean_h']:7.3f} {kd['mean_h']:6.3f} {r:5.2f} {s['max']:6.2f} {s['max_bins']:6.2f} {dt:6.0f} {' '.join(fl)}", flush=True)

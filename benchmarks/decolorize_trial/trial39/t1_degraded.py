"""Deliver 1+2: all-data pictures made by plt.imsave, degraded by Pillow/OpenCV/numpy,
decoded with the DEFAULT call; holes, errors, and the nearest-color k-d tree baseline.
python t1_degraded.py [fields,comma] [maps,comma]  -> t1_results.csv + summary"""
import sys, time, csv, io
import numpy as np
from PIL import Image
import cv2
from common import fields, imsave_png, pil_rgb, jpeg, baseline, metrics, decode

MAPS = ["viridis", "jet", "turbo", "magma", "cividis", "gray", "RdBu_r", "coolwarm", "Spectral", "twilight", "plasma", "tab10"]
F = fields()
fsel = sys.argv[1].split(",") if len(sys.argv) > 1 else ["camera", "astronaut", "coffee", "terrain", "smooth"]
msel = sys.argv[2].split(",") if len(sys.argv) > 2 else MAPS


def conds(png, data):
    rgba = np.asarray(Image.open(io.BytesIO(png)))            # PIL: RGBA, alpha 255
    rgb = rgba[..., :3].copy()
    import matplotlib.pyplot as plt
    yield "png_pil_rgba", rgba, data
    yield "png_imread_f32", plt.imread(io.BytesIO(png)), data
    for q in (50, 75, 90, 95):
        yield f"jpeg_q{q}_420", jpeg(rgb, q, 2), data
    for q in (50, 75):
        yield f"jpeg_q{q}_444", jpeg(rgb, q, 0), data
    d32 = data.astype(np.float32)
    n = data.shape[0]
    for name, f, interp in [("cv_area", .5, cv2.INTER_AREA), ("cv_linear", .5, cv2.INTER_LINEAR),
                            ("cv_cubic", .33, cv2.INTER_CUBIC), ("cv_area", .33, cv2.INTER_AREA),
                            ("cv_linear", 2, cv2.INTER_LINEAR)]:
        m = int(round(n * f))
        yield f"{name}_{f}x", cv2.resize(rgb, (m, m), interpolation=interp), cv2.resize(d32, (m, m), interpolation=interp).astype(float)
    for name, f, filt in [("pil_bilinear", .5, Image.BILINEAR), ("pil_bicubic", .33, Image.BICUBIC), ("pil_bicubic", 2, Image.BICUBIC)]:
        m = int(round(n * f))
        yield (f"{name}_{f}x", np.asarray(Image.fromarray(rgb).resize((m, m), filt)),
               np.asarray(Image.fromarray(d32, "F").resize((m, m), filt)).astype(float))
    rng = np.random.default_rng(0)
    for s in (2, 3):
        yield f"noise_s{s}", np.clip(np.round(rgb + rng.normal(0, s, rgb.shape)), 0, 255).astype(np.uint8), data
    yield "quantize256", np.asarray(Image.fromarray(rgb).quantize(256).convert("RGB")), data
    yield "quantize256_octree", np.asarray(Image.fromarray(rgb).quantize(256, method=Image.Quantize.FASTOCTREE).convert("RGB")), data


rows = []
t0 = time.time()
for fname in fsel:
    data = F[fname]
    vmin, vmax = float(data.min()), float(data.max())
    for cm in msel:
        png = imsave_png(data, cm, vmin, vmax)
        for cond, pic, truth in conds(png, data):
            t = time.time()
            v, w = decode(pic, cmap=cm, vmin=vmin, vmax=vmax)
            dt = time.time() - t
            m = metrics(v, truth, vmin, vmax)
            b = metrics(baseline(pic, cm, vmin, vmax), truth, vmin, vmax)
            rows.append(dict(field=fname, cmap=cm, cond=cond, **{k: round(x, 4) for k, x in m.items()},
                             base_mean=round(b["mean"], 4), base_p99=round(b["p99"], 4), base_max=round(b["max"], 4),
                             secs=round(dt, 3), warn=" | ".join(w)))
        print(f"{fname} {cm} done {time.time() - t0:.0f}s", flush=True)

out = f"t1_results_{'_'.join(fsel)}.csv" if len(sys.argv) > 1 else "t1_results.csv"
with open(out, "w", newline="") as fh:
    wr = csv.DictWriter(fh, fieldnames=list(rows[0])); wr.writeheader(); wr.writerows(rows)
print("wrote", out)

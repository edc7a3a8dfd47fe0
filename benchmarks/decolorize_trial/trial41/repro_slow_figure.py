"""A 600x400 xarray figure saved as JPEG q85, decoded whole (margins, labels, colorbar): time of repeated default calls."""
import io, time, numpy as np, cv2, matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image
import xarray as xr
import truepix as tp
from common import fields
d = cv2.resize(fields(256)["terrain"], (60, 40), interpolation=cv2.INTER_AREA)
fig, ax = plt.subplots(figsize=(6, 4), dpi=100); qm = xr.DataArray(d, dims=("lat", "lon")).plot(ax=ax)
lo, hi = qm.norm.vmin, qm.norm.vmax
out = {}
for fmt in ["png", "jpeg"]:
    b = io.BytesIO(); fig.savefig(b, format=fmt, **({"pil_kwargs": {"quality": 85}} if fmt == "jpeg" else {})); out[fmt] = np.asarray(Image.open(b).convert("RGB"))
big = np.asarray(Image.fromarray(out["jpeg"]).resize((1800, 1200), Image.BICUBIC))
o = io.BytesIO(); Image.fromarray(big).save(o, "JPEG", quality=85); big = np.asarray(Image.open(o))
for name, pic in [("png", out["png"]), ("jpeg", out["jpeg"]), ("jpeg 3x (1800x1200)", big)]:
    for i in range(3):
        t = time.perf_counter(); v = tp.decolorize(pic, cmap="viridis", vmin=lo, vmax=hi); dt = time.perf_counter() - t
        print(f"{name:20s} call {i}: {dt:6.2f} s  {pic.shape[0]*pic.shape[1]/1e6/dt:6.2f} MP/s  NaN {np.isnan(v).mean()*100:.1f}%", flush=True)
r = tp.Decolorizer("viridis", vmin=lo, vmax=hi).decode(out["jpeg"])
print("judged: noise", float(r.noise), "jpeg", bool(r.jpeg), "denoised", bool(r.denoised), "threshold", float(r.threshold))

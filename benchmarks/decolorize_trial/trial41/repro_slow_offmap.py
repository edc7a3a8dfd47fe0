"""What makes a JPEG'd figure slow: a viridis picture (512x512) with off-map content around it, saved JPEG q85, decoded (warm)."""
import io, time, numpy as np, matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image, ImageDraw
import truepix as tp
from common import fields
d = fields(512)["terrain"]; lo, hi = d.min(), d.max()
rgb = plt.get_cmap("viridis")((d - lo) / (hi - lo), bytes=True)[..., :3]
def jp(a):
    o = io.BytesIO(); Image.fromarray(a).save(o, "JPEG", quality=85); return np.asarray(Image.open(o))
cases = {}
cases["data only"] = jp(rgb)
pad = np.full((724, 724, 3), 255, np.uint8); pad[106:618, 106:618] = rgb; cases["white margin (50% white)"] = jp(pad)
im = Image.fromarray(pad.copy()); dr = ImageDraw.Draw(im)
for k in range(0, 700, 40): dr.text((5, k), "1234.5 label text", fill=(0, 0, 0))
cases["white margin + black text"] = jp(np.asarray(im))
im = Image.fromarray(rgb.copy()); dr = ImageDraw.Draw(im)
for k in range(0, 512, 32): dr.line([(0, k), (511, k + 20)], fill=(0, 0, 0), width=1)
cases["data + black lines"] = jp(np.asarray(im))
tp.decolorize(cases["data only"], cmap="viridis", vmin=lo, vmax=hi)
for name, pic in cases.items():
    t = time.perf_counter(); v = tp.decolorize(pic, cmap="viridis", vmin=lo, vmax=hi); dt = time.perf_counter() - t
    print(f"{name:28s} {pic.shape[0]}x{pic.shape[1]}  {dt:6.2f} s  {pic.shape[0]*pic.shape[1]/1e6/dt:7.2f} MP/s  NaN {np.isnan(v).mean()*100:.1f}%", flush=True)

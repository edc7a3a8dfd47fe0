"""Load / compile the figure and resized-picture kernels once: a 640x480 imshow + colorbar figure as PNG, JPEG q75 and
LANCZOS 0.5x of a dpi-200 save, decoded by name and by read_figure; CPU time of each first call."""
import io, time, numpy as np, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image
import truepix as tp
print("load", open("/proc/loadavg").read().split()[:3])
a = np.add.outer(np.sin(np.linspace(0, 6, 120)), np.cos(np.linspace(0, 4, 150)))
fg, ax = plt.subplots(figsize=(6.4, 4.8)); im = ax.imshow(a, cmap="viridis", vmin=-2, vmax=2); fg.colorbar(im)
for tag, kw, post in (("png", dict(format="png"), None), ("jpeg", dict(format="jpeg", pil_kwargs={"quality": 75}), None),
                      ("hidpi", dict(format="png", dpi=200), lambda p: p.resize((p.width // 2, p.height // 2), Image.LANCZOS))):
    b = io.BytesIO(); fg.savefig(b, **kw); p = Image.open(io.BytesIO(b.getvalue())).convert("RGB")
    if post: p = post(p)
    p = np.asarray(p)
    t = time.process_time(); v = tp.decolorize(p, cmap="viridis", vmin=-2, vmax=2)
    print(tag, "decolorize", round(time.process_time() - t, 2), "s CPU", flush=True)
    t = time.process_time(); r = tp.read_figure(p)
    print(tag, "read_figure", round(time.process_time() - t, 2), "s CPU", flush=True)

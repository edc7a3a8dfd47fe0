"""Failure 1's repro exactly as REPORT.md gives it (levels 8 and 12, q75), plus decolorize by name on the same picture."""
import io, numpy as np, matplotlib.pyplot as plt, truepix as tp
from PIL import Image
x = np.linspace(0, np.pi, 200); y = np.linspace(0, np.pi, 150); X, Y = np.meshgrid(x, y)
for lv in (8, 12):
    fig, ax = plt.subplots(); cs = ax.contourf(X, Y, np.sin(2 * X) * np.cos(3 * Y), levels=lv, cmap="magma"); fig.colorbar(cs)
    b = io.BytesIO(); fig.savefig(b, format="jpeg", dpi=200, pil_kwargs={"quality": 75})
    pic = np.asarray(Image.open(b).convert("RGB"))
    p = tp.read_figure(pic).panels[0]
    print(lv, "levels:", p.data.attrs["cmap"], p.data.attrs["vmin"], p.data.attrs["vmax"], p.data.attrs["confidence"], repr(p.data.attrs.get("doubts")), "| truth", cs.norm.vmin, cs.norm.vmax, flush=True)

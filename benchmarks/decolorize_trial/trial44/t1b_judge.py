"""What Decolorizer judges on browser-scaled PNG screenshots (no JPEG anywhere): the figure PNG itself, the
whole screenshot at 1.25 / 1.5, its plot area; jpeg flag, noise, warm time (best of 3)."""
import os, subprocess, tempfile, time
import numpy as np
from PIL import Image
from common import fields, plt
import truepix as tp
D = tempfile.mkdtemp(prefix="t44j_")


def shot(png, scale):
    open(f"{D}/p.html", "w").write(f'<html><body style="margin:0;background:#fff"><img src="{png}" '
                                   'style="width:640px;height:480px;display:block"></body></html>')
    out = f"{D}/s{time.time_ns()}.png"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--screenshot={out}",
                    "--window-size=720,560", f"--force-device-scale-factor={scale}", f"file://{D}/p.html"], capture_output=True)
    return np.asarray(Image.open(out).convert("RGB"))


for name, lo, hi in (("terrain", 200, 4000), ("camera", 0, 100)):
    f = fields(256)[name]
    for cm in ("viridis", "jet", "RdBu_r"):
        fig = plt.figure(figsize=(6.4, 4.8), dpi=100); ax = fig.add_subplot()
        fig.colorbar(ax.imshow(f, cmap=cm, vmin=lo, vmax=hi)); ax.set_title("field"); fig.savefig(f"{D}/f.png", dpi=100)
        bb = ax.get_window_extent(); plt.close(fig)
        y0, y1, x0, x1 = int(480 - bb.y1) + 3, int(480 - bb.y0) - 3, int(bb.x0) + 3, int(bb.x1) - 3
        src = np.asarray(Image.open(f"{D}/f.png").convert("RGB"))
        d = tp.Decolorizer(cm, vmin=lo, vmax=hi)
        for tag, p in [("figure PNG 1:1 whole", src), ("browser x1.25 whole", shot(f"{D}/f.png", 1.25)),
                       ("browser x1.5 whole", shot(f"{D}/f.png", 1.5))]:
            s = 1.0 if "1:1" in tag else float(tag.split("x")[1].split()[0])
            crop = p[int(y0 * s):int(y1 * s), int(x0 * s):int(x1 * s)]
            for t2, q in ((tag, p), (tag.replace("whole", "plot area"), crop)):
                ts = []
                for k in range(3):
                    t = time.perf_counter(); r = d.decode(q); ts.append(time.perf_counter() - t)
                print(f"{name:7s} {cm:7s} {t2:26s} {q.shape[1]}x{q.shape[0]} jpeg={bool(r.jpeg)!s:5s} noise={float(r.noise):5.2f} "
                      f"thr={float(r.threshold):5.1f} nan={np.isnan(r.values).mean()*100:5.1f}% best {min(ts):5.2f}s (first {ts[0]:5.2f}s)", flush=True)

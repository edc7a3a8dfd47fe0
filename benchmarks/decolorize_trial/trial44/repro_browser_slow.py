"""A matplotlib figure (imshow terrain RdBu_r + colorbar, 640x480 PNG) shown in headless chromium at device scale
1.25 and screenshotted whole (900x700 px): time 3 decodes in this process. Writes the screenshot next to this file
(repro_browser_slow_<map>.png) so it can be timed again without chromium:
python repro_browser_slow.py [map] [--file]"""
import os, sys, time
import numpy as np
from PIL import Image
here = os.path.dirname(os.path.abspath(__file__))
cm = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "RdBu_r"
out = os.path.join(here, f"repro_browser_slow_{cm}.png")
t0 = time.perf_counter()
import truepix as tp
print(f"import {time.perf_counter()-t0:.1f}s", flush=True)
if "--file" not in sys.argv:
    import subprocess, tempfile
    sys.path.insert(0, here); from common import fields, plt
    D = tempfile.mkdtemp(prefix="t44r_"); f = fields(256)["terrain"]
    fig = plt.figure(figsize=(6.4, 4.8), dpi=100); ax = fig.add_subplot()
    fig.colorbar(ax.imshow(f, cmap=cm, vmin=200, vmax=4000)); ax.set_title("field"); fig.savefig(f"{D}/f.png", dpi=100)
    open(f"{D}/p.html", "w").write(f'<html><body style="margin:0;background:#fff"><img src="{D}/f.png" '
                                   'style="width:640px;height:480px;display:block"></body></html>')
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--screenshot={out}",
                    "--window-size=720,560", "--force-device-scale-factor=1.25", f"file://{D}/p.html"], capture_output=True)
a = np.asarray(Image.open(out).convert("RGB")); print("picture", a.shape, flush=True)
d = tp.Decolorizer(cm, vmin=200, vmax=4000)
for k in range(3):
    t = time.perf_counter(); r = d.decode(a)
    print(f"decode {k}: {time.perf_counter()-t:.2f}s  nan={np.isnan(r.values).mean()*100:.1f}% noise={float(r.noise):.2f} "
          f"jpeg={bool(r.jpeg)} threshold={float(r.threshold):.1f}", flush=True)

"""Where all-data JPEG q85 decodes fall off (warm, best of 2): terrain resized to 1-6 MP, jet and viridis;
whether the 'inked strokes' path was entered is seen in prof_4mp_jpeg.txt."""
import io, time
import numpy as np
from PIL import Image
from skimage.transform import resize
from common import fields
import truepix as tp
f = fields(1024)["terrain"]
for cm in ("jet", "viridis"):
    for h, w in ((1000, 1000), (1225, 1633), (1414, 1886), (1581, 2108), (1732, 2309), (2000, 2667), (3000, 4000)):
        rgb = tp.colorize(resize(f, (h, w), order=1), cmap=cm, vmin=200, vmax=4000)[..., :3]
        b = io.BytesIO(); Image.fromarray(rgb).save(b, "JPEG", quality=85); a = np.asarray(Image.open(b).convert("RGB"))
        ts = []
        for k in range(2):
            t = time.perf_counter(); v = tp.decolorize(a, cmap=cm, vmin=200, vmax=4000); ts.append(time.perf_counter() - t)
        print(f"{cm:7s} {h}x{w} ({h*w/1e6:4.1f} MP): {min(ts):6.2f}s  {h*w/1e6/min(ts):6.1f} MP/s  nan={np.isnan(v).mean()*100:.3f}%", flush=True)

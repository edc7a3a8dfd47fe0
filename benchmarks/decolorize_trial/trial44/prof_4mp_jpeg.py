"""cProfile of a warm decode of an all-data 4 MP jet JPEG q85 (terrain, 1732x2309) vs 1 MP; top functions."""
import cProfile, io, pstats, time, sys
import numpy as np
from PIL import Image
from skimage.transform import resize
from common import fields
import truepix as tp
f = fields(1024)["terrain"]
for shape in ((1000, 1000), (1732, 2309)) if len(sys.argv) < 2 else ((int(sys.argv[1]), int(sys.argv[2])),):
    rgb = tp.colorize(resize(f, shape, order=1), cmap="jet", vmin=200, vmax=4000)[..., :3]
    b = io.BytesIO(); Image.fromarray(rgb).save(b, "JPEG", quality=85); a = np.asarray(Image.open(b).convert("RGB"))
    tp.decolorize(a, cmap="jet", vmin=200, vmax=4000)
    ts = []
    for k in range(2):
        t = time.perf_counter(); tp.decolorize(a, cmap="jet", vmin=200, vmax=4000); ts.append(time.perf_counter() - t)
    print(f"{shape}: warm {ts[0]:.2f}s {ts[1]:.2f}s", flush=True)
    pr = cProfile.Profile(); pr.enable(); tp.decolorize(a, cmap="jet", vmin=200, vmax=4000); pr.disable()
    s = io.StringIO(); pstats.Stats(pr, stream=s).sort_stats("cumulative").print_stats(18); print(s.getvalue()[-3800:])

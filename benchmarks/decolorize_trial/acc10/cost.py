"""acc10: CPU of the default call on a 1 MP Pillow q75 fBm picture (viridis, Spectral), with and without
_jpeg_axes.on_jpeg_axes (best of 5, one thread, after a warm-up)."""
import io, time, numpy as np, matplotlib as mpl
from PIL import Image
from scipy.ndimage import gaussian_filter
import truepix as tp
import truepix.color._decolorize._api as api

rng = np.random.default_rng(0)
f = sum(gaussian_filter(rng.normal(size=(1024, 1024)), s) * s for s in (2, 8, 32))
f = (f - f.min()) / np.ptp(f)
real = api.on_jpeg_axes
for m in ("viridis", "Spectral"):
    b = io.BytesIO(); Image.fromarray(mpl.colormaps[m](f, bytes=True)[..., :3]).save(b, "JPEG", quality=75)
    pic = np.asarray(Image.open(b).convert("RGB"))
    for name, fn in (("without", lambda d, fl, k, p: p), ("with", real)):
        api.on_jpeg_axes = fn
        tp.decolorize(pic, cmap=m, vmin=0, vmax=1)
        best = min((lambda t: (tp.decolorize(pic, cmap=m, vmin=0, vmax=1), time.process_time() - t)[1])(time.process_time()) for _ in range(5))
        print(m, name, f"{1000 * best:.1f} ms CPU", flush=True)
api.on_jpeg_axes = real

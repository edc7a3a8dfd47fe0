"""acc8: CPU cost of _folds.unfolded on a 1 MP JPEG'd picture (q75, terrain-like fBm field): the
decode with the fold rule and without (no folding entry), alternating, process_time, 1 thread."""
import io, sys, time, numpy as np, matplotlib as mpl
from PIL import Image
import truepix as tp
from truepix.color._decolorize import _folds

rng = np.random.default_rng(0)
n = 1024
k = np.hypot(np.fft.fftfreq(n)[:, None], np.fft.fftfreq(n)[None, :]); k[0, 0] = 1
f = np.real(np.fft.ifft2(k ** -1.5 * np.exp(2j * np.pi * rng.random((n, n))))); f = (f - f.min()) / np.ptp(f)
for m in sys.argv[1].split(","):
    b = io.BytesIO(); Image.fromarray(mpl.colormaps[m](f, bytes=True)[..., :3]).save(b, "JPEG", quality=75)
    pic = np.asarray(Image.open(b).convert("RGB"))
    t = {True: [], False: []}
    for r in range(6):
        for on in (True, False):
            _folds.FOLD_DN = 16.0 if on else -1.0  # (no folding entry: the rule returns at once)
            d = tp.Decolorizer(m, vmin=0, vmax=1); d.decode(pic)
            t0 = time.process_time(); d.decode(pic); t[on].append(time.process_time() - t0)
    a, b_ = np.median(t[False]) * 1e3, np.median(t[True]) * 1e3
    print(f"{m}: without {a:.1f} ms, with {b_:.1f} ms, ratio {b_ / a:.3f}", flush=True)

"""skimage.transform.rescale(0.5) of a colormapped picture, kept as floats (what skimage returns):
the default call is slightly worse than the k-d tree on fBm terrain with viridis, while the same
picture rounded to uint8 decodes well below it.
Run: PYTHONPATH=src python benchmarks/decolorize_trial/trial16/repro_float_resampled.py"""
import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from _h import *
import truepix as tp
from skimage.transform import rescale
f = fields(256)["terrain"]
for cm in ("viridis", "magma", "jet"):
    pic = plt.get_cmap(cm)(f, bytes=True)[..., :3]
    sk = rescale(pic.astype(float) / 255, 0.5, channel_axis=-1, anti_aliasing=True)
    t = rescale(f, 0.5, anti_aliasing=True)
    for nm, p in (("float64", sk), ("uint8", (sk * 255 + 0.5).astype(np.uint8))):
        r = tp.Decolorizer(cm, vmin=0, vmax=1).decode(p)
        s, k = score(r.values, t), score(kd_baseline(p, cm), t)
        print(f"{cm:8s} {nm:8s} holes {s['nan']:.2f} %  truepix {s['mean_h']:.3f} %  k-d {k['mean_h']:.3f} %  ratio {s['mean_h']/k['mean_h']:.2f}  noise {float(r.noise):.2f} threshold {float(r.threshold):.1f}")

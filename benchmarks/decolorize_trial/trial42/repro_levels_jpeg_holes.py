"""A get_cmap('RdBu_r', 5) picture of a photograph, JPEG q75, decoded WITH that 5-color object: holes."""
import io, numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from PIL import Image
from skimage import data
import truepix as tp
F = data.camera()[::2, ::2] / 2.55
for name, N in [("RdBu_r", 5), ("jet", 5), ("RdBu_r", 8)]:
    cm = plt.get_cmap(name, N); png = cm(F / 100, bytes=True)[..., :3]
    j = io.BytesIO(); Image.fromarray(png).save(j, "JPEG", quality=75); pic = np.asarray(Image.open(j))
    for c in (cm, name):
        v = tp.decolorize(pic, cmap=c, vmin=0, vmax=100)
        truth = (np.clip(np.floor(F / 100 * N), 0, N - 1) + .5) / N * 100
        print(f"{name} N={N} JPEG q75, cmap={'object' if c is cm else 'name'}: NaN {np.isnan(v).mean():.1%}, >1 level off {(np.abs(v - truth) > 100 / N).mean():.2%}")

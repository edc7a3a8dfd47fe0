"""cProfile of the slow case: viridis 512x512 + thin black lines, JPEG q85 (warm)."""
import cProfile, pstats, io, numpy as np, matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image, ImageDraw
import truepix as tp
from common import fields
d = fields(512)["terrain"]; lo, hi = d.min(), d.max()
rgb = plt.get_cmap("viridis")((d - lo) / (hi - lo), bytes=True)[..., :3]
im = Image.fromarray(rgb.copy()); dr = ImageDraw.Draw(im)
for k in range(0, 512, 32): dr.line([(0, k), (511, k + 20)], fill=(0, 0, 0), width=1)
o = io.BytesIO(); im.save(o, "JPEG", quality=85); pic = np.asarray(Image.open(o))
tp.decolorize(pic[:64, :64], cmap="viridis", vmin=lo, vmax=hi)
pr = cProfile.Profile(); pr.enable(); tp.decolorize(pic, cmap="viridis", vmin=lo, vmax=hi); pr.disable()
pstats.Stats(pr).sort_stats("cumulative").print_stats(25)

"""cProfile of the slow case: viridis 512x512 inside a white margin (724x724), JPEG q85 (warm)."""
import cProfile, pstats, io, numpy as np, matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image, ImageDraw
import truepix as tp
from common import fields
d = fields(512)["terrain"]; lo, hi = d.min(), d.max()
rgb = plt.get_cmap("viridis")((d - lo) / (hi - lo), bytes=True)[..., :3]
pad = np.full((724, 724, 3), 255, np.uint8); pad[106:618, 106:618] = rgb; im = Image.fromarray(pad)
o = io.BytesIO(); im.save(o, "JPEG", quality=85); pic = np.asarray(Image.open(o))
tp.decolorize(pic[:64, :64], cmap="viridis", vmin=lo, vmax=hi)
pr = cProfile.Profile(); pr.enable(); tp.decolorize(pic, cmap="viridis", vmin=lo, vmax=hi); pr.disable()
pstats.Stats(pr).sort_stats("cumulative").print_stats(25)

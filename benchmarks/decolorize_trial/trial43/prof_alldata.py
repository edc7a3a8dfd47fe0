"""cProfile of a warm decode of a 2000x1500 all-data jet terrain picture, Pillow JPEG q90."""
import cProfile, pstats, numpy as np
from common import fields, jpeg
import matplotlib.pyplot as plt
from skimage.transform import resize
import truepix as tp
f = resize(fields(256)["terrain"], (1500, 2000), order=1)
pic = jpeg(plt.get_cmap("jet")(plt.Normalize(200, 4000)(f), bytes=True)[..., :3], 90)
tp.decolorize(pic, cmap="jet", vmin=200, vmax=4000)
pr = cProfile.Profile(); pr.enable(); tp.decolorize(pic, cmap="jet", vmin=200, vmax=4000); pr.disable()
pstats.Stats(pr).sort_stats("cumulative").print_stats(14)

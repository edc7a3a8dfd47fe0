"""Files for the CLI test (t6_cli.sh): extend and few-level pictures, PNG and JPEG q85, plus their truths."""
import numpy as np, os
from common import *
import matplotlib.pyplot as plt
from matplotlib.colors import BoundaryNorm
from PIL import Image
os.makedirs("cli_files", exist_ok=True)
F = fields(256)["terrain"]; vmin, vmax = 1000, 3500
for name, o, u in [("jet", "magenta", "cyan"), ("viridis", "white", "black")]:
    cm = plt.get_cmap(name).with_extremes(over=o, under=u)
    png = cm(plt.Normalize(vmin, vmax)(F), bytes=True)[..., :3]
    Image.fromarray(png).save(f"cli_files/ext_{name}.png"); Image.fromarray(png).save(f"cli_files/ext_{name}.jpg", quality=85)
np.save("cli_files/ext_truth.npy", np.clip(F, vmin, vmax))
C = fields(256)["camera"]
png = plt.get_cmap("viridis", 6)(C / 100, bytes=True)[..., :3]
Image.fromarray(png).save("cli_files/lev6.png"); Image.fromarray(png).save("cli_files/lev6.jpg", quality=85)
np.save("cli_files/lev6_truth.npy", (np.clip(np.floor(C / 100 * 6), 0, 5) + .5) / 6 * 100)
edges = [0, 10, 20, 35, 50, 70, 100]
png = plt.get_cmap("jet")(BoundaryNorm(edges, 256)(C), bytes=True)[..., :3]
Image.fromarray(png).save("cli_files/bn.png"); Image.fromarray(png).save("cli_files/bn.jpg", quality=85)
i = np.clip(np.searchsorted(edges, C, side="right") - 1, 0, 5)
np.save("cli_files/bn_truth.npy", (np.array(edges[:-1]) + np.array(edges[1:]))[i] / 2)

import io, numpy as np, matplotlib
from PIL import Image; import truepix as tp
u = np.add.outer(np.linspace(0, 1, 128), np.linspace(0, 1, 128)) / 2
for name in ["Greys", "gray"]:
    j = io.BytesIO(); Image.fromarray(matplotlib.colormaps[name](u, bytes=True)[..., :3]).save(j, "JPEG", quality=75)
    m = tp.identify_colormap(np.asarray(Image.open(j)), top=3)
    print(name, "->", [(x.name, round(x.score, 3)) for x in m], "aliases of top:", m[0].aliases)

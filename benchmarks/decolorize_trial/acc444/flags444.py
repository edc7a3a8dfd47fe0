import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
import numpy as np
from colormaps import MAPS, CYCLIC, colormap, annotated, jpeg
from truepix import Decolorizer
for name in MAPS:
    cmap = colormap(name)
    dec = Decolorizer(cmap, cyclic=name in CYCLIC, vmin=0.0, vmax=1.0)
    row = f"{name:<18}"
    for aa, q, sub in [(True, 75, 0), (True, 50, 0), (False, 90, 0)]:
        picture, is_map = annotated(cmap, antialias=aa)
        rgb = np.ascontiguousarray(picture[..., :3])
        rgb = jpeg(q, sub)(rgb, is_map)[0]
        picture = np.concatenate([rgb, picture[..., 3:]], axis=-1)
        lost = np.isnan(dec.values(picture))
        row += f"{100 * lost[~is_map].mean():>9.2f} /{100 * lost[is_map].mean():>6.2f}"
    print(row, flush=True)

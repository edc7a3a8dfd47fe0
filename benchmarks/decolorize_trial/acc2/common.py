import io, sys, numpy as np, matplotlib as mpl, warnings
from PIL import Image
warnings.simplefilter("ignore")
sys.path.insert(0, "/work/main/benchmarks")
from _conditions import photo_fields
photo = np.tile(photo_fields(512)["astronaut"], (2, 2))
def pic(cmap, q=75, field=photo):
    rgb = np.ascontiguousarray(mpl.colormaps[cmap](field, bytes=True)[..., :3])
    b = io.BytesIO(); Image.fromarray(rgb).save(b, "JPEG", quality=q); return np.asarray(Image.open(b).convert("RGB"))

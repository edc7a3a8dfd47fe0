"""BoundaryNorm picture of a photograph with jet, JPEG q95 (Pillow 4:2:0): holes on an all-data picture. Goal <= 0.2%."""
import io, numpy as np, matplotlib as mpl
from matplotlib import colors as mc
from PIL import Image
import skimage.data as sd
from skimage.transform import resize
import truepix as tp
u = resize(sd.camera() / 255.0, (256, 256), anti_aliasing=True); u = (u - u.min()) / (u.max() - u.min())
N = mc.BoundaryNorm([0, 1, 2, 5, 10, 20, 50], 256)
pic = mpl.cm.ScalarMappable(norm=N, cmap="jet").to_rgba(u * 50, bytes=True)[..., :3]
b = io.BytesIO(); Image.fromarray(pic).save(b, "JPEG", quality=95); p = np.asarray(Image.open(b))
v = tp.decolorize(p, cmap="jet", norm=N)
print("holes %.2f%% of an all-data picture (goal <= 0.2%%)" % (np.isnan(v).mean() * 100))

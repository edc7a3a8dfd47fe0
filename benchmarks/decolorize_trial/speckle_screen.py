import io, warnings, numpy as np, matplotlib as mpl
from PIL import Image
from scipy.spatial import cKDTree
from truepix import Decolorizer
warnings.simplefilter("ignore")
def fields(seed):
    r = np.random.default_rng(seed)
    white = r.random((256, 256))
    import scipy.ndimage as ndi
    speckle = np.clip(ndi.gaussian_filter(r.random((256, 256)), 0.7), 0, 1)
    speckle = (speckle - speckle.min()) / np.ptp(speckle)
    gam = r.gamma(1.0, 1.0, (256, 256)); gam = np.clip(gam / 5, 0, 1)
    return {"white": white, "blur0.7": speckle, "exp-speckle": gam}
for cmap in ["jet", "viridis", "gray", "coolwarm"]:
    table = mpl.colormaps[cmap](np.arange(256), bytes=True)[:, :3].astype(float)
    tree = cKDTree(table)
    for name, f in fields(0).items():
        rgb = mpl.colormaps[cmap](f, bytes=True)[..., :3]
        for q in [90, 75, 50]:
            b = io.BytesIO(); Image.fromarray(rgb).save(b, "JPEG", quality=q); pic = np.asarray(Image.open(b))
            v = Decolorizer(cmap, vmin=0, vmax=1).values(pic)
            err = np.where(np.isnan(v), 1.0, np.abs(v - f))
            _, i = tree.query(pic.reshape(-1, 3).astype(float)); kd = np.abs((i + .5) / 256 - f.ravel())
            print(f"{cmap:9} {name:12} q{q}  NaN {np.isnan(v).mean()*100:6.2f}%  mae/kd {err.mean()/kd.mean():5.2f}  kd mae {kd.mean()*100:5.2f}%", flush=True)

# Piecewise-constant fields (a heatmap of a coarse integer array drawn with nearest/pcolormesh, a label map)
# resampled as any viewer/thumbnailer does: many data pixels come back NaN (goal: <= 0.2% on all-data pictures)
import numpy as np, cv2, matplotlib as mpl
from scipy.spatial import cKDTree
import truepix as tp
rng = np.random.default_rng(5)
n = 256
pts = rng.random((40, 2)) * n
yy, xx = np.mgrid[0:n, 0:n]
voronoi = rng.random(40)[cKDTree(pts).query(np.c_[yy.ravel(), xx.ravel()])[1].reshape(n, n)]
counts = np.clip(rng.poisson(3, (32, 32)).repeat(8, 0).repeat(8, 1) / 10.0, 0, 1)   # 32x32 counts, 8 px per cell
def rs(img, s, it):
    return cv2.resize(img, (round(n * s), round(n * s)), interpolation=it)
for cmap, name, f, s, it, itn in [("jet", "counts", counts, 0.33, cv2.INTER_LINEAR, "bilinear"),
                                  ("turbo", "counts", counts, 2, cv2.INTER_CUBIC, "bicubic"),
                                  ("jet", "voronoi", voronoi, 0.5, cv2.INTER_AREA, "area"),
                                  ("Spectral", "voronoi", voronoi, 0.5, cv2.INTER_AREA, "area")]:
    rgb = mpl.colormaps[cmap](f, bytes=True)[..., :3]
    pic = rs(rgb, s, it)
    truth = np.clip(rs(f.astype(np.float32), s, it), 0, 1)
    v = tp.decolorize(pic, cmap=cmap, vmin=0, vmax=1)
    lut = mpl.colormaps[cmap](np.linspace(0, 1, 256), bytes=True)[:, :3].astype(float)
    kd = (cKDTree(lut).query(pic.reshape(-1, 3).astype(float))[1].reshape(truth.shape) + 0.5) / 256
    e = np.where(np.isnan(v), 1, np.abs(v - truth)) * 100
    print(f"{cmap:8s} {name:7s} cv2 {itn} {s}x: NaN {np.isnan(v).mean()*100:5.2f}%  mean err (holes=100%) {e.mean():.2f}%  "
          f"kd-tree {np.abs(kd - truth).mean()*100:.2f}%  | answered pixels only {np.nanmean(np.abs(v-truth))*100:.2f}%")
# Pillow, as thumbnails are made
from PIL import Image
for cmap, name, f in [("jet", "counts", counts), ("jet", "voronoi", voronoi), ("viridis", "counts", counts)]:
    rgb = mpl.colormaps[cmap](f, bytes=True)[..., :3]
    for s, flt, fn in [(0.5, Image.BILINEAR, "bilinear"), (0.5, Image.LANCZOS, "lanczos"), (0.33, Image.BICUBIC, "bicubic")]:
        m = round(n * s)
        pic = np.asarray(Image.fromarray(rgb).resize((m, m), flt))
        v = tp.decolorize(pic, cmap=cmap, vmin=0, vmax=1)
        print(f"{cmap:8s} {name:7s} Pillow {fn} {s}x: NaN {np.isnan(v).mean()*100:5.2f}%")
# scikit-image
import skimage.transform as skt
for cmap, name, f in [("jet", "counts", counts), ("jet", "voronoi", voronoi)]:
    rgb = mpl.colormaps[cmap](f, bytes=True)[..., :3]
    for fn, pic in [("downscale_local_mean 2x2", skt.downscale_local_mean(rgb, (2, 2, 1)).round().astype(np.uint8)),
                    ("rescale 0.5 (anti_aliasing)", (skt.rescale(rgb, 0.5, channel_axis=-1, anti_aliasing=True) * 255).round().astype(np.uint8))]:
        v = tp.decolorize(pic, cmap=cmap, vmin=0, vmax=1)
        print(f"{cmap:8s} {name:7s} skimage {fn}: NaN {np.isnan(v).mean()*100:5.2f}%")

# A picture downscaled 0.5x (OpenCV INTER_AREA) and then saved as JPEG q75 -- the usual way a figure
# reaches a web page -- gets holes (NaN on pure data) above 0.2% and a 99th-percentile error worse than
# a plain nearest-color lookup.
import io, numpy as np, cv2, matplotlib as mpl, skimage.data, skimage.color, skimage.transform
from PIL import Image
from scipy.spatial import cKDTree
import truepix as tp
def photo(name, n=512):
    im = skimage.transform.resize(skimage.color.rgb2gray(getattr(skimage.data, name)()), (n, n), anti_aliasing=True)
    return (im - im.min()) / (im.max() - im.min())
def jpeg(a, q):
    b = io.BytesIO(); Image.fromarray(a).save(b, "JPEG", quality=q); return np.asarray(Image.open(b).convert("RGB"))
for cmap, name in [("jet", "astronaut"), ("turbo", "coffee")]:
    f = photo(name)
    rgb = mpl.colormaps[cmap](f, bytes=True)[..., :3]
    small = cv2.resize(rgb, (256, 256), interpolation=cv2.INTER_AREA)
    truth = cv2.resize(f.astype(np.float32), (256, 256), interpolation=cv2.INTER_AREA).astype(float)
    pic = jpeg(small, 75)
    v = tp.decolorize(pic, cmap=cmap, vmin=0, vmax=1)
    lut = mpl.colormaps[cmap](np.linspace(0, 1, 256), bytes=True)[:, :3].astype(float)
    kd = (cKDTree(lut).query(pic.reshape(-1, 3).astype(float))[1].reshape(truth.shape) + 0.5) / 256
    e = np.where(np.isnan(v), 1, np.abs(v - truth)) * 100; ek = np.abs(kd - truth) * 100
    print(f"{cmap}/{name} 512->256 area, JPEG q75: NaN {np.isnan(v).mean()*100:.2f}%  mean err {e.mean():.3f}% (kd-tree {ek.mean():.3f}%)  "
          f"p99 {np.percentile(e, 99):.2f}% (kd-tree {np.percentile(ek, 99):.2f}%)  p99 of answered pixels {np.nanpercentile(np.abs(v-truth)*100, 99):.2f}%")
# 256x256 fields: 0.5x area then JPEG q75, and 1.25x bilinear upscale (screen scaling) then JPEG q85
for cmap, name, s, it, q in [("turbo", "coffee", 0.5, cv2.INTER_AREA, 75), ("jet", "coffee", 1.25, cv2.INTER_LINEAR, 85)]:
    f = photo(name, 256)
    rgb = mpl.colormaps[cmap](f, bytes=True)[..., :3]
    n = round(256 * s)
    pic = jpeg(cv2.resize(rgb, (n, n), interpolation=it), q)
    truth = np.clip(cv2.resize(f.astype(np.float32), (n, n), interpolation=it), 0, 1).astype(float)
    v = tp.decolorize(pic, cmap=cmap, vmin=0, vmax=1)
    lut = mpl.colormaps[cmap](np.linspace(0, 1, 256), bytes=True)[:, :3].astype(float)
    kd = (cKDTree(lut).query(pic.reshape(-1, 3).astype(float))[1].reshape(truth.shape) + 0.5) / 256
    e = np.where(np.isnan(v), 1, np.abs(v - truth)) * 100; ek = np.abs(kd - truth) * 100
    print(f"{cmap}/{name} 256 -> {s}x, JPEG q{q}: NaN {np.isnan(v).mean()*100:.2f}%  mean err {e.mean():.3f}% (kd-tree {ek.mean():.3f}%)  p99 {np.percentile(e, 99):.2f}% (kd-tree {np.percentile(ek, 99):.2f}%)")

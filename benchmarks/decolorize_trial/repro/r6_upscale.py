import io, numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt, cv2, skimage.data
from PIL import Image; from scipy.spatial import cKDTree; import truepix as tp
ast = cv2.resize(skimage.data.astronaut().mean(2).astype(np.float32), (256, 256), interpolation=cv2.INTER_AREA)
b = io.BytesIO(); plt.imsave(b, ast, cmap="coolwarm", vmin=0, vmax=255); b.seek(0)
rgb = np.asarray(Image.open(b).convert("RGB"))
big = cv2.resize(rgb, (512, 512), interpolation=cv2.INTER_LINEAR)               # 2x bilinear upscale
truth = cv2.resize(ast, (512, 512), interpolation=cv2.INTER_LINEAR)
v = tp.decolorize(big, cmap="coolwarm", vmin=0, vmax=255)
table = matplotlib.colormaps["coolwarm"](np.arange(256), bytes=True)[:, :3].astype(float)
nearest = (cKDTree(table).query(big.reshape(-1, 3).astype(float))[1] + 0.5).reshape(512, 512)
e, n = np.abs(v - truth), np.abs(nearest - truth)
print(f"holes {100*np.isnan(v).mean():.2f} %, mean err truepix {np.nanmean(e):.2f} vs nearest color {n.mean():.2f} bins "
      f"(ratio {np.nanmean(e)/n.mean():.2f}); p99 {np.nanpercentile(e,99):.1f} vs {np.percentile(n,99):.1f}")

import io, numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt, cv2, skimage.data
from PIL import Image; import truepix as tp
cam = cv2.resize(skimage.data.camera().astype(np.float32), (256, 256), interpolation=cv2.INTER_AREA)
b = io.BytesIO(); plt.imsave(b, cam, cmap="hot", vmin=0, vmax=255); b.seek(0)
rgb = np.asarray(Image.open(b).convert("RGB"))
small = cv2.resize(rgb, (128, 128), interpolation=cv2.INTER_AREA)            # an ordinary 0.5x downscale
v = tp.decolorize(small, cmap="hot", vmin=0, vmax=255)
print(f"hot, camera, INTER_AREA 0.5x: {100 * np.isnan(v).mean():.2f} % NaN (goal <= 0.2 %)")
for cmap in ["jet", "turbo"]:
    b = io.BytesIO(); plt.imsave(b, cam, cmap=cmap, vmin=0, vmax=255); b.seek(0)
    j = io.BytesIO(); Image.open(b).convert("RGB").save(j, "JPEG", quality=50); j.seek(0)
    v = tp.decolorize(np.asarray(Image.open(j)), cmap=cmap, vmin=0, vmax=255)
    print(f"{cmap}, camera, JPEG q50: {100 * np.isnan(v).mean():.2f} % NaN (goal <= 0.2 %)")

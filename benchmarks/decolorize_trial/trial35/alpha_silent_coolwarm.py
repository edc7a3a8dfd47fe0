"""imshow(data, cmap=..., alpha=0.7) saved by savefig, decoded with the default call (user forgot alpha=).
Expected: NaN + an OffMapWarning saying 'pass alpha=0.7' (as viridis/jet/magma get). Got for coolwarm: values, no warning."""
import io, warnings, numpy as np, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from PIL import Image
from skimage.transform import resize
import truepix as tp
dem = matplotlib.cbook.get_sample_data("jacksboro_fault_dem.npz")["elevation"].astype(float)
u = resize(dem, (256, 256), anti_aliasing=True); u = (u - u.min()) / np.ptp(u)
for cm in ("viridis", "coolwarm", "RdBu_r", "bwr", "seismic", "PiYG"):
    fig = plt.figure(figsize=(2.56, 2.56), dpi=100); ax = fig.add_axes([0, 0, 1, 1]); ax.set_axis_off()
    ax.imshow(u, cmap=cm, vmin=0, vmax=1, alpha=0.7, interpolation="nearest", aspect="auto")
    b = io.BytesIO(); fig.savefig(b, format="png"); plt.close(fig)
    pic = np.asarray(Image.open(b).convert("RGB"))
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        v = tp.decolorize(pic, cmap=cm, vmin=0, vmax=1)
    e = np.abs(v - u)
    print(f"{cm:9s} NaN {np.isnan(v).mean()*100:5.1f}%  mean |err| {np.nanmean(e)*100:5.2f}% of range  "
          f"max {np.nanmax(e)*100 if np.isfinite(e).any() else float('nan'):5.1f}%  warnings {len(w)}")

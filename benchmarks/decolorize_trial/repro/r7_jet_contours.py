import io, numpy as np, matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
from PIL import Image; import truepix as tp
dem = matplotlib.cbook.get_sample_data("jacksboro_fault_dem.npz")["elevation"][:256, :256].astype(float)
coast = np.cumsum(np.random.default_rng(3).normal(0, 3, 60)) + 128
def draw(parts):
    fig = plt.figure(figsize=(2.56, 2.56), dpi=100); ax = fig.add_axes([0, 0, 1, 1]); ax.set_axis_off()
    ax.imshow(dem, cmap="jet", interpolation="nearest")
    if "contours" in parts: ax.contour(dem, levels=np.percentile(dem, [30, 70]), colors="black", linewidths=1)
    if "text" in parts: ax.text(20, 40, "Elevation 3200 m", color="black", fontsize=11)
    if "coast" in parts: ax.plot(np.linspace(0, 255, 60), coast, color="magenta", lw=1.5)
    if "grid" in parts: [ax.axhline(g, color="0.6", lw=0.8) for g in (64, 128, 192)]
    if "box" in parts: ax.add_patch(plt.Rectangle((170, 20), 60, 30, facecolor="white", edgecolor="black", lw=1))
    ax.set_xlim(-0.5, 255.5); ax.set_ylim(255.5, -0.5)
    b = io.BytesIO(); fig.savefig(b, dpi=100); plt.close(fig); return np.asarray(Image.open(b).convert("RGB"))
base = draw(())
dec = tp.Decolorizer("jet", vmin=dem.min(), vmax=dem.max())
for parts in [("contours",), ("contours", "text"), ("contours", "coast"), ("contours", "grid"), ("contours", "box"),
              ("contours", "text", "coast", "grid", "box")]:
    pic = draw(parts); strong = np.abs(pic.astype(int) - base).max(-1) > 10
    r = dec.decode(pic)
    print(f"{'+'.join(parts):32s} flagged {100*np.isnan(r.values[strong]).mean():5.1f} %  threshold {float(r.threshold):.1f} DN  noise {float(r.noise):.2f}  jpeg {bool(r.jpeg)}")

"""Part 2: imshow(origin="lower", aspect="auto") with a colorbar (the usual 'data array' plot: 6.4x4.8 in, dpi 100,
axes labels and title), 4 maps x smooth/DEM, PNG (canvas) and savefig JPEG (Pillow default quality). Decoded as
the README shows for figures: decolorize(figure, cmap=find_colorbar(figure)) -- limits from the bar if it has them,
else vmin/vmax given -- and by name. Interior of the plot area scored against the gray redraw (8 bits)."""
import numpy as np, cv2
import matplotlib.pyplot as plt
from _p2 import c, grab, interior, gray_truth, smooth, savefig_bytes, read_rgb, header, fig_rows, FIG_HEAD, fig_summary

header(__doc__.splitlines()[0])
dem = cv2.resize(c.norm01(c.real_fields()["dem_jacksboro"]).astype(np.float32), (300, 150), interpolation=cv2.INTER_AREA).astype(np.float64)
fields = {"smooth": smooth(150, 300, seed=2), "dem": dem}
print(FIG_HEAD)
rows = []
for m in ("viridis", "jet", "plasma", "coolwarm"):
    for fn, f in fields.items():
        fg, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
        art = ax.imshow(1000 * f - 200, cmap=m, origin="lower", aspect="auto", extent=(0, 30, -5, 5))
        fg.colorbar(art, ax=ax, label="height (m)"); ax.set_xlabel("distance (km)"); ax.set_ylabel("y (km)"); ax.set_title(f"{fn} ({m})")
        png = grab(fg); sl = interior(fg, ax); truth = gray_truth(fg, art, sl)
        jpg = read_rgb(savefig_bytes(fg, "jpg")); plt.close(fg)
        for fmt, pic in (("png", png), ("jpg", jpg)):
            rows += fig_rows(f"{m}/{fn}/{fmt}", pic, sl, truth, m, vlim=(-200, 800))
print("\nSUMMARY (route, format)")
fig_summary(rows, lambda r: (r[1], r[0].split("/")[-1]))
print("load", c.loadavg())

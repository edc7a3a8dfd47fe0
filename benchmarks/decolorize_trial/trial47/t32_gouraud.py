"""Part 2: pcolormesh(shading="gouraud") with a colorbar: Agg blends the vertex COLOURS linearly in RGB, so pixels
between vertices are chords of the map's curve. Coarse (12x16 vertices) and fine (60x80) grids, 5x4 in at dpi 100,
4 maps x smooth/DEM, PNG and savefig JPEG. Default call by name and cmap=find_colorbar(figure); truth = the gray
redraw (gray's chords are exact data interpolation), interior of the plot area."""
import argparse, numpy as np, cv2
import matplotlib.pyplot as plt
from _p2 import c, grab, interior, gray_truth, smooth, savefig_bytes, read_rgb, header, fig_rows, FIG_HEAD, fig_summary

ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument("--maps", default="viridis,jet,magma,RdBu_r")
ap.add_argument("--grids", default="12x16,60x80", help="vertex grids, rows x columns")
ap.add_argument("--routes", default="name,bar", help="name (cmap by name), bar (cmap=find_colorbar)")
args = ap.parse_args()
header(__doc__.splitlines()[0])
dem0 = c.norm01(c.real_fields()["dem_jacksboro"]).astype(np.float32)
print(FIG_HEAD)
rows = []
for grid in [tuple(int(n) for n in g.split("x")) for g in args.grids.split(",")]:
    fields = {"smooth": smooth(*grid, seed=3), "dem": cv2.resize(dem0, grid[::-1], interpolation=cv2.INTER_AREA).astype(np.float64)}
    for m in args.maps.split(","):
        for fn, f in fields.items():
            fg = plt.figure(figsize=(5, 4), dpi=100); ax = fg.add_axes([0.1, 0.1, 0.65, 0.8])
            X, Y = np.meshgrid(np.arange(grid[1]), np.arange(grid[0]))
            art = ax.pcolormesh(X, Y, f, cmap=m, vmin=0, vmax=1, shading="gouraud"); fg.colorbar(art)
            png = grab(fg); sl = interior(fg, ax); truth = gray_truth(fg, art, sl)
            jpg = read_rgb(savefig_bytes(fg, "jpg")); plt.close(fg)
            for fmt, pic in (("png", png), ("jpg", jpg)):
                rows += fig_rows(f"{grid[0]}x{grid[1]}/{m}/{fn}/{fmt}", pic, sl, truth, m,
                                 routes=tuple(args.routes.split(",")))
print("\nSUMMARY (grid, route, format)")
fig_summary(rows, lambda r: (r[0].split("/")[0], r[1], r[0].split("/")[-1]))
print("load", c.loadavg())

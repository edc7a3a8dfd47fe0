"""read_figure's cell grid on blocky plots: is the array's shape recovered exactly?

Usage::

    python benchmarks/figures_grid.py            # 40 grid figures + 16 others (a few minutes)
    python benchmarks/figures_grid.py --count 80 --others 24

Figures: pcolormesh and ``imshow(interpolation="nearest")`` of arrays from
5 x 7 to 60 x 80 cells; PNG and JPEG q75 (Pillow, 4:2:0); 72-200 dpi; cells
with and without edge lines (pcolormesh ``edgecolors``); y axes rising and
inverted; a colorbar beside each. A case whose cells are under 3 pixels on
screen has no grid left to find (Agg blends them or their edges merge): there
the right answer is no grid (``None``). Besides them, figures with no grid
of rectangles to find -- hexbin, bilinear imshow, contourf -- where the right
answer is None, and hist2d (a pcolormesh of its bins: the bins' shape).
Scored on the default call:

* grid: the shape found equals the array's (or None where cells < 3 px);
* centres: the x/y coordinates of the first and last cells within half a
  cell of the truth (only where the grid is right);
* corners: the x/y values at the plot area's corners within one pixel's worth.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt

import truepix as tp
from _figure_support import corners_right, figure_file, iou, pixel_box

SHAPES = [(5, 7), (8, 12), (12, 9), (16, 20), (20, 30), (30, 24), (40, 50), (60, 80)]
CMAPS = ["viridis", "magma", "RdBu_r", "turbo", "cividis", "gray"]


@dataclass
class GridCase:
    seed: int
    kind: str
    shape: tuple[int, int]
    cmap: str
    dpi: int
    jpeg: bool
    edges: bool
    inverted: bool


def cases(count: int) -> list[GridCase]:
    rng = np.random.default_rng(2026)
    out = []
    for seed in range(count):
        kind = ["pcolormesh", "imshow"][seed % 2]
        out.append(
            GridCase(
                seed,
                kind,
                SHAPES[(seed // 2) % len(SHAPES)],
                CMAPS[seed % len(CMAPS)],
                int(rng.choice([72, 100, 150, 200])),
                bool((seed // 3) % 2),
                kind == "pcolormesh" and seed % 5 == 4,
                bool(seed % 7 in (2, 5)),
            )
        )
    return out


def other_cases(count: int) -> list[GridCase]:
    rng = np.random.default_rng(7)
    out = []
    for seed in range(count):
        out.append(
            GridCase(
                1000 + seed,
                ["hexbin", "bilinear", "contourf", "hist2d"][seed % 4],
                SHAPES[(seed // 4) % len(SHAPES)],
                CMAPS[seed % len(CMAPS)],
                int(rng.choice([72, 100, 150, 200])),
                bool((seed // 4) % 2),
                False,
                False,
            )
        )
    return out


def _draw_other(ax, case: GridCase, array: np.ndarray, rng: np.random.Generator):
    """A plot with no grid of rectangles (hist2d: its bins); the drawn array or None."""
    ny, nx = case.shape
    if case.kind == "hexbin":
        points = rng.normal(size=(5000, 2))
        gridsize = [12, 20, 30, 45][(case.seed // 4) % 4]
        return ax.hexbin(points[:, 0], points[:, 1], gridsize=gridsize, cmap=case.cmap), None, None, None
    if case.kind == "bilinear":
        image = ax.imshow(array, cmap=case.cmap, vmin=0, vmax=1, interpolation="bilinear", aspect="auto")
        return image, None, None, None
    if case.kind == "contourf":
        return ax.contourf(array, levels=8, cmap=case.cmap), None, None, None
    points = rng.normal(size=(6000, 2))
    counts, xedges, yedges, mesh = ax.hist2d(points[:, 0], points[:, 1], bins=(nx, ny), cmap=case.cmap)
    return mesh, counts.T[::-1], (xedges[:-1] + xedges[1:]) / 2, ((yedges[:-1] + yedges[1:]) / 2)[::-1]


def make(case: GridCase):
    rng = np.random.default_rng(case.seed)
    ny, nx = case.shape
    array = rng.uniform(0, 1, (ny, nx))
    yy, xx = np.mgrid[0:ny, 0:nx]
    array = 0.6 * array + 0.4 * (0.5 + 0.5 * np.sin(xx / 3.0) * np.cos(yy / 4.0))
    width = float(rng.uniform(4.5, 7.0))
    fig, ax = plt.subplots(figsize=(width, width * 0.75), dpi=case.dpi)
    x0, dx = float(rng.choice([0.0, -10.0, 100.0])), float(rng.choice([1.0, 0.5, 2.0]))
    y0, dy = float(rng.choice([0.0, 5.0])), float(rng.choice([1.0, 10.0]))
    xedges, yedges = x0 + dx * np.arange(nx + 1), y0 + dy * np.arange(ny + 1)
    if case.kind in ("hexbin", "bilinear", "contourf", "hist2d"):
        mappable, drawn, xc, yc = _draw_other(ax, case, array, rng)
        drawn = np.zeros((0, 0)) if drawn is None else drawn
    elif case.kind == "pcolormesh":
        extra = {"edgecolors": "k", "linewidth": 0.5} if case.edges else {}
        mappable = ax.pcolormesh(xedges, yedges, array, cmap=case.cmap, vmin=0, vmax=1, **extra)
        drawn = array[::-1]  # row 0 at the bottom
        xc, yc = (xedges[:-1] + xedges[1:]) / 2, ((yedges[:-1] + yedges[1:]) / 2)[::-1]
        if case.inverted:
            ax.invert_yaxis()
            drawn, yc = array, yc[::-1]
    else:
        extent = (xedges[0], xedges[-1], yedges[-1], yedges[0])  # origin upper: y falls downward
        if case.inverted:  # origin lower: row 0 at the bottom
            mappable = ax.imshow(array, cmap=case.cmap, vmin=0, vmax=1, interpolation="nearest",
                                 aspect="auto", origin="lower", extent=(xedges[0], xedges[-1], yedges[0], yedges[-1]))
            drawn, yc = array[::-1], ((yedges[:-1] + yedges[1:]) / 2)[::-1]
        else:
            mappable = ax.imshow(array, cmap=case.cmap, vmin=0, vmax=1, interpolation="nearest",
                                 aspect="auto", extent=extent)
            drawn, yc = array, (yedges[:-1] + yedges[1:]) / 2
        xc = (xedges[:-1] + xedges[1:]) / 2
    fig.colorbar(mappable, ax=ax)
    fig.canvas.draw()
    axes = pixel_box(ax, fig)
    limits = (tuple(ax.get_xlim()), tuple(ax.get_ylim()))
    data = figure_file(fig, dpi=case.dpi, jpeg=case.jpeg)
    cell = min((axes[2] - axes[0]) / nx, (axes[3] - axes[1]) / ny)
    if drawn.size == 0:
        cell = 0.0  # no grid to find
    return data, axes, limits, drawn, xc, yc, cell


def score(case: GridCase, made, reading) -> dict[str, object]:
    data, axes, (xlim, ylim), drawn, xc, yc, cell = made
    panel = max(reading.panels, key=lambda p: iou(p.bbox, axes), default=None)
    if panel is None or iou(panel.bbox, axes) < 0.8:
        return {"area": False, "grid": False}
    expected = drawn.shape if cell >= 3.0 else None
    out: dict[str, object] = {"area": True, "grid": panel.grid == expected}
    out["corners"] = corners_right(panel, axes, xlim, ylim)
    if drawn.size and panel.grid == drawn.shape:
        x, y = panel.data.x.values, panel.data.y.values
        half_x, half_y = abs(xc[1] - xc[0]) / 2, abs(yc[1] - yc[0]) / 2
        out["centres"] = bool(np.abs(x - xc).max() < half_x and np.abs(y - yc).max() < half_y)
        out["value"] = float(np.nanmean(np.abs(panel.data.values - drawn)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=40, help="number of figures")
    parser.add_argument("--others", type=int, default=16, help="number of figures without a grid (and hist2d)")
    parser.add_argument("--only", type=str, default=None, help="comma-separated case numbers")
    args = parser.parse_args()
    chosen = cases(args.count) + other_cases(args.others)
    if args.only:
        keep = {int(s) for s in args.only.split(",")}
        chosen = [c for c in chosen if c.seed in keep]
    rows = []
    print(f"{'#':>3} {'kind':10} {'shape':>7} {'cmap':8} {'dpi':>4} {'jpg':4} {'edge':4} {'inv':4} {'cell':>5} {'s':>5}  result")
    for case in chosen:
        made = make(case)
        start = time.perf_counter()
        reading = tp.read_figure(made[0])
        seconds = time.perf_counter() - start
        result = score(case, made, reading)
        panel = max(reading.panels, key=lambda p: iou(p.bbox, made[1]), default=None)
        rows.append(result | {"case": case, "cell": made[6]})
        shape = f"{case.shape[0]}x{case.shape[1]}"
        flags = " ".join(f"{k}={'ok' if v is True else ('FAIL' if v is False else f'{v:.3f}')}" for k, v in result.items())
        print(f"{case.seed:3d} {case.kind:10} {shape:>7} {case.cmap:8} {case.dpi:4d} {'yes' if case.jpeg else 'no':4} "
              f"{'yes' if case.edges else 'no':4} {'yes' if case.inverted else 'no':4} {made[6]:5.1f} {seconds:5.2f}  "
              f"found={None if panel is None else panel.grid} {flags}", flush=True)

    def rate(subset, key):
        values = [r[key] for r in subset if key in r]
        return f"{sum(map(bool, values))}/{len(values)}" if values else "-"

    print()
    print("| measure | all | PNG | JPEG | cells >= 3 px | hexbin/bilinear/contourf (none) | hist2d |")
    print("|---|---|---|---|---|---|---|")
    grids = [r for r in rows if r["case"].kind in ("pcolormesh", "imshow")]
    png = [r for r in grids if not r["case"].jpeg]
    jpg = [r for r in grids if r["case"].jpeg]
    big = [r for r in grids if r["cell"] >= 3.0]
    none = [r for r in rows if r["case"].kind in ("hexbin", "bilinear", "contourf")]
    hist = [r for r in rows if r["case"].kind == "hist2d"]
    for key in ("grid", "centres", "corners"):
        print(f"| {key} | {rate(grids, key)} | {rate(png, key)} | {rate(jpg, key)} | {rate(big, key)} |"
              f" {rate(none, key)} | {rate(hist, key)} |")


if __name__ == "__main__":
    main()

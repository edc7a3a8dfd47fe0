"""read_figure on figures drawn with matplotlib's style sheets: plot area, bar, range, corners.

Usage::

    python benchmarks/figure_styles.py                      # 10 styles x (imshow, pcolormesh)
    python benchmarks/figure_styles.py ggplot,bmh imshow    # a subset

Per figure: the plot area's IoU with the axes, the bar's IoU with the
colorbar's axes, the range (vmin/vmax within 0.5% of the span), the x/y
values at the plot area's corners (``_figure_support.corner_checks``), the
confidence and the seconds taken.
"""

from __future__ import annotations

import sys
import time

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt

import truepix as tp
from _figure_support import corner_checks, figure_file, iou, pixel_box

STYLES = ["default", "ggplot", "seaborn-v0_8", "dark_background", "seaborn-v0_8-whitegrid", "bmh",
          "fivethirtyeight", "Solarize_Light2", "grayscale", "classic"]  # fmt: skip
KINDS = ["imshow", "pcolormesh"]


def main() -> None:
    styles = sys.argv[1].split(",") if len(sys.argv) > 1 else STYLES
    kinds = sys.argv[2].split(",") if len(sys.argv) > 2 else KINDS
    y, x = np.mgrid[0:1:60j, 0:1:80j]
    field = np.sin(3 * x) * np.cos(2 * y) * 0.5 + 0.5
    print("| style | kind | panel IoU | bar IoU | range | corners x/y | confidence | s |")
    print("|---|---|---|---|---|---|---|---|")
    for style in styles:
        for kind in kinds:
            with plt.style.context(style):
                fig, ax = plt.subplots(figsize=(8, 6))
                if kind == "imshow":
                    image = ax.imshow(field * 20, vmin=0, vmax=20, cmap="viridis")
                else:
                    edges = (np.linspace(0, 8, 81), np.linspace(0, 6, 61))
                    image = ax.pcolormesh(*edges, field * 20 - 5, vmin=-5, vmax=15, cmap="viridis")
                bar = fig.colorbar(image)
                fig.canvas.draw()
                axes, bar_box = pixel_box(ax, fig), pixel_box(bar.ax, fig)
                xlim, ylim = ax.get_xlim(), ax.get_ylim()
                vmin, vmax = image.norm.vmin, image.norm.vmax
                data = figure_file(fig, dpi=fig.dpi)
            start = time.perf_counter()
            reading = tp.read_figure(data)
            seconds = time.perf_counter() - start
            if not reading.panels:
                print(f"| {style} | {kind} | none | | | | | {seconds:.1f} |")
                continue
            panel = max(reading.panels, key=lambda p: iou(p.bbox, axes))
            found = 0.0 if panel.colorbar is None else iou(panel.colorbar.bbox, bar_box)
            span = vmax - vmin
            right = panel.vmin is not None and max(abs(panel.vmin - vmin), abs(panel.vmax - vmax)) <= 0.005 * span
            corners = "/".join(corner_checks(panel, axes, xlim, ylim))
            print(
                f"| {style} | {kind} | {iou(panel.bbox, axes):.2f} | {found:.2f} | {'ok' if right else 'FAIL'}"
                f" ({panel.vmin}, {panel.vmax}) | {corners} | {panel.confidence:.2f} | {seconds:.1f} |"
            )


if __name__ == "__main__":
    main()

"""Screen: numbers written in heatmap figures as users save them, default decolorize.

Figures: ``sns.heatmap(data, annot=True, fmt=fmt)`` in seaborn's default figure
(``plt.subplots()``, 640x480: margins, tick labels, the colorbar beside it) ("sns"), and
matplotlib's annotated-heatmap recipe (``imshow``, a colorbar, ticks, ``ax.text`` in every
cell, black on light cells, white on dark ones) ("mpl"); counts 0-99 ("d") or tenths
0-10 (".1f") on 6x8 and 10x12 grids; saved by ``savefig`` as PNG or JPEG
(``pil_kwargs={"quality": q}``). Per figure, % of: digit pixels (those the numbers moved
40 DN or more, in the cells' box) that come back NaN; data pixels (the cells' box less
its outer pixel, 2 px or more from anything the numbers or imshow's spines moved) NaN;
pixels outside the cells' box NaN (margins, ticks, the colorbar: not scored); seconds.

Run: ``python benchmarks/_heatmap_figures.py [kinds] [maps] [qualities]``, e.g.
``sns,mpl rocket,viridis png,90,75`` (default: both kinds, six maps, 90 and 75 on the
10x12 "d" grid, 75 on the others).
"""

from __future__ import annotations

import io
import sys
import time

import matplotlib
import numpy as np
from PIL import Image
from scipy import ndimage

import truepix as tp

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

MAPS = ("rocket", "mako", "viridis", "coolwarm", "RdBu_r", "YlGnBu")
Box = tuple[int, int, int, int]


def data_of(shape: tuple[int, int], fmt: str) -> np.ndarray:
    rng = np.random.default_rng(0)
    return rng.integers(0, 100, shape) if fmt == "d" else np.round(rng.random(shape) * 10, 1)


def saved(figure, quality: int | None) -> np.ndarray:
    buffer = io.BytesIO()
    options = {"pil_kwargs": {"quality": quality}} if quality else {}
    figure.savefig(buffer, format="jpg" if quality else "png", **options)
    return np.asarray(Image.open(buffer).convert("RGB"))


def cells_box(figure, axes, corners: list[tuple[float, float]]) -> Box:
    """(top, bottom, left, right) pixels of the data corners ``corners``."""
    figure.canvas.draw()
    height = figure.canvas.get_width_height()[1]
    (x0, y0), (x1, y1) = axes.transData.transform(corners)
    return (
        round(height - max(y0, y1)), round(height - min(y0, y1)),
        round(min(x0, x1)), round(max(x0, x1)),
    )  # fmt: skip


def figure_of(kind: str, data: np.ndarray, fmt: str, cmap: str, annot: bool, frame: bool = True):
    import seaborn as sns

    figure, axes = plt.subplots()
    rows, cols = data.shape
    if kind == "sns":
        sns.heatmap(data, annot=annot, fmt=fmt, cmap=cmap, ax=axes)
        return figure, cells_box(figure, axes, [(0, 0), (cols, rows)])
    image = axes.imshow(data, cmap=cmap)
    axes.spines[:].set_visible(frame)
    figure.colorbar(image, ax=axes)
    axes.set_xticks(range(cols))
    axes.set_yticks(range(rows))
    for (row, col), value in np.ndenumerate(data) if annot else ():
        color = "k" if image.norm(value) > 0.5 else "w"
        axes.text(col, row, format(value, fmt), ha="center", va="center", color=color)
    return figure, cells_box(figure, axes, [(-0.5, -0.5), (cols - 0.5, rows - 0.5)])


def pictures(kind: str, data: np.ndarray, fmt: str, cmap: str, qualities) -> tuple:
    """The PNG without numbers, without numbers nor spines, the pictures with numbers
    (per quality, PNG as None) and the cells' box."""
    figure, box = figure_of(kind, data, fmt, cmap, False)
    plain = saved(figure, None)
    plt.close(figure)
    figure, _ = figure_of(kind, data, fmt, cmap, False, frame=False)
    bare = saved(figure, None)
    plt.close(figure)
    figure, _ = figure_of(kind, data, fmt, cmap, True)
    drawn = {quality: saved(figure, quality) for quality in {None, *qualities}}
    plt.close(figure)
    return plain, bare, drawn, box


def score(kind: str, shape: tuple[int, int], fmt: str, cmap: str, qualities) -> list[tuple]:
    data = data_of(shape, fmt)
    plain, bare, drawn, (top, bottom, left, right) = pictures(kind, data, fmt, cmap, qualities)
    cells = np.zeros(plain.shape[:2], dtype=bool)
    cells[top + 1 : bottom - 1, left + 1 : right - 1] = True
    exact = drawn[None].astype(int)
    moved = np.abs(exact - plain.astype(int)).max(axis=-1)
    digits = cells & (moved >= 40)
    moved = np.maximum(moved, np.abs(exact - bare.astype(int)).max(axis=-1))
    away = cells & ~ndimage.binary_dilation(moved > 0, iterations=2)
    rows = []
    for quality in qualities:
        start = time.perf_counter()
        values = tp.decolorize(
            drawn[quality], cmap=cmap, vmin=float(data.min()), vmax=float(data.max())
        )  # fmt: skip
        seconds = time.perf_counter() - start
        holes = np.isnan(values)
        rows.append((quality, 100 * holes[digits].mean(), 100 * holes[away].mean(),
                     100 * holes[~cells].mean(), seconds))  # fmt: skip
    return rows


def main(argv: list[str]) -> None:
    import seaborn  # noqa: F401  (its maps: rocket, mako)

    kinds = argv[0].split(",") if argv else ["sns", "mpl"]
    maps = argv[1].split(",") if len(argv) > 1 else MAPS
    given = None
    if len(argv) > 2:
        given = tuple(None if q == "png" else int(q) for q in argv[2].split(","))
    print(f"{'kind':4} {'map':9} {'fmt':3} {'grid':6} {'q':4} {'digits%':>8} "
          f"{'dataNaN%':>8} {'outNaN%':>8} {'s':>5}")  # fmt: skip
    for kind in kinds:
        for cmap in maps:
            for fmt in (".1f", "d"):
                for shape in ((6, 8), (10, 12)):
                    qualities = (90, 75) if (fmt, shape) == ("d", (10, 12)) else (75,)
                    for quality, digits, data, out, seconds in score(
                        kind, shape, fmt, cmap, given or qualities
                    ):  # fmt: skip
                        grid = f"{shape[0]}x{shape[1]}"
                        print(f"{kind:4} {cmap:9} {fmt:3} {grid:6} {quality or 'png'!s:4} "
                              f"{digits:8.1f} {data:8.2f} {out:8.1f} {seconds:5.2f}",
                              flush=True)  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])

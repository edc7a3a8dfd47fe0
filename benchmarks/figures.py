"""read_figure on generated figures (with their truth) and on real published ones.

Usage::

    python benchmarks/figures.py          # 24 generated figures (about a minute)
    python benchmarks/figures.py --full   # 160 generated figures
    python benchmarks/figures.py --real   # also ../shared/real_figures (no truth: what is found)
    python benchmarks/figures.py --libraries  # also seaborn heatmaps and plotnine tiles
    python benchmarks/figures.py --full --sweep 1  # 160 other figures (checks a rule generalises)

Generated figures vary what users vary: imshow (nearest and bilinear),
pcolormesh, contourf, hist2d, hexbin; colorbars right, left, bottom,
top (a horizontal bar below the plot among them), one per panel or none;
linear, log, diverging (TwoSlopeNorm) and symlog norms; tick formats
(integers, decimals, negatives, offset text ``1e-6``, scientific ``×10⁶``
in mathtext, percent, powers of ten); DejaVu Sans, DejaVu Serif and a
Times-like serif (STIX) at 6-14 pt; 72-300 dpi; PNG and JPEG q75 (Pillow,
4:2:0). The first 24 cover every format, location and font. Every figure
is read with the default call and nothing given, and scored:

* bar: the colorbar found (IoU >= 0.8 with the drawn bar's axes, right
  orientation); for figures without a bar, that none was reported;
* range: vmin and vmax within 0.5% of the span, measured in the true norm's
  own terms (the log or symlog span for those norms);
* corners: the x/y values at the plot area's corners within one pixel's worth;
* grid: the array's shape recovered exactly (pcolormesh, nearest imshow);
* values: mean error of the cells against the array drawn, as a ratio of
  decoding the same cells with the true colormap and limits (oracle);
* time: seconds per figure (after a first, warming call).
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib import colors as mcolors
from PIL import Image

import truepix as tp
from _figure_support import corner_checks, corners_right, figure_file, iou, pixel_box

KINDS = ["imshow-nearest", "pcolormesh", "imshow-bilinear", "contourf", "hist2d", "hexbin"]
CMAPS = ["viridis", "magma", "RdBu_r", "jet", "gray", "coolwarm", "plasma", "turbo", "cividis"]
FORMATS = ["int", "decimal", "negative", "offset", "percent", "log", "twoslope", "scientific", "symlog"]
LOCATIONS = ["right", "right", "left", "bottom", "top", "none"]


@dataclass
class Case:
    seed: int
    kind: str
    cmap: str
    fmt: str
    location: str
    font: str
    size: float
    dpi: int
    jpeg: bool


@dataclass
class Truth:
    image: bytes
    axes: tuple[float, float, float, float]
    bar: tuple[tuple[float, float, float, float], str] | None
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    vmin: float
    vmax: float
    array: np.ndarray | None  # the cells drawn (row 0 at the top), for grid kinds
    norm: str = "linear"
    extra: dict = field(default_factory=dict)


def cases(count: int, sweep: int = 0) -> list[Case]:
    """The generated figures; another ``sweep`` draws other combinations, sizes and data."""
    rng = np.random.default_rng(12 + sweep)
    out = []
    for seed in range(1000 * sweep, 1000 * sweep + count):
        out.append(
            Case(
                seed,
                KINDS[seed % len(KINDS)],
                CMAPS[seed % len(CMAPS)],
                FORMATS[(seed // 2) % len(FORMATS)],
                LOCATIONS[(seed + seed // 6) % len(LOCATIONS)],
                ["DejaVu Sans", "DejaVu Serif", "STIXGeneral"][(seed // 5) % 3],
                float(rng.choice([6, 8, 10, 12, 14])),
                int(rng.choice([72, 100, 150, 200, 300])),
                bool(seed % 4 == 3),
            )
        )
    return out


def _limits(case: Case, rng: np.random.Generator) -> tuple[float, float, str]:
    if case.fmt == "log":
        return 10.0 ** -int(rng.integers(1, 3)), 10.0 ** int(rng.integers(1, 4)), "log"
    if case.fmt == "symlog":
        return -(10.0 ** int(rng.integers(2, 4))), 10.0 ** int(rng.integers(2, 4)), "symlog"
    if case.fmt == "twoslope":  # the centre (0) away from the range's middle
        return -float(rng.choice([5, 10, 20])), float(rng.choice([30, 40, 60])), "twoslope"
    if case.fmt == "negative":
        return -float(rng.choice([5, 20, 100])), float(rng.choice([5, 20, 100])), "linear"
    if case.fmt == "offset":  # matplotlib writes "1e-6" / "1e6" beside the labels
        return (1.0e-6, 3.0e-6, "linear") if case.seed % 2 else (2.0e6, 5.0e6, "linear")
    if case.fmt == "scientific":  # the same, written "×10⁻⁴" (mathtext)
        return (0.0, 4.0e-4, "linear") if case.seed % 2 else (0.0, 8.0e5, "linear")
    if case.fmt == "percent":
        return 0.0, 100.0, "linear"
    if case.fmt == "decimal":
        return 0.0, float(rng.choice([0.8, 1.5, 2.5])), "linear"
    return 0.0, float(rng.choice([50, 200, 1000])), "linear"


def _norm(vmin: float, vmax: float, name: str) -> mcolors.Normalize:
    if name == "log":
        return mcolors.LogNorm(vmin, vmax)
    if name == "symlog":
        return mcolors.SymLogNorm(1.0, vmin=vmin, vmax=vmax, base=10)
    if name == "twoslope":
        return mcolors.TwoSlopeNorm(0.0, vmin, vmax)
    return mcolors.Normalize(vmin, vmax)


def make(case: Case) -> Truth:
    rng = np.random.default_rng(case.seed)
    vmin, vmax, norm_name = _limits(case, rng)
    ny, nx = int(rng.integers(8, 40)), int(rng.integers(8, 50))
    yy, xx = np.mgrid[0:ny, 0:nx]
    unit = 0.5 + 0.5 * np.sin(xx / rng.uniform(2, 8) + rng.uniform(0, 3)) * np.cos(yy / rng.uniform(2, 8))
    norm = _norm(vmin, vmax, norm_name)
    array = np.asarray(norm.inverse(unit), dtype=np.float64)  # evenly spread over the colors
    plt.rcParams.update({"font.family": case.font, "font.size": case.size})
    width = float(rng.uniform(4.5, 7.0))
    fig, ax = plt.subplots(figsize=(width, width * 0.75), dpi=case.dpi)
    grid_array = None
    if case.kind == "imshow-nearest":
        mappable = ax.imshow(array, cmap=case.cmap, norm=norm, interpolation="nearest", aspect="auto")
        grid_array = array
    elif case.kind == "imshow-bilinear":
        mappable = ax.imshow(array, cmap=case.cmap, norm=norm, interpolation="bilinear", aspect="auto")
    elif case.kind == "pcolormesh":
        mappable = ax.pcolormesh(np.arange(nx + 1) * 2.0, np.arange(ny + 1) * 5.0, array, cmap=case.cmap, norm=norm)
        grid_array = array[::-1]  # pcolormesh draws row 0 at the bottom
    elif case.kind == "contourf":
        levels = np.asarray(norm.inverse(np.linspace(0, 1, 9)), dtype=np.float64)
        levels = np.geomspace(vmin, vmax, 7) if norm_name == "log" else levels
        mappable = ax.contourf(np.arange(nx), np.arange(ny), array, levels=levels, cmap=case.cmap, norm=norm)
    elif case.kind == "hist2d":
        points = rng.normal(size=(4000, 2))
        mappable = ax.hist2d(points[:, 0], points[:, 1], bins=(nx, ny), cmap=case.cmap, norm=norm)[3]
    else:
        points = rng.normal(size=(4000, 2))
        mappable = ax.hexbin(points[:, 0], points[:, 1], gridsize=12, cmap=case.cmap, norm=norm)
    bar = None
    if case.location != "none":
        bar = fig.colorbar(mappable, ax=ax, location=case.location)
        if case.fmt == "percent":
            bar.ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter())
            bar.ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter())
        if case.fmt == "scientific":
            bar.formatter.set_useMathText(True)
            bar.update_ticks()
        bar.set_label("value [units]")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    fig.canvas.draw()
    axes = pixel_box(ax, fig)
    bar_box = None if bar is None else (pixel_box(bar.ax, fig), bar.orientation)
    data = figure_file(fig, dpi=case.dpi, jpeg=case.jpeg)
    truth = Truth(data, axes, bar_box, tuple(ax.get_xlim()), tuple(ax.get_ylim()), mappable.norm.vmin, mappable.norm.vmax, grid_array, norm_name)
    truth.extra["norm"] = mappable.norm
    if case.kind == "contourf":
        truth.vmin, truth.vmax = float(mappable.levels[0]), float(mappable.levels[-1])
    return truth


def _position(norm: mcolors.Normalize, value: float) -> float:
    """Where the norm puts a value, extended past its ends (TwoSlopeNorm alone clamps there)."""
    if isinstance(norm, mcolors.TwoSlopeNorm):
        low, centre, high = norm.vmin, norm.vcenter, norm.vmax
        if value < centre:
            return 0.5 * (value - low) / (centre - low)
        return 0.5 + 0.5 * (value - centre) / (high - centre)
    return float(np.ma.filled(norm(np.array([value], dtype=np.float64)), np.nan)[0])


def _close(found: float | None, true: float, norm: mcolors.Normalize) -> bool:
    """Within 0.5% of the span, in the norm's own terms (its [0, 1] position)."""
    if found is None or not np.isfinite(found):
        return False
    error = abs(_position(norm, found) - _position(norm, true))
    return bool(np.isfinite(error) and error <= 0.005)


def _oracle_cells(image: np.ndarray, truth: Truth, case: Case) -> np.ndarray:
    """The cells decoded at their centre pixels with the true colormap and limits."""
    ny, nx = truth.array.shape
    left, top, right, bottom = truth.axes
    rows = np.clip((top + (np.arange(ny) + 0.5) * (bottom - top) / ny).astype(int), 0, image.shape[0] - 1)
    cols = np.clip((left + (np.arange(nx) + 0.5) * (right - left) / nx).astype(int), 0, image.shape[1] - 1)
    pixels = image[rows[:, None], cols[None, :], :3]
    norm = truth.extra["norm"] if truth.norm in ("twoslope", "symlog") else truth.norm
    return tp.decolorize(pixels, cmap=case.cmap, vmin=truth.vmin, vmax=truth.vmax, norm=norm)


def score(case: Case, truth: Truth, reading) -> dict[str, object]:
    out: dict[str, object] = {}
    if truth.bar is None:
        out["bar"] = not reading.colorbars and all(p.colorbar is None for p in reading.panels)
    panel = max(reading.panels, key=lambda p: iou(p.bbox, truth.axes), default=None)
    if panel is None or iou(panel.bbox, truth.axes) < 0.8:
        out.setdefault("bar", False)
        return out | {"area": False}
    out["area"] = True
    if truth.bar is not None:
        bar = panel.colorbar
        out["bar"] = bool(bar is not None and bar.orientation == truth.bar[1] and iou(bar.bbox, truth.bar[0]) >= 0.8)
        norm = truth.extra["norm"]
        out["range"] = bool(_close(panel.vmin, truth.vmin, norm) and _close(panel.vmax, truth.vmax, norm))
        out["norm"] = panel.norm == truth.norm
    out["corners"] = corners_right(panel, truth.axes, truth.xlim, truth.ylim)
    if truth.array is not None:
        out["grid"] = panel.grid == truth.array.shape
        if out["grid"] and truth.bar is not None and out.get("range"):
            import imagecodecs

            image = imagecodecs.imread(truth.image)
            oracle = _oracle_cells(image, truth, case)
            ours = panel.data.values
            error_ours = np.nanmean(np.abs(ours - truth.array)) + np.isnan(ours).mean() * abs(truth.vmax - truth.vmin)
            error_oracle = np.nanmean(np.abs(oracle - truth.array))
            out["values"] = float(error_ours / max(error_oracle, 1e-12))
    return out


def _rate(rows: list[dict[str, object]], key: str) -> str:
    values = [r[key] for r in rows if key in r]
    if not values:
        return "-"
    return f"{sum(bool(v) for v in values)}/{len(values)} ({100 * np.mean([bool(v) for v in values]):.0f}%)"


def run_generated(count: int, sweep: int = 0) -> None:
    tp.read_figure(make(cases(1)[0]).image)  # warm: catalog, OCR model, imports
    rows = []
    print(f"{'#':>3} {'kind':16} {'cmap':9} {'fmt':9} {'bar':7} {'font':13} {'pt':>4} {'dpi':>4} {'jpg':4} {'s':>5}  result")
    for case in cases(count, sweep):
        truth = make(case)
        start = time.perf_counter()
        reading = tp.read_figure(truth.image)
        seconds = time.perf_counter() - start
        result = score(case, truth, reading)
        result["time"] = seconds
        best = max(reading.panels, key=lambda p: iou(p.bbox, truth.axes), default=None)
        result["confidence"] = 0.0 if best is None else best.confidence
        result["shape"] = Image.open(io.BytesIO(truth.image)).size
        rows.append(result | {"case": case})
        flags = " ".join(f"{k}={'ok' if v is True else ('FAIL' if v is False else f'{v:.2f}')}" for k, v in result.items() if k not in ("time", "shape", "case", "confidence"))
        print(f"{case.seed:3d} {case.kind:16} {case.cmap:9} {case.fmt:9} {case.location:7} {case.font:13} {case.size:4.0f} {case.dpi:4d} {'yes' if case.jpeg else 'no':4} {seconds:5.2f}  conf={result['confidence']:.2f} {flags}")
    print()
    print("| measure | generated figures | goal |")
    print("|---|---|---|")
    print(f"| plot area found (IoU >= 0.8) | {_rate(rows, 'area')} | |")
    with_bar = [r for r in rows if r["case"].location != "none"]
    without = [r for r in rows if r["case"].location == "none"]
    print(f"| colorbar found (IoU >= 0.8, orientation) | {_rate(with_bar, 'bar')} | >= 98% |")
    print(f"| no bar reported where none | {_rate(without, 'bar')} | 100% |")
    print(f"| range within 0.5% of span | {_rate(rows, 'range')} | >= 95% |")
    print(f"| norm read right (linear, log, twoslope, symlog) | {_rate(rows, 'norm')} | |")
    confident = [r for r in rows if "range" in r and r["confidence"] >= 0.9]
    print(f"| range right where confidence >= 0.9 | {_rate(confident, 'range')} | |")
    for fmt in FORMATS:
        print(f"| range, {fmt} labels | {_rate([r for r in rows if r['case'].fmt == fmt], 'range')} | |")
    print(f"| x/y corners within 1 px | {_rate(rows, 'corners')} | >= 95% |")
    print(f"| grid shape exact | {_rate(rows, 'grid')} | >= 90% |")
    ratios = [r["values"] for r in rows if "values" in r]
    if ratios:
        print(f"| cell error / oracle's (median, max) | {np.median(ratios):.2f}, {np.max(ratios):.2f} (n={len(ratios)}) | <= 1.2 |")
    times = np.array([r["time"] for r in rows])
    print(f"| seconds per figure (median, max) | {np.median(times):.2f}, {times.max():.2f} | <= 2 s at 1000x800 |")


def _labelled_limits(ax) -> tuple[tuple[float, float], tuple[float, float]]:
    """The axes' limits in the units its tick labels show (what a reader of the picture sees).

    seaborn labels cell ``i`` (spanning data ``i .. i + 1``) with its index
    at the cell's centre: the labelled coordinate is the data's minus 0.5.
    Where the labels are not numbers, the data limits.
    """
    out = []
    for ticks, labels, limits in ((ax.get_xticks(), ax.get_xticklabels(), ax.get_xlim()), (ax.get_yticks(), ax.get_yticklabels(), ax.get_ylim())):
        try:
            values = [float(t.get_text().replace("\u2212", "-")) for t in labels]
        except ValueError:
            out.append(tuple(limits))
            continue
        if len(values) < 2:
            out.append(tuple(limits))
            continue
        slope, intercept = np.polyfit(np.asarray(ticks, dtype=float), values, 1)
        out.append(tuple(float(intercept + slope * v) for v in limits))
    return out[0], out[1]


def _library_figures() -> list[tuple[str, Truth]]:
    """seaborn heatmaps and plotnine tiles (extra ``bench``), with what drew them.

    plotnine draws its colorbar as an image in a legend, not a matplotlib
    colorbar: its bar box is unknown (None), scored as found or not. It lays
    its axes out when the figure is saved: boxes are measured after saving.
    Coordinates are scored in the units the tick labels show
    (:func:`_labelled_limits`).
    """
    import pandas as pd
    import plotnine as p9
    import seaborn as sns

    out = []
    rng = np.random.default_rng(7)
    for k, (cmap, shape, annot) in enumerate([("rocket", (12, 16), False), ("vlag", (20, 20), False), ("mako", (8, 10), True)]):
        data = rng.normal(size=shape).cumsum(axis=1)
        fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
        sns.heatmap(data, cmap=cmap, annot=annot, fmt=".0f", ax=ax, center=0 if cmap == "vlag" else None)
        picture = figure_file(fig, dpi=100, close=False)
        mesh = ax.collections[0]
        axes, bar = pixel_box(ax, fig), (pixel_box(mesh.colorbar.ax, fig), "vertical")
        xlim, ylim = _labelled_limits(ax)
        plt.close(fig)
        truth = Truth(picture, axes, bar, xlim, ylim, mesh.norm.vmin, mesh.norm.vmax, data)
        truth.extra["norm"] = mesh.norm
        out.append((f"seaborn heatmap {cmap}{' annot' if annot else ''}", truth))
    for k, (ny, nx) in enumerate([(10, 14), (24, 30)]):
        yy, xx = np.mgrid[0:ny, 0:nx]
        values = np.sin(xx / 4.0 + k) * np.cos(yy / 5.0)
        frame = pd.DataFrame({"x": xx.ravel(), "y": yy.ravel(), "z": values.ravel()})
        plot = p9.ggplot(frame, p9.aes("x", "y", fill="z")) + p9.geom_tile() + p9.theme(figure_size=(6.4, 4.8), dpi=100)
        fig = plot.draw()
        picture = figure_file(fig, dpi=100, close=False)  # plotnine lays out as it saves
        ax = fig.axes[0]
        axes = pixel_box(ax, fig)
        xlim, ylim = _labelled_limits(ax)
        plt.close(fig)
        truth = Truth(picture, axes, None, xlim, ylim, float(values.min()), float(values.max()), values[::-1])
        truth.extra["norm"] = mcolors.Normalize(float(values.min()), float(values.max()))
        truth.extra["unknown_bar"] = True
        out.append((f"plotnine geom_tile {ny}x{nx}", truth))
    return out


def run_libraries() -> None:
    print()
    print("| figure | s | panels | plot area IoU | bar | range (found / true) | corners | grid (found / true) |")
    print("|---|---|---|---|---|---|---|---|")
    for name, truth in _library_figures():
        start = time.perf_counter()
        reading = tp.read_figure(truth.image)
        seconds = time.perf_counter() - start
        panel = max(reading.panels, key=lambda p: iou(p.bbox, truth.axes), default=None)
        if panel is None:
            print(f"| {name} | {seconds:.2f} | 0 | | | | | |")
            continue
        if truth.extra.get("unknown_bar"):
            bar = "found" if panel.colorbar is not None else "MISSED"
        else:
            bar = "ok" if panel.colorbar is not None and iou(panel.colorbar.bbox, truth.bar[0]) >= 0.8 else "FAIL"
        found = "-" if panel.vmin is None else f"{panel.vmin:.3g}..{panel.vmax:.3g}"
        corners = corner_checks(panel, truth.axes, truth.xlim, truth.ylim)
        print(
            f"| {name} | {seconds:.2f} | {len(reading.panels)} | {iou(panel.bbox, truth.axes):.2f} | {bar} |"
            f" {found} / {truth.vmin:.3g}..{truth.vmax:.3g} | {'/'.join(corners)} | {panel.grid} / {truth.array.shape} |"
        )


def run_real(folder: Path) -> None:
    print()
    print("| figure | s | panels | bars (orientation, colors) | cmap | vmin..vmax | x range | y range | grid | conf | doubts |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for path in sorted(folder.glob("*.png")):
        start = time.perf_counter()
        try:
            reading = tp.read_figure(path)
        except Exception as exc:  # a benchmark reports every figure
            print(f"| {path.stem} | - | error: {type(exc).__name__}: {exc} |")
            continue
        seconds = time.perf_counter() - start
        bars = ", ".join(f"{b.orientation[0]}{len(b.colors)}" for b in reading.colorbars) or "none"
        if not reading.panels:
            print(f"| {path.stem} | {seconds:.2f} | 0 | {bars} | | | | | | | |")
        for k, panel in enumerate(reading.panels):
            def rng(axis):
                if axis.scale is None:
                    return "px"
                a, b = axis.scale.value(np.array(axis.scale.pixels))
                return f"{axis.scale.scale[:3]} {a:.3g}..{b:.3g}"
            limits = "-" if panel.vmin is None else f"{panel.vmin:.3g}..{panel.vmax:.3g} {panel.norm[:3]}"
            name = path.stem if k == 0 else ""
            print(f"| {name} | {seconds if k == 0 else 0:.2f} | {k + 1}/{len(reading.panels)} | {bars if k == 0 else ''} | {panel.cmap} | {limits} | {rng(panel.x)} | {rng(panel.y)} | {panel.grid} | {panel.confidence:.2f} | {_doubt_words(panel)} |")


def _doubt_words(panel) -> str:
    """The doubts read_figure named, a few words each."""
    doubts = panel.data.attrs.get("doubts", "")
    return ", ".join(" ".join(d.split()[:5]) for d in doubts.split("; ")) if doubts else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--full", action="store_true", help="160 generated figures")
    parser.add_argument("--count", type=int, default=None, help="number of generated figures")
    parser.add_argument("--sweep", type=int, default=0, help="another set of generated figures (1, 2, ...)")
    parser.add_argument("--real", action="store_true", help="also read ../shared/real_figures")
    parser.add_argument("--libraries", action="store_true", help="also seaborn heatmaps and plotnine tiles")
    parser.add_argument("--no-generated", action="store_true", help="skip the generated figures")
    args = parser.parse_args()
    count = args.count or (160 if args.full else 24)
    if not args.no_generated:
        run_generated(count, args.sweep)
    if args.libraries:
        run_libraries()
    folder = Path(__file__).resolve().parents[1] / ".." / "shared" / "real_figures"
    if args.real and folder.is_dir():
        run_real(folder)
    sys.stdout.flush()


if __name__ == "__main__":
    main()

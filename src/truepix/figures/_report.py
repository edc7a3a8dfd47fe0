"""The report picture: what was read, the field drawn again from it, and their difference.

Three images side by side, each the size of the figure:

1. the figure with every box found drawn over it -- plot areas (green),
   colorbars (blue), tick labels that the fitted scale agrees with (orange)
   or that it outvoted (red), each with the text read;
2. the figure with each plot area painted again from the values read, with
   the colormap and range found (magenta: pixels that were not decoded);
3. the difference between 1 and 2 (largest channel, DN): dark where the
   reading explains the picture, bright where it does not.

The difference checks the colors only: a range read wrong (a misread
label) paints the same colors again. So each panel's range and confidence
stand over it (red below 0.9), each label's text beside its box, and the
doubts of the panels read less than surely under the pictures.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from truepix.figures._model import FigureReading

__all__ = ["panel_colormap", "rerender", "write_report"]


def panel_colormap(panel: Any, /) -> Any:
    """The colormap a panel was decoded with, as :func:`truepix.colorize` takes it.

    A stepped bar's own steps; else the catalog map when the panel names one;
    else (``"colorbar"``, or none found) the bar's own colors, and gray without a bar.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> import numpy as np
    >>> panel_colormap(SimpleNamespace(cmap="viridis", colorbar=None)).name
    'viridis'
    >>> bar = SimpleNamespace(colors=np.array([[0, 0, 0], [255, 0, 0]], np.uint8))
    >>> panel_colormap(SimpleNamespace(cmap="colorbar", colorbar=bar)).tolist()
    [[0, 0, 0], [255, 0, 0]]
    """
    from truepix.color._catalog import resolve
    from truepix.errors import UnknownColormapError

    if panel.colorbar is not None and getattr(panel.colorbar, "boundaries", None) is not None:
        return panel.colorbar.colors  # a stepped bar's steps, evenly along it (uneven levels sample the map unevenly)
    if isinstance(panel.cmap, str):
        try:
            return resolve(panel.cmap)
        except UnknownColormapError:
            pass
    return panel.colorbar.colors if panel.colorbar is not None else "gray"


def rerender(reading: FigureReading, /) -> np.ndarray:
    """The figure with each decoded plot area painted again from its values, (H, W, 3) uint8."""
    from truepix.color._colorize import colorize

    out = reading.image.copy()
    for panel in reading.panels:
        r0, r1, c0, c1 = panel.interior
        values = panel.pixel_values
        if values.size == 0 or panel.cmap is None:
            continue
        if panel.colorbar is not None and panel.colorbar.boundaries is not None:
            table = panel.colorbar.colors
            edges = panel.colorbar.boundaries
            fractions = _fractions(values, panel)
            index = np.clip(np.searchsorted(edges, fractions, side="right") - 1, 0, len(table) - 1)
            painted = table[index]
        else:
            fractions = _fractions(values, panel)
            painted = colorize(fractions, cmap=panel_colormap(panel), vmin=0.0, vmax=1.0)[..., :3]
        painted = painted.copy()
        missing = ~np.isfinite(values)
        painted[missing] = (255, 0, 255)
        # the frame's antialiased rim is not data: shown as it was
        rim = np.zeros_like(missing)
        rim[:1], rim[-1:], rim[:, :1], rim[:, -1:] = True, True, True, True
        painted[missing & rim] = out[r0:r1, c0:c1][missing & rim]
        out[r0:r1, c0:c1] = painted
    return out


def _fractions(values: np.ndarray, panel: Any) -> np.ndarray:
    """Values back to positions along the colormap, with the scale they were read with."""
    scale = getattr(panel, "value_scale", None)
    return values if scale is None else scale.pixel(values)


def _doubt_lines(reading: FigureReading) -> list[str]:
    """The doubts of each panel read less than surely (confidence below 0.9), wrapped: 12 lines at most.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> panel = SimpleNamespace(confidence=0.3, data=SimpleNamespace(attrs={"doubts": "a label misread"}))
    >>> _doubt_lines(SimpleNamespace(panels=[panel]))
    ['panel 0, confidence 0.30: a label misread']
    """
    import textwrap

    lines = []
    for k, panel in enumerate(reading.panels):
        doubts = str(panel.data.attrs.get("doubts", ""))
        if panel.confidence < 0.9 and doubts:
            lines += textwrap.wrap(f"panel {k}, confidence {panel.confidence:.2f}: {doubts}", 200)
    return lines[:12]


def write_report(reading: FigureReading, path: Any, /) -> Path:
    """Write the report picture (PNG) of a reading: what was read, drawn again, and the difference.

    Parameters
    ----------
    reading : FigureReading
        What :func:`truepix.read_figure` returned.
    path : str or path-like
        Where to write the PNG (atomically: a failure leaves a file there as it was).

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    WriteError
        When the file cannot be written.

    Examples
    --------
    >>> import numpy as np, tempfile, pathlib
    >>> from truepix.figures._model import FigureReading
    >>> empty = FigureReading([], [], (40, 60), np.full((40, 60, 3), 255, np.uint8))
    >>> write_report(empty, pathlib.Path(tempfile.mkdtemp()) / "r.png").suffix
    '.png'
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    from truepix.io._atomic import write_atomic

    image = reading.image
    again = rerender(reading)
    difference = np.abs(image.astype(np.int16) - again.astype(np.int16)).max(axis=2)
    height, width = image.shape[:2]
    scale = 6.0 / max(width, 1)
    doubts = _doubt_lines(reading)
    fig = Figure(figsize=(3 * width * scale + 1.2, height * scale + 0.6 + 0.14 * len(doubts)), dpi=110)
    FigureCanvasAgg(fig)
    axes = fig.subplots(1, 3)
    titles = ("what was read", "drawn again from the values read", "difference (DN, max channel; colors only, not the range)")
    for ax, title in zip(axes, titles, strict=True):
        ax.set_title(title, fontsize=9)
        ax.set_axis_off()
    axes[0].imshow(image, interpolation="nearest")
    axes[1].imshow(again, interpolation="nearest")
    shown = axes[2].imshow(difference, cmap="magma", vmin=0, vmax=64, interpolation="nearest")
    fig.colorbar(shown, ax=axes[2], fraction=0.04, pad=0.02)

    def box(ax: Any, b: Any, color: str, width_pt: float = 1.2) -> None:
        ax.add_patch(
            Rectangle((b[0], b[1]), b[2] - b[0], b[3] - b[1], fill=False, ec=color, lw=width_pt)
        )

    for bar in reading.colorbars:
        box(axes[0], bar.bbox, "tab:blue")
    for k, panel in enumerate(reading.panels):
        box(axes[0], panel.bbox, "tab:green", 1.6)
        sure = panel.confidence >= 0.9
        span = f" {panel.vmin:.4g} to {panel.vmax:.4g}" if panel.vmin is not None and panel.vmax is not None else " no range"
        axes[0].text(
            panel.bbox[0], panel.bbox[1] - 2, f"panel {k}: {panel.cmap},{span}, confidence {panel.confidence:.2f}",
            color="tab:green" if sure else "red", fontsize=6, va="bottom", fontweight="normal" if sure else "bold",
        )  # fmt: skip
        for axis in (panel.x, panel.y, panel.colorbar_axis):
            for tick in axis.ticks:
                color = "tab:orange" if tick.inlier else "red"
                box(axes[0], tick.box, color, 0.8)
                axes[0].text(tick.box[2] + 1, tick.box[1], tick.text, color=color, fontsize=4, va="top")
    if doubts:
        fig.text(0.01, 0.01, "\n".join(doubts), color="red", fontsize=6, va="bottom", ha="left")
    fig.tight_layout(rect=(0.0, min(0.5, 0.14 * len(doubts) / fig.get_figheight()), 1.0, 1.0))
    target = Path(path)
    write_atomic(target, lambda file: fig.savefig(file, format="png"), overwrite=True)
    return target

"""Demo section: a heatmap figure read back into data, with nothing given."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

__all__ = ["run_section"]


def _figure() -> tuple[bytes, np.ndarray]:
    """A pcolormesh figure of a small field with a labelled colorbar, as PNG bytes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    yy, xx = np.mgrid[0:24, 0:36]
    field = 20.0 + 8.0 * np.sin(xx / 5.0) * np.cos(yy / 4.0) + 0.15 * xx
    fig = Figure(figsize=(6, 4), dpi=110)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    mesh = ax.pcolormesh(np.arange(37) * 0.5, np.arange(25) * 0.5, field, cmap="magma", vmin=10, vmax=35)
    bar = fig.colorbar(mesh)
    bar.set_label("temperature [°C]")
    ax.set_xlabel("x [km]")
    ax.set_ylabel("y [km]")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue(), field


def run_section(out_dir: Path, console: Console) -> None:
    """Make a figure, read it back with ``tp.read_figure`` and compare with the array."""
    from truepix.figures import read_figure

    console.rule("[bold]figure -> data")
    png, field = _figure()
    figure_path = out_dir / "figure.png"
    figure_path.write_bytes(png)
    reading = read_figure(figure_path)
    panel = reading.panels[0]
    report = reading.write_report(out_dir / "figure_report.png")
    table = Table(title="read from figure.png, nothing given")
    for column in ("what", "drawn", "read"):
        table.add_column(column)
    table.add_row("colormap", "magma", str(panel.cmap))
    table.add_row("range", "10 .. 35", f"{panel.vmin:.4g} .. {panel.vmax:.4g}")
    table.add_row("x extent", "0 .. 18", f"{panel.x.scale.value(panel.bbox[0]):.3g} .. {panel.x.scale.value(panel.bbox[2]):.3g}")
    table.add_row("grid", f"{field.shape[0]} x {field.shape[1]}", str(panel.grid))
    if panel.grid == field.shape:
        # pcolormesh draws row 0 at the bottom; the reading's row 0 is the top
        error = np.abs(panel.data.values[::-1] - field)
        table.add_row("cell values", "", f"max error {np.nanmax(error):.3g} (bound {panel.data.attrs['max_error']:.3g})")
    console.print(table)
    console.print(f"report: {report} (read, drawn again, difference)")

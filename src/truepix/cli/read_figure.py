"""``truepix read-figure FIG``: a heatmap figure read into calibrated data.

Prints what was found (plot areas, colorbars, colormap, range, axes, grid,
confidence); ``-o`` writes the data (``.nc``/``.zarr``: an xarray Dataset
with one variable per panel, ``panel1``, ``panel2`` …, whose dims are
``panel.data``'s ``y``/``x`` when there is one panel and ``y_panel1``/``x_panel1`` …
when there are several (NetCDF 3, what scipy writes, has no groups, and the
panels' sizes differ); ``.npy``/``.csv``: one file per panel, with a
``_panel1``, ``_panel2`` … suffix when there are several; the CSV as the web
page writes it: ``x,y,value``); ``--report`` writes the report
picture; ``--calibration`` corrects what is found with calibration JSON and
``--found`` writes what was found in that same form, to edit and pass back.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import click
import numpy as np

from truepix.cli import options

__all__ = ["check_output", "command", "write_data"]

_SUFFIXES = (".nc", ".csv", ".npy", ".zarr")


def _dataset(reading: Any) -> Any:
    import xarray as xr

    variables = {}
    several = len(reading.panels) > 1
    for k, panel in enumerate(reading.panels):
        # one panel keeps panel.data's y/x; several need a pair of dims each (NetCDF 3 has no groups)
        data = panel.data.rename({"y": f"y_panel{k + 1}", "x": f"x_panel{k + 1}"}) if several else panel.data.copy()
        data.attrs = {key: ("" if v is None else v) for key, v in data.attrs.items()}
        variables[f"panel{k + 1}"] = data
    return xr.Dataset(variables)


def _atomic_path(path: Path, write: Any) -> None:
    """Write to a temporary sibling, then rename into place (files and folders)."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    os.close(handle)
    os.unlink(temporary)
    try:
        write(Path(temporary))
        if path.is_dir():
            import shutil

            shutil.rmtree(path)
        os.replace(temporary, path)
    finally:
        if os.path.isdir(temporary):
            import shutil

            shutil.rmtree(temporary, ignore_errors=True)
        elif os.path.exists(temporary):
            os.unlink(temporary)


def check_output(path: Path) -> str:
    """The output's suffix (lower case), refused before any work when no writer takes it."""
    options.check_output(path, _SUFFIXES, folders=(".zarr",))
    return path.suffix.lower()


def write_data(reading: Any, path: Path) -> list[Path]:
    """Write every panel's data to ``path`` in the format its suffix names; the paths written."""
    suffix = check_output(path)
    if not reading.panels:
        return []
    if suffix == ".nc":
        dataset = _dataset(reading)
        _atomic_path(path, lambda p: dataset.to_netcdf(p, engine="scipy"))
        return [path]
    if suffix == ".zarr":
        dataset = _dataset(reading)
        _atomic_path(path, lambda p: dataset.to_zarr(p))
        return [path]
    written = []
    several = len(reading.panels) > 1
    for k, panel in enumerate(reading.panels):
        target = path.with_name(f"{path.stem}_panel{k + 1}{path.suffix}") if several else path
        values = np.asarray(panel.data.values)
        if suffix == ".npy":
            _atomic_path(target, lambda p, v=values: np.save(p.with_suffix(".npy"), v) or os.replace(p.with_suffix(".npy"), p))
        else:  # the page's CSV: x, y, value, one row per cell
            _atomic_path(target, lambda p, text=panel.to_csv(): p.write_text(text, encoding="ascii"))
        written.append(target)
    return written


def _summary(reading: Any, source: Path) -> list[Any]:
    """One two-column table per panel."""
    from rich.table import Table

    def axis_text(axis: Any, ends: tuple[float, float]) -> str:
        if axis.scale is None:
            return "pixels (no labels read)"
        a, b = axis.scale.value(np.array(ends))
        agreed = sum(t.inlier for t in axis.ticks)
        return f"{axis.scale.scale}, {a:.6g} .. {b:.6g} ({agreed}/{len(axis.ticks)} labels agree)"

    tables = []
    for k, panel in enumerate(reading.panels):
        table = Table(title=f"{source.name}: panel {k + 1} of {len(reading.panels)}", show_header=False)
        table.add_column(style="bold cyan")
        table.add_column()
        bar = panel.colorbar
        bar_text = "none" if bar is None else f"{bar.orientation}, box {bar.bbox}" + (
            f", {len(bar.colors)} steps" if bar.boundaries is not None else ""
        )
        limits = "-" if panel.vmin is None else f"{panel.vmin:.6g} .. {panel.vmax:.6g} ({panel.norm})"
        rows = [
            ("plot area", ", ".join(f"{v:.1f}" for v in panel.bbox)),
            ("colorbar", bar_text),
            ("colormap", str(panel.cmap)),
            ("range", limits),
            ("units", str(panel.data.attrs["units"])),
            ("x", axis_text(panel.x, (panel.bbox[0], panel.bbox[2]))),
            ("y", axis_text(panel.y, (panel.bbox[3], panel.bbox[1]))),
            ("grid", "one value per pixel" if panel.grid is None else f"{panel.grid[0]} x {panel.grid[1]} cells"),
            ("max error", f"{panel.data.attrs['max_error']:.3g}"),
            ("confidence", f"{panel.confidence:.2f}"),
        ]
        for key, value in rows:
            table.add_row(key, value)
        tables.append(table)
    return tables


def _why_none(image: np.ndarray) -> str:
    """Why a picture holds no plot area, in the words a user checks first."""
    height, width = image.shape[:2]
    if min(height, width) < 16:
        return f"the picture is {width}x{height} pixels, too small to hold a figure"
    flat = image.reshape(-1, image.shape[-1]) if image.ndim == 3 else image.reshape(-1, 1)
    if int(np.ptp(flat, axis=0).max()) <= 2:
        return "the picture is one color throughout (blank)"
    return "no colored data region and no axes frame were seen in it"


@click.command("read-figure")
@options.figure_arg
@click.option("-o", "--output", type=options.OutputFile(_SUFFIXES, folders=(".zarr",)),
              help="Write the data: .nc, .csv, .npy or .zarr.")  # fmt: skip
@click.option("--report", type=options.OutputFile((".png",)), help="Write the report picture (PNG).")
@click.option(
    "--calibration",
    # JSON text or a path to it: read_figure refuses both kinds in one line
    type=click.Path(path_type=Path),
    help="Calibration JSON that corrects what is found.",
)
@click.option("--found", type=options.OutputFile(), help="Write what was found as calibration JSON.")
def command(figure: Path, output: Path | None, report: Path | None, calibration: Path | None, found: Path | None) -> None:
    """Read the heatmap FIGURE into calibrated data."""
    from rich.console import Console

    from truepix.figures import read_figure

    reading = read_figure(figure, calibration=None if calibration is None else str(calibration))
    console = Console()
    if reading.color_profile is not None:
        profile = reading.color_profile
        click.echo(f"note: {figure.name}: colors converted to sRGB from its ICC profile {profile!r}", err=True)
    if not reading.panels:  # nothing to write: a script checking the exit status must see it
        click.secho(f"error: {figure.name}: no plot area found: {_why_none(reading.image)}", fg="red", err=True)
        raise SystemExit(1)
    for table in _summary(reading, figure):
        console.print(table)
    if output is not None:
        for path in write_data(reading, output):
            console.print(f"data: [bold]{path}[/]")
    if report is not None:
        console.print(f"report: [bold]{reading.write_report(report)}[/]")
    if found is not None:
        from truepix.io import write_atomic

        text = reading.to_json().encode()
        write_atomic(found, lambda file: file.write(text), overwrite=True)
        console.print(f"calibration found: [bold]{found}[/]")

"""``truepix colorize INPUT OUTPUT.png``: data to a colormapped picture, matplotlib's colors exactly.

The picture has exactly the data's shape (one pixel per value, no figure),
the colors of ``matplotlib.colormaps[cmap](norm(data), bytes=True)``. With a
linear norm and the map's own under/over/bad colors the PNG is written as
``truepix save --encoding colormap`` writes it -- the same pixels, with the map,
the limits, a log norm and under/over/bad colors of its own recorded, so
``truepix info``, ``load`` (under and over as the limits, bad as NaN) and
``decolorize`` need no options. Where the file could not tell colors apart (an
under/over/bad color that is one of the map's), or a log norm meets values <= 0
(matplotlib paints them as bad), it is a plain RGBA PNG: the output says so and
prints the ``truepix decolorize`` options that read it back.
"""

from __future__ import annotations

from typing import Any, BinaryIO

import click
import numpy as np

from truepix.cli import options

__all__ = ["command"]


@click.command("colorize")
@options.inout_options(suffixes=(".png",))
@options.cmap_opt
@options.range_options
@options.norm_opt
@click.option("--bad", default=None, help="Color of NaN/invalid values [transparent].")
@click.option("--under", default=None, help="Color below vmin [the first color].")
@click.option("--over", default=None, help="Color above vmax [the last color].")
def command(
    inout: options.InOut,
    cmap: str | None,
    vmin: float | None,
    vmax: float | None,
    norm: str,
    bad: str | None,
    under: str | None,
    over: str | None,
) -> None:
    """Color INPUT (.npy, .npz, PNG or TIFF data) into OUTPUT (.png)."""
    import imagecodecs

    import truepix as tp
    from truepix._validate import check_range, finite_range
    from truepix.cli._common import read_array
    from truepix.errors import ShapeError

    target = inout.target
    data = read_array(inout.source)
    if data.ndim not in (1, 2):
        msg = (
            f"expected 1-D or 2-D data, got shape {data.shape}; hint: pick one channel or plane,"
            " e.g. save data[..., 0] as .npy first"
        )
        raise ShapeError(msg)
    cmap = "viridis" if cmap is None else cmap
    # the range is stated in the report line, so it is found here once
    low, high = check_range(vmin, vmax)
    if low is None or high is None:
        found = finite_range(data, positive=norm == "log")
        default = (1.0, 10.0) if norm == "log" else (0.0, 1.0)
        low_found, high_found = default if found is None else found
        low = float(low_found) if low is None else low
        high = float(high_found) if high is None else high
    report = f"{cmap} {norm} {low:.6g}..{high:.6g}"  # one line in 80 columns
    entry, why = _recordable(cmap, norm, data, bad=bad, under=under, over=over)
    if entry is not None:
        # the same pixels as tp.colorize, written by the one path that records the map
        # and limits: truepix info / load / decolorize read them back from the file
        info = tp.save(
            target, data, encoding="colormap", cmap=entry, vmin=low, vmax=high, clip=True,
            norm=norm, overwrite=inout.overwrite,
        )  # fmt: skip
        height, width = (1, *info.shape) if data.ndim == 1 else info.shape
        options.report_saved(target, f"{width}x{height} px, {report}, limits recorded")
        return
    rgba = tp.colorize(
        data, cmap=cmap, vmin=low, vmax=high, norm=norm, bad=bad, under=under, over=over
    )
    picture = rgba[None] if data.ndim == 1 else rgba
    encoded = imagecodecs.png_encode(np.ascontiguousarray(picture), level=6)

    def write(file: BinaryIO) -> None:
        file.write(encoded)

    options.write_file(target, write, overwrite=inout.overwrite)
    options.report_saved(target, f"{picture.shape[1]}x{picture.shape[0]} px, {report}")
    _say_unrecorded(target, cmap, norm, low, high, why=why)


def _say_unrecorded(target: object, cmap: str, norm: str, low: float, high: float, *, why: str) -> None:
    """Why the map and limits are not in the file, and the options that decode it."""
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=True)
    console.print("  map and limits not recorded: the colormap encoding cannot hold")
    console.print(f"  {why}; decode with")
    console.print(f"  truepix decolorize {target} OUT.npy --cmap {cmap} --norm {norm}")
    console.print(f"    --vmin {low:.10g} --vmax {high:.10g}")


def _recordable(cmap: str, norm: str, data: np.ndarray, **colors: str | None) -> tuple[Any, str]:
    """The colormap (with the under/over/bad colors given) the ``colormap`` encoding
    writes and records the picture with, or None and why it cannot: values <= 0
    that a log norm paints as bad, a map with transparent colors, or a color given
    that is one of the map's (the file could not tell them apart)."""
    import dataclasses

    from matplotlib.colors import to_rgba

    from truepix import encodings
    from truepix.color import catalog
    from truepix.errors import InputError

    if norm == "log" and np.any(data <= 0):
        return None, "values <= 0 (a log norm paints them as bad)"
    entry = catalog[cmap]
    if np.any(entry.lut_bytes[:, 3] != 255):
        return None, "a map with transparent colors"
    try:
        given = {name: to_rgba(color) for name, color in colors.items() if color is not None}
        entry = dataclasses.replace(entry, **given)
        encodings.get("colormap").extremes(entry)  # type: ignore[attr-defined]
    except (ValueError, TypeError, InputError):  # a bad color spec: tp.colorize says so
        return None, "an --under/--over/--bad color that is one of the map's"
    return entry, ""

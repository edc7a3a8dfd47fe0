"""``truepix colorize INPUT OUTPUT.png``: data to a colormapped picture, matplotlib's colors exactly.

The picture has exactly the data's shape (one pixel per value, no figure),
the colors of ``matplotlib.colormaps[cmap](norm(data), bytes=True)``. With a
linear norm and the map's own under/over/bad colors the PNG is written as
``truepix save --encoding colormap`` writes it -- the same pixels, with the map,
the limits and a log norm recorded, so ``truepix info``, ``load`` and
``decolorize`` need no options. Other under/over/bad colors, or a log norm of data
with values <= 0 (matplotlib paints them as bad), give a plain RGBA PNG (the
encoding records a map with its own end colors only); the output then says so
and prints the ``truepix decolorize`` options that read it back.
"""

from __future__ import annotations

from typing import BinaryIO

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
    if _records_itself(cmap, norm, bad, under, over) and not (norm == "log" and np.any(data <= 0)):
        # the same pixels as tp.colorize, written by the one path that records the map
        # and limits: truepix info / load / decolorize read them back from the file
        info = tp.save(
            target, data, encoding="colormap", cmap=cmap, vmin=low, vmax=high, clip=True,
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
    own = any(color is not None for color in (bad, under, over))
    _say_unrecorded(target, cmap, norm, low, high, own_colors=own)


def _say_unrecorded(
    target: object, cmap: str, norm: str, low: float, high: float, *, own_colors: bool
) -> None:
    """Why the map and limits are not in the file, and the options that decode it."""
    from rich.console import Console

    why = "other end colors" if own_colors else "values <= 0 under a log norm"
    console = Console(highlight=False, soft_wrap=True)
    console.print("  map and limits not recorded: the colormap encoding holds a map with")
    console.print(f"  its own end colors only (here: {why}); decode with")
    console.print(f"  truepix decolorize {target} OUT.npy --cmap {cmap} --norm {norm}")
    console.print(f"    --vmin {low:.10g} --vmax {high:.10g}")


def _records_itself(cmap: str, norm: str, *colors: str | None) -> bool:
    """Whether the picture is one the ``colormap`` encoding writes (and records):
    a linear or log norm and an opaque map drawing under/over with its end colors
    (as the encoding's clip does) and NaN transparent."""
    from truepix.color import catalog

    if norm not in ("linear", "log") or any(color is not None for color in colors):
        return False
    entry = catalog[cmap]
    lut = entry.lut_bytes

    def as_bytes(color: np.ndarray) -> np.ndarray:
        return (np.asarray(color, dtype=np.float64) * 255).astype(np.uint8)

    return bool(
        np.all(lut[:, 3] == 255)
        and np.array_equal(as_bytes(entry.under), lut[0])
        and np.array_equal(as_bytes(entry.over), lut[-1])
        and as_bytes(entry.bad)[3] == 0
    )

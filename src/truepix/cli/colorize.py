"""``truepix colorize INPUT OUTPUT.png``: data to a colormapped picture, matplotlib's colors exactly.

The picture has exactly the data's shape (one pixel per value, no figure),
the colors of ``matplotlib.colormaps[cmap](norm(data), bytes=True)``. It is a
plain RGBA PNG for viewing; ``truepix save --encoding colormap`` writes the
same picture with what ``truepix load`` needs to read the values back.
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
    rgba = tp.colorize(
        data, cmap=cmap, vmin=low, vmax=high, norm=norm, bad=bad, under=under, over=over
    )
    picture = rgba[None] if data.ndim == 1 else rgba
    encoded = imagecodecs.png_encode(np.ascontiguousarray(picture), level=6)

    def write(file: BinaryIO) -> None:
        file.write(encoded)

    options.write_file(target, write, overwrite=inout.overwrite)
    options.report_saved(
        target,
        f"{picture.shape[1]}x{picture.shape[0]} px, {cmap} ({norm}) from {low:.6g} to {high:.6g}",
    )

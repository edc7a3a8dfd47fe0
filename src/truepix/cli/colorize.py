"""``truepix colorize IN OUT.png``: data to a colormapped picture, matplotlib's colors exactly.

The picture has exactly the data's shape (one pixel per value, no figure),
the colors of ``matplotlib.colormaps[cmap](norm(data), bytes=True)``. It is a
plain RGBA PNG for viewing; ``truepix save --encoding colormap`` writes the
same picture with what ``truepix load`` needs to read the values back.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import click
import numpy as np

from truepix.errors import ShapeError, UnknownFormatError

__all__ = ["command"]


def _write_png(path: Path, rgba: np.ndarray) -> None:
    import imagecodecs

    from truepix.io._atomic import write_atomic

    encoded = imagecodecs.png_encode(np.ascontiguousarray(rgba), level=6)

    def write(file: BinaryIO) -> None:
        file.write(encoded)

    write_atomic(path, write, overwrite=True)


@click.command("colorize")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--cmap", default="viridis", show_default=True, help="A name from truepix.colormaps()."
)
@click.option("--vmin", type=float, default=None, help="Value of the first color [data minimum].")
@click.option("--vmax", type=float, default=None, help="Value of the last color [data maximum].")
@click.option("--norm", type=click.Choice(["linear", "log"]), default="linear", show_default=True)
@click.option("--bad", default=None, help="Color of NaN/invalid values [transparent].")
@click.option("--under", default=None, help="Color below vmin [the first color].")
@click.option("--over", default=None, help="Color above vmax [the last color].")
def command(
    source: Path,
    target: Path,
    cmap: str,
    vmin: float | None,
    vmax: float | None,
    norm: str,
    bad: str | None,
    under: str | None,
    over: str | None,
) -> None:
    """Color SOURCE (.npy, .npz, PNG or TIFF data) into TARGET (.png)."""
    from rich.console import Console

    from truepix.cli._common import read_array
    from truepix.color import colorize
    from truepix.color._colorize import data_range

    if target.suffix.lower() != ".png":
        msg = f"expected an output file ending in .png, got {str(target)!r}"
        raise UnknownFormatError(msg)
    data = read_array(source)
    if data.ndim not in (1, 2):
        msg = (
            f"expected 1-D or 2-D data, got shape {data.shape}; hint: pick one channel or plane,"
            " e.g. save data[..., 0] as .npy first"
        )
        raise ShapeError(msg)
    if vmin is None or vmax is None:
        low, high = data_range(data, positive=norm == "log")
        vmin = float(low) if vmin is None else vmin
        vmax = float(high) if vmax is None else vmax
    rgba = colorize(
        data, cmap=cmap, vmin=vmin, vmax=vmax, norm=norm, bad=bad, under=under, over=over
    )
    picture = rgba[None] if data.ndim == 1 else rgba
    _write_png(target, picture)
    Console().print(
        f"[bold]{target}[/]: {picture.shape[1]}x{picture.shape[0]} px,"
        f" {cmap} ({norm}) from {vmin:.6g} to {vmax:.6g}"
    )

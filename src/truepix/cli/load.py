"""``truepix load INPUT [OUTPUT.npy]``: a PNG/TIFF/JPEG XL/WebP back into an array file, as saved."""

from __future__ import annotations

import click

from truepix.cli import options

__all__ = ["command"]


@click.command("load")
@options.inout_options(suffixes=(".npy",))
@click.option(
    "--encoding",
    "-e",
    default=None,
    help="Decode a file another tool wrote: terrain-rgb, terrarium, kitti-depth, kitti-flow.",
)
@options.palette_opt
@options.series_opt
def command(inout: options.InOut, encoding: str | None, palette: str | None, series: int) -> None:
    """Load INPUT (.png, .tif, .jxl, .webp) into OUTPUT (.npy), verifying its checksum."""
    from truepix.cli._common import write_npy
    from truepix.io import info, load

    array = load(inout.source, encoding=encoding, palette=palette, series=series)
    write_npy(inout.target, array, overwrite=inout.overwrite)
    meta = info(inout.source, palette=palette, series=series)
    bound = "exactly" if meta.exact and encoding is None else f"within {meta.max_error:.6g}"
    if meta.foreign:
        bound = f"decoded as {encoding}" if encoding else "the stored samples"
    shape = " x ".join(map(str, array.shape))
    options.report_saved(inout.target, f"{array.dtype} {shape} from {inout.source.name} ({bound})")

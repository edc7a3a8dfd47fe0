"""``truepix save INPUT [OUTPUT]``: an array file to a self-describing PNG, TIFF, JPEG XL or WebP."""

from __future__ import annotations

import click

from truepix.cli import options

__all__ = ["command"]


def _compression(value: str | None) -> int | str | None:
    if value is None:
        return None
    return int(value) if value.isdigit() else value


@click.command("save")
@options.inout_options(suffixes=options.saved_suffixes)
@click.option(
    "--encoding",
    "-e",
    default="exact",
    show_default=True,
    help="exact, linear, terrain-rgb, terrarium, kitti-depth, kitti-flow, ...",
)
@click.option("--bits", type=click.Choice(["8", "16"]), default=None, help="Bits for 'linear'.")
@options.range_options
@options.cmap_opt
@click.option(
    "--clip", is_flag=True, help="Clip values outside the encoding's domain instead of refusing."
)
@click.option(
    "--compression",
    default=None,
    help=(
        "PNG level 0-9; TIFF level or zstd/deflate/lzw/lzma/none; JPEG XL effort 1-9; "
        "WebP level 0-100."
    ),
)
def command(
    inout: options.InOut,
    encoding: str,
    bits: str | None,
    vmin: float | None,
    vmax: float | None,
    cmap: str | None,
    clip: bool,
    compression: str | None,
) -> None:
    """Save INPUT (.npy, .npz or an image) as OUTPUT (.png, .tif, .jxl, .webp)."""
    from truepix.cli._common import describe, read_array
    from truepix.io import save

    array = read_array(inout.source)
    info = save(
        inout.target,
        array,
        encoding=encoding,
        bits=None if bits is None else int(bits),
        vmin=vmin,
        vmax=vmax,
        cmap=cmap,
        clip=clip,
        compression=_compression(compression),
        overwrite=inout.overwrite,
    )
    options.report_saved(inout.target, describe(info))

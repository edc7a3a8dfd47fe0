"""``truepix save IN OUT``: an array file to a self-describing PNG, TIFF, JPEG XL or WebP."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["command"]


def _compression(value: str | None) -> int | str | None:
    if value is None:
        return None
    return int(value) if value.isdigit() else value


@click.command("save")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--encoding",
    "-e",
    default="exact",
    show_default=True,
    help="exact, linear, terrain-rgb, terrarium, kitti-depth, kitti-flow, ...",
)
@click.option("--bits", type=click.Choice(["8", "16"]), default=None, help="Bits for 'linear'.")
@click.option("--vmin", type=float, default=None, help="Low end of the value range ('linear').")
@click.option("--vmax", type=float, default=None, help="High end of the value range ('linear').")
@click.option("--cmap", default=None, help="Colormap, for encodings that use one.")
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
@click.option("--no-overwrite", is_flag=True, help="Refuse to replace an existing file.")
def command(
    source: Path,
    target: Path,
    encoding: str,
    bits: str | None,
    vmin: float | None,
    vmax: float | None,
    cmap: str | None,
    clip: bool,
    compression: str | None,
    no_overwrite: bool,
) -> None:
    """Save SOURCE (.npy, .npz or an image) as TARGET (.png, .tif, .jxl, .webp)."""
    from rich.console import Console

    from truepix.cli._common import info_table, read_array
    from truepix.io import save

    array = read_array(source)
    info = save(
        target,
        array,
        encoding=encoding,
        bits=None if bits is None else int(bits),
        vmin=vmin,
        vmax=vmax,
        cmap=cmap,
        clip=clip,
        compression=_compression(compression),
        overwrite=not no_overwrite,
    )
    Console().print(info_table(info, title=f"saved {target}"))

"""``truepix load IN OUT.npy``: a PNG/TIFF/JPEG XL/WebP back into an array file, as saved."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["command"]


@click.command("load")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--encoding",
    "-e",
    default=None,
    help="Decode a file another tool wrote: terrain-rgb, terrarium, kitti-depth, kitti-flow.",
)
@click.option(
    "--palette",
    type=click.Choice(["colors", "indices"]),
    default=None,
    help="Palette images: each pixel's color, or the stored indices (e.g. class ids).",
)
@click.option(
    "--series", type=int, default=0, show_default=True, help="TIFF: which series to read."
)
def command(
    source: Path, target: Path, encoding: str | None, palette: str | None, series: int
) -> None:
    """Load SOURCE (.png, .tif, .jxl, .webp) into TARGET (.npy), verifying its checksum."""
    from rich.console import Console

    from truepix.cli._common import write_npy
    from truepix.errors import UnknownFormatError
    from truepix.io import info, load

    if target.suffix.lower() != ".npy":
        msg = f"expected a target ending in .npy, got {str(target)!r}"
        raise UnknownFormatError(msg)
    array = load(source, encoding=encoding, palette=palette, series=series)
    write_npy(target, array)
    meta = info(source, palette=palette, series=series)
    bound = "exactly" if meta.exact and encoding is None else f"within {meta.max_error:.6g}"
    if meta.foreign:
        bound = f"decoded as {encoding}" if encoding else "the stored samples"
    Console().print(f"wrote {target}: {array.dtype} {' x '.join(map(str, array.shape))} ({bound})")

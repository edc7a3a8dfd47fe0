"""``truepix info FILE``: what a file holds and how faithfully it loads."""

from __future__ import annotations

import json
from pathlib import Path

import click

__all__ = ["command"]


@click.command("info")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option(
    "--palette",
    type=click.Choice(["colors", "indices"]),
    default=None,
    help="Palette images: describe the colors or the stored indices.",
)
@click.option(
    "--series", type=int, default=0, show_default=True, help="TIFF: which series to describe."
)
def command(source: Path, as_json: bool, palette: str | None, series: int) -> None:
    """Describe FILE: encoding, dtype, shape, error bound, checksum, palette, TIFF axes."""
    from truepix.io import info

    meta = info(source, palette=palette, series=series)
    if as_json:
        click.echo(json.dumps(meta.to_dict(), indent=2))
        return
    from rich.console import Console

    from truepix.cli._common import info_table

    table = info_table(meta)
    if meta.axes:
        table.add_row("axes", f"{meta.axes} (series {series} of {meta.n_series})")
    if meta.palette is not None:
        table.add_row("palette", f"{len(meta.palette)} colors, first {meta.palette[:4]}")
    Console().print(table)

"""``truepix info INPUT``: what a file holds and how faithfully it loads."""

from __future__ import annotations

import json
from pathlib import Path

import click

from truepix.cli import options

__all__ = ["command"]


@click.command("info")
@options.input_arg
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@options.palette_opt
@options.series_opt
def command(source: Path, as_json: bool, palette: str | None, series: int) -> None:
    """Describe INPUT: encoding, dtype, shape, error bound, checksum, palette, TIFF axes."""
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

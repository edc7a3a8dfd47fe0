"""``truepix info FILE``: what a file holds and how faithfully it loads."""

from __future__ import annotations

import json
from pathlib import Path

import click

__all__ = ["command"]


@click.command("info")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def command(source: Path, as_json: bool) -> None:
    """Describe FILE: encoding, dtype, shape, error bound, checksum."""
    from truepix.io import info

    meta = info(source)
    if as_json:
        click.echo(json.dumps(meta.to_dict(), indent=2))
        return
    from rich.console import Console

    from truepix.cli._common import info_table

    Console().print(info_table(meta))

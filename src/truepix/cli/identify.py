"""``truepix identify INPUT``: which colormap painted a picture.

Prints the best candidates from the catalog with their scores (1.0: every
color of the picture is a color of the map), and the doubt when no catalog map
fits the picture closely (``ColormapMatch.doubt``). ``--colorbar`` reads the
colorbar of a whole figure instead of its pixels, which also tells whether
the map runs reversed.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import click

from truepix.cli import options

__all__ = ["command"]


@click.command("identify")
@options.input_arg
@click.option("--top", type=click.IntRange(min=1), default=5, show_default=True)
@click.option("--colorbar", is_flag=True, help="Read the figure's colorbar instead of its pixels.")
@click.option("--json", "as_json", is_flag=True, help="Print the matches as JSON.")
def command(source: Path, top: int, colorbar: bool, as_json: bool) -> None:
    """Name the colormap of INPUT (a picture or a whole figure)."""
    from truepix import find_colorbar, identify_colormap
    from truepix.cli._common import read_picture
    from truepix.errors import InputError, TruepixWarning

    picture = read_picture(source)
    target: Any = picture
    if colorbar:
        target = find_colorbar(picture)
        if target is None:
            msg = f"expected a colorbar in {str(source)!r}, got none; try without --colorbar"
            raise InputError(msg)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", TruepixWarning)
        matches = identify_colormap(target, top=top)
    for warning in caught:  # one line each, as decolorize prints them
        if issubclass(warning.category, TruepixWarning):
            click.echo(f"warning: {' '.join(str(warning.message).split())}", err=True)
        else:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )  # fmt: skip
    if as_json:
        rows = [
            {"name": m.name, "reversed": m.reversed, "direction_known": m.direction_known,
             "cmap": m.cmap, "score": m.score, "aliases": list(m.aliases), "doubt": m.doubt}
            for m in matches
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"colormap of {source}")
    for column in ("#", "name", "reversed", "score", "same table as"):
        table.add_column(column)
    for rank, match in enumerate(matches, 1):
        # a whole figure named from its bar knows the direction too
        reversed_text = ("yes" if match.reversed else "no") if match.direction_known else "?"
        aliases = ", ".join(match.aliases[:4]) + (" ..." if len(match.aliases) > 4 else "")
        table.add_row(str(rank), match.name, reversed_text, f"{match.score:.4f}", aliases)
    console = Console()
    console.print(table)
    if matches and matches[0].doubt:  # (no catalog map fits closely: every score is lowered)
        console.print(f"doubt: {matches[0].doubt}", markup=False)
    if not all(match.direction_known for match in matches):
        console.print(
            "[dim]reversed: a picture's colors do not say; --colorbar reads a figure's bar[/]"
        )

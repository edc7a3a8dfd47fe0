"""``truepix demo``: a tour on built-in data, written into a folder it names.

Each capability contributes one section: a module under ``truepix.cli`` with a
``run_section(out_dir: pathlib.Path, console: rich.console.Console) -> None``
that makes its data (no downloads), writes its files into ``out_dir`` and prints
what it shows. Sections run in the order of :data:`SECTIONS`.
"""

from __future__ import annotations

import importlib
import time
from pathlib import Path

import click

__all__ = ["SECTIONS", "command"]

SECTIONS: list[str] = [
    "_demo_io",
    "_demo_display",
    "_demo_color",
    "_demo_decolor",
    "_demo_stacks",
    "_demo_figure",
]


@click.command("demo")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("truepix-demo"),
    show_default=True,
    help="Folder the demo writes its files into (created if missing).",
)
@click.option(
    "--section",
    "sections",
    type=click.Choice([name.removeprefix("_demo_") for name in SECTIONS]),
    multiple=True,
    help="Run only this section (repeat for several).  [default: all]",
)
def command(out_dir: Path, sections: tuple[str, ...]) -> None:
    """Run the tour on built-in data and write its files."""
    from rich.console import Console

    console = Console()
    from truepix.cli.options import check_folder

    check_folder(out_dir)
    console.rule("[bold]truepix demo")
    console.print(f"Writing files into [bold]{out_dir.resolve()}[/]\n")
    started = time.perf_counter()
    for name in SECTIONS:
        if sections and name.removeprefix("_demo_") not in sections:
            continue
        module = importlib.import_module(f"truepix.cli.{name}")
        module.run_section(out_dir, console)
        console.print()
    elapsed = time.perf_counter() - started
    console.rule(f"done in {elapsed:.1f} s — files in {out_dir.resolve()}")

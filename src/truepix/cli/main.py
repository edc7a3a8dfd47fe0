"""Entry point of the ``truepix`` command.

Subcommands live one per module and are imported only when invoked, so
``truepix info`` does not pay for numba or dask; the options they share are
defined once in :mod:`truepix.cli.options`. Named library errors -- every
:class:`~truepix.errors.TruepixError`, and OS errors (a missing folder, a full
disk) -- become one line on stderr and exit status 1 (an error about a file's
content that names no file gets the name of the one file the command read).
Anything else is a bug and keeps its traceback. Bad file arguments are refused
before any work by the parameter types of :mod:`truepix.cli.options`.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

__all__ = ["COMMANDS", "cli", "main"]

# subcommand -> (module under truepix.cli, one-line help shown by `truepix --help`)
COMMANDS: dict[str, tuple[str, str]] = {
    "save": ("save", "Save an array (.npy or image) as a self-describing PNG/TIFF."),
    "load": ("load", "Load a PNG/TIFF back into a .npy file, exactly as saved."),
    "info": ("info", "Describe a file: encoding, dtype, shape, error bound."),
    "show": ("show", "Write a quick-look picture of an array or image file, in real units."),
    "colorize": ("colorize", "Color data with a colormap: matplotlib's colors, the data's shape."),
    "identify": (
        "identify",
        "Name the colormap a picture (or a figure's colorbar) was painted with.",
    ),
    "decolorize": ("decolorize", "Turn a colormapped picture (or figure) back into its data."),
    "demo": ("demo", "Run the tour on built-in data and write its files."),
    "read-figure": ("read_figure", "Read a heatmap figure (axes, colorbar, labels) into data."),
    "hist": ("hist", "Per-pixel histograms of a stack of frames (files, TIFF, zarr)."),
    "equalize": ("equalize", "Histogram-equalize an image or every image of a stack."),
    "serve": ("serve", "Serve the local web page that turns a heatmap figure into numbers."),
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(f"truepix.cli.{COMMANDS[cmd_name][0]}")
        command: click.Command = module.command
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        from truepix.cli.options import as_options
        from truepix.errors import TruepixError

        try:
            return super().invoke(ctx)
        except (TruepixError, OSError) as exc:
            # one line, whatever a third-party message held (codecs list one line per codec)
            message = " ".join(str(exc).split()) or type(exc).__name__
            # the library's advice (pass vmin=0, vmax=1) as the options that say it
            message = _name_the_file(as_options(message), exc, ctx)
            click.secho(f"error: {message}", fg="red", err=True)
            ctx.exit(1)


def _name_the_file(message: str, exc: BaseException, ctx: click.Context) -> str:
    """An error about a file's content that names no file names the one the command read."""
    from truepix.cli.options import INPUTS_KEY, OUTPUTS_KEY
    from truepix.errors import ReadError, UnknownFormatError

    inputs = ctx.meta.get(INPUTS_KEY, [])
    files = [*inputs, *ctx.meta.get(OUTPUTS_KEY, [])]
    about_content = isinstance(exc, (ReadError, UnknownFormatError))
    if about_content and len(inputs) == 1 and not any(p.name in message for p in files):
        return f"{message} (reading {str(inputs[0])!r})"
    return message


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="truepix")
def cli() -> None:
    """truepix: pictures that keep their numbers."""


def main(argv: list[str] | None = None) -> None:
    """Run the command line (the ``truepix`` console script)."""
    cli.main(args=argv if argv is not None else sys.argv[1:], prog_name="truepix")

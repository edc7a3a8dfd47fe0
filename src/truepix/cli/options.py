"""Every option and argument the subcommands share, defined once (rasterio's ``rio/options.py``).

Which command uses which:

=====================  ==========================================================
definition             commands
=====================  ==========================================================
``input_arg``          colorize, decolorize, equalize, identify, info, load, save,
                       show
``files_inout_arg``    hist (``STACK... [OUTPUT]``, or ``-o``)
``output_arg``         colorize, decolorize, equalize, load, save, show
                       (``INPUT [OUTPUT]``)
``output_opt``         colorize, decolorize, equalize, hist, load, save, show
                       (``-o/--output``)
``overwrite_opt``      colorize, decolorize, equalize, hist, load, save, show
``cmap_opt``           colorize (default viridis), show (default: gray or viridis),
                       hist (colors the ``--plot-pixel`` bars), save (encodings
                       that use one)
``cmap_required_opt``  decolorize (or ``--colorbar auto``)
``vmin_opt``           colorize, decolorize, save, show (default None: from the data)
``vmax_opt``           colorize, decolorize, save, show (default None: from the data)
``norm_opt``           colorize, decolorize
``palette_opt``        info, load (palette PNG/TIFF: colors or stored indices)
``series_opt``         info, load, hist (which TIFF series)
=====================  ==========================================================

``serve`` reads and writes no file: it takes only its own options (host,
port, upload limit), and its errors go through the same one-line path.

``inout_options`` applies the first four to a command that reads one input and
writes one output, and hands it one resolved :class:`InOut`; ``range_options``
applies ``--vmin`` and ``--vmax``.

The output convention is the same for every command that writes a file: the
output is the last positional argument or ``-o/--output`` (not both);
``--no-overwrite`` refuses to replace an existing file; writes are atomic; the
command prints one line ``saved PATH: what`` per file written
(:func:`report_saved`). ``--vmin``/``--vmax`` default to None everywhere: the
library then takes the range from the data (or the file), never a silent 0
and 1.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

__all__ = [
    "InOut",
    "check_overwrite",
    "cmap_opt",
    "cmap_required_opt",
    "files_inout_arg",
    "inout_options",
    "input_arg",
    "norm_opt",
    "output_arg",
    "output_opt",
    "overwrite_opt",
    "palette_opt",
    "range_kwargs",
    "range_options",
    "report_saved",
    "resolve_files_inout",
    "resolve_output",
    "series_opt",
    "vmax_opt",
    "vmin_opt",
    "write_file",
]

F = TypeVar("F", bound=Callable[..., Any])

_CMAP_HELP = "Colormap: any name of truepix.colormaps() (matplotlib, cmap:..., opencv:...)."

input_arg = click.argument(
    "source", type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar="INPUT"
)
output_arg = click.argument(
    "target",
    type=click.Path(dir_okay=False, path_type=Path),
    required=False,
    default=None,
    metavar="[OUTPUT]",
)
files_inout_arg = click.argument("files", nargs=-1, required=True, metavar="INPUT... [OUTPUT]")
output_opt = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The file to write (instead of a last OUTPUT argument).",
)
overwrite_opt = click.option(
    "--overwrite/--no-overwrite",
    default=True,
    show_default=True,
    help="Replace an existing output file (--no-overwrite refuses).",
)
cmap_opt = click.option("--cmap", default=None, metavar="NAME", help=_CMAP_HELP)
cmap_required_opt = click.option(
    "--cmap", default=None, metavar="NAME", help=_CMAP_HELP + " Required unless read otherwise."
)
vmin_opt = click.option(
    "--vmin", type=float, default=None, help="Low end of the value range: the first color [from the data]."
)
vmax_opt = click.option(
    "--vmax", type=float, default=None, help="High end of the value range: the last color [from the data]."
)
norm_opt = click.option(
    "--norm", type=click.Choice(["linear", "log"]), default="linear", show_default=True
)
palette_opt = click.option(
    "--palette",
    type=click.Choice(["colors", "indices"]),
    default=None,
    help="Palette images: each pixel's color, or the stored indices (e.g. class ids).",
)
series_opt = click.option(
    "--series", type=int, default=0, show_default=True, help="TIFF: which series to read."
)


@dataclass(frozen=True)
class InOut:
    """What a one-input, one-output command reads and writes, resolved once."""

    source: Path
    target: Path
    overwrite: bool


def inout_options(
    *, default: Callable[[Path], Path] | None = None
) -> Callable[[Callable[..., Any]], click.Command | Any]:
    """``INPUT [OUTPUT]``, ``-o/--output``, ``--overwrite/--no-overwrite``, resolved.

    The command receives one ``inout`` argument (:class:`InOut`): the output
    taken from OUTPUT or ``-o`` (``default(source)`` when neither is given and a
    default exists), already refused under ``--no-overwrite`` if it exists.
    """

    def decorate(command: Callable[..., Any]) -> Any:
        @functools.wraps(command)
        def run(
            *, source: Path, target: Path | None, output: Path | None, overwrite: bool, **kw: Any
        ) -> Any:
            chosen = resolve_output(
                target, output, default=None if default is None else default(source)
            )
            check_overwrite(chosen, overwrite)
            return command(inout=InOut(source, chosen, overwrite), **kw)

        wrapped: Any = run
        for option in (overwrite_opt, output_opt, output_arg, input_arg):
            wrapped = option(wrapped)
        return wrapped

    return decorate


def range_options(command: F) -> F:
    """``--vmin`` and ``--vmax`` in one."""
    return vmin_opt(vmax_opt(command))


def resolve_output(
    positional: Path | None, option: Path | None, *, default: Path | None = None
) -> Path:
    """The output path from ``OUTPUT`` or ``-o`` (exactly one; ``default`` if neither).

    Examples
    --------
    >>> resolve_output(Path("a.png"), None)
    PosixPath('a.png')
    >>> resolve_output(None, None, default=Path("b.png"))
    PosixPath('b.png')
    """
    if positional is not None and option is not None:
        msg = f"expected OUTPUT or -o/--output, got both ({positional} and {option})"
        raise click.UsageError(msg)
    chosen = positional if positional is not None else option
    if chosen is None:
        if default is None:
            raise click.UsageError("expected an OUTPUT argument or -o/--output, got neither")
        return default
    return chosen


def resolve_files_inout(files: tuple[str, ...], option: Path | None) -> tuple[list[str], Path]:
    """Inputs and output of ``INPUT... [OUTPUT]`` (rasterio's ``resolve_inout``).

    Examples
    --------
    >>> resolve_files_inout(("a.png", "b.png", "out.npy"), None)
    (['a.png', 'b.png'], PosixPath('out.npy'))
    >>> resolve_files_inout(("frames/*.png",), Path("out.npz"))
    (['frames/*.png'], PosixPath('out.npz'))
    """
    if option is not None:
        return list(files), option
    if len(files) < 2:
        raise click.UsageError("expected INPUT... OUTPUT or -o/--output, got no output")
    return list(files[:-1]), Path(files[-1])


def check_overwrite(path: Path, overwrite: bool) -> None:
    """Refuse an existing ``path`` under ``--no-overwrite``, before any work is done."""
    if not overwrite and path.exists():
        from truepix.errors import FileExistsError_

        msg = f"expected a new file with --no-overwrite, got {str(path)!r} which exists"
        raise FileExistsError_(msg)


def range_kwargs(vmin: float | None, vmax: float | None) -> dict[str, float]:
    """Only the limits the user gave: the library's own defaults decide the rest.

    Examples
    --------
    >>> range_kwargs(None, 3.0)
    {'vmax': 3.0}
    """
    given = {"vmin": vmin, "vmax": vmax}
    return {name: value for name, value in given.items() if value is not None}


def report_saved(path: Path, what: str) -> None:
    """The one line every command prints per file it wrote."""
    from rich.console import Console

    Console().print(f"[green]saved[/] {path}: {what}", highlight=False, soft_wrap=True)


def write_file(path: Path, write: Callable[[Any], None], *, overwrite: bool) -> None:
    """Write ``path`` atomically: a temporary file renamed into place."""
    from truepix.io import write_atomic

    write_atomic(path, write, overwrite=overwrite)

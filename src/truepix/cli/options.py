"""Every option and argument the subcommands share, defined once (rasterio's ``rio/options.py``).

Which command uses which:

=====================  ==========================================================
definition             commands
=====================  ==========================================================
``input_arg``          colorize, decolorize, equalize, identify, info, load, save,
                       show
``figure_arg``         read-figure
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
``vmin_opt``           colorize, save, show (default None: from the data)
``vmax_opt``           colorize, save, show (default None: from the data)
``vmin_required_opt``  decolorize (unless INPUT is a truepix colormap file, which
                       carries its limits)
``vmax_required_opt``  decolorize (likewise)
``norm_opt``           colorize, decolorize
``palette_opt``        info, load (palette PNG/TIFF: colors or stored indices)
``series_opt``         info, load, hist (which TIFF series)
=====================  ==========================================================

Every file a command reads has the type :class:`InputFile` (``INPUT``,
``FIGURE``, equalize's ``--mask``), every file it writes :class:`OutputFile`
(``OUTPUT``, ``-o``, decolorize's ``--residual``, read-figure's ``--report``
and ``--found``); demo's ``--out`` folder goes through :func:`check_folder`.
So bad input is refused the same way everywhere, in one line of
:mod:`truepix.errors` ("expected ..., got ...", exit status 1) before any
work: a missing file, a folder where a file belongs, an output suffix the
command does not write, an output folder that does not exist. click's own
usage errors (exit status 2) are left for the command line's syntax: an
unknown option, a value that is not a number, a choice not in the list.

``serve`` reads and writes no file: it takes only its own options (host,
port, upload limit), and its errors go through the same one-line path.

``inout_options`` applies the first four to a command that reads one input and
writes one output, and hands it one resolved :class:`InOut`; ``range_options``
applies ``--vmin`` and ``--vmax`` (``range_required_options`` decolorize's).

The output convention is the same for every command that writes a file: the
output is the last positional argument or ``-o/--output`` (not both);
``--no-overwrite`` refuses to replace an existing file; writes are atomic; the
command prints one line ``saved PATH: what`` per file written
(:func:`report_saved`). ``--vmin``/``--vmax`` default to None everywhere: the
library then takes the range from the data (or the file), never a silent 0
and 1 -- decolorize, whose data are what it finds, takes it from a truepix
colormap file or refuses to guess.
"""

from __future__ import annotations

import functools
import os
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

__all__ = [
    "InOut",
    "as_options",
    "InputFile",
    "OutputFile",
    "check_folder",
    "check_input",
    "check_output",
    "check_overwrite",
    "cmap_opt",
    "cmap_required_opt",
    "figure_arg",
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
    "range_required_options",
    "report_saved",
    "resolve_files_inout",
    "resolve_output",
    "saved_suffixes",
    "series_opt",
    "vmax_opt",
    "vmax_required_opt",
    "vmin_opt",
    "vmin_required_opt",
    "write_file",
]

F = TypeVar("F", bound=Callable[..., Any])

# click's ctx.meta (one dict shared by every context of a run): the files checked
# by check_input / check_output, so an error about a file's content can name it
INPUTS_KEY, OUTPUTS_KEY = "truepix.inputs", "truepix.outputs"


def _remember(key: str, path: Path) -> None:
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.meta.setdefault(key, []).append(path)


_CMAP_HELP = "Colormap: any name of truepix.colormaps() (matplotlib, cmap:..., opencv:...)."


class InputFile(click.ParamType):
    """A file to read, refused in one line before any work when it cannot be.

    A missing path, a folder or a file without read permission is a
    :class:`~truepix.errors.ReadError` ("expected a readable input file, got
    'x.npy' (no such file)"), not click's usage text: every file a command
    reads goes through this one check.
    """

    name = "file"

    def __init__(self, what: str = "input file") -> None:
        self.what = what

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        path = Path(value)
        check_input(path, what=self.what)
        return path


class OutputFile(click.ParamType):
    """A file to write: refused before any work unless it can be written (:func:`check_output`).

    ``suffixes`` (lower case, with the dot) are the formats the command writes;
    None takes any name. ``folders``: suffixes of outputs that are folders
    (a ``.zarr`` store), which may replace an existing folder.
    """

    name = "file"

    def __init__(
        self, suffixes: tuple[str, ...] | None = None, *, folders: tuple[str, ...] = ()
    ) -> None:
        self.suffixes = suffixes
        self.folders = folders

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        path = Path(value)
        check_output(path, self.suffixes, folders=self.folders)
        return path


input_arg = click.argument("source", type=InputFile(), metavar="INPUT")
figure_arg = click.argument("figure", type=InputFile("figure file"), metavar="FIGURE")
output_arg = click.argument(
    "target", type=OutputFile(), required=False, default=None, metavar="[OUTPUT]"
)
files_inout_arg = click.argument("files", nargs=-1, required=True, metavar="INPUT... [OUTPUT]")
output_opt = click.option(
    "-o",
    "--output",
    type=OutputFile(),
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
_FROM_FILE = " Required unless INPUT is a truepix colormap file (which carries its limits)."
vmin_required_opt = click.option(
    "--vmin", type=float, default=None,
    help="Low end of the value range: the first color." + _FROM_FILE,
)  # fmt: skip
vmax_required_opt = click.option(
    "--vmax", type=float, default=None,
    help="High end of the value range: the last color." + _FROM_FILE,
)  # fmt: skip
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


Suffixes = tuple[str, ...] | Callable[[], tuple[str, ...]] | None


def inout_options(
    *, suffixes: Suffixes = None, default: Callable[[Path], Path] | None = None
) -> Callable[[Callable[..., Any]], click.Command | Any]:
    """``INPUT [OUTPUT]``, ``-o/--output``, ``--overwrite/--no-overwrite``, resolved.

    The command receives one ``inout`` argument (:class:`InOut`): the output
    taken from OUTPUT or ``-o`` (``default(source)`` when neither is given and a
    default exists), already checked by :func:`check_output` against
    ``suffixes`` (a tuple, or a function that returns one when the command
    runs) and ``--no-overwrite``: nothing is read before the output is known
    to be writable.
    """

    def decorate(command: Callable[..., Any]) -> Any:
        @functools.wraps(command)
        def run(
            *, source: Path, target: Path | None, output: Path | None, overwrite: bool, **kw: Any
        ) -> Any:
            chosen = resolve_output(
                target, output, default=None if default is None else default(source)
            )
            allowed = suffixes() if callable(suffixes) else suffixes
            check_output(chosen, allowed, overwrite=overwrite)
            return command(inout=InOut(source, chosen, overwrite), **kw)

        wrapped: Any = run
        for option in (overwrite_opt, output_opt, output_arg, input_arg):
            wrapped = option(wrapped)
        return wrapped

    return decorate


def saved_suffixes() -> tuple[str, ...]:
    """The suffixes :func:`truepix.save` writes (io's table, imported when a command runs)."""
    from truepix._files import FORMATS

    return tuple(FORMATS)


def check_input(path: Path, *, what: str = "input file") -> None:
    """Refuse a path that cannot be read as a file, in one line, before any work.

    Examples
    --------
    >>> check_input(Path("no/such.npy"))
    Traceback (most recent call last):
    ...
    truepix.errors.ReadError: expected a readable input file, got 'no/such.npy' (no such file)
    """
    from truepix.errors import ReadError

    _remember(INPUTS_KEY, path)
    if not path.exists():
        reason = "no such file"
    elif path.is_dir():
        reason = "a folder; name a file in it"
    elif not os.access(path, os.R_OK):
        reason = "no permission to read it"
    else:
        return
    msg = f"expected a readable {what}, got {str(path)!r} ({reason})"
    raise ReadError(msg)


def check_output(
    path: Path,
    suffixes: tuple[str, ...] | None = None,
    *,
    overwrite: bool = True,
    folders: tuple[str, ...] = (),
) -> None:
    """Refuse, before any work, an output the command could not write (one-line errors).

    In order: a suffix not in ``suffixes`` (``""`` allows a name without one),
    a folder where a file is expected (unless its suffix is in ``folders``,
    like a ``.zarr`` store), a folder to write into that does not exist, an
    existing file under ``--no-overwrite``.

    Examples
    --------
    >>> check_output(Path("out.txt"), (".npy", ".npz"))
    Traceback (most recent call last):
    ...
    truepix.errors.UnknownFormatError: expected an output ending in .npy or .npz, got 'out.txt'
    >>> check_output(Path("no/such/folder/out.npy"), (".npy",))
    Traceback (most recent call last):
    ...
    truepix.errors.WriteError: expected an existing folder to save into, got 'no/such/folder'; create it first
    """
    from truepix.errors import UnknownFormatError, WriteError, did_you_mean

    _remember(OUTPUTS_KEY, path)
    suffix = path.suffix.lower()
    if suffixes is not None and suffix not in suffixes:
        names = [s or "(no suffix)" for s in suffixes]
        named = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
        hint = did_you_mean(suffix, [s for s in suffixes if s]) if suffix else ""
        msg = f"expected an output ending in {named}, got {str(path)!r}" + (f";{hint}" if hint else "")
        raise UnknownFormatError(msg)
    if path.is_dir() and suffix not in folders:
        msg = f"expected an output file, got {str(path)!r} which is a folder; name a file in it"
        raise WriteError(msg)
    if not path.parent.is_dir():
        msg = f"expected an existing folder to save into, got {str(path.parent)!r}; create it first"
        raise WriteError(msg)
    check_overwrite(path, overwrite)


def check_folder(path: Path) -> Path:
    """A folder to write files into: created if missing, refused if a file is there."""
    from truepix.errors import WriteError

    if path.exists() and not path.is_dir():
        msg = f"expected a folder to write into, got {str(path)!r} which is a file; name a folder"
        raise WriteError(msg)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):  # a file where a folder above it belongs
        msg = f"expected a folder to write into, got {str(path)!r} inside a file; name a folder"
        raise WriteError(msg) from None
    return path


def range_options(command: F) -> F:
    """``--vmin`` and ``--vmax`` in one."""
    return vmin_opt(vmax_opt(command))


def range_required_options(command: F) -> F:
    """decolorize's ``--vmin`` and ``--vmax``: no data to take a range from."""
    return vmin_required_opt(vmax_required_opt(command))


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


#: Library keywords that are options of the same name (``--cmap``, ``--vmin``, ...)
_OPTION_KEYWORDS = ("cmap", "vmin", "vmax", "norm", "alpha", "facecolor")
_KEYWORD = r"({})=('[^']*'|[^,;\s]+)".format("|".join(_OPTION_KEYWORDS))
_QUOTE = "'"
_ADVICE = re.compile(rf"\bpass {_KEYWORD}((?:, {_KEYWORD})*)")


def as_options(text: str) -> str:
    """A library message's advice -- ``pass cmap='jet'``, ``pass vmin=0, vmax=1``,
    ``pass alpha=0.7, facecolor='#808080'`` -- as the options that say it on the
    command line: the one rewrite of errors and warnings alike (shell-quoted values).

    Examples
    --------
    >>> as_options("no limits; pass vmin=0, vmax=1 for positions along the map")
    'no limits; pass --vmin 0 --vmax 1 for positions along the map'
    >>> as_options("drawn at alpha=0.70 over gray: pass alpha=0.7, facecolor='#808080'")
    "drawn at alpha=0.70 over gray: pass --alpha 0.7 --facecolor '#808080'"
    >>> as_options("pass cmap='jet' (or np.clip(picture, 0, 1))")
    'pass --cmap jet (or np.clip(picture, 0, 1))'
    """


    def spelled(found: re.Match[str]) -> str:
        pairs = re.findall(_KEYWORD, found.group(0))
        words = (f"--{key} {shlex.quote(value.strip(_QUOTE))}" for key, value in pairs)
        return "pass " + " ".join(words)

    return _ADVICE.sub(spelled, text)


def report_saved(path: Path, what: str) -> None:
    """The one line every command prints per file it wrote."""
    # (click, not rich: a command that prints nothing else does not import rich, and
    # brackets in a file's name are not read as markup)
    click.echo(f"{click.style('saved', fg='green')} {path}: {what}")


def write_file(path: Path, write: Callable[[Any], None], *, overwrite: bool) -> None:
    """Write ``path`` atomically: a temporary file renamed into place."""
    from truepix.io import write_atomic

    write_atomic(path, write, overwrite=overwrite)

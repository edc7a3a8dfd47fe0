"""``INPUT`` as one file, a folder or a glob: a command run over every picture, in one process.

``truepix decolorize in/ --cmap viridis --vmin 0 --vmax 1`` decodes each file of the
folder ``in/`` (not its sub-folders), and ``'in/*.png'`` (quoted: the shell would
expand it into many arguments) each file the pattern matches, in name order. Each
output is the input's name with OUTPUT's suffix (``.npy`` unless given), beside it or
in ``--out DIR`` (made when missing; a folder OUTPUT is the same). One process serves
every file -- a Python start and numba's compiled kernels cost more than decoding a
small picture -- and prints one line per file; a file that fails prints one error
line on stderr and the others are still written (each atomically), the exit status 1.

Examples
--------
>>> from pathlib import Path
>>> outputs([Path("in/a.png"), Path("in/b.jpg"), Path("in/b.png")], None, ".npy")
[PosixPath('in/a.npy'), PosixPath('in/b.jpg.npy'), PosixPath('in/b.png.npy')]
"""

from __future__ import annotations

import functools
import glob
from collections import Counter
from pathlib import Path
from typing import Any, Callable

import click

from truepix.cli import options

__all__ = [
    "BATCH_KEY", "InputPictures", "OutputFileOrFolder", "batch_inout_options", "outputs",
    "pictures",
]  # fmt: skip

#: click's ctx.meta: set while a command runs over many files (it prints one line each).
BATCH_KEY = "truepix.batch"
_GLOB = set("*?[")


def pictures(source: str) -> list[Path] | None:
    """The files a folder or glob ``source`` names, in name order; None for one file.

    Examples
    --------
    >>> pictures("no/such/file.png") is None
    True
    """
    path = Path(source)
    if path.is_dir():
        found = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
    elif not path.exists() and _GLOB & set(source):
        found = sorted(Path(p) for p in glob.glob(source) if Path(p).is_file())
    else:
        return None
    if not found:
        from truepix.errors import ReadError

        kind = "folder" if path.is_dir() else "pattern"
        raise ReadError(f"expected pictures in the {kind} {source!r}, got no file")
    return found


def outputs(sources: list[Path], folder: Path | None, suffix: str) -> list[Path]:
    """Each source's output: its name with ``suffix``, in ``folder`` or beside it; two
    sources of one stem (``b.jpg``, ``b.png``) keep their suffix (``b.jpg.npy``)."""
    stems = Counter((folder or source.parent, source.stem) for source in sources)
    made = []
    for source in sources:
        where = folder or source.parent
        name = source.stem if stems[(where, source.stem)] == 1 else source.name
        made.append(where / f"{name}{suffix}")
    return made


class InputPictures(options.InputFile):
    """A file to read, or a folder or glob of pictures (:func:`pictures`: checked when
    the command runs, a folder's files each as it is read)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        if pictures(str(value)) is None:
            return super().convert(value, param, ctx)
        return Path(value)


class OutputFileOrFolder(options.OutputFile):
    """A file to write, or for a folder or glob INPUT the folder to write into: checked
    when the command runs and knows which (:func:`options.check_output`, :func:`_folder`)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        return Path(value)


def batch_inout_options(
    *, suffixes: tuple[str, ...]
) -> Callable[[Callable[..., Any]], Any]:
    """``INPUT [OUTPUT]``, ``-o/--output``, ``--out DIR`` and ``--overwrite``: as
    :func:`options.inout_options` for one file; for a folder or glob INPUT the
    command runs once per picture (:data:`BATCH_KEY` set), its errors caught per file."""

    def decorate(command: Callable[..., Any]) -> Any:
        @functools.wraps(command)
        def run(
            *, source: Path, target: Path | None, output: Path | None, out_dir: str | None,
            overwrite: bool, **kw: Any,
        ) -> Any:  # fmt: skip
            sources = pictures(str(source))
            into = None if out_dir is None else Path(out_dir)
            if sources is None:  # one file: as every command reads one
                default = None
                if into is not None:
                    into.mkdir(parents=True, exist_ok=True)
                    default = into / f"{source.stem}{suffixes[0]}"
                chosen = options.resolve_output(target, output, default=default)
                options.check_output(chosen, suffixes, overwrite=overwrite)
                return command(inout=options.InOut(source, chosen, overwrite), **kw)
            return _each(command, sources, _folder(target, output, into), suffixes,
                         overwrite, kw)  # fmt: skip

        wrapped: Any = run
        for option in (
            options.overwrite_opt,
            click.option("--out", "out_dir", default=None, metavar="DIR",
                         help="Folder for the outputs of a folder or glob INPUT [beside each"
                              " picture]."),  # fmt: skip
            options.output_opt,
            click.argument("target", type=OutputFileOrFolder(), required=False, default=None,
                           metavar="[OUTPUT]"),  # fmt: skip
            click.argument("source", type=InputPictures(), metavar="INPUT"),
        ):
            wrapped = option(wrapped)
        return wrapped

    return decorate


def _folder(target: Path | None, output: Path | None, out_dir: Path | None) -> Path | None:
    """Where a folder or glob's outputs go: ``--out DIR`` or a folder OUTPUT (one of them)."""
    if output is not None or (target is not None and target.suffix and not target.is_dir()):
        named = output if output is not None else target
        msg = (
            f"expected a folder for the outputs of a folder or glob INPUT, got the file {named};"
            " hint: --out DIR (or leave it out to write beside each picture)"
        )
        raise click.UsageError(msg)
    if target is not None and out_dir is not None and target != out_dir:
        raise click.UsageError(f"expected OUTPUT or --out, got both ({target} and {out_dir})")
    folder = out_dir if out_dir is not None else target
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def _each(
    command: Callable[..., Any], sources: list[Path], folder: Path | None,
    suffixes: tuple[str, ...], overwrite: bool, kw: dict[str, Any],
) -> None:  # fmt: skip
    """Run ``command`` on each source (one line each), its errors one line each on stderr."""
    from truepix.errors import TruepixError

    ctx = click.get_current_context()
    ctx.meta[BATCH_KEY] = True
    suffix = suffixes[0]
    # a picture's output of an earlier run (in/a.npy beside in/a.png) is no picture
    stems = Counter(source.stem for source in sources)
    sources = [source for source in sources
               if source.suffix.lower() != suffix or stems[source.stem] == 1]  # fmt: skip
    targets = outputs(sources, folder, suffix)
    made = set(targets)
    failed = 0
    todo = [(source, target) for source, target in zip(sources, targets, strict=True)
            if source not in made]  # (an output of this command: a second run over a folder)
    for source, target in todo:
        try:
            options.check_output(target, suffixes, overwrite=overwrite)
            command(inout=options.InOut(source, target, overwrite), **kw)
        except (TruepixError, OSError) as exc:
            failed += 1
            message = options.as_options(" ".join(str(exc).split()) or type(exc).__name__)
            click.secho(f"error: {source}: {message}", fg="red", err=True)
    if failed:
        click.secho(f"error: {failed} of {len(todo)} files failed", fg="red", err=True)
        ctx.exit(1)

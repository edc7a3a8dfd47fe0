"""``truepix show INPUT [OUTPUT]``: a quick-look picture of an array or image file.

The figure is :func:`truepix.display.preview_figure`: the data drawn with a
colorbar in its own units, a title that says what the file is and what it
guarantees. Nothing opens on screen: the picture is written to a file.
"""

from __future__ import annotations

from pathlib import Path

import click

from truepix.cli import options

__all__ = ["command"]


def _suffixes() -> tuple[str, ...]:
    """What matplotlib's savefig writes (and no suffix: PNG)."""
    from matplotlib.backend_bases import FigureCanvasBase

    return (*(f".{name}" for name in FigureCanvasBase.get_supported_filetypes()), "")


def _default_output(source: Path) -> Path:
    return Path.cwd() / f"{source.stem}.preview.png"


@click.command("show")
@options.inout_options(suffixes=_suffixes, default=_default_output)
@options.cmap_opt
@options.range_options
@click.option(
    "--plane",
    type=int,
    default=0,
    show_default=True,
    help="Which 2-D plane of a stack (an array of more than 2 dimensions) to show.",
)
def command(
    inout: options.InOut,
    cmap: str | None,
    vmin: float | None,
    vmax: float | None,
    plane: int,
) -> None:
    """Write a quick-look picture of INPUT (.npy, PNG, TIFF).

    The data is drawn with a colorbar in its own units; the title gives the
    encoding and its guaranteed error bound for files truepix wrote, and says
    "stored samples" for foreign pictures. RGB(A) is shown in color. OUTPUT
    (.png, or .pdf/.svg ...) defaults to INPUT's stem + .preview.png here.
    """
    from truepix.display import preview_figure
    from truepix.errors import InputError

    source, target = inout.source, inout.target
    if target.exists() and target.resolve() == source.resolve():
        msg = f"expected an output other than the input, got {target}; name another file"
        raise InputError(msg)
    figure = preview_figure(source, cmap=cmap, vmin=vmin, vmax=vmax, plane=plane)
    suffix = target.suffix.lower().lstrip(".") or "png"
    options.write_file(
        target, lambda file: figure.savefig(file, format=suffix, dpi=100), overwrite=inout.overwrite
    )
    options.report_saved(target, f"quick look of {source.name}")

"""``truepix decolorize INPUT OUTPUT``: a colormapped picture back to its data.

IN is any picture (PNG, TIFF, JPEG, ... or an .npy of pixels); OUT gets float64
values, NaN where a pixel is not a colormap color: ``.npy``, or a PNG/TIFF that
``truepix load`` reads back exactly. The colormap is ``--cmap NAME`` or, with
``--colorbar auto``, read from the figure's own colorbar (whose pixels are then
left out of the data). ``--over``/``--under`` name the map's extend colors: their
pixels are data past the limits, written as ``--vmax`` / ``--vmin``.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import click
import numpy as np

from truepix.cli import options

__all__ = ["command"]

_OUTPUT_SUFFIXES = (".npy", ".png", ".tif", ".tiff")


@click.command("decolorize")
@options.inout_options(suffixes=_OUTPUT_SUFFIXES)
@options.cmap_required_opt
@click.option(
    "--colorbar",
    type=click.Choice(["auto"]),
    default=None,
    help="Read the colormap from the figure's colorbar instead of --cmap.",
)
@options.range_required_options
@options.norm_opt
@click.option(
    "--threshold",
    type=float,
    default=None,
    help="Distance (DN) past which a pixel is not a colormap color [adapts to the noise].",
)
@click.option("--step", type=float, default=None, help="Round values to multiples (1: integers).")
@click.option("--alpha", type=float, default=None,
              help="Opacity the map was drawn with (imshow(..., alpha=0.7)).")  # fmt: skip
@click.option("--facecolor", default=None,
              help="What a map drawn with --alpha lay over (the axes' facecolor) [white].")  # fmt: skip
@click.option("--over", default=None,
              help="The map's over color (extend): its pixels are data above --vmax.")  # fmt: skip
@click.option("--under", default=None,
              help="The map's under color (extend): its pixels are data below --vmin.")  # fmt: skip
@click.option("--residual", "residual_path", type=options.OutputFile((".npy",)),
              default=None, help="Also write each pixel's distance to the colormap (.npy).")  # fmt: skip
def command(
    inout: options.InOut,
    cmap: str | None,
    colorbar: str | None,
    vmin: float | None,
    vmax: float | None,
    norm: str,
    threshold: float | None,
    step: float | None,
    alpha: float | None,
    facecolor: str | None,
    over: str | None,
    under: str | None,
    residual_path: Path | None,
) -> None:
    """Recover the data of INPUT (a colormapped picture) into OUTPUT (.npy, .png, .tif)."""
    import truepix as tp
    from truepix.cli._common import write_npy, write_result
    from truepix._shares import off_map, percent
    from truepix.errors import InputError

    target, source, overwrite = inout.target, inout.source, inout.overwrite
    if residual_path is not None:
        options.check_overwrite(residual_path, overwrite)
    picture, recorded = _picture(source)
    if recorded:  # a truepix colormap file: its map and limits, unless given alike
        cmap = _agree("cmap", cmap, recorded["cmap"])
        vmin = _agree("vmin", vmin, recorded["vmin"])
        vmax = _agree("vmax", vmax, recorded["vmax"])
        source_of = click.get_current_context().get_parameter_source("norm")
        given = None if source_of == click.core.ParameterSource.DEFAULT else norm
        norm = str(_agree("norm", given, recorded["norm"]))
    if (cmap is None) == (colorbar is None):
        msg = "expected either --cmap NAME or --colorbar auto, got " + (
            "both" if cmap else "neither"
        )
        raise InputError(msg)
    bar = None
    if colorbar is not None:
        bar = tp.find_colorbar(picture)
        if bar is None:
            msg = f"expected a colorbar in {str(source)!r}, got none; name the map with --cmap"
            raise InputError(msg)
    settings = {"norm": norm, "threshold": threshold, "step": step, "alpha": alpha,
                "facecolor": facecolor, **options.range_kwargs(vmin, vmax)}  # fmt: skip
    given = _extended(bar if bar is not None else cmap, over, under)
    decoder = tp.Decolorizer(given, **settings)
    result, caught = _decoded(decoder, picture)
    values = result.values
    off, shown = off_map(values, picture)  # as the decode's warning counted them
    if bar is not None:
        left, top, right, bottom = bar.bbox
        values[top:bottom, left:right] = np.nan  # the bar is a legend, not data
    write_result(target, values, overwrite=overwrite)
    valid = ~np.isnan(values)
    source_text = f"the colorbar at {bar.bbox}" if bar is not None else repr(cmap)
    options.report_saved(target, f"{values.shape} float64 from {source_text}")
    if residual_path is not None:
        write_npy(residual_path, result.residual, overwrite=overwrite)
        options.report_saved(residual_path, "distance (DN) of each pixel to the colormap")
    from rich.console import Console

    console = Console()
    # each line stays within 80 columns
    # the count (and rounding) of the warning's "N% ... came back NaN": the two add up
    line = f"  {percent(shown - off, shown)} of pixels are colormap colors"
    if shown < values.size:
        line += f" (of {shown}: {values.size - shown} transparent or white are no data)"
    console.print(line)
    for end, bound in (("over", "above --vmax"), ("under", "below --vmin")):
        mask = getattr(result, end)
        if mask.any():  # extend colors: data past a limit, at the limit in OUTPUT
            console.print(f"  {percent(int(mask.sum()), values.size)} of pixels are the {end}"
                          f" color: data {bound}, written as that limit")  # fmt: skip
    console.print(
        f"  residual threshold {result.threshold:.2g} DN, noise sigma {result.noise:.2g} DN"
        + (", looks JPEG'd" if result.jpeg else "")
        + (", denoised" if result.denoised else "")
    )
    if valid.any():
        console.print(f"  values {np.nanmin(values):.6g}..{np.nanmax(values):.6g}"
                      f" (map {decoder.vmin:.6g}..{decoder.vmax:.6g}, {norm})")  # fmt: skip
    hint = _alpha_hint(caught)
    if hint:
        console.print(f"  the map looks drawn with alpha: pass {hint}")
    for text in caught:  # what tp.decolorize warns (a wrong --cmap, BGR, alpha): stderr
        click.echo(f"warning: {text}", err=True)


def _decoded(decoder: Any, picture: np.ndarray) -> tuple[Any, list[str]]:
    """The decode (once), and the messages of the truepix warnings it raised -- a
    wrong map and the one that fits far better, a BGR picture, a map drawn with
    alpha -- with the library's ``cmap='NAME'`` advice as ``--cmap NAME`` (and
    ``alpha=0.7`` as ``--alpha 0.7``: :func:`options.as_options`); other
    warnings go on as usual."""
    import warnings

    from truepix.errors import TruepixWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", TruepixWarning)
        result = decoder.decode(picture)  # (warns as tp.decolorize does)
    texts: list[str] = []
    for warning in caught:
        if not issubclass(warning.category, TruepixWarning):
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )  # fmt: skip
            continue
        text = " ".join(str(warning.message).split())  # one line each
        text = _as_cli(text)
        if text not in texts:
            texts.append(text)
    return result, texts


def _extended(cmap: Any, over: str | None, under: str | None) -> Any:
    """``cmap`` (a name, a color table, a Colorbar) with the extend colors given, as
    a map entry that paints them; ``cmap`` itself when none is."""
    if over is None and under is None:
        return cmap
    import dataclasses

    import matplotlib.colors as mcolors

    from truepix.color._catalog import resolve
    from truepix.errors import InputError

    colors = {}
    for name, color in (("over", over), ("under", under)):
        if color is not None:
            try:
                colors[name] = np.array(mcolors.to_rgba(color), dtype=np.float64)
            except ValueError:
                msg = f"expected a matplotlib color for --{name}, got {color!r}"
                raise InputError(msg + "; hint: a name ('magenta') or '#ff00ff'") from None
    return dataclasses.replace(resolve(cmap), **colors)


#: The library's ``cmap=plt.get_cmap('jet').with_extremes(over='#ff00ff')`` advice:
#: on the command line, --over and --under.
_EXTREMES = re.compile(r"pass cmap=\S+?\.with_extremes\(([^)]*)\)")


def _as_cli(text: str) -> str:
    """A warning's advice as the options that say it (:func:`options.as_options`),
    extend colors as ``--over``/``--under``.

    Examples
    --------
    >>> _as_cli("pass cmap=plt.get_cmap('jet').with_extremes(over='#ff00ff', under='#00ffff') to")
    "pass --over '#ff00ff' --under '#00ffff' to"
    """

    def spelled(found: re.Match[str]) -> str:
        pairs = re.findall(r"(over|under)='([^']*)'", found.group(1))
        return "pass " + " ".join(f"--{key} {shlex.quote(value)}" for key, value in pairs)

    return options.as_options(_EXTREMES.sub(spelled, text))


def _alpha_hint(caught: list[str]) -> str:
    """The --alpha/--facecolor options the decode's OffMapWarning advises, or ""."""
    for text in caught:
        if ": pass --alpha " in text:
            return text.rsplit(": pass ", 1)[1]
    return ""


def _picture(source: Path) -> tuple[np.ndarray, dict[str, object]]:
    """The picture's pixels; for a file truepix saved with ``encoding="colormap"``
    (whose load gives the data back) its stored pixels and the recorded cmap,
    vmin, vmax and norm."""
    import truepix as tp
    from truepix.cli._common import read_picture

    if source.suffix.lower() in (".png", ".tif", ".tiff"):
        info = tp.info(source)
        if info.encoding == "colormap":
            import imagecodecs

            from truepix.color import catalog

            recorded = {name: info.params[name] for name in ("cmap", "vmin", "vmax")}
            recorded["norm"] = info.params.get("norm", "linear")
            if recorded["cmap"] not in catalog:  # a table of its own: the recorded one
                table = np.frombuffer(bytes.fromhex(str(info.params["lut"])), np.uint8)
                recorded["cmap"] = table.reshape(-1, 4)
            return np.asarray(imagecodecs.imread(str(source))), recorded
    return read_picture(source), {}


def _agree(name: str, given: object, recorded: object) -> object:
    """The file's value, unless the user gave another (an error naming both)."""
    from truepix.errors import InputError

    if given is None or given == recorded:
        return recorded
    msg = f"expected one {name}, got --{name} {given} and the file's {name}={recorded!r}"
    raise InputError(msg + f"; leave --{name} out to use the file's")

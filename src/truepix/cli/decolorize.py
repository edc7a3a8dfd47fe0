"""``truepix decolorize INPUT OUTPUT``: a colormapped picture back to its data.

IN is any picture (PNG, TIFF, JPEG, ... or an .npy of pixels); OUT gets float64
values, NaN where a pixel is not a colormap color: ``.npy``, or a PNG/TIFF that
``truepix load`` reads back exactly. IN may be a folder or a quoted glob: each picture
is decoded, in one process, to its name with ``.npy``, beside it or in ``--out DIR``
(a folder OUTPUT is the same; ``_batch``). The colormap is ``--cmap NAME`` or, with
``--colorbar auto``, read from the figure's own colorbar (whose pixels are then
left out of the data). ``--over``/``--under`` name the map's extend colors: their
pixels are data past the limits, written as ``--vmax`` / ``--vmin``. A field drawn in
a few levels decodes to each level's middle with ``--levels N`` (the map resampled to
N colors, ``plt.get_cmap(NAME, N)``) or ``--boundaries E0,E1,...`` (the edges of the
``BoundaryNorm`` it was drawn with).
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import click
import numpy as np

from truepix.cli import options
from truepix.cli._batch import BATCH_KEY, batch_inout_options

__all__ = ["command"]

_OUTPUT_SUFFIXES = (".npy", ".png", ".tif", ".tiff")


@click.command("decolorize")
@batch_inout_options(suffixes=_OUTPUT_SUFFIXES)
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
@click.option("--levels", type=click.IntRange(2, 256), default=None,
              help="The map resampled to N colors (plt.get_cmap(NAME, N)): a field drawn in"
                   " N levels, each decoded to its middle.")  # fmt: skip
@click.option("--boundaries", default=None, metavar="E0,E1,...",
              help="Edges of the BoundaryNorm the map was drawn with (0,10,20,50,100):"
                   " each color decodes to its interval's middle.")  # fmt: skip
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
    levels: int | None,
    boundaries: str | None,
    residual_path: Path | None,
) -> None:
    """Recover the data of INPUT (a colormapped picture) into OUTPUT (.npy, .png, .tif).

    INPUT may be a folder or a quoted glob ('figs/*.png'): every picture in it is
    decoded to its name with .npy, beside it or in --out DIR, one line per file; a
    file that fails prints an error line, the others are still written (exit 1).
    """
    import truepix as tp
    from truepix.cli._common import write_npy, write_result
    from truepix._shares import off_map, percent
    from truepix.errors import InputError

    target, source, overwrite = inout.target, inout.source, inout.overwrite
    batch = click.get_current_context().meta.get(BATCH_KEY, False)
    if batch and residual_path is not None:  # (one file for every picture's distances)
        raise click.UsageError("expected --residual with one INPUT file, got a folder or glob")
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
        if bar.vmin is None and (vmin is None or vmax is None):  # its colors, not its labels
            msg = "expected the data range with --colorbar auto: --vmin and --vmax, got " + (
                "neither" if vmin is None and vmax is None else "one"
            )
            raise InputError(
                msg + f"; `truepix read-figure {source.name}` reads it from the bar's labels"
            )
    given = _given_map(bar if bar is not None else cmap, over, under, levels)
    chosen: Any = norm
    if boundaries is not None:
        if norm != "linear":
            msg = f"expected --boundaries or --norm {norm}, got both"
            raise InputError(msg + "; hint: a BoundaryNorm is the norm")
        chosen = _boundary_norm(boundaries, given)
    settings = {"norm": chosen, "threshold": threshold, "step": step, "alpha": alpha,
                "facecolor": facecolor, **options.range_kwargs(vmin, vmax)}  # fmt: skip
    decoder = _decoder(given, settings, reuse=batch and bar is None and not recorded)
    result, caught = _decoded(decoder, picture)
    values = result.values
    off, shown = off_map(values, picture)  # as the decode's warning counted them
    if bar is not None:
        left, top, right, bottom = bar.bbox
        values[top:bottom, left:right] = np.nan  # the bar is a legend, not data
    write_result(target, values, overwrite=overwrite)
    valid = ~np.isnan(values)
    source_text = f"the colorbar at {bar.bbox}" if bar is not None else repr(cmap)
    if batch:  # one line a file; the decode's warnings on stderr, naming it
        options.report_saved(target, f"{values.shape} float64 from {source_text},"
                             f" {percent(shown - off, shown)} colormap colors")  # fmt: skip
        for text in caught:
            click.echo(f"warning: {source}: {text}", err=True)
        return
    options.report_saved(target, f"{values.shape} float64 from {source_text}")
    if residual_path is not None:
        write_npy(residual_path, result.residual, overwrite=overwrite)
        options.report_saved(residual_path, "distance (DN) of each pixel to the colormap")
    # each line stays within 80 columns (click, not rich: one import less per call)
    # the count (and rounding) of the warning's "N% ... came back NaN": the two add up
    line = f"  {percent(shown - off, shown)} of pixels are colormap colors"
    if shown < values.size:
        line += f" (of {shown}: {values.size - shown} transparent or white are no data)"
    click.echo(line)
    for end, bound in (("over", "above --vmax"), ("under", "below --vmin")):
        mask = getattr(result, end)
        if mask.any():  # extend colors: data past a limit, at the limit in OUTPUT
            click.echo(f"  {percent(int(mask.sum()), values.size)} of pixels are the {end}"
                          f" color: data {bound}, written as that limit")  # fmt: skip
    click.echo(
        f"  residual threshold {result.threshold:.2g} DN, noise sigma {result.noise:.2g} DN"
        + (", looks JPEG'd" if result.jpeg else "")
        + (", denoised" if result.denoised else "")
    )
    if valid.any():
        click.echo(f"  values {np.nanmin(values):.6g}..{np.nanmax(values):.6g}"
                      f" (map {decoder.vmin:.6g}..{decoder.vmax:.6g}, {norm})")  # fmt: skip
    hint = _alpha_hint(caught)
    if hint:
        click.echo(f"  the map looks drawn with alpha: pass {hint}")
    for text in caught:  # what tp.decolorize warns (a wrong --cmap, BGR, alpha): stderr
        click.echo(f"warning: {text}", err=True)


def _decoder(given: Any, settings: dict[str, Any], *, reuse: bool) -> Any:
    """The decoder of ``given`` (a map) with ``settings``; with ``reuse`` the one an
    earlier file of the run made with the same map name and settings (what it learned
    about colors kept, as ``tp.decolorize`` keeps its last ones)."""
    import truepix as tp

    if not (reuse and isinstance(given, str) and isinstance(settings["norm"], str)):
        return tp.Decolorizer(given, **settings)
    key = repr((given, sorted(settings.items())))
    if key not in _KEPT:
        _KEPT[key] = tp.Decolorizer(given, **settings)
    return _KEPT[key]


#: the decoders of a folder or glob run (one process), by map name and settings
_KEPT: dict[str, Any] = {}


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


def _given_map(cmap: Any, over: str | None, under: str | None, levels: int | None) -> Any:
    """``cmap`` (a name, a Colorbar) as a matplotlib Colormap resampled to ``levels``
    colors and painting the extend colors given; ``cmap`` itself when none is."""
    if over is None and under is None and levels is None:
        return cmap
    import matplotlib as mpl
    import matplotlib.colors as mcolors

    import truepix as tp
    from truepix.errors import InputError

    entry = cmap.colormap_entry() if hasattr(cmap, "colormap_entry") else tp.color.catalog[cmap]
    if entry is not None and entry.source == "matplotlib" and entry.name in mpl.colormaps:
        base = mpl.colormaps[entry.name]  # (its own segments: get_cmap(name, N)'s colors)
    elif entry is not None:
        base = mcolors.ListedColormap(entry.lut, name=entry.name)
    else:  # a colorbar of its own colors
        base = mcolors.ListedColormap(np.asarray(cmap.even_colors())[:, :3] / 255.0)
    if levels is not None:
        base = base.resampled(levels)
    colors = {}
    for name, color in (("over", over), ("under", under)):
        if color is not None:
            try:
                colors[name] = mcolors.to_rgba(color)
            except ValueError:
                msg = f"expected a matplotlib color for --{name}, got {color!r}"
                raise InputError(msg + "; hint: a name ('magenta') or '#ff00ff'") from None
    return base.with_extremes(**colors) if colors else base


def _boundary_norm(text: str, cmap: Any) -> Any:
    """``--boundaries E0,E1,...`` as the BoundaryNorm over ``cmap``'s colors."""
    import matplotlib.colors as mcolors

    import truepix as tp
    from truepix.errors import InputError

    try:
        edges = [float(part) for part in text.split(",")]
    except ValueError:
        edges = []
    if len(edges) < 2 or np.any(np.diff(edges) <= 0):
        msg = f"expected --boundaries as increasing numbers E0,E1,..., got {text!r}"
        raise InputError(msg + "; hint: --boundaries 0,10,20,50,100")
    if isinstance(cmap, mcolors.Colormap):
        n_colors = cmap.N
    elif hasattr(cmap, "colormap_entry") and cmap.colormap_entry() is None:
        n_colors = len(cmap.even_colors())
    else:
        entry = cmap.colormap_entry() if hasattr(cmap, "colormap_entry") else None
        n_colors = (entry if entry is not None else tp.color.catalog[cmap]).n_colors
    return mcolors.BoundaryNorm(edges, ncolors=n_colors)


#: The library's ``cmap=plt.get_cmap('jet').with_extremes(over='#ff00ff')`` advice:
#: on the command line, --over and --under.
_EXTREMES = re.compile(r"pass cmap=\S+?\.with_extremes\(([^)]*)\)")
#: The few-level advice: the BoundaryNorm's edges, and the map resampled to N colors.
_BOUNDARIES = re.compile(r"pass norm=BoundaryNorm\(edges, ncolors=\d+\)")
_RESAMPLED = re.compile(
    r"cmap=(?:plt\.get_cmap\('[^']*', (\d+)\)|cmap\.Colormap\('[^']*'\)\.to_mpl\(\)"
    r"\.resampled\((\d+)\))"
)


def _as_cli(text: str) -> str:
    """A warning's advice as the options that say it (:func:`options.as_options`),
    extend colors as ``--over``/``--under``, few levels as ``--boundaries`` or
    ``--levels``.

    Examples
    --------
    >>> _as_cli("pass cmap=plt.get_cmap('jet').with_extremes(over='#ff00ff', under='#00ffff') to")
    "pass --over '#ff00ff' --under '#00ffff' to"
    >>> _as_cli("pass norm=BoundaryNorm(edges, ncolors=256) with its edges, or for 8"
    ...         " even levels cmap=plt.get_cmap('viridis', 8)")
    'pass --boundaries E0,E1,... with its edges, or for 8 even levels --levels 8'
    """

    def spelled(found: re.Match[str]) -> str:
        pairs = re.findall(r"(over|under)='([^']*)'", found.group(1))
        return "pass " + " ".join(f"--{key} {shlex.quote(value)}" for key, value in pairs)

    text = _BOUNDARIES.sub("pass --boundaries E0,E1,...", _EXTREMES.sub(spelled, text))
    text = _RESAMPLED.sub(lambda found: f"--levels {found.group(1) or found.group(2)}", text)
    return options.as_options(text)


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

"""``truepix show FILE``: a quick-look picture of an array or image file.

The data is drawn with a colorbar in its own units (the values
:func:`truepix.io.load` returns), the title says what the file is: for a file
truepix wrote, its encoding and the error bound it guarantees; for a foreign
picture, that the values are its stored samples. RGB(A) pictures are drawn in
color through :func:`truepix.to_display`. Nothing opens on screen: the picture
is written to a file and its path printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import numpy as np

from truepix.errors import InputError, ShapeError, UnknownColormapError, did_you_mean

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["BAD_COLOR", "command", "preview_figure"]

#: color of NaN and ±Inf pixels in the preview
BAD_COLOR = "#ff00ff"


@dataclass
class _Source:
    """An array and the lines that say where it came from."""

    data: np.ndarray
    describe: str
    foreign: bool = False
    notes: list[str] = field(default_factory=list)


def preview_figure(
    path: str | Path | np.ndarray,
    /,
    *,
    cmap: str | None = None,
    vmin: float | None = None,
    vmax: float | None = None,
    plane: int = 0,
) -> Figure:
    """Build the quick-look figure of a file (what ``truepix show`` writes).

    Parameters
    ----------
    path : str, Path or numpy.ndarray
        A ``.npy`` file, a PNG/TIFF that :func:`truepix.io.load` reads, or an
        array already in memory.
    cmap : str, optional
        Colormap of one-channel data. Default: ``"gray"`` for a foreign gray
        picture, ``"viridis"`` otherwise.
    vmin, vmax : float, optional
        Display range in the data's units. Default: the dtype's range for the
        integer samples of a foreign picture, the finite data range otherwise.
    plane : int, default 0
        Which 2-D plane of a stack to show (arrays of more than two dimensions
        that are not ``(..., H, W, 1|3|4)`` images, counted in C order).

    Returns
    -------
    matplotlib.figure.Figure
        Not managed by pyplot.

    Examples
    --------
    >>> import numpy as np
    >>> fig = preview_figure(np.linspace(-1.0, 1.0, 12).reshape(3, 4))
    >>> fig.axes[1].get_ylim()  # the colorbar, in the data's units
    (np.float64(-1.0), np.float64(1.0))
    >>> fig.get_suptitle().splitlines()
    ['array — float64 3x4', 'in-memory array']
    """
    from matplotlib.figure import Figure

    if isinstance(path, np.ndarray):
        source, name = _Source(path, "in-memory array"), "array"
    else:
        source, name = _read(Path(path)), Path(path).name
    image, notes = _select(source.data, plane)
    source.notes.extend(notes)
    shape_text = "x".join(str(n) for n in source.data.shape)
    title = [f"{name} — {source.data.dtype} {shape_text}", source.describe]

    if image.ndim == 1:
        fig = Figure(figsize=(7.0, 4.0), layout="constrained")
        ax = fig.add_subplot()
        ax.plot(np.arange(image.size), image, lw=1)
        ax.set_xlabel("index")
        ax.set_ylabel("stored sample" if source.foreign else "value")
    elif image.ndim == 3 and image.shape[2] in (3, 4):
        from truepix.display import to_display

        lo, hi = _color_range(image, vmin, vmax)
        fig = _sized_figure(image.shape[:2], n_panels=1)
        ax = fig.add_subplot()
        ax.imshow(to_display(image, vmin=lo, vmax=hi), interpolation="nearest")
        source.notes.append(
            f"{'RGBA' if image.shape[2] == 4 else 'RGB'}: [{lo:.6g}, {hi:.6g}] → [0, 1]"
        )
        _pixel_axes(ax)
    else:
        panels = [image] if image.ndim == 2 else [image[..., i] for i in range(image.shape[2])]
        fig = _sized_figure(image.shape[:2], n_panels=len(panels))
        colormap = _colormap(cmap, source)
        for index, panel in enumerate(panels):
            ax = fig.add_subplot(1, len(panels), index + 1)
            _draw_scalar(fig, ax, panel, colormap, vmin, vmax, source.foreign)
            if len(panels) > 1:
                ax.set_title(f"channel {index}", fontsize="medium")
    n_nan, n_inf = _count_bad(image)
    if n_nan or n_inf:
        source.notes.append(f"{n_nan} NaN, {n_inf} ±Inf (magenta)")
    if source.notes:
        title.append("; ".join(source.notes))
    fig.suptitle("\n".join(title), fontsize="medium")
    return fig


def _read(path: Path) -> _Source:
    if path.suffix.lower() == ".npy":
        data = np.load(path, allow_pickle=False)
        return _Source(data, "NumPy .npy file")
    import truepix.io

    info = truepix.io.info(path)
    data = truepix.io.load(path)
    kind = info.format.upper()
    if info.foreign:
        return _Source(data, f"foreign {kind}: the stored samples, as saved", foreign=True)
    if info.exact:
        bound = "exact, bit for bit"
    else:
        bound = f"lossy, |error| ≤ {info.max_error:.3g} (guaranteed)"
    return _Source(data, f"truepix {kind}, encoding {info.encoding!r}: {bound}")


def _select(data: np.ndarray, plane: int) -> tuple[np.ndarray, list[str]]:
    """The 1-D line, 2-D plane or (H, W, C) image to draw, and what was done to get it."""
    notes: list[str] = []
    if data.ndim == 0 or data.size == 0:
        msg = f"expected a non-empty array of at least one dimension, got shape {data.shape}"
        raise ShapeError(msg)
    if data.dtype.kind == "c":
        data = np.abs(data)
        notes.append("complex: showing |z|")
    elif data.dtype.kind not in "biuf":
        msg = f"expected numeric data, got dtype {data.dtype}"
        raise ShapeError(msg)
    if data.ndim <= 2:
        return data, notes
    channels_last = data.shape[-1] <= 4
    plane_shape = data.shape[-3:] if channels_last else data.shape[-2:]
    planes = data.reshape(-1, *plane_shape)
    if not 0 <= plane < planes.shape[0]:
        msg = f"expected --plane in 0..{planes.shape[0] - 1}, got {plane}"
        raise InputError(msg)
    if planes.shape[0] > 1:
        index = np.unravel_index(plane, data.shape[: data.ndim - len(plane_shape)])
        where = ", ".join(str(int(i)) for i in index)
        notes.append(f"showing plane [{where}] of {planes.shape[0]} (--plane)")
    image = planes[plane]
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[..., 0]
    return image, notes


def _colormap(cmap: str | None, source: _Source) -> Any:
    import matplotlib

    if cmap is None:
        gray_picture = source.foreign and source.data.dtype.kind in "biu"
        cmap = "gray" if gray_picture else "viridis"
    if cmap not in matplotlib.colormaps:
        hint = did_you_mean(cmap, matplotlib.colormaps)
        msg = f"expected a matplotlib colormap name, got {cmap!r};{hint}"
        raise UnknownColormapError(msg.rstrip(";"))
    return matplotlib.colormaps[cmap].with_extremes(bad=BAD_COLOR)


def _scalar_range(
    panel: np.ndarray, vmin: float | None, vmax: float | None, foreign: bool
) -> tuple[float, float]:
    if foreign and panel.dtype.kind in "iu":
        info = np.iinfo(panel.dtype)
        default = (float(info.min), float(info.max))
    else:
        finite = np.isfinite(panel)
        if finite.any():
            default = (float(panel[finite].min()), float(panel[finite].max()))
        else:
            default = (0.0, 1.0)
    lo = default[0] if vmin is None else vmin
    hi = default[1] if vmax is None else vmax
    if lo > hi:
        msg = f"expected vmin <= vmax, got {lo:g} > {hi:g}"
        raise InputError(msg)
    return lo, hi


def _color_range(
    image: np.ndarray, vmin: float | None, vmax: float | None
) -> tuple[int | float, int | float]:
    """The range :func:`truepix.to_display` maps to [0, 1], made explicit for the title."""
    if image.dtype.kind in "biu":
        info = (0, 1) if image.dtype.kind == "b" else np.iinfo(image.dtype)
        lo, hi = (info[0], info[1]) if isinstance(info, tuple) else (int(info.min), int(info.max))
        return (lo if vmin is None else vmin, hi if vmax is None else vmax)
    return _scalar_range(image[..., :3], vmin, vmax, foreign=False)


def _draw_scalar(
    fig: Figure,
    ax: Axes,
    panel: np.ndarray,
    colormap: Any,
    vmin: float | None,
    vmax: float | None,
    foreign: bool,
) -> None:
    lo, hi = _scalar_range(panel, vmin, vmax, foreign)
    values = panel.astype(np.float64)  # bool and int64 alike; masking NaN/Inf below
    shown = ax.imshow(
        np.ma.masked_invalid(values), cmap=colormap, vmin=lo, vmax=hi, interpolation="nearest"
    )
    colorbar = fig.colorbar(shown, ax=ax, shrink=0.9)
    colorbar.set_label("stored sample" if foreign else "value")
    _pixel_axes(ax)


def _pixel_axes(ax: Axes) -> None:
    ax.set_xlabel("x (column)")
    ax.set_ylabel("y (row)")


def _sized_figure(shape: tuple[int, ...], *, n_panels: int) -> Figure:
    from matplotlib.figure import Figure

    height, width = shape[:2]
    panel_width = 5.0
    panel_height = min(max(panel_width * height / width, 2.0), 8.0)
    return Figure(figsize=(panel_width * n_panels + 1.0, panel_height + 1.4), layout="constrained")


def _count_bad(image: np.ndarray) -> tuple[int, int]:
    if image.dtype.kind != "f":
        return 0, 0
    return int(np.isnan(image).sum()), int(np.isinf(image).sum())


@click.command("show")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Picture to write (.png, or .pdf/.svg ...). Default: <FILE stem>.preview.png here.",
)
@click.option("--cmap", default=None, help="Colormap for one-channel data.  [default: viridis]")
@click.option("--vmin", type=float, default=None, help="Value shown at the bottom of the colormap.")
@click.option("--vmax", type=float, default=None, help="Value shown at the top of the colormap.")
@click.option(
    "--plane",
    type=int,
    default=0,
    show_default=True,
    help="Which 2-D plane of a stack (an array of more than 2 dimensions) to show.",
)
def command(
    file: Path,
    output: Path | None,
    cmap: str | None,
    vmin: float | None,
    vmax: float | None,
    plane: int,
) -> None:
    """Write a quick-look picture of FILE (.npy, PNG, TIFF) and print its path.

    The data is drawn with a colorbar in its own units; the title gives the
    encoding and its guaranteed error bound for files truepix wrote, and says
    "stored samples" for foreign pictures. RGB(A) is shown in color.
    """
    target = output if output is not None else Path.cwd() / f"{file.stem}.preview.png"
    if target.exists() and target.resolve() == file.resolve():
        msg = f"expected an output other than the input, got -o {target}; name another file"
        raise InputError(msg)
    figure = preview_figure(file, cmap=cmap, vmin=vmin, vmax=vmax, plane=plane)
    figure.savefig(target, dpi=100)
    click.echo(str(target))

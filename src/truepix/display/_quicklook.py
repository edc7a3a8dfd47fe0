"""Quick looks: an array or image file drawn in its own units, one pixel's histogram.

:func:`preview_figure` is what ``truepix show`` writes: the data with a
colorbar in its own units (the values :func:`truepix.io.load` returns), a title
that says what the file is -- for a file truepix wrote, its encoding and the
error bound it guarantees; for a foreign picture, that the values are its
stored samples. RGB(A) pictures are drawn in color through
:func:`truepix.display.to_display`. :func:`pixel_histogram_figure` draws one
pixel's counts from :func:`truepix.pixel_histogram`. Figures are not managed by
pyplot: nothing opens on screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from truepix._validate import check_range, finite_range, refuse_masked, split_mask
from truepix.display._colormap import BAD_COLOR, matplotlib_colormap
from truepix.errors import InputError, ShapeError, UnsupportedDtypeError

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["pixel_histogram_figure", "preview_figure"]


@dataclass
class _Source:
    """An array, its mask (or None) and the lines that say where it came from."""

    data: np.ndarray
    describe: str
    foreign: bool = False
    notes: list[str] = field(default_factory=list)
    mask: np.ndarray | None = None


def preview_figure(
    path: str | Path | np.ndarray,
    /,
    *,
    cmap: Any = None,
    vmin: float | None = None,
    vmax: float | None = None,
    plane: int = 0,
) -> Figure:
    """Build the quick-look figure of a file or array (what ``truepix show`` writes).

    Parameters
    ----------
    path : str, Path or numpy.ndarray
        A ``.npy`` file, a PNG/TIFF that :func:`truepix.io.load` reads, or an
        array already in memory (a masked array's masked values are drawn in
        the bad color, like NaN).
    cmap : str, Colormap or array_like, optional
        Colormap of one-channel data: any name from :func:`truepix.colormaps`,
        a Colormap, a color list. Default: ``"gray"`` for a foreign gray
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

    Raises
    ------
    ShapeError
        An empty or 0-d array.
    UnsupportedDtypeError
        Data that is not numbers.
    InputError
        ``vmin > vmax``, non-finite limits, a ``plane`` outside the stack.
    UnknownColormapError
        A ``cmap`` name not in the catalog.
    ReadError, UnknownFormatError
        A file that cannot be read.

    Examples
    --------
    >>> import numpy as np
    >>> from truepix.display import preview_figure
    >>> fig = preview_figure(np.linspace(-1.0, 1.0, 12).reshape(3, 4))
    >>> fig.axes[1].get_ylim()  # the colorbar, in the data's units
    (np.float64(-1.0), np.float64(1.0))
    >>> fig.get_suptitle().splitlines()
    ['array — float64 3x4', 'in-memory array']
    """
    vmin, vmax = check_range(vmin, vmax)
    if isinstance(path, np.ndarray):
        data, mask = split_mask(path)
        source, name = _Source(data, "in-memory array", mask=mask), "array"
    else:
        source, name = _read(Path(path)), Path(path).name
    image, mask, notes = _select(source.data, source.mask, plane)
    source.notes.extend(notes)
    shape_text = "x".join(str(n) for n in source.data.shape)
    title = [f"{name} — {source.data.dtype} {shape_text}", source.describe]

    if image.ndim == 1:
        fig = _line_figure(image, mask, source.foreign)
    elif image.ndim == 3 and image.shape[2] in (3, 4):
        fig = _color_figure(image, mask, vmin, vmax, source.notes)
    else:
        panels = _channels(image)
        hidden = [None] * len(panels) if mask is None else _channels(mask)
        fig = _sized_figure(image.shape[:2], n_panels=len(panels))
        colormap = _colormap(cmap, source)
        for index, (panel, panel_mask) in enumerate(zip(panels, hidden, strict=True)):
            ax = fig.add_subplot(1, len(panels), index + 1)
            _draw_scalar(fig, ax, panel, panel_mask, colormap, (vmin, vmax), source.foreign)
            if len(panels) > 1:
                ax.set_title(f"channel {index}", fontsize="medium")
    n_nan, n_inf = _count_bad(image)
    n_masked = 0 if mask is None else int(np.count_nonzero(mask))
    if n_nan or n_inf or n_masked:
        masked_text = f", {n_masked} masked" if n_masked else ""
        source.notes.append(f"{n_nan} NaN, {n_inf} ±Inf{masked_text} (magenta)")
    if source.notes:
        title.append("; ".join(source.notes))
    fig.suptitle("\n".join(title), fontsize="medium")
    return fig


def _channels(image: np.ndarray) -> list[Any]:
    return [image] if image.ndim == 2 else [image[..., i] for i in range(image.shape[2])]


def _line_figure(line: np.ndarray, mask: np.ndarray | None, foreign: bool) -> Figure:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7.0, 4.0), layout="constrained")
    ax = fig.add_subplot()
    values = line if mask is None else np.ma.masked_array(line, mask)
    ax.plot(np.arange(line.size), values, lw=1)
    ax.set_xlabel("index")
    ax.set_ylabel("stored sample" if foreign else "value")
    return fig


def _color_figure(
    image: np.ndarray,
    mask: np.ndarray | None,
    vmin: float | None,
    vmax: float | None,
    notes: list[str],
) -> Figure:
    from truepix.display._normalize import to_display

    lo, hi = _color_range(image, mask, vmin, vmax)
    fig = _sized_figure(image.shape[:2], n_panels=1)
    ax = fig.add_subplot()
    shown = image if mask is None else np.ma.masked_array(image, mask)
    ax.imshow(to_display(shown, vmin=lo, vmax=hi), interpolation="nearest")
    notes.append(f"{'RGBA' if image.shape[2] == 4 else 'RGB'}: [{lo:.6g}, {hi:.6g}] → [0, 1]")
    _pixel_axes(ax)
    return fig


def _read(path: Path) -> _Source:
    if path.suffix.lower() == ".npy":
        from truepix._files import read_numpy

        data = read_numpy(path)
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


def _select(
    data: np.ndarray, mask: np.ndarray | None, plane: int
) -> tuple[np.ndarray, np.ndarray | None, list[str]]:
    """The 1-D line, 2-D plane or (H, W, C) image to draw (and its mask), and what was done."""
    notes: list[str] = []
    if data.ndim == 0 or data.size == 0:
        msg = f"expected a non-empty array of at least one dimension, got shape {data.shape}"
        raise ShapeError(msg)
    if data.dtype.kind == "c":
        data = np.abs(data)
        notes.append("complex: showing |z|")
    elif data.dtype.kind not in "biuf":
        msg = f"expected numeric data, got dtype {data.dtype}"
        raise UnsupportedDtypeError(msg)
    if data.ndim <= 2:
        return data, mask, notes
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
    hidden = None if mask is None else mask.reshape(-1, *plane_shape)[plane]
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[..., 0]
        hidden = None if hidden is None else hidden[..., 0]
    return image, hidden, notes


def _colormap(cmap: Any, source: _Source) -> Any:
    if cmap is None:
        gray_picture = source.foreign and source.data.dtype.kind in "biu"
        cmap = "gray" if gray_picture else "viridis"
    return matplotlib_colormap(cmap, bad=BAD_COLOR)


def _scalar_range(
    panel: np.ndarray,
    mask: np.ndarray | None,
    limits: tuple[float | None, float | None],
    foreign: bool,
) -> tuple[float, float]:
    vmin, vmax = limits
    if foreign and panel.dtype.kind in "iu":
        info = np.iinfo(panel.dtype)
        default = (float(info.min), float(info.max))
    else:
        found = finite_range(panel, mask=mask)
        default = (0.0, 1.0) if found is None else (float(found[0]), float(found[1]))
    # a given bound beyond the data's other end wins: a threshold, not an error
    lo = min(default[0], vmax) if vmin is None and vmax is not None else default[0]
    lo = lo if vmin is None else vmin
    hi = max(default[1], lo) if vmax is None else vmax
    return lo, hi


def _color_range(
    image: np.ndarray, mask: np.ndarray | None, vmin: float | None, vmax: float | None
) -> tuple[int | float, int | float]:
    """The range :func:`truepix.to_display` maps to [0, 1], made explicit for the title."""
    if image.dtype.kind in "biu":
        info = (0, 1) if image.dtype.kind == "b" else np.iinfo(image.dtype)
        lo, hi = (info[0], info[1]) if isinstance(info, tuple) else (int(info.min), int(info.max))
        return (lo if vmin is None else vmin, hi if vmax is None else vmax)
    color_mask = None if mask is None else mask[..., :3]
    return _scalar_range(image[..., :3], color_mask, (vmin, vmax), foreign=False)


def _draw_scalar(
    fig: Figure,
    ax: Axes,
    panel: np.ndarray,
    mask: np.ndarray | None,
    colormap: Any,
    limits: tuple[float | None, float | None],
    foreign: bool,
) -> None:
    lo, hi = _scalar_range(panel, mask, limits, foreign)
    values = np.ma.masked_invalid(panel.astype(np.float64))  # bool and int64 alike
    if mask is not None:
        values[mask] = np.ma.masked
    shown = ax.imshow(values, cmap=colormap, vmin=lo, vmax=hi, interpolation="nearest")
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


def pixel_histogram_figure(
    counts: np.ndarray, edges: np.ndarray, /, *, pixel: tuple[int, int], cmap: Any = None
) -> Figure:
    """Draw one pixel's histogram from :func:`truepix.pixel_histogram` counts as bars.

    Parameters
    ----------
    counts : numpy.ndarray
        ``(H, W, n_bins)`` counts, as :func:`truepix.pixel_histogram` returns.
    edges : numpy.ndarray
        ``n_bins + 1`` bin edges (:func:`truepix.stacks.bin_edges`).
    pixel : (int, int)
        ``(y, x)`` of the pixel to draw.
    cmap : str, Colormap or array_like, optional
        Color each bar by its bin's value with this colormap (any name of
        :func:`truepix.colormaps`), from the first edge to the last. Default:
        one color.

    Returns
    -------
    matplotlib.figure.Figure
        One bar per bin, as wide as the bin; not managed by pyplot.

    Raises
    ------
    ShapeError
        ``counts`` not ``(H, W, n_bins)`` or ``edges`` not ``n_bins + 1`` long.
    InputError
        A pixel outside the frames.
    UnsupportedInputError
        Masked counts.
    UnknownColormapError
        A ``cmap`` name not in the catalog.

    Examples
    --------
    >>> import numpy as np, truepix as tp
    >>> from truepix.display import pixel_histogram_figure
    >>> stack = np.random.default_rng(0).normal(size=(300, 4, 5))
    >>> counts = tp.pixel_histogram(stack, bins=8, range=(-3, 3))
    >>> edges = tp.stacks.bin_edges(stack, bins=8, range=(-3, 3))
    >>> fig = pixel_histogram_figure(counts, edges, pixel=(2, 3))
    >>> [int(bar.get_height()) for bar in fig.axes[0].patches] == counts[2, 3].tolist()
    True
    >>> fig = pixel_histogram_figure(counts, edges, pixel=(0, 0), cmap="cmocean:thermal")
    """
    from matplotlib.figure import Figure

    refuse_masked(counts, reason="counts have no missing entries (a count of 0 is a count)")
    counts, edges = np.asarray(counts), np.asarray(edges)
    if counts.ndim != 3 or edges.shape != (counts.shape[2] + 1,):
        msg = (
            f"expected counts (H, W, n_bins) and n_bins + 1 edges, got counts of shape"
            f" {counts.shape} and edges of shape {edges.shape}"
        )
        raise ShapeError(msg)
    y, x = (int(i) for i in pixel)
    if not (0 <= y < counts.shape[0] and 0 <= x < counts.shape[1]):
        msg = f"expected a pixel inside frames of shape {counts.shape[:2]}, got {(y, x)}"
        raise InputError(msg)
    figure = Figure(figsize=(6, 3.5), layout="constrained")
    axes = figure.add_subplot()
    lefts = edges.astype(np.float64)
    widths = np.diff(lefts)
    colors = None
    if cmap is not None:
        centres = (lefts[:-1] + widths / 2 - lefts[0]) / max(lefts[-1] - lefts[0], 1e-300)
        colors = matplotlib_colormap(cmap)(centres)
    axes.bar(lefts[:-1], counts[y, x], width=widths, align="edge", color=colors)
    axes.set_xlabel("value")
    axes.set_ylabel("frames")
    axes.set_title(f"pixel (y={y}, x={x}): {int(counts[y, x].sum())} values in range")
    return figure

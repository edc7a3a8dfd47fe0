"""HEALPix maps drawn with one text label per pixel, at the pixel's centre.

Needs the optional extra ``truepix[healpix]`` (healpy); without it,
:func:`healpix_labels` raises :class:`~truepix.errors.MissingDependencyError`
naming the ``pip install`` to run. healpy is imported on the first call only.

Examples
--------
>>> import numpy as np
>>> from truepix.display import healpix_labels
>>> fig = healpix_labels(np.arange(12.0))  # nside = 1: twelve labelled pixels
>>> len(fig.axes[0].texts)
12
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from truepix._validate import check_range, finite_range, split_mask
from truepix.display._colormap import matplotlib_colormap
from truepix.errors import (
    CrowdedLabelsWarning,
    InputError,
    ShapeError,
    UnsupportedDtypeError,
    did_you_mean,
    require,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["MIN_READABLE_FONTSIZE", "PROJECTIONS", "healpix_labels"]

#: projection name -> healpy axes class (in ``healpy.projaxes``)
PROJECTIONS: dict[str, str] = {
    "mollweide": "HpxMollweideAxes",
    "gnomonic": "HpxGnomonicAxes",
    "cartesian": "HpxCartesianAxes",
    "orthographic": "HpxOrthographicAxes",
}

#: labels drawn smaller than this (points) trigger a CrowdedLabelsWarning
MIN_READABLE_FONTSIZE = 5.0

_DEFAULT_FONTSIZE = 10.0
_LABEL_KINDS = ("index", "value")
_LUMA = np.array([0.2126, 0.7152, 0.0722])  # relative luminance of sRGB (Rec. 709)
# average advance of a digit in DejaVu Sans, in em: what sets a label's width
_EM_PER_CHAR = 0.64
# map axes and colorbar, in figure fractions
_MAP_BOX = (0.05, 0.2, 0.90, 0.7)
_COLORBAR_BOX = (0.25, 0.13, 0.5, 0.03)


def healpix_labels(
    hpx_map: npt.ArrayLike,
    /,
    *,
    labels: str | npt.ArrayLike = "index",
    fmt: str | Callable[[Any], str] | None = None,
    cmap: Any = "viridis",
    projection: str = "mollweide",
    nest: bool = False,
    vmin: float | None = None,
    vmax: float | None = None,
    rot: Sequence[float] | None = None,
    reso: float | None = None,
    title: str | None = None,
    unit: str = "",
    fontsize: float | None = None,
    color: str | None = None,
    max_labels: int | None = 3072,
    figsize: tuple[float, float] = (8.5, 5.4),
) -> Figure:
    """Draw a HEALPix map with one text label at the centre of every pixel.

    The map is drawn by healpy's projection axes; each pixel with a valid value
    gets one :class:`matplotlib.text.Text` at its centre (``healpy.pix2ang``,
    projected by the axes' own projector), so the labels line up with the
    colored pixels whatever the projection and rotation.

    Parameters
    ----------
    hpx_map : array_like
        1-D map of ``12 * nside**2`` numbers, RING order (``nest=False``) or
        NESTED. NaN, ±Inf, ``healpy.UNSEEN`` and masked pixels are drawn in the
        "bad" color and get **no label**.
    labels : {"index", "value"} or array_like, default "index"
        What to write: the pixel index (in the map's ordering), the map value,
        or one label per pixel (an array of ``npix`` strings or numbers).
    fmt : str or callable, optional
        How a label becomes text: a :meth:`str.format` pattern or a function.
        Default: ``"{}"`` for indices and arrays, ``"{:.3g}"`` for values.
    cmap : str, Colormap, Colorbar or array_like, default "viridis"
        Colormap of the map: any name of :func:`truepix.colormaps`
        (``"cmocean:thermal"``, ``"opencv:jet"`` ...), a colormap object, a
        color list.
    projection : {"mollweide", "gnomonic", "cartesian", "orthographic"}
        healpy's ``mollview``, ``gnomview``, ``cartview`` and ``orthview``.
    nest : bool, default False
        The map is in NESTED ordering (also the numbering of ``"index"`` labels).
    vmin, vmax : float, optional
        Color range. Default: the range of the valid pixels. A single value
        (one valid pixel, a constant map, ``vmin == vmax``) spans
        ``value ± 0.5`` and is drawn in the middle color.
    rot : sequence of float, optional
        ``(lon, lat[, psi])`` in degrees: the point drawn at the centre.
    reso : float, optional
        Gnomonic only: arcminutes per pixel of the 400-pixel-wide view. Default:
        a view ten HEALPix pixels wide.
    title : str, optional
        Default: ``"HEALPix map, nside=..., RING|NESTED"``.
    unit : str, default ""
        Label of the colorbar.
    fontsize : float, optional
        Font size of the labels in points. Default: the largest size at which
        neighbouring labels do not overlap, at most 10.
    color : str, optional
        Color of the labels. Default: black or white, whichever contrasts with
        the pixel's color.
    max_labels : int or None, default 3072
        Refuse to draw more labels than this (``nside=16`` has 3072 pixels);
        ``None`` removes the limit.
    figsize : (float, float), default (8.5, 5.4)
        Figure size in inches (healpy's ``mollview`` size).

    Returns
    -------
    matplotlib.figure.Figure
        A figure not managed by pyplot (nothing opens, nothing to close):
        ``fig.savefig(...)`` to write it, ``fig.axes[0].texts`` are the labels,
        ``fig.axes[1]`` is the colorbar.

    Raises
    ------
    MissingDependencyError
        healpy is not installed (``pip install "truepix[healpix]"``).
    ShapeError
        The map is not 1-D of a valid HEALPix size, or ``labels`` is an array of
        another length.
    UnsupportedDtypeError
        The map is not bool, integer or float.
    InputError
        An unknown ``labels``/``projection`` name, a ``fmt`` that fails on a
        label, more visible labels than ``max_labels``, a map with no valid
        pixel and no ``vmin``/``vmax``, non-finite ``vmin``/``vmax`` or
        ``vmin > vmax``.
    UnknownColormapError
        ``cmap`` names no colormap of the catalog.

    Warns
    -----
    CrowdedLabelsWarning
        The labels must be drawn smaller than ``MIN_READABLE_FONTSIZE`` points
        to keep clear of each other, or an explicit ``fontsize`` makes them
        overlap. Use a larger ``figsize``, a gnomonic view of a region, fewer
        pixels (``healpy.ud_grade``) or shorter labels (``fmt``).

    Examples
    --------
    >>> import numpy as np
    >>> import healpy as hp
    >>> from truepix.display import healpix_labels
    >>> nside = 2
    >>> sky = np.linspace(-1.0, 1.0, hp.nside2npix(nside))
    >>> sky[5] = hp.UNSEEN
    >>> fig = healpix_labels(sky, labels="value", fmt="{:+.2f}")
    >>> texts = fig.axes[0].texts
    >>> len(texts), texts[0].get_text()
    (47, '-1.00')

    Every label sits at its pixel's centre as healpy's projector places it:

    >>> theta, phi = hp.pix2ang(nside, 0)
    >>> x, y = hp.projector.MollweideProj(flipconv="astro").ang2xy(theta, phi)
    >>> np.allclose(texts[0].get_position(), (x, y))
    True
    """
    hp: Any = require("healpy", "healpix")
    vmin, vmax = check_range(vmin, vmax)
    values, valid = _check_map(hpx_map, hp)
    npix = values.size
    nside = int(hp.npix2nside(npix))
    label_values = _label_values(labels, values)
    fmt = _check_fmt(fmt, labels)
    axes_class = _axes_class(projection)
    colormap = matplotlib_colormap(cmap)
    if not valid.any() and (vmin is None or vmax is None):
        msg = (
            f"expected a HEALPix map with at least one valid pixel, got none of {npix}"
            " (all NaN, ±Inf, UNSEEN or masked); pass vmin and vmax to draw it unlabelled"
        )
        raise InputError(msg)
    vmin, vmax = _color_range(values[valid], vmin, vmax)

    # lazily: matplotlib is slow to import
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    fig = Figure(figsize=figsize)
    ax = axes_class(fig, _MAP_BOX, rot=rot, flipconv="astro")
    fig.add_axes(ax)
    drawn = np.where(valid, values, hp.UNSEEN)
    with warnings.catch_warnings():
        # healpy's colormap copy calls Colormap.set_over, which matplotlib
        # 3.11 flags as pending deprecation; nothing the caller can act on.
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        ax.projmap(
            drawn,
            nest=nest,
            vmin=vmin,
            vmax=vmax,
            cmap=colormap,
            badcolor="lightgray",
            bgcolor="white",
            **_view_options(projection, nside, reso, hp),
        )
    image = ax.get_images()[0]
    colorbar = fig.colorbar(image, cax=fig.add_axes(_COLORBAR_BOX), orientation="horizontal")
    colorbar.ax.xaxis.set_major_locator(MaxNLocator(nbins=6))
    colorbar.set_label(unit)
    order = "NESTED" if nest else "RING"
    ax.set_title(title if title is not None else f"HEALPix map, nside={nside}, {order}")

    pixels = np.flatnonzero(valid)
    # healpy keeps an extra axis on size-1 results: flatten them all, once
    theta, phi = (np.ravel(a) for a in hp.pix2ang(nside, pixels, nest=nest))
    x, y = (np.ravel(a) for a in ax.proj.ang2xy(theta, phi))
    shown = _inside(ax, x, y)
    pixels, x, y = pixels[shown], x[shown], y[shown]
    if max_labels is not None and pixels.size > max_labels:
        msg = (
            f"expected at most max_labels={max_labels} labels, got {pixels.size} visible"
            f" pixels (nside={nside}); label a region (projection='gnomonic', rot=...),"
            " lower the resolution with healpy.ud_grade, or pass max_labels=None"
        )
        raise InputError(msg)

    texts = [_format(fmt, label_values, pixel) for pixel in pixels.tolist()]
    ax.apply_aspect()  # the axes' final box: label spacing is measured in it
    points = ax.transData.transform(np.column_stack([x, y])) * (72.0 / fig.dpi)
    nearest = _nearest_label_distance(pixels, points, nside, nest, hp)
    sizes = _font_sizes(nearest, texts, fontsize, nside)
    fill = _label_colors(image, values[pixels]) if color is None else [color] * pixels.size
    _draw_labels(ax, x, y, texts, sizes, fill)
    return fig


def _font_sizes(
    nearest: np.ndarray, texts: list[str], fontsize: float | None, nside: int
) -> np.ndarray:
    """Each label's size: the largest that clears its neighbours (or the one asked for)."""
    longest = max((len(text) for text in texts), default=1)
    fitting = nearest / max(_EM_PER_CHAR * longest, 1.2)  # per label, inf when alone
    typical = float(np.median(fitting)) if fitting.size else math.inf
    if fontsize is None:
        # squeezed labels (a projection's edge) shrink to clear their neighbours
        sizes = np.minimum(fitting, min(typical, _DEFAULT_FONTSIZE))
    else:
        sizes = np.full(len(texts), float(fontsize))
    _warn_if_crowded(sizes, typical, fontsize, nside)
    return sizes


def _draw_labels(
    ax: Any, x: np.ndarray, y: np.ndarray, texts: list[str], sizes: np.ndarray, fill: list[str]
) -> None:
    from matplotlib.patheffects import withStroke

    for x_i, y_i, text, size, fill_i in zip(
        x.tolist(), y.tolist(), texts, sizes.tolist(), fill, strict=True
    ):
        # a thin outline of the opposite shade keeps a label legible where it
        # overhangs its pixel (a pixel cut by the map's edge, a neighbour)
        outline = "black" if _is_light(fill_i) else "white"
        ax.text(
            x_i,
            y_i,
            text,
            ha="center",
            va="center",
            fontsize=size,
            color=fill_i,
            path_effects=[withStroke(linewidth=max(size / 5, 0.5), foreground=outline)],
        )


def _check_map(hpx_map: npt.ArrayLike, hp: Any) -> tuple[np.ndarray, np.ndarray]:
    """Return the map as float64 and the mask of pixels with a drawable value."""
    array, masked = split_mask(hpx_map)
    if array.dtype.kind not in "biuf":
        msg = f"expected a bool, integer or float HEALPix map, got dtype {array.dtype}"
        raise UnsupportedDtypeError(msg)
    # healpy calls 0 pixels a valid size (and then aborts on it): refuse it here
    if array.ndim != 1 or array.size == 0 or not hp.isnpixok(array.size):
        msg = (
            f"expected a 1-D HEALPix map of 12 * nside**2 pixels, got shape {array.shape};"
            " for several maps, call once per map"
        )
        raise ShapeError(msg)
    values = array.astype(np.float64)
    valid = np.isfinite(values) & ~hp.mask_bad(values)
    if masked is not None:
        valid &= ~masked
    return values, valid


def _label_values(labels: str | npt.ArrayLike, values: np.ndarray) -> np.ndarray | None:
    """What each pixel's label shows; ``None`` for its own index."""
    npix = values.size
    if isinstance(labels, str):
        if labels not in _LABEL_KINDS:
            msg = (
                f"expected labels='index', 'value' or an array of {npix} labels,"
                f" got {labels!r};{did_you_mean(labels, _LABEL_KINDS)}"
            )
            raise InputError(msg.rstrip(";"))
        return None if labels == "index" else values
    array = np.asarray(labels)
    if array.shape != (npix,):
        msg = f"expected labels as one per pixel, shape ({npix},), got shape {array.shape}"
        raise ShapeError(msg)
    return array


def _check_fmt(
    fmt: str | Callable[[Any], str] | None, labels: str | npt.ArrayLike
) -> str | Callable[[Any], str]:
    if fmt is None:
        return "{:.3g}" if isinstance(labels, str) and labels == "value" else "{}"
    if not (isinstance(fmt, str) or callable(fmt)):
        msg = f"expected fmt to be a format string or a function, got {fmt!r}"
        raise InputError(msg)
    return fmt


def _format(fmt: str | Callable[[Any], str], labels: np.ndarray | None, pixel: int) -> str:
    label: Any = pixel if labels is None else labels[pixel]
    if isinstance(label, np.generic):
        label = label.item()
    try:
        return fmt.format(label) if isinstance(fmt, str) else str(fmt(label))
    except (ValueError, TypeError, IndexError, KeyError) as exc:
        msg = f"expected fmt to format the label {label!r}, got {type(exc).__name__}: {exc}"
        raise InputError(msg) from exc


def _axes_class(projection: str) -> Any:
    if projection not in PROJECTIONS:
        msg = (
            f"expected projection in {sorted(PROJECTIONS)}, got {projection!r};"
            f"{did_you_mean(projection, PROJECTIONS)}"
        )
        raise InputError(msg.rstrip(";"))
    from healpy import projaxes

    return getattr(projaxes, PROJECTIONS[projection])


def _color_range(values: np.ndarray, vmin: float | None, vmax: float | None) -> tuple[float, float]:
    """The color range: the given ends, else the valid values' own (at least one).

    One value (or ``vmin == vmax``) spans ``value ± 0.5``, as ``np.histogram``
    widens a constant range, so the map shows the middle color and the colorbar
    is labelled around the value.
    """
    found = finite_range(values)  # None only when both ends are given
    low = float(found[0]) if vmin is None and found else float(vmin or 0.0)
    high = float(found[1]) if vmax is None and found else float(vmax or 0.0)
    if low > high:  # the one given end lies beyond the data: the map is cut at it
        low = high = low if vmin is not None else high
    if low == high:
        return low - 0.5, high + 0.5
    return low, high


def _view_options(projection: str, nside: int, reso: float | None, hp: Any) -> dict[str, Any]:
    """The resolution of the projected image healpy draws."""
    if projection == "gnomonic":
        xsize = 400
        if reso is None:  # ten HEALPix pixels across the view
            reso = 10 * float(hp.nside2resol(nside, arcmin=True)) / xsize
        return {"xsize": xsize, "reso": float(reso)}
    return {"xsize": 800}


def _inside(ax: Any, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Pixel centres the projection shows (finite, within the axes' limits)."""
    (x0, x1), (y0, y1) = sorted(ax.get_xlim()), sorted(ax.get_ylim())
    with np.errstate(invalid="ignore"):  # NaN: behind the sphere / off the view
        return (x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)


def _nearest_label_distance(
    pixels: np.ndarray, points: np.ndarray, nside: int, nest: bool, hp: Any
) -> np.ndarray:
    """Distance (points) from each label to its nearest labelled neighbour.

    Only HEALPix neighbours can crowd a label; ``inf`` for a label without a
    labelled neighbour.
    """
    position = np.full((12 * nside * nside, 2), np.nan)
    position[pixels] = points
    neighbours = np.reshape(hp.get_all_neighbours(nside, pixels, nest=nest), (8, -1))  # -1: none
    near = position[np.where(neighbours >= 0, neighbours, 0)]
    distance = np.hypot(*(near - points[None]).transpose(2, 0, 1))
    usable = (neighbours >= 0) & np.isfinite(distance)
    return np.min(distance, axis=0, where=usable, initial=np.inf)


def _warn_if_crowded(sizes: np.ndarray, typical: float, fontsize: float | None, nside: int) -> None:
    """Warn when the typical label is unreadable, or an explicit size overlaps."""
    if sizes.size == 0:
        return
    size = float(np.median(sizes))
    if size < MIN_READABLE_FONTSIZE:
        msg = (
            f"{sizes.size} labels (nside={nside}) drawn at {size:.1f} pt, below the"
            f" {MIN_READABLE_FONTSIZE:g} pt one can read; use a larger figsize, a gnomonic"
            " view of a region, fewer pixels (healpy.ud_grade) or shorter labels (fmt)"
        )
        warnings.warn(msg, CrowdedLabelsWarning, stacklevel=4)
    elif fontsize is not None and fontsize > typical * 1.05:
        msg = (
            f"labels at fontsize={fontsize:g} pt overlap their neighbours (they fit at"
            f" {typical:.1f} pt); leave fontsize=None to fit them"
        )
        warnings.warn(msg, CrowdedLabelsWarning, stacklevel=4)


def _is_light(color: str) -> bool:
    from matplotlib.colors import to_rgb

    return float(np.dot(to_rgb(color), _LUMA)) > 0.45


def _label_colors(image: Any, values: np.ndarray) -> list[str]:
    """Black on light pixels, white on dark ones (relative luminance, sRGB)."""
    rgba = np.asarray(image.cmap(image.norm(values)))
    luminance = rgba[:, :3] @ _LUMA
    return np.where(luminance > 0.45, "black", "white").tolist()

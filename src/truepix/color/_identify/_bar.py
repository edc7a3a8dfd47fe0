"""The :class:`Colorbar` record and the one rule for a figure's pixels (:func:`image_rgb8`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from truepix.errors import ShapeError, UnsupportedDtypeError

__all__ = ["Colorbar", "along_bar", "image_rgb8"]


@dataclass(frozen=True, eq=False)
class Colorbar:
    """A colorbar found in a picture.

    Attributes
    ----------
    bbox : tuple of int
        ``(left, top, right, bottom)`` of the colored area in image pixels;
        ``right`` and ``bottom`` are exclusive, like a Python slice:
        ``image[top:bottom, left:right]`` is the bar.
    orientation : str
        ``"vertical"`` (low values at the bottom) or ``"horizontal"`` (low at the left).
    colors : numpy.ndarray
        (N, 3) uint8, one color per pixel along the bar, from low to high:
        color ``i`` stands for the fraction ``(i + 0.5) / N`` of the bar.
    exact : bool
        Whether every row across the bar was one exact color (an uncompressed
        picture). A bar found in a compressed (JPEG'd) figure has ``False``: its
        colors are medians across the bar, a few DN off the map.
    boundaries : numpy.ndarray or None
        For a stepped bar (contourf levels, BoundaryNorm, a map of few
        colors): (N + 1,) float64, the fractions of the bar's length, from
        the low end, where its N steps begin and end; ``colors`` then holds
        one color per step. None for a continuous bar.
    vmin, vmax : float or None
        The data values at the bar's low and high ends, when known (read from
        its tick labels, or given); ``decolorize(picture, cmap=bar)`` uses them.
    norm : str, matplotlib Normalize or None
        How data was normalized along the bar (``"log"``, a matplotlib norm),
        when known; None for linear or unknown.
    positions : numpy.ndarray or None
        (N,) float64, the fraction of the bar's length, from the low end, at
        the middle of the pixels that show each color. Bars longer than their
        map draw a color over several pixels and shorter ones skip colors, so
        a color's place is its position, not its index. None (the default)
        means evenly spread: ``(i + 0.5) / N``; a stepped bar's are its
        steps' middles.
    under, over : numpy.ndarray or None
        (3,) uint8, the fill of the extend triangle past the bar's low (high) end --
        matplotlib's under (over) color, ``extend="min"/"max"/"both"`` -- or None
        where none is drawn. ``decolorize(picture, cmap=bar)`` decodes pixels of
        those colors as data past ``vmin`` (``vmax``): at the limit, marked in
        ``result.under`` (``.over``).

    Examples
    --------
    >>> import numpy as np
    >>> from truepix.color import Colorbar
    >>> bar = Colorbar((10, 5, 20, 105), "vertical", np.zeros((100, 3), np.uint8))
    >>> bar.length, bar.width
    (100, 10)
    """

    bbox: tuple[int, int, int, int]
    orientation: str
    colors: np.ndarray
    exact: bool = True
    boundaries: np.ndarray | None = None
    vmin: float | None = None
    vmax: float | None = None
    norm: Any = None
    positions: np.ndarray | None = None
    under: np.ndarray | None = None
    over: np.ndarray | None = None

    def __post_init__(self) -> None:
        for end in ("under", "over"):
            color = getattr(self, end)
            if color is not None:
                color = np.array(np.clip(np.rint(color), 0, 255), dtype=np.uint8).reshape(3)
                color.setflags(write=False)
                object.__setattr__(self, end, color)
        n = len(self.colors)
        if self.positions is not None:
            places = np.array(self.positions, dtype=np.float64)
            if places.shape != (n,):
                msg = f"expected {n} positions for {n} colors, got {places.shape}"
                raise ValueError(msg)
        elif self.boundaries is not None:
            edges = np.asarray(self.boundaries, dtype=np.float64)
            places = (edges[:-1] + edges[1:]) / 2.0 if edges.shape == (n + 1,) else np.zeros(n)
        else:
            places = (np.arange(n) + 0.5) / max(n, 1)
        places.setflags(write=False)
        object.__setattr__(self, "positions", places)
        if self.boundaries is not None:
            edges = np.array(self.boundaries, dtype=np.float64)
            if edges.shape != (len(self.colors) + 1,):
                msg = f"expected {len(self.colors) + 1} boundaries for {len(self.colors)} steps, got {edges.shape}"
                raise ValueError(msg)
            edges.setflags(write=False)
            object.__setattr__(self, "boundaries", edges)
        if self.orientation not in ("vertical", "horizontal"):
            msg = f"expected orientation 'vertical' or 'horizontal', got {self.orientation!r}"
            raise ValueError(msg)
        colors = np.array(self.colors, dtype=np.uint8)
        colors.setflags(write=False)
        object.__setattr__(self, "colors", colors)
        object.__setattr__(self, "bbox", tuple(int(v) for v in self.bbox))
        object.__setattr__(self, "exact", bool(self.exact))

    @property
    def length(self) -> int:
        """Pixels along the bar."""
        left, top, right, bottom = self.bbox
        return bottom - top if self.orientation == "vertical" else right - left

    @property
    def width(self) -> int:
        """Pixels across the bar."""
        left, top, right, bottom = self.bbox
        return right - left if self.orientation == "vertical" else bottom - top

    def colormap_entry(self) -> Any:
        """The catalog map this bar was drawn from (a ``ColormapEntry``), or None.

        How ``cmap=bar`` resolves: the catalog asks the bar, so the catalog
        does not import the identification code.
        """
        from truepix.color._identify._match import colorbar_map

        return colorbar_map(self)

    def inner(self) -> Colorbar:
        """The bar without an end step that is its extend triangle's base.

        A stepped bar found through the noise-tolerant search may stack the rows where
        a triangle begins (as wide as the bar, the under / over color) onto it as a
        thin step of its own (contourf's ``extend="both"``: 6 steps for 4 intervals);
        that step is no level of the map, and the others span the bar.

        Examples
        --------
        >>> import numpy as np
        >>> colors = np.array([[0, 0, 127], [0, 40, 255], [255, 70, 0]], np.uint8)
        >>> bar = Colorbar((0, 0, 9, 100), "vertical", colors, boundaries=[0, 0.02, 0.5, 1],
        ...                under=[0, 0, 128])
        >>> bar.inner().boundaries.tolist(), len(bar.inner().colors)
        ([0.0, 0.4897959183673469, 1.0], 2)
        """
        if self.boundaries is None or len(self.colors) < 3:
            return self
        import dataclasses

        edges, colors = np.asarray(self.boundaries, np.float64), self.colors
        lengths = np.diff(edges)
        tolerance = 12 if self.exact else 40
        keep = np.ones(len(colors), bool)
        for index, color in ((0, self.under), (len(colors) - 1, self.over)):
            if color is None:
                continue
            others = np.median(np.delete(lengths, index))
            same = np.abs(colors[index].astype(np.int16) - color).max() <= tolerance
            if same and lengths[index] < 0.5 * others:
                keep[index] = False
        if keep.all():
            return self
        first, last = np.flatnonzero(keep)[[0, -1]]
        edges = edges[first : last + 2]
        edges = (edges - edges[0]) / (edges[-1] - edges[0])
        return dataclasses.replace(self, colors=colors[keep], boundaries=edges, positions=None)

    def extended(self, entry: Any) -> Any:
        """``entry`` (the ``ColormapEntry`` this bar decodes with) painting its extend
        triangles' colors as its under / over colors, where they are no end color of its
        table (matplotlib's default fill: data past an end is that end's)."""
        import dataclasses

        colors: dict[str, np.ndarray] = {}
        for end, index in (("under", 0), ("over", -1)):
            color = getattr(self, end)
            if color is None:
                continue
            rgb = color.astype(np.float64)
            own = [entry.lut_bytes[index, :3], entry.lut_rounded[index, :3]]
            if min(float(np.abs(rgb - row).max()) for row in own) > (3 if self.exact else 12):
                colors[end] = np.append(rgb / 255.0, 1.0)
        return dataclasses.replace(entry, **colors) if colors else entry

    def even_colors(self) -> np.ndarray:
        """The bar's colors at evenly spaced fractions of its length: a table to decode with.

        Each color stands at its own place along the bar (:attr:`positions`);
        a bar whose colors cover uneven runs -- a gray copy of a color bar,
        where one gray stands for several map colors, or a stepped bar's
        uneven steps -- needs them spread by that place, not by their index.
        One entry per pixel along the bar (at least 256), each the color
        drawn there; the colors as they are when they are spread evenly already.

        Examples
        --------
        >>> import numpy as np
        >>> bar = Colorbar((0, 0, 4, 100), "vertical", np.array([[0] * 3, [9] * 3], np.uint8), positions=np.array([0.25, 0.875]))
        >>> table = bar.even_colors(); len(table), int((table[:, 0] == 0).sum())
        (256, 144)
        """
        places = np.asarray(self.positions, dtype=np.float64)
        if np.allclose(places, (np.arange(len(places)) + 0.5) / len(places), rtol=0, atol=0.75 / max(1, self.length)):
            return self.colors  # spread evenly already: the colors are the table
        n = max(256, self.length, len(self.colors))
        even = (np.arange(n) + 0.5) / n
        if self.boundaries is not None and len(self.boundaries) == len(self.colors) + 1:
            index = np.searchsorted(np.asarray(self.boundaries)[1:-1], even, side="right")
        else:
            index = np.searchsorted((places[:-1] + places[1:]) / 2.0, even)
        return self.colors[np.clip(index, 0, len(self.colors) - 1)]

    def __repr__(self) -> str:
        exact = "" if self.exact else ", exact=False"
        kind = "steps" if self.boundaries is not None else "colors"
        return (
            f"Colorbar(bbox={self.bbox}, orientation={self.orientation!r},"
            f" colors=<{len(self.colors)} {kind}>{exact})"
        )


def along_bar(rgb: np.ndarray, bar: Colorbar) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """``rgb`` and ``bar``'s box ``(x0, y0, x1, y1)`` turned so that the bar runs down
    the rows: as they are for a vertical bar, transposed for a horizontal one.

    Examples
    --------
    >>> rgb = np.zeros((30, 80, 3), np.uint8)
    >>> bar = Colorbar((10, 5, 70, 15), "horizontal", np.zeros((60, 3), np.uint8))
    >>> view, box = along_bar(rgb, bar)
    >>> view.shape, box
    ((80, 30, 3), (5, 10, 15, 70))
    """
    if bar.orientation == "vertical":
        return rgb, tuple(bar.bbox)
    return rgb.transpose(1, 0, 2), (bar.bbox[1], bar.bbox[0], bar.bbox[3], bar.bbox[2])


def image_rgb8(image: Any, /) -> tuple[np.ndarray, np.ndarray | None]:
    """An image as (H, W, 3) uint8 RGB plus its alpha (or None).

    Accepts uint8, uint16 (top byte) and float in [0, 1] (rounded to the
    nearest byte, which undoes matplotlib's ``plt.imread`` of a PNG), with
    3 or 4 channels, or 2-D gray.

    Examples
    --------
    >>> import numpy as np
    >>> from truepix.color._identify._colorbar import image_rgb8
    >>> rgb, alpha = image_rgb8(np.array([[[0.0, 0.5, 1.0, 1.0]]]))
    >>> rgb.tolist(), alpha.tolist()
    ([[[0, 128, 255]]], [[255]])
    """
    array = np.asarray(image)
    if array.ndim == 2:
        array = array[..., None].repeat(3, axis=2)
    if array.ndim != 3 or array.shape[2] not in (3, 4) or 0 in array.shape[:2]:
        msg = (
            f"expected an (H, W, 3) or (H, W, 4) picture (or a 2-D gray one), got shape"
            f" {array.shape}"
        )
        raise ShapeError(msg)
    if array.dtype == np.uint8:
        rgb8 = array
    elif array.dtype == np.uint16:
        rgb8 = (array >> 8).astype(np.uint8)
    elif array.dtype.kind == "f":
        finite = np.nan_to_num(array, nan=0.0, posinf=1.0, neginf=0.0)
        rgb8 = np.rint(np.clip(finite, 0.0, 1.0) * 255).astype(np.uint8)
    else:
        msg = f"expected a uint8, uint16 or float picture, got dtype {array.dtype}"
        raise UnsupportedDtypeError(msg)
    alpha = rgb8[..., 3] if rgb8.shape[2] == 4 else None
    return np.ascontiguousarray(rgb8[..., :3]), alpha

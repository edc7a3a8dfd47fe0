"""What a decoder is given: picture forms, data limits and the norm's inverse.

One place answers how a picture's dtype maps to the 8-bit or float tables
(:func:`as_pixels`), where the limits come from (:func:`limit`,
:func:`carried_norm`: the arguments, a norm, a ``Colorbar``; two that differ are
an error naming both) and how positions along the map become data
(:class:`Inverse`).
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np

from truepix._validate import check_bound, check_flag, check_range, described, palette_colors
from truepix.color._catalog import ColormapEntry
from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize import _plan as planning
from truepix.color._norms import LinearNorm, LogNorm, get_norm
from truepix.errors import InputError, ShapeError

__all__ = [
    "Inverse", "as_bytes", "as_pixels", "as_rows", "carried_norm", "checked_options",
    "contour_twin", "limit", "planned",
]  # fmt: skip


#: An out-of-range color of a BoundaryNorm within this many DN of an interval's color
#: is that interval's (``Inverse.painted``): the exact-picture threshold, 3 DN.
SEPARATE_DN = 3.0


#: What a non-finite vmin / vmax is told to pass: the picture's limits are no data's range.
LIMIT_HINT = "; pass the limit the picture was drawn with (e.g. vmin=0, vmax=1)"


class Inverse:
    """A norm's inverse, and how the kernels can compute it themselves."""

    def __init__(
        self, norm: Any, vmin: float | None, vmax: float | None, n_table: int, *, indexed: bool
    ) -> None:
        if n_table < 2:  # (an (N, 3) array is held to it by the catalog already)
            msg = f"expected a colormap of N >= 2 colors to decode, got N={n_table}"
            raise ShapeError(msg + ": one color carries no value")
        if vmin is None and vmax is None and isinstance(norm, str):
            msg = "expected the data range: vmin and vmax, or a norm that has them,"
            msg += f" got norm={norm!r}"
            raise InputError(
                msg + " and no limits; pass vmin=0, vmax=1 for positions along the map"
            )
        # before the norm's own (non-strict) check; None is no range here
        check_range(vmin, vmax, strict=True, hint=LIMIT_HINT)
        self.norm = get_norm(norm, vmin, vmax)
        low, high = float(self.norm.vmin), float(self.norm.vmax)
        check_range(low, high, strict=True)
        self.vmin, self.vmax = low, high
        self.name = getattr(self.norm, "name", "matplotlib")
        # an indexed map (OpenCV's): entry k of its n_table stands for k / (n_table - 1)
        self.indexed = n_table if indexed else 0
        # a norm answering table entries (BoundaryNorm) paints a few of the table's
        # colors: the decoder matches those alone (``painted``), each a value
        self.boundary = bool(getattr(self.norm, "answers_entries", False))
        self.n_table = self.n_colors_given = n_table  # (the first: the painted map's, then)
        self.painted_values = np.empty(0)
        #: (under, over) colors a BoundaryNorm paints past its boundaries where no interval
        #: paints them, RGB in 8-bit DN (``painted``); None for none
        self.extremes: list[np.ndarray | None] = [None, None]
        if isinstance(self.norm, LinearNorm):
            self.kind, self.low, self.high = kernels.NORM_LINEAR, low, high
        elif isinstance(self.norm, LogNorm):
            # the same arithmetic as LogNorm.inverse: 10 ** (t0 + u * (t1 - t0))
            t_low, t_high = np.log10(np.asarray([low, high]))
            self.kind, self.low, self.high = kernels.NORM_LOG, float(t_low), float(t_high)
        else:
            self.kind, self.low, self.high = kernels.NORM_OTHER, low, high
        if self.indexed and self.kind != kernels.NORM_OTHER:
            # entry k (at position (k + 0.5) / N) stands for k / (N - 1): the same
            # line through other ends, so the kernels' arithmetic stays as it is
            span = (self.high - self.low) / (n_table - 1)
            self.low, self.high = self.low - 0.5 * span, self.low + (n_table - 0.5) * span

    def painted(self, entry: ColormapEntry) -> ColormapEntry:
        """The colors a ``BoundaryNorm`` paints with ``entry``, as a discrete map of them.

        matplotlib indexes the table with the norm's answers: the intervals' entries,
        and below and above the boundaries -1 and ``ncolors`` (the under color, the
        over color or entry ``ncolors`` of a longer table). Those colors, each once, in
        that order, are the map the picture is matched against: a degraded picture
        (JPEG, resized, noisy) then decodes as a discrete map's does, every pixel to
        the nearest painted color, where the whole table would name entries no
        interval paints. Color k of the M stands for ``painted_values[k]``: the middle
        of the intervals it paints, NaN for an out-of-range color no interval paints
        (:attr:`extremes`: its pixels come back at vmin / vmax, marked under / over).
        Other norms paint the whole table: ``entry`` comes back as it is.
        """
        if not self.boundary:
            return entry
        edges = np.asarray(self.norm.norm.boundaries, dtype=np.float64)
        below = edges[0] - (edges[-1] - edges[0]) - 1.0
        probes = np.concatenate([[below], (edges[:-1] + edges[1:]) / 2.0, edges[-1:]])
        answers = np.asarray(self.norm.answer(probes)[0], dtype=np.int64)
        n_colors = entry.n_colors

        def color(answer: int) -> tuple[np.ndarray, ...]:
            rows = (entry.lut, entry.lut_bytes, entry.lut_rounded)
            if 0 <= answer < n_colors:
                return tuple(row[answer] for row in rows)
            rgba = entry.under if answer < 0 else entry.over  # as a colormap call paints
            same = np.flatnonzero(np.all(entry.lut == rgba, axis=1))
            if len(same):  # the default: the first or last entry (its bytes, alpha's blend)
                return tuple(row[same[0]] for row in rows)
            return rgba, (rgba * 255).astype(np.uint8), np.floor(rgba * 255 + 0.5).astype(np.uint8)

        colors: dict[bytes, tuple[tuple[np.ndarray, ...], list[float]]] = {}
        ends: list[bytes] = []  # the under and over colors' keys
        for k, answer in enumerate(answers):
            rgba = color(int(answer))
            key = b"".join(np.ascontiguousarray(part).tobytes() for part in rgba)
            _, interval = colors.setdefault(key, (rgba, []))
            if 0 < k < len(answers) - 1:  # an interval (not an out-of-range probe)
                interval.extend(edges[k - 1 : k + 1])
            else:
                ends.append(key)
        kept = list(colors.values())
        # an out-of-range color a few DN from an interval's (entry ``ncolors`` of a longer
        # table: twilight's 510 under BoundaryNorm(b, 256)) cannot be told from it once
        # degraded: its pixels are that interval's, not holes in it
        drawn = np.array([rgba[1][:3] for rgba, i in kept if i], dtype=np.float64)
        kept = [(rgba, i) for rgba, i in kept if i or np.min(np.linalg.norm(
            drawn - rgba[1][:3].astype(np.float64), axis=1)) > SEPARATE_DN]  # fmt: skip
        # the under and over colors no interval paints: data past the boundaries, decoded
        # at vmin / vmax and marked (``_extremes.censored``), as a with_extremes map's
        alone = [rgba for rgba, i in kept if not i]
        for end, key in enumerate(ends):
            rgba = colors[key][0]
            # (a transparent one paints no data: nothing to mark)
            if not colors[key][1] and rgba[0][3] > 0 and any(rgba is other for other in alone):
                self.extremes[end] = rgba[1][:3].astype(np.float64)
        self.painted_values = np.array([(min(i) + max(i)) / 2.0 if i else np.nan for _, i in kept])
        self.n_table = len(kept)
        tables = [np.array([rgba[part] for rgba, _ in kept]) for part in range(3)]
        made = ColormapEntry(
            entry.name, tables[0], entry.source, cyclic=entry.cyclic, discrete=True,
            under=entry.under, over=entry.over, bad=entry.bad,
        )  # fmt: skip
        for name, table in zip(("lut_bytes", "lut_rounded"), tables[1:], strict=True):
            table.flags.writeable = False
            object.__setattr__(made, name, table)  # the entry's own (Agg's blend, alpha)
        return made

    def with_extremes(self, given: list[np.ndarray | None]) -> list[np.ndarray | None]:
        """The (under, over) colors to decode as data past the limits: those ``given``
        (a map's own, ``_extremes.explicit``), else the ones :meth:`painted` found."""
        return [own if own is not None else painted for own, painted in
                zip(given, self.extremes, strict=True)]  # fmt: skip

    def __call__(self, u: np.ndarray) -> np.ndarray:
        if self.boundary:  # color k of the painted M: painted_values[k]
            u = np.asarray(u, dtype=np.float64)  # an array or one value (a cell's end)
            n_colors = len(self.painted_values)
            index = np.clip(np.floor(np.nan_to_num(u) * n_colors), 0, n_colors - 1)
            return np.where(np.isnan(u), np.nan, self.painted_values[index.astype(np.int64)])
        if self.indexed:
            n_colors = self.indexed
            u = np.clip((np.asarray(u) * n_colors - 0.5) / (n_colors - 1), 0.0, 1.0)
        return self.norm.inverse(u)


def checked_options(
    threshold: Any, step: Any, denoise: Any, cyclic: Any
) -> tuple[float | None, float | None, bool | None, bool | None]:
    """A decoder's ``threshold``, ``step``, ``denoise`` and ``cyclic``, each refused in
    the one wording of its kind (``truepix._validate``) when it is none of its values.

    Examples
    --------
    >>> checked_options(np.inf, 0.5, np.True_, None)
    (inf, 0.5, True, None)
    """
    number = isinstance(threshold, numbers.Real) and not isinstance(threshold, bool | np.bool_)
    if threshold is not None and not (number and threshold >= 0):  # (inf: no threshold)
        msg = f"expected threshold >= 0 (DN) or None, got {described(threshold)}"
        raise InputError(msg)
    if step is not None and not check_bound("step", step, hint="") > 0:
        msg = f"expected a positive step or None, got {step!r}"
        raise InputError(msg)
    denoise = check_flag("denoise", denoise, default="the picture's noise decides")
    cyclic = check_flag("cyclic", cyclic, default="the colormap's own")
    return threshold, step, denoise, cyclic


def contour_twin(cmap: Any, norm: Any, inverse: Inverse, options: dict[str, Any]) -> Any:
    """For a plain ``BoundaryNorm``, the twin decoder of contourf's colors for its levels
    (``_contoured``, made on first need); None for every other norm."""
    if not inverse.boundary:
        return None
    from truepix.color._decolorize._contoured import contour_painting

    return contour_painting(cmap, norm, inverse.n_colors_given, **options)


def limit(name: str, given: float | None, carried: Any) -> float | None:
    """A range limit given as an argument or carried by the colormap (a Colorbar's)."""
    if carried is None or not isinstance(carried, int | float | np.number):
        return given
    if given is not None and float(given) != float(carried):
        msg = f"expected one {name}, got {name}={given!r} and the colorbar's {name}={carried!r}"
        raise InputError(msg + f"; leave {name} out to use the colorbar's")
    return float(carried)


def carried_norm(given: Any, cmap: Any) -> Any:
    """The norm given, or the one a Colorbar carries when ``given`` is the default."""
    carried = getattr(cmap, "norm", None) if hasattr(cmap, "colormap_entry") else None
    if carried is None or carried is given or (isinstance(given, str) and given == carried):
        return given
    if isinstance(given, str) and given == "linear":
        return carried
    msg = f"expected one norm, got norm={given!r} and the colorbar's norm={carried!r}"
    raise InputError(msg + "; leave norm out to use the colorbar's")


def as_pixels(image: Any) -> tuple[np.ndarray, str, float]:
    """A picture that passed :func:`truepix._validate.as_picture`: its pixels, the
    palette kind and the DN scale.

    8-bit pictures (and float or 16-bit ones whose values are all exact 8-bit levels,
    such as ``plt.imread`` of a PNG) are matched against matplotlib's 8-bit table;
    other floats against the float table ``cmap(x)`` returns.
    """
    pixels, kind, scale = _as_pixels(np.asarray(image))
    return kernels.readonly(pixels), kind, scale


def _as_pixels(array: np.ndarray) -> tuple[np.ndarray, str, float]:
    # uint8, uint16 or floats in [0, 1], (..., 3|4)
    if array.dtype == np.uint8:
        return np.ascontiguousarray(array), "u8", 1.0
    if array.dtype == np.uint16:
        if not np.any(array % 257):
            return np.ascontiguousarray((array // 257).astype(np.uint8)), "u8", 1.0
        return np.ascontiguousarray(array, dtype=np.float64), "float", 255.0 / 65535.0
    scaled = array.astype(np.float64) * 255.0
    levels = np.round(scaled)
    # k / 255 stored in the picture's float type is off by a few of its rounding
    # units; float64 may hold float32's (plt.imread(...).astype(np.float64))
    eps = max(float(np.finfo(array.dtype).eps), float(np.finfo(np.float32).eps))
    tolerance = 255.0 * 4.0 * eps
    if np.all(np.abs(scaled - levels) <= min(tolerance, 0.25)):
        return np.ascontiguousarray(levels.astype(np.uint8)), "u8", 1.0
    return np.ascontiguousarray(array, dtype=np.float64), "float", 255.0


def as_bytes(pixels: np.ndarray, scale: float) -> np.ndarray:
    """Float pixels (``as_pixels``' ``"float"`` kind, ``scale`` to DN) rounded to 8 bits.

    Examples
    --------
    >>> as_bytes(np.array([[0.2, 0.5, 1.0]]), 255.0)
    array([[ 51, 128, 255]], dtype=uint8)
    """
    dn = np.clip(np.asarray(pixels, dtype=np.float64) * scale, 0.0, 255.0)
    return kernels.readonly(np.ascontiguousarray(np.floor(dn + 0.5).astype(np.uint8)))


def planned(
    decoder: Any, pixels: np.ndarray, kind: str, scale: float, given: Any = None
) -> tuple[np.ndarray, str, float, Any]:
    """The pixels, table kind, DN scale and plan (``_plan.make_plan``) a picture from
    :func:`as_pixels` is decoded with.

    8-bit pictures are matched against the table whose bytes they hold. Float (and
    16-bit) pictures that are no exact render of the float table -- resampled
    (``skimage.transform.rescale``, ``cv2.resize`` of floats), noisy -- are decoded as
    their 8-bit rounding: planned on the floats, their sub-DN offsets from the map read
    as noise (0.64 DN), which took blends for noisy table colors (skimage rescale 0.5x
    of terrain: magma 1.50x the k-d tree's error, viridis 1.04x; rounded 0.65x, 0.84x).
    ``given``: the picture as given, which a float or 16-bit one's plan also reads
    (``_gray_levels.deep_table_only``).
    """
    given = None if given is None or np.asarray(given).dtype == np.uint8 else given
    if kind == "u8":
        kind = decoder._table_kind(pixels)
    plan = planning.make_plan(decoder, pixels, kind, scale, given=given)
    if kind != "float" or plan.sharp:
        return pixels, kind, scale, plan
    pixels = as_bytes(pixels, scale)
    kind = decoder._table_kind(pixels)
    return pixels, kind, 1.0, planning.make_plan(decoder, pixels, kind, 1.0, given=given)


def as_rows(image: Any, gray_like: bool, cmap: str) -> tuple[Any, bool]:
    """The one rule for a 2-D array: ``(N, 3|4)`` pixels or an ``(H, W)`` gray picture.

    For a map with colors other than grays, a 2-D array is N RGB(A) pixels when
    its last axis is 3 or 4 (what ``colorize`` of 1-D data gives), else an
    error. For a gray-like map it is N pixels when every row is a gray pixel
    (R == G == B, and alpha fully opaque or 0 with 4 columns); a 2-D array of
    another width is a gray picture; anything else is ambiguous, an error that
    says how to pass it. Returns the array to decode (N pixels as ``(1, N, C)``)
    and whether it was pixels (the caller drops the leading axis again).

    Examples
    --------
    >>> import numpy as np
    >>> rows = np.array([[68, 1, 84, 255], [253, 231, 37, 255]], np.uint8)
    >>> picture, is_rows = as_rows(rows, False, "viridis")
    >>> picture.shape, is_rows
    ((1, 2, 4), True)
    >>> as_rows(np.array([[9, 9, 9, 255]], np.uint8), True, "gray")[0].shape
    (1, 1, 4)
    >>> as_rows(np.zeros((5, 7), np.uint8), True, "gray")[0].shape  # a gray picture
    (5, 7)
    """
    image = palette_colors(image)  # a GIF's indices are no gray picture
    if np.ndim(image) != 2:
        return image, False
    array = image if isinstance(image, np.ma.MaskedArray) else np.asarray(image)
    channels = array.shape[-1]
    if not gray_like:
        if channels not in (3, 4):
            # (a palette PNG or GIF read with np.asarray(Image.open(...)) is 2-D too:
            # its palette's indices, which Pillow's convert("RGB") turns into colors)
            msg = (
                f"expected an RGB(A) picture for cmap {cmap!r}, got a 2-D array of shape"
                f" {array.shape} (a gray picture, or a palette PNG/GIF's indices)"
            )
            raise ShapeError(
                msg + "; pass the picture with its color channels, (H, W, 3|4): for a"
                " palette file, np.asarray(PIL.Image.open(path).convert('RGB'))"
            )
        return array[None], True
    if channels not in (3, 4):
        return array, False
    data = np.ma.getdata(array)
    gray = np.all(data[:, :3] == data[:, :1], axis=1)
    if channels == 4:
        # opaque: 1.0, or the integer type's top (255 also, for a wide int of bytes)
        opaque = np.iinfo(data.dtype).max if data.dtype.kind in "iu" else 1.0
        alpha = data[:, 3]
        gray &= (alpha == opaque) | (alpha == 255) | (alpha == 0)
    if np.all(gray):
        return array[None], True
    msg = (
        f"expected N gray pixels of shape (N, {channels}) (R == G == B) or a gray picture,"
        f" got a 2-D array of shape {array.shape} that could be either"
    )
    raise ShapeError(
        msg + f"; pass N pixels as a[None] (1, N, {channels}) or the gray picture as"
        " np.repeat(a[..., None], 3, axis=-1)"
    )

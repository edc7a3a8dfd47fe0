"""Heatmaps drawn with ``alpha``: the map blended over the axes' facecolor.

``imshow(data, alpha=a)``, ``pcolormesh(..., alpha=a)`` and ``contourf(..., alpha=a)``
saved with ``savefig`` paint ``a * map + (1 - a) * facecolor``: none of the
picture's colors is a map color, but the blended table is just another table.
Agg composites in integers (matplotlib's ``fixed_blender_rgba_plain``): with the
background's bytes ``b`` (opaque), a color's bytes ``c`` and its alpha byte ``A``,
the result is ``((256 c - 255 b) A + 256 * 255 b) // (255 * 256 + A)``. The two
ways matplotlib makes ``c`` and ``A`` give the two tables a picture may hold:

* images (``imshow``): the colormap's truncated bytes (``cmap(x, bytes=True)``)
  and ``A = floor(255 a)``;
* figure faces (``pcolormesh``, ``pcolor``, ``contourf``): bytes rounded half up,
  ``floor(255 x + 0.5)``, for both.

Both match every pixel of matplotlib 3.11's PNGs (viridis, alpha 0.15-0.9, over
white, grays, black and a tinted face). A figure saved with
``transparent=True`` keeps the map's own bytes and ``A`` in the fourth channel;
compositing those pixels over the facecolor as Agg would gives the same blended
table, so they decode alike (:func:`composited`).

:func:`fitted_blend` answers the call made without ``alpha``: it fits one
(alpha, facecolor) to the colors a picture holds off the map, for
:class:`~truepix.errors.OffMapWarning` to say what to pass.

Source: the "over" operator of Porter & Duff (1984), *Compositing digital
images*, SIGGRAPH '84.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from truepix.color._catalog import ColormapEntry
from truepix.errors import InputError

__all__ = ["Blend", "agg_over", "blended_entry", "composited", "fitted_blend", "translucent"]

#: Distinct off-map colors a fit reads (the most frequent ones).
_FIT_COLORS = 400
#: Share of the off-map pixels one color may hold and still be fitted: one holding more
#: is a fill (a masked field's bad color, a box, a margin), which any alpha fits over
#: some face (gray 0.5 is magma's black at alpha 0.5 over white, or at 0.31 over
#: #b8b8b8): seven maps with a quarter of the field masked in gray were advised an
#: alpha on five (a new-user trial). A map drawn translucent spreads its pixels over its
#: blended table: none holds this much but on flat data.
FILL_SHARE = 0.2
#: Alphas the fit starts from; the least-squares refinement leaves the grid.
_ALPHA_STARTS = np.arange(0.1, 0.95, 0.2)
#: RMS distance (DN) a fitted blend may leave: exact PNGs leave < 1, JPEG q75 a few.
_MAX_FIT_RMS = 6.0
#: Distance (DN) past which a color is not the blend's (frames, text): out of the
#: least squares, and capped in the RMS.
_OUTLIER = 24.0
#: ... at most this share of the RMS the opaque map leaves.
_BETTER = 0.5
#: ... and the share of the off-map pixels it must bring within _FIT_REACH DN.
_FIT_SHARE = 0.9
_FIT_REACH = 8.0
#: Looser limits for a compressed picture (``loose=True``): small textured pictures
#: (48-64 px fractal terrain) of viridis, plasma, magma, jet, turbo and coolwarm drawn at
#: alpha 0.5-0.8 and JPEG'd at q50-q90 leave RMS 6-12.3 DN at their true (alpha,
#: facecolor), 0.79-0.99 of their colors within _LOOSE_REACH, and RMS up to 0.51 of
#: the opaque map's; a looser fit is only advice where no opaque catalog map fits
#: better (``_result.blend_advice``), which those pictures' rivals (cmasher:lilac,
#: colorcet:CET_I1, ... named before) did not: 14-19 DN.
_LOOSE_RMS = 14.0
_LOOSE_REACH = 16.0
_LOOSE_SHARE = 0.75
_LOOSE_BETTER = 0.6
#: ... and a near-gray face (channels within this many DN; seaborn's #eaeaf2 is 8):
#: with a free tinted face, four unknowns squeeze any map onto a compact cloud of
#: colors (viridis at alpha 0.7 over white fitted jet at 0.26 over #8dba93).
_LOOSE_TINT = 16.0
#: ... and an alpha of 0.3 or more: below it a blend is mostly its face, and one color
#: explains a picture's strokes in that color (magma strokes in gray, resampled, fitted
#: magma at 0.08 over #808080).
_LOOSE_ALPHA = 0.3
#: Gray faces the fit also holds fixed: from a white start alone, the alternating
#: least squares settled on magma at alpha 0.62 over #8baa7c (RMS 6.8) for magma
#: drawn at 0.5 over #808080 (RMS 0.5 there).
_GRAY_FACES = (255.0, 0.0, 64.0, 128.0, 192.0)
#: Share of the colors' weight that must lie within _OUTLIER of the fitted blend for a
#: framed fit (``framed=True``) to judge it by those colors alone: a figure's frame,
#: ticks and labels (8-10 % of the shown pixels of a 300 px figure with a colorbar) sit
#: 100-160 DN off both the blend and the map, and capped at _OUTLIER they made the RMS
#: (seismic / RdBu_r at alpha 0.8 over white, imshow's default resampling: 5.9-6.7 DN
#: over all, 2.1-2.7 over the rest) and the opaque map's (8-10.2 DN over all, 7.3-10.7
#: over the rest) alike, and the blend did not win by _BETTER.
_FRAMED_NEAR = 0.5


def check_alpha(alpha: Any) -> float | None:
    """``alpha`` as a float in (0, 1) (None for None or an opaque 1.0).

    Examples
    --------
    >>> check_alpha(0.7), check_alpha(1), check_alpha(None)
    (0.7, None, None)
    """
    import numbers

    from truepix._validate import described

    if alpha is None:
        return None
    # (a string or a bool is no opacity, though float() takes "0.5" and True)
    number = isinstance(alpha, numbers.Real) and not isinstance(alpha, bool | np.bool_)
    value = float(alpha) if number else float("nan")
    if not 0.0 < value <= 1.0:
        msg = f"expected alpha in (0, 1] (matplotlib's opacity of the map), got {described(alpha)}"
        raise InputError(msg)
    return None if value == 1.0 else value


def face_bytes(facecolor: Any, alpha: Any = 0.5) -> np.ndarray:
    """The axes' facecolor (a matplotlib color; None: white) as opaque RGB bytes, as
    Agg fills it; ``alpha`` is the opacity the caller gave with it (a facecolor
    without alpha says nothing).

    Examples
    --------
    >>> face_bytes("white").tolist(), face_bytes("0.5").tolist(), face_bytes("#dde3ea").tolist()
    ([255, 255, 255], [128, 128, 128], [221, 227, 234])
    """
    if facecolor is None:
        return np.full(3, 255, np.int64)
    if alpha is None:
        msg = (
            f"expected alpha (the map's opacity) with facecolor, got facecolor={facecolor!r}"
            " alone; hint: pass alpha=0.7 (say) as the map was drawn"
        )
        raise InputError(msg)
    import matplotlib.colors as mcolors

    try:
        rgba = mcolors.to_rgba(facecolor)
    except (TypeError, ValueError):
        rgba = None
    if rgba is None or rgba[3] != 1.0:
        msg = (
            "expected facecolor an opaque matplotlib color ('white', '0.5', '#eaeaf2',"
            f" (r, g, b) in [0, 1]), got {facecolor!r}"
        )
        raise InputError(msg)
    return np.floor(np.array(rgba[:3]) * 255 + 0.5).astype(np.int64)


def agg_over(colors: np.ndarray, alpha_byte: Any, background: np.ndarray) -> np.ndarray:
    """Bytes Agg paints for ``colors`` (uint8 RGB) at ``alpha_byte`` over ``background``.

    Examples
    --------
    >>> agg_over(np.array([[68, 1, 84]]), 178, np.array([255, 255, 255])).tolist()
    [[124, 78, 135]]
    """
    c = np.asarray(colors, dtype=np.int64)
    a = np.asarray(alpha_byte, dtype=np.int64)
    b = np.asarray(background, dtype=np.int64) * 255
    return (((c * 256 - b) * a + b * 256) // (255 * 256 + a)).astype(np.uint8)


def blended_entry(entry: ColormapEntry, alpha: float, background: np.ndarray) -> ColormapEntry:
    """``entry`` as Agg paints it at ``alpha`` over ``background`` (RGB bytes).

    Its ``lut_bytes`` is the image table (truncated bytes, ``floor(255 alpha)``),
    its ``lut_rounded`` the figure-face table (both rounded), its ``lut`` the exact
    blend (for float pictures).

    Examples
    --------
    >>> from truepix.color._catalog import get
    >>> blend = blended_entry(get("viridis"), 0.7, np.array([255, 255, 255]))
    >>> blend.lut_bytes[0, :3].tolist(), blend.lut_rounded[0, :3].tolist()
    ([124, 78, 135], [124, 77, 135])
    """
    under = np.asarray(background, dtype=np.float64) / 255.0
    lut = entry.lut.copy()
    lut[:, :3] = alpha * lut[:, :3] + (1.0 - alpha) * under
    lut[:, 3] = 1.0
    made = ColormapEntry(entry.name, lut, entry.source, cyclic=entry.cyclic,
                         discrete=entry.discrete, indexed=entry.indexed)  # fmt: skip
    tables = {
        "lut_bytes": agg_over(entry.lut_bytes[:, :3], int(alpha * 255), background),
        "lut_rounded": agg_over(
            entry.lut_rounded[:, :3], int(np.floor(alpha * 255 + 0.5)), background
        ),
    }
    for name, rgb in tables.items():
        table = np.concatenate([rgb, np.full((len(rgb), 1), 255, np.uint8)], axis=1)
        table.flags.writeable = False
        object.__setattr__(made, name, table)  # as __post_init__ sets them
    return made


def translucent(pixels: np.ndarray, scale: float) -> np.ndarray:
    """Mask of (..., 4) pixels neither transparent nor opaque (a figure saved with
    ``transparent=True``)."""
    if pixels.shape[-1] != 4:
        return np.zeros(pixels.shape[:-1], bool)
    alpha = pixels[..., 3]
    return (alpha > 0) & (alpha < 255.0 / scale)


def composited(pixels: np.ndarray, scale: float, background: np.ndarray) -> np.ndarray:
    """``pixels`` with its translucent ones composited over ``background`` as Agg
    does (opaque afterwards); the same array when none is translucent.

    ``scale`` maps the pixels' units to 8-bit DN (``as_pixels``): uint8 pixels are
    composited in Agg's integers, others in floats.
    """
    mask = translucent(pixels, scale)
    if not mask.any():
        return pixels
    out = pixels.copy()
    part = pixels[mask]
    if pixels.dtype == np.uint8:
        out[..., :3][mask] = agg_over(part[:, :3], part[:, 3:4], background)
        out[..., 3][mask] = 255
        return out
    full = 255.0 / scale
    a = part[:, 3:4].astype(np.float64) / full
    rgb = a * part[:, :3] + (1.0 - a) * (background / scale)
    out[..., :3][mask] = rgb.astype(pixels.dtype)
    out[..., 3][mask] = full
    return out


@dataclass(frozen=True)
class Blend:
    """One (alpha, facecolor) that explains a picture's off-map colors.

    Examples
    --------
    >>> Blend(0.7, (255, 255, 255), 0.4, 0.99).advice()
    'alpha=0.7'
    >>> Blend(0.5, (128, 128, 128), 0.4, 0.99).advice()
    "alpha=0.5, facecolor='#808080'"
    """

    alpha: float
    facecolor: tuple[int, int, int]
    rms: float
    share: float

    def advice(self) -> str:
        """The keyword arguments to pass, as Python."""
        text = f"alpha={self.alpha:g}"
        if self.facecolor != (255, 255, 255):
            text += ", facecolor='#{:02x}{:02x}{:02x}'".format(*self.facecolor)
        return text

    def over(self) -> str:
        """The background in words."""
        return "white" if self.facecolor == (255, 255, 255) else "#{:02x}{:02x}{:02x}".format(
            *self.facecolor
        )


def fitted_blend(
    colors: np.ndarray, counts: np.ndarray, entry: ColormapEntry, *, loose: bool = False,
    framed: bool = False,
) -> Blend | None:  # fmt: skip
    """The (alpha, facecolor) under which ``entry``'s table explains ``colors``
    ((K, 3) RGB in DN, seen ``counts`` times), or None; ``loose`` takes the
    limits of a compressed picture (_LOOSE_RMS, _LOOSE_REACH). ``framed``: the colors
    are all of a picture's shown ones, which a screen found a blend explains
    (``_screen.blend_explained``), frame and text included: the blend is judged by the
    colors within _OUTLIER of it (at least _FRAMED_NEAR of the weight), which the
    frame's are not.

    Each color is assigned its nearest blended table color and ``alpha`` and the
    offset ``(1 - alpha) * facecolor`` are solved by least squares (four unknowns),
    a few rounds from each starting alpha over white; a white, black or gray
    face that fits about as well is preferred (a blend's colors pin the face down
    loosely), and when the picture holds Agg's exact blends, the alpha and gray
    level whose table holds the most of them are taken (:func:`_exact_snap`).
    """
    filled = counts >= FILL_SHARE * counts.sum()  # (a fill: one color pins no blend)
    colors, counts = colors[~filled], counts[~filled]
    if len(colors) < 2:
        return None
    order = np.argsort(counts)[::-1][:_FIT_COLORS]
    y, weight = colors[order].astype(np.float64), counts[order].astype(np.float64)
    table = entry.lut_bytes[:, :3].astype(np.float64)
    fits = []
    for start in _ALPHA_STARTS:
        for face in (None, *_GRAY_FACES):
            fits.append(_fit(y, weight, table, float(start), face))
    fits = [fit for fit in fits if fit is not None]
    if not fits:
        return None
    free = min(fits, key=lambda fit: fit[2])
    gray = _fit(y, weight, table, free[0], float(np.clip(np.mean(free[1]), 0, 255)))
    fixed = [fit for fit in fits + [gray] if fit is not None and fit[3]]
    simple = min(fixed, key=lambda fit: fit[2]) if fixed else None
    chosen = simple if simple is not None and simple[2] <= 1.15 * free[2] + 0.3 else free
    alpha, face, rms, _ = chosen
    reach, most, least_share, better = (
        (_LOOSE_REACH, _LOOSE_RMS, _LOOSE_SHARE, _LOOSE_BETTER) if loose
        else (_FIT_REACH, _MAX_FIT_RMS, _FIT_SHARE, _BETTER)
    )  # fmt: skip
    blended = _distance(y, alpha * table + (1 - alpha) * face)
    if framed and weight[blended <= _OUTLIER].sum() >= _FRAMED_NEAR * weight.sum():
        near = blended <= _OUTLIER  # (not the frame, ticks and labels)
        y, weight, blended = y[near], weight[near], blended[near]
        rms = float(np.sqrt((weight * blended**2).sum() / weight.sum()))
    share = float(weight[blended <= reach].sum() / weight.sum())
    capped = np.minimum(_distance(y, table), _OUTLIER)
    opaque = float(np.sqrt((weight * capped**2).sum() / weight.sum()))
    if loose and (np.ptp(face) > _LOOSE_TINT or alpha < _LOOSE_ALPHA):
        return None
    if rms > most or share < least_share or rms > better * opaque:
        return None  # a noisy opaque picture: the map itself explains it about as well
    alpha, face = _exact_snap(y, weight, entry, alpha, face)
    rounded = np.clip(np.rint(face), 0, 255).astype(int)
    rms = min(rms, _snapped_rms(y, weight, entry, alpha, rounded))
    return Blend(alpha, (int(rounded[0]), int(rounded[1]), int(rounded[2])), rms, share)


def _snapped_rms(
    y: np.ndarray, weight: np.ndarray, entry: ColormapEntry, alpha: float, face: np.ndarray
) -> float:
    """Weighted RMS distance (DN, capped at _OUTLIER) of the colors to Agg's two tables
    of ``entry`` at ``alpha`` over ``face``: an exact picture of the blend leaves 0
    where the least squares' continuous blend left 1.5-3 DN (a diverging map over
    white, whose blends crowd near its middle colors: coolwarm at alpha 0.8)."""
    tables = np.concatenate([
        agg_over(entry.lut_bytes[:, :3], int(alpha * 255), face),
        agg_over(entry.lut_rounded[:, :3], int(np.floor(alpha * 255 + 0.5)), face),
    ]).astype(np.float64)  # fmt: skip
    distance = np.minimum(_distance(y, tables), _OUTLIER)
    return float(np.sqrt((weight * distance**2).sum() / weight.sum()))


def _squared(y: np.ndarray, fitted: np.ndarray) -> np.ndarray:
    """(K, N) squared distances of colors to table colors (one matrix product)."""
    return (y**2).sum(1)[:, None] - 2.0 * (y @ fitted.T) + (fitted**2).sum(1)[None, :]


def _distance(y: np.ndarray, fitted: np.ndarray) -> np.ndarray:
    return np.sqrt(np.maximum(_squared(y, fitted).min(axis=1), 0.0))


def _fit(
    y: np.ndarray, weight: np.ndarray, table: np.ndarray, alpha: float, face: float | None
) -> tuple[float, np.ndarray, float, bool] | None:
    """(alpha, face RGB, weighted RMS, whether the face was fixed) from one start;
    ``face`` fixes a gray face, None frees it. Colors past _OUTLIER DN from the
    current blend (a frame, text) leave the next round's least squares."""
    under = np.full(3, 255.0 if face is None else face)
    for round_ in range(4):
        fitted = alpha * table + (1.0 - alpha) * under
        squared = _squared(y, fitted)
        nearest = table[np.argmin(squared, axis=1)]
        near = squared.min(axis=1) <= _OUTLIER**2
        used = weight * near if round_ and weight[near].sum() >= 0.5 * weight.sum() else weight
        if face is None:
            alpha, offset = _least_squares(nearest, y, used)
            if not 0.02 < alpha < 0.99:
                return None
            under = offset / (1.0 - alpha)
        else:
            lifted = nearest - under
            spread = float((used[:, None] * lifted**2).sum())
            alpha = float((used[:, None] * lifted * (y - under)).sum() / max(spread, 1e-9))
            if not 0.02 < alpha < 0.99:
                return None
    if np.any(under < -8) or np.any(under > 263):
        return None  # no opaque color lies under it
    # capped: a frame or text costs a bounded amount (as identify_colormap's cost)
    distance = np.minimum(_distance(y, alpha * table + (1.0 - alpha) * under), _OUTLIER)
    rms = float(np.sqrt((weight * distance**2).sum() / weight.sum()))
    return alpha, np.clip(under, 0, 255), rms, face is not None


def _exact_snap(
    y: np.ndarray, weight: np.ndarray, entry: ColormapEntry, alpha: float, face: np.ndarray
) -> tuple[float, np.ndarray]:
    """The alpha (as few decimals as give its byte) and face whose Agg table holds
    the most of the colors exactly, near the fit (each channel's face value chosen
    on its own: Agg blends channels apart); the fit, rounded, when no table holds
    most of them (a JPEG'd picture)."""
    pixels = y.astype(np.int64)
    codes = pixels[:, 0] * 65536 + pixels[:, 1] * 256 + pixels[:, 2]
    windows = [sorted({0, 255, *range(max(int(v) - 8, 0), min(int(v) + 9, 256))}) for v in face]
    grays = sorted({0, 255, *range(max(int(face.mean()) - 8, 0), min(int(face.mean()) + 9, 256))})
    best, best_share = (round(alpha, 2), np.rint(face)), 0.5
    for colors, alpha_byte in ((entry.lut_bytes, np.floor), (entry.lut_rounded, np.rint)):
        centre = int(alpha_byte(alpha * 255))
        for a8 in range(max(centre - 8, 1), min(centre + 9, 255)):
            own = np.zeros(3, np.int64)
            for channel, window in enumerate(windows):
                made = agg_over(colors[:, channel], a8, np.array(window)[:, None])  # (F, N)
                hits = [weight[np.isin(pixels[:, channel], row)].sum() for row in made]
                own[channel] = window[int(np.argmax(hits))]
            found = _alpha_of(a8, alpha_byte is np.floor)
            for under in [own, *(np.full(3, g) for g in grays)]:
                made = agg_over(colors[:, :3], a8, under).astype(np.int64)
                keys = made[:, 0] * 65536 + made[:, 1] * 256 + made[:, 2]
                share = float(weight[np.isin(codes, keys)].sum() / weight.sum())
                # near-ties (a low alpha blends several faces alike): the common
                # face and the alpha people type win
                share += 0.01 * (np.ptp(under) == 0) + 0.01 * bool(np.all(under % 255 == 0))
                share += 0.005 * (round(found, 2) == found)
                if share > best_share:
                    best, best_share = (found, under), share
    return best[0], np.asarray(best[1], dtype=np.float64)


def _alpha_of(a8: int, truncated: bool) -> float:
    """The shortest decimal alpha matplotlib turns into the alpha byte ``a8``."""
    for digits in (1, 2, 3, 4):
        for candidate in np.round(np.arange(a8 - 1, a8 + 2) / 255, digits):
            byte = int(np.floor(candidate * 255 + (0.0 if truncated else 0.5)))
            if byte == a8 and 0 < candidate < 1:
                return float(candidate)
    return a8 / 255


def _least_squares(table: np.ndarray, y: np.ndarray, weight: np.ndarray) -> tuple[float, Any]:
    """Weighted least squares of ``y = alpha * table + offset`` (shared alpha,
    an offset per channel)."""
    total = weight.sum()
    mean_t = (weight[:, None] * table).sum(0) / total
    mean_y = (weight[:, None] * y).sum(0) / total
    centred = table - mean_t
    spread = float((weight[:, None] * centred**2).sum())
    if spread < 1e-9:
        return 0.0, mean_y
    alpha = float((weight[:, None] * centred * (y - mean_y)).sum() / spread)
    return alpha, mean_y - alpha * mean_t

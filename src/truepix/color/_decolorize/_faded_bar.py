"""A figure's colorbar drawn with alpha: the map faded over white, told by the bar.

``ax.imshow(data, cmap=..., alpha=a)`` with ``fig.colorbar(im)`` draws the bar at the
same alpha (matplotlib's ``Colorbar`` takes the mappable's), so the bar shows ``a *
map(s) + (1 - a) * white`` at each position ``s`` along it, where an opaque figure's bar
shows ``map(s)``. Decoded without ``alpha``, a map through white (bwr, seismic, RdBu_r,
coolwarm, PiYG, RdYlBu, Spectral) lands most of its faded colors on its own lighter
colors -- bwr every one of them: drawn at ``a`` it paints ``bwr(0.5 + a * (s - 0.5))``,
so no test of the colors alone can tell it (``_faded``'s docstring) -- and the picture
decodes with few or no NaN to values 4-10 % of the range off, silently. The bar tells
it: it holds the whole map from its low end to its high end, so its colors, taken in
order along it, are the map's -- or the map's faded by ``a``, which a least-squares fit
of ``bar - 255 = a * (map - 255)`` reads in one step.

:func:`faded_bar_advice` looks for the bar (:func:`truepix.find_colorbar`, 65-100 ms
of CPU on a 640 x 480 figure) only in a figure -- a picture framed by light neutral paper
(``_backdrop``'s border test, a few microseconds; a plain picture of data runs its
colors to its border) -- and names the alpha where the faded bar explains the bar's
colors clearly better than the map itself (MOST_ALPHA, CLEAR, GAIN). A figure without
a colorbar, and a plain picture, are left to ``_faded`` and the blend fits (bwr's
among them cannot be told at all).
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["bar_fit", "faded_bar_advice"]

#: Pixels (a 640 x 480 figure and up to 724 x 724) the bar is looked for in at full
#: resolution; a larger picture is read at every n-th row and column. (A JPEG'd bar
#: 10 px wide, read at every other pixel, was found cut to a fifth of its length.)
BAR_PIXELS = 1 << 19
#: Pixels within END_NEAR DN (each channel) of each telling end color of the map that
#: show an opaque bar's two ends, whose figure is not searched for a bar: opaque 640 x 480
#: figures with a bar (14 maps; counted within 12 DN, Euclidean) hold 19-62 on PNG, 0-26 on
#: JPEG q75 / q90 (one end lost on 5 maps: searched, in vain); maps drawn at alpha 0.9
#: and 0.5 hold none at one end. The scan costs 1-3 ms of CPU on 640 x 480.
END_NEAR, END_PIXELS = 8, 3
#: An end color tells only where fading moves it and nothing else poses as it: its
#: lowest channel at most END_FADES (alpha 0.9 over white moves it END_NEAR DN or more),
#: its highest END_DARK at least (JPEG'd black frame lines and text beside a blue bar
#: held 46-168 pixels within END_NEAR of seismic's dark navy end, faded or not). A map
#: with no telling end (gray, magma: black and white, or near them) is searched
#: for its bar in every figure (65 ms of CPU on 640 x 480).
END_FADES, END_DARK = 175, 100
#: Colors the found bar must hold for its fit to say anything.
MIN_COLORS = 32
#: Share of the bar's length left out at each end (its outline, JPEG's ringing there).
END_TRIM = 0.04
#: Alpha past which the faded bar is the map itself, nearly (not named): opaque figures'
#: bars (bwr, seismic, PiYG, RdYlBu, viridis, jet; 400 x 300 px, PNG, JPEG q75 / q90)
#: fit 0.966-0.997; drawn at alpha 0.9, 0.868-0.898.
MOST_ALPHA = 0.95
#: The faded bar's RMS distance (DN) to the bar's colors at most CLEAR of the map's own,
#: and GAIN DN less. Opaque figures (as above): ratio 0.55-1.0, gain 0.1-3.1 DN (PiYG
#: q75: 4.4 against 7.5); drawn at alpha 0.5-0.9: ratio 0.01-0.3, gain 14-145 DN.
CLEAR, GAIN = 0.6, 8.0
#: How far (DN) a free fit's offset may fall short of (or past) white's for the faded
#: bar to be over white: bars of 6 maps drawn at alpha 0.5 / 0.9 (PNG, q75) fall
#: -2.5..4.0 DN short; opaque figures shifted to TV range 16-235 with gamma 1.18
#: (viridis fit 0.86-0.9 over white within CLEAR) 13-18.7.
WHITE_SHORT = 8.0


def bar_fit(colors: np.ndarray, table: np.ndarray) -> tuple[float, float, float, float]:
    """(alpha, faded RMS, opaque RMS, shortfall): the alpha over white under which
    ``table`` ((N, 3) bytes, low end first) taken at even positions explains ``colors``
    ((L, 3), low end first) by least squares, its RMS distance (DN), the table's own, and
    how far (DN) the offset ``(1 - alpha) * face`` of a free fit (alpha and a gray face
    both free) falls short of white's.

    Examples
    --------
    >>> table = np.stack([np.linspace(0, 255, 256)] * 3, axis=1)  # gray
    >>> colors = 0.8 * table[::3] + 0.2 * 255  # (every third entry: 0 ... 255)
    >>> [round(x, 3) + 0.0 for x in bar_fit(colors, table)]
    [0.8, 0.0, 50.266, 0.0]
    """
    colors = np.asarray(colors, np.float64)
    count = len(colors)
    cut = int(round(END_TRIM * count))
    at = np.linspace(0.0, 1.0, count)[cut : count - cut]
    colors = colors[cut : count - cut]
    index = np.arange(len(table))
    expected = np.stack([np.interp(at * (len(table) - 1), index, table[:, c]) for c in range(3)], 1)
    x, y = expected - 255.0, colors - 255.0
    alpha = float((x * y).sum() / max((x * x).sum(), 1e-9))
    faded = float(np.sqrt(((y - alpha * x) ** 2).sum(1).mean()))
    opaque = float(np.sqrt(((colors - expected) ** 2).sum(1).mean()))
    design = np.stack([expected.ravel(), np.ones(expected.size)], axis=1)
    (slope, offset), *_ = np.linalg.lstsq(design, colors.ravel(), rcond=None)
    return alpha, faded, opaque, float((1.0 - slope) * 255.0 - offset)


def faded_bar_advice(decoder: Any, image: Any) -> str | None:
    """Advice naming the alpha at which ``decoder``'s map drawn over white explains the
    colors of the picture's colorbar clearly better than the map itself (see the
    module's docstring), or None: no bar, a bar of another map, a decoder with an alpha."""
    from truepix.color._decolorize._translucent import Blend
    from truepix.color._identify._colorbar import find_colorbar

    if getattr(decoder, "alpha", None) is not None or isinstance(decoder, str):
        return None
    pixels = np.asarray(np.ma.getdata(image))
    if pixels.dtype != np.uint8 or pixels.ndim != 3 or pixels.shape[-1] not in (3, 4):
        return None
    if not _on_paper(pixels):
        return None  # (a plain picture of data: no figure, no bar)
    table = decoder._map.lut_bytes[:, :3].astype(np.float64)
    if _holds_ends(pixels, table):
        return None  # (an opaque bar's ends: the common figure pays a scan, not the finder)
    step = max(1, int(np.ceil(np.sqrt(pixels.shape[0] * pixels.shape[1] / BAR_PIXELS))))
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # (the finder's doubt is not the user's)
        bar = find_colorbar(pixels[::step, ::step])
    if bar is None or len(bar.colors) < MIN_COLORS:
        return None
    colors = np.asarray(bar.colors, np.float64)[:, :3]
    fits = [bar_fit(colors, table), bar_fit(colors[::-1], table)]
    alpha, faded, opaque, short = min(fits, key=lambda fit: min(fit[1], fit[2]))
    if not 0.05 < alpha <= MOST_ALPHA or faded > CLEAR * opaque or opaque - faded < GAIN:
        return None
    if abs(short) > WHITE_SHORT:
        return None  # (a shift, not a fade over white: TV range 16-235 fit viridis 0.86)
    blend = Blend(round(alpha, 2), (255, 255, 255), faded, 1.0)
    return (
        f"they look like {decoder.cmap!r} drawn at alpha={blend.alpha:.2f} over"
        f" {blend.over()} (the picture's colorbar: {faded:.1f} DN from its colors, {opaque:.1f}"
        f" DN for the map itself): pass {blend.advice()}"
    )


def _holds_ends(pixels: np.ndarray, table: np.ndarray) -> bool:
    """Whether ``pixels`` hold END_PIXELS within END_NEAR DN of each telling end of
    ``table`` (END_FADES, END_DARK); False where neither end tells."""
    rgb = pixels[..., :3]
    ends = [end for end in (table[0], table[-1]) if end.min() <= END_FADES and end.max() >= END_DARK]
    for end in ends:
        near = np.ones(rgb.shape[:2], bool)
        for c in range(3):
            near &= np.abs(rgb[..., c].astype(np.int16) - int(round(end[c]))) <= END_NEAR
        if np.count_nonzero(near) < END_PIXELS:
            return False
    return bool(ends)


def _on_paper(pixels: np.ndarray) -> bool:
    """Whether ``pixels`` (uint8 RGB(A)) are framed by one light neutral color, a
    figure's paper (``_backdrop``'s border test)."""
    from truepix._shares import LIGHT, NEUTRAL
    from truepix.color._decolorize._backdrop import _border_color

    if min(pixels.shape[:2]) < 3:
        return False
    color = _border_color(pixels, 1.0)
    return color is not None and color.min() >= LIGHT and np.ptp(color) <= NEUTRAL

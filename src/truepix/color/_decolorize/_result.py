"""What :meth:`~truepix.Decolorizer.decode` returns: :class:`DecolorizeResult`."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from truepix._shares import off_shown, percent, shown_pixels
from truepix.color._decolorize._better import better_fit, better_map, named

__all__ = ["DecolorizeResult", "better_map", "blend_advice", "warn_decoded", "warn_off_map"]

_JUDGED = 1024  # pixels a picture needs before its share off the map says anything
#: ... unless nearly all of them are off it: SMALL_OFF of SMALL_JUDGED pixels at least
#: (a 16x16 picture of random colors, 88 % NaN, got no warning where a 64x64 one did;
#: a 5x5 crop of a seaborn cell with its label, 57 %, or of empty hist2d bins, light
#: and not counted, stays quiet).
SMALL_JUDGED, SMALL_OFF = 100, 0.8
#: Noise sigma (DN) past which a picture that decoded is checked for a map drawn
#: with alpha: alpha >= 0.8 blends and 0.7 over black or gray stay within the
#: adaptive threshold, posing as noise of 8-25 DN (viridis, imshow PNGs); Gaussian
#: noise of 3 DN and JPEG q50 estimate below it.
SUSPECT_NOISE = 4.0
#: SUSPECT_NOISE for a picture judged JPEG'd: JPEG's own error estimates as noise of
#: 4-8.3 DN on saturated maps (q30-q90 of matplotlib's continuous maps on fBm terrain:
#: jet 8.3, turbo 7.9, hsv 7.2; viridis 5.5; half of all such pictures past 4 DN),
#: where the full check cost 50 ms per megapixel and named nothing. Between the two,
#: a JPEG'd picture is checked for a blend only when BLEND_EXPLAINED says one is
#: there (translucent maps JPEG'd estimate 4.7-25 DN), and for another map not at all:
#: wrong maps estimate 15-24 DN, and near twins that estimate less (hot as gist_heat
#: 6.8-8.5, Spectral as RdYlBu 5.7-7.0) leave 28-41 % NaN and are checked by that
#: share (SUSPECT_OFF).
SUSPECT_NOISE_JPEG = 10.0
#: Share of the capped squared distance of a picture's colors to the map that the best
#: of a few fixed blends, refined (``_screen.blend_explained``), removes, past which a
#: picture that decoded is fitted for a blend: opaque pictures of 19 maps (exact, JPEG
#: q50-q95, bilinear 0.33-2x, noise 1-3 DN, 256 px fBm) 0.31 at most (bwr, itself a
#: blend); the maps drawn at alpha 0.5-0.85 over white, black and grays 64-192, PNG
#: and JPEG q75, 0.4 and more for 551 of 570 (at 0.95, 101 of 190). Where it runs: a
#: JPEG'd picture under SUSPECT_NOISE_JPEG, and a quiet one with NaN under SUSPECT_OFF.
BLEND_EXPLAINED = 0.4
#: Share of the shown pixels off the map past which a quiet picture (noise below
#: SUSPECT_NOISE) is checked for a translucent map and a map that fits far better: a
#: near twin of the drawn map keeps most pixels within the threshold (hot decoded as
#: afmhot: 44 % NaN, exact PNG; as gist_heat under noise sigma 3: 37 %, the rest 6-14 %
#: of the range off). Right maps under real annotations (text, lines, a label box;
#: PNG and JPEG) leave 9-17 % off, and the check names nothing for them.
SUSPECT_OFF = 0.2
#: Off-map pixels (seeded sample) an alpha fit reads: its four unknowns and Agg's
#: exact blends (about 256 colors) need far fewer; every pixel cost 0.6 s per 1 MP.
ADVICE_SAMPLE = 20_000
#: Distinct colors an off-map sample holds at most where the picture only recolors the
#: map's table (no JPEG, noise or resampling): its two tables' 512. A blend explains such
#: colors within RECOLORED_RMS DN (Agg's exact blends and rounded ones leave under 1) or
#: not at all, and is not fitted loosely: Display-P3 screenshots (213 colors) fitted
#: viridis at 0.76 over #b4b4b4 loosely (RMS 13 DN) and coolwarm at 0.83 over #d5d5d5
#: tightly (RMS 3.6); small JPEG'd blends (48-64 px, q75-q90) hold 2000-3900.
RECOLORED, RECOLORED_RMS = 512, 1.5


@dataclass(frozen=True)
class DecolorizeResult:
    """Everything :meth:`Decolorizer.decode` learns about a picture.

    Attributes
    ----------
    values : ndarray, float64
        The data, shape of the image without its channel axis; NaN where a pixel
        is not a colormap color.
    residual : ndarray, float32
        RGB distance (DN) from each pixel to the closest point of the colormap
        (the polyline through its colors), in quarter-DN steps, saturating at
        127.25; NaN where alpha rejected the pixel. It is each pixel's own distance,
        whether or not ``values`` is NaN there (see ``threshold``).
    ambiguous : ndarray, bool
        True where a clearly different part of the map matches about as well
        (non-injective maps such as ``flag`` or ``prism``), and on every color
        several table entries share (jet's pure blue, gray's repeated bytes):
        a run of such entries comes back in the middle of its bins, at most
        half the run's width from the truth.
    noise : float
        Estimated noise sigma of the picture, DN (0 for exact renders).
    threshold : float
        Residual (DN) above which pixels were set to NaN -- on pictures not JPEG'd.
        On a JPEG'd one (``jpeg``) it is no such bound: a pixel past it (or past
        20 DN, on 4:2:0) is only a candidate, NaN where JPEG's model of the map and
        the stroke rules find it part of a stroke (a core of such pixels that is no
        lone miss on texture, strung along a line, or an ink beyond the map's luma),
        and data otherwise -- blends of map colors, JPEG's misses on texture -- so
        valid pixels may lie past it and NaN ones within it.
    jpeg : bool
        Whether the picture looked JPEG'd (4:2:0 chroma), so that positions came
        from a luma-weighted distance.
    shift : ColorShift or None
        The curve (a gamma, TV range 16-235, a brightness change) that moved every color
        of the picture, undone before decoding (``str(shift)`` names it); None if none.
    dithered : bool
        Whether the picture looked like a dithered palette picture (``Image.convert("P")``'s
        web palette with Floyd-Steinberg error diffusion, a dithered GIF): its pixels
        alternate between palette colors whose local mean is the map color, so values
        come from the 3x3 means (a pixel on the map keeps its own palette neighbours'
        range) and ``residual`` is the means' distance to the map.
    denoised : bool
        Whether the spatial filter ran.
    under, over : ndarray, bool
        True where a pixel is the map's under (over) color -- a ``Colormap`` given
        with its own extend colors (``cm.with_extremes(over="magenta")``): data
        below ``vmin`` (above ``vmax``), censored at that bound, so ``values``
        holds ``vmin`` (``vmax``) there, as ``Normalize(clip=True)`` would. Such
        pixels are neither NaN nor ``ambiguous``. Shape of ``values``; all False
        for a map whose over and under colors are its end colors.

    For a dask picture the arrays are lazy dask arrays and the five judgements
    0-d dask arrays (the largest noise and threshold, any chunk JPEG'd, denoised
    or dithered), computed chunk by chunk on the workers.
    """

    values: np.ndarray
    residual: np.ndarray
    ambiguous: np.ndarray
    noise: float
    threshold: float
    jpeg: bool
    denoised: bool
    under: np.ndarray = field(default_factory=lambda: np.empty(0, bool))
    over: np.ndarray = field(default_factory=lambda: np.empty(0, bool))
    #: how many ``values`` are NaN where the decode counted them (-1: not counted);
    #: internal, so the decoder skips looking for NaN where it knows there is none
    n_nan: int = field(default=-1, repr=False, compare=False)
    #: the picture fits the map far better with red and blue swapped (``cv2.imread``'s
    #: BGR; ``_swapped``); internal, for ``decolorize``'s warning
    bgr: bool = field(default=False, repr=False, compare=False)
    #: a dithered palette picture, decoded from its local means (``_dither``)
    dithered: bool = False
    #: the advice on extend colors a plain name lacks (``_extend_found``), "" where the
    #: decode looked for them and found none, None where it did not look; internal
    extends: str | None = field(default=None, repr=False, compare=False)
    shift: Any = None  # (a ``_shift.ColorShift``)
    #: a whole figure's flat background, made NaN (``_backdrop``): no data, which the
    #: warnings do not count as off the map; internal
    backdrop: np.ndarray | None = field(default=None, repr=False, compare=False)

    @property
    def valid(self) -> np.ndarray:
        """True where a value was recovered."""
        return ~np.isnan(self.values)

    def first(self) -> DecolorizeResult:
        """The result of a one-picture stack ``(1, ...)`` as the picture's own."""
        parts = {name: getattr(self, name) for name in ("residual", "ambiguous", "under", "over")}
        parts = {name: part[0] if part.size else part for name, part in parts.items()}
        return replace(self, values=self.values[0], **parts)


def stacked(results: list[DecolorizeResult]) -> DecolorizeResult:
    """One result for a stack of pictures decoded each on its own (``(N, H, W, 3|4)``:
    frames of a video, tiles, pages): each part stacked along a new first axis, the
    judgements as a dask picture's chunks give them (the largest noise and threshold,
    any frame JPEG'd, denoised or dithered). Passed whole, the stack was decoded pixel
    by pixel, without the spatial steps: 20 JPEG'd frames at q75, 0.19-0.22 % NaN and
    1.22-1.32x the k-d tree's error, where frame by frame they came back with none at
    0.82-0.86x (a new-user trial)."""
    first = results[0]
    parts = {}
    for name in ("values", "residual", "ambiguous", "under", "over"):
        arrays = [getattr(result, name) for result in results]
        parts[name] = np.stack(arrays) if all(a.size for a in arrays) else getattr(first, name)
    counts = [result.n_nan for result in results]
    return replace(
        first, **parts, noise=max(r.noise for r in results),
        threshold=max(r.threshold for r in results), jpeg=any(r.jpeg for r in results),
        denoised=any(r.denoised for r in results), dithered=any(r.dithered for r in results),
        bgr=any(r.bgr for r in results), n_nan=-1 if min(counts) < 0 else sum(counts),
        extends=next((r.extends for r in results if r.extends), first.extends),
        shift=next((r.shift for r in results if r.shift is not None), None),
    )  # fmt: skip


def warn_decoded(result: DecolorizeResult, image: Any, decoder: Any) -> DecolorizeResult:
    """``result``, after the warnings every public decode gives (:func:`warn_off_map`):
    a wrong ``cmap`` (and the map that fits far better), a map drawn with alpha, a
    BGR picture, a map no catalog holds decoded as its nearest (``_poor_fit``).
    :func:`truepix.decolorize`, ``Decolorizer.values`` and
    ``Decolorizer.decode`` call it; internal decodes (``Decolorizer._run``: figures,
    dask chunks) stay quiet. A Pillow palette image (GIF, ``quantize``) is judged by its
    colors, as it was decoded: its indices read as a gray picture, which 'gray' fits."""
    from truepix._validate import palette_colors

    image = palette_colors(image)
    if result.shift is not None:  # (what was decoded is not the picture as given: no advice)
        from truepix.color._decolorize._faded_bar import faded_bar_advice
        from truepix.color._decolorize._shift import warn_shifted

        # ... but for a figure whose colorbar is the map faded: a map through white drawn
        # with alpha and JPEG'd posed as a gamma shift (seismic at alpha 0.9, q75: "gamma
        # ~1.18, range 32-243" undone, values 1.7 % off, no OffMapWarning)
        faded = None
        if not isinstance(decoder, str) and np.size(result.values) >= _JUDGED:
            faded = faded_bar_advice(decoder, image)
        if faded is not None and isinstance(result.values, np.ndarray):
            _warn_faded(result.values, image, decoder, result.n_nan, faded, 4)
            return result
        return warn_shifted(result, decoder, stacklevel=4)
    if result.backdrop is not None:  # (a figure's background: not data, not off the map)
        from truepix.color._decolorize._backdrop import hidden_backdrop

        image = hidden_backdrop(image, result.backdrop)
    advice = {"noise": result.noise, "n_nan": result.n_nan, "bgr": result.bgr, "jpeg": result.jpeg}
    advice.update(threshold=result.threshold, dithered=result.dithered, extends=result.extends)
    warn_off_map(result.values, image, decoder, stacklevel=4, **advice)
    if isinstance(result.values, np.ndarray) and result.values.size >= _JUDGED:
        from truepix.errors import OffMapWarning

        if not (result.jpeg or result.bgr or isinstance(decoder, str)) and result.values.ndim == 2:
            from truepix.color._decolorize._poor_fit import poor_fit_advice

            poor = poor_fit_advice(decoder, result.values, image, result.noise)
            if poor is not None:  # (a map no catalog holds, decoded as its nearest)
                warnings.warn(poor, OffMapWarning, stacklevel=3)
    return result


def _all_transparent(image: Any) -> bool:
    """Whether ``image`` is an RGBA array whose every alpha is 0."""
    if not isinstance(image, np.ndarray) or image.ndim < 3 or image.shape[-1] != 4:
        return False
    return not np.any(image[..., 3])


def warn_off_map(
    values: Any, image: Any, decoder: Any, *, noise: float = 0.0, n_nan: int = -1,
    bgr: bool = False, jpeg: bool = False, dithered: bool = False, stacklevel: int = 3,
    threshold: float = np.inf, extends: str | None = None,
) -> Any:  # fmt: skip
    """``values``, with an :class:`~truepix.errors.OffMapWarning` when most of the
    picture's pixels (> 50 %) came back NaN: the colors are mostly not the
    map's, so ``cmap`` is likely wrong. Pixels that are not data anyway --
    transparent, masked, or a figure's white background -- are not counted,
    and the off-map pixels must make a tenth of the picture at least; pictures
    of fewer than 1024 such pixels (a crop of one cell) are not judged.
    ``decoder`` is the :class:`~truepix.Decolorizer` (or the map's name). When the
    off-map colors are the map drawn translucent, the warning says which ``alpha``
    (and ``facecolor``) to pass (:func:`blend_advice`) -- also when they were close
    enough to decode, posing as noise (a ``noise`` estimate past SUSPECT_NOISE DN, or
    SUSPECT_NOISE_JPEG on a picture judged ``jpeg``: JPEG's own error poses as noise).
    ``n_nan``: how many values are NaN where the decode counted them
    (``DecolorizeResult.n_nan``; -1: not counted), so the values need no scan.
    ``bgr``: the picture fits the map far better with red and blue swapped
    (``DecolorizeResult.bgr``): the one warning says so, whatever came back NaN --
    such pictures decode mostly within the threshold, to wrong numbers.
    ``dithered``: the picture was decoded as a dithered palette's (``DecolorizeResult.dithered``);
    mostly NaN, such a picture (or one that looks dithered) is named so in the warning.
    Without alpha advice, a catalog map that fits the colors far better is named
    (:func:`better_map`). A quiet picture with fewer pixels off (SUSPECT_OFF of the
    shown ones, and the tenth of the whole) is checked alike, and warned about only
    when either advice names something: a near twin of the drawn map leaves most
    pixels within the threshold, while annotations leave NaN that no advice explains.
    A picture none of these warned about gets a last look for a map drawn with alpha
    over white (:func:`_plain_faded_warned`: a plain picture of a map through white,
    whose faded colors land near its own). ``threshold``: the decode's (``DecolorizeResult.threshold``; with ``n_nan`` 0 on a
    picture not ``jpeg``, at most ``_exact.EXACT_THRESHOLD``: no alpha check, see
    :func:`_on_map`). ``extends``: the decode's advice on the extend colors it found
    (``DecolorizeResult.extends``; "" none found, None: not looked for, looked for
    here). ``stacklevel``: the warnings' (3: the caller's caller).

    Examples
    --------
    >>> import numpy as np, warnings
    >>> picture = np.zeros((2, 2, 4), np.uint8)  # transparent: not data, no warning
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("error")
    ...     warn_off_map(np.full((2, 2), np.nan), picture, "viridis").shape
    (2, 2)

    ... but a large picture with no opaque pixel at all (a CMYK JPEG's K read as alpha)
    is named so:

    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     _ = warn_off_map(np.full((64, 64), np.nan), np.zeros((64, 64, 4), np.uint8), "jet")
    >>> str(caught[0].message)[:60]
    'every pixel of the picture is transparent (alpha 0), so all '
    """
    if not isinstance(values, np.ndarray) or values.size == 0:
        return values  # a dask array stays lazy
    if bgr:
        from truepix.errors import OffMapWarning

        cmap = decoder if isinstance(decoder, str) else decoder.cmap
        msg = (
            f"the picture's colors fit {cmap!r} far better with red and blue swapped, so its"
            " values are likely wrong: it looks like BGR (as cv2.imread returns): pass"
            " picture[..., ::-1] (decoded as given, not swapped)"
        )
        warnings.warn(msg, OffMapWarning, stacklevel=stacklevel)
        return values
    if values.size >= _JUDGED and _all_transparent(image):
        from truepix.errors import OffMapWarning

        msg = (
            f"every pixel of the picture is transparent (alpha 0), so all {values.size} values"
            " are NaN: if its 4 channels are CMYK (np.asarray of a CMYK JPEG), pass"
            " PIL.Image.open(path).convert('RGB') instead"
        )
        warnings.warn(msg, OffMapWarning, stacklevel=stacklevel)
        return values
    suspect = SUSPECT_NOISE_JPEG if jpeg else SUSPECT_NOISE
    named = not isinstance(decoder, str)
    # (a map drawn with alpha over white, read from smooth blocks: before the extend
    # test, whose flat ends its faded ends pose as)
    faded = None
    if named and values.size >= _JUDGED and not _on_map(jpeg, n_nan, threshold):
        faded = _faded(decoder, image)
    if faded is None and named and values.size >= _JUDGED:
        # (a figure whose colorbar is faded too: bwr's blends are its own colors, and
        # other maps through white decode mostly on the map, whatever the decode says)
        from truepix.color._decolorize._faded_bar import faded_bar_advice

        faded = faded_bar_advice(decoder, image)
    if faded is None and (n_nan != 0 or jpeg or noise >= 1.0 or extends) and _extend_warned(
        values, image, decoder, stacklevel + 1, jpeg, extends
    ):  # fmt: skip
        return values
    if faded is None and named and (jpeg or (n_nan == 0 and noise < 1.0)):
        _warn_levels(values, image, decoder, jpeg, stacklevel + 1)  # get_cmap(name, 8)'s
    quiet = not jpeg and 10 * n_nan < values.size  # (_offtable: exact renders only)
    if quiet and named and values.size >= _JUDGED:
        from truepix.color._decolorize._offtable import offtable_warned

        if offtable_warned(decoder, image, stacklevel + 1):
            return values  # (colors of an exact render, not the map's)
    if faded is not None:
        _warn_faded(values, image, decoder, n_nan, faded, stacklevel + 1)
        return values
    # (what no advice below explains: a plain picture of a map faded over white)
    last = (values, image, decoder, n_nan, jpeg, threshold, stacklevel + 1)
    if n_nan == 0 and noise < SUSPECT_NOISE:
        _plain_faded_warned(*last)
        return values  # (an exact picture: the common case)
    if n_nan < 0:
        n_nan = int(np.count_nonzero(np.isnan(values)))
        last = (values, image, decoder, n_nan, jpeg, threshold, stacklevel + 1)
    if 10 * n_nan < values.size and noise < SUSPECT_NOISE:
        # (the NaN-share warnings need a tenth of the whole off the map; a map drawn
        # with alpha may decode to all but a few NaN: a diverging one over white)
        if n_nan > 0 and not isinstance(decoder, str) and values.size >= _JUDGED:
            if not _screened_advice(decoder, values, image, stacklevel + 1):
                _plain_faded_warned(*last)
        else:
            _plain_faded_warned(*last)
        return values
    pixels, hidden, scale = shown_pixels(values, image)
    off, shown = off_shown(values, hidden, n_nan)
    # and a tenth of the whole at least (not a few JPEG ripples in a crop of background),
    # in a picture big enough to judge (a small crop of one cell may be mostly its label)
    judged = 10 * off >= values.size and (
        shown >= _JUDGED or (shown >= SMALL_JUDGED and off >= SMALL_OFF * shown))
    cmap = decoder.cmap if named else decoder
    if not judged and named and 2 * off > shown and 10 * off >= values.size:
        # too small to judge by its colors, but an alpha channel says it whatever the size
        advice = _alpha_advice(pixels, np.isnan(values) & ~hidden, scale)
        if advice is not None and getattr(decoder, "alpha", None) is None:
            _warn_nan_share(off, shown, cmap, advice, stacklevel + 1)
        return values
    mostly = judged and 2 * off > shown
    if mostly or (judged and off >= SUSPECT_OFF * shown and noise < suspect and named):
        # past SUSPECT_OFF: a near twin of the drawn map (or the map drawn translucent)
        # leaves most pixels within the threshold; legitimate annotations get no advice
        from truepix.color._decolorize._dither import dither_advice  # (loads numba)

        # (decoded as a dithered palette's: its pixels are no map colors, whatever the map)
        advice = dither_advice(pixels, True) if mostly and dithered else None
        if advice is None and mostly:  # (a second panel, with its own map)
            from truepix.color._decolorize._apart import apart_advice

            advice = apart_advice(values, hidden)
        if advice is None and named:  # (a continuous picture, a BoundaryNorm's few bins)
            from truepix.color._decolorize._between_bins import between_bins_advice

            advice = between_bins_advice(decoder, pixels, np.isnan(values) & ~hidden)
        if advice is None and named:
            advice = _off_advice(
                decoder, pixels, np.isnan(values) & ~hidden, ~hidden, scale, loose=mostly
            )  # fmt: skip
        if advice is None and mostly:  # (or one that looks dithered)
            advice = dither_advice(pixels, False) or (
                "is cmap right? truepix.identify_colormap(picture) names the closest maps")
        if advice is not None:
            _warn_nan_share(off, shown, cmap, advice, stacklevel + 1)
        else:
            _plain_faded_warned(*last)
    elif noise >= SUSPECT_NOISE and named and shown >= _JUDGED:
        if not _noise_advice(decoder, pixels, hidden, scale, noise, jpeg, stacklevel + 1):
            _plain_faded_warned(*last)
    elif named and shown >= _JUDGED and not mostly:  # (a tenth to SUSPECT_OFF off)
        if not _screened_advice(decoder, values, image, stacklevel + 1, (pixels, hidden, scale)):
            _plain_faded_warned(*last)
    else:
        _plain_faded_warned(*last)
    return values


def _extend_warned(
    values: np.ndarray, image: Any, decoder: Any, stacklevel: int, jpeg: bool,
    extends: str | None,
) -> bool:  # fmt: skip
    """Whether the picture holds the map's extend colors, which a ``cmap`` without
    them cannot decode (``_extend_found.extend_advice``, or the decode's ``extends``
    where it looked), and the warning said so."""
    from truepix.color._decolorize._extend_found import extend_advice
    from truepix.errors import OffMapWarning

    if isinstance(decoder, str) or values.size < _JUDGED:
        return False
    if any(color is not None for color in getattr(decoder, "_extremes", (None,))):
        return False  # the map has its own: what is left NaN is not them
    advice = extend_advice(decoder, values, image, jpeg=jpeg) if extends is None else extends
    if advice:
        msg = f"the picture holds colors that are not those of {decoder.cmap!r}: {advice}"
        warnings.warn(msg, OffMapWarning, stacklevel=stacklevel)
    return bool(advice)


def _on_map(jpeg: bool, n_nan: int, threshold: float) -> bool:
    """Whether every pixel decoded within EXACT_THRESHOLD (DN) of the map (a sharp exact
    render, none NaN): no map drawn with alpha is there for :func:`_faded` to find (its
    smooth blocks' means lie within that of the map's curve, where it needs GATE DN and
    GAIN more than its blend leaves), and its check is not run (warm 0.3-0.5 ms; a first
    call loads two kernels, ~2.5 ms each)."""
    from truepix.color._decolorize._exact import EXACT_THRESHOLD

    return not jpeg and n_nan == 0 and threshold <= EXACT_THRESHOLD


def _plain_faded_warned(
    values: np.ndarray, image: Any, decoder: Any, n_nan: int, jpeg: bool, threshold: float,
    stacklevel: int,
) -> bool:  # fmt: skip
    """The last look at a picture no warning explained: the map drawn with alpha over
    white, told by an even sample of its pixels (``_faded_plain.plain_faded_advice``;
    not on a sharp exact render every pixel of which decoded within EXACT_THRESHOLD,
    :func:`_on_map`). Whether it warned."""
    if isinstance(decoder, str) or values.size < _JUDGED or _on_map(jpeg, n_nan, threshold):
        return False
    from truepix.color._decolorize._faded_plain import plain_faded_advice

    advice = plain_faded_advice(decoder, image)
    if advice is None:
        return False
    # (its light faded middle is data, not paper: the share counts every opaque pixel)
    pixels = np.asarray(np.ma.getdata(image))
    off = np.isnan(values)
    shown = values.size
    if pixels.ndim == values.ndim + 1 and pixels.shape[-1] == 4:
        opaque = pixels[..., 3] != 0
        off &= opaque
        shown = int(np.count_nonzero(opaque))
    n_off = int(np.count_nonzero(off))
    if 10 * n_off >= shown:
        _warn_nan_share(n_off, shown, decoder.cmap, advice, stacklevel + 1)
    else:
        _warn_faded(values, image, decoder, 0, advice, stacklevel + 1)
    return True


def _faded(decoder: Any, image: Any) -> str | None:
    """``_faded.faded_advice``: the alpha over white that the picture's smooth blocks
    say its map was drawn at (also JPEG'd, where the blend poses as JPEG's error)."""
    from truepix.color._decolorize._faded import faded_advice

    return faded_advice(decoder, image)


def _warn_faded(
    values: np.ndarray, image: Any, decoder: Any, n_nan: int, advice: str, stacklevel: int
) -> None:
    """The OffMapWarning with :func:`_faded`'s ``advice``, and the share that came back
    NaN where a tenth or more did."""
    from truepix.errors import OffMapWarning

    if n_nan < 0:
        n_nan = int(np.count_nonzero(np.isnan(values)))
    if 10 * n_nan >= values.size:
        _, hidden, _ = shown_pixels(values, image)
        off, shown = off_shown(values, hidden, n_nan)
        _warn_nan_share(off, shown, decoder.cmap, advice, stacklevel + 1)
        return
    msg = (
        f"the picture's colors are not those of {decoder.cmap!r}, so its values are"
        f" likely wrong; {advice}"
    )
    warnings.warn(msg, OffMapWarning, stacklevel=stacklevel)


def _warn_levels(
    values: np.ndarray, image: Any, decoder: Any, jpeg: bool, stacklevel: int
) -> None:
    """The warning for a picture (exact or JPEG'd) of a field drawn in a few of the
    map's colors, at the places of the map resampled to N (``_levels.levels_advice``):
    ``get_cmap(name, N)`` or a BoundaryNorm."""
    from truepix.color._decolorize._levels import levels_advice
    from truepix.errors import OffMapWarning

    advice = levels_advice(decoder, values, image, jpeg=jpeg)
    if advice is not None:
        warnings.warn(advice, OffMapWarning, stacklevel=stacklevel)


def _warn_nan_share(off: int, shown: int, cmap: str, advice: str, stacklevel: int) -> None:
    """The OffMapWarning that ``off`` of ``shown`` pixels came back NaN, with ``advice``."""
    from truepix.errors import OffMapWarning

    msg = (
        f"{percent(off, shown)} of the picture's pixels are not colors of {cmap!r}"
        f" and came back NaN; {advice}"
    )
    warnings.warn(msg, OffMapWarning, stacklevel=stacklevel)


def _screened_advice(
    decoder: Any, values: np.ndarray, image: Any, stacklevel: int, shown: Any = None
) -> bool:
    """The warning for a quiet picture (noise under SUSPECT_NOISE) that decoded with
    NaN under SUSPECT_OFF: a map drawn with alpha, when a blend explains its colors
    (BLEND_EXPLAINED; the screen reads an even sample, so a picture that is not a
    blend pays 0.3 ms a megapixel) and the fit names it (:func:`blend_advice`).
    ``shown``: ``shown_pixels``' answer where it was computed. Whether it warned."""
    from truepix.color._decolorize._screen import blend_explained
    from truepix.errors import OffMapWarning

    if shown is None:
        pixels = np.asarray(np.ma.getdata(image))
        scale = (1.0 if pixels.dtype.kind == "f" else np.iinfo(pixels.dtype).max) / 255
        if pixels.ndim == values.ndim or blend_explained(decoder, pixels, None, scale) < (
            BLEND_EXPLAINED
        ):  # fmt: skip
            return False
        pixels, hidden, scale = shown_pixels(values, image)
    else:
        pixels, hidden, scale = shown
        if blend_explained(decoder, pixels, ~hidden.reshape(-1), scale) < BLEND_EXPLAINED:
            return False
    advice = blend_advice(decoder, pixels, ~hidden, scale, framed=True)
    if advice is not None:
        msg = (
            f"the picture's colors are not those of {decoder.cmap!r}, so its values are"
            f" likely wrong; {advice}"
        )
        warnings.warn(msg, OffMapWarning, stacklevel=stacklevel)
    return advice is not None


def _off_advice(
    decoder: Any, pixels: np.ndarray, off: np.ndarray, shown: np.ndarray, scale: float,
    *, loose: bool = True,
) -> str | None:  # fmt: skip
    """Advice for a picture whose ``off`` pixels are off the map: the map drawn
    translucent (:func:`blend_advice`), else a catalog map that fits far better
    (:func:`better_map`) -- unless, with ``loose`` (the picture mostly off the map, or
    noisy), a blend fitted with a compressed picture's looser limits leaves less
    distance than that map does (a small JPEG'd picture of magma at alpha 0.5 over
    gray: 5.5-7 DN, where cmasher:lilac, named before, left 17-19). A picture a fifth
    off is not fitted loosely: its strokes, in one color, fit a faint blend.

    Where some pixels decoded (``off`` short of ``shown``) and a blend explains the shown
    ones (BLEND_EXPLAINED), the blend is fitted to them all first: a map through white
    drawn with alpha over white decodes its faded middle (on the map, to wrong values)
    and leaves off only its dark ends, where alpha and face trade off (a seismic figure
    at alpha 0.8, judged JPEG'd: its off pixels fitted 0.73 over #c0c0c0 at 8.4 DN, no
    advice -- silent at 19 % NaN; all its shown ones 0.80 over white at 3.9 DN)."""
    if np.count_nonzero(off) < np.count_nonzero(shown):
        from truepix.color._decolorize._screen import blend_explained

        if blend_explained(decoder, pixels, shown.reshape(-1), scale) >= BLEND_EXPLAINED:
            advice = blend_advice(decoder, pixels, shown, scale, framed=True)
            if advice is not None:
                return advice
    advice = blend_advice(decoder, pixels, off, scale)
    if advice is not None:
        return advice
    better = better_fit(decoder, pixels, shown)
    rival = np.inf if better is None else better[1]
    advice = None if not loose else blend_advice(decoder, pixels, off, scale, loose=rival)
    return advice if advice is not None else named(decoder, better)


def _noise_advice(
    decoder: Any, pixels: np.ndarray, hidden: np.ndarray, scale: float, noise: float,
    jpeg: bool, stacklevel: int,
) -> bool:  # fmt: skip
    """The warning for a picture that decoded within its threshold with ``noise`` past
    SUSPECT_NOISE: a blend (:func:`blend_advice`) or a wrong map (:func:`better_map`)
    under noise or JPEG, which the adaptive threshold takes in. A JPEG'd picture under
    SUSPECT_NOISE_JPEG is fitted only when a blend explains its colors (BLEND_EXPLAINED).
    Whether it warned."""
    from truepix.color._decolorize._screen import blend_explained
    from truepix.errors import OffMapWarning

    full = not jpeg or noise >= SUSPECT_NOISE_JPEG
    advice = None
    if full:  # (a blend, or else a map that fits far better: the closer of the two)
        # fitted loosely on a compressed picture only: a resampled one's colors are blends
        # of neighbours, chords inside the map's curve, which a map a little darker fits
        # (a speckle field in viridis upscaled 1.5x and 2x, bilinear: 0.97-0.98 over black)
        advice = _off_advice(decoder, pixels, ~hidden, ~hidden, scale, loose=jpeg)
    elif blend_explained(decoder, pixels, ~hidden.reshape(-1), scale) >= BLEND_EXPLAINED:
        advice = blend_advice(decoder, pixels, ~hidden, scale, framed=True)
    if advice is not None and advice.startswith("the colors fit"):
        warnings.warn(advice, OffMapWarning, stacklevel=stacklevel)
    elif advice is not None:
        msg = (
            f"the picture's colors sit {noise:.0f} DN (noise sigma) off {decoder.cmap!r}"
            f" and its values are likely wrong; {advice}"
        )
        warnings.warn(msg, OffMapWarning, stacklevel=stacklevel)
    return advice is not None


def _alpha_advice(pixels: np.ndarray, off: np.ndarray | None, scale: float) -> str | None:
    """The ``alpha`` to pass when most ``off`` pixels (all when None) of an RGBA
    picture are partly transparent: a map drawn translucent and saved transparent.

    Examples
    --------
    >>> picture = np.full((8, 8, 4), 128, np.uint8)
    >>> _alpha_advice(picture, None, 1.0).endswith("holds 128 of 255 (a map drawn"
    ...     " translucent, saved transparent): pass alpha=0.5")
    True
    """
    if pixels.shape[-1] != 4:
        return None
    flat = pixels.reshape(-1, 4)
    chosen = flat if off is None else flat[off.reshape(-1)]
    if len(chosen) == 0:
        return None
    alpha = chosen[:, 3].astype(np.float64) / scale
    partial = (alpha > 0) & (alpha < 254.5)
    if 2 * np.count_nonzero(partial) <= len(chosen):
        return None
    opacity = float(np.median(alpha[partial])) / 255.0
    return (
        f"their alpha channel holds {opacity * 255:.0f} of 255 (a map drawn"
        f" translucent, saved transparent): pass alpha={opacity:.2g}"
    )


def blend_advice(
    decoder: Any, pixels: np.ndarray, off: np.ndarray, scale: float, *, loose: float | None = None,
    framed: bool = False,
) -> str | None:  # fmt: skip
    """What to pass when the off-map pixels are the decoder's map drawn translucent
    (``imshow(..., alpha=a)``): a saved-transparent picture's alpha channel says
    it; an opaque one's colors are fitted (``_translucent.fitted_blend``). None
    when neither explains them, or when the decoder already has an alpha. ``loose``:
    fit with a compressed picture's limits, and advise only a blend whose RMS
    distance is under ``loose`` DN (a rival map's mean distance). ``framed``: ``off`` is
    every shown pixel, which the blend screen passed (BLEND_EXPLAINED): the fit leaves
    out a figure's frame and labels (``fitted_blend``'s ``framed``)."""
    from truepix.color._decolorize import _translucent as translucent
    from truepix.color._decolorize._tables import distinct_colors

    if getattr(decoder, "alpha", None) is not None or pixels.shape[-1] < 3:
        return None  # gray pictures hold no blend of a colored map either
    rng = np.random.default_rng(0)  # a sample is plenty for four unknowns
    where = np.flatnonzero(off)
    if len(where) > ADVICE_SAMPLE:
        where = np.sort(rng.choice(where, ADVICE_SAMPLE, replace=False))
    chosen = pixels.reshape(-1, pixels.shape[-1])[where]
    advice = _alpha_advice(chosen, None, scale)
    if advice is not None:
        return advice
    colors, counts = distinct_colors(np.rint(chosen[:, :3].astype(np.float64) / scale))
    recolored = len(colors) <= RECOLORED
    if loose is not None and recolored:
        return None  # not compressed: a blend fits its colors within the tight limits
    blend = translucent.fitted_blend(
        colors, counts, decoder._map, loose=loose is not None, framed=framed
    )  # fmt: skip
    if blend is None or (loose is not None and blend.rms >= loose):
        return None
    if recolored and blend.rms > RECOLORED_RMS:
        return None  # a recoloring, not a blend (a screenshot through a color profile)
    return (
        f"they look like {decoder.cmap!r} drawn at alpha={blend.alpha:.2f} over"
        f" {blend.over()}: pass {blend.advice()}"
    )

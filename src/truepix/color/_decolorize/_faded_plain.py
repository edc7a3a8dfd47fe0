"""A plain picture of a map drawn with alpha over white, told by its pixels' colors.

``cmap(norm(x), alpha=a)`` composited over white, or ``imshow(x, alpha=a)`` cropped to
its axes, paints ``a * map + (1 - a) * white``. A map through white (RdBu_r, PiYG,
coolwarm, seismic ...) lands such colors near its own lighter ones: decoded without
``alpha``, the picture comes back with few NaN (or a third NaN, coolwarm at 0.6, judged
JPEG'd) and values pulled toward the middle, 2-11 % of the range off -- and the checks
before this one let it pass: ``_faded`` reads smooth 8x8 blocks, of which a rough field
holds too few; the alternating least squares of ``_translucent.fitted_blend`` settle on
a wrong alpha for diverging maps (each color paired with its nearest blended color,
which for a faded blue is another, lighter blue: RdBu_r at 0.8 fitted 0.85 over #f9f9f9,
2.3 DN, where 0.8 over white leaves 0.8) and are then refused by their own limits;
a JPEG'd one estimates its noise under SUSPECT_NOISE and is not screened at all.

:func:`plain_faded_advice` reads an even sample of the picture's data pixels (SAMPLE;
light neutral paper left out) and measures, on the map's curve, the (capped) RMS distance
of those colors to the map itself and to the map blended over white at a grid of alphas
(no pairing to refine, so no wrong minimum): a faded picture's best blend leaves
clearly less (CLEAR of the map's RMS at most, and GAIN DN less). The telling case is a
data picture that spans only part of the map: its colors are exactly on the map (the
blend leaves more, not less); JPEG'd, chroma subsampling mixes neighbours' colors
toward their middle, which fades them toward a diverging map's white a little. Measured
(per-pixel sample of 1024, alpha grid 0.30-1.00):

* maps drawn at alpha 0.5-0.9 over white (seismic, RdBu_r, coolwarm, PiYG, RdYlBu,
  Spectral, viridis, magma, jet; PNG, Pillow JPEG q75 / q90; fBm and smooth 200 px
  fields; 270 pictures): 266 pass, ratio 0.02-0.80 and gain 1.5-18 DN, alpha within
  0.02 of the truth (JPEG q75 / q90 of rough fBm: ratio 0.5-0.8); the 4 that do not are
  RdBu_r and PiYG at 0.9, JPEG'd fBm (ratio 0.86-0.91, gain 0.6-1.1 DN, 1.7-1.8 % off),
  as close to the map as opaque pictures come;
* opaque pictures (18 maps, full range and [0.3, 0.7], [0.4, 0.6], [0.5, 1], [0, 0.5];
  PNG and JPEG q50 / q75 / q90; 7 fields: fBm, smooth and benchmarks' 256 px
  fields): none pass; their best blends leave ratio 0.71 at least (PiYG on [0.4, 0.6],
  JPEG q50, gain 0.5) and gain 1.12 at most (RdBu_r on [0.3, 0.7], the moon JPEG'd).

bwr is itself white blended with blue and red: drawn at ``a`` it paints
``bwr(0.5 + a * (t - 0.5))``, its own colors, and no test of the colors can tell it.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from truepix._shares import LIGHT, NEUTRAL

__all__ = ["plain_faded_advice", "plain_faded_fit"]

#: Data pixels (evenly spaced; light neutral ones left out) the test reads: its cost
#: is that many colors against the map's dense curve at each alpha (1-3 ms).
SAMPLE = 1024
#: Fewest data pixels the sample must hold for the test to say anything.
MIN_SAMPLE = 256
#: Every QUICK-th color of the sample is first measured against the map's table itself
#: (not its dense curve) at the COARSE alphas: where the map (alpha 1.0) fits best, the
#: picture is no blend and the test stops there (0.6 ms, where the whole test costs
#: 75-100 ms of CPU: a thousand colors against a curve of a thousand points, 24 alphas).
QUICK = 4
#: Alphas the blend is tried at (the last, 1.0, is the map itself), then FINE steps
#: around the best.
COARSE = np.round(np.arange(0.30, 1.001, 0.05), 2)
FINE = 0.01
#: Alpha past which the blend is the map itself, nearly (not named).
MOST_ALPHA = 0.95
#: The best blend's capped RMS distance at most CLEAR of the map's own, and GAIN DN
#: less (see the module's docstring: faded 0.02-0.80 and 1.5-18 DN; opaque 0.71 and
#: up, 1.12 DN at most: the gain is what parts them, CLEAR keeps a margin over 0.80).
CLEAR, GAIN = 0.85, 1.5
#: Distance (DN) at which a color's squared distance is capped (text, a frame).
OUTLIER = 24.0
#: How far (DN) the offset ``(1 - alpha) * face`` of a free fit (alpha and a gray face
#: free, ``_faded.free_face``) may fall short of (or past) white's for the blend to be
#: named over white: the faded pictures above -0.7..4.7 DN.
WHITE_OFFSET = 8.0
#: Channel spread (DN) at most which a map is gray-like (its blend is another gray).
GRAY_SPREAD = 8


def _sample(pixels: np.ndarray, scale: float) -> np.ndarray | None:
    """(3, K) float32 DN colors of up to SAMPLE evenly spaced data pixels (opaque, not
    light and nearly neutral), or None where fewer than MIN_SAMPLE."""
    flat = pixels.reshape(-1, pixels.shape[-1])
    step = max(1, len(flat) // (4 * SAMPLE))
    rgb = flat[::step].astype(np.float32)
    if scale != 1.0:
        rgb /= np.float32(scale)
    low, high = rgb[:, :3].min(1), rgb[:, :3].max(1)
    data = (low < LIGHT) | (high - low > NEUTRAL)
    if rgb.shape[1] == 4:
        data &= rgb[:, 3] >= 254.5  # (a translucent pixel's alpha says it: _alpha_advice)
    rgb = rgb[data][:, :3]
    if len(rgb) < MIN_SAMPLE:
        return None
    rgb = rgb[:: -(-len(rgb) // SAMPLE)]
    return np.ascontiguousarray(rgb.T)


def _map_fits_best(entry: Any, colors: np.ndarray) -> bool:
    """Whether the map's own table explains every QUICK-th of ``colors`` at least as
    well as its blend over white at any COARSE alpha (the quick first look)."""
    from truepix.color._decolorize._screen import blend_costs

    table = np.ascontiguousarray(entry.lut_bytes[:, :3].T, dtype=np.float32)
    costs = np.empty(len(COARSE))
    some = np.ascontiguousarray(colors[:, ::QUICK])
    blend_costs(some, table, COARSE, np.full((len(COARSE), 3), 255.0), OUTLIER, costs)
    return bool(costs[-1] <= costs[:-1].min())


def plain_faded_fit(entry: Any, colors: np.ndarray) -> tuple[float, float, float]:
    """(alpha, its capped RMS distance, the map's own) of the blend over white of
    ``entry``'s dense curve that best explains ``colors`` ((3, K) float32 DN).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> ramp = np.linspace(0, 255, 256)
    >>> entry = SimpleNamespace(lut_bytes=np.stack([ramp, 255 - ramp, ramp / 2], 1))
    >>> faded = 0.7 * entry.lut_bytes[::4].T + 0.3 * 255
    >>> alpha, rms, opaque = plain_faded_fit(entry, faded.astype(np.float32))
    >>> alpha, rms < 0.5, opaque > 10
    (0.7, True, True)
    """
    from truepix.color._decolorize._faded import _dense
    from truepix.color._decolorize._screen import blend_costs

    curve = _dense(entry)
    costs = np.empty(len(COARSE))
    white = np.full((len(COARSE), 3), 255.0)
    blend_costs(colors, curve, COARSE, white, OUTLIER, costs)
    opaque = float(np.sqrt(costs[-1]))
    at = float(COARSE[int(np.argmin(costs))])
    fine = np.round(np.arange(at - 0.04, at + 0.045, FINE), 2)
    fine = fine[(fine > 0.0) & (fine <= 1.0)]
    near = np.empty(len(fine))
    blend_costs(colors, curve, fine, np.full((len(fine), 3), 255.0), OUTLIER, near)
    best = int(np.argmin(near))
    return float(fine[best]), float(np.sqrt(near[best])), opaque


def plain_faded_advice(decoder: Any, image: Any) -> str | None:
    """Advice naming the alpha at which ``decoder``'s map drawn over white explains an
    even sample of ``image``'s data pixels clearly better than the map itself (CLEAR,
    GAIN), or None -- also for a decoder with an alpha, a gray-like map, a gray
    picture, too few data pixels, a blend whose free fit puts its face off white."""
    from truepix.color._decolorize._faded import free_face
    from truepix.color._decolorize._translucent import Blend

    if isinstance(decoder, str) or getattr(decoder, "alpha", None) is not None:
        return None
    pixels = np.asarray(np.ma.getdata(image))
    if pixels.ndim != 3 or pixels.shape[-1] not in (3, 4) or pixels.dtype.kind not in "uf":
        return None
    entry = decoder._map
    if int(np.ptp(entry.lut_bytes[:, :3].astype(np.int16), axis=1).max()) <= GRAY_SPREAD:
        return None
    scale = (1.0 if pixels.dtype.kind == "f" else np.iinfo(pixels.dtype).max) / 255
    colors = _sample(pixels, scale)
    if colors is None:
        return None
    if _map_fits_best(entry, colors):
        return None
    alpha, rms, opaque = plain_faded_fit(entry, colors)
    if alpha > MOST_ALPHA or rms > CLEAR * opaque or opaque - rms < GAIN:
        return None
    free, face = free_face(entry, colors, alpha)
    if abs((1.0 - free) * (255.0 - face)) > WHITE_OFFSET:
        return None  # (a blend over gray or black: the full fit names its face)
    blend = Blend(alpha, (255, 255, 255), rms, 1.0)
    return (
        f"they look like {decoder.cmap!r} drawn at alpha={blend.alpha:.2f} over"
        f" {blend.over()} ({rms:.1f} DN from its colors, {opaque:.1f} DN for the map"
        f" itself): pass {blend.advice()}"
    )

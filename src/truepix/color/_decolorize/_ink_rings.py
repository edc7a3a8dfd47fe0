"""The antialiased ring of a black or white stroke whose blends are entries of the map,
on a sharp exact render (:func:`flag_ink_rings`).

Where a map runs in a straight line from black or white (hot's black-red stretch,
seismic's black-blue one, hot's and gist_heat's yellow-white), a stroke's blends
with the field land on its entries, and neither the color nor the segment from the
field to the stroke's core tells them from data: a photograph's texture beside a
crisp glyph stem steps toward the ink as far (``_ink_entries`` dropped that rule,
benchmarks/inkpng). What does tell them is the field around: a blend is the ink
mixed with the field that lies under it, and that field is read from the pixels
around that no stroke touches (RADIUS px, not beside a flagged pixel), as a plane
fitted to them (a slope of data runs on into the stroke: the plane follows it).
A pixel beside a flagged one, with a flagged pixel of the ink itself (within CORE
DN of black or white) near it, is the stroke's when it lies on the segment from the
plane's value at it toward the ink (within GAP DN plus the field's own scatter
about the plane) and has moved along it MARGIN DN plus SCATTER times that scatter,
but not all the way (at most REACH of it: a pixel of the ink's own color is data
as well), where that scatter is at most SPREAD. Over smooth data the scatter is a
DN or two and the rule takes faint blends; over a photograph's texture it takes only
the pixels moved far beyond it.
On trial 45's t02 figures (PNG) it took 0.3-3.4 points more of black over hot and
seismic, white over hot, seismic, gist_heat, pink, and no pixel the ink left untouched
(at MARGIN 8, SCATTER 5 it took some 45 % more, and single data pixels beside strokes
in 4 figures: one entry off a flat field, a band of data along a stroke;
``benchmarks/inkend/rings``).
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix.color._decolorize._vertex import _JIT

__all__ = ["flag_ink_rings"]

#: The inks: black and white.
INKS = np.array([[0.0, 0.0, 0.0], [255.0, 255.0, 255.0]])
#: A flagged pixel within this (DN, each channel) of an ink is that ink's core.
CORE = 2
#: A ring pixel lies within this many pixels (each axis) of a core.
CORE_REACH = 2
#: The field is read in the (2 RADIUS + 1)^2 window around a ring pixel ...
RADIUS = 4
#: ... from at least this many pixels.
LEAST = 16
#: The field under a ring pixel lies at least this far (DN) from the ink.
FAR = 48.0
#: A blend lies within GAP DN (plus the field's scatter) of the segment from the
#: field to the ink ...
GAP = 4.0
#: ... moved along it MARGIN DN plus SCATTER times the field's scatter ...
MARGIN = 16.0
SCATTER = 6.0
#: ... and at most REACH of the way.
REACH = 0.95
#: A field scattered about its plane by more than this (DN, root mean square) is two
#: regions of data or a texture no plane reads (a pale pixel of seismic's middle
#: alone among blues and reds beside a white stroke): nothing taken there.
SPREAD = 16.0



def opaque_flags(values: np.ndarray, pixels: np.ndarray, least: int) -> np.ndarray | None:
    """The flagged (NaN) pixels of ``values`` (H, W) that ``pixels`` (H, W, 3|4) draws
    opaque; None where the picture is under ``least`` pixels a side or nothing is flagged
    (no evidence for an ink rule)."""
    if values.ndim != 2 or min(values.shape) < least:
        return None
    nan = np.isnan(values)
    if pixels.shape[-1] == 4:
        nan &= pixels[..., 3] == 255
    return nan if nan.any() else None

def flag_ink_rings(values: np.ndarray, pixels: np.ndarray) -> int:
    """Set to NaN, in place, the antialiased ring of black and white strokes flagged
    already (the module's rule); return how many.

    Parameters
    ----------
    values : (H, W) float64
        Decoded values; NaN: flagged already.
    pixels : (H, W, 3|4) uint8
        The sharp exact render.
    """
    nan = opaque_flags(values, pixels, 2 * RADIUS + 1)
    if nan is None:
        return 0
    flagged = np.zeros(values.shape, dtype=bool)
    _flag(np.ascontiguousarray(pixels), nan, INKS, flagged)
    values[flagged] = np.nan
    return int(np.count_nonzero(flagged))


@nb.njit(**_JIT)
def _near(mask, reach):  # pragma: no cover - jitted
    """Pixels within ``reach`` (each axis) of a True pixel of ``mask``."""
    height, width = mask.shape
    out = np.zeros((height, width), dtype=np.bool_)
    for y in range(height):
        for x in range(width):
            if not mask[y, x]:
                continue
            for yy in range(max(0, y - reach), min(height, y + reach + 1)):
                for xx in range(max(0, x - reach), min(width, x + reach + 1)):
                    out[yy, xx] = True
    return out


@nb.njit(**_JIT)
def _plane(pixels, field, y, x, out):  # pragma: no cover - jitted
    """Fit a plane to each channel of the ``field`` pixels in the window around (y, x);
    set ``out`` to its value at (y, x) and return the root mean square distance (DN) of
    those pixels from it; -1 where too few or in a line. (Least squares written out:
    numba's ``np.linalg`` would need SciPy.)"""
    height, width = field.shape
    n = sy = sx = syy = sxx = sxy = 0.0
    sums = np.zeros((3, 4))  # per channel: sum v, v dy, v dx, v^2
    for yy in range(max(0, y - RADIUS), min(height, y + RADIUS + 1)):
        for xx in range(max(0, x - RADIUS), min(width, x + RADIUS + 1)):
            if not field[yy, xx]:
                continue
            dy, dx = float(yy - y), float(xx - x)
            n += 1.0
            sy += dy
            sx += dx
            syy += dy * dy
            sxx += dx * dx
            sxy += dy * dx
            for c in range(3):
                v = float(pixels[yy, xx, c])
                sums[c, 0] += v
                sums[c, 1] += v * dy
                sums[c, 2] += v * dx
                sums[c, 3] += v * v
    if n < LEAST:
        return -1.0
    my, mx = sy / n, sx / n
    cyy, cxx, cxy = syy - n * my * my, sxx - n * mx * mx, sxy - n * my * mx
    det = cyy * cxx - cxy * cxy
    if det <= 1e-9 * n * n:
        return -1.0
    rss = 0.0
    for c in range(3):
        mean = sums[c, 0] / n
        vy, vx = sums[c, 1] - n * mean * my, sums[c, 2] - n * mean * mx
        by = (vy * cxx - vx * cxy) / det
        bx = (vx * cyy - vy * cxy) / det
        out[c] = mean - by * my - bx * mx
        rss += sums[c, 3] - n * mean * mean - by * vy - bx * vx
    return np.sqrt(max(rss, 0.0) / n)


@nb.njit(**_JIT)
def _blend(pixels, y, x, field, scatter, ink):  # pragma: no cover - jitted
    """Whether (y, x) is a blend of ``field`` and ``ink`` (the module's rule)."""
    along = 0.0
    length2 = 0.0
    for c in range(3):
        seg = ink[c] - field[c]
        along += (float(pixels[y, x, c]) - field[c]) * seg
        length2 += seg * seg
    if length2 < FAR * FAR:
        return False
    t = along / length2
    if t > REACH or t * np.sqrt(length2) < MARGIN + SCATTER * scatter:
        return False
    gap2 = 0.0
    for c in range(3):
        gap2 += (float(pixels[y, x, c]) - field[c] - t * (ink[c] - field[c])) ** 2
    return gap2 <= (GAP + scatter) ** 2


@nb.njit(**_JIT)
def _flag(pixels, nan, inks, out):  # pragma: no cover - jitted
    height, width = nan.shape
    beside = _near(nan, 1)
    field = ~beside
    cores = np.zeros((inks.shape[0], height, width), dtype=np.bool_)
    for e in range(inks.shape[0]):
        ink_core = np.zeros((height, width), dtype=np.bool_)
        for y in range(height):
            for x in range(width):
                if nan[y, x]:
                    close = True
                    for c in range(3):
                        close = close and abs(float(pixels[y, x, c]) - inks[e, c]) <= CORE
                    ink_core[y, x] = close
        cores[e] = _near(ink_core, CORE_REACH)
    under = np.zeros(3)
    for y in range(height):
        for x in range(width):
            if nan[y, x] or not beside[y, x]:
                continue
            scatter = -2.0
            for e in range(inks.shape[0]):
                if not cores[e, y, x]:
                    continue
                if scatter == -2.0:
                    scatter = _plane(pixels, field, y, x, under)
                if scatter < 0.0 or scatter > SPREAD:
                    break
                if _blend(pixels, y, x, under, scatter, inks[e]):
                    out[y, x] = True
                    break

"""A JPEG'd stroke's faint antialiased fringe, beside the pixels already flagged.

Antialiasing paints a 1-px line's edge as a blend of its ink and the field, the ink
weighing 5-25 % there; JPEG smears it further. Such a blend of white (or black) with
a map's color often lands near another map color (white over magma's purples is its
pinks, over twilight's dark middle its lavender): no residual tells it, and it
decodes *silently wrong*, to the value of the color it passes for. What tells it is
its place and its luma: next to the stroke's flagged core (FRINGE_RADIUS; a flagged
pixel FRINGE_CORE of the way to the ink), its luma
lies part of the way (FRINGE_SHARE, and FRINGE_DEPARTURE DN) from the field's --
the median of the pixels within FRINGE_FIELD_RADIUS that touch no flagged one -- to
the ink's, the median of the flagged pixels within FRINGE_INK_RADIUS, which
stands FRINGE_CONTRAST DN or more apart from the field. JPEG keeps luma; data beside
a stroke keeps the field's, give or take its ringing.

Measured on benchmarks/_stroke_screen.py's matplotlib figures (contours and text,
JPEG q75 4:2:0), stroke pixels flagged / silently wrong / data lost, %: white on
magma 90.7 / 5.7 / 0.52 -> 95.5 / 1.7 / 0.69, on twilight 86.6 / 9.6 / 0.92 ->
95.5 / 2.1 / 1.10, on cmocean:thermal 94.7 / 3.6 / 0.97 -> 97.1 / 1.3 / 1.07; black
on cmocean:thermal 94.8 / 3.7 / 1.71 -> 96.8 / 1.7 / 1.79, on turbo 93.0 / 3.9 /
1.11 -> 96.7 / 0.7 / 1.26, on viridis 95.4 / 3.3 / 1.75 -> 97.2 / 1.6 / 1.81. Of the
missed stroke pixels 80-95 % had the ink at under a quarter of their color (white
on magma: 863 of 1095), nearly all along the contours. A share of 0.25 gained half
as much; no departure floor lost 0.2-0.5 point more of the data beside strokes (the
untouched pixels next to them, which JPEG's blur brightens or darkens too); beside
any flagged pixel rather than the core's (FRINGE_CORE) 0.02-0.11 point more. The
cost: data beside strokes, 0.05-0.2 point (above), and at q50 the pixels 3-4 px from
small text JPEG smeared (seaborn's 7 pt digits on viridis: 0.31 -> 1.09 % of the
cells' data more than 3 px away), and photographs' holes grow by their fringe (hsv's
camera, 512^2: q75 6.1 -> 8.8 %, q50 10.3 -> 12.4 %; jet's q90 0.07 -> 0.12 %; 336
JPEG'd photographs of 14 maps: mean 0.076 -> 0.099 %, none newly past 0.05 %). The
ink as its strongest flagged pixel (not the median), the field's spread, a residual
floor for the fringe or for its core did not spare those and cost the gains. Gray
strokes over a field of their own luma (gray on twilight, cmocean:thermal: 67-70 %)
keep no luma step: what tells them is chroma
4:2:0 halved (11 DN of 39), no more than a photograph's edges show.

A fringe is a blend of ink and field, a color the field beside it does not hold; a
data pixel there is one of the field's. Where the window straddles two fields (a
heatmap's cell edge at JPEG q50, ringing flagged beside 7 pt digits), the median
"field" is neither, and the pixels of the light cell passed for a fringe of the dark
one's ringing. So a pixel whose color FRINGE_HELD_PIXELS or more untouched pixels within
FRINGE_FIELD_RADIUS hold (RGB within FRINGE_HELD DN, or FRINGE_HELD_NOISE times the
picture's measured noise where that is more: JPEG's own scatter) is data. Seaborn's
``annot=True`` viridis heatmap at q50, data more than 3 px from the digits lost:
1.26 -> 0.96 % (0.37 without fringes); benchmarks/_stroke_screen.py unchanged within
0.1 point. One pixel holding the color (8 DN) reached 1.03 % but cost red and magenta
ink 0.4-0.9 point of its flags (a stroke's unflagged pixels 2-3 px along hold its
fringe's color: one, not three); a core measured to the strongest flagged pixel
within 3 px (ringing is weaker than the ink) 1.09 %, red ink -0.4 point; a fringe's
position apart from the field's did nothing (JPEG's positions there stand apart
whatever the pixel is), nor did its distance to the segment between ink and field
(RGB): the ringed data beside strokes lies as near it as the fringes (median 4-16 DN
both, on the screen's figures).
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix.color._decolorize import _degraded as degraded
from truepix.color._decolorize._kernels import _JIT

__all__ = ["fringes"]

FRINGE_RADIUS = 1
FRINGE_INK_RADIUS = 2
FRINGE_FIELD_RADIUS = 3
FRINGE_CONTRAST = 40.0
FRINGE_SHARE = 0.15
FRINGE_DEPARTURE = 15.0
#: ... next to a flagged pixel at least this share of the way from the field to the ink
#: (the stroke's core, not a flagged edge of it)
FRINGE_CORE = 0.7
#: Fewest field pixels (touching no flagged one) a window needs to tell the field.
FRINGE_FIELD_PIXELS = 3
#: A pixel whose color this many field pixels of its window hold, within FRINGE_HELD
#: DN (RGB) or FRINGE_HELD_NOISE noise sigmas, is data.
FRINGE_HELD_PIXELS = 3
FRINGE_HELD = 8.0
FRINGE_HELD_NOISE = 3.0


def fringes(
    flat: np.ndarray, luma_weights: np.ndarray, width: int, off_map: np.ndarray,
    noise: float = 0.0,
) -> None:  # fmt: skip
    """Mark in ``off_map`` (flat, rows of ``width``) the unflagged pixels beside
    flagged ones that are a stroke's fringe (see the module's doc); ``luma_weights``
    turn ``flat``'s first three channels into luma (DN); ``noise`` is the picture's
    measured noise sigma (DN). All-data pictures, with nothing flagged, cost a pass
    over ``off_map``."""
    if not off_map.any():  # (a pass that stops at the first flagged: no index array)
        return
    flagged = np.flatnonzero(off_map)
    height = len(off_map) // width
    touched = np.zeros(len(off_map), dtype=bool)  # flagged or beside a flagged pixel
    degraded.near(flagged, width, height, FRINGE_RADIUS, touched)
    asked = np.flatnonzero(touched & ~off_map)
    if len(asked) == 0:
        return
    found = np.zeros(len(asked), dtype=bool)
    scale = float(luma_weights.sum())  # (luma's weights sum to 1: this is DN per unit)
    held = max(FRINGE_HELD, FRINGE_HELD_NOISE * noise) / scale
    _fringe_kernel(
        flat, luma_weights.astype(np.float64), width, height, asked, off_map, touched,
        FRINGE_INK_RADIUS, FRINGE_FIELD_RADIUS, FRINGE_CONTRAST, FRINGE_SHARE,
        FRINGE_DEPARTURE, FRINGE_CORE, FRINGE_FIELD_PIXELS, held, FRINGE_HELD_PIXELS, found,
    )  # fmt: skip
    off_map[asked[found]] = True


@nb.njit(parallel=True, **_JIT)
def _fringe_kernel(  # pragma: no cover - jitted
    flat, weights, width, height, asked, off_map, touched, ink_radius, field_radius,
    contrast, share, departure, core, field_pixels, held, held_pixels, found,
):  # fmt: skip
    """``fringes``' loop: per asked pixel, the ink's and the field's median luma."""
    side = 2 * max(ink_radius, field_radius) + 1
    for i in nb.prange(len(asked)):
        p = asked[i]
        y, x = p // width, p % width
        inks = np.empty(side * side)
        field = np.empty(side * side)
        fields = np.empty(side * side, dtype=np.int64)  # (their pixels)
        n_inks, n_field = 0, 0
        for yy in range(max(0, y - field_radius), min(height, y + field_radius + 1)):
            for xx in range(max(0, x - field_radius), min(width, x + field_radius + 1)):
                q = yy * width + xx
                luma = flat[q, 0] * weights[0] + flat[q, 1] * weights[1] + flat[q, 2] * weights[2]
                if off_map[q]:
                    if abs(yy - y) <= ink_radius and abs(xx - x) <= ink_radius:
                        inks[n_inks] = luma
                        n_inks += 1
                elif not touched[q]:
                    field[n_field] = luma
                    fields[n_field] = q
                    n_field += 1
        if n_inks == 0 or n_field < field_pixels:
            continue
        ink = np.median(inks[:n_inks])
        ground = np.median(field[:n_field])
        if abs(ink - ground) < contrast:
            continue
        sign = 1.0 if ink > ground else -1.0
        own = flat[p, 0] * weights[0] + flat[p, 1] * weights[1] + flat[p, 2] * weights[2]
        away = (own - ground) * sign
        if away < departure or away < share * abs(ink - ground):
            continue
        # ... a color the field around does not hold (data beside a stroke is its own)
        n_held = 0
        for k in range(n_field):
            gap = 0.0
            for c in range(3):
                gap += (float(flat[fields[k], c]) - float(flat[p, c])) ** 2
            if gap <= held * held:
                n_held += 1
        if n_held >= held_pixels:
            continue
        # ... beside the stroke's core, not only a flagged edge of it
        for yy in range(max(0, y - 1), min(height, y + 2)):
            for xx in range(max(0, x - 1), min(width, x + 2)):
                q = yy * width + xx
                if off_map[q]:
                    luma = flat[q, 0] * weights[0] + flat[q, 1] * weights[1]
                    luma += flat[q, 2] * weights[2]
                    if (luma - ground) * sign >= core * abs(ink - ground):
                        found[i] = True

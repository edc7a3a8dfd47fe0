"""Data beside a colored stroke that JPEG's 4:2:0 chroma smeared (``smeared_beside``).

A contour line, a curve or text in a color the map lacks (red, cyan, magenta,
``contour(cmap="autumn")``), drawn 1 px wide over a colormapped field and JPEG'd, lends
its chroma to the field beside it: 4:2:0 keeps one chroma sample per 2x2 block, the
decoder's upsampling spreads it a pixel further and the 8x8 block's quantization rings
it out. The pixel beside the line keeps the field's luma (JPEG keeps luma at full
resolution) but holds a part of the stroke's chroma: a color on no map color, which
the rules that flag the stroke take along. Trial 56 (benchmarks/decolorize_trial/
trial54/t164_contours_over_maps.py, JPEG q75): 38-46 % of the data pixels within 2 px
of red, cyan, magenta and autumn contours over gray came back NaN, 10-58 % over
viridis, jet and magma.

Such a pixel is data, told from the stroke's own pixels by its luma and its chroma.
Its window (a square of SMEAR_FIELD_RADIUS) holds SMEAR_FIELD_PIXELS or more pixels
not flagged -- the field, map colors -- and its luma lies within SMEAR_LUMA DN of
their luma range (it matches a map color of its neighbourhood) and within SMEAR_GAP
DN of a field pixel beside it (an 8-neighbour: the field goes on through it; an
antialiased stroke pixel of a luma in the window's range jumps from its neighbours).
Its chroma, from the field's (the window's median), moves toward the stroke's -- the
flagged pixel within SMEAR_STROKE_RADIUS farthest in chroma from the field, at least
SMEAR_APART DN off it (a colored stroke; or a black, white or gray one far in luma,
whose no chroma 4:2:0 averages in: SMEAR_NEUTRAL_SHARE) -- by at most SMEAR_SHARE of the
way (the stroke's pixels, which hold its chroma, reach further: 4:2:0 averages the
line's pixel with the field's in its 2x2 block) and off that line by at most
SMEAR_OFF of its length plus SMEAR_OFF_DN. It takes the position of the field pixel
of its window nearest in luma (JPEG's luma-weighted position, not its RGB one: its
chroma is the stroke's). SMEAR_ROUNDS rounds: a pixel found joins the field of the
next (the second pixel from the line, whose first neighbour was flagged too).

Measured on t164's pictures (benchmarks/decolorize_trial/contour3/probe.py; see its
README for the 16 cases): red contours over gray q75, of the flagged data pixels
within 2 px of the lines (before): luma within the field's range (excess <= 3 DN)
86 %, chroma share median 0.32 (95 % <= 0.61), the line's flagged pixels' share median
0.75 (25 % <= 0.60); luma gap to an unflagged neighbour median 2.8 DN for the data, 32
for the line's pixels. A plane fitted to the field's luma told them apart worse (the
data beside the line rings 5-15 DN off the plane). Holes on data, q75, before -> after:
red over gray 13.2 -> 11.0 % (0-2 px 38.3 -> 32.4 %), autumn over gray 17.0 -> 14.9 %,
magenta over viridis 14.4 -> 12.4 %, magenta over jet 20.3 -> 18.4 %, the lines flagged
within 0.2 point; the pixels given back 0.011-0.027 from the truth (mean; the k-d tree's
0.014-0.076), but over jet, whose luma turns (red, autumn lines: 0.030 / 0.038, p99 0.24
/ 0.52). A share of 0.5 (0.3 near) and two rounds gave 13.2 -> 5.6 % and the lines
>= 96.6 %, but gave back the faint antialiased edge (a few % of ink) that
tests/color/test_decolorize_chroma_bleed.py counts as the line's: 98.1 -> 91.7 % of its
pixels flagged (97 % asked); and at 10 DN / no stroke chroma floor the annotated camera's
magenta coastline and white lines (tests/color/test_decolorize_annotations.py, whose
masks take that edge too) 98.4 -> 90.0 %, 97.4 -> 93.7 %.

The wide share (``SMEAR_SHARE_WIDE``, contour4): where the stroke's chroma lies
SMEAR_WIDE DN or more from the field's, the share is read with less noise and may reach
0.4 (0.2 where the luma does not tell). Scored as benchmarks/_drawn_annotations.py does
(benchmarks/decolorize_trial/contour4/probe.py: line = moved > 12 DN by the lines, the
1-12 DN fringe neither line nor data), t164 q75, data holes before -> after: red over
gray 10.2 -> 8.0 % (0-2 px 24.4 -> 18.9 %), autumn over gray 14.1 -> 12.7 %, magenta
over viridis 11.6 -> 10.2 %, magenta over jet 17.5 -> 16.2 %, red over magma 7.5 ->
6.6 %; the lines flagged 98.1-98.8 -> 97.3-97.8 % over gray and viridis, magma's red
and magenta 95.6 / 96.0 -> 95.2 / 95.5 % (they bind: the lines' own edge pixels over
magma keep its luma and read a share as low as the data's; 0.45 / 0.25 took them to
95.0 / 95.3, a share of 0.35 / 0.2 everywhere with two rounds to 94.8 / 94.9). No
feature tried (luma gap, luma range, luma against the stroke's, the stroke's chroma
size) told the lines' low-share pixels from the data's: each setting trades about one
line pixel for three to seven data pixels.

Black and white cell borders (``pcolormesh(edgecolors="k" | "w", linewidth=1)``, 16 x 24
cells, JPEG q75; tests/color/test_decolorize_cell_borders.py), data holes before ->
after the neutral strokes: viridis k 17.2 -> 5.5 %, w 10.7 -> 4.3 %, jet k 10.5 -> 5.3 %,
w 18.5 -> 8.6 % (q90: 16.0 -> 2.3, 8.7 -> 1.8, 10.2 -> 2.7, 16.9 -> 4.8 %), the borders
flagged as before (99.9-100 %), the pixels given back within 1.3-1.7 % of the range.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from truepix.color._decolorize._plan import _YCBCR

__all__ = ["smeared_beside"]

#: The field: the pixels not flagged within this square radius (px) ...
SMEAR_FIELD_RADIUS = 3
#: ... at least this many of them.
SMEAR_FIELD_PIXELS = 3
#: The pixel's luma at most this far (DN) outside the field's luma range ...
SMEAR_LUMA = 3.0
#: ... and this close (DN) to the luma of a field pixel among its 8 neighbours.
SMEAR_GAP = 6.0
#: The stroke: the flagged pixel within this square radius (px) farthest in chroma from
#: the field's median ...
SMEAR_STROKE_RADIUS = 2
#: ... at least this far (DN, Cb and Cr) from it, and its own chroma this far from gray's:
#: a colored stroke (a white or gray one over viridis stands apart from the field's chroma
#: too, but what 4:2:0 left of its chroma is the field's).
SMEAR_APART = 20.0
SMEAR_INK_CHROMA = 55.0
#: The pixel's chroma moves from the field's toward the stroke's by at most this share
#: of the way where the stroke's luma lies SMEAR_LUMA_APART DN or more from the pixel's
#: (its antialiased pixels' luma leaves the field's: the luma tells them), by at most
#: SMEAR_SHARE_NEAR where it does not (a red line over gray's 0.3, autumn's lines: its
#: pixels keep the field's luma, their chroma alone tells them) -- and by no less than
#: -SMEAR_BACK (JPEG's ringing overshoots) ...
SMEAR_SHARE = 0.25
SMEAR_SHARE_NEAR = 0.15
SMEAR_LUMA_APART = 15.0
SMEAR_BACK = 0.25
#: A stroke whose chroma lies SMEAR_WIDE DN or more from the field's reads the share
#: with less noise: up to SMEAR_SHARE_WIDE (SMEAR_SHARE_NEAR_WIDE where the luma does not
#: tell) -- see the module's docstring for what was measured.
SMEAR_WIDE = 60.0
SMEAR_SHARE_WIDE = 0.4
SMEAR_SHARE_NEAR_WIDE = 0.2
#: A black, white or gray stroke (chroma within SMEAR_NEUTRAL_CHROMA DN of gray's, luma
#: SMEAR_NEUTRAL_LUMA DN or more from the pixel's: cell borders, ``edgecolors="k"``):
#: 4:2:0 averages its no chroma with the field's, the pixel beside it keeps the field's
#: luma and loses up to half its chroma (SMEAR_NEUTRAL_SHARE); the line's antialiased
#: pixels leave the field's luma (SMEAR_LUMA tells them). A white stroke over twilight's
#: light end (tests/color/test_decolorize_fringes.py) JPEG'd reads 10-12 DN of chroma:
#: taken as neutral at 12, its faint edge came back (94.9 % of it flagged, 95 asked).
#: At 9-10.5 both that test and the borders' hold; at 6 the borders lose the rule.
SMEAR_NEUTRAL_CHROMA = 10.0
SMEAR_NEUTRAL_LUMA = 40.0
SMEAR_NEUTRAL_SHARE = 0.6
#: ... and lies off that line by at most SMEAR_OFF of its length plus SMEAR_OFF_DN.
SMEAR_OFF = 0.3
SMEAR_OFF_DN = 6.0
#: Rounds: a pixel found joins the field of the next (one: the second round gave back
#: the faint antialiased edge of test_decolorize_chroma_bleed's red contours, 97.4 ->
#: 97.1 % of every pixel the lines touch flagged).
SMEAR_ROUNDS = 1
_BLOCK = 8192


def smeared_beside(
    flat: np.ndarray, scale: float, width: int, off_map: np.ndarray,
    ycc: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Flagged pixels of ``off_map`` (flat mask, rows of ``width``) that are data
    beside a colored stroke whose chroma JPEG smeared over them (see the module's
    docstring), and for each the flat index of the field pixel that answers it (its
    window's unflagged pixel nearest in luma). ``flat``: the picture, (N, C) DN times
    ``scale``; ``ycc``: its :func:`picture_ycc`, when known. ``off_map`` is not changed."""
    radius = SMEAR_FIELD_RADIUS
    offsets = [(dy, dx) for dy in range(-radius, radius + 1) for dx in range(-radius, radius + 1)]

    def judge(ycc: np.ndarray, mask: np.ndarray, y: np.ndarray, x: np.ndarray):
        found = np.zeros(len(y), dtype=bool)
        answer = np.zeros(len(y), dtype=np.int64)
        for start in range(0, len(y), _BLOCK):  # (a block at a time: (block, 49, 3) colors)
            part = slice(start, start + _BLOCK)
            found[part], answer[part] = _judged(ycc, mask, y[part], x[part], offsets)
        return found, answer

    return given_back(flat, scale, width, off_map, SMEAR_ROUNDS, judge, ycc)


def given_back(
    flat: np.ndarray, scale: float, width: int, off_map: np.ndarray, rounds: int,
    judge: Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]],
    ycc: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """The flagged pixels of ``off_map`` (flat mask, rows of ``width``) that ``judge``
    gives back in up to ``rounds`` rounds, and for each the flat index of the field
    pixel that answers it. Each round judges the flagged pixels with an unflagged
    8-neighbour: ``judge(ycc, mask, y, x)`` -> (whether data, the flat index of its
    answer), ``ycc`` the picture in JPEG's YCbCr ((H, W, 3), DN), ``mask`` the pixels
    still flagged; a pixel found joins the field of the next round, and an answer that
    was itself found is followed to its own (:func:`smeared_beside`,
    ``_rimmed.rimmed_beside``); ``ycc``: :func:`picture_ycc`, when known. ``off_map`` is
    not changed."""
    none = np.zeros(0, dtype=np.int64)
    height = len(off_map) // width
    if not off_map.any() or height < 3 or width < 3:
        return none, none
    mask = off_map.reshape(height, width).copy()
    ycc = picture_ycc(flat, scale, width) if ycc is None else ycc
    source = np.full(len(off_map), -1, dtype=np.int64)  # (per pixel found: its answer)
    found_all = []
    for _ in range(rounds):
        touched = np.zeros_like(mask)  # (flagged with an unflagged 8-neighbour)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                if dy or dx:
                    touched |= _shifted(~mask, dy, dx, False)
        y, x = np.nonzero(mask & touched)
        if not len(y):
            break
        found, answer = judge(ycc, mask, y, x)
        if not found.any():
            break
        fy, fx = y[found], x[found]
        flat_found = fy * width + fx
        answers = answer[found]
        chained = source[answers] >= 0  # (answered by a pixel found in an earlier round)
        answers[chained] = source[answers[chained]]
        source[flat_found] = answers
        mask[fy, fx] = False
        found_all.append(flat_found)
    if not found_all:
        return none, none
    found_flat = np.concatenate(found_all)
    return found_flat, source[found_flat]


def picture_ycc(flat: np.ndarray, scale: float, width: int) -> np.ndarray:
    """The picture ``flat`` ((N, C), DN times ``scale``, rows of ``width``) in JPEG's YCbCr,
    (H, W, 3) DN: what :func:`given_back`'s judges read, made once for ``_smeared`` and
    ``_rimmed`` (a megapixel's: 12 ms a time, one thread)."""
    return ((flat[:, :3].astype(np.float64) * scale) @ _YCBCR.T).reshape(-1, width, 3)


def _shifted(a: np.ndarray, dy: int, dx: int, fill: bool) -> np.ndarray:
    """``a`` read at (y + dy, x + dx) per pixel, ``fill`` outside."""
    out = np.full_like(a, fill)
    height, width = a.shape[:2]
    ys, yd = slice(max(dy, 0), height + min(dy, 0)), slice(max(-dy, 0), height + min(-dy, 0))
    xs, xd = slice(max(dx, 0), width + min(dx, 0)), slice(max(-dx, 0), width + min(-dx, 0))
    out[yd, xd] = a[ys, xs]
    return out


def _judged(
    ycc: np.ndarray, mask: np.ndarray, y: np.ndarray, x: np.ndarray, offsets: list
) -> tuple[np.ndarray, np.ndarray]:
    """Per flagged pixel (``y``, ``x``): whether it is smeared data (the module's
    rule) and the flat index of its window's field pixel nearest in luma."""
    height, width = mask.shape
    n = len(y)
    yy = y[:, None] + np.array([o[0] for o in offsets])[None, :]
    xx = x[:, None] + np.array([o[1] for o in offsets])[None, :]
    inside = (yy >= 0) & (yy < height) & (xx >= 0) & (xx < width)
    yy, xx = np.clip(yy, 0, height - 1), np.clip(xx, 0, width - 1)
    field = inside & ~mask[yy, xx]
    luma = ycc[yy, xx, 0]
    own_luma = ycc[y, x, 0]
    n_field = field.sum(axis=1)
    ok = n_field >= SMEAR_FIELD_PIXELS
    low = np.where(field, luma, np.inf).min(axis=1)
    high = np.where(field, luma, -np.inf).max(axis=1)
    ok &= (own_luma >= low - SMEAR_LUMA) & (own_luma <= high + SMEAR_LUMA)
    gap = np.abs(luma - own_luma[:, None])
    step = np.array([max(abs(o[0]), abs(o[1])) for o in offsets])
    gap_near = np.where(field & (step <= 1)[None, :], gap, np.inf).min(axis=1)
    ok &= gap_near <= SMEAR_GAP
    # (the tests below only reject: read on the pixels still in, per pixel the same --
    # a figure's white margin's rim, JPEG q75 1 MP, 6574 pixels: 51 -> 24 ms)
    answer = np.zeros(n, dtype=np.int64)
    keep = np.flatnonzero(ok)
    if not len(keep):
        return ok, answer
    yy, xx, field, gap, n_field = yy[keep], xx[keep], field[keep], gap[keep], n_field[keep]
    flagged = inside[keep] & mask[yy, xx]
    window = ycc[yy, xx]  # (n, k, 3)
    own = ycc[y[keep], x[keep]]  # (n, 3)
    n = len(keep)
    kept = ok[keep]
    # the field's chroma: its median (np.nanmedian's, by a sort: 5x faster here)
    chroma = np.sort(np.where(field[..., None], window[..., 1:], np.inf), axis=1)
    lower = np.maximum(n_field - 1, 0) // 2
    upper = np.minimum(n_field // 2, len(offsets) - 1)
    ground = 0.5 * (np.take_along_axis(chroma, lower[:, None, None], axis=1)[:, 0]
                    + np.take_along_axis(chroma, upper[:, None, None], axis=1)[:, 0])
    ground = np.where(np.isfinite(ground), ground, 0.0)  # (no field: rejected above)
    near = flagged & (step <= SMEAR_STROKE_RADIUS)[None, :]
    apart = ((window[..., 1:] - ground[:, None, :]) ** 2).sum(axis=2)
    apart = np.where(near, apart, -1.0)
    strongest = apart.argmax(axis=1)
    size = apart[np.arange(n), strongest]
    kept &= size >= SMEAR_APART**2
    ink_chroma = (window[np.arange(n), strongest, 1:] ** 2).sum(axis=1)
    # (a black, white or gray stroke far in luma: its chroma nothing, what it takes
    # from the pixel beside it up to half its chroma -- SMEAR_NEUTRAL_SHARE)
    stroke_luma = window[np.arange(n), strongest, 0]
    neutral = (ink_chroma <= SMEAR_NEUTRAL_CHROMA**2) & (
        np.abs(stroke_luma - own[:, 0]) >= SMEAR_NEUTRAL_LUMA
    )
    kept &= (ink_chroma >= SMEAR_INK_CHROMA**2) | neutral
    stroke = window[np.arange(n), strongest, 1:] - ground
    offset = own[:, 1:] - ground
    with np.errstate(all="ignore"):  # (no stroke near: rejected above, share 0)
        share = np.where(size > 0, (offset * stroke).sum(axis=1) / np.maximum(size, 1e-12), 0.0)
    inked = np.abs(window[np.arange(n), strongest, 0] - own[:, 0]) >= SMEAR_LUMA_APART
    wide = size >= SMEAR_WIDE**2
    limit = np.where(
        neutral,
        SMEAR_NEUTRAL_SHARE,
        np.where(inked, np.where(wide, SMEAR_SHARE_WIDE, SMEAR_SHARE),
                 np.where(wide, SMEAR_SHARE_NEAR_WIDE, SMEAR_SHARE_NEAR)),
    )
    kept &= (share <= limit) & (share >= -SMEAR_BACK)
    off = np.sqrt(((offset - share[:, None] * stroke) ** 2).sum(axis=1))
    kept &= off <= SMEAR_OFF * np.sqrt(np.maximum(size, 0.0)) + SMEAR_OFF_DN
    nearest = np.where(field, gap, np.inf).argmin(axis=1)
    answer[keep] = yy[np.arange(n), nearest] * width + xx[np.arange(n), nearest]
    ok[keep] = kept
    return ok, answer

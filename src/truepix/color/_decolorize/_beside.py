"""Data beside a thin straight stroke that JPEG's ringing moved (``beside_strokes``).

A cell border (``pcolormesh(edgecolors=...)``, seaborn ``heatmap(linewidths=...)``), a
grid line or a frame drawn 1 px wide over a map, JPEG'd, rings into the pixel beside
it: exact on PNG, it holds a part of the stroke's color after JPEG (its luma rings
through the 8x8 block, its chroma, 4:2:0, is shared with the stroke's). The rules that
flag the stroke take that pixel along (its color is on no map color; ``_jpeg``'s halo
around strokes beyond the map's luma flags it outright): trial 55's
``pcolormesh(uniform(16 x 24), edgecolors="w", linewidth=0.5)`` under viridis, q75,
left 53 % of the data pixels beside the borders NaN (jet, black borders: 20 %).

Such a pixel is read from the field beyond it. Along one of the four axis directions
it has the stroke on one side -- a flagged pixel on a straight flagged run of
BESIDE_RUN px or more across that direction, of one color (BESIDE_EVEN: a slanted
line's antialiased pixels vary), at most BESIDE_WIDTH px thick (data again beyond),
its own row crossed by no stroke but one across the border (a cell's corner;
BESIDE_ROW) -- and the field on the other: BESIDE_FIELD pixels not flagged, within
BESIDE_FLAT DN (or BESIDE_FLAT_SHARE of the stroke's distance) of each other. Its
offset from the field's mean is JPEG's ringing of the stroke's, not a blend with it:
at most BESIDE_SHARE of the stroke's luma offset, up to BESIDE_CHROMA of its chroma
offset (4:2:0 shares a chroma sample between the stroke's pixel and the one beside;
an antialiased edge moves luma and chroma alike). It takes the field's answer (the
position of the field's pixel past the one beside it) and stays out of ``_ringed``'s
RGB answers.

Measured (tests/color/test_decolorize_cell_borders.py; 480x320 pcolormesh of
uniform(16 x 24), lw 0.5, JPEG 4:2:0), data holes %, before -> after, q75: viridis
black 18.9 -> 3.7, white 10.5 -> 3.3, jet black 4.05 -> 1.46, white 16.7 -> 5.7; q90:
19.4 -> 2.6, 9.5 -> 2.2, 4.0 -> 1.1, 16.3 -> 4.3; seaborn ``heatmap(linewidths=0.5)``
viridis q90 9.5 -> 1.9. Their values beside the borders closer to the truth (viridis
white q75 MAE 0.016 -> 0.013); borders flagged as before within 0.6 point (jet black
q90 93.7 -> 93.1 %). Annotated JPEG'd pictures (test_decolorize_annotations, q75)
within 1.5 points per kind (coolwarm white lines 89.1 -> 87.6 %); gray ``ax.grid`` lines over
an imshow q75: viridis grid flagged 54.1 -> 51.9 % (its faint antialiased edges), data
holes 0.20 -> 0.18 %. q95 (the plan reads it as resampled, not JPEG'd: ``unmix``)
untouched.
"""

from __future__ import annotations

import numpy as np

from truepix.color._decolorize._plan import _YCBCR

__all__ = ["beside_strokes"]

#: The stroke's pixel beside one lies on a straight flagged run this long (px, across
#: the direction to the field; a cell border, a grid line: text's strokes are shorter).
BESIDE_RUN = 9
#: ... of one color: each channel within this many DN along the run (a slanted line's
#: antialiased pixels vary with their coverage; a border's are alike) ...
BESIDE_EVEN = 70.0
#: ... and no pixel in the judged one's own row along it (BESIDE_RUN) holds more than
#: this share of the stroke's color (a slanted stroke crosses that row).
BESIDE_ROW = 0.5
#: ... and the stroke is at most this thick (px): data again beyond it.
BESIDE_WIDTH = 3
#: The field: this many pixels past the one judged, none flagged ...
BESIDE_FIELD = 3
#: ... within this many DN of each other in every channel (one flat color, JPEG'd).
BESIDE_FLAT = 28.0
#: ... or this share of the stroke's distance from the field (JPEG's ringing of the
#: stroke reaches past the pixel beside it)
BESIDE_FLAT_SHARE = 0.25
#: The pixel's share of the stroke's luma offset (from the field's mean) at most this
#: (plus BESIDE_LUMA DN) ...
BESIDE_SHARE = 0.35
BESIDE_LUMA = 4.0
#: ... its share of the stroke's chroma offset at most this (4:2:0 shares one chroma
#: sample between the stroke's pixel and the one beside: about half; a stroke's
#: antialiased edge moves luma and chroma alike) ...
BESIDE_CHROMA = 0.6
#: ... and its chroma off the line between them by at most this share of their
#: distance.
BESIDE_OFF = 0.3
#: ... where the stroke's pixel lies this many DN or more from the field.
BESIDE_APART = 30.0

#: ... and the stroke's color lies this far (DN, RGB distance) from every map color:
#: white on magma (64 DN from its end) or twilight (56) fringes the field as JPEG rings;
#: black is 108 DN from viridis' end (JPEG'd, 80 and more), white 220 from it.
BESIDE_FOREIGN = 70.0
_AXES = ((0, 1), (0, -1), (1, 0), (-1, 0))
#: The farthest any test reads from the judged pixel (px, along or across).
_REACH = max(BESIDE_WIDTH + 1, BESIDE_FIELD, BESIDE_RUN // 2 + 1)


def beside_strokes(
    flat: np.ndarray, scale: float, width: int, off_map: np.ndarray, colors_of_map: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Flagged pixels of ``off_map`` (flat mask) beside a thin straight stroke whose
    color is a small blend of the stroke's and the field's beyond (see the module's
    docstring), and for each the flat index of the field pixel that answers it.
    ``flat``: the picture, (N, C) DN times ``scale``; ``colors_of_map``: (K, 3) DN, the
    map's colors (a stroke within BESIDE_FOREIGN of one of them is not judged)."""
    height = len(off_map) // width
    flagged = np.flatnonzero(off_map)
    none = np.zeros(0, dtype=np.int64)
    if not len(flagged) or height < 2 * BESIDE_RUN or width < 2 * BESIDE_RUN:
        return none, none
    rgb = flat[:, :3].reshape(height, width, 3)
    # the mask padded with REACH flagged pixels each side (outside the picture: flagged),
    # read at flat offsets; each test only on the pixels the ones before kept (a figure's
    # white margin, JPEG q75 1 MP: ~500 000 flagged, 64 tests each, 260 -> 20 ms)
    padded = np.ones((height + 2 * _REACH, width + 2 * _REACH), dtype=bool)
    padded[_REACH:-_REACH, _REACH:-_REACH] = off_map.reshape(height, width)
    held_flat, stride = padded.reshape(-1), width + 2 * _REACH

    def colors(rows: np.ndarray, cols: np.ndarray) -> np.ndarray:  # (edges repeat)
        at = rgb[np.clip(rows, 0, height - 1), np.clip(cols, 0, width - 1)]
        return at.astype(np.float64) * scale

    y, x = flagged // width, flagged % width
    base = (y + _REACH) * stride + x + _REACH  # (each flagged pixel in ``padded``)
    found = np.zeros(len(flagged), dtype=bool)
    source = np.zeros(len(flagged), dtype=np.int64)
    half = BESIDE_RUN // 2

    def held(index: np.ndarray, ry: int, rx: int) -> np.ndarray:  # (outside: flagged)
        return held_flat[base[index] + (ry * stride + rx)]

    for dy, dx in _AXES:
        index = np.flatnonzero(~found)
        # (the field's first pixel first: within a flagged area none -- the tests keep
        # the same pixels in any order; a white margin's 500 000, JPEG q75 1 MP:
        # beside_strokes 25.5 -> 21.2 ms)
        index = index[~held(index, dy, dx)]
        index = index[held(index, -dy, -dx)]
        for k in range(2, BESIDE_FIELD + 1):
            index = index[~held(index, k * dy, k * dx)]
        thin = np.zeros(len(index), dtype=bool)
        for k in range(2, BESIDE_WIDTH + 2):
            thin |= ~held(index, -k * dy, -k * dx)
        index = index[thin]
        for k in range(-half, half + 1):  # (the stroke runs across: dx, dy swapped)
            index = index[held(index, -dy + k * dx, -dx + k * dy)]
        if not len(index):
            continue
        iy, ix = y[index], x[index]
        field = np.stack([colors(iy + k * dy, ix + k * dx) for k in range(1, BESIDE_FIELD + 1)])
        mean = field.mean(axis=0)
        ink = colors(iy - dy, ix - dx)
        stroke = ink - mean
        apart = np.sqrt((stroke**2).sum(axis=1))
        offset = colors(iy, ix) - mean
        kept = (apart >= BESIDE_APART) & _ringing(offset, stroke, apart)
        kept &= _foreign(ink, colors_of_map)
        spread = (field.max(axis=0) - field.min(axis=0)).max(axis=1)
        kept &= spread <= np.maximum(BESIDE_FLAT, BESIDE_FLAT_SHARE * apart)
        run = np.stack([colors(iy - dy + k * dx, ix - dx + k * dy) for k in range(-half, half + 1)])
        kept &= np.all(run.max(axis=0) - run.min(axis=0) <= BESIDE_EVEN, axis=1)
        for k in range(-half, half + 1):  # (the judged one's row: no stroke crosses it ...
            if k:  # ... but one running along (dx, dy), across the border: a cell's corner)
                parts = [
                    _share(colors(iy + k * dx + step * dy, ix + k * dy + step * dx), mean,
                           stroke, apart)
                    for step in range(3)
                ]  # fmt: skip
                kept &= (parts[0] <= BESIDE_ROW) | np.all(np.stack(parts) > BESIDE_ROW, axis=0)
        found[index[kept]] = True
        source[index[kept]] = (iy[kept] + 2 * dy) * width + ix[kept] + 2 * dx
    return flagged[found], source[found]


def _foreign(ink: np.ndarray, colors_of_map: np.ndarray) -> np.ndarray:
    """Per stroke pixel (``ink``: (N, 3) DN): whether every map color lies BESIDE_FOREIGN
    DN or more from it (RGB distance). A white stroke over magma or twilight, whose
    ends are near white, fringes the field in colors JPEG's ringing makes too."""
    out = np.ones(len(ink), dtype=bool)
    table = np.asarray(colors_of_map, dtype=np.float64)[:, :3]
    for start in range(0, len(ink), 4096):  # (a block at a time: (4096, K) distances)
        part = ink[start : start + 4096, :3]
        near = sum((part[:, None, c] - table[None, :, c]) ** 2 for c in range(3))
        out[start : start + 4096] = near.min(axis=1) >= BESIDE_FOREIGN**2
    return out


def _share(
    at: np.ndarray, mean: np.ndarray, stroke: np.ndarray, apart: np.ndarray
) -> np.ndarray:
    """Per pixel (colors ``at``, DN times the picture's scale): its share of the ``stroke``'s
    offset from the field's ``mean`` (``apart``: that offset's length)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return ((at - mean) * stroke).sum(axis=1) / apart**2


def _ringing(offset: np.ndarray, stroke: np.ndarray, apart: np.ndarray) -> np.ndarray:
    """Per pixel: whether its ``offset`` (RGB, from the field's mean) is JPEG's ringing
    of the ``stroke``'s (RGB offset, ``apart`` its length) -- a small share of its luma
    (BESIDE_SHARE, BESIDE_LUMA), up to about half its chroma (BESIDE_CHROMA, BESIDE_OFF)
    -- not a blend with it."""
    own, far = offset @ _YCBCR.T, stroke @ _YCBCR.T
    luma = np.abs(own[:, 0]) <= BESIDE_SHARE * np.abs(far[:, 0]) + BESIDE_LUMA
    chroma = far[:, 1:]
    size = (chroma**2).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(size > 0, (own[:, 1:] * chroma).sum(axis=1) / size, 0.0)
    share = np.minimum(share, 1.0)
    off = np.sqrt(((own[:, 1:] - share[:, None] * chroma) ** 2).sum(axis=1))
    return luma & (np.abs(share) <= BESIDE_CHROMA) & (off <= BESIDE_OFF * apart)

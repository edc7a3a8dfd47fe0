"""JPEG's chroma bleed around strokes: data pixels that carry a stroke's chroma.

4:2:0 JPEG keeps one chroma sample per 2x2 pixels and codes it in 8x8 blocks: a
16x16-pixel MCU. A colored stroke's chroma is averaged into its blocks and rings
over the whole MCU (and the decoder's upsampling carries it a pixel into the next),
while luma, kept per pixel, stays the field's. On a map whose chroma varies slowly
(gray: none at all) such a pixel's luma is still the data and its chroma offset
from the map is a fraction of the stroke's: a red contour on a gray imshow figure
(JPEG q75) leaves pixels 3-20 DN of chroma away from gray in bands of 8-10 pixels
along every 1-px line, 0.02-0.21 (1st-99th percentile) of the largest chroma offset
in their own or an adjacent MCU; the stroke's own pixels (changed by 20+ DN) hold
0.26 or more (1st percentile), their cores 0.35.

A flagged pixel is such bleed (:func:`bled`) when its luma the map explains (within
BLEED_LUMA DN of the map's color at its position), its chroma offset is at most
BLEED_SHARE of the largest in its MCU and the 8 around and lies along it
(BLEED_ACROSS: JPEG codes a block's Cb and Cr alike, so a stroke bleeds along its own
chroma; white strokes on magma beside magenta ones do not), its luma is the field's
(BLEED_FIELD: a thin stroke's luma stands apart from the pixels around it), and,
where it touches a pixel above that share (BLEED_EDGE: the stroke's antialiased
edge, or heavier bleed), its luma has not moved toward that pixel's (BLEED_COVER,
BLEED_STILL: JPEG keeps luma per pixel; an edge's is a blend with the stroke's). It
is data again after ``_jpeg.jpeg_off_map`` (:func:`strokes_unbled`), and on a sharp
render (a gray map keeps R = G = B, table colors, through JPEG) no step of
``_tables.flag_edges``' rings: each of them grew the edge of a bleed pixel taken
for a stroke over the bleed beside it (every pixel there off the table), 2.4 -> 18 %
of the data 5 px or more from the strokes on a gray fBm terrain figure.

The luma rule beside stronger pixels (``_luma_apart``; before, any such pixel stayed
flagged) on 256^2 fBm imshow figures with matplotlib contours (8 levels, lw 1, JPEG
q75; trial54 t164), NaN among data pixels 0-2 / 2-5 px from the lines, %: red over
gray 59.5 / 7.58 -> 38.4 / 1.58, over viridis 55.8 / 3.80 -> 41.3 / 2.08, over jet
24.0 / 2.40 -> 23.6 / 2.15, cyan over viridis 12.8 / 0.25 -> 10.6 / 0.15; the lines
flagged 99.8 -> 99.7 %. The pixels given back are answered by their luma-weighted
position (``_ringed`` leaves them out of its RGB ones: viridis' 0.056 -> 0.018 mean
error on them). Any pixel above BLEED_SHARE up to 0.35 where luma tells it from the
stroke's edge: gray 13.3 -> 11.2 % over the plot, but lines 99.7 -> 99.0 (left out).

Measured (4:2:0 only; ``Plan.subsampled``): gray imshow figures (500x400, JPEG q75)
of a 256^2 fBm terrain / the camera with red, green, blue contours and text, NaN
among data pixels 5 px or more from any stroke pixel, %: terrain 18.10 / 14.40 /
10.38 -> 0.79 / 2.61 / 0.78, camera 2.06 / 1.03 / 1.78 -> 0.21 / 0.39 / 0.18; the
plot 54.7 / 51.6 / 49.8 -> 33.7 / 37.9 / 33.3 %; strokes flagged as before (98.3-100
%). viridis, magma, coolwarm figures alike: 0.00-0.33 % before, the same or less
after, strokes within 0.4 point. benchmarks/colormaps.py's annotated pictures (JPEG
q75 hard / antialiased / antialiased 4:4:4, flagged): gray 97.61 / 97.20 / 98.50 ->
97.61 / 97.03 / 98.50, viridis and magma -0.2 point (magma's 4:4:4, judged 4:2:0 by
the plan, -0.3), coolwarm -0.1 at most; their map pixels lost fewer (coolwarm 20.99
-> 19.33, gray 22.77 -> 20.15); accuracy and holes as before. Without the
direction and field rules (share alone) the strokes lost 0.5-1.1 points (green on
viridis, white and magenta on magma); with a share of 0.15 the terrain kept 2.4-6.0 %
NaN.
"""

from __future__ import annotations

import numpy as np

from truepix.color._decolorize import _degraded as degraded
from truepix.color._decolorize._palette import Polyline
from truepix.color._decolorize._plan import _YCBCR
from truepix.color._decolorize._strokes import stroke_pixels

__all__ = ["BLEED_SHARE", "bled", "gray_bleed", "strokes_unbled"]

#: JPEG's MCU under 4:2:0 (pixels, from the picture's corner).
BLEED_TILE = 16
#: A flagged pixel's chroma offset at most this share of the largest in its MCU and
#: the 8 around is bleed (see the module's docstring).
BLEED_SHARE = 0.2
#: ... where its luma lies within this many DN of the map's color at its position.
BLEED_LUMA = 6.0
#: ... along the line of that largest offset (JPEG codes Cb and Cr of a block alike:
#: a stroke's chroma bleeds along its own direction), within this many DN across it:
#: a stroke of another color (white on magma, beside magenta) holds its own.
BLEED_ACROSS = 12.0
#: ... with a luma within BLEED_FIELD DN of the median of the pixels within
#: BLEED_FIELD_RADIUS (JPEG keeps the field's luma; a thin stroke keeps its own).
BLEED_FIELD = 12.0
BLEED_FIELD_RADIUS = 2
#: ... and no nearer a flagged pixel above that share than this (pixels, a square).
BLEED_EDGE = 1
#: ... unless its luma lies within BLEED_COVER of the way from the field's toward that
#: pixel's (an antialiased edge covering less), or BLEED_STILL DN.
BLEED_COVER = 0.2
BLEED_STILL = 4.0


def bled(
    pixels: np.ndarray, chroma: np.ndarray, luma: np.ndarray, flat: np.ndarray, scale: float,
    width: int,
) -> np.ndarray:
    """Per pixel (flat indices ``pixels``, the flagged ones and any others near them):
    whether it is JPEG's bleed of the strokes around (BLEED_SHARE, BLEED_ACROSS,
    BLEED_LUMA, BLEED_TILE, BLEED_EDGE); ``chroma``: (N, 2) its Cb Cr offset from the
    map (DN; NaN: unknown), ``luma``: its luma offset (DN); ``flat`` the picture
    ((N, C), DN times ``scale``), whose luma around tells (BLEED_FIELD)."""
    if not len(pixels):
        return np.zeros(0, dtype=bool)
    height = len(flat) // width
    tile = BLEED_TILE
    rows, cols = (height + tile - 1) // tile, (width + tile - 1) // tile
    row, col = pixels // width // tile + 1, pixels % width // tile + 1
    size = np.hypot(chroma[:, 0], chroma[:, 1])
    known = np.isfinite(size)
    # each MCU's largest offset (its vector: the last written of the sorted ones)
    order = np.flatnonzero(known)[np.argsort(size[known], kind="stable")]
    peak = np.zeros((rows + 2, cols + 2))
    vector = np.zeros((rows + 2, cols + 2, 2))
    peak[row[order], col[order]] = size[order]
    vector[row[order], col[order]] = chroma[order]
    around, toward = peak.copy(), vector.copy()
    inner = np.s_[1:-1, 1:-1]
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            shifted = np.s_[1 + dy : rows + 1 + dy, 1 + dx : cols + 1 + dx]
            larger = peak[shifted] > around[inner]
            around[inner][larger] = peak[shifted][larger]
            toward[inner][larger] = vector[shifted][larger]
    top, direction = around[row, col], toward[row, col]
    with np.errstate(invalid="ignore", divide="ignore"):
        # the offset's part across the line of the peak's (JPEG codes Cb and Cr alike)
        across = np.abs(chroma[:, 0] * direction[:, 1] - chroma[:, 1] * direction[:, 0]) / top
    weak = known & (size <= BLEED_SHARE * top) & (across <= BLEED_ACROSS)
    stronger = np.zeros(width * height, dtype=bool)
    stronger[pixels[known & ~weak]] = True
    strong = np.zeros(width * height, dtype=bool)
    degraded.near_any(pixels[known & ~weak], width, height, BLEED_EDGE, strong)
    weak &= np.abs(luma) <= BLEED_LUMA
    # ... and its luma the field's: a thin stroke's stands apart from the pixels around
    asked = np.flatnonzero(weak)
    weights = _YCBCR[0] * scale
    own = flat[pixels[asked], :3] @ weights
    around = flat[degraded.window_pixels(pixels[asked], width, height, BLEED_FIELD_RADIUS), :3]
    field = np.median(around @ weights, axis=1)
    weak[asked] = np.abs(own - field) <= BLEED_FIELD
    # ... beside a stroke, its luma the field's where the stroke's is not (JPEG keeps luma
    # per pixel: the stroke's antialiased edge moves it toward the stroke's, bleed does not)
    edged = strong[pixels[asked]] & weak[asked]
    if edged.any():
        weak[asked[edged]] = _luma_apart(
            pixels[asked[edged]], own[edged], field[edged], stronger, flat, weights, width, height
        )  # fmt: skip
    return weak


def _luma_apart(
    pixels: np.ndarray, own: np.ndarray, field: np.ndarray, stronger: np.ndarray,
    flat: np.ndarray, weights: np.ndarray, width: int, height: int,
) -> np.ndarray:  # fmt: skip
    """Per pixel (flat indices ``pixels``, luma ``own``, the field's ``field``) beside
    a ``stronger`` one (flat mask, BLEED_EDGE): whether its luma is the field's where
    the stroke's stands apart from it (BLEED_COVER, BLEED_STILL)."""
    window = degraded.window_pixels(pixels, width, height, BLEED_EDGE)
    off = np.where(stronger[window], flat[window, :3] @ weights - field[:, None], 0.0)
    stroke = off[np.arange(len(pixels)), np.argmax(np.abs(off), axis=1)]
    moved = (own - field) * np.sign(stroke)
    return moved <= np.maximum(BLEED_COVER * np.abs(stroke), BLEED_STILL)


def gray_bleed(flat: np.ndarray, cores: np.ndarray, width: int, radius: int) -> np.ndarray:
    """Flat mask of JPEG's bleed (:func:`bled`) among the pixels within ``radius`` of
    the flagged ``cores`` (flat indices) of a JPEG'd picture ``flat`` ((N, C) bytes)
    of a map of grays: no chroma of its own, every luma on it."""
    height = len(flat) // width
    around = np.zeros(len(flat), dtype=bool)
    degraded.near_any(cores, width, height, radius, around)
    pixels = np.flatnonzero(around)
    chroma = flat[pixels, :3].astype(np.float64) @ _YCBCR[1:].T
    found = np.zeros(len(flat), dtype=bool)
    found[pixels] = bled(pixels, chroma, np.zeros(len(pixels)), flat, 1.0, width)
    return found


def strokes_unbled(
    flat: np.ndarray, scale: float, width: int, position: np.ndarray, residual: np.ndarray,
    off_map: np.ndarray, line: Polyline, subsampled: bool, decided: np.ndarray | None = None,
    ring: np.ndarray | None = None, unbled: np.ndarray | None = None,
) -> None:  # fmt: skip
    """``stroke_pixels`` on a JPEG'd picture's ``off_map`` mask, then, on 4:2:0
    pictures (``subsampled``), its flagged pixels that are JPEG's bleed of the
    strokes (:func:`bled`) back to data. ``decided``: flagged pixels that stay so (a
    figure's margin), judged only as the strokes' context: those in the MCUs around
    (BLEED_TILE) the others' (the MCU peaks, BLEED_EDGE), so that a margin costs its
    edge, not its area. ``ring``: a figure's margin and JPEG's ringing around it, whose
    colors are the margin's edge blended with the data, no stroke's (``_margins``).
    ``unbled``: a flat mask set where a pixel is data again (its chroma the stroke's
    in part: its luma-weighted position answers it, not the RGB one, ``_ringed``)."""
    stroke_pixels(flat, scale, width, residual, off_map, None if ring is None else ~ring)
    if not (subsampled and off_map.any()):  # (all-data pictures: nothing flagged)
        return
    judged = off_map if decided is None else off_map & ~decided
    if not judged.any():
        return
    flagged = np.flatnonzero(off_map)
    if decided is not None:
        flagged = flagged[_around_tiles(np.flatnonzero(judged), width, len(off_map))[
            flagged // width // BLEED_TILE, flagged % width // BLEED_TILE
        ]]  # fmt: skip
    mapped = line.colors_at(position[flagged] * line.n_bins)
    rgb = flat[flagged, :3] * scale - mapped
    error = np.stack([rgb @ row for row in _YCBCR], axis=-1)  # (faster than (N, 3) @ (3, 3))
    # (chroma NaN where the position is)
    found = flagged[bled(flagged, error[:, 1:], error[:, 0], flat, scale, width)]
    found = found if decided is None else found[~decided[found]]
    off_map[found] = False
    if unbled is not None:
        unbled[found] = True


def _around_tiles(pixels: np.ndarray, width: int, n_pixels: int) -> np.ndarray:
    """(rows, cols) mask of the MCUs (BLEED_TILE) holding one of ``pixels`` (flat
    indices) or next to one that does."""
    height = n_pixels // width
    tile = BLEED_TILE
    rows, cols = (height + tile - 1) // tile, (width + tile - 1) // tile
    held = np.zeros((rows + 2, cols + 2), dtype=bool)
    held[pixels // width // tile + 1, pixels % width // tile + 1] = True
    around = np.zeros((rows, cols), dtype=bool)
    for dy in range(3):
        for dx in range(3):
            around |= held[dy : dy + rows, dx : dx + cols]
    return around

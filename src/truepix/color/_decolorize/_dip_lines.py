"""Thin black strokes strung of dips, though each pixel lies alone (``dip_lines``).

A thin (0.6-1 lw) antialiased line drawn over a field and JPEG'd keeps few cores: each of
its pixels, or each dash of a dashed one, is a few pixels among the field's, off the map
by little, so the rules that start from cores (``_alone``, ``_dips``) miss it: on trial
45's t02 figures (JPEG q75) the dashed line is nearly all of the black ink left unflagged
over the DEM (jet: 919 of the 960 missed pixels > 40 DN lie along it; viridis too).
What tells it is its shape and its color: pixel after pixel darker (brighter) than the
one field across it, the blend of that field with black (white) as JPEG's 4:2:0 leaves
it, strung along a line. JPEG's ringing beside a data edge strings along the edge too,
but it is no dip: across it the two sides are the edge's two levels, not one (the sides
agree within half the dip). A thin valley of the data dips too, but is a map color whose
chroma JPEG pulled toward the field's, and it may lie beyond the map's luma by JPEG's
overshoot of the dip; a stroke's chroma is the field's shrunk toward gray.
"""

from __future__ import annotations

import numpy as np

from truepix.color._decolorize._dips import DIP_FIT, DIP_MIN, DIP_NOISE, DIP_SIDES, opposite
from truepix.color._decolorize._grow import groups_of

__all__ = ["dip_lines"]

#: A pixel is a stroke's blend when, across it (``_dips``' DIP_REACH px each side, four
#: directions), it dips (peaks) by DIP_MIN DN and DIP_NOISE noise sigmas or more below
#: (above) both sides, the sides agree within DIP_SIDES of the dip and are data, its luma
#: puts it a share of the way from the sides' mean to black (white) and its chroma lies
#: within DIP_FIT of the dip from the segment between that blend's chroma and the field's
#: (4:2:0 averages it over 2x2 pixels), DIP_BETTER times nearer than data explains it:
#: a map color whose luma is within DIP_RING of the dip of the pixel's (JPEG's overshoot
#: of a thin dip) and whose chroma JPEG pulled at most DIP_PULL of the way to the
#: field's. Measured before the residual gate below, on trial 45's t02 figures (384^2,
#: JPEG q75; flagged > 40 DN, holes > 3 px from the ink): DIP_PULL 1.0 (any pull)
#: viridis DEM black 82.6 -> 88.4 %, 0.75
#: 92.1 %, 0.5 93.8 % but the coolwarm camera's holes 0.070 -> 0.103 %; DIP_BETTER 0.5
#: or 0 (no data test) left 0.10-0.29 % holes on the camera and coolwarm's DEM; without
#: DIP_RING (luma as it is) 0.46 % on coolwarm's camera, the folds of its coat JPEG
#: darkened past coolwarm's darkest blue; DIP_RING 0.3 / 0.5 / 0.7 0.096 / 0.092 / 0.070
#: % there (main 0.070; its gray-ink figure 0.078 / 0.075 / 0.003, main 0.003), viridis
#: DEM 92.1 / 93.5 / 92.6 %.
DIP_RING = 0.7
#: The inks: black. White's peaks made holes on all-data pictures of light maps
#: (benchmarks/annot2/alldata.py: Blues on grace_hopper, q50, 0 -> 0.066 %), and white
#: strokes are 93-100 % flagged on t02 already.
DIP_INKS = (0.0,)
DIP_BETTER = 1.0
DIP_PULL = 0.75
#: Only pixels off the map by more than ``data`` (JPEG_CANDIDATE: where data lies) are
#: asked: without, textured photographs' black dips strung (alldata.py, CMRmap camera
#: q50 0 -> 0.073 %, magma motorcycle disparity q75 8.919 -> 8.960 %); with, the same
#: t02 gains or more (fewer textured pixels crowd the lines' windows: coolwarm camera
#: black 82.8 -> 84.5 -> 89.6 %).
#: Such pixels lie on a line where those within DIP_LOCAL px (a square) are
#: DIP_LOCAL_PIXELS or more and DIP_LINE_WIDTH px wide at most across their narrowest
#: axis (the uniform width of the same second moment), the dips flagged already
#: counted with them (a stroke's other pixels); they string, across gaps of DIP_GAP px
#: (a dashed line's), into DIP_LINE_PIXELS or more spanning DIP_LINE_SPAN px or more.
#: Strings by connection alone (no local line) joined the camera's textured passes with
#: the lines into one group; a width over the whole string failed where two lines cross.
DIP_LOCAL = 4
DIP_LOCAL_PIXELS = 5
DIP_LINE_WIDTH = 2.0
DIP_GAP = 2
DIP_LINE_PIXELS = 20
DIP_LINE_SPAN = 24.0


def dip_lines(
    flat: np.ndarray, scale: float, width: int, off_map: np.ndarray, ycbcr: np.ndarray,
    noise: float, colors: np.ndarray, residual: np.ndarray, data: float,
    filled: np.ndarray | None = None,
) -> np.ndarray | None:  # fmt: skip
    """Mark in ``off_map`` the pixels of thin black strokes strung of dips (DIP_INKS);
    return the pixels asked that dip (flat indices; ``_straight`` lines them up), or
    None where none were asked.

    ``flat``: the picture's colors (times ``scale``: DN), rows of ``width``; ``ycbcr``:
    the RGB -> YCbCr matrix (rows Y, Cb, Cr); ``noise``: the picture's measured noise
    (DN); ``colors``: the map's (DN, RGB rows); ``residual`` per pixel, ``data`` the
    largest a field's side may have, and the least a stroke's pixel has; ``filled``
    (or None): a figure's margin (``_fills``), no stroke's and not asked.
    """
    height = len(flat) // width
    flagged = off_map if filled is None else off_map & ~filled
    if np.count_nonzero(flagged) < DIP_LINE_PIXELS:
        return None  # (no stroke found at all: an all-data picture, whose dips are texture's)
    asked = flagged | (residual > data)
    if filled is not None:
        asked &= ~filled
    asked = np.flatnonzero(asked)
    least = max(DIP_MIN, DIP_NOISE * noise)
    asked = asked[_luma_dips(flat, scale, width, asked, ycbcr[0], least)]
    pixels = asked[~off_map[asked]]
    if len(pixels) < DIP_LINE_PIXELS:
        return asked
    blends = _ink_blends(flat, scale, width, pixels, ycbcr, least, colors, residual, data)
    if not blends.any():
        return asked
    # (the dips flagged already string with them: a stroke's other pixels)
    found = np.zeros(len(flat), dtype=bool)
    found[pixels[blends]] = True
    along = np.union1d(pixels[blends], asked[off_map[asked]])
    strung = along[_strung(along, width, height)]
    off_map[strung[found[strung]]] = True
    return asked


def _ink_blends(
    flat: np.ndarray, scale: float, width: int, pixels: np.ndarray, ycbcr: np.ndarray,
    least: float, colors: np.ndarray, residual: np.ndarray, data: float,
) -> np.ndarray:  # fmt: skip
    """Per pixel: whether, across it, it is a blend of an ink (DIP_INKS) with the one field
    on its sides as JPEG's 4:2:0 leaves it -- its luma the blend's, its chroma between
    the blend's and the field's (chroma averaged over 2x2 pixels) -- better than any map
    color whose chroma JPEG pulled toward the field's."""
    height = len(flat) // width
    rows, cols = pixels // width, pixels % width
    own = (flat[pixels, :3] * scale) @ ycbcr.T
    table = colors @ ycbcr.T
    best = np.full(len(pixels), np.inf)
    for ink in DIP_INKS:
        for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
            inside, ia, ib = opposite(rows, cols, (dy, dx), height, width)
            inside &= (residual[ia] <= data) & (residual[ib] <= data)
            a = (flat[ia, :3] * scale) @ ycbcr.T
            b = (flat[ib, :3] * scale) @ ycbcr.T
            if ink == 0.0:
                dip = np.minimum(a[:, 0], b[:, 0]) - own[:, 0]
            else:
                dip = own[:, 0] - np.maximum(a[:, 0], b[:, 0])
            inside &= (dip >= least) & (np.abs(a[:, 0] - b[:, 0]) <= DIP_SIDES * dip)
            if not inside.any():
                continue
            field = (a[inside] + b[inside]) / 2
            pixel = own[inside]
            # the ink's share: luma from the field's toward the ink's
            span = np.where(np.abs(field[:, 0] - ink) > 1, field[:, 0] - ink, 1.0)
            kept = np.clip((pixel[:, 0] - ink) / span, 0.0, 1.0)
            fit = _to_segment(pixel[:, 1:], kept[:, None] * field[:, 1:], field[:, 1:])
            # data: a map color of the pixel's luma, its chroma pulled toward the field's
            slack = DIP_RING * dip[inside][:, None]  # (JPEG's overshoot at a thin dip)
            lumas = np.maximum(np.abs(table[None, :, 0] - pixel[:, None, 0]) - slack, 0.0)
            pulled = _to_segment(pixel[:, None, 1:], table[None, :, 1:], field[:, None, 1:],
                                 DIP_PULL)
            explained = np.sqrt(lumas**2 + pulled**2).min(axis=1)
            ok = (fit <= DIP_FIT * dip[inside]) & (fit * DIP_BETTER < explained)
            index = np.flatnonzero(inside)
            best[index[ok]] = np.minimum(best[index[ok]], fit[ok])
    return np.isfinite(best)


def _to_segment(
    point: np.ndarray, start: np.ndarray, end: np.ndarray, upto: float = 1.0
) -> np.ndarray:
    """Distance from ``point`` to the segment ``start`` -> ``end`` (last axis: coordinates),
    ``upto`` of the way along it."""
    along = end - start
    length = np.maximum((along**2).sum(axis=-1), 1e-9)
    t = np.clip(((point - start) * along).sum(axis=-1) / length, 0.0, upto)
    return np.sqrt(((start + t[..., None] * along - point) ** 2).sum(axis=-1))


def _luma_dips(
    flat: np.ndarray, scale: float, width: int, pixels: np.ndarray, luma_weights: np.ndarray,
    least: float,
) -> np.ndarray:  # fmt: skip
    """Per pixel (flat indices): whether its luma dips below (or peaks above) both sides
    DIP_REACH px away, in one of four directions, by ``least`` DN or more, the sides
    agreeing within DIP_SIDES of the dip (``_ink_blends``' luma test, as a cheap sieve)."""
    height = len(flat) // width
    rows, cols = pixels // width, pixels % width
    luma = (flat[pixels, :3] @ luma_weights) * scale
    found = np.zeros(len(pixels), dtype=bool)
    for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
        inside, ia, ib = opposite(rows, cols, (dy, dx), height, width)
        a = (flat[ia, :3] @ luma_weights) * scale
        b = (flat[ib, :3] @ luma_weights) * scale
        agree = np.abs(a - b)
        for dip in (np.minimum(a, b) - luma, luma - np.maximum(a, b)):
            found |= inside & (dip >= least) & (agree <= DIP_SIDES * dip)
    return found


def _strung(pixels: np.ndarray, width: int, height: int) -> np.ndarray:
    """Per pixel (sorted flat indices): whether it lies on a line of them -- those within
    DIP_LOCAL px (a square) are DIP_LOCAL_PIXELS or more, DIP_LINE_WIDTH px wide at most
    across their narrowest axis (the uniform width of the same second moment) -- and
    such pixels string, 8-connected across gaps of DIP_GAP px, into DIP_LINE_PIXELS or
    more spanning DIP_LINE_SPAN px or more."""
    mask = np.zeros((height + 2 * DIP_LOCAL, width + 2 * DIP_LOCAL), dtype=bool)
    y, x = pixels // width + DIP_LOCAL, pixels % width + DIP_LOCAL
    mask[y, x] = True
    n, sy, sx, syy, sxx, sxy = (np.zeros(len(pixels)) for _ in range(6))
    for dy in range(-DIP_LOCAL, DIP_LOCAL + 1):  # (the square around each pixel)
        for dx in range(-DIP_LOCAL, DIP_LOCAL + 1):
            there = mask[y + dy, x + dx]
            n += there
            sy += there * dy
            sx += there * dx
            syy += there * dy * dy
            sxx += there * dx * dx
            sxy += there * dx * dy
    per = np.maximum(n, 1.0)
    yy = syy / per - (sy / per) ** 2
    xx = sxx / per - (sx / per) ** 2
    xy = sxy / per - (sx / per) * (sy / per)
    narrowest = (yy + xx) / 2 - np.sqrt(((yy - xx) / 2) ** 2 + xy**2)
    thin = np.sqrt(12.0 * np.maximum(narrowest, 0.0)) <= DIP_LINE_WIDTH
    lined = (n >= DIP_LOCAL_PIXELS) & thin
    strung = np.zeros(len(pixels), dtype=bool)
    on_line = pixels[lined]
    if len(on_line) < DIP_LINE_PIXELS:
        return strung
    cell = DIP_GAP + 1  # (pixels in the same or touching cells lie within 2 * cell - 1)
    rows, cols = (height + cell - 1) // cell, (width + cell - 1) // cell
    cells = on_line // width // cell * cols + on_line % width // cell
    occupied = np.unique(cells)
    label = groups_of(occupied, cols, rows)[np.searchsorted(occupied, cells)]
    count = np.bincount(label)
    span = np.zeros(len(count))
    for coordinate in (on_line // width, on_line % width):
        low = np.full(len(count), np.inf)
        high = np.full(len(count), -np.inf)
        np.minimum.at(low, label, coordinate)
        np.maximum.at(high, label, coordinate)
        span = np.maximum(span, np.where(count > 0, high - low, 0.0))
    strung[lined] = ((count >= DIP_LINE_PIXELS) & (span >= DIP_LINE_SPAN))[label]
    return strung

"""Thin lines of one ink across the field: contour lines on a JPEG'd imshow figure.

A 1-px contour over a smooth field is a thin luma ridge (or valley): the pixel's luma
departs from the line through the pixels 2 and 3 px either side of it, which the field
continues across it. Where the line's blend with the field lands on the map (white
over twilight's dark middle is twilight's lavender; magenta over magma's pinks) no
per-pixel color rule tells it from data, and a photograph's own thin lines (a helmet's
rim, the camera's tripod legs) are ridges too. What differs is the *ink*: a contour is
drawn in one color over every level it marks, so its chains -- ridge pixels linked
along the field's own level (the field beside a contour is constant along it) -- share
one stroke luma over fields of different luma, and that ink lies off the map. A
photograph's lines take their color from the map, and a map whose luma peaks inside it
draws a ridge at that luma along every level curve through the peak.
"""

from __future__ import annotations

import math

import numba as nb
import numpy as np

from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._end_inks import ink_ends
from truepix.color._decolorize._discrete import line_mixtures
from truepix.color._decolorize._end_piles import colored_ends, end_lines, inked_end_runs
from truepix.color._decolorize._kernels import _JIT
from truepix.color._decolorize._line_fields import chroma_medians
from truepix.color._decolorize._palette import Polyline
from truepix.color._decolorize._plan import _YCBCR
from truepix.color._decolorize._quantized import project

__all__ = ["ink_lines"]

#: A ridge pixel: its luma LINES_RIDGE DN or more from the mean of the pixels 2 and 3
#: px either side (in whichever of 4 directions it departs most), those four within
#: min(LINES_MISFIT, LINES_REL x the departure) DN of a straight line (a smooth field;
#: a quadratic bump, the field's own ridge, fits at 0.38 of its departure).
LINES_RIDGE = 12.0
LINES_MISFIT = 8.0
LINES_REL = 0.1
#: Ridge pixels chain through neighbours within LINES_LINK px of the same sign whose
#: fields (luma minus departure) agree within LINES_FIELD DN.
LINES_LINK = 2
LINES_FIELD = 6.0
LINES_CHAIN = 40
#: Chains of LINES_CHAIN_SHORT px count too (a DEM's contour breaks into 20-40 px
#: pieces where the field bends), in a pair by chroma with one of LINES_CHAIN px (see
#: LINES_FIELDS); an ink's kept chains hold LINES_INK_LENGTH px together.
LINES_CHAIN_SHORT = 20
LINES_INK_LENGTH = 100
#: A chain's ink: the median luma of its strongest fifth; it counts where the RGB
#: residual there is LINES_INK_RESIDUAL DN or more (off the map), the ink is not
#: within LINES_PEAK DN of an inner luma peak (dip) of the map for a ridge (valley),
#: and another such chain shares the ink within LINES_INK DN over a field
#: LINES_FIELDS DN or more away (one ink over several levels): by luma, or by chroma
#: (the chains' median Cb, Cr, which 4:2:0 shares with the field beside a thin line)
#: where both fields lie within LINES_FIELDS DN of the map's path in Y Cb Cr: coolwarm's
#: 0.3 and 0.7 levels (luma 181-210) are two fields (t02's DEM, JPEG q75: gray contours
#: 72.1 -> 90.6 % flagged); jet's JPEG'd 5-level camera pairs by chroma off the path.
LINES_INK_RESIDUAL = 25.0
LINES_PEAK = 12.0
LINES_INK = 8.0
LINES_FIELDS = 30.0
#: A discrete map's picture (BoundaryNorm, a few colors) draws every thin data line
#: in one ink over several fields too: one of its colors, whose luma JPEG keeps and
#: whose chroma 4:2:0 mixes with the field's. There an ink within LINES_INK DN of a
#: color's luma is data where its residual is under LINES_DISCRETE_RESIDUAL DN: jet's
#: 6-color camera (JPEG q95) lost its tripod's legs as contours (0.82 % holes; their
#: inks 0.2-4 DN from a color's luma, residual 10-29 DN but for 2 of 28 chains, 43
#: and 112). Black contours on 11-color jet (q75) come within 1-6 DN of its two darkest
#: colors' luma, at 37-127 DN residual; by luma alone 7 points of them were lost.
LINES_DISCRETE_RESIDUAL = 35.0
#: The picture is looked at only where its candidates (past the threshold) that are
#: ridge pixels off the map by an ink's residual hold chains of LINES_GATE pixels or
#: more among themselves drawn in one ink over two fields: all-data pictures stop
#: there, after a look at the candidates. One of those chains must hold LINES_GATE_LONG
#: pixels: on the drawn figures (benchmarks/_drawn_annotations.py) the longest held
#: 142-2859, on JPEG'd photographs (1 MP, jet, turbo, twilight, rainbow, q50-q90; jet's
#: thin data lines pass the rest of the gate) at most 66.
LINES_GATE = 10
LINES_GATE_LONG = 100
#: Before that look, only the chains through a pixel on every LINES_SAMPLE-th row or
#: column that departs across it (a line crossing a row departs along the row; one along
#: it, along the column) are grown, each pixel's departure found as a chain reaches it:
#: a chain of LINES_GATE_LONG pixels along a line crosses one. Where none of those is
#: long and off the map's luma peak, the picture stops there. On 1 MP JPEG'd photographs
#: (camera, astronaut; viridis, jet, turbo, twilight; q50-q90) that took ink_lines from
#: 0.02-6.7 ms to 0.02-0.50 ms; the drawn figures' flags are the same at 32, 64, 128.
LINES_SAMPLE = 64
#: Past the sampled chains, a picture whose candidates are 1 / LINES_WHOLE of its
#: pixels or more has every pixel's departure found at once (``_ridges``, which the
#: chains read next), not each candidate's (``_inked_departures``): jet's JPEG'd
#: astronaut (q75, 1 MP) holds 195 000 (20 %), 9-10 ms on one thread one by one,
#: 5-6 ms the whole picture's.
LINES_WHOLE = 8


def ink_lines(
    flat: np.ndarray, scale: float, width: int, residual: np.ndarray,
    candidates: np.ndarray, off_map: np.ndarray, line: Polyline, discrete: bool = False,
    ring: np.ndarray | None = None,
) -> np.ndarray:  # fmt: skip
    """Mark in ``off_map`` the pixels of thin lines drawn in one ink over several
    levels of the field (see LINES_RIDGE .. LINES_FIELDS); ``candidates``: the flat
    indices past the threshold; ``discrete``: the map's vertices are its few colors.
    Returns the inks (luma, DN; one per group of kept chains within LINES_INK) of the
    chains not wholly in ``ring`` (flat, ``_margins.margin_ring``: a plot's frame, its
    ticks and text show no ink drawn over the data)."""
    none = np.zeros(0)
    height = len(off_map) // width
    weights = _YCBCR[0] * scale
    luma = line.vertices @ _YCBCR[0]
    ycc = line.vertices @ _YCBCR.T  # (the fields by chroma: on the map's path, LINES_FIELDS)
    ycc = np.vstack([ycc, ycc[:1]]) if line.cyclic else ycc
    painted = luma if discrete else None
    chroma = np.ascontiguousarray(_YCBCR[1:] * scale)
    sampled = _sampled_chains(
        flat, weights, chroma, width, height, candidates, residual, LINES_SAMPLE, LINES_LINK,
        LINES_FIELD, LINES_GATE_LONG,
    )  # fmt: skip
    if len(sampled) == 0 or not np.any(_off_peak(sampled, luma, line.cyclic)):
        return none  # (all-data pictures)
    pictured = None  # (every pixel's luma and departures, once found: _ridges)
    if len(candidates) * LINES_WHOLE >= len(off_map):
        pictured = _pictured(flat, weights, width, height)
        inked_ones = residual[candidates] >= LINES_INK_RESIDUAL  # (_inked_departures')
        departures = np.where(inked_ones, pictured[1][candidates], 0.0)
    else:
        with kernels.threads_for(len(candidates), kernels.SERIAL_CANDIDATES):
            departures = _inked_departures(flat, weights, width, height, candidates, residual)
    ridge = np.abs(departures) >= LINES_RIDGE
    inked = candidates[ridge]
    if len(inked) < LINES_GATE:  # (all-data pictures: a look at the candidates)
        return none
    gate = _candidate_chains(flat, weights, chroma, width, residual, inked, departures[ridge],
                             LINES_LINK, LINES_FIELD, LINES_GATE)  # fmt: skip
    long_gate = gate[:, 2] >= LINES_GATE_LONG
    if not np.any(_one_ink(gate, luma, ycc, line.cyclic, 0.0, painted) & long_gate):
        return none
    luma_of, departure = pictured or _pictured(flat, weights, width, height)
    label = np.zeros(len(off_map), dtype=np.int32)
    stats = _chains(luma_of, departure, flat, chroma, width, height, residual, LINES_RIDGE,
                    LINES_LINK, LINES_FIELD, LINES_CHAIN_SHORT, label)  # fmt: skip
    if len(stats) < 2 or not np.any(stats[:, 6] >= LINES_CHAIN):
        return none
    kept = np.zeros(len(stats) + 1, dtype=bool)
    kept[1:] = _one_ink(stats, luma, ycc, line.cyclic, LINES_INK_RESIDUAL, painted,
                          LINES_CHAIN)  # fmt: skip
    if kept.any():  # ... drawn at length (LINES_INK_LENGTH)
        shared = np.abs(stats[:, 1, None] - stats[None, :, 1]) <= LINES_INK
        kept[1:] &= shared @ (stats[:, 6] * kept[1:]) >= LINES_INK_LENGTH
    for end in colored_ends(line) if kept.any() else ():  # (data's floor: ``_end_piles``)
        at_end = kept[1:] & (np.abs(stats[:, 1] - end @ _YCBCR[0]) <= LINES_INK)
        pixels = np.flatnonzero(np.append(False, at_end)[label])
        if at_end.any() and end_lines(flat, scale, width, luma_of, luma_of - departure,
                                      pixels, end):  # fmt: skip
            kept[1:] &= ~at_end
    if kept.any():  # (black or white at a near-black or near-white end: ``inked_end``)
        kept[1:] &= ~inked_end_runs(stats[:, 1], kept[1:], line, ink_ends(line), LINES_INK)
    if kept.any():
        off_map |= kept[label]
    if ring is not None and kept.any():  # (a chain with a pixel inside the data's region)
        inside = np.zeros(len(kept), dtype=bool)
        inside[label[~ring]] = True
        kept &= inside
    return _inks(stats[kept[1:], 1])


def _pictured(
    flat: np.ndarray, weights: np.ndarray, width: int, height: int
) -> tuple[np.ndarray, np.ndarray]:
    """Every pixel's luma and departure (float64): ``_ridges``. (Two arrays a pixel
    where there were five: a megapixel's pages, first written, cost 0.4 ms a MB.)"""
    luma, departure = np.empty(len(flat)), np.zeros(len(flat))
    _ridges(flat, weights, width, height, LINES_MISFIT, LINES_REL, luma, departure)
    return luma, departure


def _inks(inks: np.ndarray) -> np.ndarray:
    """The kept chains' inks (luma, DN), one (the median) per run of them whose
    neighbours lie within LINES_INK DN."""
    inks = np.sort(inks)
    runs = np.split(inks, np.flatnonzero(np.diff(inks) > LINES_INK) + 1)
    return np.array([np.median(run) for run in runs if len(run)])


def _one_ink(
    stats: np.ndarray, luma: np.ndarray, ycc: np.ndarray, cyclic: bool, off_map: float,
    painted: np.ndarray | None = None, long: int = 0,
) -> np.ndarray:  # fmt: skip
    """Per chain (rows of sign, ink, residual at the ink -- a gate's chain: its size --,
    field's luma, Cb, Cr): whether it is
    drawn in one ink off the map (``off_map`` DN) with another over a different field,
    not at the map's own luma peak (dip) nor (a discrete map's) one of the
    ``painted`` colors' (LINES_DISCRETE_RESIDUAL); see LINES_INK."""
    _, ink, ink_residual, field, field_cb, field_cr = stats.T[:6]
    counted = (ink_residual >= off_map) & _off_peak(stats, luma, cyclic)
    if painted is not None:
        data = np.abs(ink[:, None] - painted[None, :]).min(axis=1) <= LINES_INK
        counted &= ~(data & (ink_residual < LINES_DISCRETE_RESIDUAL))
        # (and a thin line of one color across another's field: ``_discrete``)
        counted &= ~line_mixtures(ink, field, stats[:, 4:6], ycc, LINES_INK)
    on_path = project(stats[:, 3:6], ycc, np.arange(len(ycc), dtype=float))[1] <= LINES_FIELDS
    both = np.minimum(stats[:, 6, None], stats[None, :, 6])
    one = np.maximum(stats[:, 6, None], stats[None, :, 6])
    chroma = np.hypot(field_cb[:, None] - field_cb[None, :], field_cr[:, None] - field_cr[None, :])
    pairs = (
        (np.abs(ink[:, None] - ink[None, :]) <= LINES_INK)
        & (
            ((np.abs(field[:, None] - field[None, :]) >= LINES_FIELDS) & (both >= long))
            | ((chroma >= LINES_FIELDS) & on_path[:, None] & on_path[None, :] & (one >= long))
        )
        & counted[:, None]
        & counted[None, :]
    )
    return pairs.any(axis=1)


def _off_peak(stats: np.ndarray, luma: np.ndarray, cyclic: bool) -> np.ndarray:
    """Per chain (rows as ``_one_ink`` takes them): whether its ink is not the map's own
    luma at an inner peak (ridge) or dip (valley); see LINES_PEAK."""
    sign, ink = stats[:, 0], stats[:, 1]
    peaks, dips = _inner_extremes(luma, cyclic)
    return ~np.where(
        sign > 0,
        np.abs(ink[:, None] - np.append(peaks, np.inf)[None, :]).min(axis=1) <= LINES_PEAK,
        np.abs(ink[:, None] - np.append(dips, np.inf)[None, :]).min(axis=1) <= LINES_PEAK,
    )


def _inner_extremes(luma: np.ndarray, cyclic: bool) -> tuple[np.ndarray, np.ndarray]:
    """The map's luma at its inner local maxima and minima (all of them on a loop)."""
    if cyclic:
        before, after = np.roll(luma, 1), np.roll(luma, -1)
        return luma[(luma >= before) & (luma >= after)], luma[(luma <= before) & (luma <= after)]
    inner = luma[1:-1]
    peaks = inner[(inner >= luma[:-2]) & (inner >= luma[2:])]
    dips = inner[(inner <= luma[:-2]) & (inner <= luma[2:])]
    return peaks, dips


@nb.njit(**_JIT)
def _luma(flat, weights, q):  # pragma: no cover - jitted
    """Pixel q's luma (DN)."""
    return flat[q, 0] * weights[0] + flat[q, 1] * weights[1] + flat[q, 2] * weights[2]


@nb.njit(**_JIT)
def _departure(flat, weights, width, height, p, misfit, rel):  # pragma: no cover - jitted
    """Pixel p's luma minus the mean of its sides, in the direction it departs most
    among those whose sides fit a line (see LINES_RIDGE); 0 where none does."""
    y = p // width
    x = p - y * width
    if y < 3 or x < 3 or y >= height - 3 or x >= width - 3:
        return 0.0
    best = 0.0
    for step in (1, width, width + 1, width - 1):
        departure = _along(flat, weights, p, step, misfit, rel)
        if abs(departure) > abs(best):
            best = departure
    return best


@nb.njit(**_JIT)
def _along(flat, weights, p, step, misfit, rel):  # pragma: no cover - jitted
    """Pixel p's luma minus the mean of its sides 2 and 3 px away ``step`` apart, where
    those fit a line; else 0."""
    a = _luma(flat, weights, p - 3 * step)
    b = _luma(flat, weights, p - 2 * step)
    c = _luma(flat, weights, p + 2 * step)
    e = _luma(flat, weights, p + 3 * step)
    mean = 0.25 * (a + b + c + e)
    slope = (3.0 * (e - a) + 2.0 * (c - b)) / 26.0
    off_line = max(
        max(abs(a - mean + 3.0 * slope), abs(b - mean + 2.0 * slope)),
        max(abs(c - mean - 2.0 * slope), abs(e - mean - 3.0 * slope)),
    )
    departure = _luma(flat, weights, p) - mean
    return departure if off_line <= min(misfit, rel * abs(departure)) else 0.0


@nb.njit(parallel=True, **_JIT)
def _inked_departures(flat, weights, width, height, candidates, residual):  # pragma: no cover
    """Per candidate: its departure (see LINES_RIDGE) where its residual is an ink's
    (LINES_INK_RESIDUAL), else 0."""
    out = np.zeros(candidates.shape[0])
    for k in nb.prange(candidates.shape[0]):
        p = candidates[k]
        if residual[p] >= LINES_INK_RESIDUAL:
            out[k] = _departure(flat, weights, width, height, p, LINES_MISFIT, LINES_REL)
    return out


@nb.njit(**_JIT)
def _candidate_chains(  # pragma: no cover - jitted
    flat, weights, chroma, width, residual, pixels, departure, link, gap, min_pixels
):
    """Chains (see LINES_LINK) among ``pixels`` (sorted flat indices of ridge pixels,
    their ``departure`` as ``_inked_departures`` found it) alone, each grown by
    ``_grow``: per chain of ``min_pixels`` or more, its sign, ink
    (median luma), size and its field's luma -- rows as ``_chains`` gives them."""
    n = pixels.shape[0]
    height = (flat.shape[0]) // width
    slot_at = _slots(pixels, flat.shape[0])
    luma = np.empty(n)
    for i in range(n):
        luma[i] = _luma(flat, weights, pixels[i])
    seen = np.zeros(n, np.bool_)
    queue = np.empty(n, np.int64)
    out = []
    for i0 in range(n):
        if seen[i0]:
            continue
        size = _grow(flat, weights, width, height, pixels, residual, slot_at, departure, luma,
                     seen, queue, i0, link, gap)  # fmt: skip
        if size >= min_pixels:
            out.append(_summary(departure, luma, queue[:size], flat, chroma, pixels))
    return _table(out)


@nb.njit(**_JIT)
def _sampled_chains(  # pragma: no cover - jitted
    flat, weights, chroma, width, height, candidates, residual, sample, link, gap, min_pixels
):
    """The chains ``_candidate_chains`` finds among the inked candidates, only those
    through a pixel on a row (column) that is a multiple of ``sample`` (a power of 2)
    departing along it (see LINES_SAMPLE); the departures found as chains reach them."""
    n = candidates.shape[0]
    rows = np.searchsorted(candidates, np.arange(height + 1) * width)
    slot_at = np.empty(0, np.int32)  # (made for the first chain: all-data pictures have none)
    departure = np.full(n, np.nan)  # (NaN: not yet found)
    luma = np.empty(n)
    seen = np.zeros(n, np.bool_)
    queue = np.empty(n, np.int64)
    out = []
    mask = sample - 1
    for y0 in range(3, height - 3):
        for i0 in range(rows[y0], rows[y0 + 1]):
            p0 = candidates[i0]
            x0 = p0 - y0 * width
            on_row, on_column = (y0 & mask) == 0, (x0 & mask) == 0
            if seen[i0] or not (on_row or on_column) or x0 < 3 or x0 >= width - 3:
                continue
            if residual[p0] < LINES_INK_RESIDUAL:
                continue
            across = 0.0
            if on_row:
                across = abs(_along(flat, weights, p0, np.int64(1), LINES_MISFIT, LINES_REL))
            if on_column:
                across = max(across, abs(_along(flat, weights, p0, width, LINES_MISFIT,
                                                LINES_REL)))  # fmt: skip
            if across < LINES_RIDGE or not _inked(
                flat, weights, width, height, candidates, residual, departure, luma, i0
            ):
                continue
            if slot_at.shape[0] == 0:
                slot_at = _slots(candidates, flat.shape[0])
            size = _grow(flat, weights, width, height, candidates, residual, slot_at, departure,
                         luma, seen, queue, i0, link, gap)  # fmt: skip
            if size >= min_pixels:
                out.append(_summary(departure, luma, queue[:size], flat, chroma, candidates))
    return _table(out)


@nb.njit(**_JIT)
def _slots(candidates, n_pixels):  # pragma: no cover - jitted
    """Per pixel, where it is in ``candidates`` (sorted flat indices); -1: not there."""
    slot_at = np.full(n_pixels, -1, np.int32)
    for i in range(candidates.shape[0]):
        slot_at[candidates[i]] = i
    return slot_at


@nb.njit(**_JIT)
def _grow(  # pragma: no cover - jitted
    flat, weights, width, height, candidates, residual, slot_at, departure, luma, seen, queue,
    i0, link, gap,
):  # fmt: skip
    """Candidate i0's chain (see LINES_LINK) into ``queue[:size]``; returns its size.
    ``slot_at``: per pixel, where it is in ``candidates`` (``_slots``; not a search in
    its row a neighbour, as the sorted list has them)."""
    seen[i0] = True
    queue[0] = i0
    size, head = 1, 0
    while head < size:
        i = queue[head]
        head += 1
        y = candidates[i] // width
        x = candidates[i] - y * width
        for yy in range(max(0, y - link), min(height, y + link + 1)):
            for xx in range(max(0, x - link), min(width, x + link + 1)):
                j = slot_at[yy * width + xx]
                if j >= 0 and not seen[j] and _inked(
                    flat, weights, width, height, candidates, residual, departure, luma,
                    np.int64(j),  # (slot_at is int32: one compiled _inked for both callers)
                ):
                    fields = abs(luma[j] - departure[j] - luma[i] + departure[i])
                    if departure[j] * departure[i] > 0 and fields <= gap:
                        seen[j] = True
                        queue[size] = j
                        size += 1
    return size


@nb.njit(**_JIT)
def _inked(  # pragma: no cover - jitted
    flat, weights, width, height, candidates, residual, departure, luma, j
):
    """Whether candidate j is a ridge pixel off the map by an ink's residual; its
    departure and luma found on the first ask (``departure`` NaN until then)."""
    if np.isnan(departure[j]):
        p = candidates[j]
        luma[j] = _luma(flat, weights, p)
        departure[j] = 0.0
        if residual[p] >= LINES_INK_RESIDUAL:
            departure[j] = _departure(flat, weights, width, height, p, LINES_MISFIT, LINES_REL)
    return abs(departure[j]) >= LINES_RIDGE


@nb.njit(parallel=True, **_JIT)
def _ridges(flat, weights, width, height, misfit, rel, luma, departure):  # pragma: no cover
    """Every pixel's luma (``_luma``) into ``luma`` and its ``_departure`` into
    ``departure`` (zeros: the 3 px border stays 0), float64 both.

    The same arithmetic as ``_departure`` pixel by pixel, on the picture's luma found
    once, a row at a time without a branch (``_departure_row``): on a JPEG'd
    photograph (jet, astronaut, q75) 45 % of the pixels depart 12 DN or more in some
    direction, and a fit tested only there cost 15-20 ms a megapixel on one thread,
    this 5 (``_departure``'s 20 lumas a pixel: 60-70)."""
    for p in nb.prange(flat.shape[0]):
        luma[p] = _luma(flat, weights, p)
    for y in nb.prange(3, height - 3):
        _departure_row(luma, y, width, misfit, rel, departure[y * width + 3 : (y + 1) * width - 3])


@nb.njit(**_JIT)
def _departure_row(wide, y, width, misfit, rel, out):  # pragma: no cover - jitted
    """``_departure`` of the pixels x = 3 .. width - 4 of row y into ``out``, from the
    luma ``wide``: rows sliced, indices from 0, selects for branches -- a loop LLVM
    vectorizes."""
    up3, up2 = wide[(y - 3) * width : (y - 2) * width], wide[(y - 2) * width : (y - 1) * width]
    row = wide[y * width : (y + 1) * width]
    down2, down3 = wide[(y + 2) * width : (y + 3) * width], wide[(y + 3) * width : (y + 4) * width]
    for i in range(width - 6):
        own = row[i + 3]
        # the directions in _departure's order: steps 1, width, width + 1, width - 1
        other = _fit(own, row[i], row[i + 1], row[i + 5], row[i + 6], misfit, rel)
        best = other if abs(other) > 0.0 else 0.0  # (as _departure: NaN is no departure)
        other = _fit(own, up3[i + 3], up2[i + 3], down2[i + 3], down3[i + 3], misfit, rel)
        best = other if abs(other) > abs(best) else best
        other = _fit(own, up3[i], up2[i + 1], down2[i + 5], down3[i + 6], misfit, rel)
        best = other if abs(other) > abs(best) else best
        other = _fit(own, up3[i + 6], up2[i + 5], down2[i + 1], down3[i], misfit, rel)
        out[i] = other if abs(other) > abs(best) else best


@nb.njit(**_JIT, inline="always")
def _fit(own, a, b, c, e, misfit, rel):  # pragma: no cover - jitted
    """``_along`` of luma ``own`` between sides ``a``, ``b`` (3 and 2 px before) and
    ``c``, ``e`` (2 and 3 px after), its max and min as selects."""
    mean = 0.25 * (a + b + c + e)
    slope = (3.0 * (e - a) + 2.0 * (c - b)) / 26.0
    first, second = abs(a - mean + 3.0 * slope), abs(b - mean + 2.0 * slope)
    third, fourth = abs(c - mean - 2.0 * slope), abs(e - mean - 3.0 * slope)
    # (as numba's max and min pick: the second where it compares past the first)
    first = second if second > first else first
    third = fourth if fourth > third else third
    off_line = third if third > first else first
    departure = own - mean
    limit = rel * abs(departure)
    limit = limit if limit < misfit else misfit
    return departure if off_line <= limit else 0.0


@nb.njit(**_JIT)
def _chains(  # pragma: no cover - jitted
    luma, departure, flat, chroma, width, height, residual, ridge, link, gap, min_pixels, label
):
    """Label the chains of ridge pixels (1 ..) in ``label``; per chain, its sign, ink,
    the residual at its ink, its field's luma, Cb and Cr (``chroma_medians``) and its
    size (see LINES_LINK, LINES_INK).
    ``luma`` and ``departure`` per pixel as ``_ridges`` finds them (float64), read as
    float32 (the chains' numbers: float32 arithmetic)."""
    n = luma.shape[0]
    queue = np.empty(n, np.int64)
    out = []
    count = 0
    for p0 in range(n):
        if abs(np.float32(departure[p0])) < ridge or label[p0] != 0:
            continue
        count += 1
        label[p0] = count
        queue[0] = p0
        size, head = 1, 0
        while head < size:
            q = queue[head]
            head += 1
            y, x = q // width, q % width
            luma_q, departure_q = np.float32(luma[q]), np.float32(departure[q])
            for yy in range(max(0, y - link), min(height, y + link + 1)):
                for xx in range(max(0, x - link), min(width, x + link + 1)):
                    r = yy * width + xx
                    departure_r = np.float32(departure[r])
                    fields = abs(np.float32(luma[r]) - departure_r - luma_q + departure_q)
                    if (label[r] == 0 and abs(departure_r) >= ridge
                            and departure_r * departure_q > 0 and fields <= gap):  # fmt: skip
                        label[r] = count
                        queue[size] = r
                        size += 1
        members = queue[:size]
        if size < min_pixels:
            for i in range(size):
                label[members[i]] = -1  # (seen; no chain)
            continue
        own_luma = luma[members].astype(np.float32)
        own = departure[members].astype(np.float32)
        strongest = _strongest(own, np.arange(size))  # (into members)
        field = own_luma - own
        cb, cr = chroma_medians(flat, chroma, members)
        out.append((np.sign(np.median(own)), np.median(own_luma[strongest]),
                    np.median(residual[members[strongest]]), np.median(field), cb, cr,
                    float(size)))  # fmt: skip
        for i in range(size):
            label[members[i]] = len(out)
    for p in range(n):
        if label[p] < 0:
            label[p] = 0
    return _table(out)


@nb.njit(**_JIT)
def _summary(departure, luma, members, flat, chroma, pixels):  # pragma: no cover - jitted
    """A chain's (sign of its departure, its ink, its size, the field's luma, Cb, Cr, its
    size again: the columns ``_chains`` gives); the ink as ``_chains`` takes it
    (``_strongest``); ``members`` index ``pixels``."""
    cb, cr = chroma_medians(flat, chroma, pixels[members])
    size = float(members.shape[0])
    return (np.sign(np.median(departure[members])), np.median(luma[_strongest(departure, members)]),
            size, np.median(luma[members] - departure[members]), cb, cr, size)  # fmt: skip


@nb.njit(**_JIT)
def _strongest(departure, members):  # pragma: no cover - jitted
    """The strongest fifth of a chain's ``members`` (by departure), whose median luma is
    its ink (LINES_INK). The weaker ones are the stroke's antialiased edge, blended with
    the field: over all members, a light gray's ink read 178 DN as a ridge over a dark
    field and 198 as a valley over a bright one (190 at its strongest), and the gate
    paired no such chains (light gray over Spectral, JPEG q75: 0 % flagged)."""
    strength = np.abs(departure[members])
    return members[strength >= _fifth_from_top(strength)]


@nb.njit(**_JIT)
def _fifth_from_top(strength):  # pragma: no cover - jitted
    """``np.quantile(strength, 0.8)`` as numba 0.68 computes it (linear interpolation
    between the two closest ranks; NaN where any is NaN or a lone one is not finite), by
    a quickselect: the same value, without numba's quantile machinery (~2.3 s of compile)."""
    n = strength.shape[0]
    if n == 0 or np.isnan(strength).any():  # (none compares >= NaN)
        return np.nan
    if n == 1:
        return float(strength[0]) if np.isfinite(strength[0]) else np.nan
    rank = 1 + (n - 1) * ((0.8 * 100.0) / 100.0)
    f = math.floor(rank)
    m = rank - f
    k = int(f - 1)  # (the k th and k + 1 th smallest, as numba's _select_two)
    values = strength.astype(np.float64)  # (a copy, reordered below)
    low, high = 0, n - 1
    while low < high:  # (quickselect: values[k] the k th smallest, none after below it)
        pivot = values[(low + high) // 2]
        i, j = low, high
        while i <= j:
            while values[i] < pivot:
                i += 1
            while values[j] > pivot:
                j -= 1
            if i <= j:
                values[i], values[j] = values[j], values[i]
                i += 1
                j -= 1
        if k <= j:
            high = j
        elif k >= i:
            low = i
        else:
            break
    lower, upper = values[k], values[k + 1:].min()
    return lower * (1 - m) + upper * m


@nb.njit(**_JIT)
def _table(out):  # pragma: no cover - jitted
    """The chains' 7-tuples as an (N, 7) array."""
    result = np.empty((len(out), 7))
    for i in range(len(out)):
        row = out[i]
        result[i, 0], result[i, 1], result[i, 2], result[i, 3] = row[0], row[1], row[2], row[3]
        result[i, 4], result[i, 5], result[i, 6] = row[4], row[5], row[6]
    return result

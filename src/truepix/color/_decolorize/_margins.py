"""A figure's margin among its fills, and JPEG's ringing along the margin's edge.

A fill (``_fills``: one exact color over much of a picture, off the map) is the
figure's margin, and also every stroke drawn in that color over the data (white text
on a heatmap, when the paper is white). JPEG's 8x8 blocks that hold both the margin
and data ring with blends of the two along the margin's whole edge, and those blends
are no stroke: they are counted as no stroke color (``_strokes.stroke_pixels``) and
string no stroke (``_alone.strung``). A stroke's own edge is left to be counted: the
data's region is the unfilled pixels opened by MARGIN_THIN px (a title written on the
margin, its strokes a few px wide, vanishes) and closed as much (a stroke of the fill's
color drawn over the data is filled in); what lies outside it, and the MARGIN_RING px
inside its edge, is the margin's.

Measured (trial 47 t33: a picture pasted on a white slide with a title, JPEG q85;
benchmarks/thumbnails/README.md): the ring's colors, voted stroke colors, sent 1.157
% of the viridis camera's data to NaN, and its cores strung along the edge; on
benchmarks/colormaps.py's annotated pictures (a white margin and white text) the
ring of every fill, strokes included, lost RdBu_r 1.4 points of its flags (q75).

What is drawn on the margin (a plot's frame, its ticks; their cores lie wholly in the
ring) grows by luma (``_grow.grow_similar``) through the ring alone, not into the data:
jet's yellow, JPEG'd over a noisy field, is weak candidates everywhere, within the
stroke's luma tolerance of the white ringing along the frame. Measured (trial 48 t53:
a 2000 x 3000 array drawn by imshow into a 6.4 x 4.8 in figure, savefig JPEG): the
frame's cores grew along jet's yellow bands across the plot, 2.93 % of it NaN (6.1x
the k-d tree), where the plot area cut out alone had none.

JPEG's ringing of a flat fill (an area off the map) into the data beside it is no
stroke (``fill_blends``), but a stroke drawn there fits it too: black over jet's dark
blues, white text over jet. Its shape tells: across it a stroke is a ridge, the data
on both sides alike (``stroke_ridges``), and one that passes the fill holds its luma
beyond (``FillRinging.spare``); the ringing's lobes lie along the fill's edge, the fill
on one side. A black line 3-6 px from a white region over jet's dark blues, JPEG q75:
19 / 0.5 / 56 / 2 % of its core flagged -> 99.5 / 47 / 100 / 83 %; the data as before.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import numba as nb
import numpy as np

from truepix.color._decolorize._fills import fill_pixels
from truepix.color._decolorize._grow import core_groups, dilated, grow_similar
from truepix.color._decolorize._kernels import _JIT

__all__ = [
    "FILL_AREA", "FILL_RING_HUE", "FILL_RING_LUMA", "FILL_RING_NEAR", "FILL_RING_SHARE",
    "FILL_STROKE_LUMA", "FILL_STROKE_RUN", "FILL_STROKE_SIDES", "FILL_STROKE_STEP",
    "MARGIN_RING", "MARGIN_THIN", "FillRinging", "fill_blends", "fill_near", "fill_side",
    "fill_unrung", "filled_pixels", "grown_within", "inner_groups", "margin_ring", "on_map_pixels",
    "stroke_ridges",
]  # fmt: skip

#: Fills narrower than twice this (px) are strokes, not a margin.
MARGIN_THIN = 8
#: JPEG's ringing reaches this far (px) from the margin into the data (an 8x8 block).
MARGIN_RING = 8
#: JPEG's ringing of a flat fill (an area, not a stroke) into the data beside it keeps
#: the data's luma, within FILL_RING_LUMA DN, and moves its chroma (subsampled, over
#: 16x16 blocks) toward the fill's, along the line between them (FILL_RING_HUE DN off it),
#: at most FILL_RING_SHARE of the way: hist2d ``cmin=1`` JPEG q75, the 2 px beside its
#: empty (white) bins: luma -13..+16 DN (5-95 %), chroma 0.35-0.90 of the data's, 4.3
#: DN off its line (95 %); 70 % of them NaN, 9.7 % of the data. A core of such pixels
#: alone is no stroke (gray ink has no chroma left: FILL_RING_SHARE keeps it).
FILL_RING_LUMA = 24.0
FILL_RING_HUE = 8.0
FILL_RING_SHARE = 0.75
#: ... beside (an 8x8 block: MARGIN_RING) a pixel this close (DN, each channel) to the
#: fill's colors: a small fill's own pixels JPEG'd (an empty bin, 5 px wide) leave it.
FILL_RING_NEAR = 24.0
#: ... an area of them, not a stroke: what is left eroded by this square's radius (px).
FILL_AREA = 1
#: A stroke's core passing a fill: its candidates beside the fill within this (DN, luma)
#: of its own beyond (``FillRinging.spare``).
FILL_STROKE_LUMA = 6.0
#: A stroke beside a fill is no ringing: its core is a ridge, darker (or brighter) by
#: this much (DN, luma) than the pixels FILL_STROKE_SIDES px away on both sides across
#: it, the two sides alike and no fill between them (``stroke_ridges``), and the ridge
#: runs FILL_STROKE_RUN pixels or more.
FILL_STROKE_STEP = 6.0
FILL_STROKE_SIDES = (2,)
FILL_STROKE_RUN = 10


def margin_ring(filled: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Flat mask: what is not the data's region well inside (``filled``: flat, a picture
    of ``shape``, height and width) -- the margin, what is written on it, and the
    MARGIN_RING px of the data along the margin (MARGIN_THIN)."""
    thin = MARGIN_THIN
    # the data's region: the unfilled pixels opened (text on the margin, a few px wide,
    # gone) and closed (strokes of the fill's color over the data, as thin, filled in)
    opened_out = dilated(filled, thin, shape)  # (outside the unfilled ones eroded)
    region = dilated(~opened_out, 2 * thin, shape)
    return dilated(~region, thin + MARGIN_RING, shape)


def inner_groups(groups: np.ndarray, ring: np.ndarray | None, ink: np.ndarray) -> np.ndarray:
    """``groups`` (a core's label per candidate, 0: none) but for the cores whose ``ink``
    (per candidate: beyond the map's luma) lies wholly in ``ring`` (``margin_ring``'s, per
    candidate; None: none): a plot's frame and what is drawn on the margin, with JPEG's
    ringing into the data beside them, keep no blend out of that data
    (``_edges.beyond_cores``, ``_pulled.pulled_strokes``), as they grow into none
    (``grown_within``). (A core's other pixels string through a noisy field's.)"""
    inked = ink & (groups > 0)
    if ring is None or not (inked & ring).any():
        return groups
    edge = np.zeros(int(groups.max()) + 1, dtype=bool)
    edge[groups[inked & ring]] = True
    edge[groups[inked & ~ring]] = False  # (ink inside the data's region: a stroke's)
    edge[0] = False
    return np.where(edge[groups], 0, groups)


def grown_within(
    pixels: np.ndarray, scale: float, ycc: np.ndarray, candidates: np.ndarray,
    groups: np.ndarray, n_groups: int, through: np.ndarray, width: int, tolerance: float,
    out: np.ndarray, ring: np.ndarray | None,
) -> None:  # fmt: skip
    """``_grow.grow_similar`` (same arguments), but a core wholly in ``ring`` (per
    candidate: ``margin_ring``'s, or None: none) grows through the ring's candidates
    alone: the margin's strokes take their JPEG'd edge along, not the data beside it."""
    labelled = groups > 0
    edge = None
    if ring is not None and (labelled & ring).any():
        inner = np.zeros(n_groups + 1, dtype=bool)
        inner[groups[labelled & ~ring]] = True  # (a core with a pixel inside the data's region)
        edge = labelled & ~inner[groups]
    if edge is None or not edge.any():
        grow_similar(pixels, scale, ycc, candidates, groups, n_groups, through, width,
                     tolerance, out)  # fmt: skip
        return
    for labels, passable in ((np.where(edge, 0, groups), through), (np.where(edge, groups, 0),
                                                                    through & ring)):
        grow_similar(pixels, scale, ycc, candidates, labels, n_groups, passable, width,
                     tolerance, out)  # fmt: skip


def fill_blends(
    pixels: np.ndarray, scale: float, candidates: np.ndarray, beside: np.ndarray,
    fills: np.ndarray, colors: np.ndarray, ycc: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """Per candidate (flat indices into ``pixels``, its colors times ``scale`` in DN):
    whether it lies ``beside`` a fill (per candidate: within an 8x8 block of one) and is
    a map color (``colors``, DN, RGB rows) JPEG rang a ``fills`` box's middle color into:
    FILL_RING_LUMA, FILL_RING_HUE, FILL_RING_SHARE (``ycc``: RGB -> Y, Cb, Cr rows)."""
    out = np.zeros(len(candidates), dtype=bool)
    at = np.flatnonzero(beside)
    if not len(at) or fills is None or not len(fills):
        return out
    rgb = pixels[candidates[at], :3].astype(np.float64) * scale
    color = np.ascontiguousarray(rgb @ ycc.T)
    mapped = np.asarray(colors, dtype=np.float64) @ ycc.T  # (K, 3)
    boxes = np.asarray(fills, dtype=np.float64) * scale
    blot = np.zeros(len(at), dtype=bool)  # (the fill's own pixels JPEG'd: FILL_RING_NEAR)
    for low, high in boxes:
        blot |= ((rgb >= low - FILL_RING_NEAR) & (rgb <= high + FILL_RING_NEAR)).all(axis=1)
    # per fill and map color: the chroma line's start, its step and squared length
    lines = np.empty((len(boxes) * len(mapped), 6), dtype=np.float64)
    for i, fill in enumerate(boxes.mean(axis=1) @ ycc.T):
        for j, own in enumerate(mapped):
            along = fill[1:] - own[1:]
            size = max(float(along @ along), 1e-9)
            lines[i * len(mapped) + j] = own[0], own[1], own[2], along[0], along[1], size
    ring = np.zeros(len(at), dtype=bool)
    _rung(color, lines, FILL_RING_LUMA, FILL_RING_HUE**2, FILL_RING_SHARE, ring)
    out[at] = ring & ~blot
    return out


# (a pixel at a time over the fills' K x 65 lines, stopping at the first that holds
# it: hist2d viridis JPEG q75 (640 x 480), 18 ms of numpy temporaries per decode -> ms;
# the dot product along the line in plain float64, not BLAS's fused multiply-adds)
@nb.njit(**_JIT)
def _rung(color, lines, luma, hue2, share, ring):  # pragma: no cover - jitted
    """:func:`fill_blends`' test of each pixel's ``color`` (Y, Cb, Cr, DN) against
    ``lines`` (rows: a map color's Y, Cb, Cr, the step to a fill's chroma and its
    squared length): within ``luma`` of the map color's Y, within ``hue2`` (squared)
    of the line, at most ``share`` of the way along it."""
    for p in range(color.shape[0]):
        y, cb, cr = color[p, 0], color[p, 1], color[p, 2]
        for k in range(lines.shape[0]):
            if not abs(y - lines[k, 0]) <= luma:
                continue
            a0, a1 = lines[k, 3], lines[k, 4]
            s0, s1 = cb - lines[k, 1], cr - lines[k, 2]
            t = min(max((s0 * a0 + s1 * a1) / lines[k, 5], 0.0), 1.0)
            m0, m1 = s0 - t * a0, s1 - t * a1
            if m0 * m0 + m1 * m1 <= hue2 and t <= share:
                ring[p] = True
                break


def stroke_ridges(
    pixels: np.ndarray, scale: float, at: np.ndarray, near: np.ndarray,
    shape: tuple[int, int], ycc: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """Per pixel ``at`` (sorted flat indices into ``pixels``, a picture of ``shape``;
    colors times ``scale`` in DN): whether it is a stroke's ridge -- across it (a row, a
    column or a diagonal) its luma is FILL_STROKE_STEP DN below (or above) that of each
    pixel FILL_STROKE_SIDES px away on both sides, the two sides alike (their luma apart
    by no more than the step found), no pixel between ``near`` (flat mask) a fill, and
    such pixels run FILL_STROKE_RUN or more, 8-connected. JPEG's lobes beside a fill lie
    along its edge, the fill on one side; a stroke is a ridge of its own, data on both."""
    height, width = shape
    rows, cols = np.divmod(at, width)
    luma_w = ycc[0] * scale
    core = pixels[at, :3] @ luma_w
    out = np.zeros(len(at), dtype=bool)
    reach = max(FILL_STROKE_SIDES)
    for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
        ok = ((rows - reach * dy >= 0) & (rows + reach * dy < height)
              & (cols - reach * abs(dx) >= 0) & (cols + reach * abs(dx) < width) & ~out)
        where = np.flatnonzero(ok)
        step = dy * width + dx
        for k in range(1, reach + 1):
            where = where[~near[at[where] + k * step] & ~near[at[where] - k * step]]
        base = at[where]
        sides = [np.stack([pixels[base + sign * k * step, :3] @ luma_w
                           for k in FILL_STROKE_SIDES]) for sign in (1, -1)]  # fmt: skip
        low = np.minimum(sides[0].min(axis=0), sides[1].min(axis=0)) - core[where]
        high = core[where] - np.maximum(sides[0].max(axis=0), sides[1].max(axis=0))
        apart = np.maximum(low, high)
        skew = np.abs(sides[0].mean(axis=0) - sides[1].mean(axis=0))
        out[where] = (apart >= FILL_STROKE_STEP) & (skew <= apart)
    if out.any():
        ridge = np.flatnonzero(out)
        labels = np.empty(len(ridge), dtype=np.int64)
        core_groups(np.ones(len(ridge), dtype=bool), np.zeros(len(ridge)), at[ridge], width,
                    height, FILL_STROKE_RUN, np.inf, labels)  # fmt: skip
        out[ridge[labels == 0]] = False
    return out


def fill_near(pixels: np.ndarray, scale: float, fills: np.ndarray) -> np.ndarray:
    """Flat mask of the pixels (``pixels`` flat; colors times ``scale`` in DN) within
    FILL_RING_NEAR of a ``fills`` box (K, 2, 3)."""
    loose = np.asarray(fills, dtype=np.float64).copy()
    loose[:, 0] -= FILL_RING_NEAR / scale
    loose[:, 1] += FILL_RING_NEAR / scale
    if pixels.dtype.kind in "ui":
        loose = np.round(loose)
    return fill_pixels(pixels, loose)


def fill_side(near: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Flat mask of the pixels (a picture of ``shape``) within MARGIN_RING px (a square)
    of an area (FILL_AREA) of pixels ``near`` a fill (flat, :func:`fill_near`)."""
    # (an area: what a 3 x 3 square fits in; a stroke, 1-2 px wide, is none)
    area = ~dilated(~near, FILL_AREA, shape)
    return dilated(area, MARGIN_RING + FILL_AREA, shape)


def fill_unrung(
    pixels: np.ndarray, scale: float, off_map: np.ndarray, before: np.ndarray | None,
    beside: np.ndarray, fills: np.ndarray, colors: np.ndarray, ycc: np.ndarray,
    near: np.ndarray | None = None, shape: tuple[int, int] | None = None,
) -> None:  # fmt: skip
    """Unset in ``off_map`` (flat) the pixels set since ``before`` (a copy of it; None:
    nothing to do) that are a fill's ringing (:func:`fill_blends`, the same arguments):
    a stroke's halo or fringe grown from a fill's JPEG'd blot; with ``near`` (flat,
    :func:`fill_near`; a picture of ``shape``), but a stroke's ridges (:func:`stroke_ridges`)."""
    if before is None:
        return
    added = np.flatnonzero(off_map & ~before)
    rung = added[fill_blends(pixels, scale, added, beside[added], fills, colors, ycc)]
    if near is not None and len(rung):
        rung = rung[~stroke_ridges(pixels, scale, rung, near, shape, ycc)]
    off_map[rung] = False


class FillRinging:
    """JPEG's ringing of a figure's fill into the data beside it, for ``jpeg_off_map``:
    ``rung`` (per candidate, :func:`fill_blends` against ``line``'s colors), and
    :meth:`kept_out` around a step that may set it again. With ``on`` False, inert."""

    def __init__(
        self, pixels: np.ndarray, scale: float, fills: np.ndarray | None, shape: tuple,
        candidates: np.ndarray, line: Any, ycc: np.ndarray, *, on: bool,
    ) -> None:  # fmt: skip
        self.on, self.candidates, self.width = on, candidates, shape[1]
        self.rung = np.zeros(len(candidates), dtype=bool)
        if on:
            near = fill_near(pixels, scale, fills)
            self.beside = fill_side(near, shape)
            colors = line.colors_at(np.linspace(0, line.n_bins, 65))
            self.of = pixels, scale, fills, colors, ycc, near, shape
            self.rung = fill_blends(pixels, scale, candidates, self.beside[candidates], fills,
                                    colors, ycc)  # fmt: skip
            if self.rung.any():  # (but a stroke's ridge beside the fill)
                rung = np.flatnonzero(self.rung)
                self.rung[rung[stroke_ridges(pixels, scale, candidates[rung], near, shape,
                                             ycc)]] = False  # fmt: skip

    def spare(self, groups: np.ndarray, n_groups: int) -> None:
        """Take out of ``rung`` the candidates a stroke passing the fill holds: those of a
        core (``groups``: per candidate, its label > 0; ``n_groups``: labels + 1) joined,
        through rung ones of a luma within FILL_STROKE_LUMA of its own, to its candidates
        past the fill's side (MARGIN_RING). A stroke runs on its own way, one ink; JPEG's
        ringing lies along the fill's edge."""
        labelled = groups > 0
        if not self.on or not (self.rung & labelled).any():
            return
        pixels, scale, _, _, ycc, _, _ = self.of
        own = np.where(labelled & ~self.rung & ~self.beside[self.candidates], groups, 0)
        if not own.any():
            return
        held = np.zeros(len(groups), dtype=bool)
        grow_similar(pixels, scale, ycc, self.candidates, own, n_groups,
                     labelled & self.rung, self.width, FILL_STROKE_LUMA, held)  # fmt: skip
        self.rung &= ~held

    @contextlib.contextmanager
    def kept_out(self, off_map: np.ndarray, *, cores: bool = False) -> Iterator[None]:
        """Unset in ``off_map`` what the step inside sets that is the fill's ringing
        (:func:`fill_unrung`), and with ``cores`` the ``rung`` candidates too."""
        before = off_map.copy() if self.on else None
        yield
        if self.on:
            if cores:
                off_map[self.candidates[self.rung]] = False
            pixels, scale, fills, colors, ycc, near, shape = self.of
            fill_unrung(pixels, scale, off_map, before, self.beside, fills, colors, ycc, near,
                        shape)  # fmt: skip


def on_map_pixels(
    flat: np.ndarray, residual: np.ndarray, threshold: float, candidates: np.ndarray,
    filled: np.ndarray | None,
) -> np.ndarray:  # fmt: skip
    """The pixels within the ``threshold`` (flat mask; no ``filled`` one)."""
    on_map = np.ones(len(residual), bool) if flat.shape[-1] == 3 else residual <= threshold
    on_map[candidates[residual[candidates] > threshold]] = False
    if filled is not None:
        on_map[filled] = False
    return on_map


def filled_pixels(flat: np.ndarray, fills: np.ndarray | None) -> np.ndarray | None:
    """Flat mask of the pixels in a plan's ``fills`` (``_fills``: a figure's margin), or
    None where it has none."""
    if fills is None or not len(fills) or flat.shape[-1] < 3:
        return None
    filled = fill_pixels(flat, fills)
    return filled if filled.any() else None

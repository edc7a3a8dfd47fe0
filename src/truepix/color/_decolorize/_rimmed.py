"""Data beside a straight black, white or gray stroke that JPEG rang (``rimmed_beside``).

A cell border (``pcolormesh(edgecolors="k" | "w")``), a grid line or a frame drawn
over a map and JPEG'd leaves the pixel beside it with the cell's luma rung by the
stroke's edge (q75: -17 to +19 DN, 5th-95th percentile, with the stroke 40-220 DN
away) and its chroma moved toward gray (4:2:0 shares one chroma sample with the
stroke's pixel: a share of 0.12-0.58 of the way). ``_beside`` asks for a flat field
of 3 pixels past it and ``_smeared`` for a luma within 3 DN of the field's range and
a stroke near gray in chroma (the stroke's own JPEG'd chroma is half the cells'
around it, and the flagged pixel farthest in chroma is often the other cell's data
across the border): tests/color/test_decolorize_cell_borders.py's figures kept 1-10 %
of their data pixels NaN, nearly all of them the pixel next to a border.

Such a pixel is read from its own side's field: its 8-neighbours not flagged
(RIM_FIELD_PIXELS or more; their median the field's color). The stroke is its
4-neighbour on a straight flagged run (RIM_RUN) of the stroke's luma, RIM_APART DN or
more from the field's, of a chroma 4:2:0 can have made from gray's and the field's
(RIM_STROKE_*). The pixel's luma lies within RIM_TOWARD of the stroke's distance
toward it and RIM_AWAY away from it (JPEG rings both ways; an antialiased edge moves
toward the stroke only), its chroma on the line from the field's toward gray (a share
within [-RIM_BACK, RIM_SHARE], off it by at most RIM_OFF of the field's chroma plus
RIM_OFF_DN). It takes the position of its field pixel nearest in luma. RIM_ROUNDS
rounds (the pixel at a cell's corner, whose field neighbours were flagged too).

Measured (the borders' test figure, 480 x 320, 16 x 24 cells, Pillow 4:2:0), data
holes %, before -> after, q75: lw 1 viridis black 5.89 -> 1.86, white 4.74 -> 1.10,
jet black 5.76 -> 2.83, white 9.69 -> 4.15; lw 0.5 viridis 3.73 -> 1.84, 2.95 ->
0.87, jet 1.55 -> 0.78, 4.65 -> 2.64; q90 lw 1 2.48 -> 0.87, 2.10 -> 0.40, 3.31 ->
1.30, 5.75 -> 2.50, lw 0.5 2.21 -> 0.39, 1.93 -> 0.38, 1.22 -> 0.52, 3.23 -> 1.47.
The borders flagged as before (92.4-100 %, PNG 100 %); the mean error beside the
borders 0.0113-0.0133 -> 0.0123-0.0143 on viridis (the pixels given back ring more),
as before on jet. test_decolorize_fringes' antialiased white and black contours
(RIM_RUN 9): their strokes flagged less by 0.1 point (twilight white 95.10 -> 95.06 %,
95 asked; turbo black 96.52 -> 96.43).
A dashed white ``ax.grid`` over jet imshow and black contours over matshow: as before
(dashes and curves make no straight run of 19 px).
"""

from __future__ import annotations

import numpy as np

from truepix.color._decolorize._smeared import given_back

__all__ = ["rimmed_beside"]

#: The field: the pixel's 8-neighbours not flagged, at least this many of them.
RIM_FIELD_PIXELS = 2
#: The stroke: a 4-neighbour of the pixel (the farthest in luma from the field where
#: two qualify) on a straight run of 2 RIM_RUN + 1 flagged pixels across the direction
#: to it, each at least RIM_RUN_SHARE of its luma's distance from the field's (a cell
#: border, a grid line: RIM_RUN 4 gave back the faint edges of contour lines where they
#: run flat for 9 px, tests/color/test_decolorize_fringes.py's twilight white 95.10 ->
#: 94.6 % flagged, 95 asked; at 7, 95.01; at 9, 95.06, the borders' holes as at 7
#: within 0.06 point) ...
RIM_RUN = 9
RIM_RUN_SHARE = 0.5
#: ... at least this far (DN) from the field's luma ...
RIM_APART = 40.0
#: ... and near gray: its chroma at most this many DN plus RIM_STROKE_SHARE of the
#: field's (4:2:0 averages its no chroma with the field's in its 2x2 block).
RIM_STROKE_CHROMA = 10.0
RIM_STROKE_SHARE = 0.75
#: The pixel's luma from the field's: toward the stroke at most RIM_TOWARD of the
#: stroke's distance, away at most RIM_AWAY (JPEG's ringing overshoots) ...
RIM_TOWARD = 0.15
RIM_AWAY = 0.2
#: ... its chroma from the field's toward gray by a share in [-RIM_BACK, RIM_SHARE] ...
RIM_SHARE = 0.7
RIM_BACK = 0.3
#: ... and off that line by at most RIM_OFF of the field's chroma plus RIM_OFF_DN.
RIM_OFF = 0.3
RIM_OFF_DN = 8.0
#: Rounds: a pixel found joins the field of the next.
RIM_ROUNDS = 2


def rimmed_beside(
    flat: np.ndarray, scale: float, width: int, off_map: np.ndarray,
    ycc: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Flagged pixels of ``off_map`` (flat mask, rows of ``width``) that are data beside
    a straight black, white or gray stroke JPEG rang (see the module's docstring), and
    for each the flat index of the field pixel that answers it. ``flat``: the picture,
    (N, C) DN times ``scale``; ``ycc``: its ``_smeared.picture_ycc``, when known.
    ``off_map`` is not changed."""
    return given_back(flat, scale, width, off_map, RIM_ROUNDS, _judged, ycc)


def _judged(
    ycc: np.ndarray, mask: np.ndarray, y: np.ndarray, x: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per flagged pixel (``y``, ``x``): whether it is data beside a neutral straight
    stroke (the module's rule) and the flat index of its field pixel nearest in luma."""
    height, width = mask.shape
    n = len(y)
    rows = np.arange(n)
    offsets = [(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]  # (the 8-neighbours)
    dys = np.array([o[0] for o in offsets])
    dxs = np.array([o[1] for o in offsets])
    step = np.maximum(np.abs(dys), np.abs(dxs))
    yy, xx = y[:, None] + dys[None, :], x[:, None] + dxs[None, :]
    inside = (yy >= 0) & (yy < height) & (xx >= 0) & (xx < width)
    yy, xx = np.clip(yy, 0, height - 1), np.clip(xx, 0, width - 1)
    window = ycc[yy, xx]
    own = ycc[y, x]
    field = inside & ~mask[yy, xx] & (step == 1)[None, :]
    n_field = field.sum(axis=1)
    ok = n_field >= RIM_FIELD_PIXELS
    # the field: its median (luma, chroma)
    values = np.sort(np.where(field[..., None], window, np.inf), axis=1)
    lower = np.maximum(n_field - 1, 0) // 2
    upper = np.minimum(n_field // 2, len(offsets) - 1)
    ground = 0.5 * (np.take_along_axis(values, lower[:, None, None], axis=1)[:, 0]
                    + np.take_along_axis(values, upper[:, None, None], axis=1)[:, 0])
    ground = np.where(np.isfinite(ground), ground, 0.0)
    offset = own[:, 1:] - ground[:, 1:]
    way = -ground[:, 1:]  # (toward gray)
    size = (way**2).sum(axis=1)
    with np.errstate(all="ignore"):
        share = np.where(size > 0, (offset * way).sum(axis=1) / np.maximum(size, 1e-12), 0.0)
    ok &= (share <= RIM_SHARE) & (share >= -RIM_BACK)
    field_chroma = np.sqrt((ground[:, 1:] ** 2).sum(axis=1))
    off = np.sqrt(((offset - share[:, None] * way) ** 2).sum(axis=1))
    ok &= off <= RIM_OFF * field_chroma + RIM_OFF_DN
    # (the tests below only reject: read on the pixels still in, per pixel the same --
    # a figure's white margin's rim: its chroma all the way to gray's)
    answer = np.zeros(n, dtype=np.int64)
    keep = np.flatnonzero(ok)
    if not len(keep):
        return ok, answer
    y, x, own, ground, field_chroma = y[keep], x[keep], own[keep], ground[keep], field_chroma[keep]
    yy, xx, window, field = yy[keep], xx[keep], window[keep], field[keep]
    n, rows, kept = len(keep), rows[:len(keep)], ok[keep]
    # the stroke: a straight flagged run across one of the 4 axis directions, beside
    run = np.arange(-RIM_RUN, RIM_RUN + 1)
    best = np.full(n, -1.0)
    stroke = np.zeros((n, 3))
    for dy, dx in ((0, 1), (0, -1), (1, 0), (-1, 0)):
        ry = y[:, None] + dy + (run[None, :] if dx else 0)
        rx = x[:, None] + dx + (run[None, :] if dy else 0)
        within = (ry >= 0) & (ry < height) & (rx >= 0) & (rx < width)
        ry, rx = np.clip(ry, 0, height - 1), np.clip(rx, 0, width - 1)
        centre = ycc[np.clip(y + dy, 0, height - 1), np.clip(x + dx, 0, width - 1)]
        reach_here = centre[:, 0] - ground[:, 0]
        along = (ycc[ry, rx, 0] - ground[:, 0:1]) * np.sign(reach_here)[:, None]
        straight = np.all(within & mask[ry, rx] & (along >= RIM_RUN_SHARE * np.abs(reach_here)[:, None]), axis=1)
        better = straight & (np.abs(reach_here) > best)
        best = np.where(better, np.abs(reach_here), best)
        stroke[better] = centre[better]
    reach = stroke[:, 0] - ground[:, 0]
    kept &= (best >= 0) & (np.abs(reach) >= RIM_APART)
    stroke_chroma = np.sqrt((stroke[:, 1:] ** 2).sum(axis=1))
    kept &= stroke_chroma <= RIM_STROKE_CHROMA + RIM_STROKE_SHARE * field_chroma
    with np.errstate(all="ignore"):
        toward = np.where(reach != 0, (own[:, 0] - ground[:, 0]) / reach, 0.0)
    kept &= (toward <= RIM_TOWARD) & (toward >= -RIM_AWAY)
    gap = np.where(field, np.abs(window[..., 0] - own[:, 0:1]), np.inf)
    nearest = gap.argmin(axis=1)
    answer[keep] = yy[rows, nearest] * width + xx[rows, nearest]
    ok[keep] = kept
    return ok, answer

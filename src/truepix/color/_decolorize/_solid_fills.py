"""Fills that are a figure's margin or ink, not a JPEG'd field's speckle.

``_fills`` takes a color repeated over a share of the picture, outside the map's box
of colors, for a fill (a figure's margin, no data): its pixels NaN. JPEG moves a
discrete map's flat fields that far where they are textured: Spectral's 5 colors on
the moon field (256x256, Pillow q75), the field (255, 255, 191) came out as 254-255,
254-255, 196-198 (6 DN past the colors' box, FILL_MARGIN 4), and RdBu_r's 3 colors
on the terrain field at q50 as 252-255 white (8 DN past its 247 middle): taken for
a margin, 1692 and 2456 of their pixels NaN (2.58 % and 6.5 %). No color rule
tells them from a real white margin next to RdBu's 247; two things do:

- how its colors spread: a render paints a fill in one exact color (a margin, the
  strokes of contour lines), the pixels near it its antialiased edges, blends toward
  colors far away that come within one DN of the fill's color only where a pixel is
  all but covered. JPEG spreads a flat color over its neighbouring codes: of the
  speckle above, 0.5-1.6 as many pixels lie one DN off its most common color as on
  it; of a PNG figure's fills (white margin, gray or black contour lines over turbo
  and magma, ``tests/color/test_decolorize_repeated_strokes.py``) 0.0-0.16
  (:data:`SPREAD`);
- and, where it is spread, where it lies: a figure's margin (and its masked cells,
  its background) is one solid area of thousands of pixels, JPEG's shifted field is
  speckle on the field's texture, bordered by the field's own level (1152 pieces of
  at most 13 pixels on the moon, 2383 of at most 23 on the terrain). A spread fill
  whose pixels lie mostly in pieces smaller than SOLID_PIXELS is no fill
  (:func:`solid_fills`). The thin lines a PNG's exact strokes make are no solid area
  (the gray contours over turbo: 0 % in pieces of 64): asked of every fill, the rule
  dropped theirs and left 0.64 % of the data beside them NaN.
"""

from __future__ import annotations

import numba as nb
import numpy as np

from truepix.color._decolorize._fills import fill_pixels
from truepix.color._decolorize._kernels import _JIT

__all__ = ["solid_fills", "spread"]

#: A fill is spread (JPEG'd) where the pixels one DN (a channel, at most) off its most
#: common color are at least this many times those on it: Spectral's 3 and 5 colors
#: and RdBu_r's 3 on the moon, terrain and camera fields (Pillow q75, q50) 0.52-1.60;
#: PNG figures' fills (200x200, ``test_decolorize_repeated_strokes``' figures): white
#: margin 0.00, the axes' light gray 0.02, black contours 0.05, gray contours 0.16.
SPREAD = 0.3
#: A spread fill's pixels count as solid in 4-connected pieces of at least this many
#: pixels (``_fills.FILL_PIXELS``: the least a fill holds). The speckle JPEG shifts
#: out of a discrete map's fields: pieces of 13-23 pixels at most (above); a figure's
#: margin: one piece of thousands.
SOLID_PIXELS = 64
#: ... and a spread fill is one where its solid pieces hold at least this share of
#: its pixels: margins nearly all of them (their JPEG halo within FILL_NEAR is joined
#: to them), the speckle 0-4 %.
SOLID_SHARE = 0.5
#: :func:`spread` is read on at most this many of a fill's pixels (every k-th): a
#: 1000x1000 picture's margin of 640 000 pixels, all of them read, made a call 730 ms
#: (a 2-core machine at load 10), its sample 43 ms, most of it ``fill_pixels``.
SPREAD_SAMPLE = 20_000


def solid_fills(pixels: np.ndarray, fills: np.ndarray, scale: float = 1.0) -> np.ndarray:
    """The ``fills`` (K, 2, 3 boxes, ``_fills.fill_boxes``) of ``pixels`` (H, W, C;
    ``scale`` DN a code) that are one exact color (:func:`spread` under SPREAD) or
    lie for SOLID_SHARE or more in 4-connected pieces of SOLID_PIXELS or more: a
    render's margin or strokes, a JPEG'd margin's solid area, no speckle JPEG moved
    out of a flat field. Pictures that are no (H, W, C) grid of integers keep all
    their fills."""
    if (
        not len(fills) or pixels.ndim != 3 or pixels.shape[-1] < 3
        or min(pixels.shape[:2]) < 2 or pixels.dtype.kind not in "ui"
    ):  # fmt: skip
        return fills
    kept = []
    for box in fills:
        inside = fill_pixels(pixels, box[None])
        at = np.flatnonzero(inside)
        total = len(at)
        if not total:
            continue
        counted = at[:: max(1, total // SPREAD_SAMPLE)]
        colors = pixels.reshape(-1, pixels.shape[-1])[counted, :3]
        if spread(colors, scale) < SPREAD:
            kept.append(box)
        elif _solid_count(inside, SOLID_PIXELS) >= SOLID_SHARE * total:
            kept.append(box)
    return np.asarray(kept, dtype=fills.dtype).reshape(-1, *fills.shape[1:])


def spread(colors: np.ndarray, scale: float = 1.0) -> float:
    """How many of ``colors`` (N, 3 integers, ``scale`` DN a code) lie one DN or
    less (each channel) off their most common color, but not on it, for each that
    lies on it."""
    one = max(1, int(round(1.0 / scale)))  # (codes a DN)
    wide = colors.astype(np.int64)
    low = wide.min(axis=0)
    span = wide.max(axis=0) - low + 1
    if int(np.prod(span)) <= 1 << 20:  # (a fill's box: 9^3 bins on 8-bit)
        keys = ((wide[:, 0] - low[0]) * span[1] + wide[:, 1] - low[1]) * span[2]
        keys += wide[:, 2] - low[2]
        mode = int(np.argmax(np.bincount(keys)))
        top = np.array([mode // (span[1] * span[2]), mode // span[2] % span[1], mode % span[2]])
        top += low
    else:
        found, counts = np.unique(wide, axis=0, return_counts=True)
        top = found[np.argmax(counts)]
    off = np.abs(wide - top).max(axis=1)
    on = int(np.count_nonzero(off == 0))
    return float(np.count_nonzero((off > 0) & (off <= one))) / max(on, 1)


@nb.njit(**_JIT)
def _solid_count(mask: np.ndarray, least: int) -> int:  # pragma: no cover - jitted
    """How many of ``mask``'s (H, W) pixels lie in 4-connected pieces of ``least``
    pixels or more."""
    height, width = mask.shape
    seen = np.zeros((height, width), dtype=np.bool_)
    stack = np.empty(height * width, dtype=np.int64)
    solid = 0
    for y0 in range(height):
        for x0 in range(width):
            if not mask[y0, x0] or seen[y0, x0]:
                continue
            seen[y0, x0] = True
            stack[0] = y0 * width + x0
            n, size = 1, 0
            while n:
                n -= 1
                size += 1
                y, x = stack[n] // width, stack[n] % width
                for yy, xx in ((y - 1, x), (y + 1, x), (y, x - 1), (y, x + 1)):
                    if 0 <= yy < height and 0 <= xx < width and mask[yy, xx] and not seen[yy, xx]:
                        seen[yy, xx] = True
                        stack[n] = yy * width + xx
                        n += 1
            if size >= least:
                solid += size
    return solid

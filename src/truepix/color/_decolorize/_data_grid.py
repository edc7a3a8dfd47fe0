"""Whose 8x8 grid a noisy picture's luma shows: its JPEG coding's, or its data's.

``_plan.make_plan`` takes a picture whose luma shows JPEG's 8x8 grid (``_grid``'s
:func:`~truepix.color._decolorize._grid.luma_grid` and
:func:`~truepix.color._decolorize._grid.dct_grid`) for JPEG'd, whatever its chroma.
Data can carry such a grid itself: a photograph that was a JPEG before it became the
field (skimage's grace_hopper), rendered through a map, holds its blocks in the
values, and the picture's luma follows them. With white noise on top, its residual
is no JPEG's, and decoding it as JPEG (luma-weighted positions, the JPEG filter
capped at 1.5 DN) answered 1.09-1.23x the k-d tree's error where the noise's own
decoding (the posterior and the spatial filter) answers 0.8x (t01 of trial 45: 10
maps, noise 1-2 DN). What tells them apart:

- a JPEG file's blocks start at its top left; a field's start wherever the data was
  cut from its JPEG (grace_hopper cropped: 4 rows in);
- JPEG's error jumps at the blocks' edges (``block_score`` above ``BLOCK_SCORE``);
  white noise added to a render does not (1.01-1.03 measured) -- and a picture cut
  from a JPEG'd one keeps those jumps at q50-q90 (1.06-2.5 on 4:4:4).

So a grid off the picture's own alignment, in a residual without JPEG's jumps, is the
data's: :func:`jpeg_grid` says JPEG only for a grid at the picture's own alignment
or one whose residual jumps. The cost: a 4:4:4 JPEG at q90-q95 cut 3 rows and 5
columns in (viridis, jet, Spectral x camera, terrain, moon; 264^2) was JPEG to the
grid alone in 4 of 18 and now decodes as noisy: 0.952-1.060 of the k-d tree's error
-> 1.000-1.051 (jet's camera at q90 1.060 -> 1.037).

A field cut from its JPEG at the blocks' own alignment (skimage's coins, 303x384,
blocks from its top left) passes both: its grid is at the picture's own place. Its
residual tells it: white noise's is uncorrelated between neighbouring pixels
(:func:`~truepix.color._decolorize._lossy.residual_correlation` 0.00-0.06, noise 1-3
DN), JPEG's is not, 4:4:4 at q75-q95 included (0.07-0.62; 4 real + 1 fBm field x 5
maps, 256^2). So a grid without jumps over a white residual (below WHITE_CORRELATION)
is the data's. Coins x 10 maps, noise 2 and 3 DN, decoded as JPEG: 1.06-1.16x the
k-d tree's error.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from truepix.color._decolorize._grid import GRID_PIXELS, _votes, dct_grid, luma_grid
from truepix.color._decolorize._lossy import residual_correlation

__all__ = ["jpeg_grid", "luma_grid_own"]

#: The run phase (:func:`luma_grid`'s votes) of a boundary between pixels 8k-1 and
#: 8k: the change in slope at index i is the slope into pixel i + 2 against its
#: neighbours', so a step into pixel 8k wins index 8k - 2.
OWN_PHASE = 6
#: A residual whose neighbouring pixels correlate less than this is white noise's,
#: no JPEG's (see the module): noise 1-3 DN 0.00-0.06, JPEG 4:4:4 q95 0.07-0.46.
WHITE_CORRELATION = 0.1


def jpeg_grid(
    pixels: np.ndarray,
    sample: np.ndarray,
    blocks: float,
    thresholds: tuple[float, float, float, float],
    residual: tuple[np.ndarray, int, Any] | None = None,
) -> bool:
    """Whether the 8x8 grid in a picture's luma is JPEG's own (see the module).

    ``thresholds`` are ``_plan``'s (LUMA_GRID, JPEG_DCT, JPEG_DCT_SHIFTED,
    BLOCK_SCORE); ``blocks`` is the residual's ``block_score``; ``residual``: the
    sample's packed codes, the threshold's code and the kept pixels (``_plan``), for
    :func:`~truepix.color._decolorize._lossy.residual_correlation`.
    """
    luma, own_dct, shifted_dct, jumps = thresholds
    jumped = blocks > jumps
    if not jumped and residual is not None:
        codes, max_code, kept = residual
        if residual_correlation(codes, sample.shape, max_code, kept) < WHITE_CORRELATION:
            return False
    if luma_grid(pixels, sample) > luma and (jumped or luma_grid_own(pixels, sample)):
        return True
    score, own = dct_grid(pixels)
    return score > (own_dct if own else shifted_dct) and (own or jumped)


def luma_grid_own(pixels: np.ndarray, sample: np.ndarray) -> bool:
    """Whether the phase that wins :func:`luma_grid`'s votes is the picture's own grid
    (OWN_PHASE from its top left) along both rows and columns (read as there)."""
    height, width = pixels.shape[:2]
    rows = sample[:: max(1, sample.shape[0] * width // GRID_PIXELS)]
    columns = pixels[:, :: max(1, height * width // GRID_PIXELS)].swapaxes(0, 1)
    return _phase(rows) == OWN_PHASE and _phase(columns) == OWN_PHASE


def _phase(rows: np.ndarray) -> int:
    """The phase of (R, W, C) rows' 8-pixel runs that wins the votes; -1 when none."""
    luma = rows[..., :3].astype(np.float64) @ np.array([0.299, 0.587, 0.114])
    slope = np.diff(luma, axis=1)
    change = np.abs(slope[:, 1:-1] - 0.5 * (slope[:, :-2] + slope[:, 2:]))
    n_runs = change.shape[1] // 8
    if n_runs == 0:
        return -1
    votes = _votes(change[:, : 8 * n_runs].reshape(-1, 8))
    return -1 if votes is None else int(np.argmax(votes))

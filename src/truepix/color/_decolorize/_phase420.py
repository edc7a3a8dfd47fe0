"""4:2:0's chroma phase: a picture cut from a JPEG'd one at an odd row or column.

A JPEG file's 4:2:0 chroma is sampled on 2x2 blocks from its top left. JPEG's model
(``_degraded.chroma_model_residual``, ``_chroma_test``) reads the map's chroma over
the same blocks of the picture it is given. A picture cut from a JPEG'd one -- a
figure's panel, a heatmap cropped to its axes, a tile of a mosaic -- starts wherever
the cut was made: at an odd column its blocks straddle two of JPEG's, the model
averages the wrong pairs of colors, and the data beside sharp edges reads as off
the map. Measured (256^2 camera through jet, Pillow q75, cut 0 / 1 rows and columns):
0 % holes and 0.82x the k-d tree's error uncut, 0.66-0.69 % holes and 1.08-1.09x cut
an odd column in; an 8x8 nearest imshow of jet cut to its axes (q90, odd column):
0.48 % holes.

:func:`chroma_phase` finds the phase: where the picture's chroma planes are what
libjpeg's fancy upsampling makes of their own 2x2 means' samples (``_lattice``'s
deconvolution, as :func:`~truepix.color._decolorize._lattice.strokes_420` reads a gray
map's strokes). :func:`aligned` pads such a picture by the odd row or column (the edge
repeated, as libjpeg pads) so that its blocks are JPEG's again; the decode's fields are
cut back (:func:`cut`).
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

import numpy as np

from truepix.color._decolorize._lattice import (
    _UNFILTER, PHASES, _central, chroma_planes, phase_fit,
)
from truepix.color._decolorize._lattice_kernels import phase_fits

__all__ = ["aligned", "chroma_phase", "cut"]

#: 8x8 blocks of 2x2 means the phase is read on (``_lattice._central``: 224^2 pixels).
PHASE_BLOCKS = 144
#: The best phase's upsampling error, at most this share of the chroma's spread
#: (``_lattice.STROKES_420``: 4:2:0 at its phase 0.024-0.037, others 0.065-0.23) ...
PHASE_FIT = 0.08
#: ... and at most this share of the top left phase's: an odd phase must explain the
#: chroma clearly better than the picture's own.
PHASE_BETTER = 0.75
#: The chroma's spread (DN, mean absolute deviation) below which no phase is read.
PHASE_SPREAD = 0.5


def chroma_phase(pixels: np.ndarray, scale: float = 1.0) -> tuple[int, int]:
    """The (rows, columns) offset, 0 or 1 each, of 4:2:0's 2x2 chroma blocks in
    ``pixels`` ((H, W, 3|4), DN times ``scale``): (0, 0) where they start at its top
    left or no phase explains its chroma (PHASE_FIT, PHASE_BETTER)."""
    window = _central(pixels, PHASE_BLOCKS)
    if window.ndim != 3 or min(window.shape[:2]) < 32 or window.shape[-1] < 3:
        return 0, 0
    rgb = window[..., :3].astype(np.float32) * np.float32(scale)
    errors, planes = {}, np.stack(chroma_planes(rgb))
    ordered = np.sort(planes.reshape(2, -1), axis=1)
    if np.isnan(ordered[:, -1]).any():  # (numpy's NaN, and its warnings)
        fits = [phase_fit(rgb, *phase) for phase in PHASES]
    else:  # (one pass: the same medians and planes, the sums in float64)
        fits = phase_fits(planes, ordered, _UNFILTER)
    for (dy, dx), (error, spread, size) in zip(PHASES, fits):
        if spread < PHASE_SPREAD * size:
            return 0, 0
        errors[(dy, dx)] = error / spread
    best = min(errors, key=errors.get)
    if best == (0, 0) or errors[best] > PHASE_FIT or errors[best] > PHASE_BETTER * errors[(0, 0)]:
        return 0, 0
    return best


def aligned(pixels: np.ndarray, phase: tuple[int, int]) -> np.ndarray:
    """``pixels`` (H, W, C) with ``phase``'s rows and columns added at the top and left,
    the edge repeated: its 2x2 blocks JPEG's."""
    dy, dx = phase
    return np.pad(pixels, ((dy, 0), (dx, 0), (0, 0)), mode="edge")


def cut(result: Any, phase: tuple[int, int], shape: tuple[int, int]) -> Any:
    """A decode's result (``DecolorizeResult``) of :func:`aligned` pixels cut back to the
    picture's ``shape`` (H, W): each per-pixel field, and its NaN no longer counted."""
    dy, dx = phase
    padded = (shape[0] + dy, shape[1] + dx)
    parts = {}
    for item in fields(result):
        value = getattr(result, item.name)
        if isinstance(value, np.ndarray) and value.shape[:2] == padded:
            parts[item.name] = value[dy:, dx:]
    return replace(result, n_nan=-1, **parts)

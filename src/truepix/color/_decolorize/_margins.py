"""A figure's margin among its fills, and JPEG's ringing along the margin's edge.

A fill (``_fills``: one exact color over much of a picture, off the map) is the
figure's margin, and also every stroke drawn in that color over the data (white text
on a heatmap, when the paper is white). JPEG's 8x8 blocks that hold both the margin
and data ring with blends of the two along the margin's whole edge, and those blends
are no stroke: they are counted as no stroke color (``_strokes.stroke_pixels``) and
string no stroke (``_alone.strung``). A stroke's own edge is left to be counted: the
margin is what stays of the fills once each is thinned by MARGIN_THIN px (a stroke a
few px wide vanishes), grown back, and the ring is the MARGIN_RING px around it.

Measured (trial 47 t33: a picture pasted on a white slide with a title, JPEG q85;
benchmarks/thumbnails/README.md): the ring's colors, voted stroke colors, sent 1.157
% of the viridis camera's data to NaN, and its cores strung along the edge; on
benchmarks/colormaps.py's annotated pictures (a white margin and white text) the
ring of every fill, strokes included, lost RdBu_r 1.4 points of its flags (q75).
"""

from __future__ import annotations

import numpy as np

from truepix.color._decolorize._inked import _dilated

__all__ = ["MARGIN_RING", "MARGIN_THIN", "margin_ring"]

#: Fills narrower than twice this (px) are strokes, not a margin.
MARGIN_THIN = 8
#: JPEG's ringing reaches this far (px) from the margin into the data (an 8x8 block).
MARGIN_RING = 8


def margin_ring(filled: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Flat mask: the margin among the ``filled`` pixels (flat, a picture of ``shape``:
    height, width) and the pixels within MARGIN_RING of it."""
    inner = ~_dilated(~filled, shape, MARGIN_THIN)  # (strokes a few px wide: none left)
    return _dilated(inner, shape, MARGIN_THIN + MARGIN_RING)

"""The long strokes of a JPEG'd picture, which tell no resizing.

``_edges.resized_blends`` tells a picture resized before it was JPEG'd by how often its
candidates lie strictly between two neighbours on the map, counting none near a black or
white stroke's core (``EDGE_STROKE_RADIUS``): a stroke's antialiased fringe lies between
its ink and the field. Gray contours and text in an ink inside the map's luma range
(gray 0.4 over RdBu_r, magma, jet; trial 45's t02 figures) were counted: their fringes
lay between the field and the ink's core, which the plan's threshold -- raised to its cap
(40 DN) by the strokes' own fringes -- took for data, and 0.21-0.41 of the counted
candidates were such blends, past RESAMPLED_SHARE (0.2). The picture read as resized, its
strokes' cores became blends and none was flagged (0 % on RdBu_r's and magma's DEM,
4.5 % on jet's). A stroke is long: its core's pixels past ``_plan.MAX_THRESHOLD`` touch
along it, STROKE_CORE_PIXELS or more 8-connected; a resized photograph's blends past it
lie along its data's edges too, but the share is a ratio: what is left away from such
chains still holds its blends. A picture is resized where it reads so counted both ways:
away from the long cores alone, the fringes of annotations whose cores stay under the cap
(matplotlib's text and lines on the camera, tests/color/test_decolorize_annotations.py;
gray contours on coolwarm) read as blends more often than all candidates did.
"""

from __future__ import annotations

import numpy as np

from truepix.color._decolorize._grow import counted_groups
from truepix.color._decolorize._plan import MAX_THRESHOLD

__all__ = ["STROKE_CORE_PIXELS", "long_cores"]

#: Candidates past MAX_THRESHOLD in an 8-connected group of this many or more are a
#: stroke's core.
STROKE_CORE_PIXELS = 40


def long_cores(candidates: np.ndarray, residual: np.ndarray, width: int) -> np.ndarray:
    """Per candidate (sorted flat indices): whether it lies past MAX_THRESHOLD in an
    8-connected group of STROKE_CORE_PIXELS or more such candidates (``residual``, DN,
    flat per pixel, in rows of ``width``)."""
    past = residual[candidates] > MAX_THRESHOLD
    groups = np.zeros(len(candidates), dtype=np.int64)
    counted_groups(past, np.zeros(len(candidates)), candidates, width, len(residual) // width,
                   STROKE_CORE_PIXELS, np.inf, groups)  # fmt: skip
    return groups > 0

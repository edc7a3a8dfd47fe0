"""Gray contours over a DEM, JPEG'd: no resized picture (``_stroked``).

matplotlib's sample DEM drawn by ``imshow``, ``contour(colors="0.4", linewidths=0.8)``
lines, gray text and a line over it (the new-user trial's figure, trial 45's t02), saved by
``savefig`` and JPEG'd by Pillow at q75. The strokes' fringes lie between their ink and the
field, so ``_edges.resized_blends`` took the picture for one resized before it was JPEG'd
and made every stroke's core a blend: 0 % flagged on magma, 4.5 % on jet. Candidates near
a stroke's long core (``_stroked.long_cores``) count no more toward that share. The stroke
pixels are those the same strokes darken on a blank figure; the figure without them keeps
every pixel.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import ndimage

from tests.color.test_decolorize_gray_contours import _dem, _figure
from truepix import Decolorizer
from truepix.color._decolorize._plan import MAX_THRESHOLD
from truepix.color._decolorize._stroked import STROKE_CORE_PIXELS, long_cores


@pytest.mark.parametrize(("cmap", "least"), [("magma", 70.0), ("jet", 80.0)])
def test_jpeg_gray_contours_are_no_resized_picture(cmap: str, least: float) -> None:
    field = _dem()
    strokes = _figure(field, None, True, "dem").min(axis=-1) < 255 - 12
    decoder = Decolorizer(cmap, vmin=0.0, vmax=1.0)
    lost = np.isnan(decoder.values(_figure(field, cmap, True, "dem")))
    flagged = 100 * float(lost[strokes].mean())
    assert flagged >= least, f"expected >= {least} % of stroke pixels flagged, got {flagged:.1f} %"
    holes = 100 * float(np.isnan(decoder.values(_figure(field, cmap, False, "dem"))).mean())
    assert holes <= 0.2, f"expected <= 0.2 % NaN on the all-data figure, got {holes:.3f} %"


def test_long_cores_are_the_large_groups_past_the_cap() -> None:
    rng = np.random.default_rng(7)
    height, width = 48, 64
    residual = rng.uniform(0.0, 30.0, (height, width))
    residual[10, 5:60] = 55.0  # a line: one long core
    residual[30:33, 20:23] = 70.0  # a speck of 9
    residual[40, ::3] = 90.0  # lone pixels
    residual = residual.ravel()
    candidates = np.flatnonzero(residual > 20.0)
    labels, count = ndimage.label((residual > MAX_THRESHOLD).reshape(height, width),
                                  structure=np.ones((3, 3)))  # fmt: skip
    sizes = np.bincount(labels.ravel(), minlength=count + 1)
    expected = (labels.ravel() > 0) & (sizes[labels.ravel()] >= STROKE_CORE_PIXELS)
    np.testing.assert_array_equal(long_cores(candidates, residual, width), expected[candidates])

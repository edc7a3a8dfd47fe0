"""A discrete map's picture at high JPEG quality is read as JPEG (``_plan.LUMA_DETAIL``).

JPEG keeps a discrete map's flat fields nearly whole at q95: Spectral's 3 colors on
scikit-image's moon read a luma detail of 1.0499, under the old threshold 1.05, and
the picture decoded as no JPEG, 1.37 % of it NaN.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from tests.color._photographs import encoded, moon_256
from truepix import Decolorizer


def test_high_quality_jpeg_of_three_colors_is_jpeg() -> None:
    # (Spectral's 3 colors on the moon at q95: luma detail 1.0499, under the old
    # LUMA_DETAIL 1.05, read as no JPEG: 1.37 % NaN; ``_plan.LUMA_DETAIL``)
    cmap = plt.get_cmap("Spectral", 3)
    picture = encoded(np.ascontiguousarray(cmap(moon_256(), bytes=True)[..., :3]), "JPEG", 95)
    values = Decolorizer(cmap, vmin=0, vmax=1).values(picture)
    assert np.isnan(values).mean() <= 0.002

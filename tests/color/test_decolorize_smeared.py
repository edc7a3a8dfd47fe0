"""Colored contour lines over a colormapped field, JPEG'd: the data beside them is data.

A seeded fBm field drawn by ``imshow`` (gray, viridis) with ``contour(levels=8,
linewidths=1, colors=...)`` lines in a color the map lacks (red, magenta), saved by
``savefig`` as JPEG q75 (Pillow, 4:2:0). JPEG smears the line's chroma 1-2 px into the
field beside it (``_smeared``): those pixels keep the field's luma and are data. Trial
56 (benchmarks/decolorize_trial/trial54/t164_contours_over_maps.py) found 38-46 % of
the data within 2 px of such lines NaN; the lines themselves must stay flagged.
The line pixels and the untouched data come from the same strokes drawn alone on white
(PNG): a pixel the stroke does not touch is data, one it covers by a quarter or more is
the line's.
"""

from __future__ import annotations

import warnings

import matplotlib
import numpy as np
import pytest
from scipy.ndimage import distance_transform_edt

from tests.color._photographs import fbm, saved_rgb
from truepix import decolorize
from truepix.errors import OffMapWarning

matplotlib.use("Agg")

#: The field's size and the picture's (px): t164 showed its 256^2 field 1.45x enlarged.
_SIZE, _SHOWN = 128, 256


def _figure(
    field: np.ndarray, cmap: str | None, color: str | None, jpeg: bool = True
) -> np.ndarray:
    """The figure as JPEG q75 (``cmap``), or as PNG with the lines alone on white (None);
    PNG where not ``jpeg``; no lines where ``color`` is None."""
    import matplotlib.pyplot as plt

    figure = plt.figure(figsize=(_SHOWN / 100, _SHOWN / 100), dpi=100)
    axes = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    axes.set_axis_off()
    shown = np.ones_like(field) if cmap is None else field
    axes.imshow(shown, cmap=cmap or "gray", vmin=0.0, vmax=1.0, interpolation="nearest",
                aspect="auto")  # fmt: skip
    if color is not None:
        axes.contour(field, levels=8, colors=color, linewidths=1.0)
    return saved_rgb(figure, jpeg=jpeg and cmap is not None)


#: (data within 2 px of the lines, all data) NaN at most, between before and after
#: ``_smeared``: gray red 38.7 -> 31.6, 18.6 -> 14.8 %; gray magenta 41.0 -> 32.7, 21.4 ->
#: 16.8 %; viridis red 44.4 -> 37.7, 20.9 -> 17.8 %; viridis magenta 45.6 -> 38.9, 22.0 ->
#: 18.6 %. The lines: 99.3-99.8 % flagged before, 99.5-99.8 % after. Then the wide share
#: (a stroke's chroma 60 DN or more from the field's, ``SMEAR_SHARE_WIDE``): 31.6 -> 25.5,
#: 14.8 -> 12.1 %; 32.7 -> 26.4, 16.8 -> 13.9 %; 37.7 -> 32.9, 17.8 -> 15.7 %; 38.8 -> 34.1,
#: 18.6 -> 16.4 %; the lines (covered a quarter) 99.5-99.8 -> 99.1-99.6 % flagged, those
#: moved more than 12 DN 98.1-99.2 -> 96.5-98.1 %, silently wrong 0.28-0.47 -> 0.50-0.91 %.
_BOUNDS = {
    ("gray", "red"): (0.285, 0.135), ("gray", "magenta"): (0.295, 0.155),
    ("viridis", "red"): (0.355, 0.17), ("viridis", "magenta"): (0.365, 0.18),
}  # fmt: skip


@pytest.mark.parametrize("cmap", ["gray", "viridis"])
@pytest.mark.parametrize("color", ["red", "magenta"])
def test_data_beside_colored_contours_jpeg(cmap: str, color: str) -> None:
    field = fbm(_SIZE, seed=11)
    picture = _figure(field, cmap, color)
    alone = _figure(field, None, color).astype(np.int16)
    cover = (255 - alone[..., 1]) / 255.0  # (red and magenta take the green away)
    line, data = cover >= 0.25, cover == 0.0
    beside = data & (distance_transform_edt(~line) <= 2.0)
    with warnings.catch_warnings():  # (a quarter of the picture is lines: it says so)
        warnings.simplefilter("ignore", OffMapWarning)
        holes = np.isnan(decolorize(picture, cmap=cmap, vmin=0.0, vmax=1.0))
    beside_at_most, data_at_most = _BOUNDS[(cmap, color)]
    nan_beside, nan_data = holes[beside].mean(), holes[data].mean()
    assert nan_beside < beside_at_most, f"data beside the lines NaN: {nan_beside:.1%}"
    assert nan_data < data_at_most, f"data NaN: {nan_data:.1%}"
    assert holes[line].mean() >= 0.95, f"lines flagged: {holes[line].mean():.1%}"
    # the lines as benchmarks/_drawn_annotations.py has them: the pixels they move more
    # than 12 DN; flagged, or valued within 5 % of the range of the field under them
    # (the figure without the lines, PNG, decoded)
    plain = _figure(field, cmap, None, jpeg=False)
    drawn = _figure(field, cmap, color, jpeg=False).astype(float)
    moved = np.sqrt(((drawn - plain) ** 2).sum(axis=-1)) > 12.0
    under = decolorize(plain, cmap=cmap, vmin=0.0, vmax=1.0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", OffMapWarning)
        values = decolorize(picture, cmap=cmap, vmin=0.0, vmax=1.0)
    wrong = ~holes & (np.abs(values - under) > 0.05)
    assert holes[moved].mean() >= 0.95, f"lines (> 12 DN) flagged: {holes[moved].mean():.1%}"
    assert wrong[moved].mean() < 0.015, f"lines silently wrong: {wrong[moved].mean():.2%}"

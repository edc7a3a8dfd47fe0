"""The antialiased ring of black and white strokes whose blends are the map's entries
over sharp exact renders (``_ink_rings``).

hot runs in a straight line from black to red and seismic from black to blue: a black
stroke's blends with the field there are the map's own colors, as are white's over
hot's yellow-white end and seismic's pale middle. Read against the field around them
(not the pixel beside them) they are blends; the field's own pixels stay data.
"""

from __future__ import annotations

import functools

import matplotlib
import numpy as np
import pytest
from scipy import ndimage

from tests.color._photographs import field_256 as _field
from tests.color._photographs import saved_rgb
from truepix.color._decolorize import _ink_rings
from truepix.color._decolorize._api import decolorize

matplotlib.use("Agg")

SIZE = 256


def _figure(field: np.ndarray, name: str, ink: str | None) -> np.ndarray:
    """``field`` drawn by ``imshow`` 1:1 into a SIZE^2 px figure with a label, a line and
    a dashed line in ``ink`` (``ax.text`` / ``ax.plot``), saved as PNG: its RGB."""
    import matplotlib.pyplot as plt

    figure = plt.figure(figsize=(SIZE / 100, SIZE / 100), dpi=100)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    axes.imshow(field, cmap=name, vmin=0, vmax=1, interpolation="nearest")
    if ink is not None:
        axes.text(12, 40, "Depth 1250 m", color=ink, fontsize=13)
        axes.plot([8, 248], [200, 80], color=ink, lw=1.0)
        axes.plot([8, 248], [60, 230], color=ink, lw=0.8, ls="--")
    axes.set_xlim(-0.5, SIZE - 0.5)
    axes.set_ylim(SIZE - 0.5, -0.5)
    return saved_rgb(figure, dpi=100)


@functools.cache
def _footprint(name: str, ink: str) -> np.ndarray:
    """The pixels the ink covers at all (drawn over a flat field)."""
    flat = np.full((SIZE, SIZE), 0.3)
    drawn, clean = _figure(flat, name, ink), _figure(flat, name, None)
    return np.abs(drawn.astype(int) - clean).max(axis=-1) > 0


@functools.cache
def _decoded(name: str, field: str, ink: str, rings: bool = True) -> tuple[np.ndarray, ...]:
    """(values of the annotated picture, of the clean one, the ink's change in DN);
    ``rings``: False decodes without this module's rule (the before)."""
    clean, picture = _figure(_field(field), name, None), _figure(_field(field), name, ink)
    change = np.abs(picture.astype(int) - clean).max(axis=-1)
    if rings:
        values = decolorize(picture, cmap=name, vmin=0, vmax=1)
    else:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(_ink_rings, "flag_ink_rings", lambda values, pixels: 0)
            values = decolorize(picture, cmap=name, vmin=0, vmax=1)
    return values, decolorize(clean, cmap=name, vmin=0, vmax=1), change


# Share of the pixels the ink changes by 10 DN or more that come back NaN, measured
# with this very test without -> with the rule (2026-12-05), each case in its comment.
CASES = [
    ("hot", "camera", "black", 0.917),  # 0.913 -> 0.920
    ("hot", "dem", "black", 0.80),  # 0.780 -> 0.806
    ("seismic", "camera", "black", 0.93),  # 0.905 -> 0.935
    ("seismic", "dem", "black", 0.943),  # 0.939 -> 0.946
    ("seismic", "dem", "white", 0.884),  # 0.881 -> 0.886
    ("hot", "camera", "white", 0.665),  # 0.655 -> 0.670
]


@pytest.mark.parametrize(("name", "field", "ink", "least"), CASES)
def test_the_strokes_blends_are_flagged(name: str, field: str, ink: str, least: float) -> None:
    values, _, change = _decoded(name, field, ink)
    before, _, _ = _decoded(name, field, ink, rings=False)
    stroke = change >= 10
    assert np.isnan(values[stroke]).mean() >= least
    assert np.isnan(values[stroke]).mean() > np.isnan(before[stroke]).mean()


@pytest.mark.parametrize(("name", "field", "ink", "least"), CASES)
def test_pixels_the_ink_left_alone_keep_their_values(
    name: str, field: str, ink: str, least: float
) -> None:
    # every pixel 3 px or more from anything the ink covers decodes as without it, and
    # the rule takes no pixel the ink left as it was (the photograph's and the DEM's
    # texture beside the strokes: their steps toward the ink stay within the field's
    # scatter)
    values, clean, change = _decoded(name, field, ink)
    before, _, _ = _decoded(name, field, ink, rings=False)
    away = ~ndimage.binary_dilation(_footprint(name, ink), iterations=3)
    assert not np.isnan(clean).any()
    np.testing.assert_array_equal(values[away], clean[away])
    untouched = change == 0
    np.testing.assert_array_equal(np.isnan(values[untouched]), np.isnan(before[untouched]))


def test_a_picture_of_data_alone_is_left_alone() -> None:
    # nothing flagged: no stroke to read a ring around (an exact render of the camera
    # through hot, whose blends of black lie on its entries too)
    picture = _figure(_field("camera"), "hot", None)
    values = decolorize(picture, cmap="hot", vmin=0, vmax=1)
    assert not np.isnan(values).any()
    assert _ink_rings.flag_ink_rings(values, picture) == 0


def test_a_gray_ink_is_no_ring_of_black_or_white() -> None:
    # a gray stroke's pixels are no blend of black or white with the field: the rule
    # adds nothing to what the other rules flag
    before, _, change = _decoded("seismic", "dem", "0.5", rings=False)
    values, _, _ = _decoded("seismic", "dem", "0.5")
    np.testing.assert_array_equal(np.isnan(values), np.isnan(before))
    assert np.isnan(values[change >= 10]).mean() > 0.9

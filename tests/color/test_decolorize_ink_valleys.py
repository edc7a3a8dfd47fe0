"""Black and white strokes whose every pixel is an entry of the map, over sharp exact
renders (``_ink_valleys``).

gist_heat, hot and afmhot run from black in a straight line through their dark reds,
hot and pink to white through their yellows and pinks: a black or white stroke there
is the map's own color at every pixel. A valley toward the ink at most a few pixels
across, with the same flat field on both sides, joined to a stroke flagged elsewhere,
tells it; data beside the strokes keeps its value.
"""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

from tests.color.test_decolorize_ink_entries import _field, _figure, _footprint
from truepix.color._decolorize._api import decolorize
from truepix.color._decolorize._ink_valleys import flag_ink_valleys

matplotlib.use("Agg")

# Share of the pixels the ink changes by 10 DN or more that come back NaN, measured
# with this very test before -> after (2026-12-05), each case in its comment.
CASES = [
    ("gist_heat", "dem", "black", 0.35),  # 0.284 -> 0.371
    ("gist_heat", "bumps", "black", 0.60),  # 0.578 -> 0.619
    ("gist_heat", "bumps", "white", 0.935),  # 0.930 -> 0.943
    ("hot", "bumps", "white", 0.91),  # 0.891 -> 0.921
    ("afmhot", "bumps", "white", 0.86),  # 0.855 -> 0.870
    ("hot", "dem", "black", 0.78),  # 0.783 -> 0.788 (no data pixel taken beside it)
]


@pytest.mark.parametrize(("name", "field", "ink", "least"), CASES)
def test_strokes_on_the_maps_straight_stretch_are_flagged(
    name: str, field: str, ink: str, least: float
) -> None:
    clean, picture = _figure(_field(field), name, None), _figure(_field(field), name, ink)
    change = np.abs(picture.astype(int) - clean).max(axis=-1)
    values = decolorize(picture, cmap=name, vmin=0, vmax=1)
    assert np.isnan(values[change >= 10]).mean() >= least
    # every pixel the ink left alone is valued, and as it is without the ink
    untouched = (change == 0) & ~_footprint(name, ink)
    np.testing.assert_array_equal(
        values[untouched], decolorize(clean, cmap=name, vmin=0, vmax=1)[untouched]
    )


def _gist_heat_rows(shape: tuple[int, int]) -> np.ndarray:
    """A field of gist_heat's dark reds, rising along each row (0.2 to 0.25)."""
    return matplotlib.colormaps["gist_heat"](
        np.broadcast_to(np.linspace(0.2, 0.25, shape[1]), shape), bytes=True
    )[..., :3].copy()


def test_a_black_line_of_entries_joined_to_a_flagged_stroke_is_flagged() -> None:
    # a 1 px black line down a column, half-way blends beside it: all entries of
    # gist_heat; its top end flagged already (where it left the map)
    picture = _gist_heat_rows((20, 15))
    picture[:, 6] = (picture[:, 6] * 0.5).round()
    picture[:, 7] = 0
    picture[:, 8] = (picture[:, 8] * 0.5).round()
    values = np.zeros((20, 15))
    values[0, 6:9] = np.nan
    assert flag_ink_valleys(values, picture) == 19 * 3
    assert np.isnan(values[:, 6:9]).all()
    assert not np.isnan(values[:, :6]).any() and not np.isnan(values[:, 9:]).any()


def test_a_dark_valley_of_data_beside_a_white_stroke_is_data() -> None:
    # the same black line touching only a white stroke's flagged pixels: a dark seam of
    # data beside a white stroke is no black stroke
    picture = _gist_heat_rows((20, 15))
    picture[:, 7] = 0
    picture[0, 6:9] = 255
    values = np.zeros((20, 15))
    values[0, 6:9] = np.nan
    assert flag_ink_valleys(values, picture) == 0


def test_a_picture_with_nothing_flagged_is_left_alone() -> None:
    picture = _gist_heat_rows((20, 15))
    picture[:, 7] = 0
    assert flag_ink_valleys(np.zeros((20, 15)), picture) == 0

"""BoundaryNorm pictures degraded (JPEG, resized): decoded as the discrete picture they are.

A ``BoundaryNorm`` paints a few entries of the table (11 intervals of a 256-color
map: entries 0, 25, 51 ...). Matched against the whole table, a JPEG'd pixel lands
on entries no interval paints and came back NaN (trial 16: 62-95 % of a q95 picture).
"""

from __future__ import annotations

import cv2
import matplotlib
import matplotlib.colors as mcolors
import numpy as np
import pytest
from scipy.spatial import cKDTree

from tests.color._photographs import pillow_jpeg
import truepix as tp

EDGES = np.linspace(-100.0, 10.0, 12)  # 11 intervals
UNEVEN = np.array([-100.0, -90.0, -60.0, -55.0, -30.0, -20.0, -10.0, 0.0, 2.0, 10.0])
NORMS = {
    "plain": mcolors.BoundaryNorm(EDGES, 256),
    "extend-both": mcolors.BoundaryNorm(EDGES, 256, extend="both"),
    "extend-max": mcolors.BoundaryNorm(EDGES, 256, extend="max"),
    "uneven": mcolors.BoundaryNorm(UNEVEN, 256),
}


def _field() -> np.ndarray:
    y, x = np.mgrid[0:256, 0:256] / 256
    return -100 + 110 * (0.5 + 0.5 * np.sin(3 * x + 1) * np.cos(2 * y))


def _intervals(norm: mcolors.BoundaryNorm, values: np.ndarray) -> np.ndarray:
    """The interval (index) each value lies in; -1 for NaN."""
    found = np.searchsorted(norm.boundaries, values, side="right") - 1
    return np.where(np.isnan(values), -1, found)


@pytest.mark.parametrize("cmap", ["viridis", "jet"])
@pytest.mark.parametrize("name", list(NORMS))
def test_degraded_boundary_norm_picture_decodes_to_intervals(cmap: str, name: str) -> None:
    """JPEG q95 and q75 (4:2:0) and a 0.5x resize: every pixel in an interval (holes <=
    0.2 %), its own on >= 99.8 % of pixels (q75: 99.7 %; what is missed lies on an
    interval's edge), more often than the nearest painted color."""
    norm, data = NORMS[name], _field()
    colormap = matplotlib.colormaps[cmap]
    picture = colormap(norm(data), bytes=True)[..., :3]
    truth = _intervals(norm, data)
    painted = colormap(norm((norm.boundaries[:-1] + norm.boundaries[1:]) / 2), bytes=True)
    nearest = cKDTree(painted[:, :3].astype(np.float64))  # the oracle: nearest of the 11
    for quality, share in ((95, 0.998), (75, 0.997)):
        degraded = pillow_jpeg(picture, quality)
        found = _intervals(norm, tp.decolorize(degraded, cmap=cmap, norm=norm))
        assert np.mean(found < 0) <= 0.002, (quality, np.mean(found < 0))
        right = np.mean(found == truth)
        assert right >= share, (quality, right)
        oracle = nearest.query(degraded.reshape(-1, 3).astype(np.float64))[1]
        assert right >= np.mean(oracle.reshape(truth.shape) == truth), quality
    small = cv2.resize(picture, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_LINEAR)
    found = _intervals(norm, tp.decolorize(small, cmap=cmap, norm=norm))
    # a pixel of 2x2 source pixels in two intervals may be either (its color is a blend)
    blocks = truth.reshape(128, 2, 128, 2).transpose(0, 2, 1, 3).reshape(128, 128, 4)
    assert np.mean(found < 0) <= 0.002
    assert np.mean(np.any(found[..., None] == blocks, axis=-1)) >= 0.998


def test_out_of_range_colors_are_the_limits_marked_and_png_stays_exact() -> None:
    """``extend='both'``: data beyond the boundaries is painted with the under and over
    colors, which no interval uses; those pixels come back at the outer boundaries,
    marked ``under`` / ``over`` (as a with_extremes map's), the others at their
    interval's middle, unmarked (they came back NaN: trial 46 item 5)."""
    norm = NORMS["extend-both"]
    data = (_field() + 45.0) * 1.5 - 45.0  # some below -100, some above 10
    picture = matplotlib.colormaps["viridis"](norm(data), bytes=True)[..., :3]
    result = tp.Decolorizer("viridis", norm=norm).decode(picture)
    below, above = data < EDGES[0], data >= EDGES[-1]
    inside = ~below & ~above
    assert np.mean(below) > 0.005 and np.mean(above) > 0.1
    assert np.array_equal(result.under, below) and np.array_equal(result.over, above)
    assert np.all(result.values[below] == EDGES[0]) and np.all(result.values[above] == EDGES[-1])
    index = np.clip(np.searchsorted(EDGES, data, side="right") - 1, 0, 10)
    middles = ((EDGES[index] + EDGES[index + 1]) / 2)[inside]
    assert np.array_equal(result.values[inside], middles)
    assert np.array_equal(tp.decolorize(picture, cmap="viridis", norm=norm), result.values)


def test_over_color_next_to_the_last_interval_is_not_a_hole() -> None:
    """twilight has 510 colors: ``BoundaryNorm(b, 256)`` paints entries 0..255 and data
    above the boundaries entry 256, 1 DN from 255; a JPEG can't tell them apart, so
    pixels of either are the last interval's (they were 1 % holes in it)."""
    norm, data = NORMS["plain"], _field()
    colormap = matplotlib.colormaps["twilight"]
    assert colormap.N == 510
    picture = colormap(norm(data), bytes=True)[..., :3]
    found = _intervals(norm, tp.decolorize(pillow_jpeg(picture, 95), cmap="twilight", norm=norm))
    assert np.mean(found < 0) <= 0.002
    assert np.mean(found == _intervals(norm, data)) >= 0.998
    over = colormap(norm(np.array([EDGES[-1]])), bytes=True)
    assert tp.decolorize(over[None], cmap="twilight", norm=norm).tolist() == [[5.0]]


def test_thin_data_lines_of_a_discrete_picture_are_no_contours() -> None:
    """A discrete map draws a photograph's thin lines in one of its colors over fields
    of others: one ink over several levels, as a contour is (``_lines.ink_lines``).
    jet's 6 colors on the camera (JPEG q95) lost the tripod's legs that way (0.82 %
    holes)."""
    from skimage import data as images
    from skimage.transform import resize

    norm = mcolors.BoundaryNorm([0, 1, 2, 5, 10, 20, 50], 256)
    photograph = resize(images.camera() / 255.0, (256, 256), anti_aliasing=True)
    data = 50 * (photograph - photograph.min()) / np.ptp(photograph)
    picture = matplotlib.colormaps["jet"](norm(data), bytes=True)[..., :3]
    found = _intervals(norm, tp.decolorize(pillow_jpeg(picture, 95), cmap="jet", norm=norm))
    assert np.mean(found < 0) <= 0.002
    assert np.mean(found == _intervals(norm, data)) >= 0.98


def test_out_of_range_colors_of_the_map_its_own_and_transparent() -> None:
    """A map's own over color (magenta) is marked over at the last boundary; a transparent
    under color paints no data: NaN, unmarked."""
    colormap = matplotlib.colormaps["viridis"].with_extremes(under="none", over="magenta")
    norm = mcolors.BoundaryNorm([0.0, 1.0, 2.0, 3.0], 256, extend="both")
    picture = colormap(norm(np.array([[-1.0, 0.5, 1.5, 2.5, 4.0]])), bytes=True)
    result = tp.Decolorizer(colormap, norm=norm).decode(picture)
    assert np.array_equal(result.values, [[np.nan, 0.5, 1.5, 2.5, 3.0]], equal_nan=True)
    assert result.under.tolist() == [[False] * 5]
    assert result.over.tolist() == [[False, False, False, False, True]]


@pytest.mark.parametrize("ncolors", [11, 256])
def test_continuous_picture_given_a_boundary_norm_comes_back_in_its_intervals(
    ncolors: int,
) -> None:
    # trial 47: a plain (continuous) viridis picture decoded with a BoundaryNorm raised
    # numpy's "'numpy.float64' object does not support item assignment": the norm's
    # inverse was asked for one value (a palette cell's end) and took only arrays
    field = _field()
    norm = mcolors.BoundaryNorm(EDGES, ncolors)
    picture = matplotlib.colormaps["viridis"](mcolors.Normalize(-100, 10)(field), bytes=True)
    values = tp.decolorize(picture[..., :3], cmap="viridis", norm=norm)
    assert not np.isnan(values).any()
    # each pixel answers the middle of a norm interval near the value it was drawn from,
    # or a limit (a color past the last interval's: data past the boundary, marked)
    answers = np.r_[(EDGES[:-1] + EDGES[1:]) / 2, EDGES[[0, -1]]]
    assert np.isin(np.round(values, 9), np.round(answers, 9)).all()
    assert np.abs(values - field).max() <= 1.5 * np.diff(EDGES).max()


def test_a_continuous_picture_given_two_bins_is_told_to_pass_its_limits() -> None:
    """trial 49: ``BoundaryNorm([0, 1, 2], 256)`` (two bins: the map's first and last
    colors) on a picture drawn with the whole map left 31-37 % NaN and said nothing.
    Those pixels are the map's colors between the bins: the warning says to pass the
    limits, and following it decodes them."""
    y, x = np.mgrid[0:256, 0:256] / 256
    field = 1 + np.sin(5 * x) * np.cos(3 * y)  # 0..2
    picture = matplotlib.colormaps["viridis"](field / 2, bytes=True)[..., :3]
    with pytest.warns(tp.errors.OffMapWarning, match=r"pass vmin=0, vmax=2 instead of the Bo"):
        values = tp.decolorize(picture, cmap="viridis", norm=mcolors.BoundaryNorm([0, 1, 2], 256))
    assert np.isnan(values).mean() > 0.2
    followed = tp.decolorize(picture, cmap="viridis", vmin=0, vmax=2)
    assert np.abs(followed - field).max() <= 2 / 256


def test_a_picture_drawn_in_the_norms_levels_gets_no_such_advice() -> None:
    y, x = np.mgrid[0:256, 0:256] / 256
    field = 1 + np.sin(5 * x) * np.cos(3 * y)
    norm = mcolors.BoundaryNorm(np.linspace(0, 2, 9), 256)
    picture = matplotlib.colormaps["viridis"](norm(field), bytes=True)[..., :3]
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = tp.decolorize(picture, cmap="viridis", norm=norm)
    assert not np.isnan(values).any()

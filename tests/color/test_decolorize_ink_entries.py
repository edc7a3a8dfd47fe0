"""Strokes whose pixels are the map's own entries over sharp exact renders
(``_ink_entries``).

White is the last entry of hot, pink, gist_heat, bone and afmhot: white text, lines
and a white label box drawn over them are table colors in their cores. Their geometry
tells them (a thin run of the end color between blends of it and a far field; a box
meeting the field in a hard edge), while data clipped at the map's end (a region, or
a thin ridge whose sides are entries) stays data.
"""

from __future__ import annotations

import functools
import os

import matplotlib
import numpy as np
import pytest

from tests.color._photographs import saved_rgb
from truepix.color._decolorize._api import decolorize
from truepix.color._decolorize._ink_entries import flag_ink_entries
from truepix.color._decolorize._tables import gray_ends, table_keys

matplotlib.use("Agg")


@functools.cache
def _field(name: str) -> np.ndarray:
    """matplotlib's DEM, 192^2 in [0, 1], or smooth bumps."""
    if name == "dem":
        path = os.path.join(matplotlib.get_data_path(), "sample_data", "jacksboro_fault_dem.npz")
        with np.load(path) as saved:
            field = saved["elevation"][:192, :192].astype(np.float64)
    else:
        y, x = np.mgrid[0:192, 0:192] / 192.0
        field = np.sin(5 * x) * np.cos(3 * y) + 0.5 * np.exp(-((x - 0.6) ** 2 + y**2) * 8)
    return (field - field.min()) / (field.max() - field.min())


def _figure(field: np.ndarray, name: str, ink: str | None, vmax: float = 1.0) -> np.ndarray:
    """``field`` drawn by ``imshow`` 1:1 into a 192^2 px figure, with text, two lines
    and (white ink) a label in black on a white box: the PNG's RGB."""
    import matplotlib.pyplot as plt

    figure = plt.figure(figsize=(1.92, 1.92), dpi=100)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    axes.imshow(field, cmap=name, vmin=0, vmax=vmax, interpolation="nearest")
    if ink is not None:
        axes.text(10, 40, "Sample A-7", color=ink, fontsize=12)
        axes.plot([5, 185], [150, 60], color=ink, lw=1.2)
        axes.plot([10, 180], [20, 170], color=ink, lw=0.6)
        if ink == "white":
            axes.text(90, 170, "box label", color="black", fontsize=9,
                      bbox={"facecolor": "white", "edgecolor": "none"})  # fmt: skip
    axes.set_xlim(-0.5, 191.5)
    axes.set_ylim(191.5, -0.5)
    return saved_rgb(figure, dpi=100)


def _footprint(name: str, ink: str) -> np.ndarray:
    """The pixels the ink covers at all (drawn over a flat field)."""
    flat = np.full((192, 192), 0.3)
    drawn, clean = _figure(flat, name, ink), _figure(flat, name, None)
    return np.abs(drawn.astype(int) - clean).max(axis=-1) > 0


@functools.cache
def _decoded(name: str, field: str, ink: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(values of the annotated picture, of the clean one, the ink's change in DN)."""
    clean, picture = _figure(_field(field), name, None), _figure(_field(field), name, ink)
    change = np.abs(picture.astype(int) - clean).max(axis=-1)
    values = decolorize(picture, cmap=name, vmin=0, vmax=1)
    return values, decolorize(clean, cmap=name, vmin=0, vmax=1), change


# Share of the pixels the ink changes by 10 DN or more that come back NaN, measured
# with this very test before -> after (2026-12-05), each case in its comment; no
# untouched pixel NaN before or after.
CASES = [
    ("hot", "dem", "white", 0.90),  # 0.490 -> 0.939
    ("hot", "bumps", "white", 0.85),  # 0.425 -> 0.886
    ("pink", "dem", "white", 0.90),  # 0.484 -> 0.933
    ("gist_heat", "bumps", "white", 0.88),  # 0.461 -> 0.917
    ("afmhot", "dem", "white", 0.90),  # 0.486 -> 0.939
    ("bone", "dem", "white", 0.92),  # 0.500 -> 0.960
]


@pytest.mark.parametrize(("name", "field", "ink", "least"), CASES)
def test_inks_at_the_maps_end_are_flagged(name: str, field: str, ink: str, least: float) -> None:
    values, _, change = _decoded(name, field, ink)
    assert np.isnan(values[change >= 10]).mean() >= least


@pytest.mark.parametrize(("name", "field", "ink", "least"), CASES)
def test_the_fields_own_pixels_keep_their_values(
    name: str, field: str, ink: str, least: float
) -> None:
    # every pixel the ink left alone decodes as it does without the ink, but where the
    # box covers data already white (the box's own pixels: white either way)
    values, clean, change = _decoded(name, field, ink)
    untouched = (change == 0) & ~_footprint(name, ink)
    assert not np.isnan(clean).any()
    np.testing.assert_array_equal(values[untouched], clean[untouched])


@pytest.mark.parametrize("name", ["hot", "pink", "gist_heat", "bone"])
def test_data_clipped_at_the_maps_end_stays_data(name: str) -> None:
    # vmax below the field's maximum: whole regions are the map's last color, and a
    # black line across them makes the picture hold flagged pixels to start from
    field = _field("dem")
    clean = _figure(field, name, None, vmax=0.6)
    picture = clean.copy()
    picture[100:102, :] = 0  # a 2 px black rule across (an off-table ink for all four)
    last = np.all(clean == matplotlib.colormaps[name](1.0, bytes=True)[:3], axis=-1)
    assert last.mean() > 0.05
    values = decolorize(picture, cmap=name, vmin=0, vmax=0.6)
    away = np.ones(last.shape, dtype=bool)
    away[96:106] = False  # the rule and its neighbours
    assert not np.isnan(values[away]).any()
    np.testing.assert_array_equal(
        values[away], decolorize(clean, cmap=name, vmin=0, vmax=0.6)[away]
    )


def _hot_table() -> tuple[np.ndarray, np.ndarray]:
    lut = matplotlib.colormaps["hot"](np.linspace(0, 1, 256), bytes=True)[:, :3]
    return table_keys(lut, lut)[0], gray_ends(lut)


def test_a_white_core_between_blends_is_a_stroke() -> None:
    # a 1 px white column over hot's orange, its sides half-way blends (no entry)
    keys, ends = _hot_table()
    orange = matplotlib.colormaps["hot"](0.55, bytes=True)[:3]
    picture = np.zeros((9, 11, 3), dtype=np.uint8)
    picture[:] = orange
    blend = ((np.array(orange, dtype=float) + 255) / 2).round().astype(np.uint8)
    picture[:, 4] = blend
    picture[:, 5] = 255
    picture[:, 6] = blend
    values = np.zeros((9, 11))
    values[:, 4] = values[:, 6] = np.nan  # the blends: off the map
    assert flag_ink_entries(values, picture, keys, ends) == 9
    assert np.isnan(values[:, 4:7]).all()
    assert not np.isnan(values[:, :4]).any() and not np.isnan(values[:, 7:]).any()


def test_a_ridge_of_clipped_data_is_no_stroke() -> None:
    # the same white column with entries of the map on its sides (data rising to the
    # map's end and back), beside a flagged stroke elsewhere: left as data
    keys, ends = _hot_table()
    hot = matplotlib.colormaps["hot"]
    picture = np.zeros((9, 11, 3), dtype=np.uint8)
    picture[:] = hot(0.55, bytes=True)[:3]
    picture[:, 4] = picture[:, 6] = hot(0.9, bytes=True)[:3]
    picture[:, 5] = 255
    values = np.zeros((9, 11))
    values[:, 0] = np.nan  # a stroke elsewhere
    assert flag_ink_entries(values, picture, keys, ends) == 0


def test_a_picture_with_nothing_flagged_is_left_alone() -> None:
    keys, ends = _hot_table()
    picture = matplotlib.colormaps["hot"](_field("dem"), bytes=True)[..., :3]
    assert flag_ink_entries(np.zeros((192, 192)), picture, keys, ends) == 0


@pytest.mark.parametrize("name", ["Blues", "Greys", "Purples", "hot"])
def test_a_heatmap_cell_of_the_maps_end_on_the_frame_is_data(name: str) -> None:
    """trial 49: ``matshow`` of integers with ``Blues``: cells of value 0 (the map's
    near-white end) meeting the axes' black frame were taken for white label boxes (the
    frame for their text) and came back NaN. A label's text lies inside its box."""
    import matplotlib.pyplot as plt

    counts = np.random.default_rng(7).integers(0, 10, (12, 20))
    counts[0, 8] = counts[7, 0] = counts[11, 9] = counts[0, 0] = 0  # on the frame, a corner
    figure = plt.figure(figsize=(6, 4), dpi=100)
    axes = figure.add_axes((0.1, 0.1, 0.7, 0.8))
    image = axes.matshow(counts, cmap=name, vmin=0, vmax=9)
    figure.colorbar(image, ticks=range(10))
    figure.canvas.draw()
    box = axes.get_window_extent()
    height = figure.canvas.get_width_height()[1]
    rows = (height - box.y1 + (np.arange(12) + 0.5) / 12 * box.height).astype(int)
    columns = (box.x0 + (np.arange(20) + 0.5) / 20 * box.width).astype(int)
    picture = saved_rgb(figure, dpi=100)
    values = decolorize(picture, cmap=name, vmin=0, vmax=9, step=1)
    np.testing.assert_array_equal(values[np.ix_(rows, columns)], counts)

"""Strokes in (nearly) the map's own colors over sharp exact renders (``_near_strokes``).

White text and lines over seismic (whose middle is white), pink and hot (whose end is
white), black ones over magma's and hot's dark ends: their pixels are blends of the
ink and the field, close to the map, some right on its table entries. On an exact
picture the spatial evidence tells them: a thin run of no-table pixels between table
colors it is no blend of, and a core between edges that blend it with the field.
"""

from __future__ import annotations

import functools
import os

import matplotlib
import numpy as np
import pytest

from tests.color._photographs import saved_rgb
from truepix.color._decolorize._api import decolorize
from truepix.color._decolorize._near_strokes import flag_near_strokes, thin_runs
from truepix.color._decolorize._tables import table_keys

matplotlib.use("Agg")


@functools.cache
def _field(name: str) -> np.ndarray:
    """matplotlib's DEM (its rivers and ridges are thin features) or scikit-image's
    camera, 192^2 in [0, 1]; or smooth bumps."""
    if name == "dem":
        import matplotlib as mpl

        path = os.path.join(mpl.get_data_path(), "sample_data", "jacksboro_fault_dem.npz")
        with np.load(path) as saved:
            field = saved["elevation"][:192, :192].astype(np.float64)
    elif name == "camera":
        from skimage import data

        field = data.camera()[::2, ::2][32:224, 32:224].astype(np.float64)
    else:
        y, x = np.mgrid[0:192, 0:192] / 192.0
        field = np.sin(5 * x) * np.cos(3 * y) + 0.5 * np.exp(-((x - 0.6) ** 2 + y**2) * 8)
    return (field - field.min()) / (field.max() - field.min())


def _figure(name: str, field: str, ink: str | None) -> np.ndarray:
    """The field drawn by ``imshow`` 1:1 into a 192^2 px figure, with text and lines
    (and, for ``"hatch"``, a hatched patch in black) in ``ink``: the PNG's RGB."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    figure = plt.figure(figsize=(1.92, 1.92), dpi=100)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    axes.imshow(_field(field), cmap=name, vmin=0, vmax=1, interpolation="nearest")
    if ink == "hatch":
        axes.add_patch(Rectangle((40, 30), 110, 120, fill=False, hatch="//", lw=0.5,
                                 edgecolor="black"))  # fmt: skip
    elif ink is not None:
        axes.text(10, 40, "Sample A-7", color=ink, fontsize=12)
        axes.plot([5, 185], [150, 60], color=ink, lw=1.2)
        axes.plot([10, 180], [20, 170], color=ink, lw=0.8)
    axes.set_xlim(-0.5, 191.5)
    axes.set_ylim(191.5, -0.5)
    return saved_rgb(figure, dpi=100)


@functools.cache
def _decoded(name: str, field: str, ink: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(values of the annotated picture, of the clean one, the ink's change in DN)."""
    clean, picture = _figure(name, field, None), _figure(name, field, ink)
    change = np.abs(picture.astype(int) - clean).max(axis=-1)
    values = decolorize(picture, cmap=name, vmin=0, vmax=1)
    return values, decolorize(clean, cmap=name, vmin=0, vmax=1), change


# Share of the pixels the ink changes by 10 DN or more that come back NaN, measured
# with this very test before -> after (2026-12-05; the untouched pixels' values the
# same and none NaN before and after): seismic white camera 0.782 -> 0.945, dem 0.576
# -> 0.901; pink white dem 0.0 -> 0.886 (taken for a resampled picture before: its
# white strokes' blends lie along pink's polyline); hot white dem 0.886 -> 0.901;
# magma black dem 0.0 -> 0.966 and a black hatch over bumps 0.0 -> 1.0 (both taken
# for resampled pictures before). What stays is the ink's pixels on the map's own
# entries with no flagged edge beside them.
CASES = [
    ("seismic", "camera", "white", 0.93),
    ("seismic", "dem", "white", 0.89),
    ("pink", "dem", "white", 0.87),
    ("hot", "dem", "white", 0.89),
    ("magma", "dem", "black", 0.95),
    ("magma", "bumps", "hatch", 0.99),
]


@pytest.mark.parametrize(("name", "field", "ink", "least"), CASES)
def test_strokes_in_the_maps_colors_are_flagged(
    name: str, field: str, ink: str, least: float
) -> None:
    values, clean, change = _decoded(name, field, ink)
    assert np.isnan(values[change >= 10]).mean() >= least


@pytest.mark.parametrize(("name", "field", "ink", "least"), CASES)
def test_the_fields_own_pixels_keep_their_values(
    name: str, field: str, ink: str, least: float
) -> None:
    # every pixel the ink left alone decodes as it does without the ink: a DEM's
    # rivers, a photograph's edges, the field beside the strokes
    values, clean, change = _decoded(name, field, ink)
    untouched = change == 0
    assert not np.isnan(clean).any()
    np.testing.assert_array_equal(values[untouched], clean[untouched])


@pytest.mark.parametrize("name", ["seismic", "pink", "hot", "magma", "jet", "viridis"])
@pytest.mark.parametrize("field", ["dem", "camera", "bumps"])
def test_all_data_renders_hold_no_thin_runs(name: str, field: str) -> None:
    # an exact render's every pixel is a table entry: nothing for either rule
    picture = _figure(name, field, None)
    keys = table_keys(*[matplotlib.colormaps[name](np.linspace(0, 1, 256), bytes=True)[:, :3]] * 2)
    assert not thin_runs(picture, keys[0]).any()
    values = decolorize(picture, cmap=name, vmin=0, vmax=1)
    values[0, 0] = np.nan  # (a flagged pixel for the core rule to start from)
    assert flag_near_strokes(values, picture, keys[0]) == 0


def test_thin_runs_tell_a_stroke_from_a_blend() -> None:
    # a 1 px line lighter than the field on both sides is drawn; a column of blends
    # between two cells of different colors (an antialiased cell border) is not
    table = np.array([[0, 0, 100], [0, 0, 120], [0, 0, 200]], dtype=np.uint8)
    keys = table_keys(table, table)[0]
    picture = np.zeros((7, 9, 3), dtype=np.uint8)
    picture[:, :4] = table[0]
    picture[:, 5:] = table[2]
    picture[:, 4] = (0, 0, 150)  # between the cells: their blend
    picture[3, :4] = (0, 0, 110)  # over the left cell: lighter than both sides (no entry)
    found = thin_runs(picture, keys)
    assert found[3, :4].all()
    assert not found[:, 4].any()
    assert np.count_nonzero(found) == 4


def test_thin_runs_stop_at_a_bands_seam() -> None:
    # a plan's sample is bands of rows: a row lighter than the rows around it that lie
    # in the next band is no stroke seen across (its neighbours there are no neighbours)
    from truepix.color._decolorize._exact import seen_rows

    table = np.array([[0, 0, 100], [0, 0, 200]], dtype=np.uint8)
    keys = table_keys(table, table)[0]
    picture = np.zeros((6, 9, 3), dtype=np.uint8)
    picture[:] = table[0]
    picture[2] = (0, 0, 110)  # a band's last row
    assert thin_runs(picture, keys)[2].all()
    assert not thin_runs(picture, keys, seen_rows(6, 3)).any()

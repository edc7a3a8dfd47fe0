"""Black strokes over a varying field on JPEG'd figures: cores of ink over one field
(``_dips``) that ``_alone`` no longer drops.

A black line's antialiased blends with a field that changes along it spread in luma as
JPEG's misses on texture do, and few of its pixels lie far from JPEG's model; read
against the field on both of its sides, every pixel is darker than the one field there,
on the segment from it to black. A thin dark valley of the data is a map color instead.
"""

from __future__ import annotations

import functools

import matplotlib
import numpy as np
import pytest
from scipy import ndimage

from tests.color._photographs import field_256 as _field
from tests.color._photographs import saved_rgb
from truepix.color._decolorize import _jpeg
from truepix.color._decolorize._api import decolorize
from truepix.color._decolorize._dips import ink_dips
from truepix.color._decolorize._plan import _YCBCR

matplotlib.use("Agg")

SIZE = 256


def _figure(field: np.ndarray, name: str, ink: str | None, quality: int | None = 75) -> np.ndarray:
    """``field`` drawn by ``imshow`` into a SIZE^2 px figure; ``ink`` "lines": black 14 pt
    text, a solid and a dashed line (``ax.plot``), "contours": 10 pt text and two black
    contours of the field (``ax.contour``); saved by ``savefig`` as JPEG of ``quality``
    (None: PNG)."""
    import matplotlib.pyplot as plt

    figure = plt.figure(figsize=(SIZE / 100, SIZE / 100), dpi=100)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    axes.imshow(field, cmap=name, vmin=0, vmax=1, interpolation="nearest")
    if ink == "lines":
        axes.text(10, 30, "Depth 1250 m", color="k", fontsize=14)
        axes.plot([8, 248], [200, 80], "k-", lw=1.0)
        axes.plot([8, 248], [70, 230], "k--", lw=0.6)
    elif ink == "contours":
        axes.text(10, 30, "level 0.5", color="k", fontsize=10)
        axes.contour(field, levels=[0.3, 0.6], colors="k", linewidths=0.8)
    axes.set_xlim(-0.5, SIZE - 0.5)
    axes.set_ylim(SIZE - 0.5, -0.5)
    return saved_rgb(figure, jpeg=quality is not None, dpi=100, quality=quality or 75)


def _no_dips(flat, scale, width, pixels, *rest) -> np.ndarray:  # noqa: ANN001
    """``ink_dips`` that finds none: the decoder before this rule."""
    return np.zeros(len(pixels), dtype=bool)


@functools.cache
def _decoded(name: str, field: str, ink: str, dips: bool = True) -> tuple[np.ndarray, ...]:
    """(values of the ``ink`` figure's JPEG, of the clean one, the ink's change in DN against
    the clean PNG); ``dips``: False decodes without this rule (the before)."""
    png = _figure(_field(field), name, None, None)
    picture = _figure(_field(field), name, ink)
    change = np.abs(_figure(_field(field), name, ink, None).astype(int) - png).max(axis=-1)
    if dips:
        values = decolorize(picture, cmap=name, vmin=0, vmax=1)
    else:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(_jpeg, "ink_dips", _no_dips)
            values = decolorize(picture, cmap=name, vmin=0, vmax=1)
    clean = decolorize(_figure(_field(field), name, None), cmap=name, vmin=0, vmax=1)
    return values, clean, change


# Share of the pixels the ink changes by 40 DN or more that come back NaN, measured with
# this very test without -> with the rule (2026-12-05), each case in its comment.
CASES = [
    ("jet", "dem", "lines", 0.76),  # 0.422 -> 0.774
    ("turbo", "dem", "lines", 0.80),  # 0.709 -> 0.820
    ("jet", "camera", "lines", 0.44),  # 0.455 -> 0.455 (its lines' cores were kept)
    ("jet", "dem", "contours", 0.84),  # 0.859 -> 0.859 (contours string: none alone)
]


@pytest.mark.parametrize(("name", "field", "ink", "least"), CASES)
def test_black_strokes_over_a_varying_field_are_flagged(
    name: str, field: str, ink: str, least: float
) -> None:
    values, _, change = _decoded(name, field, ink)
    before, _, _ = _decoded(name, field, ink, dips=False)
    stroke = change >= 40
    assert np.isnan(values[stroke]).mean() >= least
    # (within half a point: turbo's DEM lines, as before 0.9905, but the decoder without the
    # rule flags 0.9929 since ``_alone.JPEG_FOREIGN_CLUMP``, 0.8178 before it)
    assert np.isnan(values[stroke]).mean() >= np.isnan(before[stroke]).mean() - 0.005


@pytest.mark.parametrize(("name", "field", "ink", "least"), CASES)
def test_pixels_away_from_the_ink_keep_their_values(
    name: str, field: str, ink: str, least: float
) -> None:
    # JPEG's 8x8 blocks carry the strokes' ringing a few pixels out: 4 px or more from
    # anything the ink changed, at most 0.5 % come back NaN, and at most 0.02 points more
    # than before (0.00-0.49 % before; jet's DEM with lines one pixel more, 0.002 %)
    values, clean, change = _decoded(name, field, ink)
    before, _, _ = _decoded(name, field, ink, dips=False)
    away = ~ndimage.binary_dilation(change > 0, iterations=4)
    assert not np.isnan(clean).any()
    assert np.isnan(values[away]).mean() <= min(0.005, np.isnan(before[away]).mean() + 2e-4)


@pytest.mark.parametrize("name", ["jet", "turbo", "viridis", "magma", "coolwarm"])
@pytest.mark.parametrize("width", [1.0, 2.0])
def test_a_thin_dark_valley_of_the_data_is_data(name: str, width: float) -> None:
    # a field whose data holds thin straight valleys (1-2 px wide, 0.6 deep) across
    # the DEM: darker than both of its sides as a black line is, but a map color; the
    # rule takes none of it (other rules already take 1.7-3.3 % of some of these
    # pictures, the valleys' JPEG'd pixels among them: jet 2 px, the others 1 px)
    field = _field("dem").copy()
    rows, cols = np.mgrid[0:SIZE, 0:SIZE]
    for slope, offset in ((0.5, 40.0), (-0.4, 200.0)):
        distance = np.abs(rows - (slope * cols + offset)) / np.hypot(1, slope)
        field -= 0.6 * np.exp(-0.5 * (distance / (width / 2)) ** 2)
    field = np.clip(field, 0, 1)
    picture = _figure(field, name, None)
    values = decolorize(picture, cmap=name, vmin=0, vmax=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_jpeg, "ink_dips", _no_dips)
        before = decolorize(picture, cmap=name, vmin=0, vmax=1)
    np.testing.assert_array_equal(np.isnan(values), np.isnan(before))
    # (jet 2 px 3.33 -> 3.45 % since ``_straight`` follows what other rules take of the
    # straight valleys: test_decolorize_straight.py bounds that cost)
    assert np.isnan(values).mean() <= 0.035


def test_ink_dips_reads_a_black_line_over_a_ramp_not_an_edge() -> None:
    # a ramp (left to right) with a 1 px black line down it and a step beside it: the
    # line's pixels are ink, the step's dark side is no dip (its sides differ)
    ramp = np.tile(np.linspace(60, 220, 64), (64, 1))
    ramp[:, 40:] -= 50  # a step of the field
    picture = np.repeat(ramp[..., None], 3, axis=-1) * np.array([1.0, 0.8, 0.3])
    picture[:, 20] *= 0.3  # a black stroke at 70 % cover
    flat = picture.reshape(-1, 3) / 255.0
    pixels = np.arange(64 * 64)
    gray = np.linspace(0, 255, 64)[:, None] * np.ones(3)  # (a gray map: far from the blends)
    residual = np.zeros(len(flat))  # (every side on the map)
    inks = ink_dips(flat, 255.0, 64, pixels, _YCBCR[0], 1.0, gray, residual, 20.0)
    inks = inks.reshape(64, 64)
    assert inks[4:-4, 20].all()
    assert not inks[:, 39:41].any()
    assert not np.delete(inks, 20, axis=1).any()
    # ... and with the sides off the map (another stroke, a margin), none is
    residual[:] = 30.0
    assert not ink_dips(flat, 255.0, 64, pixels, _YCBCR[0], 1.0, gray, residual, 20.0).any()

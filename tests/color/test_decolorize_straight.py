"""Straight black strokes found in part on JPEG'd figures, followed along their line
(``_straight``).

A black line over jet's blues and cyans is a thin valley of jet's own dark blues to
JPEG's 4:2:0 model: only its part over the field's reds and yellows is flagged by its
color. The part found is straight, and along that line the picture keeps dipping below
both sides: the rest of the stroke.
"""

from __future__ import annotations

import functools

import matplotlib
import numpy as np
import pytest
from scipy import ndimage

from tests.color._photographs import blob_field, field_256, imshow_drawn
from truepix.color._decolorize import _jpeg
from truepix.color._decolorize._api import decolorize
from truepix.color._decolorize._straight import straight_strokes

matplotlib.use("Agg")

SIZE = 256


def _ink(axes) -> None:  # noqa: ANN001
    """Black text, a 1 lw black line and a 0.6 lw dashed one, gray text and a gray line."""
    axes.text(12, 30, "Depth 120 m", color="k", fontsize=12)
    axes.plot([6, 250], [190, 70], "k-", lw=1.0)
    axes.plot([6, 250], [50, 240], "k--", lw=0.6)
    axes.text(120, 230, "t = 3.5 s", color="0.5", fontsize=12)
    axes.plot([6, 250], [120, 150], color="0.5", lw=1.0)


def _figure(field: np.ndarray, name: str, ink: bool, quality: int | None = 75) -> np.ndarray:
    """``field`` drawn by ``imshow`` into a SIZE^2 px figure; ``ink``: black text, a 1 lw
    black line and a 0.6 lw dashed one, gray text and a gray line over it; saved as JPEG
    of ``quality`` (None: PNG)."""
    return imshow_drawn(field, name, _ink if ink else None, quality)


def _none(*args) -> None:  # noqa: ANN002
    """``straight_strokes`` that marks none: the decoder before this rule."""


@functools.cache
def _decoded(name: str, field: str, rule: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """(values of the annotated figure's JPEG, the annotation's change in DN against the
    clean PNG, per pixel); ``rule``: False decodes without ``straight_strokes``."""
    picture = _figure(field_256(field), name, True)
    change = _figure(field_256(field), name, True, None).astype(int)
    change = np.abs(change - _figure(field_256(field), name, False, None)).max(axis=-1)
    with pytest.MonkeyPatch.context() as patch:
        if not rule:
            patch.setattr(_jpeg, "straight_strokes", _none)
        values = decolorize(picture, cmap=name, vmin=0, vmax=1)
    return values, change


# Share of the pixels the annotations change by more than 40 DN that come back NaN,
# measured with this very test without -> with the rule (2026-12-06), in the comments.
CASES = [
    ("jet", "dem", 0.19),  # 0.116 -> 0.214 (the solid line found over the cyans only)
    ("jet", "camera", 0.77),  # 0.731 -> 0.786
    ("viridis", "dem", 0.91),  # 0.894 -> 0.931
    ("viridis", "camera", 0.90),  # 0.847 -> 0.921
]


@pytest.mark.parametrize(("name", "field", "least"), CASES)
def test_straight_black_lines_found_in_part_are_flagged_along(
    name: str, field: str, least: float
) -> None:
    values, change = _decoded(name, field)
    before, _ = _decoded(name, field, rule=False)
    ink = change > 40
    assert np.isnan(values[ink]).mean() >= least
    assert np.isnan(values[ink]).mean() >= np.isnan(before[ink]).mean() + 0.03


@pytest.mark.parametrize(("name", "field"), [case[:2] for case in CASES])
def test_pixels_away_from_the_ink_keep_their_values(name: str, field: str) -> None:
    # 4 px or more from anything the annotations changed: NaN as before the rule (the
    # cameras' 0.16-0.17 %: JPEG's ringing of their own edges)
    values, change = _decoded(name, field)
    before, _ = _decoded(name, field, rule=False)
    away = ~ndimage.binary_dilation(change > 0, iterations=4)
    np.testing.assert_array_equal(np.isnan(values[away]), np.isnan(before[away]))
    assert np.isnan(values[away]).mean() <= 0.003


def _lined_field(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """A smooth seeded luma field (60-200 DN) with JPEG-like noise (sigma 2 DN), as
    (N, 3) gray pixels, and the pixels of a straight dark line across it (row = 0.4 *
    column + 30, 1 px, a quarter of the field's luma)."""
    rng = np.random.default_rng(seed)
    rows, cols = np.mgrid[0:SIZE, 0:SIZE]
    luma = 130 + 70 * np.sin(cols / 40.0) * np.cos(rows / 55.0)
    luma += rng.normal(0, 2, luma.shape)
    line = np.abs(rows - (0.4 * cols + 30)) < 0.5
    luma[line] *= 0.25
    return np.repeat(luma.reshape(-1, 1), 3, axis=1), line.ravel()


def test_a_straight_line_flagged_in_part_is_followed_to_its_ends() -> None:
    flat, line = _lined_field(1)
    off_map = line & (np.arange(len(line)) % SIZE < 90)  # (its left third, found)
    straight_strokes(flat, np.array([0.299, 0.587, 0.114]), SIZE, off_map, 2.0)
    # (all but a few pixels by the picture's edge, whose sides across lie outside it)
    assert off_map[line].mean() >= 0.93
    # ... and nothing away from it: every pixel marked lies within 1 px of the line
    near = ndimage.binary_dilation(line.reshape(SIZE, SIZE), iterations=1).ravel()
    assert not (off_map & ~near).any()


def test_a_straight_flagged_stretch_with_no_dips_beyond_stays_as_it_was() -> None:
    # the same field, the line drawn only where it was found: the rule follows nothing
    flat, line = _lined_field(2)
    found = line & (np.arange(len(line)) % SIZE < 90)
    field, _ = _lined_field(2)
    flat[~found] = field[~found]
    flat[line & ~found] /= 0.25  # (no line beyond the found stretch)
    off_map = found.copy()
    straight_strokes(flat, np.array([0.299, 0.587, 0.114]), SIZE, off_map, 2.0)
    assert np.count_nonzero(off_map & ~found) <= 4  # (its antialiased end, at most)


def test_few_flagged_pixels_draw_no_line() -> None:
    flat, line = _lined_field(3)
    off_map = line & (np.arange(len(line)) % SIZE < 20)  # (20 px: fewer than a line's)
    kept = off_map.copy()
    straight_strokes(flat, np.array([0.299, 0.587, 0.114]), SIZE, off_map, 2.0)
    np.testing.assert_array_equal(off_map, kept)


@pytest.mark.parametrize("name", ["jet", "viridis", "magma"])
@pytest.mark.parametrize("width", [1.0, 2.0])
def test_straight_valleys_of_the_data_gain_no_flags_of_their_own(name: str, width: float) -> None:
    # thin straight valleys of the data (0.6 deep) across the DEM dip as a black line
    # does and are map colors. Where other rules take none of them, neither does this
    # one; where they take a part (1.7-3.3 % of these pictures), it follows that part
    # along the valley: 0.03-0.37 point more (viridis at 1.5 px: 2.34 -> 2.71 %, magma
    # at 1 px: 2.28 -> 2.61 %; the cost)
    field = field_256("dem").copy()
    rows, cols = np.mgrid[0:SIZE, 0:SIZE]
    for slope, offset in ((0.5, 40.0), (-0.4, 200.0)):
        distance = np.abs(rows - (slope * cols + offset)) / np.hypot(1, slope)
        field -= 0.6 * np.exp(-0.5 * (distance / (width / 2)) ** 2)
    picture = _figure(np.clip(field, 0, 1), name, False)
    values = decolorize(picture, cmap=name, vmin=0, vmax=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_jpeg, "straight_strokes", _none)
        before = decolorize(picture, cmap=name, vmin=0, vmax=1)
    assert np.isnan(values).mean() <= np.isnan(before).mean() + 0.004
    if not np.isnan(before).any():
        assert not np.isnan(values).any()


DASHED = 160


def _dashed(axes) -> None:  # noqa: ANN001
    """A 0.6 lw dashed black line (``k--``) and a 1 lw solid one crossing it."""
    axes.plot([4, DASHED - 4], [0.15 * DASHED, 0.85 * DASHED], "k--", lw=0.6)
    axes.plot([4, DASHED - 4], [0.8 * DASHED, 0.3 * DASHED], "k-", lw=1.0)


def _dash_only(axes) -> None:  # noqa: ANN001
    axes.plot([4, DASHED - 4], [0.15 * DASHED, 0.85 * DASHED], "k--", lw=0.6)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_dashed_line_over_jet_is_followed_dash_by_dash(seed: int) -> None:
    # a 0.6 lw dashed line over jet's cyans to reds (a seeded smooth field), JPEG q75:
    # its dashes are a few pixels each, off the map by little; only where it crosses
    # the solid line are they flagged. The line its dips draw with the flagged pixels
    # is followed: dash pixels changed > 40 DN flagged 8.7 % -> 95.9 / 99.5 / 96.3 %
    # (> 10 DN: 7.5 -> 81-87 %, the faint ends left).
    field = 0.35 + 0.6 * blob_field(DASHED, seed)
    values = decolorize(imshow_drawn(field, "jet", _dashed, 75), cmap="jet", vmin=0, vmax=1)
    clean = imshow_drawn(field, "jet", None, None).astype(int)
    dash = np.abs(imshow_drawn(field, "jet", _dash_only, None).astype(int) - clean).max(-1)
    ink = np.abs(imshow_drawn(field, "jet", _dashed, None).astype(int) - clean).max(-1)
    assert np.isnan(values[dash > 40]).mean() >= 0.95
    away = ~ndimage.binary_dilation(ink > 0, iterations=3)
    assert np.isnan(values[away]).mean() < 0.002


def _dashed_field(seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``_lined_field``'s line dashed (4 px of every 5 columns: a 1 px gap, as JPEG
    leaves a dash's), as (pixels, its dashes,
    flagged pixels: the dashes in the first 30 columns and a 6 x 5 blob away from it)."""
    flat, line = _lined_field(seed)
    field, _ = _lined_field(seed)
    columns = np.arange(len(line)) % SIZE
    gaps = line & (columns % 5 >= 4)
    flat[gaps] = field[gaps] / 0.25
    dashes = line & ~gaps
    off_map = dashes & (columns < 30)
    off_map.reshape(SIZE, SIZE)[200:206, 20:25] = True  # (another ink's: text)
    return flat, dashes, off_map


@pytest.mark.parametrize("seed", [5, 6])
def test_a_dashed_line_flagged_in_part_is_followed_by_its_dips(seed: int) -> None:
    # fewer flagged pixels than a line's (STRAIGHT_FLAGGED) lie on it; with the dips
    # (``_dip_lines``' pixels) they draw it, and it is followed dash by dash
    flat, dashes, off_map = _dashed_field(seed)
    found = off_map.copy()
    straight_strokes(flat, np.array([0.299, 0.587, 0.114]), SIZE, found, 2.0)
    np.testing.assert_array_equal(found, off_map)  # (without the dips: no line)
    straight_strokes(flat, np.array([0.299, 0.587, 0.114]), SIZE, off_map, 2.0, None,
                     np.flatnonzero(dashes))
    # (0.87: all but a dash's end pixel here and there, and the last 10 px, whose
    # sides across lie outside the picture)
    assert off_map[dashes].mean() >= 0.85
    near = ndimage.binary_dilation(dashes.reshape(SIZE, SIZE), iterations=1).ravel()
    assert not (off_map & ~near & ~found).any()


def test_a_row_of_dips_with_no_flagged_pixel_is_no_line() -> None:
    # the same dashes, none flagged (the blob alone): no run holds a flagged pixel
    flat, dashes, off_map = _dashed_field(5)
    off_map &= ~dashes
    off_map.reshape(SIZE, SIZE)[100:108, 200:205] = True  # (more ink: 40 px flagged)
    kept = off_map.copy()
    straight_strokes(flat, np.array([0.299, 0.587, 0.114]), SIZE, off_map, 2.0, None,
                     np.flatnonzero(dashes))
    np.testing.assert_array_equal(off_map, kept)

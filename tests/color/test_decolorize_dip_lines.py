"""Thin black lines over a varying field on JPEG'd figures whose pixels each lie alone
(``_dip_lines``): strung of dips, darker than the one field across them.

A 0.6 lw dashed line keeps no core at all: each dash is a few pixels among the field's,
off the map by little. Read against the field on both of its sides, each is the blend
of that field with black as JPEG's 4:2:0 leaves it, and they string along a line.
"""

from __future__ import annotations

import functools

import matplotlib
import numpy as np
import pytest
from scipy import ndimage

from tests.color._photographs import field_256 as _field
from tests.color._photographs import imshow_drawn
from truepix.color._decolorize import _jpeg
from truepix.color._decolorize._api import decolorize

matplotlib.use("Agg")

SIZE = 256


def _ink(axes) -> None:  # noqa: ANN001
    """A solid 1 lw and a dashed 0.6 lw black line (``ax.plot``)."""
    axes.plot([8, 248], [200, 80], "k-", lw=1.0)
    axes.plot([8, 248], [30, 230], "k--", lw=0.6)


def _figure(field: np.ndarray, name: str, lines: bool, quality: int | None = 75) -> np.ndarray:
    """``field`` drawn by ``imshow`` into a SIZE^2 px figure; ``lines``: a solid 1 lw and
    a dashed 0.6 lw black line (``ax.plot``) over it; saved by ``savefig`` as JPEG of
    ``quality`` (None: PNG)."""
    return imshow_drawn(field, name, _ink if lines else None, quality)


def _none(*args) -> None:  # noqa: ANN002
    """``dip_lines`` that marks none: the decoder before this rule.

    ``_straight.straight_strokes``, a later rule, is off in both arms of these tests: it
    follows straight lines from what any rule flagged (with it, the lines over jet's
    camera are 0.50 flagged with or without this rule; test_decolorize_straight.py)."""


@functools.cache
def _decoded(name: str, field: str, rule: bool = True) -> tuple[np.ndarray, ...]:
    """(values of the lined figure's JPEG, of the clean one, the lines' change in DN
    against the clean PNG); ``rule``: False decodes without ``dip_lines`` (the before)."""
    picture = _figure(_field(field), name, True)
    change = _figure(_field(field), name, True, None).astype(int)
    change = np.abs(change - _figure(_field(field), name, False, None)).max(axis=-1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_jpeg, "straight_strokes", _none)  # (a later rule: see _none)
        if not rule:
            patch.setattr(_jpeg, "dip_lines", _none)
        values = decolorize(picture, cmap=name, vmin=0, vmax=1)
    clean = decolorize(_figure(_field(field), name, False), cmap=name, vmin=0, vmax=1)
    return values, clean, change


# Share of the pixels the lines change by more than 40 DN that come back NaN, measured
# with this very test without -> with the rule (2026-12-06), each case in its comment.
CASES = [
    ("viridis", "dem", 0.75),  # 0.630 -> 0.762
    ("viridis", "camera", 0.73),  # 0.650 -> 0.746
    ("jet", "camera", 0.31),  # 0.293 -> 0.319
]


@pytest.mark.parametrize(("name", "field", "least"), CASES)
def test_thin_black_lines_strung_of_dips_are_flagged(name: str, field: str, least: float) -> None:
    values, _, change = _decoded(name, field)
    before, _, _ = _decoded(name, field, rule=False)
    stroke = change > 40
    assert np.isnan(values[stroke]).mean() >= least
    assert np.isnan(values[stroke]).mean() > np.isnan(before[stroke]).mean()


@pytest.mark.parametrize(("name", "field"), [case[:2] for case in CASES] + [("jet", "dem")])
def test_pixels_away_from_the_lines_keep_their_values(name: str, field: str) -> None:
    # 4 px or more from anything the lines changed: no more NaN than before the rule
    # (jet's camera 0.23 % before, JPEG's ringing of its own edges; the others none)
    values, clean, change = _decoded(name, field)
    before, _, _ = _decoded(name, field, rule=False)
    away = ~ndimage.binary_dilation(change > 0, iterations=4)
    assert not np.isnan(clean).any()
    np.testing.assert_array_equal(np.isnan(values[away]), np.isnan(before[away]))
    assert np.isnan(values[away]).mean() <= 0.003


@pytest.mark.parametrize("name", ["jet", "viridis", "turbo", "magma", "coolwarm"])
@pytest.mark.parametrize("width", [1.0, 1.5, 2.0])
def test_thin_dark_valleys_of_the_data_are_data(name: str, width: float) -> None:
    # thin straight valleys of the data (1-2 px wide, 0.6 deep) across the DEM: they dip
    # below both sides as a black line does, but are map colors. Other rules already take
    # 0-3.3 % of these pictures (their JPEG'd valleys); the rule strings along what they
    # took by at most 0.02 point more (viridis at 1 px: 1.785 -> 1.796 %, 7 px; magma at
    # 1 px: 1 px), and takes nothing of its own
    field = _field("dem").copy()
    rows, cols = np.mgrid[0:SIZE, 0:SIZE]
    for slope, offset in ((0.5, 40.0), (-0.4, 200.0)):
        distance = np.abs(rows - (slope * cols + offset)) / np.hypot(1, slope)
        field -= 0.6 * np.exp(-0.5 * (distance / (width / 2)) ** 2)
    picture = _figure(np.clip(field, 0, 1), name, False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_jpeg, "straight_strokes", _none)  # (a later rule: see _none)
        values = decolorize(picture, cmap=name, vmin=0, vmax=1)
        patch.setattr(_jpeg, "dip_lines", _none)
        before = decolorize(picture, cmap=name, vmin=0, vmax=1)
    assert not (np.isnan(before) & ~np.isnan(values)).any()
    assert np.isnan(values).mean() <= np.isnan(before).mean() + 2e-4
    if not np.isnan(before).any():
        assert not np.isnan(values).any()

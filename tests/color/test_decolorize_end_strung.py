"""Black strokes over a textured field of a map that ends in black, on JPEG'd figures:
their cores of gray chroma string along them (``_end_strung``).

Black 14 pt text and lines over magma's or inferno's rendering of a DEM: the field's own
valleys outnumber the strokes' cores, and ``_end_inks``' gates (most cores toward black,
the peak of their luma) hold no more; the cores whose chroma is a blend of the field's
with gray, one by one, string into groups along the strokes where the field's lie alone.
"""

from __future__ import annotations

import functools

import matplotlib
import numpy as np
import pytest
from scipy import ndimage

from tests.color._photographs import field_256 as _field
from tests.color._photographs import fbm, imshow_drawn
from truepix.color._decolorize import _end_inks
from truepix.color._decolorize._api import decolorize

matplotlib.use("Agg")

SIZE = 256


def _ink(axes) -> None:  # noqa: ANN001
    """Black 14 pt text, a solid and a dashed line (``ax.plot``)."""
    axes.text(10, 30, "Depth 1250 m", color="k", fontsize=14)
    axes.plot([8, 248], [200, 80], "k-", lw=1.0)
    axes.plot([8, 248], [70, 230], "k--", lw=0.6)


def _figure(field: np.ndarray, name: str, ink: bool, quality: int | None = 75) -> np.ndarray:
    """``field`` drawn by ``imshow`` into a SIZE^2 px figure, with (``ink``) black 14 pt
    text, a solid and a dashed line (``ax.plot``); saved by ``savefig`` as JPEG of
    ``quality`` (None: PNG)."""
    return imshow_drawn(field, name, _ink if ink else None, quality)


def _none(*args, **kwargs) -> dict:  # noqa: ANN002, ANN003
    """``strung_end_inks`` that finds none: the decoder before this rule."""
    return {}


def _decode(picture: np.ndarray, name: str, rule: bool) -> np.ndarray:
    if rule:
        return decolorize(picture, cmap=name, vmin=0, vmax=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_end_inks, "strung_end_inks", _none)
        return decolorize(picture, cmap=name, vmin=0, vmax=1)


@functools.cache
def _decoded(name: str, field: str, rule: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """(values of the inked figure's JPEG, the ink's change in DN against the clean PNG);
    ``rule``: False decodes without this rule (the before)."""
    change = _figure(_field(field), name, True, None).astype(int)
    change = np.abs(change - _figure(_field(field), name, False, None)).max(axis=-1)
    return _decode(_figure(_field(field), name, True), name, rule), change


# Share of the pixels the ink changes by 40 DN or more that come back NaN, measured with
# this very test without -> with the rule (2026-12-06), each case in its comment.
CASES = [
    ("magma", "camera", 0.40),  # 0.000 -> 0.445
    ("inferno", "camera", 0.15),  # 0.000 -> 0.179
    ("magma", "dem", 0.80),  # 0.824 -> 0.824 (a smooth field: ``_end_inks``' gates hold)
]


@pytest.mark.parametrize(("name", "field", "least"), CASES)
def test_black_strokes_over_a_textured_field_are_flagged(
    name: str, field: str, least: float
) -> None:
    values, change = _decoded(name, field)
    before, _ = _decoded(name, field, rule=False)
    stroke = change >= 40
    assert np.isnan(values[stroke]).mean() >= least
    assert np.isnan(values[stroke]).mean() >= np.isnan(before[stroke]).mean()


@pytest.mark.parametrize(("name", "field", "least"), CASES)
def test_pixels_away_from_the_strokes_keep_their_values(
    name: str, field: str, least: float
) -> None:
    # JPEG's 8x8 blocks carry the strokes' ringing a few pixels out: 4 px or more from
    # anything the ink changed, no pixel more comes back NaN than before (none did)
    values, change = _decoded(name, field)
    before, _ = _decoded(name, field, rule=False)
    away = ~ndimage.binary_dilation(change > 0, iterations=4)
    assert np.isnan(values[away]).mean() <= np.isnan(before[away]).mean()


@pytest.mark.parametrize("name", ["magma", "inferno", "hot"])
@pytest.mark.parametrize("field", ["dem", "camera", "fbm"])
@pytest.mark.parametrize("quality", [50, 75, 90])
def test_all_data_figures_find_no_stroke(name: str, field: str, quality: int) -> None:
    # the same figures with no stroke: the field's valleys and ridges string no cores of
    # gray chroma into a stroke, and nothing more comes back NaN
    data = fbm(SIZE, seed=4) if field == "fbm" else _field(field)
    picture = _figure(data, name, False, quality)
    np.testing.assert_array_equal(
        np.isnan(_decode(picture, name, True)), np.isnan(_decode(picture, name, False))
    )


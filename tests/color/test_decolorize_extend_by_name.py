"""Extend colors decoded with the plain name (trial 51 failure 6): ``imshow(field,
cmap=cm.with_extremes(under=..., over=...))`` + ``colorbar(extend="both")``, PNG and
JPEG q75/q90, decoded with ``cmap=name``. The name does not know the extend colors, so
their pixels stay NaN -- but the field's pixels beside them (blends that Agg's
resampling and JPEG's ringing and 4:2:0 chroma made) are data: JPEG q75 left 11.7 % of
the in-range pixels NaN (the under region taken for a stroke beyond the map's luma,
its halo and fringes), PNG 3.0 %, and the JPEG got no warning. The oracle is the
figure drawn again in gray (the data's positions) and a cKDTree over the map's table."""

from __future__ import annotations

import warnings

import matplotlib as mpl
import numpy as np
import pytest
from scipy.spatial import cKDTree

import truepix as tp
from tests.color.test_decolorize_extend_blends import HIGH, LOW, _figure, _truth, rough_field
from truepix.errors import OffMapWarning


@pytest.fixture(scope="module")
def field() -> np.ndarray:
    return rough_field(grain=0.04)


def _decoded(picture: np.ndarray, name: str) -> tuple[np.ndarray, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        values = tp.decolorize(picture, cmap=name, vmin=LOW, vmax=HIGH)
    return values, [str(w.message) for w in caught if issubclass(w.category, OffMapWarning)]


@pytest.mark.parametrize(
    ("name", "under", "over", "fmt"),
    [("RdYlGn", "navy", "magenta", "png"), ("RdYlGn", "navy", "magenta", "jpg"),
     ("coolwarm", "lime", "black", "png"), ("coolwarm", "lime", "black", "jpg"),
     ("gray", "blue", "red", "png")],
)  # fmt: skip
def test_a_plain_name_keeps_the_field_beside_extend_regions(field, name, under, over, fmt):
    """(the over specks, too small for a region, leave their blends NaN: 0.5-0.7 %;
    gray's blue under region, JPEG'd, is not found: 4:2:0 leaves too few pixels within
    12 DN of pure blue beside the grays to make a region)"""
    cmap = mpl.colormaps[name].with_extremes(under=under, over=over)
    picture, redraw, plot = _figure(field, cmap, fmt)
    inside, below, _ = _truth(redraw, plot)
    values, told = _decoded(picture, name)
    area = values[plot]
    assert np.isnan(area[inside]).mean() <= 0.01
    # (not the map's colors, as named; their blends with the field at vmin, unmarked)
    assert np.isnan(area[below]).mean() >= 0.5
    # the valued in-range pixels near the k-d tree's error on them (PNG: its floor, 0.2 %
    # of the range; the blends filled at vmin weigh in: coolwarm 1.28x)
    valued = inside & np.isfinite(area)
    truth = LOW + (redraw[plot][..., 0][valued] + 0.5) / 256 * (HIGH - LOW)
    table = mpl.colormaps[name](np.arange(256), bytes=True)[:, :3].astype(float)
    nearest = cKDTree(table).query(picture[plot][valued].astype(float))[1]
    baseline = np.abs(LOW + (nearest + 0.5) / 256 * (HIGH - LOW) - truth).mean()
    assert np.abs(area[valued] - truth).mean() <= 1.5 * baseline
    color = mpl.colors.to_hex(under)
    assert any("extend colors" in message and "under='#" in message for message in told), told
    if fmt == "png":
        assert any(f"under='{color}'" in message for message in told), told

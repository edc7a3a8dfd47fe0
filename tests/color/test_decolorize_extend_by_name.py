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

from tests.color._photographs import pillow_jpeg
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


def _hills(size: int) -> np.ndarray:
    """A smooth field over [0, 1] with plateaus at both ends (clipped hills)."""
    y, x = np.mgrid[0:size, 0:size] / size
    return np.clip(0.5 + 0.8 * np.sin(6 * x + 2 * np.cos(4 * y)) * np.cos(5 * y), 0, 1)


@pytest.mark.parametrize("fmt", ["png", "jpg"])
def test_paper_beside_an_axes_filling_image_is_no_extend_color(fmt):
    """A figure's white paper around a colorbar beside an axes-filling image touches
    the image's edge, where the field runs to its lowest values: paper (it touches
    the picture's border), no under color."""
    import io

    import matplotlib.pyplot as plt
    from PIL import Image

    data = 1 - _hills(256)[:, ::-1]  # (its lowest values along the right edge)
    fig = plt.figure(figsize=(3.2, 2.56), dpi=100)
    ax = fig.add_axes((0.0, 0.0, 0.8, 1.0))
    ax.set_axis_off()
    image = ax.imshow(data, cmap="magma", vmin=0, vmax=1, aspect="auto", interpolation="nearest")
    fig.colorbar(image, cax=fig.add_axes((0.85, 0.05, 0.05, 0.9)))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    picture = np.asarray(Image.open(buffer).convert("RGB"))
    picture = pillow_jpeg(picture) if fmt == "jpg" else picture
    _, told = _decoded(picture, "magma")
    assert not [message for message in told if "extend colors" in message], told

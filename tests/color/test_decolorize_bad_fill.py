"""A masked field's bad color is no data: ``imshow(np.ma.masked_where(...), cmap=
cm.with_extremes(over=..., bad="0.5"))`` paints the masked pixels one flat gray. Inside
an over region (the masked values are the highest) the gray touches only the over
color; trial 55 found 16.5 % of its pixels given values 0.35-0.60 on PNG (the rims'
fills, a pixel deeper each pass, took the gray -- the field's luma -- for a blend of
the over color and the field, and went on into it)."""

from __future__ import annotations

import io
import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import truepix as tp
from tests.color.test_decolorize_extend import LOW, _core, trial_terrain


@pytest.fixture(scope="module")
def masked_figure() -> tuple[np.ndarray, np.ndarray]:
    terrain = trial_terrain()
    cmap = mpl.colormaps["viridis"].with_extremes(under="white", over="magenta", bad="0.5")
    fig, ax = plt.subplots()
    image = ax.imshow(np.ma.masked_where(terrain > 3000, terrain), cmap=cmap, vmin=LOW, vmax=2500)
    fig.colorbar(image, extend="both")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    picture = np.asarray(Image.open(buffer).convert("RGB"))
    return picture, cmap


@pytest.mark.parametrize("by", ["name", "object"])
def test_a_bad_color_inside_an_over_region_stays_nan(masked_figure, by) -> None:
    picture, cmap = masked_figure
    level = picture[..., 0].astype(int)
    gray = np.all(picture == picture[..., :1], axis=2) & (np.abs(level - 127) <= 1)
    core = _core(gray)
    assert core.sum() > 500  # (the masked region is there, its core flat gray)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # (by name: the extend colors' advice)
        given = "viridis" if by == "name" else cmap
        values = tp.decolorize(picture, cmap=given, vmin=LOW, vmax=2500)
    assert np.isnan(values[core]).all()

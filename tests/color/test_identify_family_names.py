"""identify_colormap names colorcet's maps by colorcet's names (trial 50).

Importing colorcet registers each of its maps in matplotlib under its name and its
catalogue code (``cet_fire`` and ``cet_CET_L3`` are one table): the code won the tie
by alphabet. The family's own name comes first, the code is listed among the aliases.
"""

from __future__ import annotations

import io

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest

import truepix as tp

matplotlib.use("Agg")


def _imsave_read(cmap: str) -> np.ndarray:
    rng = np.random.default_rng(7)
    field = np.cumsum(np.cumsum(rng.normal(size=(80, 120)), 0), 1)
    buffer = io.BytesIO()
    plt.imsave(buffer, field, cmap=cmap, format="png")
    return plt.imread(io.BytesIO(buffer.getvalue()))  # float32 RGBA, as users read it


@pytest.mark.parametrize(
    ("drawn", "name", "code"),
    [
        ("cet_fire", "cet_fire", "cet_CET_L3"),
        ("cet_CET_L3", "cet_fire", "cet_CET_L3"),  # the code's picture: the same table
        ("cet_rainbow4", "cet_rainbow4", "cet_CET_R4"),
        ("cet_CET_L6", "cet_kbc", "cet_CET_L6"),
    ],
)
def test_colorcet_maps_are_named_as_colorcet_names_them(colorcet, drawn, name, code) -> None:
    x = np.linspace(0, 1, 256)  # colorcet's own record: the name and the code are one table
    assert np.array_equal(colorcet.cm[name.removeprefix("cet_")](x), matplotlib.colormaps[code](x))
    best = tp.identify_colormap(_imsave_read(drawn))[0]
    assert best.name == name and best.score >= 0.99, best
    assert code in best.aliases, best

"""Pictures whose colors were interpolated: ``pcolormesh(shading='gouraud')``.

matplotlib's Agg fills each triangle of the mesh with a linear RGB blend of its vertex
colors, so a pixel is a blend of two or three map colors up to a mesh cell (14 px
here) away -- data, however far off the map (3-90 DN on a photograph's edges). Holes
were 2.4-13 % (trial 41: the local hull's 4 px missed the vertices; and jet's ramps
read as JPEG's blocks, 13 %). The truth is the data interpolated linearly on the
picture's grid; a hole counts as an error of the full range.
"""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

from tests._needs import need_module
from tests.color._photographs import GOURAUD_MESH, camera_256, gouraud_errors
from tests.color._photographs import gouraud_figure as _gouraud
from truepix.color._decolorize._api import decolorize

matplotlib.use("Agg")
cv2 = need_module("cv2")

MESH = GOURAUD_MESH


@pytest.fixture(scope="module")
def mesh() -> np.ndarray:
    return cv2.resize(camera_256().astype(float), (MESH, MESH), interpolation=cv2.INTER_AREA)


# (hsv's blends of three far-apart hues across the photograph's edges decode 1.08x the
# nearest table color's mean error: the projection of a color no map color is near)
@pytest.mark.parametrize(("cmap", "ratio"), [("jet", 1.0), ("hsv", 1.1), ("viridis", 1.0)])
def test_gouraud_pictures_are_data(mesh: np.ndarray, cmap: str, ratio: float) -> None:
    picture = _gouraud(mesh, cmap)
    values = decolorize(picture, cmap=cmap, vmin=0, vmax=255)
    holes = np.isnan(values)
    assert holes.mean() <= 0.002
    error, baseline = gouraud_errors(mesh, picture, values, cmap)
    assert error.mean() <= ratio * baseline.mean()


@pytest.mark.parametrize("cmap", ["jet", "hsv"])
def test_text_on_gouraud_pictures_stays_flagged(mesh: np.ndarray, cmap: str) -> None:
    # black text is no blend of the map's colors, ramps around it or not
    clean = _gouraud(mesh, cmap)
    picture = _gouraud(mesh, cmap, label="T = 25 K")
    ink = np.abs(picture.astype(int) - clean).max(axis=-1) > 60
    values = decolorize(picture, cmap=cmap, vmin=0, vmax=255)
    assert ink.sum() > 300
    assert np.isnan(values[ink]).mean() >= 0.95
    assert np.isnan(values[~ink]).mean() <= 0.01

"""A picture cut from a JPEG'd one at an odd row or column (``_phase420``).

JPEG's 4:2:0 model reads the map's chroma over 2x2 blocks from the picture's top left;
a panel cut from a JPEG'd figure starts wherever the cut was made. Cut an odd column
in, jet's JPEG'd camera came back with 0.66 % holes at 1.08x the k-d tree's error
(uncut: none, 0.82x). The chroma's own 2x2 phase puts the blocks back.
"""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from scipy.spatial import cKDTree

from tests.color._photographs import field_256, pillow_jpeg
from truepix import Decolorizer
from truepix.color._decolorize._phase420 import chroma_phase


def _render(cmap: str) -> tuple[np.ndarray, np.ndarray]:
    """The camera through ``cmap``'s bytes and each pixel's bin centre."""
    index = np.clip((field_256("camera") * 256).astype(int), 0, 255)
    table = matplotlib.colormaps[cmap](np.arange(256), bytes=True)[:, :3]
    return table[index], (index + 0.5) / 256


def _errors(cmap: str, picture: np.ndarray, truth: np.ndarray) -> tuple[float, float, float]:
    """Holes, the mean error with a hole counted 1.0, and the k-d tree's."""
    values = Decolorizer(cmap, vmin=0.0, vmax=1.0).decode(picture).values
    holes = np.isnan(values)
    table = matplotlib.colormaps[cmap](np.arange(256), bytes=True)[:, :3].astype(float)
    _, nearest = cKDTree(table).query(picture.reshape(-1, 3).astype(float))
    tree = np.abs((nearest + 0.5) / 256 - truth.ravel()).mean()
    return holes.mean(), float(np.where(holes, 1.0, np.abs(values - truth)).mean()), tree


@pytest.mark.parametrize("cut", [(0, 1), (1, 0), (1, 1), (3, 5)])
@pytest.mark.parametrize("cmap", ["jet", "viridis", "RdBu_r"])
def test_phase_of_a_cut_jpeg_is_found(cmap: str, cut: tuple[int, int]) -> None:
    picture = pillow_jpeg(_render(cmap)[0])
    assert chroma_phase(picture) == (0, 0)
    assert chroma_phase(picture[cut[0] :, cut[1] :]) == (cut[0] % 2, cut[1] % 2)


@pytest.mark.parametrize("cmap", ["jet", "viridis", "turbo"])
def test_exact_render_has_no_phase(cmap: str) -> None:
    render = _render(cmap)[0]
    assert chroma_phase(render[1:, 1:]) == (0, 0)


@pytest.mark.parametrize("cut", [(0, 1), (1, 1)])
def test_jpeg_cut_an_odd_column_in_decodes_as_uncut(cut: tuple[int, int]) -> None:
    render, truth = _render("jet")
    picture = pillow_jpeg(render)
    _, whole, _ = _errors("jet", picture, truth)
    holes, error, tree = _errors("jet", picture[cut[0] :, cut[1] :], truth[cut[0] :, cut[1] :])
    assert holes <= 0.0005  # (0.66 % before)
    assert error <= 1.02 * whole
    assert error <= 0.9 * tree

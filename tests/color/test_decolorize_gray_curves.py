"""Thin gray contours over a smooth field on a JPEG'd figure, found by their shape
(``_gray_curves``).

A 0.4 gray contour over viridis's blues has nearly the field's luma; 4:2:0 averages its
chroma away, and what is left is 8-23 DN off the map, as far as JPEG's own error
reaches on textured data. Over a smooth field the contour is a thin, long curve that
stands out of both sides in luma and whose chroma is the field's shrunk toward gray.
"""

from __future__ import annotations

import functools

import matplotlib
import numpy as np
import pytest
from scipy import ndimage

from tests.color._photographs import bumps, imshow_drawn
from truepix.color._decolorize import _jpeg
from truepix.color._decolorize._api import decolorize

matplotlib.use("Agg")

SIZE = 384
INK = 102  # matplotlib's "0.4"


def _bumps(seed: int) -> np.ndarray:
    """Six seeded Gaussian bumps (``_photographs.bumps``), SIZE^2, in [0, 1]."""
    return bumps(SIZE, seed)


def _none(*args) -> None:  # noqa: ANN002
    """``gray_curves`` that marks none: the decoder before this rule."""


@functools.cache
def _decoded(seed: int, rule: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(values of the contoured figure's JPEG q75, its ink's core -- the PNG's pixels the
    contour changed by > 10 DN that lie within 20 DN of the ink --, the pixels more than
    3 px from any the contour changed); ``rule``: False decodes without ``gray_curves``."""
    field = _bumps(seed)

    def contour(axes) -> None:  # noqa: ANN001
        axes.contour(field, levels=[0.3], colors="0.4", linewidths=0.8)
        axes.text(20, 40, "t = 3.5 s", color="0.5", fontsize=16)

    png = imshow_drawn(field, "viridis", contour, None).astype(int)
    change = np.abs(png - imshow_drawn(field, "viridis", None, None).astype(int)).max(-1)
    core = (change > 10) & (np.abs(png - INK).max(-1) <= 20)
    far = ~ndimage.binary_dilation(change > 0, iterations=3)
    with pytest.MonkeyPatch.context() as patch:
        if not rule:
            patch.setattr(_jpeg, "gray_curves", _none)
        values = decolorize(imshow_drawn(field, "viridis", contour, 75), cmap="viridis",
                            vmin=0, vmax=1)  # fmt: skip
    return values, core, far


# Share of the ink's core NaN, measured with this very test without -> with the rule
# (2026-12-06), in the comments.
CASES = [
    (0, 0.55),  # 0.000 -> 0.578 (pieces over the steep side of a bump stay apart)
    (1, 0.90),  # 0.000 -> 0.938
    (2, 0.58),  # 0.000 -> 0.619
    (3, 0.88),  # 0.000 -> 0.919
]


@pytest.mark.parametrize(("seed", "least"), CASES)
def test_gray_contour_over_smooth_field_is_flagged(seed: int, least: float) -> None:
    values, core, far = _decoded(seed)
    before, _, _ = _decoded(seed, rule=False)
    assert np.isnan(values[core]).mean() >= least
    assert np.isnan(values[core]).mean() >= np.isnan(before[core]).mean() + 0.4
    assert np.isnan(values[far]).mean() < 0.002  # data away from the contour kept


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_gray_curves_leave_all_data_smooth_fields(seed: int) -> None:
    field = _bumps(seed)
    values = decolorize(imshow_drawn(field, "viridis", None, 75), cmap="viridis", vmin=0, vmax=1)
    assert np.isnan(values).mean() < 0.002

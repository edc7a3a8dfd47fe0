"""One range gate: every public function that takes vmin/vmax refuses a reversed
or non-finite range with the same words (truepix._validate.check_range)."""

from __future__ import annotations

import numpy as np
import pytest

import truepix as tp
from truepix.errors import InputError

DATA = np.linspace(0.0, 1.0, 12).reshape(3, 4)
PICTURE = np.zeros((3, 4, 3), np.uint8)


def _save(tmp_path, **limits):
    return tp.save(tmp_path / "x.png", DATA, encoding="colormap", cmap="viridis", **limits)


def _calls(tmp_path):
    return {
        "colorize": lambda **r: tp.colorize(DATA, **r),
        "decolorize": lambda **r: tp.decolorize(PICTURE, cmap="viridis", **r),
        "Decolorizer": lambda **r: tp.Decolorizer("viridis", **r),
        "to_display": lambda **r: tp.to_display(DATA, **r),
        "save": lambda **r: _save(tmp_path, **r),
    }


@pytest.mark.parametrize("name", ["colorize", "decolorize", "Decolorizer", "to_display", "save"])
def test_reversed_range_same_words(name, tmp_path):
    with pytest.raises(InputError) as caught:
        _calls(tmp_path)[name](vmin=2.0, vmax=1.0)
    # decoding needs vmin < vmax: both its refusals say so (vmin == vmax below)
    relation = "<" if name in ("decolorize", "Decolorizer") else "<="
    assert str(caught.value) == f"expected vmin {relation} vmax, got vmin=2.0 > vmax=1.0; swap them"


@pytest.mark.parametrize("name", ["colorize", "decolorize", "Decolorizer", "to_display", "save"])
def test_non_finite_bound_same_words(name, tmp_path):
    with pytest.raises(InputError) as caught:
        _calls(tmp_path)[name](vmin=float("nan"), vmax=1.0)
    assert str(caught.value).startswith("expected a finite vmin, got nan")


@pytest.mark.parametrize("norm", ["linear", "log"])
def test_decolorize_needs_a_range_that_spans(norm):
    # a picture's colors cannot be turned back into one value per color
    with pytest.raises(InputError, match=r"expected vmin < vmax, got vmin=1.0 = vmax=1.0"):
        tp.Decolorizer("viridis", vmin=1.0, vmax=1.0, norm=norm)

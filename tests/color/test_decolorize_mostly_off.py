"""Pictures mostly off the map decode fast, to NaN, with the advice they had.

A map drawn translucent and decoded without ``alpha=`` (or a photograph, or another
map) is off the map at nearly every pixel. The judging of off-map pixels (blends of
neighbours, JPEG's model, strokes) is meant for a few candidates and ran on all of
them: 1-4.6 s a megapixel, to a picture 97-100 % NaN. Past ``_fills.MOSTLY_OFF`` of
the pixels (a figure's margin left out) the off-map pixels are NaN as they stand; the
warning still advises ``alpha=``.
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pytest

from tests.color._photographs import translucent
from truepix import decolorize
from truepix.color._decolorize import _fills, _jpeg, _resampled


@pytest.mark.parametrize(
    ("cmap", "alpha", "face", "quality"),
    [("jet", 0.6, 255, 75), ("jet", 0.6, 255, None), ("viridis", 0.6, 255, 75),
     ("magma", 0.5, 128, None)],
)  # fmt: skip
def test_translucent_without_alpha_is_nan_and_advised(
    monkeypatch: pytest.MonkeyPatch, cmap: str, alpha: float, face: int, quality: int | None
) -> None:
    fired = []

    def spy(pixels: np.ndarray, off: int, fills: np.ndarray | None) -> bool:
        fired.append(_fills.mostly_off(pixels, off, fills))
        return fired[-1]

    monkeypatch.setattr(_resampled, "mostly_off", spy)
    monkeypatch.setattr(_jpeg, "mostly_off", spy)
    picture = translucent(cmap, alpha, face, quality)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        values = decolorize(picture, cmap=cmap, vmin=0, vmax=1)
    assert fired == [True]  # the gate judged the picture, and took the short path
    assert np.isnan(values).mean() >= 0.99  # (100 % before the gate too)
    messages = [str(w.message) for w in caught]
    assert len(messages) == 1
    assert f"they look like {cmap!r} drawn at alpha=" in messages[0]
    advised = float(re.search(r"pass alpha=([0-9.]+)", messages[0]).group(1))
    assert abs(advised - alpha) <= 0.05


def test_mostly_off_leaves_a_figures_margin_out() -> None:
    pixels = np.zeros((100, 3), np.uint8)
    pixels[:80] = 255  # a white margin: off the map, but no data
    pixels[80:90] = (250, 10, 200)  # off
    fills = np.array([[[250, 250, 250], [255, 255, 255]]], np.uint8)
    assert _fills.mostly_off(pixels, 90, None)  # 90 % of the whole
    assert not _fills.mostly_off(pixels, 90, fills)  # 10 of the 20 shown
    assert _fills.mostly_off(pixels, 96, fills)  # 16 of 20
    assert not _fills.mostly_off(pixels, 75, None)  # at the share: judged as before

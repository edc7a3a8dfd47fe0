"""The ink peak's tries are skipped only where none of them could claim (speed only).

``_inked``'s peak path judges the picture seven times (an ink at the candidates' luma
peak and six lumas around). ``_ink_bound.may_claim`` counts, before any try, the pixels
a try could claim at all; where they fall short of the claim asked, the tries are not
made. A diagonal ramp in viridis, JPEG'd at q75 (``cmap(bytes=True)``, Pillow 4:2:0),
shows such a peak (its candidates at one luma) and nothing to claim: it decodes as it
did with the tries made. Where a stroke is there (coolwarm's light gray contours), the
bound lets the tries run.
"""

from __future__ import annotations

import io

import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image

from truepix import Decolorizer
from truepix.color._decolorize import _inked


def _ramp_q75(side: int) -> np.ndarray:
    y, x = np.mgrid[0:side, 0:side] / side
    rgb = np.ascontiguousarray(mpl.colormaps["viridis"]((x + y) / 2, bytes=True)[..., :3])
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="JPEG", quality=75)
    return np.asarray(Image.open(buffer).convert("RGB"))


def _spied(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    said: list[bool] = []
    real = _inked.may_claim

    def spy(*args, **kwargs):
        said.append(real(*args, **kwargs))
        return said[-1]

    monkeypatch.setattr(_inked, "may_claim", spy)
    return said


def test_a_ramps_peak_is_not_tried(monkeypatch: pytest.MonkeyPatch) -> None:
    picture = _ramp_q75(1024)
    said = _spied(monkeypatch)
    values = Decolorizer("viridis", vmin=0.0, vmax=1.0).values(picture)
    assert said == [False]  # (a peak, no claim possible)
    monkeypatch.setattr(_inked, "may_claim", lambda *args, **kwargs: True)
    tried = Decolorizer("viridis", vmin=0.0, vmax=1.0).values(picture)
    assert np.array_equal(values, tried, equal_nan=True)
    assert np.isnan(values).mean() <= 0.002


def test_a_stroke_at_the_peak_is_tried(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.color._photographs import contour_flags

    said = _spied(monkeypatch)
    assert contour_flags("coolwarm", "#bfbfbf", False)[0] >= 54.0
    assert said and all(said)

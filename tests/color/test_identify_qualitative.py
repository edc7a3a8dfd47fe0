"""identify_colormap on qualitative maps (tab10, Set1, Paired ...): sets of colors.

Before, ``plt.imsave(field, cmap="tab10")`` was named ``colorcet:CET_R1`` (score 0.32) or
``nipy_spectral`` (0.05), and the list was not sorted by score (0.046 above 0.129):
discrete maps were no candidates, and a namespaced map that lost a tie showed a higher
score than the matplotlib map listed before it (``_discrete``).
"""

from __future__ import annotations

import io

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import truepix as tp
from tests.color._photographs import camera_256
from truepix.color._catalog import get

QUALITATIVE = sorted(
    name for name in matplotlib.colormaps
    if not name.endswith("_r") and get(name).discrete
)  # fmt: skip


def _imsave(field: np.ndarray, cmap: str) -> bytes:
    stream = io.BytesIO()
    plt.imsave(stream, field, cmap=cmap, format="png")  # vmin/vmax: the data's range
    return stream.getvalue()


def _pictures(cmap: str, field: str = "bands") -> dict[str, np.ndarray]:
    if field == "bands":  # a smooth field: wavy bands, a few tens of pixels wide
        y, x = np.mgrid[0:128, 0:128] / 128.0
        data = x + 0.15 * np.sin(6 * y) + 0.1 * np.cos(5 * x * y)
    else:
        data = camera_256()[::2, ::2]
    png = _imsave(data, cmap)
    rgba = np.asarray(Image.open(io.BytesIO(png)))
    stream = io.BytesIO()
    Image.open(io.BytesIO(png)).convert("RGB").save(stream, "JPEG", quality=75)
    return {"png": rgba, "jpeg q75": np.asarray(Image.open(stream))}


def _sorted(matches: list[tp.ColormapMatch]) -> bool:
    scores = [match.score for match in matches]
    return scores == sorted(scores, reverse=True)


def test_every_matplotlib_qualitative_map_is_listed() -> None:
    assert {"tab10", "tab20", "Set1", "Pastel1", "Dark2", "Accent", "Paired"} <= set(QUALITATIVE)


@pytest.mark.parametrize("field", ["bands", "camera"])
@pytest.mark.parametrize("cmap", QUALITATIVE)
def test_qualitative_map_named_on_its_imsave_png_and_jpeg(cmap: str, field: str) -> None:
    for kind, picture in _pictures(cmap, field).items():
        matches = tp.identify_colormap(picture)
        best = matches[0]
        assert best.name == cmap, (kind, [(m.name, m.score) for m in matches])
        assert not best.direction_known and _sorted(matches)
        if kind == "png":
            assert best.score >= 0.98  # every color is one of the map's


def test_tab10_on_terrain_is_tab10_sorted() -> None:
    """The trial's repro: tab10 on a smooth field, PNG."""
    matches = tp.identify_colormap(_pictures("tab10")["png"])
    assert matches[0].name == "tab10" and matches[0].score == 1.0
    assert _sorted(matches) and all(isinstance(m.score, float) for m in matches)


def test_scores_never_rise_down_the_list() -> None:
    """A picture no map fits (a photograph of colored noise): ties between matplotlib's
    maps and namespaced ones still list the scores in order."""
    rng = np.random.default_rng(5)
    noise = rng.integers(0, 256, (64, 64, 3), dtype=np.uint8)
    assert _sorted(tp.identify_colormap(noise, top=10))

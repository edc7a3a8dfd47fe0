"""Data beside thin cell borders keeps its value on JPEG (``_beside``).

``pcolormesh(edgecolors=...)`` and seaborn's ``heatmap(linewidths=...)`` draw 1 px
borders between cells; JPEG rings the border's color into the pixel beside it, which
PNG keeps exact. Those pixels are the cell's data: they take the field's answer, while
the borders themselves (a color the map lacks) stay flagged. The truth: the same
figure drawn without borders (matplotlib) is the data; the pixels the borders change
are ink.
"""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image
from scipy import ndimage

from tests.color._photographs import pillow_jpeg
from truepix.color._decolorize._api import decolorize

matplotlib.use("Agg")

_DATA = np.random.default_rng(55).uniform(size=(16, 24))


def _figure(name: str, edge: str | None, seaborn: bool, width: float = 0.5) -> np.ndarray:
    import matplotlib.pyplot as plt

    figure = plt.figure(figsize=(4.8, 3.2), dpi=100)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    if seaborn:
        import seaborn as sns

        sns.heatmap(_DATA, cmap=name, vmin=0, vmax=1, cbar=False, ax=axes,
                    linewidths=0 if edge is None else 0.5, linecolor=edge or "white")  # fmt: skip
        axes.set_axis_off()
    else:
        style = {} if edge is None else {"edgecolors": edge, "linewidth": width}
        axes.pcolormesh(_DATA, cmap=name, vmin=0, vmax=1, **style)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    plt.close(figure)
    return np.asarray(Image.open(buffer).convert("RGB"))


def _measured(
    name: str, edge: str, quality: int, seaborn: bool = False, width: float = 0.5
) -> dict[str, float]:
    """Data holes, data holes beside the borders, borders flagged and the mean error
    beside them against the borderless figure's values."""
    picture, clean = _figure(name, edge, seaborn, width), _figure(name, None, seaborn)
    ink = np.any(picture != clean, axis=-1)
    beside = ndimage.distance_transform_edt(~ink) <= 1.0
    beside &= ~ink
    truth = decolorize(clean, cmap=name, vmin=0, vmax=1)
    values = decolorize(pillow_jpeg(picture, quality), cmap=name, vmin=0, vmax=1)
    lost = np.isnan(values)
    return {
        "holes": float(lost[~ink].mean()),
        "beside": float(lost[beside].mean()),
        "ink": float(lost[ink].mean()),
        "error": float(np.nanmean(np.abs(values - truth)[beside])),
    }


# measured with this very test, JPEG q75, before -> after ``_beside`` (holes among the
# data pixels / among those beside a border, %; borders flagged as before):
# viridis k 18.9 / 96.9 -> 3.7 / 18.7, viridis w 10.5 / 53.2 -> 3.3 / 16.3,
# jet k 4.05 / 20.2 -> 1.46 / 6.9, jet w 16.7 / 82.1 -> 5.7 / 26.1
# ``_rimmed`` (the data beside a black or white straight stroke whose luma JPEG rang
# past the field's and whose chroma 4:2:0 moved toward gray), q75, data holes %, before
# -> after: lw 0.5 viridis k 3.73 -> 1.84, w 2.95 -> 0.87, jet k 1.55 -> 0.78, w 4.65 ->
# 2.64; lw 1 viridis k 5.89 -> 1.86, w 4.74 -> 1.10, jet k 5.76 -> 2.83, w 9.69 -> 4.15
# (beside: 9.4, 3.8, 3.6, 10.7; 7.8, 4.5, 11.3, 16.5), borders flagged as before.
CASES = {  # (map, border, width pt): (data holes at most, beside at most, borders flagged at least)
    ("viridis", "k", 0.5): (0.03, 0.15, 0.95),
    ("viridis", "w", 0.5): (0.02, 0.08, 0.99),
    ("jet", "k", 0.5): (0.015, 0.07, 0.90),
    ("jet", "w", 0.5): (0.04, 0.16, 0.99),
    # 1 pt borders (1.4 px: its 2x2 chroma blocks take black's or white's no chroma beside
    # it), before -> after ``_smeared``'s neutral strokes (data holes / beside, %):
    # viridis k 17.2 / 76.8 -> 5.5 / 24.1, viridis w 10.7 / 47.5 -> 4.3 / 18.7,
    # jet k 10.5 / 45.5 -> 5.3 / 22.5, jet w 18.5 / 80.8 -> 8.6 / 36.7
    ("viridis", "k", 1.0): (0.03, 0.12, 0.99),
    ("viridis", "w", 1.0): (0.02, 0.08, 0.99),
    ("jet", "k", 1.0): (0.04, 0.17, 0.99),
    ("jet", "w", 1.0): (0.06, 0.24, 0.99),
}


@pytest.mark.parametrize(("name", "edge", "width"), list(CASES))
def test_jpeg_cell_borders_keep_the_data_beside(name: str, edge: str, width: float) -> None:
    measured = _measured(name, edge, 75, width=width)
    holes, beside, flagged = CASES[name, edge, width]
    assert measured["holes"] <= holes, measured
    assert measured["beside"] <= beside, measured
    assert measured["ink"] >= flagged, measured
    assert measured["error"] <= 0.03, measured  # (the cell's value: 1 of 33 levels)


def test_jpeg_seaborn_heatmap_borders(seaborn) -> None:  # (the fixture: installed, or fails)
    measured = _measured("viridis", "white", 90, seaborn=True)
    assert measured["holes"] <= 0.05, measured
    assert measured["ink"] >= 0.99, measured

"""White and black contour lines and text on a JPEG'd imshow figure: their faint fringe too.

matplotlib antialiases a 1-px contour: its edge pixels hold 5-25 % of the ink, and such
a blend of white (or black) with the field often lands near another map color (white
over magma's purples is its pinks). They decoded as data, most of them silently wrong
(``_decolorize._fringes``). The figure is ``tests/color/_photographs.contour_figure``:
a smooth field filling the axes, ``contour`` lines and two ``ax.text`` labels, saved
by ``savefig`` as JPEG q75 (Pillow, 4:2:0). Stroke pixels are those the annotation
moved more than 12 DN (drawn once more as PNG, and once without it); data pixels are
those it left alone; a stroke pixel decoded more than 5 % of the range from the data
under it is silently wrong.
"""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

from tests.color._photographs import colormap, contour_figure
from truepix import Decolorizer

matplotlib.use("Agg")

_COLORS = {"white": "#ffffff", "black": "#000000"}

# (map, stroke color, cyclic): stroke pixels flagged at least, silently wrong at most,
# data pixels lost at most (%). Measured before -> after the fringes: magma white
# 90.7 / 5.7 / 0.52 -> 95.5 / 1.7 / 0.69, twilight white 86.6 / 9.6 / 0.92 -> 95.5 /
# 2.1 / 1.10, cmocean:thermal white 94.7 / 3.6 / 0.97 -> 97.1 / 1.3 / 1.07, black
# 94.8 / 3.7 / 1.71 -> 96.8 / 1.7 / 1.79, turbo black 93.0 / 3.9 / 1.11 -> 96.7 / 0.7 /
# 1.26, viridis black 95.4 / 3.3 / 1.75 -> 97.2 / 1.6 / 1.81.
CASES = [
    ("magma", "white", False),
    ("twilight", "white", True),
    ("cmocean:thermal", "white", False),
    ("cmocean:thermal", "black", False),
    ("turbo", "black", False),
    ("viridis", "black", False),
]


def _scores(name: str, color: str, cyclic: bool) -> tuple[float, float, float]:
    y, x = np.mgrid[0:300, 0:400]
    data = 0.5 + 0.45 * np.sin(x / 37 + np.cos(y / 41)) * np.cos(y / 29)
    clean = contour_figure(name, None, False).astype(np.float64)
    drawn = contour_figure(name, _COLORS[color], False).astype(np.float64)
    moved = np.sqrt(((drawn - clean) ** 2).sum(axis=-1))
    stroke, untouched = moved > 12.0, moved == 0
    decoder = Decolorizer(colormap(name), cyclic=cyclic, vmin=0.0, vmax=1.0)
    values = decoder.values(contour_figure(name, _COLORS[color], True))
    holes = np.isnan(values)
    wrong = ~holes & (np.abs(values - data) > 0.05)
    return (
        100 * float(holes[stroke].mean()),
        100 * float(wrong[stroke].mean()),
        100 * float(holes[untouched].mean()),
    )


@pytest.mark.parametrize(("name", "color", "cyclic"), CASES)
def test_strokes_and_their_fringes_are_flagged(name: str, color: str, cyclic: bool) -> None:
    flagged, wrong, lost = _scores(name, color, cyclic)
    assert flagged >= 95.0
    assert wrong <= 2.5
    assert lost <= 2.0


@pytest.mark.parametrize("name", ["magma", "twilight", "turbo"])
def test_all_data_figure_keeps_its_pixels(name: str) -> None:
    """Nothing flagged, nothing grows: the same figure without strokes has no hole."""
    decoder = Decolorizer(colormap(name), cyclic=name == "twilight", vmin=0.0, vmax=1.0)
    assert np.isnan(decoder.values(contour_figure(name, None, True))).mean() <= 0.002

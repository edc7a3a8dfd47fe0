"""Contour lines in an ink near the map, over a JPEG'd imshow figure (``_ink_blends``).

Magenta (200, 30, 120) lies 29 DN from magma's pinks. matplotlib's antialiased 1 px
contours of it over magma's purples and oranges, saved by ``savefig`` as JPEG q75
(4:2:0), are mostly blends of the ink and the field beneath; those blends lie near
the map between the field's color and the ink's map neighbour and decoded to values
of their own, silently wrong: of the stroke pixels over a field more than 0.1 of the
range from the ink's position, 70.5 % were flagged and 14.1 % of all stroke pixels
came back more than 5 % of the range off (benchmarks/_stroke_screen.py's figure, one
line of text; 79.5 % and 9.2 % since). Along
the flagged strokes, the pixels that lie on the way from the field across them (two
sides that agree) to the ink are the stroke's. The oracle: the same figure drawn
without the strokes (PNG) tells which pixels the strokes touched.
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pytest

from tests.color._photographs import saved_rgb
from truepix import Decolorizer
from truepix.color._decolorize import _ink_blends
from truepix.color._decolorize._palette import Polyline

mpl.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

MAGENTA = np.array((200, 30, 120)) / 255


def _field() -> np.ndarray:
    y, x = np.mgrid[0:300, 0:400]
    return 0.5 + 0.45 * np.sin(x / 37 + np.cos(y / 41)) * np.cos(y / 29)


def _figure(strokes: bool, *, jpeg: bool) -> np.ndarray:
    fig = plt.figure(figsize=(4.0, 3.0), dpi=100)
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_axis_off()
    ax.imshow(_field(), cmap="magma", vmin=0, vmax=1, interpolation="nearest", aspect="auto")
    if strokes:
        ax.contour(_field(), levels=[0.25, 0.5, 0.75], colors=[MAGENTA], linewidths=1.0)
        ax.text(30, 60, "T = 25.0 K", color=MAGENTA, fontsize=12)
    return saved_rgb(fig, jpeg=jpeg)


@pytest.fixture(scope="module")
def drawn() -> dict[str, np.ndarray]:
    clean = _figure(False, jpeg=False).astype(float)
    png = _figure(True, jpeg=False).astype(float)
    moved = np.sqrt(((png - clean) ** 2).sum(axis=-1))
    decoder = Decolorizer("magma", vmin=0.0, vmax=1.0)
    return {
        "stroke": moved > 12, "untouched": moved == 0,
        "values": decoder.values(_figure(True, jpeg=True)),
        "holes": decoder.values(_figure(False, jpeg=True)),
    }  # fmt: skip


def test_magenta_contours_on_magma_are_flagged(drawn):
    """Of the stroke pixels over a field more than 0.1 from the ink's position (0.53),
    more are flagged (was 70.5 %); fewer come back silently wrong (was 14.1 %)."""
    stroke, values = drawn["stroke"], drawn["values"]
    far = np.abs(_field() - 0.53) > 0.1
    lost = np.isnan(values)
    wrong = ~lost & (np.abs(values - _field()) > 0.05)
    assert lost[stroke & far].mean() >= 0.76
    assert wrong[stroke].mean() <= 0.11
    # ... and the data the strokes left alone stays data
    assert lost[drawn["untouched"]].mean() <= 0.004


def test_all_data_figure_keeps_every_pixel(drawn):
    """Without strokes there is no ink to blend with: no pixel is taken."""
    assert not np.isnan(drawn["holes"]).any()


def test_blend_of_field_and_ink_across_a_line_is_found():
    """A flat field with a 1 px line of 60 % ink that continues a flagged stroke: the
    line is found along its length; the field either side is not."""
    field, ink = np.array([80.0, 18.0, 123.0]), np.array([200.0, 30.0, 120.0])
    picture = np.tile(field, (20, 40, 1))
    picture[10, 14:38] = 0.4 * field + 0.6 * ink
    picture[:, :8] = ink  # a margin of the ink: enough flagged pixels to tell it
    picture[10, 8:14] = ink  # the stroke's flagged core
    flat = np.ascontiguousarray(picture.reshape(-1, 3).round().astype(np.uint8))
    off_map = (np.abs(picture - ink).sum(axis=-1) < 1).ravel()
    table = mpl.colormaps["magma"](np.arange(256), bytes=True)[:, :3]
    line = Polyline.build(table, cyclic=False, matrix=np.eye(3))
    ink_luma = np.array([ink @ (0.299, 0.587, 0.114)])  # (``_lines.ink_lines``' ink)
    _ink_blends.ink_blends(flat, 1.0, 40, off_map, line, ink_luma)
    found = off_map.reshape(20, 40)
    assert found[10, 14:38].all()
    assert not found[[8, 9, 11, 12], 8:].any()

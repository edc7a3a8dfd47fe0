"""Strokes in an ink near the map, over a figure whose other strokes are flagged.

A figure drawn with Pillow (lines 1-3 px wide and 14 px text, antialiased) in white, gray,
magenta and green over a magma field, JPEG q75: where magenta (200, 30, 120) crosses magma's
dark or light parts JPEG leaves it far off the map and it is flagged; over magma's pinks
it passes for data, and what is left of it is too few cores for ``_jumps`` to call an ink
(480 on a 400 x 300 picture, ``_jumps.JUMP_INK_COUNT``): 62.4 % of its pixels flagged. The
ink's flagged pixels at its position count toward that (``_jumps._ink_of``): 70.2 %, data
more than 4 px from any stroke 0.06 % lost (was 0). (benchmarks/colormaps.py's "Annotated
pictures", the same figure with an alpha hole: magma JPEG q75 91.7 / 90.4 -> 93.5 / 92.1 %
flagged.) The oracle: the picture's own pixels before the strokes were drawn.
"""

from __future__ import annotations

import io

import matplotlib as mpl
import numpy as np
from PIL import Image, ImageDraw, ImageFont
from scipy.ndimage import binary_dilation

from truepix import Decolorizer

INKS = ((255, 255, 255), (128, 128, 128), (200, 30, 120), (40, 160, 60))
MAGENTA = 2


def _figure() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The JPEG'd figure, its magenta pixels and its pixels no stroke touched."""
    rng = np.random.default_rng(5)
    height, width = 300, 400
    y, x = np.mgrid[0:height, 0:width]
    field = 0.5 + 0.45 * np.sin(x / 23 + np.cos(y / 31)) * np.cos(y / 19)
    field[rng.random(field.shape) < 0.01] = np.nan  # (matplotlib's bad color: transparent)
    clean = mpl.colormaps["magma"](field, bytes=True)
    canvas = Image.fromarray(clean, "RGBA")
    magenta = Image.new("L", (width, height))
    draw, marks = ImageDraw.Draw(canvas), ImageDraw.Draw(magenta)
    font = ImageFont.load_default(size=14)
    for k in range(20):
        color = INKS[k % len(INKS)]
        points = [tuple(p) for p in rng.integers(0, [width, height], (6, 2))]
        where = tuple(rng.integers(0, [width - 80, height - 20]))
        draw.line(points, fill=color, width=1 + k % 3)
        draw.text(where, "T = 25.0 K", fill=color, font=font)
        if k % len(INKS) == MAGENTA:
            marks.line(points, fill=255, width=1 + k % 3)
            marks.text(where, "T = 25.0 K", fill=255, font=font)
    picture = np.asarray(canvas).copy()
    picture[:, :24] = (*INKS[0], 255)  # (a figure's margins)
    picture[-12:, :] = (*INKS[-1], 255)
    touched = np.any(picture != clean, axis=-1)
    ink = (np.asarray(magenta) > 0) & touched
    buffer = io.BytesIO()
    Image.fromarray(picture[..., :3]).save(buffer, format="JPEG", quality=75)
    rgb = np.asarray(Image.open(buffer).convert("RGB"))
    picture = np.concatenate([rgb, picture[..., 3:]], axis=-1)  # (its alpha kept, as a PNG's)
    return picture, ink, ~touched & ~np.isnan(field)


def test_near_ink_flagged_beside_its_flagged_strokes() -> None:
    picture, ink, data = _figure()
    values = Decolorizer("magma", vmin=0.0, vmax=1.0).values(picture)
    assert np.isnan(values[ink]).mean() >= 0.66  # (62.4 % before)
    far = data & ~binary_dilation(~data, iterations=4)
    assert np.isnan(values[far]).mean() <= 0.002

"""White and light gray contours and text over a diverging map, saved by matplotlib as JPEG.

A new user's figure (issue 11, Deliver 1): ``imshow`` of a smooth field with a diverging
map (RdBu_r, PiYG, BrBG, RdYlBu), ``contour`` lines and ``text`` in white or light gray,
``savefig`` JPEG q75. These maps' light middle lies within 15-35 DN of white, so a white
stroke's pixels are map colors: crossing the red half of RdBu_r a contour reads red ->
white -> red, what the field around does not predict. Only where the field itself is near
the ink's position on the map is a stroke truly indistinguishable, and there its value is
nearly right anyway; so the stroke pixels counted are those whose field lies more than
FAR of the range from the ink's map position. Before ``_gray_inks`` (white, flagged there
/ silently wrong, %): RdBu_r 63.9 / 13.5, PiYG 36.3 / 34.1, BrBG 60.5 / 13.6, RdYlBu
47.9 / 18.5; data lost 0.00 %.
The oracle for the stroke's pixels: the same figure drawn without the strokes (PNG).
"""

from __future__ import annotations

import functools
import io

import matplotlib as mpl
import numpy as np
import pytest
from scipy.spatial import cKDTree

from tests.color._photographs import encoded, photo_jpeg, saved_rgb
from truepix.color._decolorize._api import decolorize

mpl.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

HEIGHT, WIDTH = 240, 320
FAR = 0.1
#: A stroke pixel more than this (share of the range) from its field is silently wrong.
SILENT = 0.05
_INKS = {"white": (255, 255, 255), "light gray": (191, 191, 191)}


def _field(size: float = 1.0) -> np.ndarray:
    """The field on HEIGHT x WIDTH pixels times ``size``, its waves as many."""
    y, x = np.mgrid[0 : round(HEIGHT * size), 0 : round(WIDTH * size)] / size
    return 0.5 + 0.45 * np.sin(x / 37 + np.cos(y / 41)) * np.cos(y / 29)


def _figure(cmap: str, ink: str | None, quality: int | None, size: float = 1.0) -> np.ndarray:
    """The field drawn with ``cmap``; contours at 0.25, 0.5, 0.75 and two labels in
    ``ink`` unless None; PNG (``quality`` None) or JPEG; ``size``: ``_field``'s. The JPEG
    is Pillow's of the PNG's RGB at ``quality``, which is what ``savefig`` writes (the
    same pixels, checked): each figure is drawn once a module."""
    png = _figure_png(cmap, ink, size)
    return png if quality is None else encoded(png, "JPEG", quality)


@functools.cache
def _figure_png(cmap: str, ink: str | None, size: float) -> np.ndarray:
    """:func:`_figure`'s PNG (read-only)."""
    field = _field(size)
    fig = plt.figure(figsize=(field.shape[1] / 100, field.shape[0] / 100), dpi=100)
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_axis_off()
    ax.imshow(field, cmap=cmap, vmin=0, vmax=1, interpolation="nearest", aspect="auto")
    if ink is not None:
        rgb = np.array(_INKS[ink]) / 255
        ax.contour(field, levels=[0.25, 0.5, 0.75], colors=[rgb], linewidths=1.0)
        ax.text(20 * size, 50 * size, "T = 25.0 K", color=rgb, fontsize=12)
        ax.text(150 * size, 180 * size, "max 3.2 m/s", color=rgb, fontsize=10)
    png = saved_rgb(fig, dpi=100)
    png.setflags(write=False)
    return png


def _scores(cmap: str, ink: str, size: float = 1.0) -> tuple[float, float, float]:
    """Stroke pixels (moved 12 DN or more) flagged where their field is FAR from the ink's
    map position, stroke pixels silently wrong, and data pixels (untouched) lost."""
    clean = _figure(cmap, None, None, size).astype(float)
    moved = np.sqrt(((_figure(cmap, ink, None, size) - clean) ** 2).sum(-1))
    stroke, untouched = moved > 12, moved == 0
    table = mpl.colormaps[cmap](np.arange(256), bytes=True)[:, :3].astype(float)
    index = cKDTree(table).query(_INKS[ink])[1]
    far = np.abs(_field(size) - (index + 0.5) / 256) > FAR
    values = decolorize(_figure(cmap, ink, 75, size), cmap=cmap, vmin=0, vmax=1)
    lost = np.isnan(values)
    wrong = ~lost & (np.abs(values - _field(size)) > SILENT)
    return lost[stroke & far].mean(), wrong[stroke].mean(), lost[untouched].mean()


#: measured with _fringes after this rule (flagged where far / silently wrong / data lost,
#: %): RdBu_r 93.4 / 1.5 / 0.59, PiYG 93.9 / 1.7 / 0.76, BrBG 92.4 / 1.8 / 0.67, RdYlBu
#: 93.2 / 0.6 / 0.53 (without _fringes 87.7-91.6 / 0.8-2.8 / 0.21-0.48; the data lost:
#: pixels next to the strokes, blurred toward them by JPEG). Not yet the 95 % of issue 11:
#: what is left are the faintest fringes, which decode within SILENT mostly.
#: RdYlBu's silently wrong 1.0 -> 2.6 % with ``_over_top``: the white text over its pale
#: yellow middle flagged, the text pixels left beside it decode 0.53 -> 0.55 (field 0.50).
@pytest.mark.parametrize("cmap", ["RdBu_r", "PiYG", "BrBG", "RdYlBu"])
def test_white_strokes_over_a_diverging_map_flagged(cmap):
    flagged, wrong, lost = _scores(cmap, "white")
    assert flagged >= 0.90
    assert wrong <= (0.03 if cmap == "RdYlBu" else 0.025)
    assert lost <= 0.009


#: The same figure at 3x the size (960 x 720), its waves as many: 1 px contours are a
#: third of the share, and the other rules flagged none of them, so the rule (then only
#: where they had flagged 0.1 % of the picture) did not look. Measured (flagged where far
#: / silently wrong / data lost, %): PiYG 0.0 / 57.5 / 0.00 -> 95.7 / 0.5 / 0.08, RdYlBu
#: 1.8 / 41.6 / 0.01 -> 94.2 / 0.9 / 0.09; without strokes 0.00 % NaN before and after.
@pytest.mark.parametrize("cmap", ["PiYG", "RdYlBu"])
def test_white_strokes_on_a_large_figure_flagged(cmap):
    flagged, wrong, lost = _scores(cmap, "white", 3.0)
    assert flagged >= 0.90
    assert wrong <= 0.025
    assert lost <= 0.009


@pytest.mark.parametrize("cmap", ["PiYG", "RdYlBu"])
def test_large_figure_without_strokes_keeps_its_data(cmap):
    values = decolorize(_figure(cmap, None, 75, 3.0), cmap=cmap, vmin=0, vmax=1)
    assert np.isnan(values).mean() <= 0.002


@pytest.mark.parametrize("cmap", ["RdBu_r", "PiYG", "BrBG", "RdYlBu"])
@pytest.mark.parametrize("quality", [90, 75, 50])
def test_same_figures_without_strokes_keep_their_data(cmap, quality):
    values = decolorize(_figure(cmap, None, quality), cmap=cmap, vmin=0, vmax=1)
    assert np.isnan(values).mean() <= 0.002


@pytest.mark.parametrize("cmap", ["PiYG", "BrBG", "RdYlBu"])
@pytest.mark.parametrize("name", ["coffee", "camera"])
def test_textured_photograph_keeps_its_data(cmap, name):
    """Texture's luma and positions jump everywhere, 4.7-17 % of a JPEG'd photograph's
    pixels (``_gray_inks.GRAY_CORES_MAX``), strokes' 0.1-1.5 %."""
    picture = photo_jpeg(name, cmap)
    assert np.isnan(decolorize(picture, cmap=cmap, vmin=0, vmax=1)).mean() <= 0.002


def _pillow_figure(cmap: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A field with hard-edged white lines (1-3 px) and text drawn by Pillow (fontmode
    "1"), saved by Pillow as JPEG q75 4:2:0: the field, the stroke mask, the JPEG."""
    from PIL import Image, ImageDraw, ImageFont

    rng = np.random.default_rng(3)
    y, x = np.mgrid[0:HEIGHT, 0:WIDTH]
    field = 0.5 + 0.45 * np.sin(x / 23 + np.cos(y / 31)) * np.cos(y / 19)
    clean = mpl.colormaps[cmap](field, bytes=True)[..., :3]
    canvas = Image.fromarray(clean)
    draw = ImageDraw.Draw(canvas)
    draw.fontmode = "1"
    font = ImageFont.load_default(size=14)
    for k in range(8):
        points = [tuple(int(v) for v in p) for p in rng.integers(0, [WIDTH, HEIGHT], (4, 2))]
        draw.line(points, fill=(255, 255, 255), width=1 + k % 3)
        corner = tuple(int(v) for v in rng.integers(0, [WIDTH - 80, HEIGHT - 20]))
        draw.text(corner, "T = 25.0 K", fill=(255, 255, 255), font=font)
    stroke = np.any(np.asarray(canvas) != clean, axis=-1)
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=75)
    return field, stroke, np.asarray(Image.open(buffer).convert("RGB"))


#: Hard-edged white strokes (flagged / data lost / data more than 2 px from a stroke
#: lost, %): RdBu_r 65.7 / 3.58 / 0.03 -> 67.2 / 2.42 / 0.04, Spectral 87.2 / 3.79 / 0.02
#: -> 86.9 / 2.75 / 0.01, PiYG 58.4 / 3.15 / 0.06 -> 59.0 / 2.34 / 0.06: the data lost is
#: beside the strokes, JPEG's halo of a hard edge, which the fringe rule took for a blend
#: of ink and field (``GRAY_FRINGE_SHARE``, ``GRAY_FRINGE_CONTRAST``). What is left
#: unflagged lies over the field near the light middle (RdBu_r 9 % of it flagged, 3 %
#: before ``_faint``): 8-30 DN of luma from it, and joined only along found strokes.
_PILLOW = {"RdBu_r": (0.66, 0.028), "Spectral": (0.85, 0.028), "PiYG": (0.57, 0.028)}


@pytest.mark.parametrize("cmap", sorted(_PILLOW))
def test_hard_edged_white_strokes_flagged_and_their_halo_kept(cmap):
    field, stroke, picture = _pillow_figure(cmap)
    lost = np.isnan(decolorize(picture, cmap=cmap, vmin=0, vmax=1))
    least, most = _PILLOW[cmap]
    assert lost[stroke].mean() >= least
    assert lost[~stroke].mean() <= most
    beside = stroke.copy()
    for axis in (0, 1):
        for step in (-2, -1, 1, 2):
            beside |= np.roll(stroke, step, axis=axis)
    beside |= np.roll(np.roll(stroke, 1, 0), 1, 1) | np.roll(np.roll(stroke, -1, 0), -1, 1)
    beside |= np.roll(np.roll(stroke, 1, 0), -1, 1) | np.roll(np.roll(stroke, -1, 0), 1, 1)
    assert lost[~beside].mean() <= 0.002


def _labelled(cmap: str, strokes: bool, quality: int | None) -> np.ndarray:
    """``_field`` drawn with ``cmap``, white contours at 0.3, 0.5 and 0.7 with their
    ``clabel`` labels and a line of text where ``strokes``; PNG or JPEG of ``quality``
    (Pillow's of the PNG's RGB, as ``savefig`` writes it: each figure drawn once)."""
    png = _labelled_png(cmap, strokes)
    return png if quality is None else encoded(png, "JPEG", quality)


@functools.cache
def _labelled_png(cmap: str, strokes: bool) -> np.ndarray:
    """:func:`_labelled`'s PNG (read-only)."""
    field = _field()
    fig = plt.figure(figsize=(WIDTH / 100, HEIGHT / 100), dpi=100)
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_axis_off()
    ax.imshow(field, cmap=cmap, vmin=0, vmax=1, interpolation="nearest", aspect="auto")
    if strokes:
        contours = ax.contour(field, levels=[0.3, 0.5, 0.7], colors="white", linewidths=1.0)
        ax.clabel(contours, fontsize=8)
        ax.text(20, 50, "T = 25.0 K", color="white", fontsize=12)
    png = saved_rgb(fig, dpi=100)
    png.setflags(write=False)
    return png


#: White contours, their labels and text, every stroke pixel counted (moved 12 DN or
#: more; the 0.5 contour runs along the light middle itself, 8 DN of luma from it on
#: RdBu_r): flagged / stroke pixels silently wrong / data lost, %, before -> after
#: ``_gray_inks._over_top``: RdBu_r 64.1 / 1.9 / 0.98 -> 82.7 / 1.8 / 1.01, RdBu 64.6 /
#: 2.1 / 0.82 -> 84.1 / 1.9 / 0.86, PuOr 63.3 / 2.5 / 0.73 -> 82.8 / 2.5 / 0.77, PiYG
#: 59.3 / 6.2 / 0.86 -> 78.5 / 5.8 / 0.92, BrBG 57.1 / 3.6 / 0.83 -> 86.2 / 3.3 / 0.91
#: (RdYlBu 46.1 -> 59.5 %, Spectral 61.7 -> 64.2 %: their pale yellow middle leaves
#: white a chroma step that 4:2:0 blurs). The same figures without strokes: no NaN.
_LABELLED = {"RdBu_r": (0.78, 0.025), "RdBu": (0.78, 0.025), "PuOr": (0.78, 0.03),
             "PiYG": (0.74, 0.065), "BrBG": (0.80, 0.04)}  # fmt: skip


@pytest.mark.parametrize("cmap", sorted(_LABELLED))
def test_white_contours_labels_and_text_flagged(cmap):
    clean = _labelled(cmap, False, None).astype(float)
    moved = np.sqrt(((_labelled(cmap, True, None) - clean) ** 2).sum(-1))
    stroke, untouched = moved > 12, moved == 0
    values = decolorize(_labelled(cmap, True, 75), cmap=cmap, vmin=0, vmax=1)
    lost = np.isnan(values)
    least, most_wrong = _LABELLED[cmap]
    assert lost[stroke].mean() >= least
    assert (~lost & (np.abs(values - _field()) > SILENT))[stroke].mean() <= most_wrong
    assert lost[untouched].mean() <= 0.012


@pytest.mark.parametrize("cmap", ["RdBu", "PuOr"])
@pytest.mark.parametrize("quality", [90, 75, 50])
def test_labelled_figures_without_strokes_keep_their_data(cmap, quality):
    values = decolorize(_labelled(cmap, False, quality), cmap=cmap, vmin=0, vmax=1)
    assert np.isnan(values).mean() <= 0.002


@pytest.mark.parametrize("cmap", ["RdBu_r", "PuOr", "Spectral"])
@pytest.mark.parametrize("name", ["astronaut", "camera"])
def test_photograph_lighter_than_the_middle_keeps_its_data(cmap, name):
    """JPEG's overshoot lifts a photograph's data up to 9 DN above the map's lightest
    color, in specks: no curve of them is taken for a light stroke (GRAY_OVER_PIXELS)."""
    picture = photo_jpeg(name, cmap, quality=50)
    assert np.isnan(decolorize(picture, cmap=cmap, vmin=0, vmax=1)).mean() <= 0.002


@pytest.mark.parametrize("seed", range(4))
def test_jumps_at_some_pixels_are_the_kernels(seed):
    """``_over_top`` reads the luma jumps at its few candidates alone: the same jumps and
    sides' means as the jitted pass over the whole picture, flagged pixels skipped."""
    from truepix.color._decolorize._gray_inks import _jumps_at, _luma_jumps

    rng = np.random.default_rng(seed)
    height, width = 37 + seed, 53
    luma = rng.normal(200, 20, height * width).round(1)
    off_map = rng.random(height * width) < 0.1
    jump, side = _luma_jumps(luma, width, off_map, sides=8.0)
    pixels = np.flatnonzero(~off_map)
    jump_at, side_at = _jumps_at(luma, width, off_map, pixels, 8.0)
    np.testing.assert_array_equal(jump_at, jump[pixels])
    np.testing.assert_array_equal(side_at, side[pixels])

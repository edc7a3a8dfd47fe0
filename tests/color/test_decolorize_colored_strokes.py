"""Colored lines and text over a smooth heatmap, saved by matplotlib as JPEG.

A new user's figure (issue 11, Deliver 1): a red line and five rows of red text over an
``imshow`` of a smooth field, ``savefig`` JPEG q90 / q75. JPEG moves the red strokes'
cores onto the map's dark red end, and their antialiased edges lie between that core
and the field, so the share of off-map pixels strictly between two on-map neighbours
(``_edges.RESAMPLED_SHARE``) read them as a resized picture's blends (0.45-0.51 on
coolwarm, 0.24 on turbo): no stroke pixel seeded a core, 0.0 % flagged on coolwarm at
q90 and q75. The strokes' two sides come back together past their flanks
(``_edges.inked_share``, 0.66-0.71), a resized photograph's blends' do not (0.09-0.40).
The oracle for the stroke's pixels: the same figure drawn without the strokes (PNG).
"""

from __future__ import annotations

import io

import cv2
import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image
from scipy.ndimage import gaussian_filter

from truepix.color._decolorize import _edges, _jpeg
from tests.color._photographs import photo_jpeg, saved_rgb, stroked_figure
from truepix.color._decolorize._api import decolorize

mpl.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

SIZE = 256


def _field() -> np.ndarray:
    field = gaussian_filter(np.random.default_rng(0).normal(size=(SIZE, SIZE)), 12)
    return (field - field.min()) / np.ptp(field)


def _figure(cmap: str, color: str | None, quality: int | None) -> np.ndarray:
    """The field drawn with ``cmap``; a line and text in ``color`` unless None."""
    return stroked_figure(_field(), cmap, color, quality)


class _Stop(Exception):
    pass


def _resized_test(
    monkeypatch, picture: np.ndarray, cmap: str
) -> tuple[bool, float, float]:
    """Whether ``resized_blends`` took the picture for a resized one, and the share of
    its counted blends whose sides come back together (``inked_share``); the decode
    stops there."""
    seen = {}

    def spy(flat, scale, width, candidates, on_map, seeds, beyond, inked=None, position=None,
            smoothed=None):
        _, seen["resized"] = _edges.resized_blends(
            flat, scale, width, candidates, on_map, seeds, beyond, inked, position, smoothed
        )
        height = len(on_map) // width
        stroked = np.zeros(len(on_map), dtype=bool)
        if beyond.any():
            _edges.degraded.near(candidates[beyond], width, height, _edges.EDGE_STROKE_RADIUS,
                                 stroked)  # fmt: skip
        counted = candidates[~on_map[candidates] & ~stroked[candidates]]
        strict = _edges.EdgeTest(
            _edges._YCBCR, _edges.EDGE_SHARE_CHROMA, _edges.EDGE_TOLERANCE, _edges.EDGE_LUMA,
            _edges.EDGE_MARGIN, True,
        )  # fmt: skip
        found, pair = _edges._between_pairs(flat, scale, width, counted, on_map, strict, on_map)
        seen["share"] = float(found.mean())
        seen["inked"] = _edges.inked_share(flat, scale, width, counted[found], pair[found])
        raise _Stop

    monkeypatch.setattr(_jpeg, "resized_blends", spy)
    with pytest.raises(_Stop):
        decolorize(picture, cmap=cmap, vmin=0, vmax=1)
    return seen["resized"], seen["share"], seen["inked"]


#: (map, quality): the share of counted candidates between two on-map neighbours
#: (RESAMPLED_SHARE 0.2: it fired on all four) and the inked share measured
@pytest.mark.parametrize(
    ("cmap", "quality", "share", "inked"),
    [("coolwarm", 90, 0.483, 0.710), ("coolwarm", 75, 0.513, 0.701),
     ("turbo", 90, 0.239, 0.672), ("turbo", 75, 0.235, 0.657)],
)  # fmt: skip
def test_red_strokes_are_not_a_resized_picture(monkeypatch, cmap, quality, share, inked):
    resized, got_share, got_inked = _resized_test(monkeypatch, _figure(cmap, "red", quality),
                                                  cmap)  # fmt: skip
    assert got_share == pytest.approx(share, abs=0.05)
    assert got_share > _edges.RESAMPLED_SHARE  # (the old test fired)
    assert got_inked == pytest.approx(inked, abs=0.05)
    assert got_inked >= _edges.EDGE_INK_SHARE + 0.1
    assert not resized


def test_resized_photograph_still_is(monkeypatch):
    """jet's astronaut shrunk 0.5x by area, JPEG'd q75: its blends are data's (inked
    0.15-0.33 on the trial-16 sweep's jet pictures), the test still fires."""
    from skimage import data
    from skimage.color import rgb2gray
    from skimage.transform import resize

    photo = resize(rgb2gray(data.astronaut()), (2 * SIZE, 2 * SIZE), anti_aliasing=True)
    photo = (photo - photo.min()) / np.ptp(photo)
    rgb = mpl.colormaps["jet"](photo, bytes=True)[..., :3]
    small = cv2.resize(rgb, (SIZE, SIZE), interpolation=cv2.INTER_AREA)
    buffer = io.BytesIO()
    Image.fromarray(small).save(buffer, format="JPEG", quality=75)
    picture = np.asarray(Image.open(buffer).convert("RGB"))
    resized, share, inked = _resized_test(monkeypatch, picture, "jet")
    assert resized
    assert inked <= _edges.EDGE_INK_SHARE - 0.1


def _stroke_mask(cmap: str, color: str) -> np.ndarray:
    """The stroke pixels: 40 DN or more from the figure without them (PNG)."""
    return np.abs(
        _figure(cmap, color, None).astype(int) - _figure(cmap, None, None).astype(int)
    ).max(-1) >= 40  # fmt: skip


#: flagged share of the stroke pixels: the resized test no longer hid coolwarm's at q75
#: (0.0 -> 11.8 %), ``_alone`` still dropped most cores (coolwarm q90 0 %, turbo q90 0 %,
#: q75 62 %); where their positions jump (``_jumps``): measured 91.7 / 95.2 % (coolwarm
#: q75 / q90), 86.6 / 87.3 % (turbo), 93.2 / 93.0 % (RdBu_r), 93.8 / 95.0 % (RdYlBu);
#: white on RdBu_r (its light middle, ~14 DN from white) 0 -> 62 %
@pytest.mark.parametrize(
    ("cmap", "color", "quality", "low"),
    [("coolwarm", "red", 75, 0.85), ("coolwarm", "red", 90, 0.85),
     ("turbo", "red", 75, 0.80), ("turbo", "red", 90, 0.80),
     ("RdBu_r", "red", 90, 0.85), ("RdYlBu", "red", 75, 0.85),
     ("RdBu_r", "white", 75, 0.50)],
)  # fmt: skip
def test_strokes_in_the_maps_colors_flagged(cmap, color, quality, low):
    mask = _stroke_mask(cmap, color)
    values = decolorize(_figure(cmap, color, quality), cmap=cmap, vmin=0, vmax=1)
    assert np.isnan(values[mask]).mean() >= low
    # ... and the data away from them kept (the pixels beside a stroke carry its JPEG blur;
    # a stroke is every pixel it moved: white text over RdBu_r's light middle moves it by
    # less than the mask's 40 DN, and ``_gray_inks._over_top`` flags it)
    drawn = _figure(cmap, color, None).astype(int) != _figure(cmap, None, None).astype(int)
    beside = np.zeros_like(mask)
    for dy in range(-2, 3):
        for dx in range(-2, 3):
            beside |= np.roll(drawn.any(-1), (dy, dx), axis=(0, 1))
    assert np.isnan(values[~beside]).mean() <= 0.002


@pytest.mark.parametrize("cmap", ["coolwarm", "turbo", "RdBu_r", "RdYlBu"])
@pytest.mark.parametrize("quality", [90, 75, 50])
def test_same_figures_without_strokes_keep_their_data(cmap, quality):
    values = decolorize(_figure(cmap, None, quality), cmap=cmap, vmin=0, vmax=1)
    assert np.isnan(values).mean() <= 0.002


@pytest.mark.parametrize("cmap", ["coolwarm", "turbo", "jet", "RdBu_r"])
def test_textured_photograph_keeps_its_data(cmap):
    """Coffee beans' texture jumps as thin strokes do (each bean's rim), but at every
    position: its jumps' peak holds 0.28-0.35 of them (``_jumps.JUMP_INK_SHARE``; 1.5-2.7 %
    holes without the share), strokes' 0.42-0.74."""
    picture = photo_jpeg("coffee", cmap, SIZE)
    assert np.isnan(decolorize(picture, cmap=cmap, vmin=0, vmax=1)).mean() <= 0.002


def _shrunk_figure(photo: np.ndarray, cmap: str, color: str | None) -> np.ndarray:
    """``photo`` (2 SIZE square) drawn with ``cmap`` and a line and text in ``color``,
    then shrunk 0.5x by OpenCV's area: a figure resized for a slide."""
    fig = plt.figure(figsize=(2 * SIZE / 100, 2 * SIZE / 100), dpi=100)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_axis_off()
    ax.imshow(photo, cmap=cmap, vmin=0, vmax=1, aspect="auto", interpolation="nearest")
    if color is not None:
        ax.plot([10, 500], [40, 480], color=color, lw=3)
        for row in range(5):
            ax.text(16, 60 + 96 * row, "Ag8%#Wm", color=color, fontsize=30)
    ax.set_xlim(-0.5, 2 * SIZE - 0.5)
    ax.set_ylim(2 * SIZE - 0.5, -0.5)
    big = saved_rgb(fig, dpi=100)
    return cv2.resize(big, (SIZE, SIZE), interpolation=cv2.INTER_AREA)


#: a figure with red text over coolwarm's photographs, shrunk, JPEG'd q90: the stroke
#: now stops the resized test (text flagged 0 -> 17-25 %), which leaves the data's
#: blends around it holes: 0.02 % (astronaut), 0.09 % (camera); 0 before. Where the
#: positions jump (``_jumps``) the camera's text is flagged 25 -> 88 %, but its tripod
#: legs -- thin light lines of data, shrunk to 1-2 px, at the red ink's position (0.93)
#: over the sand -- are taken for the stroke: 2.1 % of its data lost (1.21 % more than
#: 2 px from a stroke), the astronaut's 0.00 %. A known loss (issue 11): the data 2 px
#: beside the strokes is left out (their JPEG blur), the camera's bound is what it is
#: (1.51 % since ``_fringes`` takes the strokes' faint fringes along)
@pytest.mark.parametrize(("name", "high"), [("astronaut", 0.002), ("camera", 0.016)])
def test_shrunk_figure_with_red_text_keeps_its_data(name, high):
    from skimage import data
    from skimage.color import rgb2gray
    from skimage.transform import resize

    image = getattr(data, name)()
    image = rgb2gray(image) if image.ndim == 3 else image / 255.0
    photo = resize(image, (2 * SIZE, 2 * SIZE), anti_aliasing=True)
    photo = (photo - photo.min()) / np.ptp(photo)
    stroke = np.abs(
        _shrunk_figure(photo, "coolwarm", "red").astype(int)
        - _shrunk_figure(photo, "coolwarm", None).astype(int)
    ).max(-1) >= 40  # fmt: skip
    buffer = io.BytesIO()
    Image.fromarray(_shrunk_figure(photo, "coolwarm", "red")).save(buffer, "JPEG", quality=90)
    picture = np.asarray(Image.open(buffer).convert("RGB"))
    values = decolorize(picture, cmap="coolwarm", vmin=0, vmax=1)
    beside = np.zeros_like(stroke)
    for dy in range(-2, 3):
        for dx in range(-2, 3):
            beside |= np.roll(stroke, (dy, dx), axis=(0, 1))
    assert np.isnan(values[~beside]).mean() <= high

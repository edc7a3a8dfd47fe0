"""JPEG'd pictures with off-map content around the data: a figure's margin, frame and ticks.

A figure saved with ``savefig`` as JPEG holds its data inside a white margin with the
axes' frame, ticks and labels: the margin is off the map and must come back NaN, the
data inside the frame must not. The margin is decided early (a fill, ``_fills``): the
stroke searches that follow (``_inked``: an ink's luma peak among the candidates) judge
only what is left, and the margin's white is no ink's peak (issue 11, trial41: each
call took seconds because the margin looked like an ink to try seven times).
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from tests.color._photographs import fbm, pillow_jpeg
from truepix import decolorize
from truepix.color._decolorize import _inked


def _figure(quality: int) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """An ``imshow`` of viridis terrain with its frame, ticks and tick labels on a white
    figure (half of it margin), saved by matplotlib as JPEG; and the plot area's
    (top, bottom, left, right) in pixels."""
    figure = Figure(figsize=(4.0, 3.0), dpi=100)
    axes = figure.add_axes((0.2, 0.2, 0.6, 0.6))
    axes.imshow(fbm(128, seed=11), cmap="viridis", vmin=0.0, vmax=1.0, aspect="auto",
                interpolation="nearest")  # fmt: skip
    axes.set_xlabel("x (km)")
    axes.set_ylabel("y (km)")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="jpeg", pil_kwargs={"quality": quality})
    picture = np.asarray(Image.open(buffer).convert("RGB"))
    height = picture.shape[0]
    box = axes.get_window_extent()
    top, bottom = int(np.ceil(height - box.y1)), int(np.floor(height - box.y0))
    return picture, (top, bottom, int(np.ceil(box.x0)), int(np.floor(box.x1)))


@pytest.mark.parametrize("quality", [75, 90])
def test_a_jpeg_figure_keeps_its_data_and_loses_its_margin(quality: int) -> None:
    picture, (top, bottom, left, right) = _figure(quality)
    values = decolorize(picture, cmap="viridis", vmin=0.0, vmax=1.0)
    holes = np.isnan(values)
    inside = np.zeros(holes.shape, dtype=bool)
    inside[top + 3 : bottom - 3, left + 3 : right - 3] = True  # (3 px in from the frame)
    outside = np.ones(holes.shape, dtype=bool)
    outside[top - 3 : bottom + 3, left - 3 : right + 3] = False
    assert holes[inside].mean() <= 0.005
    assert holes[outside].mean() >= 0.99  # (margin, tick labels, axis labels)


def test_a_white_margin_is_no_ink(monkeypatch: pytest.MonkeyPatch) -> None:
    # viridis terrain pasted inside a wide white margin (half the picture), JPEG q85:
    # the margin is flagged, the data is not, and no stroke is looked for in the margin's
    # white: a fill is decided before the stroke rules, no candidate nor evidence.
    field = fbm(256, seed=11)
    rgb = np.full((362, 362, 3), 255, dtype=np.uint8)
    from matplotlib import colormaps

    rgb[53:309, 53:309] = colormaps["viridis"](field, bytes=True)[..., :3]
    picture = pillow_jpeg(rgb, 85)
    tried: list[int] = []
    claimed = _inked._claimed

    def counting(*args: np.ndarray) -> np.ndarray:
        # (the margin's pixels judged: none, whatever ink the edges' ringing suggests)
        also = args[6] if len(args) > 6 else None
        if also is not None:
            tried.append(int(np.count_nonzero(also & margin.ravel())))
        return claimed(*args)

    margin = np.ones(picture.shape[:2], dtype=bool)
    margin[53:309, 53:309] = False
    monkeypatch.setattr(_inked, "_claimed", counting)
    values = decolorize(picture, cmap="viridis", vmin=0.0, vmax=1.0)
    holes = np.isnan(values)
    assert holes[margin].mean() >= 0.99
    assert holes[56:306, 56:306].mean() <= 0.002
    assert not any(tried)
    error = np.abs(values[56:306, 56:306] - field[3:253, 3:253])
    assert np.nanmean(error) <= 0.01


def _noisy_figure(cmap: str, seed: int) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """A 120 x 150 noisy field drawn by ``imshow(interpolation="bilinear")`` with a
    colorbar (6.4 x 4.8 in, 100 dpi), saved by matplotlib as JPEG q75; and the plot
    area's (top, bottom, left, right) in pixels."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:120, 0:150] / 150
    field = np.sin(5 * x) * np.cos(3 * y) + 0.4 * rng.normal(size=(120, 150))
    field = (field - field.min()) / (field.max() - field.min())
    figure = Figure(figsize=(6.4, 4.8), dpi=100)
    axes = figure.add_subplot()
    image = axes.imshow(field, cmap=cmap, vmin=0.0, vmax=1.0, interpolation="bilinear")
    figure.colorbar(image, ax=axes)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="jpeg", pil_kwargs={"quality": 75})
    picture = np.asarray(Image.open(buffer).convert("RGB"))
    box = axes.get_window_extent()
    height = picture.shape[0]
    top, bottom = int(np.ceil(height - box.y1)), int(np.floor(height - box.y0))
    return picture, (top, bottom, int(np.ceil(box.x0)), int(np.floor(box.x1)))


@pytest.mark.parametrize(("cmap", "seed"), [("jet", 1), ("turbo", 3)])
def test_a_frame_flags_no_data_beside_it(cmap: str, seed: int) -> None:
    # The frame's black, JPEG'd beside a resampled noisy field, rings into the data; its
    # cores (beyond the map's luma) lie in the margin's ring (``_margins.inner_groups``):
    # they keep no blend out of the data, show no ink drawn over it (``_lines``) and
    # leave no data core near them standing (``_alone``). The plot area cut out alone
    # had no hole; here the figure had 0.55 % (jet) and 0.25 % (turbo), now 0.01 % at most.
    picture, (top, bottom, left, right) = _noisy_figure(cmap, seed)
    holes = np.isnan(decolorize(picture, cmap=cmap, vmin=0.0, vmax=1.0))
    inside = np.zeros(holes.shape, dtype=bool)
    inside[top + 3 : bottom - 3, left + 3 : right - 3] = True  # (3 px in from the frame)
    outside = np.ones(holes.shape, dtype=bool)
    outside[top - 3 : bottom + 3, left - 3 : right + 3] = False
    assert holes[inside].mean() < 0.002
    assert holes[outside].mean() >= 0.9  # (margin, ticks, labels; the colorbar is data)

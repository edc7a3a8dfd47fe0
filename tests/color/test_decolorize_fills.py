"""Flat fills: a heatmap figure's white margin is no data.

The figures are matplotlib ``imshow`` figures saved by ``savefig`` as PNG (and that
PNG saved by Pillow as JPEG q75), of a known field resampled onto the axes (more data
than pixels: imshow's antialiasing blends them). RdBu, PiYG and BrBG have a middle near
white (247 DN a channel, 14 DN from white): the margin lay within the threshold of
the picture's noise, which its own pixels had made (RdBu PNG: 0.64 DN, 18.8 DN),
and decoded as the map's middle.
"""

from __future__ import annotations

import functools
import io

import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image
from scipy.ndimage import gaussian_filter

from truepix import Decolorizer, decolorize
from truepix.color._decolorize._fills import color_box, fill_boxes, fill_colors, fill_pixels

mpl.use("Agg")

DIVERGING = ["RdBu", "RdBu_r", "PiYG", "BrBG"]


def _field(shape: tuple[int, int]) -> np.ndarray:
    rng = np.random.default_rng(7)
    field = gaussian_filter(rng.normal(size=shape), 4)
    return (field - field.min()) / (field.max() - field.min())


@functools.cache
def _drawn(
    cmap: str, size: tuple[float, float], shape: tuple[int, int]
) -> tuple[np.ndarray, tuple[float, float, float, float]]:
    """:func:`_figure`'s PNG (read-only) and its axes' box (x0, y0, x1, y1), drawn once a
    module for the PNG and the JPEG tests."""
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=size, dpi=100)
    ax = fig.add_axes((0.12, 0.12, 0.76, 0.76))
    ax.imshow(_field(shape), cmap=cmap, vmin=0.0, vmax=1.0, aspect="auto")
    fig.canvas.draw()
    box = ax.get_window_extent()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    png = np.asarray(Image.open(buffer).convert("RGB"))
    png.setflags(write=False)
    return png, (box.x0, box.y0, box.x1, box.y1)


def _figure(
    cmap: str, fmt: str, size: tuple[float, float] = (4, 3), shape: tuple[int, int] = (200, 300)
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A savefig'd figure of a field; its white margin (8 pixels away from the axes),
    the axes' inside 3 pixels in, and the field there (nearest cell)."""
    png, box = _drawn(cmap, size, shape)
    picture = png
    if fmt == "jpeg":
        out = io.BytesIO()
        Image.fromarray(png).save(out, format="JPEG", quality=75)
        picture = np.asarray(Image.open(out).convert("RGB"))
    field = _field(shape)
    height, width = png.shape[:2]
    x0, y0, x1, y1 = box
    top, bottom = height - round(y1), height - round(y0)
    left, right = round(x0), round(x1)
    margin = np.ones((height, width), dtype=bool)
    margin[max(0, top - 8) : bottom + 8, max(0, left - 8) : right + 8] = False
    margin &= (png == 255).all(axis=-1)
    inside = np.zeros((height, width), dtype=bool)
    inside[top + 3 : bottom - 3, left + 3 : right - 3] = True
    rows = ((np.arange(height) - top + 0.5) * shape[0] / (bottom - top)).astype(int)
    cols = ((np.arange(width) - left + 0.5) * shape[1] / (right - left)).astype(int)
    truth = field[rows.clip(0, shape[0] - 1)][:, cols.clip(0, shape[1] - 1)]
    return picture, margin, inside, truth


@pytest.mark.parametrize("cmap", DIVERGING)
def test_png_figure_margin_is_flagged(cmap: str) -> None:
    picture, margin, inside, truth = _figure(cmap, "png")
    result = Decolorizer(cmap, vmin=0.0, vmax=1.0).decode(picture)
    assert np.isfinite(result.values[margin]).mean() == 0.0
    assert result.noise < 0.5  # the margin no longer makes the noise (0.64 DN)
    assert result.threshold < 17.0  # (18.8 DN)
    # the data keep their values: the field at the nearest cell, imshow's blends aside
    assert np.isnan(result.values[inside]).mean() <= 0.001
    error = np.abs(result.values - truth)[inside]
    assert np.nanmedian(error) <= 0.01
    assert np.nanpercentile(error, 99) <= 0.05


@pytest.mark.parametrize("cmap", DIVERGING)
@pytest.mark.parametrize("size", [(4, 3), (2.5, 2.5)])
def test_jpeg_figure_margin_is_flagged(cmap: str, size: tuple[float, float]) -> None:
    """0.996-0.999 of the margin decoded as data before; now only ringing next to
    the axes and text farther than 4 DN from white (0.03-0.035)."""
    picture, margin, inside, truth = _figure(cmap, "jpeg", size)
    values = Decolorizer(cmap, vmin=0.0, vmax=1.0).values(picture)
    assert np.isfinite(values[margin]).mean() <= 0.05
    assert np.isnan(values[inside]).mean() <= 0.001
    error = np.abs(values - truth)[inside]
    assert np.nanmedian(error) <= 0.01
    assert np.nanpercentile(error, 99) <= 0.06


def test_one_call_flags_the_margin_too() -> None:
    picture, margin, inside, _ = _figure("RdBu", "png")
    values = decolorize(picture, cmap="RdBu", vmin=0.0, vmax=1.0)
    assert np.isnan(values[margin]).all()
    assert not np.isnan(values[inside]).any()


def test_given_threshold_is_respected() -> None:
    """White is 14 DN from RdBu's middle: a caller's threshold of 20 keeps it."""
    picture, margin, _, _ = _figure("RdBu", "png")
    values = Decolorizer("RdBu", vmin=0.0, vmax=1.0, threshold=20.0).values(picture)
    assert np.isfinite(values[margin]).all()
    assert abs(np.median(values[margin]) - 0.5) <= 0.01  # the middle's color


def test_fills_are_colors_outside_the_map() -> None:
    """White over a share of the pixels outside RdBu's box is a fill; the map's own
    colors never are, however many pixels hold them, nor a color held by few."""
    lut = mpl.colormaps["RdBu"](np.linspace(0, 1, 256), bytes=True)[:, :3]
    bounds = color_box(lut)
    data = np.repeat(lut[::8], 100, axis=0)  # 32 colors, 100 pixels each
    white = np.full((200, 3), 255, np.uint8)
    gray = np.full((20, 3), 128, np.uint8)  # on no map, but 20 pixels: no fill
    flat = np.concatenate([data, white, gray])
    fills = fill_colors(flat, 1.0, bounds)
    assert fills.tolist() == [[255, 255, 255]]
    assert len(fill_colors(data, 1.0, bounds)) == 0
    # its pixels: within 4 DN a channel (JPEG's ringing), none nearer the box than 4 DN
    # (RdBu's lightest green and blue: 246; white is 9 DN outside)
    boxes = fill_boxes(fills, 1.0, bounds)
    assert boxes.tolist() == [[[251, 251, 251], [255, 255, 255]]]
    assert np.array_equal(fill_pixels(flat, boxes), (flat == 255).all(axis=1))
    ringing = np.array([[251, 253, 255], [250, 255, 255], [247, 247, 247]], np.uint8)
    assert fill_pixels(ringing, boxes).tolist() == [True, False, False]


@pytest.mark.parametrize("dtype", [np.uint8, np.int8, np.uint16, np.int16])
def test_fill_pixels_equals_numpys_box_test(dtype) -> None:
    """fill_pixels' kernel (a bit table per channel for up to 64 boxes, box by box past
    its reach or beyond 64 boxes) against numpy's box test, negative values and 0-69
    boxes included."""
    rng = np.random.default_rng(0)
    info = np.iinfo(dtype)
    for count in (0, 1, 2, 7, 64, 65, 69):
        low = rng.integers(max(info.min, -50), min(info.max, 300), size=(count, 3))
        boxes = np.stack([low, low + rng.integers(0, 60, size=(count, 3))], axis=1)
        flat = rng.integers(max(info.min, -60), min(info.max, 320), size=(3000, 3)).astype(dtype)
        inside = (flat[:, None] >= boxes[None, :, 0]) & (flat[:, None] <= boxes[None, :, 1])
        assert np.array_equal(fill_pixels(flat, boxes), inside.all(axis=-1).any(axis=-1)), count


def test_figure_on_other_maps_keeps_its_numbers() -> None:
    """viridis's margin is far from the map (flagged before); the rule changes nothing."""
    picture, margin, inside, truth = _figure("viridis", "png")
    values = Decolorizer("viridis", vmin=0.0, vmax=1.0).values(picture)
    assert np.isnan(values[margin]).all()
    assert np.nanmedian(np.abs(values - truth)[inside]) <= 0.01


@functools.cache
def _axes_drawn(cmap: str, axis: bool) -> tuple[np.ndarray, list]:
    """:func:`_axes_figure`'s PNG as RGB (read-only) and its axes' and bar's boxes, drawn
    once a module for every quality."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
    image = ax.imshow(_field((40, 60)), cmap=cmap, vmin=0.0, vmax=1.0, aspect="auto")
    bar = fig.colorbar(image)
    ax.set_title(f"{cmap} field")
    ax.set_xlabel("x [km]")
    ax.set_ylabel("y [km]")
    if not axis:
        ax.axis("off")
    fig.canvas.draw()
    boxes = [a.get_window_extent() for a in (ax, bar.ax)]
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    png = np.asarray(Image.open(buffer).convert("RGB"))
    png.setflags(write=False)
    return png, boxes


def _axes_figure(cmap: str, quality: int, *, axis: bool = True) -> tuple[np.ndarray, ...]:
    """plt.subplots' figure (title, labels, ticks, colorbar) of a 40x60 field, JPEG'd:
    the picture, its margin (3 pixels past the axes and the bar) and the axes' inside
    (3 pixels in), the boxes matplotlib drew them in."""
    png, boxes = _axes_drawn(cmap, axis)
    out = io.BytesIO()
    Image.fromarray(png).save(out, format="JPEG", quality=quality)
    picture = np.asarray(Image.open(out).convert("RGB"))
    height, width = picture.shape[:2]
    rows, cols = np.mgrid[0:height, 0:width]

    def within(box: object, pad: float) -> np.ndarray:
        top, bottom = height - box.y1 - pad, height - box.y0 + pad  # type: ignore[attr-defined]
        left, right = box.x0 - pad, box.x1 + pad  # type: ignore[attr-defined]
        return (cols >= left) & (cols < right) & (rows >= top) & (rows < bottom)

    margin = ~within(boxes[0], 3) & ~within(boxes[1], 3)
    return picture, margin, within(boxes[0], -3)


@pytest.mark.parametrize("cmap", ["RdBu", "PiYG", "BrBG"])
@pytest.mark.parametrize("quality", [90, 75])
def test_jpeg_figure_halo_is_flagged(cmap: str, quality: int) -> None:
    """JPEG's ringing around the text and spines (246-247 DN, on the map's middle):
    2.8-6.2 % of the margin decoded as data before, now 0-0.7 % (RdBu q75: ringing
    joined to a block without fill pixels), none of the plot's pixels lost."""
    picture, margin, inside = _axes_figure(cmap, quality)
    values = decolorize(picture, cmap=cmap, vmin=0.0, vmax=1.0)
    assert np.isfinite(values[margin]).mean() <= 0.01
    assert np.isnan(values[inside]).mean() <= 0.001


@pytest.mark.parametrize("cmap", ["RdBu", "BrBG"])
def test_jpeg_figure_without_spines_keeps_its_data(cmap: str) -> None:
    """With the axis off the data's near-white touches the margin: a region that
    reaches past the fill's blocks is data, kept (0.3-0.4 % of the plot lost else);
    the margin: 3.1-3.6 % decoded as data before, 0.1-0.8 % now."""
    picture, margin, inside = _axes_figure(cmap, 75, axis=False)
    values = decolorize(picture, cmap=cmap, vmin=0.0, vmax=1.0)
    assert np.isnan(values[inside]).mean() <= 0.001
    assert np.isfinite(values[margin]).mean() <= 0.02


def test_halo_pixels_stop_at_a_dark_line() -> None:
    """Near-white pixels in the fill's blocks joined to it are its halo; the same
    color across a dark line, or in a region reaching past the fill's blocks, is not."""
    from truepix.color._decolorize._fills import halo_pixels

    pixels = np.full((16, 32, 3), 255, np.uint8)
    pixels[:, 12] = 0  # a spine: the fill left of it, data right of it
    pixels[:, 13:] = 247  # the map's middle
    pixels[2, 9:12] = 246  # ringing next to the spine
    pixels[12, 3] = 240  # ... and a halo pixel farther off
    fills = np.array([[[251, 251, 251], [255, 255, 255]]], np.uint8)
    fill = fill_pixels(pixels, fills)
    decoded = ~fill & (pixels[..., 0] > 0)
    halo = halo_pixels(pixels, fill, fills, decoded)
    expected = np.zeros((16, 32), dtype=bool)
    expected[2, 9:12] = expected[12, 3] = True
    assert np.array_equal(halo, expected)
    # without the spine the map's middle reaches blocks without fill: kept
    pixels[:, 12] = 247
    fill = fill_pixels(pixels, fills)
    halo = halo_pixels(pixels, fill, fills, ~fill)
    assert not halo[:, 12:].any()


Contoured = tuple[np.ndarray, tuple, np.ndarray, np.ndarray, np.ndarray]


def _contour_figure(cmap: str) -> Contoured:
    """trial42's figure: imshow of a smooth 256^2 field (nearest, one pixel a cell) with
    5 black contours and a colorbar, savefig JPEG q85; the picture, the plot area's
    slices (2 px in), its data pixels more than 8 px from a stroke, the strokes (the
    PNG's pixels off the map) and the field there."""
    import matplotlib.pyplot as plt
    from scipy.ndimage import distance_transform_edt

    field = gaussian_filter(np.random.default_rng(3).normal(size=(256, 256)), 24)
    field = (field - field.min()) / (field.max() - field.min())
    fig = plt.figure(figsize=(6.4, 4.8), dpi=100)
    ax = fig.add_axes((80 / 640, 60 / 480, 256 / 640, 256 / 480))
    image = ax.imshow(field, cmap=cmap, vmin=0.0, vmax=1.0, interpolation="nearest")
    ax.contour(field, levels=5, colors="k", linewidths=0.8)
    fig.colorbar(image, cax=fig.add_axes((356 / 640, 60 / 480, 15 / 640, 256 / 480)))
    pictures = []
    for fmt, kwargs in (("png", {}), ("jpeg", {"pil_kwargs": {"quality": 85}})):
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, dpi=100, **kwargs)
        pictures.append(np.asarray(Image.open(buffer).convert("RGB")))
    plt.close(fig)
    png, jpeg = pictures
    area = (slice(480 - 316 + 2, 480 - 60 - 2), slice(82, 334))
    lut = mpl.colormaps[cmap](np.arange(256), bytes=True)[:, :3].astype(float)
    colors = png[area].reshape(-1, 1, 3).astype(float)
    stroke = (np.abs(colors - lut[None]).max(axis=-1).min(axis=-1) > 3).reshape(252, 252)
    far = distance_transform_edt(~stroke) > 8
    return jpeg, area, far, stroke, field[2:-2, 2:-2]


@pytest.mark.parametrize("cmap", ["jet", "turbo"])
def test_margin_inside_the_maps_box_is_a_fill(cmap: str) -> None:
    """jet's and turbo's box of colors holds white: the margin is a fill by its distance
    to the map's colors (FILL_FAR). It was candidates to every rule: the data 8+ px from
    the contours lost 0.5-0.6 % (trial42 item 5), the white taken for a stroke's ink."""
    jpeg, area, far, stroke, truth = _contour_figure(cmap)
    values = decolorize(jpeg, cmap=cmap, vmin=0.0, vmax=1.0)
    assert np.isnan(values[area][far]).mean() <= 0.001  # (0.49-0.55 % before)
    # the strokes stay flagged (89 %, as viridis'), what is left of them is their faint
    # edge, within 5 % of the field (silently wrong: 2.0-2.2 % before, 0.1-0.5 %)
    assert np.isnan(values[area][stroke]).mean() >= 0.85
    assert (np.abs(values[area] - truth)[stroke] > 0.05).mean() <= 0.01
    height, width = jpeg.shape[:2]
    margin = np.ones((height, width), dtype=bool)
    margin[480 - 316 - 8 : 480 - 60 + 8, 80 - 8 : 371 + 8] = False
    assert np.isnan(values[margin]).mean() >= 0.99
    flat = jpeg.reshape(-1, 3)
    bounds = color_box(mpl.colormaps[cmap](np.arange(256), bytes=True))
    assert len(fill_colors(flat, 1.0, bounds)) == 0  # (by the box alone: none)


def test_fill_colors_from_codes_match_numpys() -> None:
    """A uint8 sample with its codes takes one jitted pass: the fills and their
    residuals are numpy's (a strided copy of the same pixels takes numpy's way)."""
    rng = np.random.default_rng(12)
    lut = mpl.colormaps["RdBu"](np.linspace(0, 1, 256), bytes=True)[:, :3]
    bounds = color_box(lut)
    found = 0
    for trial in range(40):
        n = int(rng.integers(1000, 120_000))
        flat = lut[rng.integers(0, 256, n)]
        for color in rng.integers(0, 256, (int(rng.integers(0, 3)), 3)):
            flat[rng.random(n) < 0.05] = color  # a fill, or a color within the box
        codes = rng.integers(0, 1 << 32, n, dtype=np.uint64).astype(np.uint32)
        codes >>= np.uint32(trial % 8)  # (residuals from far past FILL_FAR to none)
        wide = np.zeros((n, 4), np.uint8)
        wide[:, :3] = flat
        got = fill_colors(flat, 1.0, bounds, distances=True, codes=codes)
        want = fill_colors(wide[:, :3], 1.0, bounds, distances=True, codes=codes)
        found += len(want[0]) > 0
        for have, expected in zip(got, want, strict=True):
            assert have.dtype == expected.dtype
            np.testing.assert_array_equal(have, expected)
    assert found >= 5

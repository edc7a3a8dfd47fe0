"""find_colorbar on real matplotlib figures (Agg), checked against the figure's own geometry."""

from __future__ import annotations

import functools

import matplotlib
import numpy as np
import pytest

import truepix as tp
from truepix.color._catalog import get

matplotlib.use("Agg")
import matplotlib.pyplot as plt

CMAPS = [
    "viridis",
    "jet",
    "gray",
    "RdBu_r",
    "twilight",
    "magma",
    "turbo",
    "coolwarm",
    "terrain",
    "bwr",
    "cividis",
    "Spectral",
]
DPIS = [72, 100, 150, 120, 90]


@functools.cache  # the exact and JPEG sweeps read the same 60 figures
def _figure(seed: int) -> tuple[np.ndarray, tuple[float, float, float, float], str, str]:
    """An imshow + colorbar figure with title, labels and ticks; the bar's true box (read-only)."""
    rng = np.random.default_rng(seed)
    cmap, orientation = CMAPS[seed % len(CMAPS)], ("vertical", "horizontal")[seed % 2]
    ny, nx = rng.integers(20, 200, 2)
    yy, xx = np.mgrid[0:ny, 0:nx]
    data = np.sin(xx / rng.uniform(3, 30)) * np.cos(yy / rng.uniform(3, 30))
    data += rng.normal(0, 0.1, (ny, nx))
    fig, ax = plt.subplots(figsize=(rng.uniform(4, 8), rng.uniform(3, 6)), dpi=DPIS[seed % 5])
    image = ax.imshow(
        data,
        cmap=cmap,
        vmin=-1.2,
        vmax=1.2,
        interpolation=str(rng.choice(["nearest", "bilinear", "antialiased"])),
    )
    ax.set_title(f"field {seed}")
    ax.set_xlabel("x [px]")
    ax.set_ylabel("y [px]")
    bar = fig.colorbar(image, ax=ax, orientation=orientation)
    bar.set_label("value")
    fig.canvas.draw()
    pixels = np.asarray(fig.canvas.buffer_rgba()).copy()
    extent = bar.ax.get_window_extent()
    height = pixels.shape[0]
    plt.close(fig)
    pixels.setflags(write=False)
    return pixels, (extent.x0, height - extent.y1, extent.x1, height - extent.y0), orientation, cmap


@functools.cache  # the sweeps and the single-figure tests find the same bars
def _bar(seed: int, quality: int | None = None) -> tp.Colorbar | None:
    """find_colorbar on figure ``seed``, exact or JPEG'd at ``quality`` (Colorbar is frozen)."""
    pixels = _figure(seed)[0]
    return tp.find_colorbar(pixels if quality is None else _jpeg(pixels, quality))


def _iou(a, b) -> float:
    left, top = max(a[0], b[0]), max(a[1], b[1])
    right, bottom = min(a[2], b[2]), min(a[3], b[3])
    inter = max(0.0, right - left) * max(0.0, bottom - top)
    area = lambda box: (box[2] - box[0]) * (box[3] - box[1])  # noqa: E731
    return inter / (area(a) + area(b) - inter)


def _color_errors(bar: tp.Colorbar, cmap: str) -> np.ndarray:
    """Distance (max over channels, DN) of each found color to the nearest color of the map."""
    lut = get(cmap).lut_bytes[:, :3].astype(np.int16)
    return np.abs(bar.colors.astype(np.int16)[:, None] - lut[None]).max(axis=2).min(axis=1)


def _check(seed: int) -> tuple[bool, bool]:
    _, truth, orientation, cmap = _figure(seed)
    bar = _bar(seed)
    if bar is None:
        return False, False
    found = bar.orientation == orientation and _iou(bar.bbox, truth) >= 0.8
    return found, bool(_color_errors(bar, cmap).max() <= 3)


@pytest.mark.parametrize("seed", range(6))
def test_figures(seed: int) -> None:
    _, truth, orientation, cmap = _figure(seed)
    bar = _bar(seed)
    assert bar is not None
    assert bar.orientation == orientation
    assert _iou(bar.bbox, truth) >= 0.8
    errors = _color_errors(bar, cmap)
    assert np.percentile(errors, 99) <= 3  # the ends may touch the antialiased outline
    # low to high: the first color is the map's low end
    lut = get(cmap).lut_bytes[:, :3].astype(np.int16)
    assert np.abs(bar.colors[:3].astype(np.int16) - lut[0]).max(axis=1).min() <= 12


@pytest.mark.slow
def test_figure_sweep() -> None:
    results = np.array([_check(seed) for seed in range(60)])
    found, colors = results.mean(axis=0)
    assert found >= 0.95
    assert colors >= 0.9


def _jpeg(pixels: np.ndarray, quality: int) -> np.ndarray:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(pixels[..., :3]).save(buffer, format="JPEG", quality=quality)  # 4:2:0
    return np.asarray(Image.open(buffer).convert("RGB"))


@pytest.mark.parametrize("quality", [90, 75])
@pytest.mark.parametrize("seed", [0, 5, 8, 13])
def test_jpeg_figures(seed: int, quality: int) -> None:
    """A JPEG'd figure's bar: rows no longer one color, found all the same."""
    _, truth, orientation, cmap = _figure(seed)
    exact = _bar(seed)
    assert exact is not None and exact.exact
    bar = _bar(seed, quality)
    assert bar is not None and not bar.exact
    assert bar.orientation == orientation
    assert _iou(bar.bbox, truth) >= 0.8
    assert np.percentile(_color_errors(bar, cmap), 95) <= 6
    assert "exact=False" in repr(bar)


@pytest.mark.slow
@pytest.mark.parametrize("quality", [90, 75])
def test_jpeg_figure_sweep(quality: int) -> None:
    found = 0
    for seed in range(60):
        _, truth, orientation, _ = _figure(seed)
        bar = _bar(seed, quality)
        found += bar is not None and bar.orientation == orientation and _iou(bar.bbox, truth) >= 0.8
    assert found >= 57  # 95 %


def _heatmap_figure(seed: int) -> tuple[np.ndarray, np.ndarray, str, np.ndarray, np.ndarray]:
    """imshow (nearest) of a smooth field + colorbar; the rows and columns of the picture
    at the data cells' centers."""
    rng = np.random.default_rng(seed)
    cmap = ["viridis", "jet", "magma", "turbo", "coolwarm", "cividis"][seed % 6]
    ny, nx = 24, 32
    yy, xx = np.mgrid[0:ny, 0:nx]
    data = np.sin(xx / rng.uniform(4, 12) + rng.uniform(0, 6)) * np.cos(yy / rng.uniform(4, 12))
    fig, ax = plt.subplots(figsize=(6, 4), dpi=(72, 100, 150)[seed % 3])
    image = ax.imshow(data, cmap=cmap, vmin=-1, vmax=1, interpolation="nearest")
    ax.set_title("field")
    fig.colorbar(image, ax=ax, orientation=("vertical", "horizontal")[seed % 2])
    fig.canvas.draw()
    pixels = np.asarray(fig.canvas.buffer_rgba())[..., :3].copy()
    box = ax.get_window_extent()
    plt.close(fig)
    top, bottom = pixels.shape[0] - box.y1, pixels.shape[0] - box.y0
    rows = np.rint(top + (np.arange(ny) + 0.5) * (bottom - top) / ny).astype(int)
    columns = np.rint(box.x0 + (np.arange(nx) + 0.5) * (box.x1 - box.x0) / nx).astype(int)
    return pixels, data, cmap, rows, columns


@pytest.mark.parametrize("seed", range(6))
def test_decolorizing_a_jpeg_figure_with_its_found_bar(seed: int) -> None:
    """The found bar of a JPEG'd figure stands for its catalog map: the data come back
    as well as with the map named by hand."""
    pixels, data, cmap, rows, columns = _heatmap_figure(seed)
    picture = _jpeg(pixels, 75)
    bar = tp.find_colorbar(picture)
    assert bar is not None and not bar.exact
    cells = np.ix_(rows, columns)
    known = tp.decolorize(picture, cmap=cmap, vmin=-1, vmax=1, threshold=np.inf)[cells]
    found = tp.decolorize(picture, cmap=bar, vmin=-1, vmax=1, threshold=np.inf)[cells]
    assert np.abs(found - data).mean() <= 1.3 * np.abs(known - data).mean()


@pytest.mark.parametrize("orientation", ["vertical", "horizontal"])
def test_synthetic_bar_exact(orientation: str) -> None:
    """A bar painted by colorize (no outline): exact box and colors, low first."""
    picture = np.full((300, 260, 3), 255, np.uint8)
    ramp = tp.colorize((np.arange(256) + 0.5) / 256, cmap="turbo", vmin=0, vmax=1)[:, :3]
    if orientation == "vertical":
        picture[20:276, 200:215] = ramp[::-1, None]
        box = (200, 20, 215, 276)
    else:
        picture[250:262, 2:258] = ramp[None, :]
        box = (2, 250, 258, 262)
    picture[100:140, 20:60] = (10, 200, 30)  # something else in the picture
    bar = tp.find_colorbar(picture)
    assert bar is not None
    assert bar.orientation == orientation and bar.bbox == box
    np.testing.assert_array_equal(bar.colors, ramp)


def test_float_and_uint8_agree() -> None:
    pixels, *_ = _figure(3)
    a, b = _bar(3), tp.find_colorbar(pixels / 255.0)
    assert a is not None and b is not None
    assert a.bbox == b.bbox
    np.testing.assert_array_equal(a.colors, b.colors)


def test_no_colorbar() -> None:
    rng = np.random.default_rng(0)
    assert tp.find_colorbar(np.full((100, 100, 3), 255, np.uint8)) is None
    assert tp.find_colorbar(rng.integers(0, 256, (120, 90, 3), dtype=np.uint8)) is None
    # a blocky picture (imshow of a small array) has flat columns but abrupt steps
    blocks = tp.colorize(rng.uniform(size=(6, 6)), cmap="viridis").repeat(30, 0).repeat(30, 1)
    assert tp.find_colorbar(blocks) is None


def test_colorbar_validation() -> None:
    with pytest.raises(ValueError, match="orientation"):
        tp.Colorbar((0, 0, 1, 1), "diagonal", np.zeros((2, 3), np.uint8))
    bar = tp.Colorbar((1, 2, 11, 102), "vertical", np.zeros((100, 3)))
    assert bar.colors.dtype == np.uint8 and not bar.colors.flags.writeable
    assert (bar.length, bar.width) == (100, 10)


@pytest.mark.parametrize("seed", [0, 1, 3, 8])
def test_a_found_bar_stands_for_its_catalog_map(seed: int) -> None:
    from truepix.color._catalog import resolve

    cmap = _figure(seed)[3]
    bar = _bar(seed)
    assert bar is not None
    entry = resolve(bar)
    expected = get(cmap)
    # the same table (an identical alias may name it), drawn the same way round
    assert np.array_equal(entry.lut_bytes, expected.lut_bytes) or (
        np.abs(entry.lut_bytes.astype(int) - expected.lut_bytes).max() <= 1
    )


def test_a_bar_of_an_unknown_map_keeps_its_colors() -> None:
    from matplotlib.colors import ListedColormap

    from truepix.color._catalog import resolve

    rng = np.random.default_rng(5)
    smooth = np.cumsum(rng.normal(0, 0.02, (256, 3)), axis=0)
    colors = (smooth - smooth.min(axis=0)) / np.ptp(smooth, axis=0)
    fig = plt.figure(figsize=(5, 4), dpi=100)
    ax = fig.add_subplot()
    fig.colorbar(ax.imshow(rng.normal(size=(9, 9)), cmap=ListedColormap(colors)), ax=ax)
    fig.canvas.draw()
    pixels = np.asarray(fig.canvas.buffer_rgba()).copy()
    plt.close(fig)
    bar = tp.find_colorbar(pixels)
    assert bar is not None
    entry = resolve(bar)
    assert entry.source == "array"
    np.testing.assert_array_equal(entry.lut_bytes[:, :3], bar.colors)


def test_column_median_is_the_median_of_five_rows() -> None:
    from truepix.color._identify._scan import _column_median

    rng = np.random.default_rng(3)
    for _ in range(50):
        values = rng.integers(0, 6, (int(rng.integers(1, 12)), 7))
        padded = np.pad(values, ((2, 2), (0, 0)), mode="edge")
        five = np.stack([padded[k : k + len(values)] for k in range(5)])
        np.testing.assert_array_equal(_column_median(values), np.median(five, axis=0))

"""JPEG's chroma bleed beside colored strokes on a gray map is data (``_bleed``).

A gray ``imshow`` figure with red contours and text, saved as JPEG q75 (4:2:0): the
strokes' chroma spreads over their 16x16 MCUs while the luma there stays the field's.
The strokes are found by drawing the same figure without them (PNG, pixel for pixel).
"""

from __future__ import annotations

import io

import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image
from scipy import ndimage

from truepix import Decolorizer

mpl.use("Agg")


def _terrain(n: int = 256, seed: int = 11) -> np.ndarray:
    """A seeded fBm surface (spectral slope 3), metres."""
    rng = np.random.default_rng(seed)
    kx, ky = np.fft.fftfreq(n)[:, None], np.fft.fftfreq(n)[None, :]
    k = np.hypot(kx, ky)
    k[0, 0] = 1.0
    spectrum = (rng.normal(size=(n, n)) + 1j * rng.normal(size=(n, n))) / k**1.5
    spectrum[0, 0] = 0.0
    field = np.fft.ifft2(spectrum).real
    return (field - field.min()) / np.ptp(field) * 3000.0 + 200.0


def _saved(figure, fmt: str) -> np.ndarray:  # type: ignore[no-untyped-def]
    """``figure`` saved by ``savefig`` as PNG or JPEG q75, read back as RGB, closed."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    options = {"pil_kwargs": {"quality": 75}} if fmt == "jpeg" else {}
    figure.savefig(buffer, format=fmt, **options)
    plt.close(figure)
    buffer.seek(0)
    return np.asarray(Image.open(buffer).convert("RGB"))


def _figure(field: np.ndarray, strokes: bool, fmt: str) -> np.ndarray:
    import matplotlib.pyplot as plt

    figure = plt.figure(figsize=(5, 4), dpi=100)
    axes = figure.add_axes((0.1, 0.1, 0.8, 0.8))
    axes.imshow(field, cmap="gray", vmin=field.min(), vmax=field.max())
    if strokes:
        smooth = ndimage.gaussian_filter(field, 4)
        axes.contour(smooth, levels=6, colors="red", linewidths=1.0)
        axes.text(20, 60, "Label 42", color="red", fontsize=16)
    return _saved(figure, fmt)


@pytest.fixture(scope="module")
def figure() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The JPEG'd figure, its field, the strokes' pixels and the plot's data pixels."""
    field = _terrain()
    plain, drawn = _figure(field, False, "png"), _figure(field, True, "png")
    change = np.abs(drawn.astype(int) - plain.astype(int)).max(axis=-1)
    # the plot: the pixels the plain figure paints in the map's grays, off the frame
    gray = (np.ptp(plain.astype(int), axis=-1) == 0) & (plain[..., 0] < 255)
    plot = ndimage.binary_erosion(gray, iterations=3)
    return _figure(field, True, "jpeg"), field, change, plot


def test_bleed_beside_strokes_is_data(figure) -> None:
    """Data pixels 4 px or more from any stroke pixel: 15.4 % NaN before ``_bleed``
    (JPEG's chroma bleed taken for strokes, then their edges grown over it), 0.5 %
    after; the strokes' pixels flagged as before (100 %); the plot 54.3 -> 33.5 %."""
    picture, field, change, plot = figure
    values = Decolorizer("gray", vmin=field.min(), vmax=field.max()).values(picture)
    lost = np.isnan(values)
    stroke = change > 0
    square = np.ones((3, 3), dtype=bool)
    far = plot & ~ndimage.binary_dilation(stroke, square, iterations=3)
    assert far.sum() > 40_000
    assert lost[far].mean() < 0.015
    assert lost[plot & (change > 100)].mean() > 0.99  # the strokes' cores
    assert lost[plot & (change > 20)].mean() > 0.97


def _viridis_figure(
    field: np.ndarray, lines: str | None, fmt: str, cmap: str = "viridis"
) -> np.ndarray:
    import matplotlib.pyplot as plt

    figure = plt.figure(figsize=(5, 4), dpi=100)
    axes = figure.add_axes((0.1, 0.1, 0.8, 0.8))
    axes.imshow(field, cmap=cmap, vmin=0.0, vmax=1.0, aspect="auto")
    if lines is not None:
        axes.contour(field, levels=8, colors=lines, linewidths=1.0)
    axes.set_axis_off()
    return _saved(figure, fmt)


def test_bleed_beside_contours_over_viridis() -> None:
    """Red contour lines (matplotlib, 1 px) over a viridis fBm, JPEG q75: the data
    pixels 2-5 px from the lines keep their luma, the lines' chroma bled over them
    (``_bleed._luma_apart``): NaN 1.79 -> 0.99 % there, 46.5 -> 35.5 % 0-2 px from them,
    22.5 -> 17.1 % over the plot; the lines 98.2 % flagged (98.9 before). The lines are
    the pixels they move more than 12 DN: with ``_smeared``'s wide share (stroke chroma 60
    DN or more from the field's) 97.5 % of them flagged (98.7 before), 95.3 % of every pixel
    they move at all (97.4 before; the faint edge, a few % coverage, reads as data). The data
    within 5 px is answered by its luma-weighted position (``_ringed``): 0.024 (mean)
    from the k-d tree's value on the figure drawn without the lines, as before."""
    from scipy.spatial import cKDTree

    field = _terrain() - 200.0
    field /= field.max()
    plain = _viridis_figure(field, None, "png")
    change = _viridis_figure(field, "red", "png").astype(int) - plain.astype(int)
    stroke = np.abs(change).max(axis=-1) > 0
    # the lines: the pixels they move more than 12 DN (benchmarks/_drawn_annotations.py;
    # their faint antialiased edge, 1-12 DN, is neither line nor data)
    line = np.sqrt((change.astype(float) ** 2).sum(axis=-1)) > 12.0
    plot = np.zeros(stroke.shape, dtype=bool)
    plot[40 + 4 : 360 - 4, 50 + 4 : 450 - 4] = True  # (the axes, 4 px in)
    picture = _viridis_figure(field, "red", "jpeg")
    values = Decolorizer("viridis", vmin=0.0, vmax=1.0).values(picture)
    lost = np.isnan(values)
    distance = ndimage.distance_transform_edt(~stroke)
    band = plot & (distance > 2) & (distance <= 5)
    assert band.sum() > 30_000
    assert lost[band].mean() < 0.014  # (1.79 % before)
    assert lost[plot & ~stroke].mean() < 0.20  # (22.5 % before)
    assert lost[plot & line].mean() > 0.97
    table = mpl.colormaps["viridis"](np.linspace(0.0, 1.0, 256))[:, :3] * 255.0
    truth = cKDTree(table).query(plain.reshape(-1, 3).astype(float))[1].reshape(stroke.shape)
    near = plot & ~stroke & (distance <= 5) & ~lost
    assert np.mean(np.abs(values[near] - truth[near] / 255.0)) < 0.03


@pytest.fixture(scope="module")
def gray_contours() -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """Red and cyan contours over a gray fBm (JPEG q75, 4:2:0): the pictures, each
    pixel's change by the lines (PNG) and its distance to the nearest changed one,
    the PNG."""
    field = _terrain() - 200.0
    field /= field.max()
    plain = _viridis_figure(field, None, "png", "gray")
    drawn = {}
    for color in ("red", "cyan"):
        png = _viridis_figure(field, color, "png", "gray")
        change = np.abs(png.astype(int) - plain).max(axis=-1)
        distance = ndimage.distance_transform_edt(change == 0)
        drawn[color] = (_viridis_figure(field, color, "jpeg", "gray"), change, distance, png)
    return drawn


@pytest.mark.parametrize("color", ["red", "cyan"])
def test_gray_map_subsampled_by_its_strokes(gray_contours, color: str) -> None:
    """A gray map has no chroma of its own: 4:2:0's test (the map's chroma against its
    model's) compared two zeros and said "4:4:4", so ``_bleed`` never ran. The strokes'
    chroma tells (``_lattice.strokes_420``): NaN 2-5 px from the lines red 19.3 -> 0.6 %,
    cyan 22.1 -> 0.9 %; 0-2 px 52.6 / 55.4 -> 23.2 / 25.3 %; over the plot 32.7 / 35.1
    -> 11.2 / 12.3 %; the lines' pixels changed 20 DN or more 99.5 -> 98.0 % flagged."""
    picture, change, distance, _ = gray_contours[color]
    lost = np.isnan(Decolorizer("gray", vmin=0.0, vmax=1.0).values(picture))
    plot = np.zeros(lost.shape, dtype=bool)
    plot[40 + 4 : 360 - 4, 50 + 4 : 450 - 4] = True  # (the axes, 4 px in)
    band = plot & (distance > 2) & (distance <= 5)
    assert band.sum() > 30_000
    assert lost[band].mean() < 0.03  # (19-22 % before)
    assert lost[plot & (distance > 0) & (distance <= 2)].mean() < 0.35  # (53-55 %)
    assert lost[plot & (change > 20)].mean() > 0.96
    assert lost[plot & (change > 100)].mean() > 0.99


def test_strokes_420_tells_subsampling(gray_contours) -> None:
    """``strokes_420`` on the cyan-contoured gray figure: libjpeg's upsampling of the
    samples its 2x2 means give back explains its chroma saved 4:2:0 (at any of the
    four 2x2 phases: a crop), not the same figure saved 4:4:4 or 4:2:2 (Pillow, q75),
    nor a gray picture with no chroma to read."""
    from truepix.color._decolorize._lattice import strokes_420

    picture, png = gray_contours["cyan"][0], gray_contours["cyan"][3]
    assert strokes_420(picture, 1.0)
    assert strokes_420(picture[3:, 5:], 1.0)
    assert strokes_420(picture.astype(np.float32) / 255.0, 255.0)
    for subsampling in (0, 1):
        buffer = io.BytesIO()
        Image.fromarray(png).save(buffer, "JPEG", quality=75, subsampling=subsampling)
        assert not strokes_420(np.asarray(Image.open(buffer).convert("RGB")), 1.0)
    gray = np.repeat(picture.mean(axis=-1, keepdims=True), 3, axis=-1).astype(np.uint8)
    assert not strokes_420(gray, 1.0)

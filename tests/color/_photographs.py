"""Pictures as users make them, shared by the decolorize tests: scikit-image's camera
drawn with ``plt.imsave`` and read back with Pillow."""

from __future__ import annotations

import functools
import io
import os
import warnings
from typing import Any

import numpy as np
from PIL import Image


def camera_256() -> np.ndarray:
    """scikit-image's camera, 256^2 (OpenCV area), as 0-255 float32."""
    import cv2
    from skimage import data

    return cv2.resize(data.camera().astype(np.float32), (256, 256), interpolation=cv2.INTER_AREA)


def moon_256() -> np.ndarray:
    """scikit-image's moon, 256^2, in [0, 1] with half a gray level of seeded dither."""
    from skimage import data
    from skimage.transform import resize

    image = resize(data.moon() / 255.0, (256, 256), order=1, anti_aliasing=True)
    dither = np.random.default_rng(4).uniform(-0.5, 0.5, image.shape) / 255.0
    return np.clip(image + dither, 0.0, 1.0)


@functools.cache
def field_256(name: str) -> np.ndarray:
    """scikit-image's camera or matplotlib's DEM (its top-left 256^2), 256^2 in [0, 1]."""
    if name == "camera":
        return camera_256() / 255.0
    import matplotlib

    path = os.path.join(matplotlib.get_data_path(), "sample_data", "jacksboro_fault_dem.npz")
    with np.load(path) as saved:
        field = saved["elevation"][:256, :256].astype(np.float64)
    return (field - field.min()) / (field.max() - field.min())


def fbm(size: int = 256, seed: int = 0) -> np.ndarray:
    """Fractional Brownian terrain (spectral slope 3) in [0, 1], seeded."""
    rng = np.random.default_rng(seed)
    k = np.hypot(np.fft.fftfreq(size)[:, None], np.fft.fftfreq(size)[None, :])
    k[0, 0] = 1.0
    amplitude = k**-1.5
    amplitude[0, 0] = 0.0
    field = np.real(np.fft.ifft2(amplitude * np.exp(2j * np.pi * rng.random((size, size)))))
    return (field - field.min()) / (field.max() - field.min())


def dem(n: int, seed: int) -> np.ndarray:
    """A DEM-like field (power spectrum ~ k^-3.2, complex normal phases), n^2, in [0, 1]
    by its 0.5 / 99.5 percentiles (clipped), seeded."""
    rng = np.random.default_rng(seed)
    ky, kx = np.meshgrid(np.fft.fftfreq(n), np.fft.fftfreq(n), indexing="ij")
    k = np.hypot(kx, ky)
    k[0, 0] = 1.0
    spectrum = (rng.normal(size=(n, n)) + 1j * rng.normal(size=(n, n))) * k**-1.6
    spectrum[0, 0] = 0.0
    field = np.fft.ifft2(spectrum).real
    low, high = np.percentile(field, [0.5, 99.5])
    return np.clip((field - low) / (high - low), 0.0, 1.0)


def bumps(size: int = 192, seed: int = 0) -> np.ndarray:
    """Six seeded Gaussian bumps (widths 0.08-0.3 of the side, heights -1..1), size^2,
    in [0, 1]: a smooth field."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:size, 0:size] / size
    field = np.zeros((size, size))
    for _ in range(6):
        cx, cy = rng.uniform(0, 1), rng.uniform(0, 1)
        sigma, height = rng.uniform(0.08, 0.3), rng.uniform(-1, 1)
        field += height * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * sigma * sigma))
    return (field - field.min()) / (field.max() - field.min())


def blob_field(size: int = 128, seed: int = 3) -> np.ndarray:
    """A seeded random field in [0, 1] with a 1/(0.02 + k)^2 amplitude spectrum: smooth
    blobs a few tens of pixels across."""
    rng = np.random.default_rng(seed)
    k = np.fft.fftfreq(size)
    spectrum = np.fft.fft2(rng.standard_normal((size, size)))
    field = np.real(np.fft.ifft2(spectrum / (0.02 + np.hypot(*np.meshgrid(k, k))) ** 2))
    return (field - field.min()) / (field.max() - field.min())


def few_color_field(name: str, size: int) -> np.ndarray:
    """The discrete-map tests' field, scaled to [0, 1] (``size`` square): scikit-image's
    camera (``"camera"``) or astronaut in gray (``"astronaut"``), or a smooth
    ``sin(6x) cos(5y) + x`` ramp."""
    if name in ("camera", "astronaut"):
        from skimage import data as images
        from skimage.color import rgb2gray
        from skimage.transform import resize

        image = images.camera() / 255.0 if name == "camera" else rgb2gray(images.astronaut())
        field = resize(image, (size, size), anti_aliasing=True)
    else:
        y, x = np.mgrid[0:size, 0:size] / (size - 1.0)
        field = np.sin(6 * x) * np.cos(5 * y) + x
    return (field - field.min()) / np.ptp(field)


def imsave_rgb(field: np.ndarray, cmap: str) -> np.ndarray:
    """``field`` (0-255) drawn with ``plt.imsave(..., vmin=0, vmax=255)``: the PNG's RGB."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    plt.imsave(buffer, field, cmap=cmap, vmin=0, vmax=255)
    return np.asarray(Image.open(buffer).convert("RGB"))


def colormap(name: str) -> Any:
    """A matplotlib Colormap for a catalog name: ``"family:name"`` through the ``cmap``
    package (the table truepix's catalog uses), others from matplotlib."""
    import matplotlib

    if ":" in name:
        import cmap

        return cmap.Colormap(name).to_mpl()
    return matplotlib.colormaps[name]


@functools.cache
def contour_figure(
    name: str, color: str | None, jpeg: bool, *, size: tuple[int, int] = (400, 300)
) -> np.ndarray:
    """An axes-filling ``imshow`` (``size``: width, height px) of a smooth field with
    matplotlib's ``contour`` lines and two ``ax.text`` labels in ``color`` (none: the clean
    figure), saved by ``savefig`` as PNG or JPEG quality 75 (4:2:0): the RGB. The field's
    waves scale with the figure (400x300 the reference), the strokes stay as thin."""
    import matplotlib.pyplot as plt

    width, height = size
    y, x = np.mgrid[0:height, 0:width]
    x, y = x * 400 / width, y * 300 / height
    data = 0.5 + 0.45 * np.sin(x / 37 + np.cos(y / 41)) * np.cos(y / 29)
    fig = plt.figure(figsize=(width / 100, height / 100), dpi=100)
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_axis_off()
    ax.imshow(data, cmap=colormap(name), vmin=0, vmax=1, interpolation="nearest", aspect="auto")
    if color is not None:
        ax.contour(data, levels=[0.25, 0.5, 0.75], colors=[color], linewidths=1.0)
        ax.text(30, 60, "T = 25.0 K", color=color, fontsize=12)
        ax.text(200, 220, "max 3.2 m/s", color=color, fontsize=10)
    return saved_rgb(fig, jpeg=jpeg)


def contour_flags(
    name: str, color: str, cyclic: bool, *, size: tuple[int, int] = (400, 300)
) -> tuple[float, float]:
    """(stroke pixels flagged, data pixels lost), % of each, by the default
    ``Decolorizer`` on :func:`contour_figure`'s JPEG (of ``size``): stroke pixels are those
    the annotation moved more than 12 DN (drawn as PNG, with and without it), data pixels
    those it left alone (as benchmarks/_drawn_annotations.py counts)."""
    from truepix import Decolorizer

    clean = contour_figure(name, None, False, size=size).astype(np.float64)
    drawn = contour_figure(name, color, False, size=size).astype(np.float64)
    moved = np.sqrt(((drawn - clean) ** 2).sum(axis=-1))
    stroke, untouched = moved > 12.0, moved == 0
    decoder = Decolorizer(colormap(name), cyclic=cyclic, vmin=0.0, vmax=1.0)
    holes = np.isnan(decoder.values(contour_figure(name, color, True, size=size)))
    return 100 * float(holes[stroke].mean()), 100 * float(holes[untouched].mean())


def saved_rgb(
    fig: Any, *, jpeg: bool = False, dpi: float | None = None, quality: int = 75
) -> np.ndarray:
    """A matplotlib figure saved by ``savefig`` as PNG or JPEG of ``quality`` (Pillow,
    4:2:0), read back as RGB; the figure is closed."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    options = {"pil_kwargs": {"quality": quality}} if jpeg else {}
    fig.savefig(buffer, format="jpg" if jpeg else "png", dpi=dpi, **options)
    plt.close(fig)
    return np.asarray(Image.open(buffer).convert("RGB"))


def imshow_drawn(
    field: np.ndarray, cmap: str, draw: Any = None, quality: int | None = 75
) -> np.ndarray:
    """``imshow(field)`` (nearest, 0..1) filling its figure, one pixel a cell, with what
    ``draw(axes)`` adds over it (text, lines; None: nothing), the limits kept on the
    field; saved by ``savefig`` as JPEG of ``quality`` (None: PNG), read back as RGB."""
    import matplotlib.pyplot as plt

    height, width = field.shape[:2]
    figure = plt.figure(figsize=(width / 100, height / 100), dpi=100)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    axes.imshow(field, cmap=cmap, vmin=0, vmax=1, interpolation="nearest")
    if draw is not None:
        draw(axes)
    axes.set_xlim(-0.5, width - 0.5)
    axes.set_ylim(height - 0.5, -0.5)
    return saved_rgb(figure, jpeg=quality is not None, dpi=100, quality=quality or 75)


def imshow_png(
    field: np.ndarray, cmap: str, vmin: float, vmax: float, alpha: float = 1.0
) -> np.ndarray:
    """``imshow(field, alpha=alpha)`` (nearest) filling its figure over white, one pixel a
    cell, saved by ``savefig`` as PNG and read back as RGB."""
    import matplotlib.pyplot as plt

    size = field.shape[0] / 100
    fig = plt.figure(figsize=(size, size), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.imshow(field, cmap=cmap, vmin=vmin, vmax=vmax, alpha=alpha, interpolation="nearest")
    return saved_rgb(fig, dpi=100)


def seaborn_heatmap(cells: int, annotated: bool, quality: int | None, cmap: str) -> np.ndarray:
    """seaborn's heatmap of ``cells`` x ``cells`` counts 0-99 (seeded) filling a 256 px
    figure, each cell's count written at 7 pt when ``annotated``; PNG, or JPEG of
    ``quality``."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    counts = np.random.default_rng(0).integers(0, 100, (cells, cells))
    figure = plt.figure(figsize=(2.56, 2.56), dpi=100)
    axes = figure.add_axes((0, 0, 1, 1))
    sns.heatmap(
        counts, cmap=cmap, vmin=0, vmax=100, cbar=False, annot=annotated, fmt="d",
        annot_kws={"fontsize": 7}, xticklabels=False, yticklabels=False, ax=axes,
    )  # fmt: skip
    return saved_rgb(figure, jpeg=quality is not None, dpi=100, quality=quality or 75)


def warning_messages(picture: np.ndarray, cmap: str) -> list[str]:
    """The warnings' texts of the default call ``decolorize(picture, cmap, 0, 1)``."""
    from truepix import decolorize

    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        decolorize(picture, cmap=cmap, vmin=0.0, vmax=1.0)
    return [str(w.message) for w in record]


def translucent(
    cmap: str, alpha: float, face: int, quality: int | None, size: int = 256
) -> np.ndarray:
    """``cmap`` over a fractal field (:func:`fbm`) drawn at ``alpha`` over a gray ``face``,
    as uint8 RGB; JPEG'd by Pillow (4:2:0) at ``quality`` unless None."""
    import matplotlib as mpl

    rgb = mpl.colormaps[cmap](fbm(size, 0))[..., :3] * 255 * alpha + (1 - alpha) * face
    picture = np.clip(np.rint(rgb), 0, 255).astype(np.uint8)
    if quality is None:
        return picture
    buffer = io.BytesIO()
    Image.fromarray(picture).save(buffer, "JPEG", quality=quality)
    return np.asarray(Image.open(buffer).convert("RGB"))


def annotated_figure(
    recipe: str, cmap: str, fmt: str, shape: tuple[int, int], annotated: bool,
    quality: int | None, size: tuple[float, float] = (4.0, 3.0), frame: bool = True,
) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """An annotated heatmap figure as users save it, and its cells' box (top, bottom,
    left, right; pixels): ``recipe`` "seaborn" is ``sns.heatmap(data, annot=True,
    fmt=fmt)`` in ``plt.subplots`` (margins, tick labels, the colorbar beside it),
    "imshow" matplotlib's annotated-heatmap recipe (``imshow``, a colorbar, ticks,
    ``ax.text`` in every cell, black on light cells, white on dark ones). Data are
    seeded counts 0-99 (``fmt`` "d") or tenths 0-10; saved at 100 dpi as PNG, or JPEG
    of ``quality`` (Pillow, 4:2:0). ``frame`` False hides imshow's spines (the same
    layout: what the spines move is found against it)."""
    import matplotlib.pyplot as plt

    rng = np.random.default_rng(0)
    data = rng.integers(0, 100, shape) if fmt == "d" else np.round(rng.random(shape) * 10, 1)
    figure, axes = plt.subplots(figsize=size, dpi=100)
    if recipe == "seaborn":
        import seaborn as sns

        sns.heatmap(data, annot=annotated, fmt=fmt, cmap=cmap, ax=axes)
        corners = [(0, 0), (shape[1], shape[0])]
    else:
        image = axes.imshow(data, cmap=cmap)
        axes.spines[:].set_visible(frame)
        figure.colorbar(image, ax=axes)
        axes.set_xticks(range(shape[1]))
        axes.set_yticks(range(shape[0]))
        for (row, column), value in np.ndenumerate(data) if annotated else ():
            color = "k" if image.norm(value) > 0.5 else "w"
            axes.text(column, row, format(value, fmt), ha="center", va="center", color=color)
        corners = [(-0.5, -0.5), (shape[1] - 0.5, shape[0] - 0.5)]
    figure.canvas.draw()
    height = figure.canvas.get_width_height()[1]
    (x0, y0), (x1, y1) = axes.transData.transform(corners)
    box = (
        round(height - max(y0, y1)), round(height - min(y0, y1)),
        round(min(x0, x1)), round(max(x0, x1)),
    )  # fmt: skip
    return saved_rgb(figure, jpeg=quality is not None, dpi=100, quality=quality or 75), box


def photo_jpeg(name: str, cmap: str, size: int = 256, quality: int = 75) -> np.ndarray:
    """scikit-image's ``name`` photograph, gray, ``size`` square (anti-aliased resize),
    stretched to [0, 1], drawn with matplotlib's ``cmap`` bytes and saved by Pillow as
    JPEG of ``quality``: the RGB read back."""
    import matplotlib as mpl
    from skimage import data
    from skimage.color import rgb2gray
    from skimage.transform import resize

    image = getattr(data, name)()
    image = rgb2gray(image) if image.ndim == 3 else image / 255.0
    photo = resize(image, (size, size), anti_aliasing=True)
    photo = (photo - photo.min()) / np.ptp(photo)
    buffer = io.BytesIO()
    rgb = mpl.colormaps[cmap](photo, bytes=True)[..., :3]
    Image.fromarray(rgb).save(buffer, format="JPEG", quality=quality)
    return np.asarray(Image.open(buffer).convert("RGB"))


#: the gouraud tests' mesh (nodes a side) and picture side (px)
GOURAUD_MESH = 24
GOURAUD_SIDE = 320


def gouraud_figure(field: np.ndarray, cmap: str, label: str | None = None) -> np.ndarray:
    """``field`` (GOURAUD_MESH x GOURAUD_MESH nodes) drawn as a gouraud pcolormesh filling a
    GOURAUD_SIDE-px square PNG (Pillow's RGB), its outer 4 px cut (the mesh's edge); with
    ``label``, black text over it."""
    import matplotlib.pyplot as plt

    mesh, side = GOURAUD_MESH, GOURAUD_SIDE
    figure = plt.figure(figsize=(side / 100, side / 100), dpi=100)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.pcolormesh(np.arange(mesh), np.arange(mesh), field[::-1], shading="gouraud",
                    cmap=cmap, vmin=0, vmax=255)  # fmt: skip
    axes.set_axis_off()
    axes.set_xlim(0, mesh - 1)
    axes.set_ylim(0, mesh - 1)
    if label:
        axes.text(2, 12, label, color="black", fontsize=20)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    return np.asarray(Image.open(buffer).convert("RGB"))[4:-4, 4:-4]


def gouraud_errors(
    field: np.ndarray, picture: np.ndarray, values: np.ndarray, cmap: str
) -> tuple[np.ndarray, np.ndarray]:
    """Per-pixel errors (0-255 scale) of ``values`` decoded from ``gouraud_figure(field, cmap)``
    (or a degraded copy, ``picture``) against the bilinear truth between the nodes (OpenCV's
    remap): truepix's, a hole counted as 255, and the nearest table color's (bin centre)."""
    import cv2
    import matplotlib
    from scipy.spatial import cKDTree

    mesh, side = GOURAUD_MESH, GOURAUD_SIDE
    grid = np.arange(side, dtype=np.float32) * (mesh - 1) / (side - 1)
    truth = cv2.remap(field.astype(np.float32), *np.meshgrid(grid, grid), cv2.INTER_LINEAR)
    truth = truth[4:-4, 4:-4].astype(float)
    table = matplotlib.colormaps[cmap](np.arange(256), bytes=True)[:, :3].astype(float)
    nearest = cKDTree(table).query(picture.reshape(-1, 3).astype(float))[1]
    baseline = np.abs((nearest.reshape(truth.shape) + 0.5) * 255 / 256 - truth)
    error = np.where(np.isnan(values), 255.0, np.abs(values - truth))
    return error, baseline


def encoded(rgb: np.ndarray, fmt: str, quality: int, **options: Any) -> np.ndarray:
    """An RGB picture written by Pillow as ``fmt`` (JPEG, WEBP, ...) at ``quality`` (and
    Pillow's other ``options``), read back (read-only, as Pillow gives it)."""
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format=fmt, quality=quality, **options)
    return np.asarray(Image.open(buffer).convert("RGB"))


def pillow_jpeg(picture: np.ndarray, quality: int = 75, subsampling: int = -1) -> np.ndarray:
    """``picture``'s color (its first 3 channels: RGB or RGBA, uint8) as Pillow's JPEG at
    ``quality``, read back; ``subsampling`` -1 is Pillow's default (4:2:0), 0 is 4:4:4."""
    if picture.ndim != 3:
        raise ValueError(f"expected an (H, W, 3 or 4) picture, got shape {picture.shape}")
    return encoded(picture[..., :3], "JPEG", quality, subsampling=subsampling)


def nearest_bins(picture: np.ndarray, cmap: str) -> np.ndarray:
    """The k-d tree's answer: the centre of the nearest table color's bin (0-1)."""
    import matplotlib
    from scipy.spatial import cKDTree

    table = matplotlib.colormaps[cmap](np.arange(256), bytes=True)[:, :3].astype(float)
    _, index = cKDTree(table).query(picture.reshape(-1, 3).astype(float))
    return ((index + 0.5) / 256).reshape(picture.shape[:2])


def stroked_figure(
    field: np.ndarray, cmap: str, color: str | None, quality: int | None
) -> np.ndarray:
    """``field`` (256 x 256, 0-1) drawn with ``cmap`` by imshow into a 256 px figure
    without axes; a line and five rows of text in ``color`` unless None; saved by
    ``savefig`` as JPEG at ``quality`` (None: PNG), read back as RGB."""
    import matplotlib.pyplot as plt

    size = 256
    fig = plt.figure(figsize=(size / 100, size / 100), dpi=100)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_axis_off()
    ax.imshow(field, cmap=cmap, vmin=0, vmax=1, aspect="auto")
    if color is not None:
        ax.plot([5, 250], [20, 240], color=color, lw=1.5)
        for row in range(5):
            ax.text(8, 30 + 48 * row, "Ag8%#Wm", color=color, fontsize=15)
    ax.set_xlim(-0.5, size - 0.5)
    ax.set_ylim(size - 0.5, -0.5)
    return saved_rgb(fig, jpeg=quality is not None, dpi=100, quality=quality or 75)

"""A noisy array drawn upsampled by imshow's smoothing interpolation, saved as JPEG.

A new user's figure (trial 51): ``imshow(data, interpolation="bilinear")`` (or "hanning",
or the default "antialiased" when upsampling) of a 120x150 array with noise, drawn about
2.7x larger than the array. Below 3x matplotlib interpolates in RGBA
(``interpolation_stage="auto"``), so each pixel blends its neighbours' map colors -- far
off the map where they lie far apart on it, as noisy data's do. After JPEG q75/q90 jet
and turbo came back with 6-17 % NaN: the blends' two sides come back together a few
pixels on, as a stroke's do (``_edges.inked_share``), so the picture was not taken for a
resized one; but a stroke's flanks stand at one place along the map, the ink's, where the
texture's spread along it (``_edges.one_ink``). On turbo the blends then pile at the luma
turbo folds at, as densely as the picture's pixels do there, which ``_inked`` took for an
ink's peak (``_inked.INKED_PEAK_FIELD``). matplotlib's "bicubic" is no interpolation but
Agg's cubic B-spline (no negative lobes; "gaussian" alike): each pixel blends 3-4 cells'
colors along each axis, off the segment between any two neighbours, so too few of its
candidates lay between two for the picture to be taken for a resized one (jet q75
27 % NaN), and its blurred spots are thin neutral ridges; but its blends are as smooth
as the data at the pixel scale, where strokes are sharp (``_edges.smooth_blends``). The
oracle: the same figure drawn with ``gray``
(its RGBA blends are the data's blends), and the nearest-color k-d tree on the JPEG'd
picture.
"""

from __future__ import annotations

import io

import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image
from scipy.spatial import cKDTree

from truepix.color._decolorize._api import decolorize

mpl.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

#: the array's shape; the figure (px) in which imshow draws it 2.7x larger
SHAPE, FIGURE = (120, 150), (405, 324)


def _array(noise: float = 0.4, seed: int = 0) -> np.ndarray:
    y, x = np.mgrid[0 : SHAPE[0], 0 : SHAPE[1]] / np.array(SHAPE)[:, None, None]
    field = np.sin(5 * x) * np.cos(3 * y)
    field += noise * np.random.default_rng(seed).normal(size=SHAPE)
    return (field - field.min()) / np.ptp(field)


def _drawn(data: np.ndarray, cmap: str, interpolation: str, quality: int | None) -> np.ndarray:
    """``imshow`` filling a figure of FIGURE px, saved as PNG or JPEG; its inner part."""
    fig = plt.figure(figsize=(FIGURE[0] / 100, FIGURE[1] / 100), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.imshow(data, cmap=cmap, vmin=0, vmax=1, interpolation=interpolation)
    buffer = io.BytesIO()
    if quality is None:
        fig.savefig(buffer, format="png")
    else:
        fig.savefig(buffer, format="jpeg", pil_kwargs={"quality": quality})
    plt.close(fig)
    return np.asarray(Image.open(buffer).convert("RGB"))


def _kd_tree(picture: np.ndarray, cmap: str) -> np.ndarray:
    table = mpl.colormaps[cmap](np.linspace(0, 1, 256), bytes=True)[:, :3].astype(float)
    index = cKDTree(table).query(picture.reshape(-1, 3).astype(float))[1]
    return ((index + 0.5) / 256).reshape(picture.shape[:2])


#: measured (holes %, error / k-d tree's) before -> after: jet q75 16.8 / 10.0 -> 0 / 0.88,
#: q90 13.8 / 9.9 -> 0 / 0.90; turbo q75 6.5 / 4.0 -> 0 / 0.90, q90 11.7 / 7.7 -> 0 / 0.97
@pytest.mark.parametrize("cmap", ["jet", "turbo"])
@pytest.mark.parametrize("quality", [75, 90])
def test_interpolated_noisy_array_has_no_holes(cmap: str, quality: int) -> None:
    data = _array()
    inner = (slice(2, -2), slice(2, -2))  # (the figure's antialiased border)
    picture = _drawn(data, cmap, "bilinear", quality)
    truth = _drawn(data, "gray", "bilinear", None)[inner][..., 0] / 255.0
    values = decolorize(picture, cmap=cmap, vmin=0, vmax=1)[inner]
    holes = np.isnan(values)
    assert holes.mean() <= 0.002
    error = np.where(holes, 1.0, np.abs(values - truth)).mean()
    assert error <= np.abs(_kd_tree(picture, cmap)[inner] - truth).mean()


#: measured (holes %, error / k-d tree's) before -> after (noise 0.8, seed 0): bicubic jet
#: q75 26.9 / 16.2 -> 0 / 1.05, q90 25.5 -> 0 / 1.1, rainbow q90 24.2 -> 0 / 1.9;
#: lanczos (interpolating, lobes) 0 before. The blends of 3-4 cells' colors decode worse
#: than the nearest color (``bound``): what is left to do.
@pytest.mark.parametrize(
    ("interpolation", "cmap", "quality", "bound"),
    [("bicubic", "jet", 75, 1.2), ("bicubic", "jet", 90, 1.2),
     ("bicubic", "rainbow", 90, 2.0), ("lanczos", "rainbow", 75, 1.0)],
)  # fmt: skip
def test_smoothed_noisy_array_has_no_holes(
    interpolation: str, cmap: str, quality: int, bound: float
) -> None:
    _assert_few_holes_and_close(_array(0.8), cmap, interpolation, quality, bound)


#: bicubic, q75: jet's texture (noise 0.4) stands out of both sides toward one position as
#: a stroke's ink does, but no sharper than the field (``_jumps.JUMP_SMOOTH``); viridis's
#: blends (noise 0.8) pile at the data's mean luma as an ink's peak, seeding no core
#: (``_edges.smooth_blends`` then asked by ``_jpeg``). Measured (holes %, error / k-d
#: tree's) before -> after: jet 2.69 / 2.72 -> 0 / 1.06, viridis 10.1 / 5.43 -> 0 / 0.60.
@pytest.mark.parametrize(("cmap", "noise", "seed"), [("jet", 0.4, 1), ("viridis", 0.8, 1)])
def test_bicubic_texture_has_no_holes(cmap: str, noise: float, seed: int) -> None:
    data = _array(noise, seed)
    inner = (slice(2, -2), slice(2, -2))
    picture = _drawn(data, cmap, "bicubic", 75)
    truth = _drawn(data, "gray", "bicubic", None)[inner][..., 0] / 255.0
    values = decolorize(picture, cmap=cmap, vmin=0, vmax=1)[inner]
    holes = np.isnan(values)
    assert holes.mean() <= 0.002
    error = np.where(holes, 1.0, np.abs(values - truth)).mean()
    assert error <= 1.25 * np.abs(_kd_tree(picture, cmap)[inner] - truth).mean()


def test_strokes_over_a_smoothed_array_stay_flagged() -> None:
    # black text and a line over imshow(bicubic) of a noisy array, JPEG q75: the strokes'
    # pixels are sharper than the data's blends
    data = _array(0.8)

    def drawn(color: str | None, quality: int | None) -> np.ndarray:
        fig = plt.figure(figsize=(FIGURE[0] / 100, FIGURE[1] / 100), dpi=100)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        ax.imshow(data, cmap="jet", vmin=0, vmax=1, interpolation="bicubic")
        if color is not None:
            ax.plot([5, 140], [10, 110], color=color, lw=1.5)
            for row in range(3):
                ax.text(8, 25 + 35 * row, "T = 25.0 K", color=color, fontsize=12)
        buffer = io.BytesIO()
        options = {} if quality is None else {"pil_kwargs": {"quality": quality}}
        fig.savefig(buffer, format="png" if quality is None else "jpeg", **options)
        plt.close(fig)
        return np.asarray(Image.open(buffer).convert("RGB"))

    moved = np.abs(drawn("black", None).astype(int) - drawn(None, None)).max(axis=-1)
    holes = np.isnan(decolorize(drawn("black", 75), cmap="jet", vmin=0, vmax=1))
    assert holes[moved >= 30].mean() >= 0.95


#: A smoothing kernel's blends of dark and bright cells (viridis' purple and yellow) are
#: grayish colors at the data's mean luma, off the map: they pile there as an ink's luma
#: peak, and the stroke ``_inked`` lays at it claimed them. They are blends of the map
#: colors around them, in short pieces (``_peak_blends``). Measured (holes %, error / k-d
#: tree's) before -> after: rainbow bicubic q90 6.40 / 7.84 -> 0 / 1.56, viridis bicubic
#: q90 12.0 / 6.84 -> 0 / 0.66, bilinear q75 2.97 / 1.94 -> 0 / 0.49, gaussian q75 6.19 /
#: 3.46 -> 0 / 0.53.
@pytest.mark.parametrize(
    ("interpolation", "cmap", "quality", "noise", "seed", "bound"),
    [("bicubic", "rainbow", 90, 0.4, 2, 2.0), ("bicubic", "viridis", 90, 0.8, 2, 1.0),
     ("bilinear", "viridis", 75, 0.4, 0, 1.0), ("gaussian", "viridis", 75, 0.8, 0, 1.0)],
)  # fmt: skip
def test_blends_at_one_luma_are_no_ink(
    interpolation: str, cmap: str, quality: int, noise: float, seed: int, bound: float
) -> None:
    _assert_few_holes_and_close(_array(noise, seed), cmap, interpolation, quality, bound)


def test_long_pieces_are_counted_as_scipy_labels_them() -> None:
    from scipy import ndimage

    from truepix.color._decolorize._peak_blends import _long_share

    rng = np.random.default_rng(5)
    mask = rng.random((90, 120)) < 0.35  # (8-connected pieces of every size)
    labels, _ = ndimage.label(mask, structure=np.ones((3, 3)))
    long = 0
    for index, box in enumerate(ndimage.find_objects(labels), start=1):
        if max(box[0].stop - box[0].start, box[1].stop - box[1].start) >= 15:
            long += np.count_nonzero(labels == index)
    assert _long_share(mask.ravel(), 120, 15) == pytest.approx(long / mask.sum())
    assert 0.0 < long / mask.sum() < 1.0


#: The same picture as PNG: its blends past the threshold are holes unless the plan unmixes
#: them. Its noise reads 9.98 DN, where the threshold (5 sigmas) is capped at 40 DN and the
#: window from 4 sigmas to it held no pixel: not unmixed (``_plan.make_plan``). Measured
#: (holes %, error / k-d tree's) before -> after: 2.45 / 3.77 -> 0.005 / 1.02.
def test_a_png_with_its_threshold_capped_is_unmixed() -> None:
    data = _array(0.4, 3)
    inner = (slice(2, -2), slice(2, -2))
    picture = _drawn(data, "turbo", "bicubic", None)
    truth = _drawn(data, "gray", "bicubic", None)[inner][..., 0] / 255.0
    values = decolorize(picture, cmap="turbo", vmin=0, vmax=1)[inner]
    holes = np.isnan(values)
    assert holes.mean() <= 0.002
    error = np.where(holes, 1.0, np.abs(values - truth)).mean()
    assert error <= 1.1 * np.abs(_kd_tree(picture, "turbo")[inner] - truth).mean()


def _assert_few_holes_and_close(
    data: np.ndarray, cmap: str, interpolation: str, quality: int, bound: float
) -> None:
    """At most 0.2 % holes on the drawn ``data`` (its 2 px rim left out), and a mean error
    (a hole counting as the whole range) within ``bound`` times the k-d tree's."""
    inner = (slice(2, -2), slice(2, -2))
    picture = _drawn(data, cmap, interpolation, quality)
    truth = _drawn(data, "gray", interpolation, None)[inner][..., 0] / 255.0
    values = decolorize(picture, cmap=cmap, vmin=0, vmax=1)[inner]
    holes = np.isnan(values)
    assert holes.mean() <= 0.002
    error = np.where(holes, 1.0, np.abs(values - truth)).mean()
    assert error <= bound * np.abs(_kd_tree(picture, cmap)[inner] - truth).mean()

"""A JPEG'd disparity map: flat regions, sharp edges, invalid pixels at the map's first color.

skimage's ``stereo_motorcycle`` disparity, its invalid pixels set to its minimum (a
user's ``nan_to_num``), drawn with ``cmap(x, bytes=True)`` and saved by Pillow as JPEG
(trial 51, t106). Its invalid pixels run between the flat regions as thin lines of the
map's first color, which ``_jumps.jump_strokes`` took for a stroke's ink piled at that
end: viridis 7.2 % of the picture NaN (6.4x the nearest-color k-d tree's error), and 0 %
for the same tile beside a photograph (the photograph's cores left the ink's peak too
few): the answer hung on what else was in the picture. ``_end_piles`` tells the map's own
end color from an ink's there (black over seismic, red over coolwarm's dark red end stay
flagged: test_decolorize_ink_at_end.py, test_decolorize_colored_strokes.py).

With jet the same lines are dark blue between red and orange fields: JPEG's 4:2:0 misses
beside them string along the edges into structures of 1000+ px (``_alone.strung``), taken
for a stroke though they hold no one ink, and JPEG's ringing below the dark blue (its hue
kept) counted as a black stroke's pixels (``_end_piles.end_undershoots``).
"""

from __future__ import annotations

import io

import cv2
import matplotlib as mpl
import numpy as np
import pytest
from PIL import Image
from scipy.spatial import cKDTree
from skimage import data

from truepix import decolorize


def _disparity(size: int = 512) -> np.ndarray:
    """The disparity's central 512 columns, invalid pixels at its minimum, 0-1 between its
    0.5 and 99.5 percentiles, resized to ``size`` square (OpenCV, linear)."""
    field = data.stereo_motorcycle()[2].astype(np.float64)
    field[~np.isfinite(field)] = np.nanmin(field[np.isfinite(field)])
    left = (field.shape[1] - 512) // 2
    field = field[:, left : left + 512]
    low, high = np.percentile(field, [0.5, 99.5])
    field = np.clip((field - low) / (high - low), 0.0, 1.0)
    resized = cv2.resize(field.astype(np.float32), (size, size), interpolation=cv2.INTER_LINEAR)
    return np.clip(resized.astype(np.float64), 0.0, 1.0)


def _jpeg(field: np.ndarray, cmap: str, quality: int) -> np.ndarray:
    buffer = io.BytesIO()
    Image.fromarray(mpl.colormaps[cmap](field, bytes=True)[..., :3]).save(
        buffer, format="JPEG", quality=quality
    )  # fmt: skip
    return np.asarray(Image.open(buffer).convert("RGB"))


def _nearest(picture: np.ndarray, cmap: str) -> np.ndarray:
    """The k-d tree baseline: the nearest table color's bin centre."""
    table = mpl.colormaps[cmap](np.linspace(0, 1, 256), bytes=True)[:, :3].astype(np.float64)
    index = cKDTree(table).query(picture.reshape(-1, 3).astype(np.float64))[1]
    return ((index + 0.5) / 256).reshape(picture.shape[:2])


def _error(values: np.ndarray, truth: np.ndarray) -> float:
    """Mean absolute error, a hole counted as the full range."""
    return float(np.nan_to_num(np.abs(values - truth), nan=1.0).mean())


def _whole_and_closer(truth: np.ndarray, cmap: str, quality: int) -> None:
    """``truth`` drawn with ``cmap``, JPEG'd at ``quality`` and decoded by name: at most
    0.2 % NaN, and no farther from the truth than the k-d tree's nearest color."""
    picture = _jpeg(truth, cmap, quality)
    values = decolorize(picture, cmap=cmap, vmin=0, vmax=1)
    assert np.isnan(values).mean() <= 0.002
    assert _error(values, truth) <= _error(_nearest(picture, cmap), truth)


#: main before ``_end_piles``: viridis q75 7.17 % holes, 6.37x; q90 7.06 %
@pytest.mark.parametrize("quality", [75, 90])
def test_disparity_map_keeps_its_data(quality):
    truth = _disparity()
    picture = _jpeg(truth, "viridis", quality)
    values = decolorize(picture, cmap="viridis", vmin=0, vmax=1)
    assert np.isnan(values).mean() <= 0.002
    assert _error(values, truth) <= _error(_nearest(picture, "viridis"), truth)


def test_disparity_tile_decodes_alike_alone_and_beside_a_photograph():
    # (a dask mosaic's chunk is the tile alone; numpy's call sees the whole mosaic)
    truth = _disparity()
    camera = data.camera()[:512, :512] / 255.0
    tile, beside = _jpeg(truth, "viridis", 75), _jpeg(camera, "viridis", 75)
    alone = decolorize(tile, cmap="viridis", vmin=0, vmax=1)
    mosaic = decolorize(np.concatenate([tile, beside], axis=1), cmap="viridis", vmin=0, vmax=1)
    assert np.isnan(alone).mean() <= 0.002
    assert np.isnan(mosaic[:, :512]).mean() <= 0.002


#: main before: jet q90 / q75 / q50 3.30 / 4.30 / 7.16 % holes (2.07x / 2.42x / 3.16x the
#: k-d tree's error); then 0.00 / 0.60 / 1.91 % (0.74x / 1.04x / 1.49x): the lines' JPEG
#: undershoot past jet's dark blue, specks of 1-5 px, held a stroke's evidence
#: (``_alone.JPEG_FOREIGN_CLUMP``); now 0.00 % (0.74x / 0.81x / 0.89x). turbo q75 / q50
#: 1.68 / 5.49 % (1.55x / 2.70x) -> 0.00 / 0.17 % (0.87x / 0.98x).
@pytest.mark.parametrize(
    ("cmap", "quality"), [("jet", 90), ("jet", 75), ("jet", 50), ("turbo", 75), ("turbo", 50)]
)
def test_jet_disparity_edges_are_no_stroke(cmap, quality):
    _whole_and_closer(_disparity(), cmap, quality)


@pytest.mark.parametrize("cmap", ["jet", "magma"])
def test_disparity_png_is_exact(cmap):
    truth = _disparity()
    picture = mpl.colormaps[cmap](truth, bytes=True)[..., :3]
    values = decolorize(picture, cmap=cmap, vmin=0, vmax=1)
    assert not np.isnan(values).any()
    assert np.abs(values - truth).max() <= 2.0 / 256  # (jet's repeated blues: their union)


#: main before: magma q75 / q90 6.85 / 6.74 % holes (6.18x / 7.97x the k-d tree's error),
#: inferno q90 2.10 % (2.70x); now 0.00 / 0.00 % (0.83x / 0.68x), 0.09 % (0.71x). The
#: lines are the map's near-black end: the jump ink (magma) and ``_lines``' contours
#: (both, q90) took them for black strokes, which ``_end_inks`` tells by their chroma.
@pytest.mark.parametrize("cmap", ["magma", "inferno"])
@pytest.mark.parametrize("quality", [75, 90])
def test_disparity_at_a_black_end_keeps_its_data(cmap, quality):
    _whole_and_closer(_disparity(), cmap, quality)


def _cells(size: int = 256, seed: int = 0) -> np.ndarray:
    """A seeded field of flat cells (nearest of 96 seeds, levels 0.35-1, a gentle slope),
    6 of them invalid (0), and 2 px lines of 0 on the far side of each step of 0.1 or
    more: a depth map's occlusions."""
    rng = np.random.default_rng(seed)
    seeds = rng.uniform(0, size, (96, 2))
    level = rng.uniform(0.35, 1.0, 96)
    level[rng.choice(96, 6, replace=False)] = 0.0
    y, x = np.mgrid[0:size, 0:size]
    label = cKDTree(seeds).query(np.column_stack([y.ravel(), x.ravel()]))[1]
    stepped = level[label.reshape(size, size)]
    field = stepped + 0.15 * y / size
    occluded = np.zeros((size, size), dtype=bool)
    occluded[:, :-1] |= stepped[:, 1:] - stepped[:, :-1] > 0.1
    occluded[:-1, :] |= stepped[1:, :] - stepped[:-1, :] > 0.1
    occluded[:, :-1] |= occluded[:, 1:]
    field[occluded] = 0.0
    return np.clip(field, 0.0, 1.0)


#: main before: inferno q90 3.18 % holes (``_inked``'s ink peak and ``_lines`` at black)
@pytest.mark.parametrize(("cmap", "quality"), [("inferno", 90), ("inferno", 75), ("magma", 75)])
def test_flat_cells_with_black_occlusions_keep_their_data(cmap, quality):
    values = decolorize(_jpeg(_cells(), cmap, quality), cmap=cmap, vmin=0, vmax=1)
    assert np.isnan(values).mean() <= 0.002


#: main before: jet q50 1.63 % holes (seed 0; 8.53 % seed 1), jet q75 5.41 % (seed 0),
#: rainbow q50 12.07 % (seed 0): the lines of the first color, one luma, strung into a
#: stroke (``_alone.strung``), a blob of them blended with dark red cells (``_blobs``);
#: ``_end_piles.end_line`` tells them by their chroma against the cells beside.
@pytest.mark.parametrize(("cmap", "quality"), [("jet", 50), ("jet", 75), ("rainbow", 50)])
def test_flat_cells_with_lines_of_a_colored_end_keep_their_data(cmap, quality):
    _whole_and_closer(_cells(), cmap, quality)

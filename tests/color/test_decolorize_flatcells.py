"""Numbers in the cells of a heatmap of smooth data, JPEG'd: cells that differ by a few DN.

seaborn's ``heatmap(data, annot=True)`` of a smooth field in its default figure (a
colorbar, tick labels): neighbouring cells differ by 5-30 DN, so no grid of 24 DN edges
stands; ``_flatcells.peak_share`` reads it from where each line's largest jump lies, and
the cells must be flat (``flat_grid``). Digits = pixels the digits moved more than 10 DN
(PNG, with against without); data = cell pixels 3 px or more from any, and from the
cells' edges.
"""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image
from scipy import ndimage

from tests.color._photographs import photo_jpeg, saved_rgb
import truepix as tp
from truepix.color._decolorize import _cellmarks, _flatcells

matplotlib.use("Agg")

pytestmark = pytest.mark.usefixtures("seaborn")  # its maps (rocket) for this module

SHAPE = (10, 14)


def _smooth_data() -> np.ndarray:
    """A smooth field sampled at SHAPE cells, a little seeded noise, one decimal."""
    y, x = np.mgrid[0 : SHAPE[0], 0 : SHAPE[1]] / 6.0
    field = np.sin(1.3 * x + 0.4) * np.cos(0.9 * y - 0.3) + 0.3 * x
    noise = np.random.default_rng(5).normal(0, 0.08, SHAPE)
    return np.round(10 * (field + noise), 1)


def _figure(cmap: str | None, annotated: bool, quality: int | None) -> tuple[np.ndarray, tuple]:
    """seaborn's default heatmap figure (8 x 6 in, 100 dpi) and its cells' box."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    data = _smooth_data()
    figure, axes = plt.subplots(figsize=(8, 6), dpi=100)
    sns.heatmap(data, annot=annotated, cmap=cmap, ax=axes)
    figure.canvas.draw()
    height = figure.canvas.get_width_height()[1]
    (x0, y0), (x1, y1) = axes.transData.transform([(0, 0), (SHAPE[1], SHAPE[0])])
    box = (round(height - max(y0, y1)), round(height - min(y0, y1)),
           round(min(x0, x1)), round(max(x0, x1)))  # fmt: skip
    return saved_rgb(figure, jpeg=quality is not None, dpi=100, quality=quality or 75), box


@pytest.mark.parametrize(("cmap", "name"), [(None, "seaborn:rocket"), ("coolwarm", "coolwarm")])
def test_digits_over_smooth_cells_are_flagged(cmap: str | None, name: str) -> None:
    # measured (before / now), digits flagged, %: rocket 22.3 / 98.4, coolwarm 91.5 / 98.0
    # (trial47/t34's: 28.5 / 98.9, 90.8 / 98.1)
    plain, box = _figure(cmap, False, None)
    drawn, _ = _figure(cmap, True, None)
    top, bottom, left, right = box
    moved = np.abs(drawn.astype(int) - plain.astype(int)).max(axis=-1)
    inside = np.zeros(moved.shape, dtype=bool)
    inside[top + 1 : bottom - 1, left + 1 : right - 1] = True
    digits = inside & (moved > 10)
    rows, cols = np.mgrid[0 : moved.shape[0], 0 : moved.shape[1]]
    cell_h, cell_w = (bottom - top) / SHAPE[0], (right - left) / SHAPE[1]
    from_edge_y = np.abs((rows - top + 0.5) / cell_h - np.round((rows - top + 0.5) / cell_h))
    from_edge_x = np.abs((cols - left + 0.5) / cell_w - np.round((cols - left + 0.5) / cell_w))
    edges = (from_edge_y * cell_h < 3) | (from_edge_x * cell_w < 3)
    data = inside & ~edges & ~ndimage.binary_dilation(moved > 0, iterations=3)
    picture, _ = _figure(cmap, True, 75)
    values = _smooth_data()
    holes = np.isnan(tp.decolorize(picture, cmap=name, vmin=values.min(), vmax=values.max()))
    assert holes[digits].mean() >= 0.95
    assert holes[data].mean() <= 0.002


def test_peak_share_against_numpy() -> None:
    rng = np.random.default_rng(3)
    pixels = rng.integers(0, 256, (40, 52, 3)).astype(np.uint8)
    pixels[:, 20:] = np.minimum(pixels[:, 20:].astype(int) // 8 + 120, 255)  # a flat-ish step
    for axis in (0, 1):
        for step in (1, 3):
            sample = pixels[::step] if axis == 1 else pixels[:, ::step].transpose(1, 0, 2)
            jumps = np.abs(np.diff(sample.astype(int), axis=1)).max(axis=-1)
            n = jumps.shape[1]
            reach = _flatcells.PEAK_REACH
            padded = np.pad(jumps, ((0, 0), (reach, reach)))
            others = np.max([padded[:, reach + o : reach + o + n]
                             for o in range(-reach, reach + 1) if o], axis=0)  # fmt: skip
            expected = ((jumps > others) & (jumps > _flatcells.PEAK_FLOOR)).mean(axis=0)
            assert np.array_equal(_flatcells.peak_share(pixels, axis, step), expected)


def _flat_sample_numpy(pixels: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> bool:
    """flat_sample written with numpy's median (its form until December 2026)."""
    n_rows, n_cols = len(rows) - 1, len(cols) - 1
    every = max(1, int(np.ceil(np.sqrt(n_rows * n_cols / _flatcells.SAMPLE_CELLS))))
    picked_rows, picked_cols = np.arange(0, n_rows, every), np.arange(0, n_cols, every)
    high = int(min(np.diff(rows)[picked_rows].min(), _flatcells.SAMPLE_SIDE))
    wide = int(min(np.diff(cols)[picked_cols].min(), _flatcells.SAMPLE_SIDE))
    if high < 1 or wide < 1:
        return False
    y = (rows[picked_rows][:, None] + np.arange(high))[:, None, :, None]
    x = (cols[picked_cols][:, None] + np.arange(wide))[None, :, None, :]
    cells = pixels[y, x, :3].astype(np.int16).reshape(-1, high * wide, 3)
    apart = np.abs(cells - np.median(cells, axis=1)[:, None]).max(axis=-1)
    flat = np.mean(apart <= _flatcells.FLAT_DN, axis=1) >= _flatcells.FLAT_SHARE
    return _flatcells.flat_grid(flat)


def _jpeg_cells(
    rng: np.random.Generator, most: int, largest: int, quality: int
) -> tuple[np.ndarray, int]:
    """A random matrix of 3..``most`` cells a side blown up by nearest neighbours to cells of
    5..``largest`` px (imshow of a small array), noisy, JPEG'd; and the cells' size."""
    n_y, n_x = rng.integers(3, most, 2)
    cell = int(rng.integers(5, largest))
    matrix = rng.integers(0, 256, (n_y, n_x, 3))
    pixels = np.repeat(np.repeat(matrix, cell, axis=0), cell, axis=1)
    pixels = pixels + rng.normal(0, rng.uniform(1, 14), pixels.shape)
    buffer = io.BytesIO()
    Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).save(buffer, "JPEG", quality=quality)
    return np.asarray(Image.open(buffer).convert("RGB")), cell


@pytest.mark.parametrize("quality", [30, 60, 90])
def test_flat_sample_against_numpy(quality: int) -> None:
    # cells of a random matrix blown up by nearest neighbours (imshow of a small array),
    # noisy, JPEG'd; read on their grid, on a grid of JPEG's blocks and on a random one
    rng = np.random.default_rng(quality)
    answers = []
    for _ in range(40):
        picture, cell = _jpeg_cells(rng, 24, 40, quality)
        height, width = picture.shape[:2]
        grids = [(np.arange(0, height + 1, cell), np.arange(0, width + 1, cell)),
                 (np.r_[np.arange(0, height, 8), height], np.r_[np.arange(0, width, 8), width]),
                 tuple(np.unique(np.r_[0, rng.integers(0, n, 12), n]) for n in (height, width))]
        for rows, cols in grids:
            expected = _flat_sample_numpy(picture, rows, cols)
            assert _flatcells.flat_sample(picture, rows, cols) == expected
            answers.append(expected)
    assert 0 < np.mean(answers) < 1  # (both answers met)


@pytest.mark.parametrize("name", ["camera", "astronaut"])
@pytest.mark.parametrize("cmap", ["viridis", "jet"])
def test_jpeg_blocks_of_a_photograph_are_no_flat_cells(name: str, cmap: str) -> None:
    # JPEG's 8x8 / 16x16 blocks stand as a grid of jump peaks at q50; their cells are
    # no flat cells: 6-77 % of them flat where a heatmap's are all
    picture = photo_jpeg(name, cmap, quality=50)
    assert _cellmarks.cell_marks(picture) is None


def _cell_medians_numpy(
    pixels: np.ndarray, rows: np.ndarray, cols: np.ndarray, edge: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """cell_medians written with numpy's sorts (``_cellmarks._read_cells``' form until
    December 2026); the inner distances as its cores read them (``_cellmarks._inner``)."""
    height, width = pixels.shape[:2]
    cell_col = np.searchsorted(cols, np.arange(width), side="right") - 1
    cell_row = np.searchsorted(rows, np.arange(height), side="right") - 1
    n_cols = len(cols) - 1
    cell = (cell_row[:, None] * n_cols + cell_col[None, :]).reshape(-1).astype(np.int64)
    flat = pixels[..., :3].astype(np.int16).reshape(-1, 3)
    median = np.empty((n_cols * (len(rows) - 1), 3), dtype=np.float32)
    starts = np.searchsorted(np.sort(cell), np.arange(len(median) + 1))
    for channel in range(3):
        values = np.sort(cell * 256 + flat[:, channel]) & 255
        middle = (starts[:-1] + starts[1:] - 1) / 2.0
        median[:, channel] = (values[np.floor(middle).astype(np.int64)]
                              + values[np.ceil(middle).astype(np.int64)]) / 2.0  # fmt: skip
    apart = np.abs(flat - median[cell]).max(axis=-1)
    inner = (_cellmarks._inner(rows, height, edge)[:, None]
             & _cellmarks._inner(cols, width, edge)[None, :]).reshape(-1)  # fmt: skip
    inner_far = np.full(len(median), -1.0, dtype=np.float32)
    np.maximum.at(inner_far, cell[inner], apart[inner])
    return median, _flatcells.flat_cells(apart, cell, len(median)), inner_far


@pytest.mark.parametrize("quality", [30, 75])
def test_cell_medians_against_numpy(quality: int) -> None:
    # random matrices blown up by nearest neighbours, noisy, JPEG'd (RGB and RGBA), read on
    # their grid, on JPEG's blocks and on a random grid: the same medians, the same flat
    # cells, the same largest distances inside them; a half-integer median of an even
    # count is among them
    rng = np.random.default_rng(quality + 1)
    flat_seen, halves = [], 0
    for _ in range(30):
        picture, cell = _jpeg_cells(rng, 16, 30, quality)
        if rng.random() < 0.3:
            alpha = rng.integers(0, 256, picture.shape[:2] + (1,), dtype=np.uint8)
            picture = np.concatenate([picture, alpha], axis=-1)
        height, width = picture.shape[:2]
        grids = [(np.arange(0, height + 1, cell), np.arange(0, width + 1, cell)),
                 (np.r_[np.arange(0, height, 8), height], np.r_[np.arange(0, width, 8), width]),
                 tuple(np.unique(np.r_[0, rng.integers(1, n, 12), n]) for n in (height, width))]
        for rows, cols in grids:
            edge = int(rng.integers(1, 4))
            median, flat, inner_far = _flatcells.cell_medians(picture, rows, cols, edge)
            expected = _cell_medians_numpy(picture, rows, cols, edge)
            assert median.dtype == np.float32
            assert np.array_equal(median, expected[0])
            assert np.array_equal(flat, expected[1])
            assert np.array_equal(inner_far, expected[2])
            flat_seen.append(flat.mean())
            halves += int(np.any(median % 1 == 0.5))
    assert 0 < np.mean(flat_seen) < 1 and halves > 0  # (both answers met)

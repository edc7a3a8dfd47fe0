"""Annotated pictures, JPEG q75 4:2:0: four ways to flag the stroke pixels left on the map.

Each rule runs after the default call (``Decolorizer.decode``) and may only add flags;
printed per picture: annotation pixels flagged and map pixels lost, %, before -> after.

* apart: a pixel more than 10 DN from the map whose luma is 40+ DN from the field's
  median around (within 5 px, unflagged pixels within 20 DN of the map), anywhere.
* palette: the picture's annotation palette, the modes (8-DN cells, 3x3x3 smoothed) of
  the flagged pixels' Y Cb Cr, those 25+ DN from the map; a pixel more than 10 DN from
  the map, whose luma is 20+ DN from the field's median around, within 10 DN of a palette
  color's luma and 25 DN of its chroma, joins in groups of ``--group`` or more that touch
  a flagged pixel.
* block: in a 2x2 chroma block holding flagged pixels, the others within 10 DN of their
  mean luma and more than 10 DN from the map.
* gap: a pixel between two flagged pixels (1 px each side, 4 directions) whose luma it
  shares within 8 DN.

``--camera`` also runs tests/color/test_decolorize_annotations.py's figure (matplotlib's
text, lines, box and coastline over a colormapped photograph).

    PYTHONPATH=src python benchmarks/decolorize_trial/jpeg_flag_angles.py magma,twilight
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from scipy import ndimage

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
import colormaps as cm  # noqa: E402

from truepix import Decolorizer  # noqa: E402

YCC = np.array([[0.299, 0.587, 0.114], [-0.168736, -0.331264, 0.5], [0.5, -0.418688, -0.081312]])


def palette(ycc: np.ndarray, flagged: np.ndarray, table: np.ndarray) -> np.ndarray:
    """Modes of the flagged pixels' Y Cb Cr (8-DN cells), each 25+ DN from the map."""
    colors = ycc[flagged]
    cells = np.clip(((colors + [0, 128, 128]) // 8).astype(int), 0, 31)
    counts = np.zeros((32, 32, 32))
    np.add.at(counts, tuple(cells.T), 1)
    smooth = ndimage.uniform_filter(counts, 3, mode="constant") * 27
    peaks = (smooth == ndimage.maximum_filter(smooth, 3, mode="constant")) & (
        smooth >= 0.005 * len(colors)
    )
    modes = []
    for cell in zip(*np.nonzero(peaks)):
        near = np.all(np.abs(cells - np.array(cell)) <= 1, axis=1)
        modes.append(np.median(colors[near], axis=0))
    modes = np.array(modes).reshape(-1, 3)
    gap = np.sqrt(((modes[:, None] - (table @ YCC.T)[None]) ** 2).sum(-1)).min(axis=1)
    return modes[gap >= 25]


def field_gap(luma, flagged, residual):  # noqa: ANN001, ANN201
    """|luma - the median luma of the unflagged pixels within 5 px within 20 DN of the map|."""
    field = np.pad(np.where((residual <= 20) & ~flagged, luma, np.nan), 5, constant_values=np.nan)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        median = np.nanmedian(sliding_window_view(field, (11, 11)).reshape(*luma.shape, -1), -1)
    return np.abs(luma - median)


def by_apart(ycc, flagged, residual):  # noqa: ANN001, ANN201
    return ~flagged & (residual > 10) & (field_gap(ycc[..., 0], flagged, residual) >= 40)


def by_palette(ycc, flagged, residual, table, group):  # noqa: ANN001, ANN201
    luma = ycc[..., 0]
    modes = palette(ycc, flagged, table)
    near_mode = np.any(
        (np.abs(luma[..., None] - modes[:, 0]) <= 10)
        & (np.hypot(ycc[..., None, 1] - modes[:, 1], ycc[..., None, 2] - modes[:, 2]) <= 25),
        axis=-1,
    )
    found = ~flagged & (residual > 10) & (field_gap(luma, flagged, residual) >= 20) & near_mode
    labels, n = ndimage.label(found, np.ones((3, 3)))
    touching = np.zeros(n + 1, dtype=bool)
    touching[np.unique(ndimage.grey_dilation(labels, size=(3, 3))[flagged])] = True
    kept = touching & (np.bincount(labels.ravel(), minlength=n + 1) >= group)
    kept[0] = False
    return kept[labels]


def by_block(luma, flagged, residual):  # noqa: ANN001, ANN201
    height, width = (luma.shape[0] // 2) * 2, (luma.shape[1] // 2) * 2
    inside = flagged[:height, :width].reshape(height // 2, 2, width // 2, 2)
    block = luma[:height, :width].reshape(inside.shape)
    count = inside.sum(axis=(1, 3), keepdims=True)
    mean = np.where(inside, block, 0).sum(axis=(1, 3), keepdims=True) / np.maximum(count, 1)
    found = np.zeros_like(flagged)
    found[:height, :width] = ((count > 0) & ~inside & (np.abs(block - mean) <= 10)).reshape(
        height, width
    )
    return found & (residual > 10)


def by_gap(luma, flagged):  # noqa: ANN001, ANN201
    stroke = np.pad(np.where(flagged, luma, np.nan), 1, constant_values=np.nan)
    height, width = luma.shape
    found = np.zeros_like(flagged)
    for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
        one = stroke[1 + dy : 1 + dy + height, 1 + dx : 1 + dx + width]
        other = stroke[1 - dy : 1 - dy + height, 1 - dx : 1 - dx + width]
        found |= (np.abs(one - other) <= 8) & (np.abs(luma - (one + other) / 2) <= 8)
    return found & ~flagged


def report(label, rgb, opaque, stroke, is_map, cmap, cyclic, group):  # noqa: ANN001
    decoder = Decolorizer(cmap, cyclic=cyclic, vmin=0.0, vmax=1.0)
    result = decoder.decode(rgb if opaque is None else np.dstack([rgb, opaque]))
    flagged = np.isnan(result.values)
    ycc = rgb.astype(float) @ YCC.T
    mine = flagged if opaque is None else flagged & (opaque == 255)
    table = cmap(np.arange(cmap.N), bytes=True)[:, :3].astype(float)
    row = f"{label:<26} {100 * flagged[stroke].mean():6.2f} / {100 * flagged[is_map].mean():5.2f}"
    for found in (
        by_apart(ycc, mine, result.residual),
        by_palette(ycc, mine, result.residual, table, group),
        by_block(ycc[..., 0], mine, result.residual),
        by_gap(ycc[..., 0], mine),
    ):
        new = flagged | found
        row += f"   {100 * new[stroke].mean():6.2f} / {100 * new[is_map].mean():5.2f}"
    print(row)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("maps", nargs="?", default="magma,twilight,cmocean:thermal")
    parser.add_argument("--group", type=int, default=3)
    parser.add_argument("--camera", action="store_true")
    args = parser.parse_args()
    columns = ("default", "apart", "palette", "2x2 block", "gap")
    print(f"{'picture':<26} " + "   ".join(f"{column:>14}" for column in columns))
    for name in args.maps.split(","):
        cmap = cm.colormap(name)
        picture, is_map = cm.annotated(cmap, antialias=True)
        rgb = cm.jpeg(75, 2)(np.ascontiguousarray(picture[..., :3]), is_map)[0]
        report(name, rgb, picture[..., 3], ~is_map, is_map, cmap, name in cm.CYCLIC, args.group)
    if args.camera:
        sys.path.insert(0, str(ROOT))
        from tests.color.test_decolorize_annotations import _annotated, _jpeg

        for name in ("viridis", "jet", "coolwarm"):
            picture, is_map, kinds = _annotated(name)
            stroke = np.any(np.stack(list(kinds.values())), axis=0)
            rgb = np.ascontiguousarray(_jpeg(picture, 75)[..., :3])
            label = f"camera figure {name}"
            report(label, rgb, None, stroke, is_map, cm.colormap(name), False, args.group)


if __name__ == "__main__":
    main()

"""Where a JPEG'd annotation's missed pixels lie (issue 11, Deliver 1).

Draws trial 45's t02 figures (benchmarks/decolorize_trial/trial45/t02_annotations.py: imshow
of a 384 px field, black / gray / white text and lines, Pillow JPEG q75 4:2:0), decodes them
with the default call and prints, for the pixels the annotation moved more than 10 DN that
stay data ("missed"): how far (px, chessboard) they lie from the nearest NaN pixel, the
share of the annotation's pixels in 8-connected strokes with no NaN at all, and, for the
missed pixels within 2 px of a NaN, where their color lies against the segment from the
ink (the median of the NaN pixels within 2 px) to the local field (the median of the
pixels within 4 px that lie 3 px or more from any NaN): the ink-field contrast, the share
of the way t, the distance off the segment, and the share that a ring rule of
``_glyph_rings``' constants (contrast 40 DN, t >= 0.15, off <= 12 DN + 0.1 of the
contrast, its color held by fewer than 3 field pixels) would take from every NaN core.

Usage: ``python benchmarks/annot/misses.py jet:dem:black magma:dem:gray`` (fields camera,
dem, bumps; inks black, gray, white).
"""

from __future__ import annotations

import os
import sys

import numpy as np
from scipy.ndimage import binary_dilation, distance_transform_cdt, label

sys.path.insert(
    0, os.path.join(os.path.dirname(__file__), "..", "decolorize_trial", "trial45")
)
import _common  # noqa: E402
import t02_annotations as t02  # noqa: E402

import truepix as tp  # noqa: E402


def _segment(picture: np.ndarray, nan: np.ndarray, missed: np.ndarray) -> np.ndarray:
    """Per missed pixel within 2 px of a NaN (rows of ``missed``' indices): contrast (DN),
    t, distance off the segment (DN), field pixels holding its color; NaN rows where
    fewer than 3 field pixels tell the field."""
    touched = binary_dilation(nan, np.ones((5, 5), bool))
    rows = []
    for y, x in missed:
        ys, xs = slice(max(0, y - 2), y + 3), slice(max(0, x - 2), x + 3)
        ink = np.median(picture[ys, xs][nan[ys, xs]], axis=0)
        yf, xf = slice(max(0, y - 4), y + 5), slice(max(0, x - 4), x + 5)
        field_pixels = picture[yf, xf][~touched[yf, xf]]
        if len(field_pixels) < 3:
            rows.append((np.nan,) * 4)
            continue
        field = np.median(field_pixels, axis=0)
        step = ink - field
        length = float(np.linalg.norm(step))
        offset = picture[y, x] - field
        along = float(offset @ step) / max(length**2, 1e-9)
        off = float(np.linalg.norm(offset - along * step))
        held = int((np.linalg.norm(field_pixels - picture[y, x], axis=1) <= 8).sum())
        rows.append((length, along, off, held))
    return np.array(rows).reshape(-1, 4)


def main() -> None:
    for spec in sys.argv[1:]:
        name, field, ink = spec.split(":")
        clean = t02.fig(t02.fields[field], name, None)
        drawn = t02.fig(t02.fields[field], name, ink)
        moved = np.abs(drawn.astype(int) - clean.astype(int)).max(-1)
        picture = _common.jpeg(drawn, 75)
        nan = np.isnan(tp.decolorize(picture, cmap=name, vmin=0, vmax=1))
        stroke = moved > 10
        missed = stroke & ~nan
        print(f"{spec}: stroke {stroke.sum()} px, flagged {100 * nan[stroke].mean():.1f} %")
        if not nan.any():
            print("  no NaN at all")
            continue
        distance = distance_transform_cdt(~nan, metric="chessboard")
        counts = np.bincount(np.clip(distance[missed], 0, 9), minlength=10)[1:]
        print("  missed by distance to a NaN (1..8, 9+ px):", " ".join(map(str, counts)))
        strokes, n_strokes = label(stroke, structure=np.ones((3, 3)))
        unflagged = np.bincount(strokes[nan & stroke], minlength=n_strokes + 1) == 0
        unflagged[0] = False
        print(f"  stroke pixels in strokes with no NaN: {unflagged[strokes].sum()}")
        rows = _segment(picture.astype(float), nan, np.argwhere(missed & (distance <= 2)))
        rows = rows[~np.isnan(rows[:, 0])]
        if len(rows) == 0:
            continue
        passed = (rows[:, 0] >= 40) & (rows[:, 1] >= 0.15) & (rows[:, 2] <= 12 + 0.1 * rows[:, 0])
        passed &= rows[:, 3] < 3
        print(
            f"  within 2 px ({len(rows)} with a field): contrast p10/50/90 "
            f"{np.percentile(rows[:, 0], [10, 50, 90]).round(0)}, t "
            f"{np.percentile(rows[:, 1], [10, 50, 90]).round(2)}, off "
            f"{np.percentile(rows[:, 2], [10, 50, 90]).round(0)}; on the segment "
            f"{100 * passed.mean():.0f} %"
        )


if __name__ == "__main__":
    main()

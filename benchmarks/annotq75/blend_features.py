"""Can a per-pixel or per-picture feature tell thin gray/black strokes from a resize's blends?

Issue 11, Deliver 1: on trial 45's t02 figures (matplotlib gray contours + text or black text +
lines over a 384 px field, Pillow JPEG q75) ``_edges.resized_blends`` takes the picture for one
resized before it was JPEG'd and makes the strokes' cores data. This script captures that
function's inputs (``_jpeg.jpeg_off_map``'s candidates and ``on_map``) on six such figures and
five resized-then-JPEG'd photographs of tests/color/test_decolorize_resized_jpeg.py, and prints:

1. the resized test's share (counted candidates strictly between two on-map neighbours), split
   into stroke pixels (changed > 10 DN by the annotation) and the rest;
2. the share of candidates past the threshold that ``edge_blends`` (the loose test that makes
   blends data) takes, for strokes (changed > 40 DN) and the rest, at its tolerance / overshoot /
   passes and stricter ones;
3. "neutral partner" ridges: candidates past the threshold that differ from the field around
   them (the mean of the two pixels 3 px away across, in the direction where those two agree
   best) while their chroma is that field's chroma shrunk toward gray -- a gray or black ink
   mixed into the field -- as a share of the candidates past the threshold.

Usage: ``python benchmarks/annotq75/blend_features.py`` (from the repository root; ~3 min).
"""

from __future__ import annotations

import os
import sys

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib as mpl  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "benchmarks", "annotthin"))
sys.path.insert(0, os.path.join(ROOT, "tests", "color"))
os.chdir(ROOT)
import test_decolorize_resized_jpeg as resized_cases  # noqa: E402
import trace_stages  # noqa: E402

import truepix as tp  # noqa: E402
from truepix.color._decolorize import _edges, _jpeg, _ringed  # noqa: E402
from truepix.color._decolorize._plan import _YCBCR, JPEG_CHROMA_WEIGHT  # noqa: E402

FIGURES = [("jet", "dem", "gray"), ("RdBu_r", "dem", "gray"), ("magma", "dem", "gray"),
           ("jet", "dem", "black"), ("magma", "camera", "gray"), ("jet", "camera", "black")]
#: (map, photograph, factor, resampler, JPEG quality, size before the resize): the test's
PHOTOS = [case + (resized_cases.SIZE,) for case in resized_cases.CASES] + [
    ("turbo", "coffee", 1 / 3, "cv2 area", 75, 512), ("turbo", "camera", 0.5, "cv2 cubic", 50, 512)
]
#: (overshoot, tolerance DN, passes) of the loose blend test; the first is _edges' own
LOOSE = [(_edges.EDGE_OVERSHOOT, _edges.EDGE_BLEND_TOLERANCE, _edges.EDGE_PASSES),
         (0.0, 16.0, 8), (0.0, 10.0, 8), (0.25, 16.0, 1), (0.0, 10.0, 1)]  # fmt: skip
CAUGHT: dict = {}


def _catch() -> None:
    """Keep resized_blends' inputs and jpeg_off_map's residual and plan in CAUGHT."""
    blends, judged = _jpeg.resized_blends, _jpeg.jpeg_off_map

    def resized(flat, scale, width, candidates, on_map, seeds, beyond, inked=None):
        CAUGHT.update(flat=flat, scale=scale, width=width, candidates=candidates,
                      on_map=on_map.copy(), beyond=beyond)  # fmt: skip
        return blends(flat, scale, width, candidates, on_map, seeds, beyond, inked)

    def off_map(flat, scale, width, position, residual, plan, line):
        CAUGHT.update(residual=residual, threshold=plan.threshold)
        return judged(flat, scale, width, position, residual, plan, line)

    _jpeg.resized_blends = resized
    _jpeg.jpeg_off_map = _ringed.jpeg_off_map = off_map


def pictures():
    """(name, map, JPEG'd RGB, per-pixel change by the annotation or None)."""
    for cmap, field_name, annotation in FIGURES:
        values = trace_stages.field(field_name)
        drawn = trace_stages.figure(values, cmap, annotation)
        clean = trace_stages.figure(values, cmap, None)
        changed = np.abs(drawn.astype(int) - clean.astype(int)).max(-1).ravel()
        picture = trace_stages._common.jpeg(drawn, 75)
        yield f"{cmap} {field_name} {annotation}", cmap, picture, changed
    for cmap, photo, factor, method, quality, size in PHOTOS:
        rgb = mpl.colormaps[cmap](resized_cases._photo(photo, size), bytes=True)[..., :3]
        picture = resized_cases._jpeg(resized_cases._resized(rgb, factor, method), quality)
        yield f"{cmap} {photo} {method} {factor:.2f} q{quality}", cmap, picture, None


def resized_share(changed):
    """Table 1's row: the resized test's share, all / stroke / other counted candidates."""
    flat, scale, width = CAUGHT["flat"], CAUGHT["scale"], CAUGHT["width"]
    candidates, on_map, beyond = CAUGHT["candidates"], CAUGHT["on_map"], CAUGHT["beyond"]
    stroked = np.zeros(len(on_map), dtype=bool)
    if beyond.any():
        _edges.degraded.near(candidates[beyond], width, len(on_map) // width,
                             _edges.EDGE_STROKE_RADIUS, stroked)  # fmt: skip
    counted = candidates[~on_map[candidates] & ~stroked[candidates]]
    strict = _edges.EdgeTest(_YCBCR, _edges.EDGE_SHARE_CHROMA, _edges.EDGE_TOLERANCE,
                             _edges.EDGE_LUMA, _edges.EDGE_MARGIN, True)  # fmt: skip
    found, _ = _edges._between_pairs(flat, scale, width, counted, on_map, strict, on_map)
    text = f"counted {len(counted):6d} share {found.mean():.3f}"
    if changed is not None:
        stroke = changed[counted] > 10
        text += (f" | stroke: {stroke.mean():.2f} of counted, share {found[stroke].mean():.3f}"
                 f" | other: share {found[~stroke].mean():.3f}")  # fmt: skip
    return text


def loose_blends(changed):
    """Table 2's row: share of candidates past the threshold taken for blends, per LOOSE."""
    flat, scale, width = CAUGHT["flat"], CAUGHT["scale"], CAUGHT["width"]
    candidates, on_map = CAUGHT["candidates"], CAUGHT["on_map"]
    past = CAUGHT["residual"][candidates] > CAUGHT["threshold"]
    cells = []
    for overshoot, tolerance, passes in LOOSE:
        test = _edges.EdgeTest(_YCBCR, JPEG_CHROMA_WEIGHT, tolerance, _edges.EDGE_STEP,
                               overshoot, False)  # fmt: skip
        blend = _edges.edge_blends(flat, scale, width, candidates, on_map, test, passes)
        if changed is None:
            cells.append(f"{blend[past].mean():.2f}")
        else:
            stroke = changed[candidates] > 40
            cells.append(f"{blend[past & stroke].mean():.2f}/{blend[past & ~stroke].mean():.2f}")
    return "  ".join(f"{cell:>9s}" for cell in cells)


def neutral_ridges(picture, changed, reach=3):
    """Table 3's row: 'neutral partner' ridge pixels as a share of those past the threshold."""
    rgb = picture.astype(float)
    height, width, _ = rgb.shape
    pad = np.pad(rgb, ((reach, reach), (reach, reach), (0, 0)), mode="edge")
    best, field = np.full((height, width), np.inf), np.zeros_like(rgb)
    for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
        ahead = pad[reach + dy * reach:reach + dy * reach + height,
                    reach + dx * reach:reach + dx * reach + width]  # fmt: skip
        behind = pad[reach - dy * reach:reach - dy * reach + height,
                     reach - dx * reach:reach - dx * reach + width]  # fmt: skip
        apart = np.linalg.norm(ahead - behind, axis=-1)
        take = apart < best
        best[take], field[take] = apart[take], ((ahead + behind) / 2)[take]
    own, field, apart = rgb.reshape(-1, 3), field.reshape(-1, 3), best.ravel()
    off = np.linalg.norm(own - field, axis=1)
    past = CAUGHT["residual"] > CAUGHT["threshold"]
    ridge = np.flatnonzero(past & (off > 30) & (apart < 0.5 * off))
    chroma, around = own[ridge] @ _YCBCR[1:].T, field[ridge] @ _YCBCR[1:].T
    size2 = (around**2).sum(1)
    shrunk = (chroma * around).sum(1) / np.maximum(size2, 1e-9)
    error = np.linalg.norm(chroma - shrunk[:, None] * around, axis=1)
    neutral = (np.sqrt(size2) > 15) & (shrunk > -0.2) & (shrunk < 0.9) & (error < 8)
    text = f"ridge {len(ridge) / past.sum():.3f}  neutral {neutral.sum() / past.sum():.3f}"
    if changed is not None:
        text += f" (stroke: {np.mean(changed[ridge][neutral] > 10):.2f} of neutral)"
    return text


def main() -> None:
    _catch()
    rows = []
    for name, cmap, picture, changed in pictures():
        CAUGHT.clear()
        tp.Decolorizer(cmap, vmin=0, vmax=1).decode(picture)
        if "candidates" not in CAUGHT:
            rows.append((name, "resized test not run", "", ""))
            continue
        rows.append((name, resized_share(changed), loose_blends(changed),
                     neutral_ridges(picture, changed)))  # fmt: skip
    print("1. resized test (strict, counted candidates)")
    for row in rows:
        print(f"  {row[0]:38s} {row[1]}")
    print("2. loose blend test, share of candidates past the threshold taken for blends"
          " (figures: stroke > 40 DN / other); columns (overshoot, tolerance, passes):")
    print(f"  {'':38s} " + "  ".join(f"{str(c):>9s}" for c in LOOSE))
    for row in rows:
        print(f"  {row[0]:38s} {row[2]}")
    print("3. ridges and 'neutral partner' ridges, share of candidates past the threshold")
    for row in rows:
        print(f"  {row[0]:38s} {row[3]}")


if __name__ == "__main__":
    main()

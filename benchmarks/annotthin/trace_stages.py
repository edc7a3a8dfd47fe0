"""Where a JPEG'd annotation's stroke pixels are lost, stage by stage (issue 11, Deliver 1).

Draws trial 45's figures (benchmarks/decolorize_trial/trial45/t02_annotations.py: imshow of a
384 px field, gray contours and text or black text and lines, Pillow JPEG q75 4:2:0), decodes
them with the default call and prints, for the pixels the annotation changed by more than 40 DN
("stroke") and the others, the share past the plan's threshold, the share of the stroke's
candidates that seed cores before and after ``_edges.resized_blends`` (which takes a picture
for one resized before it was JPEG'd and makes its blends data), that test's numbers (share
of counted candidates between two on-map neighbours, share of seeds, share whose sides come
back), and the share flagged after each stage of ``_jpeg.jpeg_off_map`` and at the end.

Usage: ``python benchmarks/annotthin/trace_stages.py RdBu_r dem gray`` (maps: any; fields:
dem, camera; annotations: gray, black).
"""

from __future__ import annotations

import sys

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.cbook import get_sample_data  # noqa: E402

import truepix as tp  # noqa: E402
from truepix.color._decolorize import _edges, _jpeg  # noqa: E402

sys.path.insert(0, "benchmarks/decolorize_trial/trial45")
import _common  # noqa: E402

SIZE = 384
STAGES = ("_follow_strokes", "strokes_unbled", "inked_strokes", "jump_strokes",
          "gray_ink_strokes", "end_ink_strokes", "ink_blends", "fringes")  # fmt: skip


def field(name: str) -> np.ndarray:
    """The trial's 384 px crop of matplotlib's DEM or skimage's camera, in [0, 1]."""
    if name == "dem":
        elevation = np.asarray(get_sample_data("jacksboro_fault_dem.npz")["elevation"], float)
        return _common.crop(_common.norm01(elevation), SIZE)
    return _common.crop(_common.real_fields()["camera"], SIZE)


def figure(values: np.ndarray, cmap: str, annotation: str | None) -> np.ndarray:
    """t02's figure: imshow filling the canvas, the annotation drawn over it; RGB bytes."""
    height, width = values.shape
    fig = plt.figure(figsize=(width / 100, height / 100), dpi=100)
    axes = fig.add_axes([0, 0, 1, 1])
    axes.set_axis_off()
    axes.imshow(values, cmap=cmap, vmin=0, vmax=1, interpolation="nearest", aspect="auto")
    if annotation == "black":
        axes.text(20, 60, "Elevation 1234 m", color="k", fontsize=14)
        axes.plot([10, width - 10], [height * 0.7, height * 0.3], "k-", lw=1)
        axes.plot([10, width - 10], [height * 0.2, height * 0.8], "k--", lw=0.6)
    elif annotation == "gray":
        axes.text(20, 60, "t = 3.5 s", color="0.5", fontsize=16)
        axes.plot([10, width - 10], [height * 0.5, height * 0.6], color="0.5", lw=1)
        axes.contour(values, levels=[0.3, 0.7], colors="0.4", linewidths=0.8)
    fig.canvas.draw()
    rgb = np.asarray(fig.canvas.buffer_rgba())[..., :3].copy()
    plt.close(fig)
    return rgb


def main(cmap: str, field_name: str, annotation: str) -> None:
    values = field(field_name)
    drawn = figure(values, cmap, annotation)
    changed = np.abs(drawn.astype(int) - figure(values, cmap, None).astype(int)).max(-1)
    stroke = (changed > 40).ravel()
    lines: list[str] = []

    def share(mask: np.ndarray, name: str) -> None:
        lines.append(f"  {name:22s} stroke {100 * mask[stroke].mean():6.1f} %   "
                     f"other {100 * mask[~stroke].mean():6.3f} %")  # fmt: skip

    def traced(name: str):
        original = getattr(_jpeg, name)

        def run(*args, **kwargs):
            out = original(*args, **kwargs)
            masks = [a for a in args if isinstance(a, np.ndarray) and a.dtype == bool
                     and a.size == stroke.size]  # fmt: skip
            if masks:
                share(masks[0], name)
            return out

        return run

    for name in STAGES:
        setattr(_jpeg, name, traced(name))
    resized_blends = _jpeg.resized_blends

    def resized(flat, scale, width, candidates, on_map, seeds, beyond, inked=None):
        blend, taken = resized_blends(flat, scale, width, candidates, on_map, seeds, beyond,
                                      inked)  # fmt: skip
        height = len(on_map) // width
        stroked = np.zeros(len(on_map), dtype=bool)
        if beyond.any():
            _edges.degraded.near(candidates[beyond], width, height, _edges.EDGE_STROKE_RADIUS,
                                 stroked)  # fmt: skip
        kept = ~on_map[candidates] & ~stroked[candidates]
        counted = candidates[kept]
        strict = _edges.EdgeTest(_edges._YCBCR, _edges.EDGE_SHARE_CHROMA, _edges.EDGE_TOLERANCE,
                                 _edges.EDGE_LUMA, _edges.EDGE_MARGIN, True)  # fmt: skip
        found, pair = _edges._between_pairs(flat, scale, width, counted, on_map, strict, on_map)
        back = _edges.inked_share(flat, scale, width, counted[found], pair[found])
        ours = stroke[candidates]
        lines.append(
            f"  resized test: taken {taken}, share {found.mean():.3f}, seeds "
            f"{seeds[kept].mean():.3f}, sides back {back:.3f}; stroke candidates seeding "
            f"{100 * seeds[ours].mean():.1f} % -> {100 * (seeds & ~blend)[ours].mean():.1f} %"
        )
        return blend, taken

    _jpeg.resized_blends = resized
    judged = _jpeg.jpeg_off_map

    def off_map(flat, scale, width, position, residual, plan, line):
        share(residual > plan.threshold, "past the threshold")
        return judged(flat, scale, width, position, residual, plan, line)

    _jpeg.jpeg_off_map = off_map
    from truepix.color._decolorize import _ringed

    _ringed.jpeg_off_map = off_map
    result = tp.Decolorizer(cmap, vmin=0, vmax=1).decode(_common.jpeg(drawn, 75))
    share(np.isnan(result.values).ravel(), "NaN at the end")
    print(f"{cmap} {field_name} {annotation}: threshold {result.threshold:.1f} DN, "
          f"noise {result.noise:.2f}")  # fmt: skip
    print("\n".join(lines))


if __name__ == "__main__":
    main(*sys.argv[1:4])

"""What the figure benchmarks (figures.py, figures_grid.py) share: the file of a drawn figure,
where its boxes are in that file's pixels, and how two boxes overlap."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
from PIL import Image

__all__ = ["corner_checks", "corners_right", "figure_file", "iou", "pixel_box"]


def pixel_box(ax, fig) -> tuple[float, float, float, float]:
    """An Axes' box (left, top, right, bottom) in the saved picture's pixels (rows from the top)."""
    height = int(fig.bbox.height)  # the canvas Agg draws has int(height) rows
    extent = ax.get_window_extent()
    return (extent.x0, height - extent.y1, extent.x1, height - extent.y0)


def figure_file(fig, *, dpi: float, jpeg: bool = False, close: bool = True) -> bytes:
    """The figure as PNG bytes, or as the JPEG q75 (Pillow, 4:2:0) users post.

    The figure is closed unless ``close=False`` (plotnine lays a figure out
    when it is saved: its boxes are measured after this call).
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    if close:
        plt.close(fig)
    data = buffer.getvalue()
    if jpeg:
        out = io.BytesIO()
        Image.open(io.BytesIO(data)).convert("RGB").save(out, format="JPEG", quality=75)
        data = out.getvalue()
    return data


def corner_checks(panel, axes, xlim, ylim) -> tuple[str, str]:
    """Per axis (x, y): "ok" when the values read at the plot area's edges are within one
    pixel's worth of the truth, "px" when the axis was not read (pixels), else "FAIL".

    ``axes``: the drawn plot area (left, top, right, bottom) in pixels;
    ``xlim``/``ylim``: the values at its left/right and bottom/top edges.
    """
    left, top, right, bottom = axes
    checks = []
    for axis, (p0, p1), (v0, v1) in ((panel.x, (left, right), xlim), (panel.y, (bottom, top), ylim)):
        if axis.scale is None:
            checks.append("px")
            continue
        worth = abs(v1 - v0) / abs(p1 - p0)
        found = axis.scale.value(np.array([p0, p1]))
        checks.append("ok" if np.all(np.abs(found - np.array([v0, v1])) <= worth) else "FAIL")
    return checks[0], checks[1]


def corners_right(panel, axes, xlim, ylim) -> bool:
    """Both axes "ok" in :func:`corner_checks`."""
    return all(check == "ok" for check in corner_checks(panel, axes, xlim, ylim))


def iou(a, b) -> float:
    """Intersection over union of two (left, top, right, bottom) boxes."""
    left, top = max(a[0], b[0]), max(a[1], b[1])
    right, bottom = min(a[2], b[2]), min(a[3], b[3])
    inter = max(0.0, right - left) * max(0.0, bottom - top)
    area = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / area if area > 0 else 0.0

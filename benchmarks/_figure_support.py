"""What the figure benchmarks (figures.py, figures_grid.py) share: the file of a drawn figure,
where its boxes are in that file's pixels, and how two boxes overlap."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
from PIL import Image

__all__ = ["figure_file", "iou", "pixel_box"]


def pixel_box(ax, fig) -> tuple[float, float, float, float]:
    """An Axes' box (left, top, right, bottom) in the saved picture's pixels (rows from the top)."""
    height = fig.bbox.height
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


def iou(a, b) -> float:
    """Intersection over union of two (left, top, right, bottom) boxes."""
    left, top = max(a[0], b[0]), max(a[1], b[1])
    right, bottom = min(a[2], b[2]), min(a[3], b[3])
    inter = max(0.0, right - left) * max(0.0, bottom - top)
    area = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / area if area > 0 else 0.0

"""Figures made the way users make them: matplotlib savefig, with their truth read from the artists."""

from __future__ import annotations

import io
from dataclasses import dataclass

import matplotlib
import numpy as np

from tests._needs import need_module

matplotlib.use("Agg")
import matplotlib.pyplot as plt

need_module("xarray")
need_module("onnxruntime")


@dataclass
class Made:
    """A saved figure and what drew it."""

    png: bytes
    axes: list[tuple[float, float, float, float]]  # plot areas, image pixels (l, t, r, b)
    bars: list[tuple[tuple[float, float, float, float], str]]  # colorbar axes boxes, orientation
    limits: list[tuple[float, float, float, float]]  # (x0, x1, y0, y1) of each axes, as drawn


def box_of(artist, height: float) -> tuple[float, float, float, float]:
    extent = artist.get_window_extent()
    return (extent.x0, height - extent.y1, extent.x1, height - extent.y0)


def save(fig, axes, bars, *, fmt: str = "png", **kwargs) -> Made:
    """savefig to bytes after a draw; boxes from the drawn artists."""
    fig.canvas.draw()
    height = int(fig.bbox.height)  # the canvas Agg draws has int(height) rows
    made_axes = [box_of(ax, height) for ax in axes]
    limits = [(*ax.get_xlim(), *ax.get_ylim()) for ax in axes]
    made_bars = [(box_of(cb.ax, height), cb.orientation) for cb in bars]
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=fig.dpi, **kwargs)
    plt.close(fig)
    return Made(buffer.getvalue(), made_axes, made_bars, limits)


def jpeg_of(png: bytes, quality: int = 75) -> bytes:
    """A saved figure's bytes as Pillow's JPEG (RGB, 4:2:0) at ``quality``."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.open(io.BytesIO(png)).convert("RGB").save(buffer, format="JPEG", quality=quality)
    return buffer.getvalue()


def iou(a, b) -> float:
    left, top = max(a[0], b[0]), max(a[1], b[1])
    right, bottom = min(a[2], b[2]), min(a[3], b[3])
    inter = max(0.0, right - left) * max(0.0, bottom - top)
    area = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / area


def smooth_field(ny: int, nx: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:ny, 0:nx]
    field = np.sin(xx / rng.uniform(4, 12) + rng.uniform(0, 3)) * np.cos(yy / rng.uniform(4, 12))
    return field


def pixels_inside(box) -> tuple[int, int]:
    """(rows, columns) of the pixels whose centres lie inside a (left, top, right, bottom) box."""
    left, top, right, bottom = box
    rows = [r for r in range(int(top) - 1, int(bottom) + 2) if top < r + 0.5 < bottom]
    columns = [c for c in range(int(left) - 1, int(right) + 2) if left < c + 0.5 < right]
    return len(rows), len(columns)

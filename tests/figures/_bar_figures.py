"""A figure with a colorbar as a user saves it, and the bar's length: for the colorbar-end
tests (test_read_figure_paper_ends) and benchmarks/bar_ends, which read its ends."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import matplotlib.pyplot as plt
from PIL import Image


def bar_figure(
    draw: Callable[[Any], Any],
    *,
    extend: str = "neither",
    outline: bool = True,
    kind: str = "png",
    orientation: str = "vertical",
) -> tuple[bytes, float]:
    """savefig PNG (``kind="jpeg"``: then Pillow JPEG q75) of a 6 x 4.8 in, 100 dpi figure of
    ``draw(ax)`` (the mappable) with a colorbar; its bytes and the bar's length in pixels
    (matplotlib's colorbar axes)."""
    fig, ax = plt.subplots(figsize=(6, 4.8), dpi=100)
    bar = fig.colorbar(draw(ax), extend=extend, orientation=orientation)
    bar.outline.set_visible(outline)
    fig.canvas.draw()
    box = bar.ax.get_window_extent()
    length = box.height if orientation == "vertical" else box.width
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    if kind == "jpeg":
        out = io.BytesIO()
        Image.open(buffer).convert("RGB").save(out, format="JPEG", quality=75)
        return out.getvalue(), length
    return buffer.getvalue(), length

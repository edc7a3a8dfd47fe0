"""Multi-panel figures drawn and resized as in a screenshot, with their plot areas' truth
(for test_read_figure_panels and test_read_figure_panels_layouts)."""

from __future__ import annotations

import functools
import io

import matplotlib.pyplot as plt
import numpy as np
from PIL import Image

from tests.figures.conftest import iou, save
from truepix.color._identify._colorbar import find_colorbars
from truepix.figures import _labels
from truepix.figures._plot_areas import plot_areas

_SIZES = {(1, 2): (10, 4), (1, 3): (12, 4), (2, 2): (9, 7), (2, 3): (12, 7)}
_FILTERS = {"LANCZOS": Image.LANCZOS, "BICUBIC": Image.BICUBIC, "BILINEAR": Image.BILINEAR}


@functools.cache  # the layout sweep resizes each drawn figure several ways
def _subplots(rows: int, columns: int, seed: int, shared: bool, *, off: int | None = None):
    """Random pcolormesh cells in every axes; one bar for all (constrained layout) or one each."""
    rng = np.random.default_rng(seed)
    layout = "constrained" if shared else None
    fig, grid = plt.subplots(rows, columns, figsize=_SIZES[rows, columns], dpi=110, layout=layout, squeeze=False)
    axes, bars, mesh = [], [], None
    for k, ax in enumerate(grid.flat):
        if k == off:
            ax.axis("off")  # an empty slot of the layout
            continue
        cells = rng.uniform(0, 50, size=(15 + 3 * k, 25))
        edges = (np.linspace(0, 5, 26), np.linspace(0, 3, cells.shape[0] + 1))
        mesh = ax.pcolormesh(*edges, cells, cmap="magma", vmin=0, vmax=50)
        axes.append(ax)
        if not shared:
            bars.append(fig.colorbar(mesh, ax=ax))
    if shared:
        bars.append(fig.colorbar(mesh, ax=grid))
    return save(fig, axes, bars)


def _resized(made, scale: float, resample: str) -> tuple[np.ndarray, list[tuple[float, ...]]]:
    picture = Image.open(io.BytesIO(made.png)).convert("RGB")
    size = (round(picture.width * scale), round(picture.height * scale))
    return np.asarray(picture.resize(size, _FILTERS[resample])), [tuple(v * scale for v in b) for b in made.axes]


def _areas_of(rgb: np.ndarray) -> tuple[list[tuple[float, ...]], dict]:
    inferred: dict = {}
    areas, _ = plot_areas(rgb, _labels.ink(_labels.paper(rgb)), find_colorbars(rgb), {}, inferred)
    return [box for box, _ in areas], inferred


def _matched(found, truth) -> bool:
    return len(found) == len(truth) and all(any(iou(f, t) > 0.9 for f in found) for t in truth)

"""Annotations as matplotlib draws them, on a JPEG'd figure: contour lines and text.

benchmarks/colormaps.py's ``flags`` picture is Pillow's strokes crowded on a field;
this one is what a user's figure holds: an ``imshow`` of a smooth field with
``contour`` lines and ``ax.text`` in one color the map lacks, saved by
``savefig(format="jpg")`` (Pillow, quality 75, 4:2:0). Stroke pixels are those
the annotation moved more than 12 DN (the faint antialiased fringe counts as
neither stroke nor data); data pixels are those it left alone. A stroke pixel that
comes back as a number is *silently wrong* when that number is more than
``_SILENT`` of the range from the data under the stroke: a flag missed on a faint
edge that still decodes to the field beneath costs the user nothing, this does.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import matplotlib as mpl
import numpy as np
from PIL import Image
from scipy.spatial import cKDTree

from truepix import Decolorizer

#: Stroke colors tried on every map; those within 12 DN of the map are left out.
COLORS = {"white": (255, 255, 255), "black": (0, 0, 0), "gray": (128, 128, 128),
          "magenta": (200, 30, 120)}  # fmt: skip
#: Light strokes (matplotlib's 0.75 and 0.85 gray), which sit inside diverging maps'
#: luma range: benchmarks/_stroke_screen.py screens them along with COLORS.
LIGHT = {"light gray": (191, 191, 191), "pale gray": (217, 217, 217)}
#: Colored strokes whose hue the map holds (red on coolwarm's and turbo's warm ends):
#: benchmarks/_stroke_screen.py screens them along with COLORS.
COLORED = {"red": (255, 0, 0)}
_MOVED = 12.0
#: A stroke pixel's value this far (share of the range) from the data under it is wrong.
_SILENT = 0.05


def _figure(
    cmap: mpl.colors.Colormap, data: np.ndarray, color: str | None, *, jpeg: bool,
    quality: int = 75,
) -> np.ndarray:  # fmt: skip
    """The figure as RGB: an axes-filling imshow, with contours and text in ``color``
    (a name in COLORS, LIGHT or COLORED); JPEG at ``quality`` (4:2:0) where ``jpeg``."""
    import matplotlib.pyplot as plt

    height, width = data.shape
    fig = plt.figure(figsize=(width / 100, height / 100), dpi=100)
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_axis_off()
    ax.imshow(data, cmap=cmap, vmin=0.0, vmax=1.0, interpolation="nearest", aspect="auto")
    if color is not None:
        rgb = np.array({**COLORS, **LIGHT, **COLORED}[color]) / 255
        ax.contour(data, levels=[0.25, 0.5, 0.75], colors=[rgb], linewidths=1.0)
        ax.text(30, 60, "T = 25.0 K", color=rgb, fontsize=12)
        ax.text(200, 220, "max 3.2 m/s", color=rgb, fontsize=10)
    buffer = io.BytesIO()
    if jpeg:
        fig.savefig(buffer, format="jpg", pil_kwargs={"quality": quality})
    else:
        fig.savefig(buffer, format="png")
    plt.close(fig)
    return np.asarray(Image.open(buffer).convert("RGB"))


def drawn_flags(
    maps: list[str], colormap: Callable[[str], mpl.colors.Colormap], cyclic: set[str]
) -> None:
    """Print, per map and stroke color: stroke pixels flagged / stroke pixels silently
    wrong (``_SILENT``) / data pixels lost, %."""
    print("\nmatplotlib contour lines and text on a JPEG q75 imshow figure:")
    print(f"stroke pixels flagged (NaN) / stroke pixels > {_SILENT:.0%} of the range off,")
    print("unflagged / data pixels lost, %")
    header = f"{'map':<18}" + "".join(f"{name:>20}" for name in COLORS)
    print(header)
    print("-" * len(header))
    y, x = np.mgrid[0:300, 0:400]
    data = 0.5 + 0.45 * np.sin(x / 37 + np.cos(y / 41)) * np.cos(y / 29)
    for name in maps:
        cmap = colormap(name)
        tree = cKDTree(cmap(np.arange(cmap.N), bytes=True)[:, :3].astype(float))
        decoder = Decolorizer(cmap, cyclic=name in cyclic, vmin=0.0, vmax=1.0)
        clean = _figure(cmap, data, None, jpeg=False).astype(float)
        row = f"{name:<18}"
        for color, rgb in COLORS.items():
            if tree.query(rgb)[0] <= _MOVED:
                row += f"{'(on the map)':>20}"
                continue
            drawn = _figure(cmap, data, color, jpeg=False).astype(float)
            moved = np.sqrt(((drawn - clean) ** 2).sum(axis=-1))
            stroke, untouched = moved > _MOVED, moved == 0
            values = decoder.values(_figure(cmap, data, color, jpeg=True))
            lost = np.isnan(values)
            wrong = ~lost & (np.abs(values - data) > _SILENT)
            row += (
                f"{100 * lost[stroke].mean():>7.1f} /{100 * wrong[stroke].mean():>4.1f}"
                f" /{100 * lost[untouched].mean():>5.2f}"
            )
        print(row)

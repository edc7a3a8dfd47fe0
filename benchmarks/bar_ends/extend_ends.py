"""read_figure's colorbar ends under extend triangles (default under/over colors: the map's ends).

A 48 x 64 imshow of a ramp past both ends, ``Normalize(0.03, 0.97)`` (no
tick on an end, so the end's pixel position alone gives vmin/vmax), a
colorbar with ``extend`` in min / max / both / neither, vertical and
horizontal, savefig PNG and Pillow JPEG q75. Prints each reading's vmin and
vmax error in pixels of the bar (the bar's range over its length).

    python benchmarks/bar_ends/extend_ends.py [--maps magma,gray] [--kinds png,jpeg]
"""

from __future__ import annotations

import argparse
import os
import sys

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
from matplotlib.colors import Normalize  # noqa: E402

import truepix as tp  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
from tests.figures._bar_figures import bar_figure  # noqa: E402


def picture(cmap: str, extend: str, orientation: str, kind: str) -> tuple[bytes, float]:
    """The figure's bytes and the bar's length in pixels (matplotlib's colorbar axes)."""
    norm = Normalize(0.03, 0.97)
    ramp = norm.inverse(np.linspace(-0.05, 1.05, 48 * 64).reshape(48, 64))
    draw = lambda ax: ax.imshow(ramp, cmap=cmap, norm=norm)  # noqa: E731
    return bar_figure(draw, extend=extend, orientation=orientation, kind=kind)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maps", default="magma,hot,gray,viridis,jet,Blues")
    parser.add_argument("--kinds", default="png,jpeg")
    args = parser.parse_args()
    print(f"{'kind':5} {'orient':10} {'map':8} {'extend':8} {'vmin px':>8} {'vmax px':>8} {'conf':>5}")
    for kind in args.kinds.split(","):
        for orientation in ("vertical", "horizontal"):
            for cmap in args.maps.split(","):
                for extend in ("min", "max", "both", "neither"):
                    data, length = picture(cmap, extend, orientation, kind)
                    panel = tp.read_figure(data).panels[0]
                    pixel = 0.94 / length
                    low, high = (panel.vmin - 0.03) / pixel, (panel.vmax - 0.97) / pixel
                    print(
                        f"{kind:5} {orientation:10} {cmap:8} {extend:8} {low:8.2f} {high:8.2f} "
                        f"{panel.confidence:5.2f}",
                        flush=True,
                    )


if __name__ == "__main__":
    main()

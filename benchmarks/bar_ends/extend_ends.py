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
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.colors import Normalize  # noqa: E402
from PIL import Image  # noqa: E402

import truepix as tp  # noqa: E402


def picture(cmap: str, extend: str, orientation: str, kind: str) -> tuple[bytes, float]:
    """The figure's bytes and the bar's length in pixels (matplotlib's colorbar axes)."""
    fig, ax = plt.subplots(figsize=(6, 4.8), dpi=100)
    norm = Normalize(0.03, 0.97)
    ramp = norm.inverse(np.linspace(-0.05, 1.05, 48 * 64).reshape(48, 64))
    bar = fig.colorbar(ax.imshow(ramp, cmap=cmap, norm=norm), extend=extend, orientation=orientation)
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

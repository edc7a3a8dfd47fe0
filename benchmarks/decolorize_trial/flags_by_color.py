"""benchmarks/colormaps.py's annotated pictures, JPEG q75: flagged share per stroke color.

The ``flags`` table pools every annotation; this says which color is missed, how far
inside the stroke (1: its edge pixels) and how far its missed pixels are from the map
(residual, DN). Colors are read from the hard-edged picture (same strokes).

    PYTHONPATH=src python benchmarks/decolorize_trial/flags_by_color.py magma,twilight
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from scipy import ndimage

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import colormaps as cm  # noqa: E402

from truepix import Decolorizer  # noqa: E402

PALETTE = {"white": (255, 255, 255), "gray": (128, 128, 128), "magenta": (200, 30, 120),
           "green": (40, 160, 60), "black": (0, 0, 0)}  # fmt: skip


def main(maps: list[str], subsampling: int = 2) -> None:
    for name in maps:
        cmap = cm.colormap(name)
        decoder = Decolorizer(cmap, cyclic=name in cm.CYCLIC, vmin=0.0, vmax=1.0)
        hard, _ = cm.annotated(cmap, antialias=False)
        for antialias in (False, True):
            picture, is_map = cm.annotated(cmap, antialias=antialias)
            rgb = cm.jpeg(75, subsampling)(np.ascontiguousarray(picture[..., :3]), is_map)[0]
            result = decoder.decode(np.concatenate([rgb, picture[..., 3:]], axis=-1))
            lost = np.isnan(result.values)
            depth = ndimage.distance_transform_edt(~is_map)
            label = "antialiased" if antialias else "hard edges"
            print(f"{name} {label}: map pixels lost {100 * lost[is_map].mean():.2f} %")
            for color, value in PALETTE.items():
                stroke = np.all(hard[..., :3] == value, axis=-1) & ~is_map & (hard[..., 3] == 255)
                if not stroke.any():
                    continue
                missed = stroke & ~lost
                edge = 100 * (depth[missed] <= 1).mean() if missed.any() else 0.0
                residual = np.median(result.residual[missed]) if missed.any() else 0.0
                print(f"  {color:<8} {stroke.sum():>6} px  flagged {100 * lost[stroke].mean():6.2f} %"
                      f"  missed {missed.sum():>5} ({edge:3.0f} % on the edge,"
                      f" residual median {residual:5.1f} DN)")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1].split(",") if len(sys.argv) > 1 else ["magma", "twilight", "cmocean:thermal"])

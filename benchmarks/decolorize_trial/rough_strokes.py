"""Why strokes near the map stay data on JPEG'd annotated pictures (q75 4:2:0).

For benchmarks/colormaps.py's annotated pictures: per stroke color, pixels flagged and
missed; for the missed ones, how far their chroma moved toward the stroke's color (a
share of the way from the map's color at their position; JPEG's 4:2:0 averaging and
quantization take the rest), how many have a kept map pixel of the same decoded color
(6 DN, Y Cb Cr) within 3 px, and the share flagged by the luma gap between the stroke's
color and the clean field beneath it (what is left to tell a thin stroke from data).

    PYTHONPATH=src python benchmarks/decolorize_trial/rough_strokes.py magma,twilight
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import colormaps as cm  # noqa: E402

from truepix import Decolorizer  # noqa: E402
from truepix.color._decolorize._plan import _YCBCR  # noqa: E402

PALETTE = {"white": (255, 255, 255), "gray": (128, 128, 128), "magenta": (200, 30, 120),
           "green": (40, 160, 60), "black": (0, 0, 0)}  # fmt: skip
GAPS = ((0, 10), (10, 20), (20, 40), (40, 80), (80, 300))


def _twins(ycc: np.ndarray, kept_map: np.ndarray, missed: np.ndarray) -> np.ndarray:
    """Per missed pixel: a kept map pixel within 3 px holds its decoded color (6 DN)."""
    height, width = kept_map.shape
    ys, xs = np.nonzero(missed)
    twin = np.zeros(len(ys), dtype=bool)
    for dy in range(-3, 4):
        for dx in range(-3, 4):
            yy, xx = np.clip(ys + dy, 0, height - 1), np.clip(xs + dx, 0, width - 1)
            near = np.sqrt(((ycc[ys, xs] - ycc[yy, xx]) ** 2).sum(axis=-1)) <= 6
            twin |= kept_map[yy, xx] & near
    return twin


def main(maps: list[str]) -> None:
    y, x = np.mgrid[0:300, 0:400]
    field = 0.5 + 0.45 * np.sin(x / 23 + np.cos(y / 31)) * np.cos(y / 19)  # as annotated()
    for name in maps:
        cmap = cm.colormap(name)
        decoder = Decolorizer(cmap, cyclic=name in cm.CYCLIC, vmin=0.0, vmax=1.0)
        hard, _ = cm.annotated(cmap, antialias=False)
        picture, is_map = cm.annotated(cmap, antialias=True)
        rgb = cm.jpeg(75, 2)(np.ascontiguousarray(picture[..., :3]), is_map)[0]
        result = decoder.decode(np.concatenate([rgb, picture[..., 3:]], axis=-1))
        lost = np.isnan(result.values)
        ycc = rgb.astype(float) @ _YCBCR.T
        clean_luma = cmap(field, bytes=True)[..., :3].astype(float) @ _YCBCR[0]
        # the map's color at each pixel's position (limits 0, 1: values are positions)
        at = cmap(result.values)[..., :3] * 255 @ _YCBCR.T
        print(f"{name}: annotations flagged {100 * lost[~is_map].mean():.2f} %, "
              f"missed {np.count_nonzero(~is_map & ~lost)}")  # fmt: skip
        for color, value in PALETTE.items():
            stroke = np.all(hard[..., :3] == value, axis=-1) & ~is_map & (hard[..., 3] == 255)
            stroke[:, :24] = stroke[-12:, :] = False  # (the margins: blocks, no strokes)
            if not stroke.any():
                continue
            missed = stroke & ~lost
            own = np.array(value, dtype=float) @ _YCBCR.T
            toward = own[1:] - at[missed][:, 1:]
            moved = ((ycc[missed][:, 1:] - at[missed][:, 1:]) * toward).sum(axis=-1)
            share = moved / np.maximum((toward**2).sum(axis=-1), 1e-9)
            twins = _twins(ycc, is_map & ~lost, missed)
            gap = np.abs(clean_luma - own[0])
            by_gap = "  ".join(
                f"{low}-{high}: {100 * lost[stroke & (gap >= low) & (gap < high)].mean():.0f}"
                for low, high in GAPS
                if np.any(stroke & (gap >= low) & (gap < high))
            )
            print(f"  {color:<8} flagged {100 * lost[stroke].mean():6.2f} %, missed"
                  f" {missed.sum():>5}: chroma moved < 0.2 of the way"
                  f" {100 * np.mean(share < 0.2):3.0f} %, twins {twins.sum():>5};"
                  f" flagged by field luma gap (DN): {by_gap}")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1].split(",") if len(sys.argv) > 1 else ["magma", "twilight"])

"""Rebuild ``src/truepix/color/data/opencv.npz`` from the installed OpenCV.

OpenCV is a test-only dependency of truepix, so its colormap tables travel as
data. Each table is what ``cv2.applyColorMap`` paints for the inputs 0..255,
converted from OpenCV's BGR to RGB. Run from the repository root::

    python tools/build_opencv_colormaps.py
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

OUT = Path(__file__).resolve().parents[1] / "src" / "truepix" / "color" / "data" / "opencv.npz"


def main() -> None:
    ramp = np.arange(256, dtype=np.uint8).reshape(256, 1)
    tables: dict[str, np.ndarray] = {}
    for attr in sorted(dir(cv2)):
        if not attr.startswith("COLORMAP_"):
            continue
        bgr = cv2.applyColorMap(ramp, getattr(cv2, attr))
        tables[attr.removeprefix("COLORMAP_").lower()] = np.ascontiguousarray(bgr[:, 0, ::-1])
    tables["__version__"] = np.array(cv2.__version__)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT, **tables)
    print(f"wrote {len(tables) - 1} OpenCV colormaps to {OUT}")


if __name__ == "__main__":
    main()

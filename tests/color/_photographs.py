"""Pictures as users make them, shared by the decolorize tests: scikit-image's camera
drawn with ``plt.imsave`` and read back with Pillow."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image


def camera_256() -> np.ndarray:
    """scikit-image's camera, 256^2 (OpenCV area), as 0-255 float32."""
    import cv2
    from skimage import data

    return cv2.resize(data.camera().astype(np.float32), (256, 256), interpolation=cv2.INTER_AREA)


def imsave_rgb(field: np.ndarray, cmap: str) -> np.ndarray:
    """``field`` (0-255) drawn with ``plt.imsave(..., vmin=0, vmax=255)``: the PNG's RGB."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    plt.imsave(buffer, field, cmap=cmap, vmin=0, vmax=255)
    return np.asarray(Image.open(buffer).convert("RGB"))

"""Histogram equalization of one image in plain numpy: the oracle of the batch kernels.

Two definitions, each the one users already trust:

* uint8 images, as OpenCV's ``equalizeHist``: a 256-bin histogram, the lookup
  table ``round(cdf_after_first_level * 255 / (total - first_level_count))`` in
  float32 and rounded half to even (``cvRound``); an image of one value keeps it;
* every other image, as scikit-image's ``exposure.equalize_hist``: for floats
  ``nbins`` bins over the image's range with ``np.histogram``, the CDF (cast to
  float32 for float16/float32 images, as scikit-image does) interpolated at the
  bin centers; for integers one bin per value. The result is float64 (scikit-image
  rounds it to float32 for float32 input; here the extra digits are kept).

With a mask, only the masked pixels make the histogram and every pixel is mapped.
"""

from __future__ import annotations

import numpy as np

__all__ = ["equalize_image"]


def _cdf_float(values: np.ndarray, nbins: int, float_type: type) -> tuple[np.ndarray, np.ndarray]:
    hist, edges = np.histogram(values, bins=nbins, range=(values.min(), values.max()))
    centers = (edges[:-1] + edges[1:]) / 2.0
    cdf = hist.cumsum()
    return centers, (cdf / float(cdf[-1])).astype(float_type)


def _cdf_integer(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    low, high = int(values.min()), int(values.max())
    hist = np.bincount((values.astype(np.int64) - low).ravel(), minlength=high - low + 1)
    cdf = hist.cumsum()
    return np.arange(low, high + 1), cdf / float(cdf[-1])


def _opencv_uint8(image: np.ndarray, values: np.ndarray) -> np.ndarray:
    hist = np.bincount(values.ravel(), minlength=256)
    first = int(np.flatnonzero(hist)[0])
    total = values.size
    if hist[first] == total:
        return np.full(image.shape, first, np.uint8)
    # float32 arithmetic and round-half-even, as cv::equalizeHist's saturate_cast
    scale = np.float32(255.0) / np.float32(total - hist[first])
    lut = np.zeros(256, np.uint8)
    running = np.cumsum(hist[first + 1 :]).astype(np.float32)
    lut[first + 1 :] = np.clip(np.rint(running * scale), 0, 255).astype(np.uint8)
    return lut[image]


def equalize_image(
    image: np.ndarray, nbins: int = 256, mask: np.ndarray | None = None
) -> np.ndarray:
    """Equalize one 2-D image (uint8 -> uint8 as OpenCV, else float64 as scikit-image).

    Examples
    --------
    >>> equalize_image(np.array([[0, 0], [10, 200]], np.uint8))
    array([[  0,   0],
           [128, 255]], dtype=uint8)
    >>> equalize_image(np.array([[0.0, 1.0], [2.0, 3.0]]), nbins=4)
    array([[0.25      , 0.45833333],
           [0.79166667, 1.        ]])
    """
    values = image if mask is None else image[mask]
    if image.dtype == np.uint8:
        return _opencv_uint8(image, values)
    if image.dtype.kind in "iu":
        centers, cdf = _cdf_integer(values)
    else:
        float_type = np.float64 if image.dtype == np.float64 else np.float32
        centers, cdf = _cdf_float(values, nbins, float_type)
    return np.interp(image.ravel(), centers, cdf).reshape(image.shape)

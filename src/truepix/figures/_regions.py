"""Connected regions of a mask, and medians per labelled region, with OpenCV and numpy.

The same answers as ``scipy.ndimage.label`` + ``find_objects`` (8-connected,
in the order of each region's first pixel in a row-by-row scan) and
``scipy.ndimage.median`` (the mean of the two middle values of an even count;
a label with no pixels gets the lowest value of all), without importing
scipy.ndimage for them: a first ``read_figure`` in a process reads tick
labels before anything else needs scipy.
"""

from __future__ import annotations

import numpy as np

__all__ = ["components", "label_medians"]


def components(binary: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Boxes (d0, d1, l0, l1) of the 8-connected regions of ``binary``, in scan order of their first pixel.

    Examples
    --------
    >>> mask = np.zeros((4, 6), bool)
    >>> mask[1, 4:6] = mask[2:4, 0] = mask[0, 2] = mask[1, 3] = True
    >>> components(mask)
    [(0, 2, 2, 6), (2, 4, 0, 1)]
    >>> components(np.zeros((0, 3), bool))
    []
    """
    if binary.size == 0 or not binary.any():
        return []
    import cv2

    count, labels, stats, _ = cv2.connectedComponentsWithStats(
        np.ascontiguousarray(binary, dtype=np.uint8), connectivity=8, ltype=cv2.CV_32S
    )
    # OpenCV numbers regions in its own (block, thread) order: put them in scan order
    flat = labels.ravel()
    on = np.flatnonzero(flat)
    found, first = np.unique(flat[on], return_index=True)
    order = found[np.argsort(on[first], kind="stable")]
    left, top = stats[order, cv2.CC_STAT_LEFT], stats[order, cv2.CC_STAT_TOP]
    width, height = stats[order, cv2.CC_STAT_WIDTH], stats[order, cv2.CC_STAT_HEIGHT]
    return [
        (int(t), int(t + h), int(c), int(c + w))
        for t, h, c, w in zip(top, height, left, width, strict=True)
    ]


def label_medians(values: np.ndarray, labels: np.ndarray, count: int) -> np.ndarray:
    """The median of ``values`` over each label 1 .. ``count`` (``scipy.ndimage.median``'s answer, float64).

    Parameters
    ----------
    values : ndarray
        Values (integers are averaged as floats); NaN sorts last (replace
        them first for a median of numbers).
    labels : ndarray of int
        Same shape, non-negative; 0 is no label.
    count : int
        The highest label asked for.

    Examples
    --------
    >>> labels = np.array([[1, 1, 2], [1, 0, 2]])
    >>> label_medians(np.array([[3.0, 1.0, 5.0], [2.0, 9.0, 6.0]]), labels, 2).tolist()
    [2.0, 5.5]
    """
    flat_labels = labels.ravel()
    order = np.lexsort((values.ravel(), flat_labels))
    ordered, ordered_labels = values.ravel()[order], flat_labels[order]
    if ordered.dtype.kind in "biu":  # no overflow in the sum of two middle values
        ordered = ordered.astype(np.float64)
    top = int(ordered_labels.max()) if ordered_labels.size else 0
    # each label's first and last place in the sorted run; an absent label points at place 0
    places = np.arange(len(ordered_labels))
    low = np.zeros(top + 2, np.int_)
    low[ordered_labels[::-1]] = places[::-1]
    high = np.zeros(top + 2, np.int_)
    high[ordered_labels] = places
    index = np.arange(1, count + 1)
    index[index > top] = top + 1
    low, high = low[index], high[index]
    step = (high - low) // 2
    low += step
    high -= step
    return np.asarray((ordered[low] + ordered[high]) / 2.0, dtype=np.float64)

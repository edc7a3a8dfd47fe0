"""What :meth:`~truepix.Decolorizer.decode` returns: :class:`DecolorizeResult`."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

__all__ = ["DecolorizeResult"]


@dataclass(frozen=True)
class DecolorizeResult:
    """Everything :meth:`Decolorizer.decode` learns about a picture.

    Attributes
    ----------
    values : ndarray, float64
        The data, shape of the image without its channel axis; NaN where a pixel
        is not a colormap color.
    residual : ndarray, float32
        RGB distance (DN) from each pixel to the closest point of the colormap
        (the polyline through its colors), in quarter-DN steps, saturating at
        127.25; NaN where alpha rejected the pixel.
    ambiguous : ndarray, bool
        True where a clearly different part of the map matches about as well
        (non-injective maps such as ``flag`` or ``prism``), and on every color
        several table entries share (jet's pure blue, gray's repeated bytes):
        a run of such entries comes back in the middle of its bins, at most
        half the run's width from the truth.
    noise : float
        Estimated noise sigma of the picture, DN (0 for exact renders).
    threshold : float
        Residual (DN) above which pixels were set to NaN.
    jpeg : bool
        Whether the picture looked JPEG'd (4:2:0 chroma), so that positions came
        from a luma-weighted distance.
    denoised : bool
        Whether the spatial filter ran.

    For a dask picture the arrays are lazy dask arrays and the four judgements
    0-d dask arrays (the largest noise and threshold, any chunk JPEG'd or
    denoised), computed chunk by chunk on the workers.
    """

    values: np.ndarray
    residual: np.ndarray
    ambiguous: np.ndarray
    noise: float
    threshold: float
    jpeg: bool
    denoised: bool

    @property
    def valid(self) -> np.ndarray:
        """True where a value was recovered."""
        return ~np.isnan(self.values)

    def first(self) -> DecolorizeResult:
        """The result of a one-picture stack ``(1, ...)`` as the picture's own."""
        return replace(
            self,
            values=self.values[0],
            residual=self.residual[0] if self.residual.size else self.residual,
            ambiguous=self.ambiguous[0] if self.ambiguous.size else self.ambiguous,
        )

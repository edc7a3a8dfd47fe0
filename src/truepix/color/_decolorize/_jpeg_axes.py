"""The luma-weighted metric of JPEG'd (4:2:0) pictures on JPEG's own axes: Y, Cb, Cr.

JPEG stores a picture as Y (BT.601 luma, full resolution) and Cb, Cr (halved each way
by 4:2:0, then quantized more coarsely): its errors are Y's and Cb's / Cr's, apart.
``_palette.luma_metric`` splits a color difference into its part along the luma vector
(0.299, 0.587, 0.114) and the RGB rest orthogonal to it, and weights the rest by the
chroma weight. JPEG's luma error is no move along that vector but along gray
((1, 1, 1): Cb and Cr unchanged), 0.87 DN of which lies in the orthogonal rest; and its
chroma errors (Y unchanged) are not orthogonal to gray. So luma_metric's "chroma" holds
part of JPEG's luma error and its "luma" none of the chroma's, while a pixel far from the
map (beside an edge, where 4:2:0 blends two sides' chroma) moves mostly in Cb and Cr.
Here the difference is taken to (Y, sqrt(w) Cb, sqrt(w) Cr) (ITU-T T.871's
matrix), over the luma vector's length: the luma axis as luma_metric's, Cb and Cr rows
0.62 and 0.66 long against 1 for luma_metric's rest (the chroma weight read the same).

Measured (benchmarks/decolorize_trial/acc10; acc7's grid, 10 maps x camera / coins
384^2 x Pillow q75 4:2:0, plt.imsave -> OpenCV q50, Pillow 4:2:2 q75; mean of the
pictures' mean error over the k-d tree's, pictures with p99 worse than the tree's):
luma_metric 0.817 (4/20) / 0.869 (6/20) / 0.844 (2/20) -> these axes for the plain
answers 0.812 (3/20) / 0.866 (5/20) / 0.841 (1/20), holes 0; terrain 0.928 -> 0.920 (p99
worse 6/6 -> 3/6), cividis 0.863 -> 0.856, YlGnBu 0.809 -> 0.803, gist_earth 0.877 (the
same). FACTS' maps (viridis, jet, turbo, magma, coolwarm, gray x 4 real fields x q90 / q75 /
q50 / 4:4:4 q75): within 0.001 either way (0.7303 / 0.7854 / 0.8413 / 0.9055 -> 0.7313 /
0.7856 / 0.8416 / 0.9054). CPU: 1 MP viridis q75 33 -> 50 ms (two more memo passes). The pixels whose positions change (4-6 % of camera's
and coins' on cividis and Spectral q75) lie 4.7-8.4 DN from the map (the rest 1.3-1.6);
their error fell 0.0298 -> 0.0263 (cividis) and 0.0575 -> 0.0505 (Spectral). The
chroma weight on these axes: 0.07 0.813 / 0.868 / 0.843, 0.15 0.812 / 0.865 / 0.838.
4:4:4 pictures (``_plan.JPEG_FULL_CHROMA_WEIGHT``) keep luma_metric: not measured here. Only
the plain answers move (:func:`on_jpeg_axes`): the rules that judge pixels off the map and
the JPEG test read the luma-weighted positions as before (on these axes a 4-bin jet on the
camera, q75, held 0.87 % holes: tests/color/test_decolorize_discrete_jpeg.py).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from truepix.color._decolorize import _kernels as kernels
from truepix.color._decolorize._fields import memo_fields

__all__ = ["JPEG_AXES_METRICS", "jpeg_metric", "on_jpeg_axes"]

#: ``_plan.CHROMA_WEIGHTS``' metrics on JPEG's axes (``_plan.JPEG_METRICS["jpegycc"]``).
JPEG_AXES_METRICS = frozenset({"ycc"})
#: RGB -> Y Cb Cr (ITU-T T.871, JFIF; the offsets aside).
_YCBCR = np.array([
    [0.299, 0.587, 0.114],
    [-0.168736, -0.331264, 0.5],
    [0.5, -0.418688, -0.081312],
])  # fmt: skip


def jpeg_metric(chroma_weight: float) -> np.ndarray:
    """The 3x3 map A with ``|A d|^2 = (Y(d)^2 + chroma_weight (Cb(d)^2 + Cr(d)^2)) / |luma|^2``.

    Examples
    --------
    >>> gray = np.array([1.0, 1.0, 1.0])  # JPEG's luma step: no chroma at all
    >>> bool(np.allclose((jpeg_metric(0.1) @ gray)[1:], 0.0))
    True
    >>> round(float((jpeg_metric(0.1) @ gray)[0]), 3)  # (Y 1 DN over |luma|, 0.669)
    1.496
    """
    weights = np.array([1.0, np.sqrt(chroma_weight), np.sqrt(chroma_weight)])
    return weights[:, None] * _YCBCR / np.linalg.norm(_YCBCR[0])


def on_jpeg_axes(decoder: Any, flat: np.ndarray, kind: str, position: np.ndarray) -> np.ndarray:
    """``position`` (flat) of a 4:2:0 JPEG'd picture's (P, C) uint8 pixels ``flat``, each
    answer the rules left as the luma-weighted projection's (``_plan.JPEG_METRICS["jpeg"]``)
    replaced by the projection on JPEG's axes (``"jpegycc"``). The rules that judge
    pixels off the map (``_jpeg``, ``_ringed``), the JPEG test and the NaN they write
    keep reading the luma-weighted positions: only the plain answers move (a new array)."""
    plain = memo_fields(decoder, flat, kind, "jpeg", kernels.RESIDUAL_MAX_CODE)[0]
    axes = memo_fields(decoder, flat, kind, "jpegycc", kernels.RESIDUAL_MAX_CODE)[0]
    take = (position == plain) & ~np.isnan(axes)
    return np.where(take, axes, position)

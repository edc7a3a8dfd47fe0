"""The spatial filter of JPEG'd pictures whose chroma is at full resolution (4:4:4).

4:4:4 JPEG (Pillow ``subsampling=0``, Photoshop's and GIMP's high quality, OpenCV's
``IMWRITE_JPEG_SAMPLING_FACTOR_444``) keeps each pixel's chroma, quantized in the same
8x8 blocks as luma with the coarser chroma table but not averaged over 2x2 pixels:
chroma's detail is the map's (``_plan.DETAIL_RATIO``'s test reads 1.0 or more), which
kept every 4:4:4 picture on the planes (``_filter.plane_wiener``). On textured fields
what the positions err by is JPEG's quantization of each 8x8 block, luma's and
chroma's, which the DCT shrinkage in windows halfway between JPEG's blocks
(``_deblock``) smooths better; smooth fields keep the planes, which smooth their
blocks best. Texture is read off luma's blocks (``_deblock.luma_texture``, as on gray
maps). Its values on 12 maps x 4:4:4 q50-q90 (256^2): smooth fields 0-14 DN, the moon
8-26, terrain and photographs 52-266.

Measured with benchmarks/colormaps.py's 12 maps x terrain, camera, astronaut, moon
(256^2, Pillow 4:4:4), mean error / the k-d tree's at q90 / q75 / q50 and the
pictures whose p99 is worse than the k-d tree's: planes 0.935 / 0.940 / 0.946 (1, 4, 7
of 48); the shrinkage at FULL_TEXTURE_SHARE 1.0 0.912 / 0.929 / 0.941, 1.4 0.911 /
0.923 / 0.935, 2.0 0.917 / 0.919 / 0.929 (the moon too; smooth fields there 0.49 /
0.49 / 0.53 -> 0.64 / 0.71 / 0.78, hence the texture test). Chroma weighted 0.15 or
0.5 instead of 0.3 (``_plan.JPEG_FULL_CHROMA_WEIGHT``) with the shrinkage: 0.924 /
0.919 / 0.931 and 0.926 / 0.931 / 0.939. Decoding the pictures that show no 4:4:4
grid (``_plan.CHROMA_GRID``: the moon, weak chroma) as 4:4:4 too: 0.954 -> 0.959.
"""

from __future__ import annotations

import numpy as np

from truepix.color._decolorize._deblock import luma_texture

__all__ = ["full_chroma_filter"]

#: A 4:4:4 picture is a textured field when its luma blocks' median AC norm
#: (``luma_texture``, DN) passes this (gray maps' ``_plan.GRAY_TEXTURE``).
FULL_TEXTURE = 30.0
#: ... and the shrinkage assumes this share of the JPEG filter's noise
#: (``_plan.JPEG_TEXTURE_SHARE`` on 4:2:0 pictures).
FULL_TEXTURE_SHARE = 2.0


def full_chroma_filter(pixels: np.ndarray, smoothing: float, discrete: bool) -> tuple[float, bool]:
    """The noise (sigma, DN) the filter of a 4:4:4 JPEG'd picture assumes, and whether
    the DCT shrinkage alone filters it (``Plan.dct``), from the JPEG filter's
    ``smoothing``; a discrete map's pictures keep theirs (no positions between its bins
    to smooth: no shrinkage)."""
    if discrete or luma_texture(pixels) <= FULL_TEXTURE:
        return smoothing, False
    return FULL_TEXTURE_SHARE * smoothing, True

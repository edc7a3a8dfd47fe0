"""A figure's flat background around the field, decoded as data (:func:`frame_advice`).

A whole figure passed to :func:`truepix.decolorize` holds its background around the
plot: white, or black where a figure saved with ``transparent=True`` lost its alpha
(``Image.open(path).convert("RGB")`` of a PNG whose transparent pixels store black, as
PNG optimizers and browsers write them). Where the map holds that color -- black as
magma's, inferno's, gray's low end; white as gray's high end or bwr's middle -- the
background decodes within the threshold, to a real number where no data was drawn.
A black frame is named (``FRAME_COLORS``); a white one is every figure's paper.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["frame_advice"]

#: Channel distance (DN) within which a pixel counts as the background's black or white:
#: exact saves hold 0 and 255; JPEG q75 of a figure moves its flat background 0-3 DN.
FRAME_TOL = 8
#: Share of the picture's outermost rows and columns that must be the one color: a
#: figure's background frames the plot on all four sides (matplotlib's savefig, tight
#: bbox included, keeps 0.1 inch of it); a colormapped field runs its data to the border.
FRAME_BORDER = 0.98
#: The backgrounds named (level as a share of full scale, name): black only. White is
#: every opaque figure's paper, which whole-figure decodes of maps ending in white
#: (Greys, gray, binary: heatmaps read cell by cell) take as the map's end, and the
#: suite decodes such figures quietly; a white frame decoded to numbers is left
#: unnamed (a known gap).
FRAME_COLORS = ((0.0, "#000000"),)


#: Share of all pixels that the background must make, decoded (not NaN), before it is
#: named: a 3x2.4 inch figure with a colorbar is 60 % background, a tight-bbox one
#: 25-30 %; a one-pixel frame around a field (a plot's outline) is not this.
FRAME_SHARE = 0.05


def frame_advice(values: np.ndarray, image: Any, decoder: Any) -> str | None:
    """The warning for a picture framed by a flat black background (FRAME_COLORS) that
    decoded to numbers: every outermost row and column (FRAME_BORDER of them) within
    FRAME_TOL of pure black, and FRAME_SHARE of the picture that color
    and not NaN. None where no such frame is there.

    Examples
    --------
    >>> picture = np.zeros((40, 40, 3), np.uint8)  # black, with a field inside
    >>> picture[8:32, 8:32] = 128
    >>> values = np.zeros((40, 40))
    >>> frame_advice(values, picture, "gray")[:46]
    '64% of the picture is flat #000000 filling its'
    >>> frame_advice(values[8:32, 8:32], picture[8:32, 8:32], "gray") is None
    True
    """
    pixels = np.asarray(np.ma.getdata(image))
    if pixels.ndim != 3 or pixels.shape[-1] not in (3, 4) or values.shape != pixels.shape[:2]:
        return None
    height, width = values.shape
    if height < 3 or width < 3:
        return None
    top = 1.0 if pixels.dtype.kind == "f" else float(np.iinfo(pixels.dtype).max)
    tol = FRAME_TOL * top / 255
    border = np.concatenate(
        [pixels[0], pixels[-1], pixels[1:-1, 0], pixels[1:-1, -1]]
    ).astype(np.float64)  # fmt: skip
    for share, name in FRAME_COLORS:
        level = share * top
        near = np.abs(border[:, :3] - level).max(axis=1) <= tol
        if pixels.shape[-1] == 4:
            near &= border[:, 3] >= top - tol  # (transparent ones came back NaN)
        if np.count_nonzero(near) < FRAME_BORDER * len(border):
            continue
        flat = np.abs(pixels[..., :3].astype(np.float32) - level).max(axis=-1) <= tol
        if pixels.shape[-1] == 4:
            flat &= pixels[..., 3] >= top - tol
        decoded = flat & ~np.isnan(values)
        count = int(np.count_nonzero(decoded))
        if count < FRAME_SHARE * values.size:
            continue
        cmap = getattr(decoder, "cmap", decoder)
        value = float(np.median(values[decoded]))
        share = f"{count / values.size:.0%}"
        return (
            f"{share} of the picture is flat {name} filling its border, as a figure's"
            f" background does, and decoded to {cmap!r}'s value {value:.4g}: those numbers"
            " are likely no data (a figure saved with transparent=True and converted to RGB"
            " turns its transparent pixels black or white); pass the picture cropped to the"
            " field, the RGBA picture as saved, or read it with truepix.read_figure"
        )
    return None

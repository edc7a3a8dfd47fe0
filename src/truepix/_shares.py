"""How many of a decoded picture's pixels are data, and how to say a share of them.

The one count behind :func:`truepix.decolorize`'s NaN-share warnings and the
``truepix decolorize`` summary, so the two say the same number.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np

__all__ = ["off_map", "off_shown", "percent", "shown_pixels"]

#: A pixel whose channels are all at least LIGHT DN and within NEUTRAL DN of each
#: other is a figure's background (or JPEG's ripples on it), not data.
LIGHT = 200
NEUTRAL = 24


def off_map(values: np.ndarray, image: Any) -> tuple[int, int]:
    """``(off, shown)``: how many of the picture's shown pixels came back NaN, and how
    many it shows -- those that came back NaN but are not data anyway (transparent,
    masked, a figure's white background) left out. The one count the decode's NaN-share
    warning (``warn_off_map``) and the command line's summary both give (``1 - off /
    shown`` of the pixels are map colors).

    Examples
    --------
    >>> import numpy as np
    >>> picture = np.zeros((2, 2, 4), np.uint8)
    >>> picture[0, :, 3] = 255  # the top row opaque (black), the bottom one transparent
    >>> off_map(np.array([[np.nan, 0.5], [np.nan, np.nan]]), picture)
    (1, 2)
    """
    n_nan = int(np.count_nonzero(np.isnan(values)))
    return off_shown(values, shown_pixels(values, image)[1], n_nan)


def percent(part: int, whole: int) -> str:
    """``part / whole`` as a percentage that rounds to 0 % or 100 % only when it is so
    (99.6 % of pixels off the map is not "100%" beside "0.4% are map colors").

    Examples
    --------
    >>> percent(5, 9), percent(996, 1000), percent(4, 1000), percent(1000, 1000)
    ('56%', '99.6%', '0.4%', '100%')
    """
    share = part / whole if whole else 0.0
    text = f"{share:.0%}"
    for digits in (1, 2, 3, 4):
        if text not in ("0%", "100%") or not 0 < part < whole:
            break
        text = f"{share:.{digits}%}".replace(f".{'0' * digits}%", "%")
    return text


def shown_pixels(values: np.ndarray, image: Any) -> tuple[np.ndarray, np.ndarray, float]:
    """The picture's pixels (channels last), where they are not data (masked,
    transparent, a figure's white background), and the DN scale of their dtype."""
    hidden = np.zeros(values.shape, bool)  # masked or transparent: not data
    if isinstance(image, np.ma.MaskedArray):
        hidden |= np.ma.getmaskarray(image).reshape(*values.shape, -1).any(axis=-1)
    pixels = np.asarray(np.ma.getdata(image))
    if pixels.ndim == values.ndim:  # gray
        pixels = pixels[..., None]
    if pixels.shape[-1] == 4:
        hidden |= pixels[..., 3] == 0
    # a figure's white background (and JPEG's ripples on it: light, nearly neutral) is no
    # map color either, and decoding a whole figure with its margins is what people do
    scale = (1.0 if pixels.dtype.kind == "f" else np.iinfo(pixels.dtype).max) / 255
    if pixels.dtype == np.uint8 and pixels.shape[-1] >= 3 and pixels.flags.c_contiguous:
        # one pass: numpy's channel by channel took 3.1 ms a JPEG'd megapixel, this
        # 1.1 (CPU time, loaded 2-core machine), over the bytes 0.35-0.4 (vectorized)
        # (numba's kernel, imported here: importing truepix loads no numba)
        from truepix._validate import readonly
        from truepix.color._decolorize._light import hide_light

        # read-only, as the decoder's kernels read pixels: one compile serves both
        flat = readonly(pixels.reshape(-1))
        hide_light(flat, pixels.shape[-1], hidden.reshape(-1), LIGHT, NEUTRAL)
        return pixels, hidden, scale
    # channel by channel: numpy's min over a last axis of 3 took 26 ms a megapixel, this 1
    channels = [pixels[..., c] for c in range(min(3, pixels.shape[-1]))]
    low, high = functools.reduce(np.minimum, channels), functools.reduce(np.maximum, channels)
    hidden |= (low >= LIGHT * scale) & (high - low <= NEUTRAL * scale)
    return pixels, hidden, scale


def off_shown(values: np.ndarray, hidden: np.ndarray, n_nan: int) -> tuple[int, int]:
    """``(off, shown)``; a light pixel that decoded is a map color (hot's, gray's), shown."""
    # (no NaN counted: none is hidden, and the values need no scan)
    not_data = 0 if n_nan == 0 else int(np.count_nonzero(hidden & np.isnan(values)))
    return n_nan - not_data, values.size - not_data

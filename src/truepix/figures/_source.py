"""The figure :func:`truepix.read_figure` reads: a file (path or bytes) or an array, as sRGB.

A file is checked as :func:`truepix.load` checks (size cap, kind from its bytes, a
complete picture), decoded by imagecodecs and shown as a viewer shows it: its ICC
profile applied (:mod:`truepix._profile`), transparency over white.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np

from truepix._validate import as_picture
from truepix.color._identify._colorbar import image_rgb8
from truepix.errors import ReadError, UnsupportedFileError
from truepix.io._checked import FIGURE_KINDS, check_figure
from truepix.io._limits import check_decoded_size
from truepix._profile import shown_colors

__all__ = ["load_figure"]


def load_figure(image: Any, /) -> tuple[np.ndarray, str | None]:
    """The figure as (H, W, 3) uint8 sRGB over white, and the ICC profile a file's colors
    were converted from (:mod:`truepix._profile`), or None."""
    profile = None
    if isinstance(image, (str, os.PathLike, bytes, bytearray)):
        if isinstance(image, (bytes, bytearray)):
            data = bytes(image)
        else:
            try:
                # a file past the decode cap is refused before it is read
                check_decoded_size(Path(image).stat().st_size, what="figure file")
                data = Path(image).read_bytes()
            except ReadError:  # the cap's own refusal (an OSError too)
                raise
            except OSError as exc:
                got = f"{os.fspath(image)!r:.80} ({type(exc).__name__})"
                msg = f"expected a readable figure file, got {got}"
                raise ReadError(msg) from None
        # io's rule: kind from the bytes, declared size checked, a complete picture
        kind, _ = check_figure(data, kinds=(*FIGURE_KINDS, "tiff"))
        import imagecodecs

        try:
            image = imagecodecs.imread(data)
        except Exception:  # a variant Pillow reads but imagecodecs does not (rare TIFF codecs)
            msg = (
                f"expected a {kind.upper()} picture in a codec imagecodecs decodes, "
                "got one it refuses"
            )
            raise UnsupportedFileError(msg) from None
        converted = shown_colors(data, image)  # a Mac screenshot's Display P3, as shown
        image, profile = converted.pixels, converted.profile
    else:
        # the one picture rule
        image = as_picture(image, refuse_mask="a figure is read from all of its pixels")
    rgb, alpha = image_rgb8(image)
    if alpha is not None and alpha.min() < 255:  # transparent: over white, as a viewer shows it
        a = alpha[..., None].astype(np.float64) / 255.0
        rgb = np.rint(rgb * a + 255.0 * (1.0 - a)).astype(np.uint8)
    return rgb, profile

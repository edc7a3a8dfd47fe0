"""Arrays to image files and back: :func:`save`, :func:`load`, :func:`info`.

Formats: PNG (``.png``), TIFF (``.tif``, ``.tiff``), JPEG XL (``.jxl``) and
WebP (``.webp``). Every file truepix
writes carries a versioned metadata record (see :mod:`truepix.io._metadata`)
so that :func:`load` needs no parameters and verifies what it reads;
:func:`write_atomic` is how every file is written (a temporary file renamed).
"""

from __future__ import annotations

from truepix.io._api import ImageInfo, info, load, save
from truepix.io._atomic import write_atomic

__all__ = ["ImageInfo", "info", "load", "save", "write_atomic"]

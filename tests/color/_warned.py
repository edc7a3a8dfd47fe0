"""What a default decode tells the user: the OffMapWarning messages of one call."""

from __future__ import annotations

import warnings

import numpy as np

import truepix as tp
from truepix.errors import OffMapWarning


def off_map_messages(picture: np.ndarray, cmap: str) -> list[str]:
    """The OffMapWarning messages of ``tp.decolorize(picture, cmap=cmap, vmin=0, vmax=1)``."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tp.decolorize(picture, cmap=cmap, vmin=0, vmax=1)
    return [str(w.message) for w in caught if issubclass(w.category, OffMapWarning)]

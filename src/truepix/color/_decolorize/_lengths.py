"""MATLAB's two default lengths under one name: ``cmap="matlab:jet"`` decodes both.

MATLAB's colormap functions give 256 entries since R2019b and 64 before, and a
MATLAB user says "jet" for either. A 64-entry picture decoded with the 256-entry
table lands between its bins (``jet(64)``: 62 % of pixels in their own bin, mean
error 0.62 % of the range where the 64-entry table's floor is 0.39 %). So a
decoder for ``"matlab:<name>"`` also holds ``"matlab:<name>_64"``, the way it holds
a table's truncated and rounded bytes (``_tables.table_kind``), and decodes a
picture with the 64-entry one when the picture's colors are that table's entries
rather than the 256-entry one's (:func:`holds_other`). Pictures of neither (JPEG'd,
resampled) keep the 256-entry table: their results do not change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from truepix.color._catalog import get
from truepix.color._decolorize import _tables as tables

__all__ = ["OtherLength", "other_length"]

#: Share of a picture's colors (an even sample) that must be entries of the other
#: table, and no fewer than of the named table's. Most 64-entry tables' colors are
#: entries of the 256-entry one too (all of jet's, hot's, gray's): an exact picture
#: of jet(64) is 100 % of both, one of jet(256) 100 % of its own and about a quarter
#: of jet(64); a picture of the 256 table showing only the 64 table's colors over
#: many pixels is no more likely than a 64-entry picture. JPEG'd ones hold a few %.
HOLDS = 0.5


@dataclass
class OtherLength:
    """The other default length of a MATLAB map and the decoder made for it (lazily)."""

    name: str
    options: dict[str, Any]
    keys: tuple[np.ndarray, np.ndarray] = field(repr=False)
    decoder: Any = field(default=None, repr=False)

    def holds(self, pixels: np.ndarray, kind: str, own: tuple[np.ndarray, ...]) -> bool:
        """Whether the (..., 3|4) ``pixels`` of ``kind`` are this table's colors
        rather than those of the table with sorted keys ``own``."""
        if kind not in ("u8", "u8r"):
            return False
        flat = pixels.reshape(-1, pixels.shape[-1])
        share = tables.table_share(flat, self.keys)
        return share >= HOLDS and share >= tables.table_share(flat, own)

    def made(self, maker: Any) -> Any:
        """The decoder of this length (``maker`` is :class:`~truepix.Decolorizer`)."""
        if self.decoder is None:
            self.decoder = maker(self.name, **self.options)
        return self.decoder


def other_length(cmap: Any, **options: Any) -> OtherLength | None:
    """The 64-entry twin of a 256-entry MATLAB map name (``"matlab:jet"``,
    ``"matlab:parula_r"``), with the options to decode it; None for anything else.

    Examples
    --------
    >>> other_length("matlab:jet_r").name, other_length("matlab:jet_64"), other_length("jet")
    ('matlab:jet_64_r', None, None)
    """
    if not isinstance(cmap, str) or not cmap.startswith("matlab:"):
        return None
    base, turned = (cmap[:-2], "_r") if cmap.endswith("_r") else (cmap, "")
    if base.endswith("_64"):
        return None
    name = f"{base}_64{turned}"
    try:
        entry = get(name)
    except KeyError:
        return None
    if entry.discrete:  # lines, prism...: both lengths repeat the same few colors
        return None
    keys = tables.table_keys(entry.lut_bytes[:, :3], entry.lut_rounded[:, :3])
    return OtherLength(name, options, keys)

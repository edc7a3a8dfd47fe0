"""MATLAB's two default lengths under one name: ``cmap="matlab:jet"`` decodes both.

MATLAB's colormap functions give 256 entries since R2019b and 64 before, and a
MATLAB user says "jet" for either. A 64-entry picture decoded with the 256-entry
table lands between its bins (``jet(64)``: 62 % of pixels in their own bin, mean
error 0.62 % of the range where the 64-entry table's floor is 0.39 %). So a
decoder for ``"matlab:<name>"`` also holds ``"matlab:<name>_64"``, the way it holds
a table's truncated and rounded bytes (``_tables.table_kind``), and decodes a
picture with the 64-entry one when the picture's colors are that table's entries
rather than the 256-entry one's (:func:`holds_other`). Pictures of neither (JPEG'd,
resampled) keep the 256-entry table unless their colors, read along the 64-entry table
with no filter, gather at its entries (CLUSTERED): JPEG moves each pixel a few DN,
under a third of a 64-entry bin of jet, and the filter that smooths positions later
spreads them evenly.
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
#: Share of a picture's positions along the 64-entry table (no filter; even bands of
#: BAND_ROWS rows, SAMPLE_BANDS of them) within NEAR_MIDDLE of a bin from its middle,
#: past which a picture of neither table's exact colors is the 64-entry one's (chance:
#: 2 NEAR_MIDDLE). MATLAB jet(64) at JPEG q50-q95 (benchmarks/bigfig): smooth fields
#: 0.52-0.86, the camera 0.50-0.57, a DEM 0.40-0.49 (levels change every pixel: the
#: 256-entry table decodes it as well); jet(256) pictures 0.40-0.42.
CLUSTERED, NEAR_MIDDLE = 0.47, 0.2
SAMPLE_BANDS, BAND_ROWS = 8, 16
#: Fewest positions read before the share says anything.
MIN_PLACES = 2048


@dataclass
class OtherLength:
    """The other default length of a MATLAB map and the decoder made for it (lazily)."""

    name: str
    options: dict[str, Any]
    keys: tuple[np.ndarray, np.ndarray] = field(repr=False)
    n_colors: int = 64
    decoder: Any = field(default=None, repr=False)
    probe: Any = field(default=None, repr=False)  # (positions along it: CLUSTERED)

    def holds(self, pixels: np.ndarray, kind: str, own: tuple[np.ndarray, ...]) -> bool:
        """Whether the (..., 3|4) ``pixels`` of ``kind`` are this table's colors
        rather than those of the table with sorted keys ``own``."""
        if kind not in tables.U8:
            return False
        flat = pixels.reshape(-1, pixels.shape[-1])
        share, own_share = tables.table_share(flat, self.keys), tables.table_share(flat, own)
        if max(share, own_share) >= HOLDS:  # (an exact picture of one of them)
            return share >= HOLDS and share >= own_share
        return self._clustered(pixels)

    def _clustered(self, pixels: np.ndarray) -> bool:
        """Whether an (H, W, C) picture's positions along this table, unfiltered, gather
        in the middle of its bins (CLUSTERED), read on SAMPLE_BANDS even bands of rows."""
        if pixels.ndim != 3 or min(pixels.shape[:2]) < BAND_ROWS:
            return False
        blocks = pixels.shape[0] // BAND_ROWS
        starts = np.unique(np.linspace(0, blocks - 1, min(SAMPLE_BANDS, blocks)).astype(int))
        bands = np.concatenate([pixels[s * BAND_ROWS : (s + 1) * BAND_ROWS] for s in starts])
        if self.probe is None:
            from truepix.color._decolorize._api import Decolorizer  # (it made this one)

            self.probe = Decolorizer(self.name, vmin=0.0, vmax=1.0, denoise=False)
        places = self.probe._run(bands, detailed=False).values.reshape(-1) * self.n_colors
        places = places[np.isfinite(places)]
        if len(places) < MIN_PLACES:
            return False
        middle = np.abs(places - np.floor(places) - 0.5) <= NEAR_MIDDLE
        return bool(np.mean(middle) >= CLUSTERED)

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
    return OtherLength(name, options, keys, len(entry.lut_bytes))

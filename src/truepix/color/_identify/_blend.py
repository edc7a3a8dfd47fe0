"""Colorbars drawn with alpha: a catalog map blended over the background.

``imshow(..., alpha=a)`` and its colorbar paint ``a * map + (1 - a) * background``.
The blend keeps the map's shape and shrinks it towards the background, so
none of a bar's colors is a catalog color and the nearest-color search
fails. Given each color's place along the bar, every catalog table is
fitted to the bar by least squares in the four unknowns ``a`` and
``c = (1 - a) * background`` (one ``c`` per channel, shared ``a``), both
directions; the table whose blend leaves the smallest residual is the map.

Source: the "over" operator of Porter & Duff (1984), *Compositing digital
images*, SIGGRAPH '84, which Agg applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from truepix.color._identify._bar import Colorbar

if TYPE_CHECKING:
    from truepix.color._catalog import ColormapEntry

__all__ = ["Blend", "blended_map"]

_MAX_RESIDUAL = 3.0  # DN (RMS) a blended map may leave on an exact bar
_NOISY_RESIDUAL = 6.0  # ... on a compressed one
_ALPHA_RANGE = (0.25, 0.97)  # below: too little of the map to tell maps apart; above: opaque


@dataclass(frozen=True)
class Blend:
    """A catalog map blended over a background: what a bar drawn with alpha shows.

    Attributes
    ----------
    name : str
        Catalog name of the map (``_r`` appended when the bar runs it high to low).
    alpha : float
        The map's opacity, in (0, 1).
    background : tuple of float
        The RGB (0..255) the map was blended over.
    residual : float
        RMS distance (DN) between the bar's colors and the blended map's.

    Examples
    --------
    >>> Blend("RdGy", 0.5, (255.0, 255.0, 255.0), 0.4).colors(2).tolist()
    [[179, 128, 143], [255, 255, 255]]
    """

    name: str
    alpha: float
    background: tuple[float, float, float]
    residual: float

    def colors(self, n: int | None = None) -> np.ndarray:
        """The blended map's table, (N, 3) uint8 rounded (as Agg composites); ``n`` entries resampled."""
        from truepix.color._catalog import get

        lut = get(self.name).lut[:, :3] * 255.0
        if n is not None:
            lut = lut[np.minimum((np.arange(n) * len(lut)) // n, len(lut) - 1)]
        blend = self.alpha * lut + (1.0 - self.alpha) * np.array(self.background)
        return np.clip(np.rint(blend), 0, 255).astype(np.uint8)

    def entry(self) -> ColormapEntry:
        """The blended map as a colormap to decode with (its bytes are the blended colors)."""
        from truepix.color._catalog import ColormapEntry

        rgb = np.minimum((self.colors().astype(np.float64) + 0.5) / 255.0, 1.0)
        rgba = np.concatenate([rgb, np.ones((len(rgb), 1))], axis=1)
        return ColormapEntry(f"{self.name} (alpha {self.alpha:.2f})", rgba, "array")


def blended_map(colorbar: Colorbar, /) -> Blend | None:
    """The catalog map that, blended over some background, paints this bar; None if none fits.

    Parameters
    ----------
    colorbar : Colorbar
        A continuous bar (stepped bars have too few colors to fit four unknowns).

    Returns
    -------
    Blend or None

    Examples
    --------
    >>> import numpy as np
    >>> from truepix.color._catalog import get
    >>> lut = get("RdGy").lut[:, :3] * 255
    >>> colors = np.rint(0.5 * lut + 0.5 * 255).astype(np.uint8)
    >>> found = blended_map(Colorbar((0, 0, 10, 256), "horizontal", colors))
    >>> found.name, round(found.alpha, 2), [round(v) for v in found.background]
    ('RdGy', 0.5, [255, 255, 255])
    """
    from truepix.color._identify._candidate_tables import _candidates

    if colorbar.boundaries is not None or len(colorbar.colors) < 16:
        return None
    tables = _candidates()
    y = colorbar.colors.astype(np.float64)  # (N, 3)
    sizes = tables.sizes[:, None]
    index = np.minimum(
        (np.asarray(colorbar.positions)[None, :] * sizes).astype(np.int64), sizes - 1
    )
    best: Blend | None = None
    for turned in (False, True):
        rows = sizes - 1 - index if turned else index
        table = np.take_along_axis(
            tables.rounded.astype(np.float64), rows[..., None], axis=1
        )  # (M, N, 3)
        centred = table - table.mean(axis=1, keepdims=True)
        spread = (centred**2).sum(axis=(1, 2))
        alpha = (centred * (y - y.mean(axis=0))).sum(axis=(1, 2)) / np.maximum(spread, 1e-9)
        offset = y.mean(axis=0) - alpha[:, None] * table.mean(axis=1)  # (M, 3)
        fitted = alpha[:, None, None] * table + offset[:, None, :]
        residual = np.sqrt(((fitted - y) ** 2).sum(axis=2).mean(axis=1))
        residual[(alpha < _ALPHA_RANGE[0]) | (alpha > _ALPHA_RANGE[1]) | (spread < 1.0)] = np.inf
        m = int(np.argmin(residual))
        if not np.isfinite(residual[m]):
            continue
        background = offset[m] / (1.0 - alpha[m])
        if np.any(background < -8) or np.any(background > 263) or np.ptp(background) > 24:
            continue  # not a blend over a figure's face (white, gray or black)
        a, under = float(alpha[m]), np.clip(background, 0, 255)
        if np.all(under >= 240):
            # over white (a figure's usual face): the fit's background drifts with the
            # few colors near it; fixing it pins the alpha down
            under = np.full(3, 255.0)
            lifted = table[m] - under
            a = float((lifted * (y - under)).sum() / max(float((lifted**2).sum()), 1e-9))
            residual[m] = float(np.sqrt((((a * lifted + under) - y) ** 2).sum(axis=1).mean()))
        name = tables.names[m] + ("_r" if turned else "")
        found = Blend(
            name, a, (float(under[0]), float(under[1]), float(under[2])), float(residual[m])
        )
        if best is None or found.residual < best.residual:
            best = found
    limit = _MAX_RESIDUAL if colorbar.exact else _NOISY_RESIDUAL
    return best if best is not None and best.residual <= limit else None

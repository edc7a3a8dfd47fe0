"""A picture of one or two colors names no colormap: ``identify_colormap`` says so.

Any map that contains a picture's only color explains it exactly (an all-white
picture fits every map with white in it), so the ranking among them is by chance
(trial 50: an all-white picture came back as ``colorcet:CET_D10``, score 0.85, with
nothing to say it was a guess). Two colors are no better: the map between them is
unseen. A picture whose opaque pixels lie, all but 1 %, within :data:`NEAR` DN of
its one or two most common colors gets a :class:`~truepix.errors.FewColorsWarning`;
a JPEG's noise stays within that distance of the color it blurs, the blends along a
JPEG'd edge between two colors count against the warning (they are colors a map
could hold).
"""

from __future__ import annotations

import warnings

import numpy as np

from truepix.errors import FewColorsWarning

__all__ = ["warn_few_colors"]

#: DN (largest channel difference) a pixel may lie from a color and still be that
#: color: JPEG q50 moves a flat color's pixels by a few DN (ringing along a sharp
#: edge moves them farther: those blends tell against the warning)
NEAR = 6

#: share of the opaque pixels two colors must hold between them
HELD = 0.99


def warn_few_colors(colors: np.ndarray, weights: np.ndarray) -> None:
    """Warn when the distinct colors ``colors`` ((N, 3) uint8, each held by
    ``weights`` pixels) are one or two colors and their noise.

    Examples
    --------
    >>> import warnings
    >>> white = np.array([[255, 255, 255], [254, 255, 253]], np.uint8)
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_few_colors(white, np.array([900.0, 100.0]))
    >>> print(caught[0].message)
    the picture holds 1 color (#ffffff): any colormap that contains it fits as well as another, so the names found are guesses; name a map from a picture or colorbar showing a range of its colors
    """
    colors = colors.astype(np.int16)
    total = float(weights.sum())
    if total <= 0:
        return
    found, held = [], np.zeros(len(colors), dtype=bool)
    while len(found) < 2 and not held.all():
        first = colors[np.argmax(np.where(held, -1.0, weights))]
        found.append(first)
        held |= np.abs(colors - first).max(axis=1) <= NEAR
        if weights[held].sum() >= HELD * total:
            names = " and ".join("#" + "".join(f"{int(c):02x}" for c in color) for color in found)
            plural = "" if len(found) == 1 else "s"
            msg = (
                f"the picture holds {len(found)} color{plural} ({names}): any colormap that"
                f" contains {'it' if len(found) == 1 else 'them'} fits as well as another, so"
                " the names found are guesses; name a map from a picture or colorbar showing a"
                " range of its colors"
            )
            warnings.warn(msg, FewColorsWarning, stacklevel=5)
            return

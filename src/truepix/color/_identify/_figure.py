"""A whole figure given to ``identify_colormap``: its colorbar names the map.

Users pass what they have, and for a published heatmap that is often the whole
figure: axes, ticks, labels, a title and a colorbar on white paper, the plot drawn
with a map that may run through grays (RdBu_r's, coolwarm's light middle). Ranked
by its pixels alone such a figure is misread when its text and paper look like a
gray map's colors: on 30 real figures with a bar (``../shared/real_figures``:
matplotlib's test images, the Python Data Science Handbook's outputs, plotnine's),
trial 44 found 8 whose best name was not the bar's (``RdGy`` for ``RdBu_r``, ``gray``
for ``coolwarm``, ``Greys_8`` for ``plasma``). The bar holds the map's colors in
order, one color per place along it: read from it, the name is right and the
direction known.

:func:`figure_bar` looks for a bar only in a picture framed by paper (its outer
ring mostly one flat color, :data:`PAPER_SHARE`): a colormapped picture without
margins pays nothing (``find_colorbar`` reads a 1 MP picture in ~0.5 s), and a bar
found with doubt (``ColorbarDoubtWarning``: a strip with plot colors around it) is
not used.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

import numpy as np

from truepix.color._identify._bar import Colorbar, image_rgb8

if TYPE_CHECKING:
    from truepix.color._identify._match import ColormapMatch

__all__ = [
    "BAR_TRUST", "FIGURE_COLORED_SHARE", "PAPER_SHARE", "figure_bar", "from_bar", "paper_color",
    "without_paper",
]

#: Share of the picture's outer ring within :data:`PAPER_DN` of the ring's median
#: color for the picture to count as a figure on paper.
PAPER_SHARE = 0.6
#: Largest difference (max over channels, DN) from the paper's color of a paper
#: pixel (JPEG moves white paper near text and ticks a few DN).
PAPER_DN = 8
#: Score of the bar's best map from which the bar names a figure's map (a bar whose
#: colors no catalog map explains -- a custom map, a bar drawn with alpha -- does not).
BAR_TRUST = 0.9
#: A bar's best map scoring less (a JPEG'd bar 8 px wide: 0.78-0.82, its colors' chroma
#: spread by 4:2:0) names the figure's map when it is among the picture's own best
#: candidates scoring at least this.
BAR_AGREES = 0.6
#: Fewest pixels along each side for a picture to be a figure at all.
MIN_SIDE = 32
#: Share of a figure's pixels (its paper left out) that colored colors must hold for its
#: neutral colors -- the black and white numbers written in a heatmap's cells, tick labels,
#: axes -- to be capped low (``_nearest.NEUTRAL_CAP``; a picture without paper needs
#: ``_nearest.COLORED_SHARE``, 0.25): a 3 x 2.5 inch ``sns.heatmap(annot=True)`` of a
#: correlation matrix in vlag, JPEG q75, is 26 % colored, its digits and their blends
#: named RdGy (0.67) before vlag.
FIGURE_COLORED_SHARE = 0.1
#: Largest spread of its channels (DN) for a paper color to be neutral (white, gray,
#: black) and left out of the colors :func:`without_paper` ranks by; colored paper is kept.
NEUTRAL_PAPER_DN = 24


def paper_color(picture: np.ndarray) -> np.ndarray | None:
    """The color (RGB, 0..255) of the paper framing ``picture`` ((H, W, 3|4), any truepix
    dtype): the median of its outer ring when :data:`PAPER_SHARE` of the ring lies within
    :data:`PAPER_DN` of it; None for a picture not framed by one flat color.

    Examples
    --------
    >>> import numpy as np
    >>> figure = np.full((64, 64, 3), 255, np.uint8)
    >>> figure[8:56, 8:56] = np.arange(48, dtype=np.uint8)[:, None, None]
    >>> paper_color(figure).tolist(), paper_color(figure[8:56, 8:56])
    ([255.0, 255.0, 255.0], None)
    """
    if min(picture.shape[:2]) < MIN_SIDE:
        return None
    rgb = image_rgb8(picture)[0].astype(np.int16)
    ring = np.concatenate([rgb[0], rgb[-1], rgb[1:-1, 0], rgb[1:-1, -1]])
    paper = np.median(ring, axis=0)
    near = np.abs(ring - paper).max(axis=1) <= PAPER_DN
    return paper if near.mean() >= PAPER_SHARE else None


def on_paper(picture: np.ndarray) -> bool:
    """Whether ``picture`` ((H, W, 3|4), any truepix dtype) is framed by one flat color.

    Examples
    --------
    >>> import numpy as np
    >>> figure = np.full((64, 64, 3), 255, np.uint8)
    >>> figure[8:56, 8:56] = np.arange(48, dtype=np.uint8)[:, None, None]
    >>> on_paper(figure), on_paper(figure[8:56, 8:56])
    (True, False)
    """
    return paper_color(picture) is not None


def without_paper(
    picture: np.ndarray, colors: np.ndarray, weights: np.ndarray
) -> tuple[np.ndarray, np.ndarray, bool]:
    """The picture's distinct ``colors`` and their ``weights`` less its neutral paper's, and
    whether any was left out (a whole figure: its neutral colors are then capped low from
    :data:`FIGURE_COLORED_SHARE` of colored pixels on).

    A whole figure is mostly paper, and white paper is a color of every map holding
    white (RdGy, gray, Greys) and not of one whose light end is off-white (RdBu's
    ``f7f7f7``, 14 DN away): on a JPEG'd ``sns.heatmap`` of a correlation matrix in
    RdBu_r (84 % of the pixels neutral, the plot's few colored cells 16 %) the paper
    named ``RdGy`` (0.88) before RdBu. Paper is no evidence of the map: colors within
    :data:`PAPER_DN` of a neutral paper's (channels within :data:`NEUTRAL_PAPER_DN`)
    are left out, unless they are all there is.

    Examples
    --------
    >>> import numpy as np
    >>> figure = np.full((64, 64, 3), 255, np.uint8)
    >>> figure[8:56, 8:56] = [200, 30, 30]
    >>> colors, weights = np.array([[255, 255, 255], [200, 30, 30]]), np.array([1792.0, 2304.0])
    >>> kept, _, framed = without_paper(figure, colors, weights)
    >>> kept.tolist(), framed
    ([[200, 30, 30]], True)
    """
    paper = paper_color(picture)
    if paper is None or np.ptp(paper) > NEUTRAL_PAPER_DN:
        return colors, weights, False
    keep = np.abs(colors.astype(np.int16) - paper).max(axis=1) > PAPER_DN
    if not keep.any():
        return colors, weights, False
    return colors[keep], weights[keep], True


def figure_bar(picture: np.ndarray) -> Colorbar | None:
    """The colorbar of a figure on paper, found without doubt; None otherwise.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import io, numpy as np, matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(figsize=(4, 3), dpi=80)
    >>> _ = fig.colorbar(ax.imshow(np.random.default_rng(0).random((20, 20)), cmap="plasma"))
    >>> buffer = io.BytesIO()
    >>> fig.savefig(buffer, format="png"); plt.close(fig)
    >>> figure = plt.imread(io.BytesIO(buffer.getvalue()))
    >>> figure_bar(figure).orientation
    'vertical'
    """
    if not on_paper(picture):
        return None
    from truepix.color._identify._colorbar import find_colorbar
    from truepix.errors import ColorbarDoubtWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        bar = find_colorbar(picture)
    if any(issubclass(w.category, ColorbarDoubtWarning) for w in caught):
        return None
    for w in caught:  # other warnings reach the user as find_colorbar gives them
        warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return bar


def from_bar(bar: list[ColormapMatch], picture: list[ColormapMatch]) -> list[ColormapMatch]:
    """The bar's ranking (``bar``) when it names the map: its best scores BAR_TRUST, or
    BAR_AGREES and is one of the picture's own candidates (``picture``); else ``picture``."""
    if not bar:
        return picture
    best = bar[0]
    named = {match.name for match in picture} | {a for match in picture for a in match.aliases}
    if best.score >= BAR_TRUST or (best.score >= BAR_AGREES and best.name in named):
        return bar
    return picture

"""``identify_colormap``: which catalog colormap painted a picture.

A picture painted with a colormap holds only that map's colors (plus
whatever the picture added: background, text, compression noise). For every
continuous map in the catalog, each of the picture's colors is matched with
the map's nearest color; the map whose colors explain the picture best wins.
Distances are capped, so annotations and background cost a bounded amount; on a
picture mostly of colors its neutral ones (a whole figure's white paper, black text
and axes) are capped lower still, so that no gray map wins for them
(:func:`._nearest.color_caps`).

Maps whose 8-bit tables are the same (``viridis`` and ``bids:viridis``; a map
and another's reverse, like ``gray`` and ``binary``) cannot be told apart by
any picture: they form one candidate, named by its common member (matplotlib's
maps first, its other spellings and copies like ``gist_gray`` and ``binary``
last: :func:`._candidate_tables._commonness`), and the rest listed as ``aliases``
(the candidates, stacked once per process: :mod:`._candidate_tables`). Candidates come
best score first; a map outside matplotlib that scores about as well as one of
matplotlib's (within :data:`_COMMON_SLACK` DN and :data:`_COMMON_MARGIN`) ties
with it and comes after it.

A picture's colors do not say which way round the map was used --
``jet(x)`` and ``jet_r(1 - x)`` are the same picture -- so for a picture
``reversed`` is always ``False``. Given a :class:`~truepix.Colorbar`, whose
colors run from low to high, the direction is known and ``reversed`` tells it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from truepix._threads import blas_on_caller
from truepix.color._catalog import ColormapEntry, get
from truepix.color._identify import _candidate_tables, _cover, _discrete, _fast_maps, _twins
from truepix.color._identify._candidate_tables import _candidates, _commonness, _Tables
from truepix.color._identify._colorbar import Colorbar, image_rgb8
from truepix.color._identify._few_colors import warn_few_colors
from truepix.color._identify._misfit import with_misfit_doubt
from truepix.color._identify._figure import (
    FIGURE_COLORED_SHARE, figure_bar, from_bar, without_paper,
)
from truepix.color._identify._nearest import COLORED_SHARE, color_caps, own_bytes_cost
from truepix.color._identify._picture_blend import BLEND_BELOW, with_picture_blend
from truepix.color._identify._nearest import (  # noqa: F401  # re-exported for callers
    nearest_color_cost, nearest_color_cost_numpy, planes_cost, planes_cost_off,
)
from truepix.errors import InputError

__all__ = [
    "ColormapMatch",
    "colorbar_map",
    "identify_colormap",
    "nearest_color_cost",
    "nearest_color_cost_numpy",
    "ranked_maps",
]

_CAP = 40.0  # RGB distance beyond which a color counts as "not this map at all"
_MAX_PIXELS = 1 << 18  # pixels sampled from large pictures
# In a picture of _FLAT_COLORS colors or more whose colors within _FLAT_BUCKET DN
# holding _FLAT_SHARE of it each hold less than half of it together (a continuous
# picture, not a few levels), those colors weigh _FLAT_SHARE together. A flat region of
# one color -- an extend color (jet's cyan under color: a third of trial42's terrain),
# a plateau -- is one piece of evidence, not a third of it: MATLAB's jet holds pure cyan
# and matplotlib's does not, which named 'matlab:jet' (0.928) before 'jet' (0.772) for
# a matplotlib jet picture.
_FLAT_COLORS, _FLAT_SHARE, _FLAT_BUCKET = 64, 0.02, 8
_COARSE_COLORS = 96  # colors used to shortlist maps
_SHORTLIST = 40  # maps compared on every color
_FINE_PIXELS = 8192  # pixels compared with the shortlist when a picture has many colors
_BAR_FIT = 0.95  # share of a colorbar's colors that must fit a catalog map to stand for it
# bins a bar color may sit from its place: merged repeats shift places by a few bins,
# a map of another gamma (CET_L1 for gray) by tens
_BAR_SLACK = 6.0
# weight of a bar color's distance (DN) from the map's color at its place along the bar:
# a bar's colors say which map by their colors, and which of the maps with the same
# colors (Greys, binary) by their places
_PLACE_WEIGHT = 0.25
#: DN a bar found in a compressed picture may be off its catalog map (1 for exact bars).
_NOISY_BAR_DN = 6
# a bar whose best opaque match scores below this is tried as a map drawn with alpha
_BLEND_BELOW = 0.95
_NAME_MARGIN = 0.05  # relative cost by which a cluster member must win to name the match
# ... and absolute (DN): JPEG noise makes gray's and binary's truncated tables (each
# missing a few levels) differ by up to 0.04 DN on one picture; an exact picture of
# one table costs the other 0.06-0.09 DN, under this, so it too gets the common name
_NAME_GAP = 0.1
#: Relative cost by which a map outside matplotlib must beat one of matplotlib's to
#: be named first: when a JPEG'd gray picture fits gray and imagej:HiLo (gray with a
#: blue and a red end) about as well, the common map is the answer.
_COMMON_MARGIN = 0.1
_COMMON_SLACK = 0.25  # ... and by this much (mean capped distance, DN): costs near 0 tie

#: The candidates' builder, reached through this module as before the tables moved out.
_build = _candidate_tables._build
@dataclass(frozen=True)
class ColormapMatch:
    """One candidate colormap for a picture.

    Attributes
    ----------
    name : str
        Catalog name of the map (without ``_r``).
    reversed : bool
        Whether the map is used high-to-low (only known from a Colorbar).
    score : float
        1.0 when every color of the picture is a color of the map, falling
        towards 0 as colors move away from the map.
    aliases : tuple of str
        Other catalog maps with the same 8-bit table (or its reverse).
    direction_known : bool
        False for a picture, which cannot tell a map used low-to-high from its
        reverse used high-to-low (``reversed`` is then False by convention);
        True for a Colorbar, whose colors run from low to high.
    alpha : float
        1.0 for a map drawn opaque; for a colorbar drawn with alpha (its colors
        ``alpha * map + (1 - alpha) * background``), the alpha found.
    background : tuple of float or None
        The RGB (0..255) such a bar was blended over; None when opaque.
    doubt : str
        Empty when the map fits; else why no catalog map fits the picture closely
        (its colors lie off the map's table by more than their own noise explains:
        a hand-built map's picture), the scores then scaled down (:mod:`._misfit`).

    Examples
    --------
    >>> from truepix.color import ColormapMatch
    >>> ColormapMatch("viridis", False, 1.0).name
    'viridis'
    """

    name: str
    reversed: bool
    score: float
    aliases: tuple[str, ...] = ()
    direction_known: bool = True
    alpha: float = 1.0
    background: tuple[float, float, float] | None = None
    doubt: str = ""

    @property
    def cmap(self) -> str:
        """The name to decode by (``decolorize(picture, cmap=match.cmap)``): :attr:`name`,
        with ``_r`` when :attr:`reversed`. A whole figure named from its colorbar drawn
        high-to-low is ``RdBu`` reversed, ``cmap`` ``'RdBu_r'``: decoded by ``name`` alone
        its numbers come back upside down (trial 58: MAE 33 %). Where
        :attr:`direction_known` is False no picture can tell the two, and ``cmap`` is the
        map upright.

        Examples
        --------
        >>> from truepix.color import ColormapMatch
        >>> ColormapMatch("RdBu", True, 0.97).cmap
        'RdBu_r'
        """
        return self.name + "_r" if self.reversed else self.name


def _picture_colors(image: Any) -> tuple[np.ndarray, np.ndarray]:
    """The distinct opaque colors of a picture and how many pixels have each."""
    rgb, alpha = image_rgb8(image)
    pixels = rgb.reshape(-1, 3)
    if alpha is not None:
        pixels = pixels[alpha.reshape(-1) > 0]
    if len(pixels) > _MAX_PIXELS:  # an even sample keeps the result deterministic
        pixels = pixels[:: -(-len(pixels) // _MAX_PIXELS)]
    if len(pixels) == 0:
        msg = "expected a picture with opaque pixels, got one that is fully transparent"
        raise InputError(msg)
    from truepix.color._decolorize._tables import distinct_colors

    return distinct_colors(pixels)


def _rank_picture(
    image: Any, tables: _Tables, rounded: bool | None = None, *, warn: bool = False
) -> tuple[Any, Any, Any]:
    """Per table: the capped mean distance of the picture's colors plus its unshown colors'
    cost; no table turned; the (colors, weights, caps) compared (:mod:`._twins` reads them).

    ``rounded`` None (a picture): each color against a table's truncated and rounded
    bytes together, its neutral colors capped low (a figure's paper and text:
    :func:`._nearest.color_caps`); True or False: one of them (a colorbar's two readings).
    ``warn``: a picture of one or two colors is told it names no map (:mod:`._few_colors`).
    """
    if rounded is None:
        luts, (planes, sizes) = tables.luts, tables.union
    else:
        luts = tables.rounded if rounded else tables.luts
        planes, sizes = (tables.rounded_planes if rounded else tables.luts_planes), tables.sizes
    colors, weights = _picture_colors(image)
    framed = False
    if rounded is None:  # a whole figure's paper is no map's evidence
        colors, weights, framed = without_paper(image, colors, weights)
    if warn:
        warn_few_colors(colors, weights)  # one or two colors name no map
    share = FIGURE_COLORED_SHARE if framed else COLORED_SHARE
    caps = color_caps(colors, weights, _CAP, share) if rounded is None else np.full(len(colors), _CAP)
    if rounded is None and len(colors) >= _FLAT_COLORS:  # a continuous picture's flat regions
        weights = _flat_capped(colors, weights)
    unshown, worn = _cover.missing(colors, luts, tables.sizes)
    ends = _cover.ends_shown(colors, tables)
    weight = _cover.COVER_WEIGHT * _CAP
    # Shortlist on the most common colors, then compare the shortlist on more.
    common = np.argsort(weights, kind="stable")[::-1][:_COARSE_COLORS]
    coarse = planes_cost(colors[common], weights[common], planes, sizes, caps[common])
    coarse += weight * worn
    shortlist = np.argsort(coarse, kind="stable")[:_SHORTLIST]
    colors, weights, caps = _sampled(colors, weights, caps)
    cost = np.full(len(tables.names), np.inf)
    short_planes, short_sizes = planes[shortlist], sizes[shortlist]
    cost[shortlist], off = planes_cost_off(colors, weights, short_planes, short_sizes, caps)
    exact = rounded is None and bool(np.any(off == 0))
    if exact:  # an exact picture (few colors): each table judged by its own bytes first
        cost[shortlist] = own_bytes_cost(colors, weights, tables, shortlist, cost[shortlist], caps)
    share = _cover.unshown_share(unshown, worn, ends, shortlist, off, bar=rounded is not None)
    cost[shortlist] += weight * share
    if rounded is None:  # prism, flag: judged by what a JPEG keeps when no map fits
        rgb, alpha = image_rgb8(image)
        if alpha is None or alpha.min() > 0:
            cost = _fast_maps.with_block_costs(rgb, cost, tables, _CAP)
    return cost, np.zeros(len(cost), dtype=bool), (colors, weights, caps)


def _flat_capped(colors: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """``weights`` with the colors of each flat region (a bucket of _FLAT_BUCKET DN
    holding _FLAT_SHARE of the picture) weighing _FLAT_SHARE together, when those
    regions hold less than half of the picture; else ``weights`` as they are."""
    keys = np.rint(colors.astype(np.float64) / _FLAT_BUCKET).astype(np.int64)
    keys = (keys[:, 0] << 16) | (keys[:, 1] << 8) | keys[:, 2]
    _, bucket = np.unique(keys, return_inverse=True)
    held = np.bincount(bucket.reshape(-1), weights=weights.astype(np.float64))
    total = float(held.sum())
    flat = held >= _FLAT_SHARE * total
    if not flat.any() or held[flat].sum() >= 0.5 * total:
        return weights
    factor = np.where(flat, _FLAT_SHARE * total / np.maximum(held, 1.0), 1.0)
    scaled = np.maximum(np.floor(weights * factor[bucket.reshape(-1)]), 1.0)
    return scaled.astype(weights.dtype)


def _sampled(colors: np.ndarray, weights: np.ndarray, caps: np.ndarray) -> tuple[Any, Any, Any]:
    """Many colors (JPEG, noise): an even sample of the pixels, not of the colors."""
    if len(colors) <= _FINE_PIXELS:
        return colors, weights, caps
    pixels = np.repeat(np.arange(len(colors)), weights.astype(np.int64))
    chosen = np.bincount(pixels[:: -(-len(pixels) // _FINE_PIXELS)], minlength=len(colors))
    keep = chosen > 0
    return colors[keep], chosen[keep].astype(np.float64), caps[keep]


def _rank_colorbar(colorbar: Colorbar, tables: _Tables) -> tuple[np.ndarray, np.ndarray]:
    """Rank by the bar's colors like a picture's; its order gives the direction.

    matplotlib draws a colorbar from float colors, which Agg rounds to bytes
    (a picture from ``bytes=True`` truncates): both tables are tried.
    """
    picture = colorbar.colors[None, :, :]
    cost = np.minimum(
        _rank_picture(picture, tables, rounded=False)[0],
        _rank_picture(picture, tables, rounded=True)[0],
    )
    colors = colorbar.colors.astype(np.float64)
    fractions = np.asarray(colorbar.positions)
    flipped = np.zeros(len(tables.names), dtype=bool)
    for m in np.flatnonzero(np.isfinite(cost)):
        size = int(tables.sizes[m])
        index = np.clip((fractions * size).astype(np.int64), 0, size - 1)
        misfit = []
        for table in (tables.luts[m], tables.rounded[m]):
            forward = np.abs(colors - table[index]).max(axis=1)
            backward = np.abs(colors - table[size - 1 - index]).max(axis=1)
            misfit.append((forward.mean(), backward.mean()))
        forward_dn, backward_dn = min(f for f, _ in misfit), min(b for _, b in misfit)
        flipped[m] = backward_dn < forward_dn
        # Maps with the same colors in other places (Greys and binary) differ here:
        # a color's distance from the map's color at its place along the bar
        cost[m] += _PLACE_WEIGHT * min(min(forward_dn, backward_dn), _CAP)
    return cost, flipped


def identify_colormap(image: Any, /, *, top: int = 5) -> list[ColormapMatch]:
    """Name the catalog colormap a picture (or a colorbar) was painted with.

    Parameters
    ----------
    image : array_like or Colorbar
        A colormapped picture: (H, W, 3) or (H, W, 4), uint8, uint16 or float
        in [0, 1]; transparent pixels are ignored; a Pillow palette image (a GIF)
        is read by its colors. Or a :class:`Colorbar`
        from :func:`find_colorbar`, which also tells the map's direction.
    top : int
        How many candidates to return, best first.

    Returns
    -------
    list of ColormapMatch
        The ``top`` best continuous maps, one per group of tables no picture
        tells apart, ordered by score; on a tie the common name comes first
        (``gray``, not ``binary``, ``gist_gray`` or ``imagej:HiLo``). A shrunk or
        JPEG'd picture lacking a map's end colors is not held to them (``gray``,
        not ``colorcet:CET_L2``, for a gray picture shrunk to 6..238: :mod:`._cover`).
        A whole figure on paper whose colorbar :func:`find_colorbar` finds without
        doubt is named from its bar (the direction then known) when the bar's best
        map scores 0.9 or more, or 0.6 and is among the picture's own best
        (:mod:`._figure`).

    Raises
    ------
    ShapeError
        ``image`` is not (H, W) gray or (H, W, 3|4) RGB(A).
    UnsupportedDtypeError
        Its dtype is not uint8, uint16 or float.
    OutOfRangeError
        Float pixels outside [0, 1].
    InputError
        ``top`` is not a positive int, or no pixel is opaque.

    Notes
    -----
    The first call gathers every table of the catalog (about two seconds);
    later calls reuse them.

    Examples
    --------
    >>> import numpy as np, truepix as tp
    >>> data = np.add.outer(np.linspace(0, 1, 64), np.linspace(0, 1, 64)) / 2
    >>> picture = tp.colorize(data, cmap="cmocean:thermal")
    >>> best = tp.identify_colormap(picture, top=3)[0]
    >>> best.name, best.score
    ('cmocean:thermal', 1.0)
    """
    with blas_on_caller:  # (not a decorator: the few-colors warning's stacklevel is the user's)
        return ranked_maps(image, top=top, warn=True, doubt=True)


def ranked_maps(
    image: Any, /, *, top: int = 5, warn: bool = False, doubt: bool = False
) -> list[ColormapMatch]:
    """:func:`identify_colormap`, for truepix's own callers: ``warn`` False keeps a
    picture of one or two colors (:mod:`._few_colors`) quiet, where the caller asks
    about a sample of a picture, not the user about a picture; ``doubt`` False leaves
    the scores of a picture no map fits closely as they are (:mod:`._misfit`)."""
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 1:
        msg = f"expected top to be a positive integer, got {top!r}"
        raise InputError(msg)
    from truepix._validate import as_picture  # the one picture rule (gray, masks)

    image = image if isinstance(image, Colorbar) else as_picture(image)
    tables = _candidates()
    seen = None
    if isinstance(image, Colorbar):
        cost, flipped = _rank_colorbar(image, tables)
    else:
        cost, flipped, seen = _rank_picture(image, tables, warn=warn)
    matches = _ranked(cost, flipped, tables, top, known=isinstance(image, Colorbar), seen=seen)
    if isinstance(image, Colorbar) and image.boundaries is not None:
        matches = _with_steps(image, matches, tables, top)
    if not isinstance(image, Colorbar) and matches and matches[0].score < _discrete.TRY_BELOW:
        matches = _discrete.with_discrete(image, matches, top)  # a qualitative map
    if isinstance(image, Colorbar) and matches and matches[0].score < _BLEND_BELOW:
        matches = _with_blend(image, matches, top)
    elif not isinstance(image, Colorbar) and matches and matches[0].score < BLEND_BELOW:
        matches = with_picture_blend(image, tables, matches, top)  # drawn with alpha?
    matches = _discrete.descending(matches)
    bar = None if isinstance(image, Colorbar) else figure_bar(image)  # a whole figure?
    if bar is not None:
        return from_bar(ranked_maps(bar, top=top), matches)
    if doubt and seen is not None:  # a hand-built map's picture, named after the nearest
        matches = with_misfit_doubt(matches, *seen)
    return matches


def _handicap(cost: Any) -> Any:
    """Cost a map outside matplotlib must win by to come before one of matplotlib's."""
    return _COMMON_SLACK + _COMMON_MARGIN * cost


def _ranked(
    cost: np.ndarray, flipped: np.ndarray, tables: _Tables, top: int, *, known: bool,
    seen: Any = None,
) -> list[ColormapMatch]:
    """The ``top`` candidates, one per cluster, best score first; ties go to the common name.

    A cluster's tables paint the same colors, so for a picture the cluster is one
    candidate scored by its best-fitting table and named by its common member
    (:func:`_commonness`) unless another fits clearly better (an exact picture of
    that very table). A candidate outside matplotlib is listed before one of
    matplotlib's only when it beats it by a margin (:data:`_COMMON_SLACK`,
    :data:`_COMMON_MARGIN`): within it the two tie and the common map comes first.
    A map that explains every color exactly needs no margin (an exact picture of it).
    Nor does one holding colors of the picture that the common map lacks (``seen``: the
    picture's colors, :mod:`._twins`): OpenCV's jet, JPEG'd, is 'opencv:jet'.
    """
    uncommon = tables.uncommon
    handicap = np.where(uncommon, _handicap(cost), 0.0)
    finite = np.isfinite(cost)
    ranked = [
        _cluster_match(tables.members[int(cluster)], cost, handicap, flipped, tables, known)
        for cluster in np.unique(tables.cluster[finite])
    ]
    ranked.sort(key=lambda item: (item[0], item[1]))
    if seen is not None:
        ranked = _twins.settled(ranked, seen, tables, _CAP)
    if len(ranked) < top or not np.isfinite(ranked[top - 1][0]):
        for members in tables.members.values():
            if not finite[members].any():  # off the shortlist: listed last, score 0
                name, aliases = tables.names[members[0]], tables.aliases[members[0]]
                match = ColormapMatch(name, False, 0.0, aliases, direction_known=known)
                ranked.append((np.inf, _commonness(name), match))
        ranked.sort(key=lambda item: (item[0], item[1]))
    return [match for _, _, match in ranked[:top]]


def _cluster_match(
    members: np.ndarray,
    cost: np.ndarray,
    handicap: np.ndarray,
    flipped: np.ndarray,
    tables: _Tables,
    known: bool,
) -> tuple[float, tuple[bool, bool, str], ColormapMatch]:
    """One cluster's candidate (:func:`_ranked`) and its sort key: (order, commonness)."""
    uncommon = tables.uncommon
    i = int(members[np.argmin(cost[members] + handicap[members])])
    best = int(members[0])
    if cost[i] + handicap[i] - handicap[best] < cost[best] * (1 - _NAME_MARGIN) - _NAME_GAP:
        best = i
    if flipped[best]:  # an upright member that fits as well names it (gray, not binary_r)
        upright = [
            int(j) for j in members if not flipped[j] and cost[j] <= cost[best] * (1 + _NAME_MARGIN)
        ]
        best = upright[0] if upright else best
    name, turn = tables.names[best], bool(flipped[best])
    aliases = list(tables.aliases[best])
    if turn and any(a in tables.turned for a in aliases):
        # a bar drawn high-to-low with the leader's table is the turned alias drawn upright
        upright_alias = next(a for a in aliases if a in tables.turned)
        aliases[aliases.index(upright_alias)] = name
        name, turn = upright_alias, False
    for j in members:
        if j != best:
            aliases += [tables.names[j], *tables.aliases[j]]
    # a bar's places tell its members apart; a picture's colors do not: its score is
    # the best fit among the members of the name's kind (matplotlib's or not)
    kind = members[uncommon[members] == uncommon[best]]
    fit = float(cost[best] if known else cost[kind].min())
    score = round(1.0 - fit / _CAP, 6) if np.isfinite(fit) else 0.0
    match = ColormapMatch(name, turn, score, tuple(aliases), direction_known=known)
    order = fit + (_handicap(fit) if ":" in name and fit > 0 else 0.0)
    return (order if np.isfinite(order) else np.inf), _commonness(name), match


def _with_steps(
    bar: Colorbar, matches: list[ColormapMatch], tables: _Tables, top: int
) -> list[ColormapMatch]:
    """The matches with the map a stepped bar's colors were sampled from first
    (:mod:`._stepped_map`)."""
    from truepix.color._identify._stepped_map import stepped_map

    found = stepped_map(bar)
    if found is None:
        return matches
    name, turned, worst = found
    aliases = tables.aliases[tables.names.index(name)]
    score = round(1.0 - worst / _CAP, 6)
    first = ColormapMatch(name, turned, score, tuple(aliases), direction_known=True)
    return [first, *(m for m in matches if m.name != name)][:top]


def _with_blend(bar: Colorbar, matches: list[ColormapMatch], top: int) -> list[ColormapMatch]:
    """The matches with a map blended over a background first, when one explains the bar."""
    from truepix.color._identify._blend import blended_map

    blend = blended_map(bar)
    if blend is None:
        return matches
    score = round(1.0 - blend.residual / _CAP, 6)
    if score <= matches[0].score:
        return matches
    name = blend.name.removesuffix("_r")
    found = ColormapMatch(
        name, blend.name.endswith("_r"), score, direction_known=True,
        alpha=blend.alpha, background=blend.background,
    )  # fmt: skip
    return [found, *matches][:top]


def colorbar_map(colorbar: Colorbar, /) -> ColormapEntry | None:
    """The catalog map a colorbar was drawn from, or None when none fits closely.

    A figure's colorbar shows a map's colors rounded to bytes and resampled
    to the bar's length. When the bar's colors are those of a catalog map --
    nearly all within 1 DN, each at its place along the bar within a few bins --
    the map's own table is a better inverse than the bar's pixels: its bins,
    its truncation to bytes, none of the bar's resampling.

    Examples
    --------
    >>> import numpy as np, truepix as tp
    >>> from truepix.color._identify._match import colorbar_map
    >>> colors = tp.color.catalog["magma"].lut_bytes[::-1, :3]
    >>> colorbar_map(tp.Colorbar((0, 0, 9, 256), "vertical", colors)).name
    'magma_r'
    """
    if len(colorbar.colors) < 16:
        return None
    best = identify_colormap(colorbar, top=1)[0]
    limit = 1 if colorbar.exact else _NOISY_BAR_DN
    colors = colorbar.colors.astype(np.int16)
    fractions = np.asarray(colorbar.positions)
    for name in (best.name, *best.aliases):
        entry = get(name + "_r" if best.reversed else name)
        n = entry.n_colors
        close = np.zeros(len(colors), dtype=bool)
        placed = np.zeros(len(colors), dtype=bool)
        for table in (entry.lut_bytes[:, :3], entry.lut_rounded[:, :3]):
            distance = np.abs(colors[:, None, :] - table[None, :, :].astype(np.int16)).max(axis=2)
            nearest = distance.argmin(axis=1)
            close |= distance[np.arange(len(colors)), nearest] <= limit
            placed |= np.abs((nearest + 0.5) / n - fractions) <= _BAR_SLACK / n + 2.0 / len(colors)
        if np.mean(close & placed) >= _BAR_FIT:
            return entry
    return None

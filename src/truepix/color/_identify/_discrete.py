"""Qualitative maps (``tab10``, ``Set1``, ``Paired`` ...) for :func:`identify_colormap`.

A qualitative map is a set of distinct colors, not a ramp: ``plt.imsave(x,
cmap="tab10")`` paints each tenth of the range one color. No continuous map
explains such a picture (``tab10`` on terrain scored 0.05-0.32 against
colorcet's rainbows and ``prism``), so when the best continuous map fits badly
(:data:`TRY_BELOW`) the catalog's discrete maps are scored too, by the same
capped mean distance of the picture's colors to each table's nearest color
(truncated or rounded bytes), plus :data:`~._cover.COVER_WEIGHT` of the cap for
each of the table's colors the picture does not show: ``tab20`` holds all of
``tab10``'s colors, and a ``tab10`` picture shows only half of it. Tables with the
same set of colors (``Set1`` and ``colorbrewer:Set1_9``, a map and its reverse)
are one candidate, named by its common member. The tables are built once per
process (and kept in the identification tables' disk cache).
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import itertools
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from truepix.color._identify import _tables_cache
from truepix.color._identify._cover import COVER_WEIGHT
from truepix.color._identify._nearest import color_caps, planes_cost, table_planes

__all__ = ["TRY_BELOW", "descending", "discrete_costs", "discrete_sets", "with_discrete"]

#: Score of the best continuous map under which the discrete maps are tried:
#: continuous pictures (JPEG q75, shrunk) score 0.78 and more on their own map.
TRY_BELOW = 0.9
#: A table color counts as shown when picture colors within this many DN (a box of
#: 8-DN cells) hold SHOWN_SHARE of the pixels: JPEG q75 spreads a flat region's
#: color over about 10 DN, and its ringing leaves stray colors under that share.
SHOWN_DN, SHOWN_SHARE = 16, 0.001
#: A pixel is flat when its 3x3 neighbours are within FLAT_DN (JPEG q75 inside a
#: region); the flat pixels are scored when they are FLAT_SHARE of the picture.
FLAT_DN, FLAT_SHARE = 12, 0.05
#: Sets of more colors (glasbey's 256, MATLAB's colorcube) are no candidates: on a
#: JPEG'd prism picture, where no map fits well, glasbey's many colors came first.
MOST_COLORS = 64
_CELL_SHIFT = 3
_PREFIX = "identify_sets."


@dataclass(frozen=True)
class Sets:
    """The catalog's discrete maps, one per distinct set of colors."""

    names: tuple[str, ...]
    aliases: tuple[tuple[str, ...], ...]
    luts: np.ndarray  # (M, K, 3) int32 distinct truncated colors, padded with the last
    rounded: np.ndarray  # the same entries rounded (as Agg and MATLAB paint)
    sizes: np.ndarray  # (M,) distinct colors in each set

    @cached_property
    def both(self) -> tuple[np.ndarray, np.ndarray]:
        """(planes, sizes) of each set's truncated colors followed by its rounded ones."""
        width = self.luts.shape[1]
        both = np.empty((len(self.luts), 2 * width, 3), dtype=np.int32)
        for m, size in enumerate(self.sizes):
            both[m, :size], both[m, size : 2 * size] = self.luts[m, :size], self.rounded[m, :size]
            both[m, 2 * size :] = self.luts[m, size - 1]
        return table_planes(both), 2 * self.sizes


_sets: Sets | None = None
_lock = threading.Lock()


def discrete_sets() -> Sets:
    """The discrete maps' color sets (built once per process, or read from disk)."""
    global _sets
    with _lock:
        if _sets is None:
            from truepix.color._catalog import names
            importlib.import_module("truepix.color._identify._match")  # (the key reads it)

            all_names = names()
            digest = hashlib.sha256(_tables_cache.key(all_names).encode())
            digest.update(Path(__file__).read_bytes())
            cache_key = digest.hexdigest()[:32]
            stored = _tables_cache.read(cache_key, prefix=_PREFIX)
            if stored is not None:
                _sets = Sets(
                    stored["names"], stored["aliases"], stored["luts"], stored["rounded"],
                    stored["sizes"],
                )  # fmt: skip
            else:
                _sets = _build(all_names)
                fields = {
                    "names": _sets.names, "aliases": _sets.aliases, "turned": frozenset(),
                    "luts": _sets.luts, "rounded": _sets.rounded, "sizes": _sets.sizes,
                    "cluster": np.arange(len(_sets.names)),
                }  # fmt: skip
                _tables_cache.write(cache_key, fields, prefix=_PREFIX)
        return _sets


def _build(all_names: list[str]) -> Sets:
    from truepix.color._catalog import get
    from truepix.color._identify._candidate_tables import candidate_order, padded_tables

    groups: dict[bytes, list[str]] = {}
    tables: dict[bytes, tuple[np.ndarray, np.ndarray]] = {}
    for name in candidate_order(all_names):
        entry = get(name)
        if not entry.discrete:
            continue
        truncated = entry.lut_bytes[:, :3].astype(np.int32)
        _, first = np.unique(truncated, axis=0, return_index=True)
        if len(first) > MOST_COLORS:
            continue
        first = np.sort(first)
        key = np.unique(truncated, axis=0).tobytes()
        groups.setdefault(key, []).append(name)
        tables.setdefault(key, (truncated[first], entry.lut_rounded[first, :3].astype(np.int32)))
    luts, rounded, sizes = padded_tables(list(tables.values()))
    names = tuple(g[0] for g in groups.values())
    return Sets(names, tuple(tuple(g[1:]) for g in groups.values()), luts, rounded, sizes)


def _unshown(colors: np.ndarray, weights: np.ndarray, sets: Sets) -> np.ndarray:
    """Per set, the share of its colors the picture does not show (:data:`SHOWN_DN`)."""
    cells = 256 >> _CELL_SHIFT
    grid = np.zeros((cells + 1,) * 3)  # summed-area table of the pixels' cells
    cell = colors >> _CELL_SHIFT
    np.add.at(grid, (cell[:, 0] + 1, cell[:, 1] + 1, cell[:, 2] + 1), weights)
    for axis in range(3):
        grid = np.cumsum(grid, axis=axis)
    reach = SHOWN_DN >> _CELL_SHIFT
    low = np.clip((sets.luts >> _CELL_SHIFT) - reach, 0, cells)
    high = np.clip((sets.luts >> _CELL_SHIFT) + reach + 1, 0, cells)
    box = np.zeros(sets.luts.shape[:2])
    for corner in range(8):  # inclusion-exclusion over the box's corners
        ends = [high if corner >> axis & 1 else low for axis in range(3)]
        sign = (-1) ** (3 - bin(corner).count("1"))
        box += sign * grid[ends[0][..., 0], ends[1][..., 1], ends[2][..., 2]]
    shown = box >= SHOWN_SHARE * weights.sum()
    real = np.arange(sets.luts.shape[1])[None, :] < sets.sizes[:, None]
    return ((~shown) & real).sum(axis=1) / sets.sizes


def discrete_costs(
    colors: np.ndarray, weights: np.ndarray, caps: Any, cap: float, every: Any = None
) -> np.ndarray:
    """Per discrete set: the capped mean distance of the picture's (U, 3) ``colors``
    (``weights`` pixels each) to its nearest color, plus its unshown colors' cost;
    ``every``: (colors, weights) of all the picture's pixels, to tell what it shows.

    Examples
    --------
    >>> import matplotlib as mpl
    >>> colors = mpl.colormaps["tab10"](np.arange(10), bytes=True)[:, :3].astype(np.int32)
    >>> cost = discrete_costs(colors, np.ones(10), 40.0, 40.0)
    >>> discrete_sets().names[int(np.argmin(cost))], float(cost.min())
    ('tab10', 0.0)
    """
    sets = discrete_sets()
    cost = planes_cost(colors, weights, *sets.both, caps)
    every = (colors, weights) if every is None else every
    return cost + COVER_WEIGHT * cap * _unshown(*every, sets)


def _flat_colors(image: Any) -> tuple[tuple[Any, Any], tuple[Any, Any]]:
    """The distinct colors of the picture's flat pixels (all within FLAT_DN of their
    3x3 neighbours) and their counts (all opaque pixels when few are flat); and of
    all opaque pixels, which show the set's colors (small regions have no flat pixel).

    A qualitative picture is flat regions of the set's colors. JPEG keeps their
    insides but rings around every edge, and a picture of many small regions (a
    textured field in 12 colors) is mostly edges: on a ``Paired`` picture at q75,
    every set scored 0.19 on all pixels, and ``OrRd`` came first.
    """
    from truepix.color._decolorize._tables import distinct_colors
    from truepix.color._identify._colorbar import image_rgb8

    rgb, alpha = image_rgb8(image)
    rgb = rgb.astype(np.int16)
    opaque = np.ones(rgb.shape[:2], bool) if alpha is None else alpha > 0
    flat = opaque.copy()
    height, width = opaque.shape
    padded = np.pad(rgb, ((1, 1), (1, 1), (0, 0)), mode="edge")
    for dy in range(3):
        for dx in range(3):
            near = padded[dy : dy + height, dx : dx + width]
            flat &= np.abs(near - rgb).max(axis=-1) <= FLAT_DN
    chosen = flat if flat.sum() >= FLAT_SHARE * opaque.sum() else opaque
    every = distinct_colors(rgb[opaque].astype(np.int32))
    return distinct_colors(rgb[chosen].astype(np.int32)), every


def with_discrete(image: Any, matches: list[Any], top: int) -> list[Any]:
    """The ``matches`` (``ColormapMatch``) of a picture no continuous map explains well,
    with the qualitative maps (``tab10``, ``Set1`` ...) that score better among them;
    as :func:`._match._ranked` orders them (a namespaced map ties with matplotlib's)."""
    from truepix.color._identify import _match as match_module
    from truepix.color._identify._match import _CAP, ColormapMatch, _commonness, _handicap

    from truepix.color._identify._figure import FIGURE_COLORED_SHARE, without_paper
    from truepix.color._identify._nearest import COLORED_SHARE

    (colors, weights), every = _flat_colors(image)
    colors, weights, framed = without_paper(image, colors, weights)  # paper: no evidence
    every = without_paper(image, *every)[:2]
    caps = color_caps(colors, weights, _CAP, FIGURE_COLORED_SHARE if framed else COLORED_SHARE)
    colors, weights, caps = match_module._sampled(colors, weights, caps)
    cost = discrete_costs(colors, weights, caps, _CAP, every)
    sets = discrete_sets()
    found = [
        ColormapMatch(sets.names[i], False, round(1.0 - float(cost[i]) / _CAP, 6),
                      sets.aliases[i], direction_known=False)  # fmt: skip
        for i in np.argsort(cost, kind="stable")[:top] if cost[i] < _CAP
    ]  # fmt: skip

    def order(match: Any) -> tuple[float, tuple[bool, bool, str]]:
        fit = (1.0 - match.score) * _CAP
        handicap = _handicap(fit) if ":" in match.name and fit > 0 else 0.0
        return fit + handicap, _commonness(match.name)

    # (the continuous matches keep their order: ``_twins`` may put a map before one it
    # trails by the common name's margin)
    keys = itertools.accumulate((order(m) for m in matches), max)
    merged = [*zip(keys, matches), *((order(m), m) for m in found)]
    return [m for _, m in sorted(merged, key=lambda pair: pair[0])][:top]


def descending(matches: list[Any]) -> list[Any]:
    """``matches`` with scores that never rise down the list: a map outside matplotlib
    that ties with one of matplotlib's comes after it (:func:`._match._ranked`), and
    is shown at its score.

    Examples
    --------
    >>> from truepix.color._identify._match import ColormapMatch
    >>> [m.score for m in descending([ColormapMatch("gray", False, 0.9),
    ...                               ColormapMatch("imagej:HiLo", False, 0.91)])]
    [0.9, 0.9]
    """
    out: list[Any] = []
    for match in matches:
        if out and match.score > out[-1].score:
            match = dataclasses.replace(match, score=out[-1].score)
        out.append(match)
    return out

"""The candidates of ``identify_colormap``: every continuous catalog map, one per table.

Maps whose 8-bit tables are the same (``viridis`` and ``bids:viridis``; ``gray`` and
``binary``, one the other's reverse) are one candidate, led by its common member
(:func:`_commonness`: matplotlib's names first, other spellings and copies last);
tables no picture can tell apart share a cluster (:mod:`._clusters`). All of them are
stacked once per process (and state of matplotlib's registry) into :class:`_Tables`,
the arrays :mod:`._match` scores a picture's colors against; a new process reads them
from the disk cache (:mod:`._tables_cache`) when the catalog is the one they were
built from.
"""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from truepix.color._catalog import get, names
from truepix.color._identify import _fast_maps, _tables_cache
from truepix.color._identify._clusters import clusters
from truepix.color._identify._nearest import table_planes

__all__ = ["candidate_order", "padded_tables"]

#: matplotlib names that repeat another matplotlib map's colors: other spellings, the
#: GIST copies, and gray run white to black. A picture cannot tell them from the map
#: they repeat (nor a map from its reverse), so the answer is the name people use.
_REPEATS = frozenset(
    {"grey", "gist_grey", "Grays", "gist_yerg", "gist_gray", "gist_yarg", "binary"}
)


def _commonness(name: str) -> tuple[bool, bool, bool, str]:
    """Sort key putting common names first: matplotlib's before namespaced, repeats last,
    and a catalogue code after the name its family gives the same table (colorcet
    registers ``cet_fire`` and ``cet_CET_L3``: its users say "fire").

    Examples
    --------
    >>> sorted(["binary", "matlab:gray", "gray", "Greys", "Grays"], key=_commonness)
    ['gray', 'Greys', 'binary', 'Grays', 'matlab:gray']
    >>> sorted(["cet_CET_L3", "cet_fire"], key=_commonness)
    ['cet_fire', 'cet_CET_L3']
    """
    return ":" in name, name in _REPEATS, "CET_" in name, name.lower()



@dataclass(frozen=True)
class _Tables:
    names: tuple[str, ...]
    aliases: tuple[tuple[str, ...], ...]  # catalog maps with the identical table
    turned: frozenset[str]  # aliases whose table is their group leader's reversed
    luts: np.ndarray  # (M, K, 3) int32, short tables padded by repeating their last color
    rounded: np.ndarray  # the same tables rounded, not truncated, to bytes (as Agg draws them)
    sizes: np.ndarray  # (M,) entries actually in each table
    cluster: np.ndarray  # (M,) tables no picture can tell apart share a cluster

    @cached_property
    def luts_planes(self) -> np.ndarray:
        return table_planes(self.luts)  # laid out once per process, not per call

    @cached_property
    def rounded_planes(self) -> np.ndarray:
        return table_planes(self.rounded)

    @cached_property
    def union(self) -> tuple[np.ndarray, np.ndarray]:
        """(planes, sizes) of each table's truncated entries and its rounded ones that differ.

        A picture's colors come from either (``bytes=True`` truncates, Agg rounds) or,
        resampled, from between them: gray's truncated table lacks a few levels its
        rounded one has, which a shrunk gray picture shows.
        """
        merged = np.empty((len(self.luts), 2 * self.luts.shape[1], 3), dtype=np.int32)
        sizes = np.empty(len(self.luts), dtype=np.int64)
        for m, size in enumerate(self.sizes):
            own, near = self.luts[m, :size], self.rounded[m, :size]
            extra = near[(own != near).any(axis=1)]
            n = size + len(extra)
            merged[m, :size], merged[m, size:n], merged[m, n:] = own, extra, own[-1]
            sizes[m] = n
        return table_planes(merged), sizes

    @cached_property
    def members(self) -> dict[int, np.ndarray]:
        """Each cluster's tables, in catalog order (its common member first)."""
        return {int(c): np.flatnonzero(self.cluster == c) for c in np.unique(self.cluster)}

    @cached_property
    def fast(self) -> np.ndarray:
        """Tables that change color faster than JPEG keeps chroma (:mod:`._fast_maps`)."""
        return _fast_maps.fast_tables(self.luts, self.sizes)

    @cached_property
    def uncommon(self) -> np.ndarray:
        """Which tables are named outside matplotlib."""
        return np.array([":" in name for name in self.names])


_tables: _Tables | None = None
_tables_registry: tuple[str, ...] = ()  # matplotlib's registered names they were built with
_tables_lock = threading.Lock()


def _candidates() -> _Tables:
    """Every continuous catalog map, one per distinct 8-bit table.

    Built once per state of matplotlib's registry: a map registered after the first
    call (``import seaborn`` registers rocket, mako, ...) is a candidate from the next
    call on. A new process reads them from the disk cache (:mod:`._tables_cache`)
    when the catalog is the one they were built from.
    """
    global _tables, _tables_registry
    import matplotlib

    registry = tuple(matplotlib.colormaps)
    with _tables_lock:
        if _tables is None or registry != _tables_registry:
            all_names = names()
            cache_key = _tables_cache.key(all_names)
            stored = _tables_cache.read(cache_key)
            if stored is not None:
                _tables = _Tables(**stored)
            else:
                _tables = _build(all_names)
                _tables_cache.write(cache_key, dataclasses.asdict(_tables))
            _tables_registry = registry
        return _tables


def _build(all_names: list[str]) -> _Tables:
    """The candidate tables of the catalog names ``all_names``."""
    groups: dict[bytes, list[str]] = {}
    tables: dict[bytes, np.ndarray] = {}
    rounded_tables: dict[bytes, np.ndarray] = {}
    turned: set[str] = set()
    for name in candidate_order(all_names):
        entry = get(name)
        if entry.discrete:
            continue
        rgb = np.ascontiguousarray(entry.lut_bytes[:, :3])
        key = min(rgb.tobytes(), rgb[::-1].tobytes()) + bytes([len(rgb) % 256])
        groups.setdefault(key, []).append(name)
        tables.setdefault(key, rgb)
        if not np.array_equal(tables[key], rgb):
            turned.add(name)
        rounded_tables.setdefault(key, entry.lut_rounded[:, :3].astype(np.int32))
    pairs = list(zip(tables.values(), rounded_tables.values(), strict=True))
    luts, rounded, sizes = padded_tables(pairs)
    return _Tables(
        tuple(g[0] for g in groups.values()),
        tuple(tuple(g[1:]) for g in groups.values()),
        frozenset(turned),
        luts,
        rounded,
        sizes,
        clusters(luts, sizes),
    )


def candidate_order(all_names: list[str]) -> list[str]:
    """The catalog names ``all_names`` as candidate tables are built from them: the
    common name first (it leads its group and its cluster), a ``name_r`` left out
    where ``name`` is listed."""
    listed = set(all_names)
    kept = (n for n in all_names if not (n.endswith("_r") and n[:-2] in listed))
    return sorted(kept, key=_commonness)


def padded_tables(
    tables: list[tuple[np.ndarray, np.ndarray]],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(luts, rounded, sizes): each (truncated, rounded) pair of (K, 3) tables as one
    row of two (M, K_max, 3) int32 arrays, padded with its last color."""
    size = max(len(own) for own, _ in tables)
    luts = np.empty((len(tables), size, 3), dtype=np.int32)
    rounded = np.empty_like(luts)
    sizes = np.empty(len(tables), dtype=np.int64)
    for i, (own, near) in enumerate(tables):
        luts[i, : len(own)], luts[i, len(own) :] = own, own[-1]
        rounded[i, : len(own)], rounded[i, len(own) :] = near, near[-1]
        sizes[i] = len(own)
    return luts, rounded, sizes

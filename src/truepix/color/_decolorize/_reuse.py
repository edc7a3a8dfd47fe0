"""The decoders :func:`~truepix.decolorize` keeps between calls.

A :class:`~truepix.Decolorizer` learns each color's answer once (the grid cells
around it and its memo entry) and keeps it; a new decoder per call learns every
color again. ``decolorize`` in a loop over pictures with the same colormap, range
and options would pay that on each one (2-3x the time a kept decoder takes on a
JPEG'd megapixel), so it takes its decoder from a small cache keyed by what
defines one: the colormap's table (name, colors, under/over/bad, cyclic), the
limits, the norm and the options. Answers do not depend on what a decoder has
seen before, so a kept decoder gives the same values as a new one.

Only what can be keyed safely is cached: a norm given by name ("linear", "log")
and a colormap that is not a :class:`~truepix.Colorbar`. A matplotlib norm object
is mutable (its limits, ``vcenter``, ``gamma``...) and a colorbar carries its own
norm and limits; those calls build their decoder, as before.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, NamedTuple

import numpy as np

from truepix.color._catalog import ColormapEntry, resolve

__all__ = ["CacheInfo", "cache_info", "clear", "decoder"]

#: Decoders kept (least recently used dropped first): each holds a few MB of
#: grid cells and memo blocks at most, and up to 8 MB of residuals (``Memo.scratch``).
MAX_DECODERS = 8

_decoders: OrderedDict[Hashable, Any] = OrderedDict()
_lock = threading.Lock()
_hits = 0
_misses = 0


class CacheInfo(NamedTuple):
    """How the cache has served ``decolorize`` calls (as ``functools.lru_cache``)."""

    hits: int
    misses: int
    max_size: int
    size: int


def _fingerprint(entry: ColormapEntry) -> tuple[Any, ...]:
    """What of a colormap a decoder depends on, hashable: two entries with the same
    fingerprint decode every picture alike."""
    digest = hashlib.blake2b(digest_size=16)
    for table in (entry.lut, entry.under, entry.over, entry.bad):
        if table is not None:
            digest.update(np.ascontiguousarray(table, dtype=np.float64).tobytes())
        digest.update(b"|")
    return entry.name, entry.source, entry.cyclic, entry.discrete, entry.indexed, digest.digest()


def _key(cmap: Any, norm: Any, options: tuple[Any, ...]) -> Hashable | None:
    """The cache key of a call, or None when the call is not cached."""
    if not isinstance(norm, str) or hasattr(cmap, "colormap_entry"):  # a norm object, a Colorbar
        return None
    key = (_fingerprint(resolve(cmap)), norm, options)
    try:
        hash(key)
    except TypeError:  # an option of a kind that cannot be keyed (a 0-d array ...)
        return None
    return key


def decoder(make: Callable[..., Any], cmap: Any, /, *, norm: Any, **options: Any) -> Any:
    """The decoder ``make(cmap, norm=norm, **options)`` builds, kept from an earlier call
    with the same colormap, norm and options when there was one.

    Examples
    --------
    >>> from truepix import Decolorizer
    >>> clear()
    >>> first = decoder(Decolorizer, "viridis", norm="linear", vmin=0, vmax=1)
    >>> decoder(Decolorizer, "viridis", norm="linear", vmin=0, vmax=1) is first
    True
    >>> cache_info()
    CacheInfo(hits=1, misses=1, max_size=8, size=1)
    """
    global _hits, _misses
    key = _key(cmap, norm, tuple(sorted(options.items())))
    if key is None:
        return make(cmap, norm=norm, **options)
    with _lock:
        kept = _decoders.get(key)
        if kept is not None:
            _decoders.move_to_end(key)
            _hits += 1
            return kept
    made = make(cmap, norm=norm, **options)  # raises for bad options: nothing kept
    with _lock:
        _misses += 1
        made = _decoders.setdefault(key, made)  # another thread may have made one first
        _decoders.move_to_end(key)
        while len(_decoders) > MAX_DECODERS:
            _decoders.popitem(last=False)
    return made


def cache_info() -> CacheInfo:
    """Hits, misses and size of the decoder cache."""
    with _lock:
        return CacheInfo(_hits, _misses, MAX_DECODERS, len(_decoders))


def clear() -> None:
    """Drop every kept decoder and reset the counts."""
    global _hits, _misses
    with _lock:
        _decoders.clear()
        _hits = _misses = 0

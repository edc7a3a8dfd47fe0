"""Grid cells and memos shared by every :class:`~truepix.Decolorizer` of one table.

A decoder learns each color's answer once (its grid cells, its memo entry: ``_palette``)
and keeps it. What it learns depends on the table alone -- its colors (each kind's bytes),
how many there are, whether it is cyclic -- never on the limits, the norm, the threshold
or the pictures seen before: a code is the same whoever computes it. A second decoder of
the same map (other limits, ``decolorize`` with another ``vmax``, a decoder per file in a
loop) would learn every color again: a JPEG'd megapixel's first decode costs twice a
kept decoder's (1 MP fBm terrain, JPEG q75, one thread, CPU: 70-80 ms new, 35 ms kept).
So decoders of one table share its grids, memos and the lock under which they grow,
for the MAX_TABLES tables decoded last.

Decoders sharing a table decode one at a time, as one decoder used from several threads
does (the lock is reentrant: a decode never waits on itself).

Examples
--------
>>> first = tables_for(("example", 0), fresh=True)
>>> tables_for(("example", 0))[0] is first[0]
True
>>> clear()
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

__all__ = ["MAX_TABLES", "clear", "table_key", "tables_for"]

#: Tables whose grids and memos are kept after their decoders go (least recently
#: used dropped first): each a few MB (a JPEG'd megapixel's cells and blocks: 2-4 MB).
MAX_TABLES = 4

_tables: OrderedDict[Hashable, tuple[dict, dict, Any]] = OrderedDict()
_lock = threading.Lock()


def table_key(decoder: Any) -> Hashable:
    """What a decoder's grids and memos depend on: its table's colors (every kind's
    bytes and the float table), their count and its cyclicity."""
    entry = decoder._map
    kinds = tuple((kind, table.shape, table.tobytes()) for kind, table in decoder._bytes.items())
    return entry.lut.shape, entry.lut.tobytes(), int(entry.n_colors), bool(decoder.cyclic), kinds


def tables_for(key: Hashable, *, fresh: bool = False) -> tuple[dict, dict, Any]:
    """(grids, memos, lock) of the table ``key``: the kept ones, or new ones kept from
    now on (``fresh``: new ones whatever is kept)."""
    with _lock:
        found = None if fresh else _tables.get(key)
        if found is None:
            found = ({}, {}, threading.RLock())
            _tables[key] = found
            while len(_tables) > MAX_TABLES:
                _tables.popitem(last=False)
        else:
            _tables.move_to_end(key)
        return found


def clear() -> None:
    """Drop every kept table (decoders alive keep theirs)."""
    with _lock:
        _tables.clear()

"""Each colormap family's own names for its maps, as the `cmap` package records them.

colorcet calls its ``CET_L3`` "fire", its ``CET_L8`` "bmy" ...; the `cmap`
package's records carry those aliases, and this is the one table truepix reads
them from (no copy of its own).
"""

from __future__ import annotations

import functools

__all__ = ["cmap_aliases"]


@functools.cache
def cmap_aliases() -> dict[str, str]:
    """The `cmap` package's namespaced aliases, lowercased -> catalog name: the
    names each family gives its maps (``"colorcet:fire"`` is colorcet's
    ``CET_L3``), from the package's own records -- one table, not a copy.

    Examples
    --------
    >>> from truepix.color._aliases import cmap_aliases
    >>> cmap_aliases()["colorcet:fire"], cmap_aliases()["colorcet:bmy"]
    ('colorcet:CET_L3', 'colorcet:CET_L8')
    """
    from cmap import Catalog

    from truepix.color._catalog import _cmap_names

    catalog, known = Catalog(), _cmap_names()
    by_lower = {name.lower(): name for name in known}
    aliases: dict[str, str] = {}
    for name in catalog.namespaced_keys():
        namespace = name.partition(":")[0]
        try:
            target = by_lower.get(catalog.resolve(name).lower())
        except KeyError:
            continue
        # an alias within its own family, to a map the catalog lists under another name
        if target is not None and target.partition(":")[0] == namespace and target != name:
            aliases[name.lower()] = target
    return aliases

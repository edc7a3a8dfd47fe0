"""A suffix every tick label writes is a unit, not an SI prefix.

EngFormatter's prefixes change along an axis (``0 Hz``, ``500 kHz``,
``1 MHz``) and its zero has none, so a prefix never stands on every label
alike. A suffix that does -- ``250 K`` … ``310 K``, ``0 km`` … ``100 km``,
``0 m`` … ``600 m`` -- is the quantity's unit, and the numbers are the
values as printed: ``K`` is kelvin (kilo is ``k``), ``km`` and ``m`` are
lengths. A lone ``k``, ``M``, ``G`` or ``T`` is the exception: no unit is
written so, and ``$0k`` … ``$250k`` means thousands on every label.
"""

from __future__ import annotations

from truepix.figures import _labels
from truepix.figures._numbers import readings, unit_suffix

__all__ = ["read_shared_unit"]

# letters that stand alone after a number as a multiplier ("$50k", "3M"), never as a unit
_MULTIPLIERS = frozenset({"k", "M", "G", "T"})


def read_shared_unit(ticks: list[_labels.Tick]) -> str:
    """Read every numbered label as printed when all of them write the same unit; that unit, or ``""``.

    Needs two labels or more; a zero without the suffix (EngFormatter's
    ``0``), a label with another (``1 km`` beside ``500 m``), or as many bare
    labels as suffixed ones leave the prefix readings as they are. One bare
    label among several suffixed ones lost its unit to the OCR.

    Examples
    --------
    >>> ticks = [_labels.Tick(f"{v} K", v * 1e3, 0.0, (0, 0, 1, 1), True, 1.0) for v in (250, 280, 310)]
    >>> read_shared_unit(ticks), [t.value for t in ticks]
    ('K', [250.0, 280.0, 310.0])
    >>> ticks = [_labels.Tick(t, v, 0.0, (0, 0, 1, 1), True, 1.0) for t, v in [("0", 0.0), ("1 k", 1e3), ("2 k", 2e3)]]
    >>> read_shared_unit(ticks), [t.value for t in ticks]
    ('', [0.0, 1000.0, 2000.0])
    """
    numbered = [t for t in ticks if t.value is not None]
    suffixes = [unit_suffix(t.text) for t in numbered]
    written = set(suffixes) - {""}
    bare = [t for t, suffix in zip(numbered, suffixes, strict=True) if not suffix]
    # the OCR may drop one label's unit; EngFormatter's bare label is its zero
    if len(numbered) < 2 or len(written) != 1 or 2 * len(bare) >= len(numbered) or any(t.value == 0 for t in bare):
        return ""
    unit = written.pop()
    if unit in _MULTIPLIERS:
        return ""
    for tick in numbered:
        printed = [value for value, suffix in readings(tick.text) if suffix == unit]
        if printed:
            tick.value = printed[0]
    return unit

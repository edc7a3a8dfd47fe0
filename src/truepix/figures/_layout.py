"""Panels the frames missed, found from the layout of those they found.

Subplots stand in rows and columns of plot areas the same size. When the
frames found form such a layout (two plot areas the same size at least) and
one of its slots -- a row of one and the column of another -- holds a block
of the colormap's colors that no frame was found around, that slot is a
plot area too: its frame's lines are its row's and its column's. A block of
the colormap's colors as large as a panel outside every plot area found is
one as well. Either kind is returned with a doubt on it (:data:`DOUBTS`), so
that a reading never drops a panel silently.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["neighbour_zones", "DOUBTS", "doubt_panel", "missed_blocks", "missed_slots"]

Box = tuple[float, float, float, float]

DOUBTS = {
    "slot": ("plot area found in the row and column of the other panels: its own frame was not seen", 0.8),
    "block": ("plot area is a block of the colormap's colors with no frame found around it", 0.8),
    # its outline and end colors run into the plot's own (magma's black end on a dark plot)
    "inset": ("the colorbar is drawn over the plot: its ends are told from the plot's colors less surely (range a percent off?)", 0.8),
}


def _share(inner: Box, outer: Box) -> float:
    width = max(0.0, min(inner[2], outer[2]) - max(inner[0], outer[0]))
    height = max(0.0, min(inner[3], outer[3]) - max(inner[1], outer[1]))
    area = (inner[2] - inner[0]) * (inner[3] - inner[1])
    return width * height / area if area > 0 else 0.0


def _clusters(values: list[float], tolerance: float) -> list[list[int]]:
    """Indices of ``values`` grouped where they lie within ``tolerance`` of the group's first."""
    groups: list[list[int]] = []
    for k in np.argsort(values):
        if groups and values[k] - values[groups[-1][0]] <= tolerance:
            groups[-1].append(int(k))
        else:
            groups.append([int(k)])
    return groups


def missed_slots(areas: list[tuple[Box, Any]], painted: np.ndarray) -> list[tuple[Box, Any]]:
    """Slots of the found plot areas' layout that hold the colormap's colors, with their lines.

    ``painted``: half-size mask of the pixels painted with a bar's colors
    (not the bars': a colorbar drawn in a slot's axes leaves it unpainted).

    Examples
    --------
    >>> painted = np.zeros((100, 100), bool)
    >>> painted[5:45, 5:45] = painted[5:45, 55:95] = painted[55:95, 5:45] = True
    >>> painted[55:95, 55:95] = True  # the fourth panel, no frame found around it
    >>> found = [((10.0, 10.0, 90.0, 90.0), None), ((110.0, 10.0, 190.0, 90.0), None), ((10.0, 110.0, 90.0, 190.0), None)]
    >>> [box for box, _ in missed_slots(found, painted)]
    [(110.0, 110.0, 190.0, 190.0)]
    >>> painted[55:95, 55:95] = False  # an empty slot (a 2x2 figure with three axes)
    >>> missed_slots(found, painted)
    []
    """
    boxes = [box for box, _ in areas]
    if len(boxes) < 2:
        return []
    widths = np.array([b[2] - b[0] for b in boxes])
    heights = np.array([b[3] - b[1] for b in boxes])
    same = [
        [j for j in range(len(boxes)) if abs(widths[j] - widths[k]) <= max(3.0, 0.02 * widths[k])
         and abs(heights[j] - heights[k]) <= max(3.0, 0.02 * heights[k])]
        for k in range(len(boxes))
    ]  # fmt: skip
    group = max(same, key=len)
    if len(group) < 2:
        return []
    columns = _clusters([boxes[k][0] for k in group], 4.0)
    rows = _clusters([boxes[k][1] for k in group], 4.0)
    found = []
    for row in rows:
        for column in columns:
            if set(row) & set(column):
                continue  # a panel stands there
            row_mate, column_mate = areas[group[row[0]]], areas[group[column[0]]]
            slot = (column_mate[0][0], row_mate[0][1], column_mate[0][2], row_mate[0][3])
            if any(_share(slot, box) > 0.1 for box in boxes):
                continue
            inside = painted[int(slot[1]) // 2 : int(slot[3]) // 2, int(slot[0]) // 2 : int(slot[2]) // 2]
            if inside.size == 0 or inside.mean() < 0.5:
                continue
            lines = None
            if row_mate[1] is not None and column_mate[1] is not None:
                lines = (row_mate[1][0], row_mate[1][1], column_mate[1][2], column_mate[1][3])
            found.append((tuple(float(v) for v in slot), lines))
    return found


def missed_blocks(areas: list[Box], blocks: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Blocks of the colormap's colors outside every plot area found, each as large as half a panel's sides.

    Examples
    --------
    >>> missed_blocks([(10.0, 10.0, 90.0, 90.0)], [(12, 12, 88, 88), (120, 10, 200, 90), (120, 100, 130, 190)])
    [(120, 10, 200, 90)]
    """
    if not areas:
        return []
    least_width = 0.5 * min(a[2] - a[0] for a in areas)
    least_height = 0.5 * min(a[3] - a[1] for a in areas)
    return [
        block
        for block in blocks
        if all(_share(block, a) < 0.2 for a in areas)
        and block[2] - block[0] >= least_width
        and block[3] - block[1] >= least_height
    ]


def doubt_panel(panel: Any, kind: str) -> None:
    """Lower a panel's confidence (in place) for a plot area found by :func:`missed_slots` or :func:`missed_blocks`, or a bar drawn inside it."""
    text, factor = DOUBTS[kind]
    panel.confidence *= factor
    attrs = panel.data.attrs
    attrs["confidence"] = panel.confidence
    attrs["doubts"] = "; ".join(part for part in (attrs.get("doubts", ""), text) if part)


def neighbour_zones(bars: list[Any], bar: Any) -> list[tuple[int, int, int, int]]:
    """Boxes of the other colorbars with their end labels: where this bar's offset text is not.

    Packed layouts (``layout="constrained"``) put one bar's end, its outline
    and its end label (``0.0``) right where the next bar's offset text goes:
    that ink is the other bar's, not an offset left unread.
    """
    zones = []
    for other in bars:
        if bar is None or other is bar:
            continue
        left, top, right, bottom = other.bbox
        across = 3 * other.width  # its tick labels beside it
        along = max(8, other.width)  # an end label stands centred on the end
        if other.orientation == "vertical":
            zones.append((left - across, top - along, right + across, bottom + along))
        else:
            zones.append((left - along, top - across, right + along, bottom + across))
    return zones

"""Plot areas of a figure: its frames, else the colormapped region's extent.

:func:`plot_areas` takes the frames :func:`._areas.frames` finds, drops the
colorbars' outlines among them, and falls back on the extent of the pixels
painted with a bar's colors when the frames miss most of that region (no
spines, spines blended into the data). A "bar" lying partly inside a plot
area is a strip of the plot and is dropped.
"""

from __future__ import annotations

from typing import Any, Literal, overload

import numpy as np

from truepix.color._identify._colorbar import Colorbar
from truepix.figures import _areas, _labels, _layout
from truepix.figures._coverage import nearest_distance

__all__ = ["Box", "gap", "iou", "plot_areas"]

Box = tuple[float, float, float, float]


def gap(a: Box, b: Box) -> float:
    dx = max(0.0, max(a[0], b[0]) - min(a[2], b[2]))
    dy = max(0.0, max(a[1], b[1]) - min(a[3], b[3]))
    return float(np.hypot(dx, dy))


def iou(a: Box, b: Box) -> float:
    inter = _inside_share(a, b) * (a[2] - a[0]) * (a[3] - a[1])
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def _inside_share(inner: Box, outer: Box) -> float:
    """Share of ``inner``'s area that lies inside ``outer``."""
    width = max(0.0, min(inner[2], outer[2]) - max(inner[0], outer[0]))
    height = max(0.0, min(inner[3], outer[3]) - max(inner[1], outer[1]))
    area = (inner[2] - inner[0]) * (inner[3] - inner[1])
    return width * height / area if area > 0 else 0.0


def _contains(outer: Box, inner: Box, slack: float = 3.0) -> bool:
    return (
        inner[0] >= outer[0] - slack
        and inner[1] >= outer[1] - slack
        and inner[2] <= outer[2] + slack
        and inner[3] <= outer[3] + slack
    )


def plot_areas(
    rgb: np.ndarray,
    figure_ink: np.ndarray,
    bars: list[Colorbar],
    outlines: dict[Any, Box],
    inferred: dict[Box, str] | None = None,
) -> tuple[list[tuple[Box, tuple[Any, ...] | None]], list[Colorbar]]:
    """Frames that are plot areas (not bar outlines), and the bars outside every plot area.

    ``outlines`` receives each bar's outline box (its lines' centres), which
    locates the bar's ends better than its colored pixels; ``inferred`` the
    plot areas found beside the frames, not by one (:mod:`._layout`: "slot"
    or "block"), which deserve a doubt.
    """
    areas = []
    bars = [bar for bar in bars if not _between_grid_lines(rgb, bar)]
    if bars and not any(bar.exact for bar in bars):  # a compressed (JPEG'd) figure
        figure_ink = _labels.ink(_labels.paper(rgb), compressed=True)
    border = np.concatenate([rgb[0], rgb[-1], rgb[:, 0], rgb[:, -1]]).astype(np.int16)
    background = np.median(border, axis=0)
    blank = np.abs(rgb.astype(np.int16) - background).max(axis=2) <= 8
    # spines blended into colored data (a resized screenshot) are still lines
    for box, lines in _areas.frames(_areas.shadow_ink(rgb, figure_ink), blank):
        width, height = box[2] - box[0], box[3] - box[1]
        elongated = max(width, height) >= 3 * min(width, height)
        inside = [
            bar
            for bar in bars
            if _contains(box, bar.bbox) and bar.length * bar.width > 0.5 * width * height
        ]
        if elongated and inside:
            outlines[inside[0].bbox] = box
            continue  # the outline of a colorbar
        if min(width, height) < 20:
            continue
        areas.append((box, lines))
    painted = occupied = None
    extent = None
    if bars:
        painted, occupied = _painted(rgb, bars)
        whole = _extents(painted, occupied, split=False)
        extent = whole[0] if whole else None
    framed = areas
    if extent is not None and _covered(extent, [a[0] for a in areas]) < 0.5:
        # the frames found miss most of the colormapped region (spines that blended
        # into the data in a downscaled screenshot, rectangles of cell edges): the
        # region's own extent is the plot area
        areas = []
    # a "bar" partly inside a plot area is a strip of the plot (one along a spine lies
    # half over it); a colorbar stands apart
    outside = [bar for bar in bars if not any(_inside_share(bar.bbox, a[0]) > 0.25 for a in areas)]
    # a bar inside a plot area is a colorbar drawn over it (inset_axes) only where the figure
    # shows no other: a strip of a smooth field passes for a small ramp too
    inset = [] if outside else [bar for bar in bars for a in areas if _inset(rgb, bar, a[0])]
    bars = outside + inset[:1]
    if areas and painted is not None and occupied is not None:
        areas, bars = _missed(rgb, areas, bars, (painted, occupied), inferred if inferred is not None else {})
    if not areas and bars:
        # one area per block of colored pixels: panels side by side (or stacked) apart
        colors = np.concatenate([bar.colors for bar in bars])
        for extent in _colored_extent(rgb, bars, split=True):
            extent = _full_size_edges(rgb, extent, colors, background)
            extent = _areas.filled_panel(rgb, extent, background)  # a ggplot-style gray panel
            box = tuple(float(v) for v in extent)
            # a frame found around the block stands where its spines' centres are: the
            # colored pixels stop a pixel inside them, or run under one (JPEG)
            areas.append(next((a for a in framed if iou(a[0], box) >= 0.9), (box, None)))  # type: ignore[arg-type]
            bars = [bar for bar in bars if _inside_share(bar.bbox, box) <= 0.5]  # type: ignore[arg-type]
    if not bars:
        block = _filled_block(rgb, background)
        solid = None if block is None else tuple(float(v) for v in block)
        # no bar and no frame around the block: "frames" inside it are dark cells' outlines
        # (seaborn's cbar=False heatmap), the block is the one plot area
        if solid is not None and all(_contains(solid, a[0]) and iou(a[0], solid) < 0.8 for a in areas):  # type: ignore[arg-type]
            areas = [(solid, None)]  # type: ignore[list-item]
    areas.sort(key=lambda a: (round(a[0][1] / 50), a[0][0]))
    return areas, bars


def _missed(
    rgb: np.ndarray,
    areas: list[tuple[Box, Any]],
    bars: list[Colorbar],
    masks: tuple[np.ndarray, np.ndarray],
    inferred: dict[Box, str],
) -> tuple[list[tuple[Box, Any]], list[Colorbar]]:
    """The plot areas with those the frames missed added (:mod:`._layout`), and the bars outside them all."""
    painted, occupied = masks
    found = [(box, lines, "slot") for box, lines in _layout.missed_slots(areas, painted)]
    boxes = [a[0] for a in areas] + [f[0] for f in found]
    blocks = _layout.missed_blocks(boxes, _extents(painted, occupied, split=True))
    if blocks:
        colors = np.concatenate([bar.colors for bar in bars])
        border = np.concatenate([rgb[0], rgb[-1], rgb[:, 0], rgb[:, -1]]).astype(np.int16)
        background = np.median(border, axis=0)
        for block in blocks:
            extent = _full_size_edges(rgb, block, colors, background)
            found.append((tuple(float(v) for v in extent), None, "block"))  # type: ignore[arg-type]
    for box, lines, kind in found:
        areas.append((box, lines))
        inferred[box] = kind
        bars = [bar for bar in bars if _inside_share(bar.bbox, box) <= 0.25]
    return areas, bars


def _full_size_edges(
    rgb: np.ndarray, extent: tuple[int, int, int, int], colors: np.ndarray, background: np.ndarray
) -> tuple[int, int, int, int]:
    """A colored extent found at half size, its edges placed at full size.

    Each edge is the outermost row (column), within a few pixels of the half
    size one, that is mostly painted with the bar's colors along the
    extent: at half size an edge lands on even pixels, and a grid line drawn
    along the plot's edge (white, not a bar color) moves it inward. The
    antialiased rim just outside (data blended with the background, off
    both) is the plot's too.

    Examples
    --------
    >>> colors = np.array([[68, 1, 84], [253, 231, 37]], np.uint8)
    >>> rgb = np.full((60, 80, 3), 255, np.uint8)
    >>> rgb[11:49, 13:67] = colors[0]
    >>> rgb[11:49, 15] = 255  # a white grid line near the left edge
    >>> _full_size_edges(rgb, (16, 12, 66, 50), colors, np.array([255, 255, 255]))
    (13, 11, 67, 49)
    >>> rgb[11:49, 12] = (160, 128, 170)  # the rim: the map's dark end half over white
    >>> _full_size_edges(rgb, (16, 12, 66, 50), colors, np.array([255, 255, 255]))
    (12, 11, 67, 49)
    """
    left, top, right, bottom = extent
    height, width = rgb.shape[:2]
    reach = 6

    def mostly(rows: slice, columns: slice, axis: int) -> np.ndarray:
        part = rgb[rows, columns].astype(np.int16)
        off = np.abs(part - background).max(axis=2) > 8
        share = (_near_colors(part, colors.astype(np.int16), 12) & ~np.all(part >= 250, axis=2) & off).mean(axis=axis)
        # colored_extent's rule (a hexbin's ragged edge), at full size
        return share >= max(0.3, 0.3 * share.max())

    top_band = mostly(slice(max(0, top - reach), top + reach), slice(left, right), 1)
    bottom_band = mostly(slice(bottom - reach, min(height, bottom + reach)), slice(left, right), 1)
    left_band = mostly(slice(top, bottom), slice(max(0, left - reach), left + reach), 0)
    right_band = mostly(slice(top, bottom), slice(right - reach, min(width, right + reach)), 0)
    if top_band.any():
        top = max(0, top - reach) + int(np.argmax(top_band))
    if left_band.any():
        left = max(0, left - reach) + int(np.argmax(left_band))
    if bottom_band.any():
        bottom = bottom - reach + len(bottom_band) - int(np.argmax(bottom_band[::-1]))
    if right_band.any():
        right = right - reach + len(right_band) - int(np.argmax(right_band[::-1]))

    def rim(rows: slice, columns: slice) -> bool:
        part = rgb[rows, columns].astype(np.int16)
        return part.size > 0 and float(np.mean(np.abs(part - background).max(axis=2) > 8)) >= 0.8

    left -= int(left > 0 and rim(slice(top, bottom), slice(left - 1, left)))
    right += int(right < width and rim(slice(top, bottom), slice(right, right + 1)))
    top -= int(top > 0 and rim(slice(top - 1, top), slice(left, right)))
    bottom += int(bottom < height and rim(slice(bottom, bottom + 1), slice(left, right)))
    return left, top, right, bottom


def _between_grid_lines(rgb: np.ndarray, bar: Colorbar) -> bool:
    """Whether a "bar" is a strip of a plot cut out by grid lines drawn over it (ggplot, seaborn, bmh).

    A grid line is a plain line beside the strip, as an outline is beside a
    bar; but past a colorbar's outline lies the background (or tick marks),
    while past a grid line the plot goes on in the strip's own colors. The
    rows just past a long side, within a few pixels, are compared with the
    strip's edge row along its whole length.

    Examples
    --------
    >>> ramp = np.linspace(0, 255, 200).astype(np.uint8)
    >>> field = np.stack([ramp, 255 - ramp, np.full(200, 90, np.uint8)], axis=1)
    >>> rgb = np.repeat(field[None], 60, axis=0)
    >>> rgb[30] = 255  # a white grid line across the field
    >>> _between_grid_lines(rgb, Colorbar((0, 31, 200, 60), "horizontal", field))
    True
    >>> rgb[:31] = 255  # background above it: a bar's side
    >>> _between_grid_lines(rgb, Colorbar((0, 31, 200, 60), "horizontal", field))
    False
    """
    view = rgb if bar.orientation == "horizontal" else rgb.transpose(1, 0, 2)
    left, top, right, bottom = bar.bbox
    if bar.orientation == "vertical":
        left, top, right, bottom = top, left, bottom, right
    if right - left < 20 or bottom - top < 8:
        return False
    wide = view[:, left:right].astype(np.int16)
    # a noise-tolerant bar's side may lie on the grid line: the strip's edge row is
    # taken two rows inside, the plot beyond it looked for up to 6 rows outside
    # The plot goes on only past a line: a row unlike the strip between the two.
    # A resampled bar's own edge rows blend its colors with the background, like
    # them on most of its length, and no line lies between (a 0.75x screenshot).
    for edge, step in ((top, -1), (bottom - 1, 1)):
        inner = wide[edge - 2 * step]
        crossed = False
        for distance in range(-1, 7):
            row = edge + step * distance
            if not 0 <= row < len(wide):
                break
            near = np.abs(wide[row] - inner).max(axis=1) <= 12
            if near.mean() < 0.5:
                crossed = True  # a line (or the background)
            # (the plot past the line may be the next cells over, a step of the map away: not all near)
            elif crossed and near.mean() >= 0.6 and np.ptp(inner[near], axis=0).max() > 24:
                return True  # past the line, the same changing colors
    return False


def _inset(rgb: np.ndarray, bar: Colorbar, area: Box) -> bool:
    """Whether a bar wholly inside a plot area is a colorbar drawn over the plot (``ax.inset_axes``), not a strip of it.

    An inset bar is small beside the plot yet a quarter of its side long, a smooth ramp (a strip of cells
    jumps from color to color), and past each long side -- beyond its
    outline -- the plot goes on in colors unlike the bar's edge row on most
    of its length; a strip of a smooth field goes on in its own colors.

    Examples
    --------
    >>> ramp = np.linspace(0, 255, 120).astype(np.uint8)
    >>> field = np.stack([ramp, 255 - ramp, np.full(120, 90, np.uint8)], axis=1)
    >>> rgb = np.zeros((100, 200, 3), np.uint8)  # a dark plot ...
    >>> rgb[40:52, 40:160] = field  # ... with a bar over it
    >>> _inset(rgb, Colorbar((40, 40, 160, 52), "horizontal", field), (0.0, 0.0, 200.0, 100.0))
    True
    >>> rgb[:, 40:160] = field  # the same colors run on above and below: a strip of the plot
    >>> _inset(rgb, Colorbar((40, 40, 160, 52), "horizontal", field), (0.0, 0.0, 200.0, 100.0))
    False
    """
    left, top, right, bottom = bar.bbox
    if _inside_share(bar.bbox, area) < 0.95 or bar.boundaries is not None or len(bar.colors) < 16:
        return False
    side = area[2] - area[0] if bar.orientation == "horizontal" else area[3] - area[1]
    if bar.length < 0.25 * side:  # an inset bar is read along a quarter of the plot at least
        return False
    if (right - left) * (bottom - top) > 0.1 * (area[2] - area[0]) * (area[3] - area[1]):
        return False
    steps = np.abs(np.diff(np.asarray(bar.colors, dtype=np.float64), axis=0)).max(axis=1)
    if np.percentile(steps, 99) > 32:
        return False
    view = rgb if bar.orientation == "horizontal" else rgb.transpose(1, 0, 2)
    if bar.orientation == "vertical":
        left, top, right, bottom = top, left, bottom, right
    wide = view[:, left:right].astype(np.int16)
    for edge, step in ((top, -1), (bottom - 1, 1)):
        inner = wide[edge - 2 * step]
        rows = [edge + step * d for d in range(3, 7) if 0 <= edge + step * d < len(wide)]
        if not rows or max(float(np.mean(np.abs(wide[r] - inner).max(axis=1) <= 12)) for r in rows) >= 0.5:
            return False
    return True


def _filled_block(rgb: np.ndarray, background: np.ndarray) -> tuple[int, int, int, int] | None:
    """A frameless plot with no colorbar (a seaborn heatmap, ``cbar=False``): a solid block.

    The rows and columns mostly painted off the background, when they form a
    block at least 40 pixels each way that is nearly all painted (tick labels
    and titles are sparse beside it).
    """
    painted = np.abs(rgb.astype(np.int16) - background).max(axis=2) > 6
    extent = _areas.colored_extent(painted, min_share=0.5)
    if extent is None:
        return None
    left, top, right, bottom = extent
    if right - left < 40 or bottom - top < 40 or painted[top:bottom, left:right].mean() < 0.85:
        return None
    return extent


def _covered(box: tuple[int, int, int, int], areas: list[Box]) -> float:
    """Share of ``box`` that the plot areas cover (areas do not overlap each other)."""
    area = float((box[2] - box[0]) * (box[3] - box[1]))
    return sum(_inside_share(box, a) for a in areas) if area > 0 else 1.0


def _runs(mostly: np.ndarray, gap: int, least: int) -> list[tuple[int, int]]:
    """Runs of True (start, stop), joined across gaps shorter than ``gap``, at least ``least`` long.

    Examples
    --------
    >>> _runs(np.array([0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1], bool), 3, 3)
    [(1, 6), (10, 13)]
    """
    edges = np.diff(np.concatenate([[0], mostly.astype(np.int8), [0]]))
    runs: list[list[int]] = []
    for start, stop in zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1), strict=True):
        if runs and start - runs[-1][1] < gap:
            runs[-1][1] = int(stop)
        else:
            runs.append([int(start), int(stop)])
    return [(a, b) for a, b in runs if b - a >= least]


def _blocks(painted: np.ndarray, occupied: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Boxes of the blocks of ``painted`` pixels apart from each other: panels in rows and columns.

    Blocks are parted by columns (rows) that are mostly background in
    ``occupied`` -- not merely unpainted: a strip of the plot taken for a bar,
    or colors off the map, part nothing.
    """
    whole = _areas.colored_extent(painted)
    if whole is None:
        return []
    columns = occupied.mean(axis=0)
    rows = occupied.mean(axis=1)
    gap = 3  # a few pixels of background (half size) part a panel from its neighbour or its bar
    blocks = []
    for c0, c1 in _runs(columns >= 0.3 * columns.max(), gap, 10):
        for r0, r1 in _runs(rows >= 0.3 * rows.max(), gap, 10):
            inner = _areas.colored_extent(painted[r0:r1, c0:c1])  # the block without its spines and ticks
            if painted[r0:r1, c0:c1].mean() >= 0.3 and inner is not None:
                blocks.append((c0 + inner[0], r0 + inner[1], c0 + inner[2], r0 + inner[3]))
    return blocks if len(blocks) > 1 else [whole]


@overload
def _colored_extent(rgb: np.ndarray, bars: list[Colorbar]) -> tuple[int, int, int, int] | None: ...
@overload
def _colored_extent(rgb: np.ndarray, bars: list[Colorbar], *, split: Literal[True]) -> list[tuple[int, int, int, int]]: ...
def _colored_extent(rgb: np.ndarray, bars: list[Colorbar], *, split: bool = False) -> Any:
    """Extent of the pixels painted with a bar's colors, outside the bars (``split``: one box per block)."""
    found = _extents(*_painted(rgb, bars), split=split)
    return found if split else (found[0] if found else None)


def _painted(rgb: np.ndarray, bars: list[Colorbar]) -> tuple[np.ndarray, np.ndarray]:
    """Half-size masks: pixels painted with the bars' colors (the bars left out), pixels off the background."""
    colors = np.concatenate([bar.colors for bar in bars]).astype(np.int16)
    step = max(1, len(colors) // 128)
    small = rgb[::2, ::2].astype(np.int16)
    painted = _near_colors(small, colors[::step], 12)
    white = np.all(small >= 250, axis=2)
    painted &= ~white
    border = np.concatenate([small[0], small[-1], small[:, 0], small[:, -1]])
    occupied = np.abs(small - np.median(border, axis=0)).max(axis=2) > 8
    # a map's end the color of the figure (magma's black on a dark figure) paints nothing
    painted &= occupied
    for bar in bars:
        left, top, right, bottom = bar.bbox
        painted[max(0, top // 2 - 2) : bottom // 2 + 2, max(0, left // 2 - 2) : right // 2 + 2] = False
    _cut_at_bars(painted, bars)
    return painted, occupied


def _extents(painted: np.ndarray, occupied: np.ndarray, *, split: bool) -> list[tuple[int, int, int, int]]:
    """Full-size boxes of the painted region (``split``: of each block apart), 20 pixels each way at least."""
    found = []
    for extent in _blocks(painted, occupied) if split else [_areas.colored_extent(painted)]:
        if extent is None:
            continue
        left, top, right, bottom = (2 * v for v in extent)
        if (right - left) >= 20 and (bottom - top) >= 20:
            found.append((left, top, right, bottom))
    return found


def _near_colors(rgb: np.ndarray, colors: np.ndarray, tolerance: int) -> np.ndarray:
    """Pixels of ``rgb`` (H, W, 3) within ``tolerance`` (in every channel) of one of ``colors``.

    Examples
    --------
    >>> rgb = np.array([[[0, 0, 0], [10, 200, 30]]], dtype=np.uint8)
    >>> _near_colors(rgb, np.array([[12, 190, 30]]), 12).tolist()
    [[False, True]]
    """
    return nearest_distance(rgb, colors).reshape(rgb.shape[:2]) <= tolerance


def _cut_at_bars(painted: np.ndarray, bars: list[Colorbar]) -> None:
    """Unpaint (in place, half size) what lies beyond a bar along a whole side of the extent.

    A gray map paints its bar's ticks, labels and outline in the bar's
    colors: the extent reaches past the bar. A bar inside the extent, as long
    as its side, stands beside the plot: nothing from it outwards is the plot.
    """
    extent = _areas.colored_extent(painted)
    if extent is None:
        return
    for bar in bars:
        left, top, right, bottom = (v // 2 for v in bar.bbox)
        if not (extent[0] <= left and right <= extent[2] and extent[1] <= top and bottom <= extent[3]):
            continue
        span = right - left if bar.orientation == "horizontal" else bottom - top
        if span < 0.9 * (extent[2] - extent[0] if bar.orientation == "horizontal" else extent[3] - extent[1]):
            continue  # a strip of the plot's own cells, not a bar along its side
        if bar.orientation == "horizontal":
            beyond = slice(top - 2, None) if top > (extent[1] + extent[3]) / 2 else slice(None, bottom + 2)
            if not _holds_panel(painted[beyond]):
                painted[beyond] = False
        else:
            beyond = slice(left - 2, None) if left > (extent[0] + extent[2]) / 2 else slice(None, right + 2)
            if not _holds_panel(painted[:, beyond]):
                painted[:, beyond] = False


def _holds_panel(painted: np.ndarray) -> bool:
    """Whether a part of the figure beyond a bar holds a block of colored pixels (another panel).

    A gray map's bar paints its ticks and labels in its colors, sparsely;
    the next panel of a figure whose bar stands between two is a solid block.

    Examples
    --------
    >>> painted = np.zeros((40, 40), bool)
    >>> painted[5:35:4, 2:9] = True  # labels' strokes
    >>> _holds_panel(painted)
    False
    >>> painted[5:35, 12:38] = True
    >>> _holds_panel(painted)
    True
    """
    extent = _areas.colored_extent(painted, min_share=0.5)
    if extent is None or min(extent[2] - extent[0], extent[3] - extent[1]) < 10:
        return False
    return bool(painted[extent[1] : extent[3], extent[0] : extent[2]].mean() >= 0.6)

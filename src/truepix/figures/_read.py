"""``read_figure``: a heatmap figure read into calibrated data, with nothing given.

The steps, each in its own module:

1. colorbars (:func:`truepix.color._identify._colorbar.find_colorbars`) and plot areas
   (:mod:`._plot_areas`: frames, else the colormapped region's extent); a bar
   inside a plot area is part of the plot, not a bar;
2. each plot area takes the nearest colorbar, unless it is nearer another
   plot and this plot's colors are not the bar's;
3. tick labels beside each bar and each axis are read (:mod:`._labels`)
   and fitted robustly to positions (:mod:`._scale`);
4. the plot area's pixels are decoded with the bar's colormap (the catalog
   map when the bar's colors are one, else the bar's own colors) to a
   position along the bar, and the bar's scale turns that into values;
5. a cell grid (:mod:`._grid`), when the plot is blocky, gives one value
   per cell of the original array.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import numpy as np

from truepix._threads import blas_on_caller
from truepix.color._decolorize._cellmarks import moved_by_marks
from truepix.color._decolorize._translucent import blended_entry
from truepix.color._identify._colorbar import Colorbar, find_colorbars
from truepix.errors import InputError
from truepix.figures import _checks, _coverage, _grid, _labels, _layout, _warm
from truepix.figures._areas import cover_box
from truepix.figures._axes import colorbar_axis, labelled_ends, stepped_scale, tick_boxes, tick_units
from truepix.figures._bar_map import plot_prefers
from truepix.figures._bar_outline import outline as outline_box
from truepix.figures._bar_outline import unseen_doubt
from truepix.figures._belong import bar_for
from truepix.figures._checks import bar_ends
from truepix.figures._dataarray import data_array, label_coordinates
from truepix.figures._confidence import combined, scale_doubts
from truepix.figures._extend_ends import based_ends
from truepix.figures._facets import share_axes
from truepix.figures._halves import other_slope, unlabelled_half
from truepix.figures._model import AxisReading, FigureReading, Panel, parse_calibration
from truepix.figures._page import unpasted
from truepix.figures._plot_areas import Box, _contains, iou, plot_areas
from truepix.figures._scale import AxisScale
from truepix.figures._source import load_figure
from truepix.figures._sides import frameless_axis, legend_ends, light_on_dark, ticked_ends, top_axis

__all__ = ["read_figure"]

_NEAR_MAP = 0.6  # a compressed bar this near a catalog map: the plot's colors choose

def _bar_from_box(rgb: np.ndarray, data: dict[str, Any]) -> Colorbar:
    """A Colorbar at a box given by a calibration (its colors read from the picture)."""
    try:
        left, top, right, bottom = (int(round(float(v))) for v in data["bbox"])
    except (KeyError, TypeError, ValueError):
        msg = f"expected a colorbar 'bbox' of four numbers, got {data.get('bbox')!r}"
        raise InputError(msg) from None
    orientation = data.get("orientation") or ("vertical" if bottom - top >= right - left else "horizontal")
    crop = rgb[top:bottom, left:right]
    if crop.size == 0:
        msg = f"expected a colorbar bbox inside the figure, got {data['bbox']!r}"
        raise InputError(msg)
    if orientation == "vertical":
        colors = np.rint(np.median(crop, axis=1))[::-1]
    else:
        colors = np.rint(np.median(crop, axis=0))
    return Colorbar((left, top, right, bottom), orientation, colors.astype(np.uint8))


def _given_bar(rgb: np.ndarray, data: dict[str, Any] | None, bars: list[Colorbar], nearest: Colorbar | None) -> Colorbar | None:
    """The bar a calibration names: none, the nearest found, or the one at its box.

    A box that is a found bar's (as ``FigureReading.calibration`` writes it)
    keeps that bar, steps and boundaries included, so a calibration read
    back gives the same reading.
    """
    if data is None:
        return None
    if "bbox" not in data:
        return nearest
    given = _bar_from_box(rgb, data)
    for bar in bars:
        if bar.orientation == given.orientation and iou(bar.bbox, given.bbox) > 0.95:
            return bar
    return given


def _colormap(region: np.ndarray, bar: Colorbar | None, name: str | None, scale: AxisScale | None = None) -> Any:
    """The colormap entry to decode with: given, the bar's (catalog or own), or identified (``scale``: the bar's axis)."""
    from truepix.color._catalog import get, resolve
    from truepix.color._identify._blend import blended_map
    from truepix.color._identify._match import identify_colormap, ranked_maps
    from truepix.color._identify._stepped_map import stepped_map
    from truepix.figures._axes import bar_fractions

    if name:
        return get(name)
    if bar is not None and bar.boundaries is not None:
        # the steps' colors are a catalog map's at the steps' places (uneven levels: their middle values)
        uneven = scale is not None and scale.scale == "boundaries"
        sampled = stepped_map(bar, levels=bar_fractions(bar, scale).value(bar.boundaries) if uneven else None)
        if sampled is not None:
            return get(sampled[0] + ("_r" if sampled[1] else ""))
        best = identify_colormap(bar, top=1)
        if best and best[0].score >= 0.9:
            return get(best[0].name + ("_r" if best[0].reversed else ""))
        return resolve(bar.colors)
    if bar is not None:
        # (its triangles' colors: read here by ``_coverage``, past the bar's ends, not decoded)
        entry = resolve(dataclasses.replace(bar, under=None, over=None))
        blend = blended_map(bar) if entry.source == "array" else None
        if blend is not None:  # a bar drawn with alpha: its map blended over the background
            return blend.entry()
        if entry.source == "array":
            # a compressed bar's colors stray further from its map than colorbar_map allows;
            # a resized one's (exact: rows of one color) are blends of its neighbours
            best = identify_colormap(bar, top=1)
            if best and best[0].score >= (_NEAR_MAP if not bar.exact else 0.9):
                catalog = get(best[0].name + ("_r" if best[0].reversed else ""))
                # a thin bar's chroma lost to JPEG: the wider plot tells its map from its read
                if (best[0].score >= 0.85 and not bar.exact) or plot_prefers(region, entry, catalog):
                    return catalog
        return entry
    if region.size == 0:
        return None
    # no bar: the plot's own colors name the map (values are then positions along it).
    # A JPEG'd jet or turbo plot scores 0.84-0.88; contour lines on white score 0.82 for
    # a wrong map: a plot mostly of colors (not the white paper) is enough with 0.8
    best = ranked_maps(region, top=1)
    painted = float(np.mean(region.min(axis=2) < 235))
    least = 0.8 if painted >= 0.5 else 0.9
    if not best or best[0].score < least:
        return None
    entry, under = get(best[0].name + ("_r" if best[0].reversed else "")), best[0].background
    drawn = best[0].alpha < 1.0 and under is not None  # a plot drawn with alpha
    return blended_entry(entry, best[0].alpha, np.rint(under).astype(np.int64)) if drawn else entry


def _value_scale(
    bar: Colorbar | None, axis: AxisReading, override: dict[str, Any], outline: Box | None
) -> AxisScale:
    """Position along the colormap (fraction 0..1) -> value.

    A two-slope bar (TwoSlopeNorm) puts its centre value at the colormap's
    middle; a symlog bar keeps its ``linthresh``, a power bar its ``gamma``,
    an asinh bar its ``linear_width``.
    """
    norm = override.get("norm")
    vmin, vmax = override.get("vmin"), override.get("vmax")
    centre, linthresh = override.get("vcenter"), override.get("linthresh")
    gamma, width = override.get("gamma"), override.get("linear_width")
    origin = override.get("origin")
    if (stepped := stepped_scale(bar, axis.scale, override)) is not None:  # a boundaries bar
        return stepped
    if bar is not None and axis.scale is not None:
        low, high = bar_ends(bar, outline)
        found = (float(axis.scale.value(low)), float(axis.scale.value(high)))
        if vmin is None and vmax is None:
            # (a stretch from an origin: to a thousandth of the span, as a linear bar's)
            kind = "linear" if axis.scale.origin is not None else axis.scale.scale
            found = _tidy(*found, kind, axis.scale.linthresh or axis.scale.linear_width)
            # an end a label stands on has that label's value, not the fit's
            labelled = labelled_ends(axis, (low, high))
            found = tuple(f if v is None else v for f, v in zip(found, labelled, strict=True))  # type: ignore[assignment]
        vmin = found[0] if vmin is None else vmin
        vmax = found[1] if vmax is None else vmax
        norm = norm or axis.scale.scale
        if axis.scale.scale == "twoslope" and centre is None:
            centre = axis.scale.values[1]
        if axis.scale.scale == "symlog" and linthresh is None:
            linthresh = axis.scale.linthresh
        if axis.scale.scale == "power" and gamma is None:
            gamma = axis.scale.gamma
        if axis.scale.scale == "asinh" and width is None:
            width = axis.scale.linear_width
        if axis.scale.origin is not None and origin is None:
            origin = axis.scale.origin
    elif vmin is None or vmax is None:
        return AxisScale("linear", (0.0, 1.0), (0.0, 1.0))
    norm = str(norm or "linear")
    if norm == "twoslope":
        if centre is None:
            msg = "expected a 'vcenter' value for a twoslope colorbar, got none"
            raise InputError(msg)
        return AxisScale(norm, (0.0, 0.5, 1.0), (float(vmin), float(centre), float(vmax)))
    return AxisScale(
        norm, (0.0, 1.0), (float(vmin), float(vmax)),
        linthresh if norm == "symlog" else None, gamma if norm == "power" else None,
        width if norm == "asinh" else None, origin if norm in ("log", "asinh") else None,
    )  # fmt: skip


def _tidy(vmin: float, vmax: float, scale: str, linthresh: float | None = None) -> tuple[float, float]:
    """Limits rounded to a thousandth of the span (in the scale's own terms): below what ticks resolve.

    Examples
    --------
    >>> _tidy(0.0004094, 2.9995905, "linear"), _tidy(0.0100093, 99.98, "log")
    ((0.0, 3.0), (0.01, 100.0))
    >>> _tidy(-1000.9, 999.2, "symlog", 1.0)
    (-1000.0, 1000.0)
    """
    if scale == "log":
        low, high = _tidy(float(np.log10(vmin)), float(np.log10(vmax)), "linear")
        return float(10.0**low), float(10.0**high)
    if scale in ("symlog", "asinh"):  # ends in the log part: to a thousandth of a decade
        ends = []
        for v in (vmin, vmax):
            log = np.log10(abs(v)) if abs(v) > (linthresh or np.inf) else None
            ends.append(v if log is None else float(np.copysign(10.0 ** np.round(log, 3), v)))
        return ends[0], ends[1]
    step = 10.0 ** np.floor(np.log10(abs(vmax - vmin) / 1000.0)) if vmax != vmin else 0.0
    if step == 0 or not np.isfinite(step):
        return vmin, vmax
    return float(np.round(vmin / step) * step) + 0.0, float(np.round(vmax / step) * step) + 0.0


def _units(axis: AxisReading) -> str:
    """The units in the axis label's brackets, else the tick labels' (``5 MHz``), else the label; "%" when the tick
    labels say so (PercentFormatter) and the axis label names none."""
    match = re.search(r"[\[(]([^\])]+)[\])]\s*$", axis.label)
    if match is None and tick_units(axis.ticks):  # "5 MHz": the labels' unit, not the axis label's words
        return tick_units(axis.ticks)
    units = match.group(1).strip() if match else axis.label.strip()
    numbered = [tick.text.strip() for tick in axis.ticks if tick.value is not None]
    if not units and numbered and sum(t.endswith("%") for t in numbered) * 2 > len(numbered):
        return "%"
    return units


def _interior(box: Box, lines: tuple[Any, ...] | None) -> tuple[int, int, int, int]:
    """Pixel rows/columns strictly inside the frame's lines: (r0, r1, c0, c1)."""
    if lines is None:
        return int(round(box[1])), int(round(box[3])), int(round(box[0])), int(round(box[2]))
    top, bottom, left, right = lines
    return top.last + 1, bottom.first, left.last + 1, right.first


def _axis_override(reading: AxisReading, data: Any) -> AxisReading:
    if data is None:
        return reading
    try:
        scale = AxisScale.from_dict(data)
    except (KeyError, TypeError, ValueError):
        msg = f"expected an axis calibration with 'pixels' and 'values', got {data!r:.80}"
        raise InputError(msg) from None
    return AxisReading(scale, reading.ticks, reading.marks, None, reading.label, None, "calibration")


def _coordinates(axis: AxisReading, centres: np.ndarray) -> np.ndarray:
    return axis.scale.value(centres) if axis.scale is not None else centres


def _bar_axis(
    rgb: np.ndarray,
    gray: np.ndarray, figure_ink: np.ndarray, bar: Colorbar | None, axes: tuple[AxisReading, AxisReading], outline: Box | None,
    others: list[Box],
) -> AxisReading:
    """The colorbar's axis as read (a label belongs to one axis: the plot's own are not the bar's)."""
    if bar is None:
        return AxisReading()
    reading = colorbar_axis(gray, figure_ink, bar, claimed=tick_boxes(*axes), others=others)
    negative = light_on_dark(rgb, gray, figure_ink, bar) if reading.scale is None else None
    if negative is not None:  # light labels over a dark plot
        reading = colorbar_axis(*negative, bar, claimed=tick_boxes(*axes), others=others)
    if bar.boundaries is not None:
        return reading
    return unlabelled_half(other_slope(reading, bar_ends(bar, outline)), bar_ends(bar, outline))


def _panel(
    rgb: np.ndarray,
    gray: np.ndarray,
    figure_ink: np.ndarray,
    area: tuple[Box, tuple[Any, ...] | None],
    bar: Colorbar | None,
    override: dict[str, Any],
    outline: Box | None,
    others: list[Box],
) -> Panel:
    box, lines = area
    r0, r1, c0, c1 = _interior(box, lines)
    x_side = lines[1].last + 1 if lines else r1
    y_side = lines[2].first if lines else c0
    x = frameless_axis(gray, figure_ink, "bottom", x_side, (int(box[0]), int(box[2])), lines is None)
    if x.scale is None and sum(t.value is not None for t in x.ticks) < 2:  # labels on top (matshow, tick_top)
        x = top_axis(gray, figure_ink, lines[0].first if lines else r0, (int(box[0]), int(box[2])), bar, lines is None) or x
    y = frameless_axis(gray, figure_ink, "left", y_side, (int(box[1]), int(box[3])), lines is None)
    x, y = _axis_override(x, override.get("x")), _axis_override(y, override.get("y"))
    bar_data = override.get("colorbar") or {}
    bar_axis = _bar_axis(rgb, gray, figure_ink, bar, (x, y), outline, others)
    outline = legend_ends(rgb, bar, bar_axis, ticked_ends(bar, bar_axis, outline))
    region = rgb[r0:r1, c0:c1]
    entry = _colormap(region, bar, bar_data.get("cmap"), bar_axis.scale)
    values_of = _value_scale(bar, bar_axis, bar_data, outline)
    paper = _coverage.background(rgb)
    entry, fractions, coverage, beyond = _decode(rgb, region, bar, entry, bar_data, paper)
    if lines is None and entry is not None and "bbox" not in override:
        coverage += _coverage.past_box(rgb, (r0, r1, c0, c1), bar, entry, bar_data)
    values = pixel_values = values_of.value(fractions)
    frame = (box[0] - c0, box[1] - r0, box[2] - c0, box[3] - r0)
    grid = _grid_of(region, np.isfinite(fractions), override.get("grid"), frame, coverage, (r0, c0))
    if grid is None:  # one value per pixel of the plot area, those under its frame NaN
        values, ycent, xcent = cover_box(values, (r0, r1, c0, c1), box)
    else:
        rows, columns = grid
        values = _grid.cell_values(values, rows, columns)
        lost = _checks.lost_cells(region, fractions, paper, bar is None or bar.exact, values, grid)
        coverage[:] = _coverage.undecoded_doubts(coverage, lost, cells=True)
        ycent, xcent = r0 + (rows[:-1] + rows[1:]) / 2.0, c0 + (columns[:-1] + columns[1:]) / 2.0
    n_colors = _coverage.decoding_bins(entry) if entry is not None else 1
    if bar is not None and bar.boundaries is not None:
        n_colors = max(1, int(round(1.0 / np.diff(bar.boundaries).max())))
    calibrated = bar is not None and (bar_axis.scale is not None or "vmin" in bar_data)
    residual = 0.0 if "vmin" in bar_data or "vmax" in bar_data else bar_axis.residual or 0.0  # a range given: not the labels'
    max_error = _coverage.max_error(values_of, n_colors, bar.length if calibrated and bar else None, residual)
    doubts = _checks.range_doubts(rgb, bar, bar_axis, bar_data, outline) if calibrated else []
    doubts += coverage
    if entry is None:
        if not any(factor == 0.0 for _, factor in doubts):
            doubts.append(("no colormap known for the plot's colors: every value is NaN", 0.0))
    elif not calibrated:
        what = "no colorbar" if bar is None else "no colorbar labels read"
        if bar is not None and any(t.value is not None for t in bar_axis.ticks):
            what = "the colorbar's labels fit no linear, log, symlog, two-slope or power scale"
        doubts.append((f"{what}: values are positions along the colormap (0 to 1), not data", 0.0))
    scales = scale_doubts(bar_axis if calibrated and "vmin" not in bar_data else None, x, y)
    confidence, doubts = combined(doubts, scales), doubts + scales  # each factor below 1 is a named doubt
    attrs = {
        "cmap": entry.name if entry is not None else None,
        "norm": values_of.scale,
        "vmin": values_of.values[0] if calibrated else None,
        "vmax": values_of.values[-1] if calibrated else None,
        "units": _units(bar_axis) if calibrated else "fraction of the colormap",
        "x_label": x.label,
        "y_label": y.label,
        "max_error": max_error,
        "confidence": confidence,
        "doubts": "; ".join(text for text, _ in doubts),
        "under": beyond[0], "over": beyond[1],  # shares shown in the extend triangles' colors
        **(_norm_parameters(values_of) if calibrated else {}),
    }
    data = data_array(values, _coordinates(y, ycent), _coordinates(x, xcent), attrs)
    data = label_coordinates(data, {"x": (x, xcent), "y": (y, ycent)}, gridded=grid is not None)
    shape = None if grid is None else (len(grid[0]) - 1, len(grid[1]) - 1)
    return Panel(
        box, bar, data, x, y, bar_axis, attrs["cmap"], values_of.scale,
        attrs["vmin"], attrs["vmax"], shape, confidence, (r0, r1, c0, c1), pixel_values,
        values_of if calibrated else None,
    )


def _norm_parameters(scale: AxisScale) -> dict[str, float]:
    """The norm's own parameters, where it has them: PowerNorm's ``gamma``, AsinhNorm's
    ``linear_width``, a log or asinh stretch's ``origin`` (astropy's Log/AsinhStretch)."""
    found = {"gamma": scale.gamma, "linear_width": scale.linear_width, "origin": scale.origin}
    return {name: value for name, value in found.items() if value is not None}


def _decode(
    rgb: np.ndarray, region: np.ndarray, bar: Colorbar | None, entry: Any, given: dict[str, Any], paper: np.ndarray
) -> tuple[Any, np.ndarray, list[tuple[str, float]], tuple[float, float]]:
    """Each pixel's position along the map, and what the decoding's coverage says about the reading.

    ``paper`` is the figure's background colour (:func:`._coverage.background`).
    Returns the entry (None when the plot's colors are not a colormap's),
    the fractions, the doubts on coverage and the shares of the plot shown
    in the under and over colors (given the bar's end values).
    """
    from truepix.color._decolorize._api import Decolorizer

    triangles = _coverage.extend_colors(rgb, bar) if bar is not None else [None, None]
    # a map named with the levels read (a boundaries bar's calibration) still decodes by the steps
    mapped = given.get("cmap") and given.get("levels") is None
    stepped = bar is not None and bar.boundaries is not None and not mapped
    if stepped:
        fractions = _coverage.step_fractions(region, bar, triangles)
    elif entry is None:
        fractions = np.full(region.shape[:2], np.nan)
    else:
        fractions = Decolorizer(entry, vmin=0.0, vmax=1.0)._run(region, detailed=False).values
    exact = bar.exact if bar is not None else True
    doubts: list[tuple[str, float]] = []
    beyond = (0.0, 0.0)
    if bar is not None and not mapped:
        # an extended bar's triangles: their colors in the plot are values past its ends
        # (a stepped bar's steps are middles, never 0 or 1: those are its triangles' colors)
        past = [float(np.mean(fractions == end)) if stepped else 0.0 for end in (0.0, 1.0)]
        fractions, *ends = _coverage.clamp_extended(region, fractions, bar, triangles)
        beyond = (past[0] + ends[0], past[1] + ends[1])
    if bar is None and entry is not None and not given.get("cmap"):
        painted = _coverage.data_like(region, paper, exact=exact, keep_neutral=True)
        decoded = float(np.isfinite(fractions[painted]).mean()) if painted.any() else 0.0
        if painted.mean() < 0.2 or decoded < 0.5:  # lines or markers on the paper, a photograph
            doubts.append(("the plot's colors are not a colormap's (lines, markers, a photograph?): not read as a heatmap", 0.0))
            return None, np.full(region.shape[:2], np.nan), doubts, beyond
    lost = _coverage.undecoded_share(region, fractions, paper, exact=exact) if entry is not None else 0.0
    alpha = _coverage.plot_alpha(region, entry, paper, exact=exact) if lost > 0.02 and not stepped else None
    if alpha is not None:  # the plot drawn with alpha over the paper, its bar opaque: decode the blend
        entry = _coverage.blended_entry(entry, alpha, paper)
        fractions = Decolorizer(entry, vmin=0.0, vmax=1.0)._run(region, detailed=False).values
        lost = _coverage.undecoded_share(region, fractions, paper, exact=exact)
    return entry, fractions, _coverage.undecoded_doubts(doubts, lost), beyond


def _grid_of(
    region: np.ndarray,
    valid: np.ndarray,
    override: Any,
    frame: tuple[float, float, float, float],
    doubts: list[tuple[str, float]],
    origin: tuple[int, int] = (0, 0),
) -> tuple[np.ndarray, np.ndarray] | None:
    """Cell edges in region coordinates: given, or found; evenly spread over the frame when they fill it.

    ``frame`` is the plot area's (left, top, right, bottom) in region
    coordinates; ``doubts`` receives one when the frame cuts a cell;
    ``origin`` is the region's (row, column) in the image.
    """
    left, top, right, bottom = frame
    if override is not None:
        try:
            ny, nx = (int(v) for v in override)
        except (TypeError, ValueError):
            msg = f"expected a calibration grid [ny, nx], got {override!r}"
            raise InputError(msg) from None
        return np.linspace(top, bottom, ny + 1), np.linspace(left, right, nx + 1)
    if region.shape[0] < 4 or region.shape[1] < 4 or valid.mean() < 0.1:  # cells hold data: _grid checks
        return None
    # the numbers written in the cells moved pixels off their cell's color (JPEG's ringing on
    # both sides of it), data the decode may give the cell's value: no cell's color to read
    moved = moved_by_marks(np.ascontiguousarray(region[..., :3])) if region.dtype == np.uint8 else None
    if moved is not None:
        valid = valid & ~moved
    found, seen = _grid.cell_search(region, valid, frame, origin=origin)
    if found is None:
        if seen is not None:
            doubts.append((f"the plot shows cells (about {seen[1]:.0f} x {seen[0]:.0f} px) whose grid was not recovered: one value per pixel, not per cell", 0.5))
        return None
    rows, columns = found
    cut = _grid.cut_sides(rows, columns, valid, frame)
    # uneven cells that narrow to a few pixels at the frame: the next, narrower still, hides in its rim
    if any(not _grid.evenly_spaced(e) and _grid.narrow_end(e) for e in found):
        doubts.append(("uneven cells narrow to a few pixels at the plot area's edge: one more may hide under its frame", 0.8))
    if cut:
        doubts.append((f"the plot area's {' and '.join(cut)} edge cuts a cell: the grid's shape may be a cell off", 0.5))
    # cells that fill the plot area are spaced evenly between its edges (the
    # frame's centre lines): more exact than the edges' own pixels
    if abs(rows[0] - top) <= 1.5 and abs(rows[-1] - bottom) <= 1.5 and _grid.evenly_spaced(rows):
        rows = np.linspace(top, bottom, len(rows))
    if abs(columns[0] - left) <= 1.5 and abs(columns[-1] - right) <= 1.5 and _grid.evenly_spaced(columns):
        columns = np.linspace(left, right, len(columns))
    return rows, columns


@blas_on_caller
def read_figure(image: Any, /, *, calibration: Any = None) -> FigureReading:
    """Read a heatmap figure into calibrated data, with nothing given.

    Parameters
    ----------
    image : str, path-like, bytes or array_like
        The figure: a PNG, JPEG, WebP or TIFF file (path or its bytes), or an
        (H, W), (H, W, 3) or (H, W, 4) array (uint8, uint16 or float in [0, 1]).
    calibration : dict, str, path-like or FigureReading, optional
        Corrections to what is found, in the calibration JSON form (see
        :mod:`truepix.figures._model`): any key given replaces what was found
        for that panel, the rest is still read from the figure.

    Returns
    -------
    FigureReading
        ``.panels``: one :class:`Panel` per plot area, left to right, top to
        bottom, each with ``.bbox``, ``.colorbar`` and ``.data`` (an
        ``xarray.DataArray`` with ``y``/``x`` coordinates).

    Raises
    ------
    ReadError
        When a path cannot be read; its subclasses ``CorruptFileError`` (a
        truncated or damaged picture), ``DecompressionBombError`` (a file or
        declared size past the limits :func:`truepix.load` uses) and
        ``UnsupportedFileError`` (a codec variant the decoder lacks).
    UnknownFormatError
        When the bytes are not a PNG, JPEG, WebP or TIFF picture (an empty file too).
    ShapeError, UnsupportedDtypeError, OutOfRangeError, UnsupportedInputError
        When an array is not a picture (:func:`truepix.find_colorbar`'s rule);
        masked arrays are refused.
    InputError
        When ``calibration`` is not valid calibration JSON.
    MissingDependencyError
        When the ``figures`` extra (OCR engine, xarray) is not installed.

    Examples
    --------
    >>> import io, numpy as np, matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt, truepix as tp
    >>> fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    >>> field = np.add.outer(np.linspace(0, 1, 40), np.linspace(0, 2, 60))
    >>> im = ax.imshow(field, cmap="viridis", vmin=0, vmax=3, extent=(0, 60, 0, 40))
    >>> _ = fig.colorbar(im)
    >>> buffer = io.BytesIO(); fig.savefig(buffer, format="png"); plt.close(fig)
    >>> panel = tp.read_figure(buffer.getvalue()).panels[0]
    >>> panel.data.attrs["cmap"], panel.data.attrs["vmin"], panel.data.attrs["vmax"]
    ('viridis', 0.0, 3.0)
    >>> panel.grid  # imshow drew each of the array's cells as a block of pixels
    (40, 60)
    >>> bool(abs(float(panel.data.x[0]) - 0.5) < 0.25 and abs(float(panel.data.x[-1]) - 59.5) < 0.25)
    True
    """
    overrides = parse_calibration(calibration)  # a bad calibration is refused before the figure is read
    _warm.start()  # the OCR session, colormap tables and imports, beside the image work
    image_rgb, profile = load_figure(image)
    rgb = unpasted(image_rgb)  # a figure pasted on a slide: the slide is not its paper
    paper = _labels.paper(rgb)  # labels and lines dark on light, whatever the figure's background
    gray = _labels.luminance(paper)
    figure_ink = _labels.ink(paper)
    bars = find_colorbars(rgb)
    outlines: dict[Any, Box] = {}
    inferred: dict[Box, str] = {}  # plot areas found beside the frames, not by one: doubted
    areas, bars = plot_areas(rgb, figure_ink, bars, outlines, inferred)
    for k, data in enumerate(overrides):
        if "bbox" in data:
            try:
                box = tuple(float(v) for v in data["bbox"])
            except (TypeError, ValueError):
                box = ()
            if len(box) != 4:
                msg = f"expected a panel 'bbox' of four numbers, got {data['bbox']!r}"
                raise InputError(msg)
            if k < len(areas):
                # the found frame's lines still say where the inside begins
                lines = areas[k][1] if iou(areas[k][0], box) > 0.95 else None
                areas[k] = (box, lines)  # type: ignore[assignment]
            else:
                areas.append((box, None))  # type: ignore[arg-type]
    panels = []
    for k, area in enumerate(areas):
        override = overrides[k] if k < len(overrides) else {}
        bar = bar_for(rgb, k, [a[0] for a in areas], _interior(*area), bars)
        if "colorbar" in override:
            bar = _given_bar(rgb, override["colorbar"], bars, bar)
        found = None if bar is None else outlines.get(bar.bbox) or outline_box(figure_ink, bar)
        outline = None if bar is None else _coverage.triangle_ends(rgb, bar, found)
        if outline is not None:  # an end under an extend triangle lies at the triangle's base
            outline = based_ends(rgb, bar, outline, _coverage.background(rgb))
        panels.append(_panel(rgb, gray, figure_ink, area, bar, override, outline, _layout.neighbour_zones(bars, bar)))
        if outline is not None and "vmin" not in (override.get("colorbar") or {}):
            unseen_doubt(panels[-1], rgb, outline)  # an end of the paper's color, not found
        if area[0] in inferred:
            _layout.doubt_panel(panels[-1], inferred[area[0]])
        if bar is not None and _contains(area[0], bar.bbox, 0.0):  # a bar drawn over the plot (inset_axes)
            _layout.doubt_panel(panels[-1], "inset")
    share_axes(panels)
    return FigureReading(panels, bars, rgb.shape[:2], image_rgb, color_profile=profile)

"""One axis read from its tick labels: which labels, which scale, which offset text.

The rules that decide what belongs to an axis, each answered here once:

* a tick label belongs to one axis: labels already read for another axis
  (the plot's x axis above a horizontal colorbar) are not a bar's;
* a colorbar's labels stand on the side where its tick marks are, so the
  side whose labels sit on tick marks wins over one whose labels merely
  read as numbers;
* an offset text (``1e6``, ``×10⁻³``) lies wholly where matplotlib puts it
  -- right-aligned at the end of an x axis below its labels, at the top of
  a y axis -- so a neighbour's label cut by that region (a colorbar's
  ``10⁻²`` beside the x axis' end) is not one;
* labels written as powers of ten (``10^k``) are a log axis's;
* a stepped bar's labels that stand on its step boundaries give the value
  at each boundary, whether or not they progress evenly (uneven contourf
  levels and BoundaryNorm are drawn evenly spaced): when more of them
  agree with that than with one scale, the bar is read piecewise linear
  between them (the ``boundaries`` scale);
* a bar's labels that no simpler scale fits, or whose outliers bend away
  at one end, are tried as a PowerNorm's (the ``power`` scale): evenly
  spaced values at positions following ``x**gamma``, the bar's ends at
  ``vmin`` and ``vmax``, every label agreeing.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import numpy as np

from truepix.color._identify._colorbar import Colorbar
from truepix.figures import _labels
from truepix.figures._axis_label import axis_label
from truepix.figures._legend import inner_marks, legend_point, unfloored
from truepix.figures._log_marks import log_from_marks
from truepix.figures._model import AxisReading
from truepix.figures._numbers import SI_PREFIXES, decimal_comma, is_power, parse_value, readings, unit_suffix
from truepix.figures._norm_choice import choose_norm
from truepix.figures._scale import AxisScale, ScaleFit, fit_scale
from truepix.figures._stretch import fit_stretch
from truepix.figures._shared_units import read_shared_unit

__all__ = [
    "apply_offset", "bar_fractions", "colorbar_axis", "fit_ticks", "labelled_ends", "offset_box", "read_axis",
    "stepped_scale", "tick_boxes", "tick_units",
]

Box = tuple[int, int, int, int]
_DASHES = str.maketrans({"−": "-", "–": "-"})
# a power of ten whose raised exponent was read on the line: "102", "10-1" on a log axis
_FLAT_POWER = re.compile(r"^(-?)10(-?\d)$")


def _overlaps(a: Box, b: Box) -> bool:
    """Whether the centre of ``a`` lies inside ``b``."""
    cx, cy = (a[0] + a[2]) / 2, (a[1] + a[3]) / 2
    return b[0] <= cx <= b[2] and b[1] <= cy <= b[3]


def fit_ticks(ticks: list[_labels.Tick], *, centre: float | None = None) -> ScaleFit | None:
    """The scale the numbered labels agree on; marks each tick's ``inlier``.

    ``centre``: where a two-slope scale's centre is expected (a bar's middle).
    """
    strict = sum(is_power(t.text) for t in ticks)
    flats = [_FLAT_POWER.match(t.text.strip().translate(_DASHES)) for t in ticks]
    # "10-1" is no number: only 10⁻¹ with its exponent read on the line -- as sure as "10^-1"
    negative = sum(bool(f and f.group(2).startswith("-")) for f in flats)
    strict, flat = strict + negative, sum(bool(f) for f in flats) - negative
    # "102" is 10² only beside labels that read as powers: "100 101 102 103" is a linear axis
    powers = strict >= max(2, (len(ticks) + 1) // 2) or (strict >= 1 and strict + flat >= max(2, (len(ticks) + 1) // 2))
    if powers:  # "10°" beside "10¹": a superscript zero read as a degree sign
        for tick in ticks:
            flat = _FLAT_POWER.match(tick.text.strip().translate(_DASHES))
            if flat is not None:  # "102" beside "10^1": an exponent read on the line (10²)
                tick.value = float(f"{flat.group(1)}1e{flat.group(2)}")
            elif tick.value is None or tick.text.strip().rstrip("°º˚o").translate(_DASHES).lstrip("-") == "10":
                tick.value = parse_value(tick.text, powers=True)  # "10°" beside "10¹" is 10⁰, no 10 degrees
    if any(decimal_comma(t.text) for t in ticks):  # "0,5" beside "1,000": every comma is a decimal one
        for tick in ticks:
            tick.value = parse_value(tick.text, powers=powers, comma=True) if "," in tick.text else tick.value
    _drop_lone_units(ticks, powers)
    read_shared_unit(ticks)  # "250 K" on every label: kelvin, not kilo
    numbered = [t for t in ticks if t.value is not None]
    if len(numbered) < 2:
        return None
    positions = [t.position for t in numbered]
    fit = _other_prefixes(numbered, fit_scale(positions, [t.value for t in numbered], powers=powers, centre=centre), powers, centre)
    if fit is not None and not powers and _on_scale_readings(numbered, fit):
        fit = fit_scale(positions, [t.value for t in numbered], powers=powers, centre=centre)
    if fit is None or _unreadable(fit, numbered, powers):
        return None
    for tick, inlier in zip(numbered, fit.inliers, strict=True):
        tick.inlier = bool(inlier)
    return fit


def _other_prefixes(numbered: list[_labels.Tick], fit: ScaleFit | None, powers: bool, centre: float | None) -> ScaleFit | None:
    """The fit with every label whose prefix reads two ways (µ read as ``p``) read the other way, when more labels agree so.

    OCR reads EngFormatter's ``µ`` as ``p`` on every label alike (``250 ps,
    500 ps, 750 ps, 1 ms``): those labels agree among themselves, and one at a
    time the scale they make keeps their reading. Read all at once the other
    way, the prefixes progress along the axis as a scale's must (µ, µ, µ, m):
    the reading more labels agree with (then the closer one) is kept.
    """
    others = [(t, options[1][0]) for t in numbered if len(options := readings(t.text)) > 2 and t.value == options[0][0]]
    if not others:
        return fit
    kept = [t.value for t in numbered]
    for tick, value in others:
        tick.value = value
    swapped = fit_scale([t.position for t in numbered], [t.value for t in numbered], powers=powers, centre=centre)

    def support(candidate: ScaleFit | None) -> tuple[int, float]:
        return (-1, 0.0) if candidate is None else (int(candidate.inliers.sum()), -candidate.residual)

    if support(swapped) > support(fit):
        return swapped
    for tick, value in zip(numbered, kept, strict=True):
        tick.value = value
    return fit


def _drop_lone_units(ticks: list[_labels.Tick], powers: bool = False) -> None:
    """Unnumber a label whose unit no other label bears out: a misread, not a unit.

    A unit is kept when another label writes it too (``0 Hz`` beside
    ``1 MHz``); an SI prefix always (``500 m`` between ``0`` and ``1``: a
    misread one disagrees with the scale). ``15C`` among ``100``, ``125``,
    ``175`` is ``150`` misread. Among powers of ten, ``10°`` is ``10⁰``, no unit.
    """
    suffixes = [unit_suffix(t.text) if t.value is not None else "" for t in ticks]
    units = [{unit.lower() for _, unit in readings(t.text)} - {""} if s else set() for t, s in zip(ticks, suffixes, strict=True)]
    units = [u | {"°"} if any(unit.startswith("°") for unit in u) else u for u in units]  # "0°" beside "30°N"
    for k, tick in enumerate(ticks):
        if not suffixes[k] or (powers and is_power(tick.text)):
            continue
        others = [j for j, s in enumerate(suffixes) if j != k and s]
        if suffixes[k][0] not in SI_PREFIXES and not any(units[k] & units[j] for j in others):
            tick.value = None


def _on_scale_readings(numbered: list[_labels.Tick], fit: ScaleFit) -> bool:
    """Give each label that reads more than one way the reading nearest the scale; whether any changed.

    ``5 m`` is 5 metres or 0.005; OCR reads ``500 µs`` as ``500 ps``: the
    other labels' progression says which. A label the scale leaves out that
    reads as a bare number ten times past every agreeing one may have lost
    its SI prefix (EngFormatter's ``500 m`` between ``0`` and ``1``, its ``m``
    not read): it is read a power of a thousand under, where that stands on
    the scale.
    """
    changed = False
    spacing = float(np.median(np.abs(np.diff([t.position for t in numbered])))) if len(numbered) > 1 else 0.0
    agreeing = [float(t.value) for t, inlier in zip(numbered, fit.inliers, strict=True) if inlier and t.value is not None]
    reach = max((abs(v) for v in agreeing), default=0.0)
    for tick, inlier in zip(numbered, fit.inliers, strict=True):
        options = [value for value, _ in readings(tick.text)]
        # as read, ten times past every agreeing label (500 among 0 .. 2.5): a prefix lost, not a digit misread
        lost = not inlier and len(options) == 1 and tick.value == options[0] and abs(tick.value or 0.0) > 10 * reach > 0
        if lost:
            options = [tick.value * 1000.0**-k for k in range(0, 5)]  # type: ignore[operator]
        if len(options) < 2 or tick.value not in options:
            continue  # read one way only, or rewritten by the axis (powers, decimal commas)
        with np.errstate(all="ignore"):
            off = [abs(float(fit.scale.pixel(v)) - tick.position) for v in options]
        best = options[int(np.nanargmin(np.where(np.isfinite(off), off, np.nan)))] if np.isfinite(off).any() else tick.value
        if lost and not min(off, default=np.inf) <= max(1.5, 0.12 * spacing):
            continue  # a prefix lost is taken only where it puts the label on the scale
        changed |= best != tick.value
        tick.value = best
    return changed


def tick_units(ticks: list[_labels.Tick]) -> str:
    """The unit the agreeing labels write after their numbers (``Hz`` of ``5 MHz``), or ``""``.

    Examples
    --------
    >>> ticks = [_labels.Tick(t, v, 0.0, (0, 0, 1, 1), True, 1.0) for t, v in [("0 m", 0.0), ("1 km", 1e3), ("2 km", 2e3)]]
    >>> for t in ticks: t.inlier = True
    >>> tick_units(ticks)
    'm'
    """
    counts: dict[str, int] = {}
    for tick in ticks:
        if tick.inlier and tick.value is not None:
            for unit in {unit for value, unit in readings(tick.text) if unit and value == tick.value}:
                counts[unit] = counts.get(unit, 0) + 1
    return max(counts, key=lambda u: (counts[u], len(u)), default="")


def _unreadable(fit: ScaleFit, numbered: list[_labels.Tick], powers: bool) -> bool:
    """Whether a fit stands on labels that cannot say the scale: no reading is better than it.

    * a log scale whose agreeing labels are all bare mantissas ``2``-``9``:
      minor-tick labels (``2×10¹``) whose ``×10ⁿ`` was lost -- no decade is known;
    * a linear scale through powers of ten of both signs (``-10⁰``, ``10⁰``):
      matplotlib writes those on symlog and asinh bars only, whose labels
      between were not read;
    * a log scale that leaves out two labels or more of evenly stepped values
      (``0, 20, … 100`` unevenly placed: a PowerNorm's): a log axis's labels
      agree with it, whatever their steps -- none fits, and the doubt says so.
    """
    agreeing = [t for t, inlier in zip(numbered, fit.inliers, strict=True) if inlier]
    if fit.scale.scale == "log" and len(numbered) >= 4 and len(numbered) - len(agreeing) >= 2:
        steps = np.diff([float(t.value) for t in sorted(numbered, key=lambda t: t.position)])  # type: ignore[arg-type]
        if np.allclose(steps, steps[0], rtol=1e-6) and steps[0] != 0:
            return True
    if fit.scale.scale == "log" and all(re.fullmatch(r"[2-9]", t.text.strip()) for t in agreeing):
        return True
    return fit.scale.scale == "linear" and powers and any(t.value is not None and t.value < 0 for t in agreeing)


def apply_offset(scale: AxisScale | None, offset: tuple[str, float] | None) -> AxisScale | None:
    """The scale with an offset text's factor or shift applied to its values."""
    if scale is None or offset is None or scale.scale not in ("linear", "twoslope", "boundaries"):
        return scale  # log and symlog axes write whole values
    kind, amount = offset
    values = tuple(v * amount if kind == "scale" else v + amount for v in scale.values)
    return AxisScale(scale.scale, scale.pixels, values, scale.linthresh)


def labelled_ends(axis: AxisReading, ends: tuple[float, float]) -> list[float | None]:
    """The value a label states at each end of an axis, where an agreeing label's tick stands on it.

    A bar's range usually ends on a labelled tick (``0 .. 100``, ``-10^2 ..
    10^2``): that label's number is exact, where the fit's value at the end
    is off by a fraction of a pixel's worth -- a sizeable share of a value on
    a log or symlog scale. A label counts when its tick stands within a pixel and a half
    of the end (the fit's RMS residual when larger, at most two); the offset
    text's factor or shift is applied to it. A pixel and a half: an outline
    drawn 3 pixels thick (300 dpi) and JPEG'd has its centre line found to
    about a pixel.
    """
    if axis.scale is None:
        return [None, None]
    tolerance = min(2.0, max(1.5, axis.residual or 0.0))
    agreeing = [t for t in axis.ticks if t.inlier and t.value is not None and t.snapped]
    out: list[float | None] = []
    for end in ends:
        near = sorted(agreeing, key=lambda t: abs(t.position - end))
        if not near or abs(near[0].position - end) > tolerance:
            out.append(None)
            continue
        value = float(near[0].value)  # type: ignore[arg-type]
        if axis.offset is not None and axis.scale.scale in ("linear", "twoslope", "boundaries"):
            kind, amount = axis.offset
            value = value * amount if kind == "scale" else value + amount
        out.append(value)
    return out


def offset_box(side: str, at: int, span: tuple[int, int], ticks: list[_labels.Tick]) -> Box:
    """Where matplotlib puts an axis's offset text (image pixels, unclipped).

    x axes: right-aligned at the axis' right end, past the tick labels
    (below a bottom axis, above a top one). y axes: above the axis' top end,
    left-aligned at a left axis, right-aligned at a right one.
    """
    glyph = max(t.box[3] - t.box[1] for t in ticks)
    if side in ("left", "right"):
        reach = (at - 8 * glyph, at + 2 * glyph) if side == "right" else (at - 2 * glyph, at + 8 * glyph)
        return int(reach[0]), int(span[0] - 3 * glyph), int(reach[1]), int(span[0])
    if side == "bottom":
        below = max(t.box[3] for t in ticks)
        return int(span[1] - 8 * glyph), int(below + 1), int(span[1] + glyph), int(below + 3 * glyph)
    above = min(t.box[1] for t in ticks)
    return int(span[1] - 8 * glyph), int(above - 3 * glyph), int(span[1] + glyph), int(above - 1)


def read_axis(
    gray: np.ndarray,
    figure_ink: np.ndarray,
    side: str,
    at: int,
    span: tuple[int, int],
    *,
    claimed: list[Box] | None = None,
    bar: bool = False,
    drawn: list[Box] | None = None,
) -> AxisReading:
    """Tick labels, scale, offset text and axis label beside one side of a box.

    ``claimed``: boxes of labels another axis has read; they are not this one's.
    ``bar``: the side is a colorbar's (a two-slope centre is expected at its middle).
    ``drawn``: boxes of drawing, not text (a bar's extend triangles), where an offset text may stand.
    """
    ticks, marks, other, minor = _labels.read_side(gray, figure_ink, side, at, span)
    if claimed:
        ticks = [t for t in ticks if not any(_overlaps(t.box, c) for c in claimed)]
    fit = fit_ticks(ticks, centre=(span[0] + span[1]) / 2.0 if bar else None)
    scale = None if fit is None else fit.scale
    height, width = gray.shape
    offset, unread = None, False
    if scale is not None:
        box = offset_box(side, at, span, ticks)
        inside = (max(0, box[0]), max(0, box[1]), min(width, box[2]), min(height, box[3]))
        if inside[2] > inside[0] and inside[3] > inside[1]:
            # a text there that reads as no offset, nor could be one misread, is a title or a triangle's outline
            offset, unread = _labels.read_offset(gray, figure_ink, inside, whole=True, drawn=drawn)
            unread = unread and scale.scale not in ("log", "symlog")  # matplotlib writes no offset on those
        scale = apply_offset(scale, offset)
    # the OCR reads something in any crop: kept only where it looks like a label
    tick_height = float(np.median([t.box[3] - t.box[1] for t in ticks])) if ticks else None
    label = axis_label(gray, [b for b, _ in other], side=side, tick_height=tick_height)
    residuals = np.zeros(0) if fit is None else fit.residuals
    return AxisReading(
        scale, ticks, marks, None if fit is None else fit.residual, label, offset,
        "ticks" if scale else "pixels", residuals, unread, minor=minor,
    )  # fmt: skip


def colorbar_axis(
    gray: np.ndarray, figure_ink: np.ndarray, bar: Colorbar, *, claimed: list[Box] | None = None, others: list[Box] | None = None
) -> AxisReading:
    """The bar's axis, read on the side whose labels stand on its tick marks (``others``: other bars' zones, no offset's)."""
    left, top, right, bottom = bar.bbox
    sides = ("right", "left") if bar.orientation == "vertical" else ("bottom", "top")
    span = (top, bottom) if bar.orientation == "vertical" else (left, right)
    best, best_key = AxisReading(), (-1, -1, 0.0)
    triangles = _triangle_boxes(gray, bar) + list(others or ())
    unfitted = AxisReading()  # labels read that no scale explains (a PowerNorm's): shown, not used
    seen = AxisReading()  # the side with the most numbered labels that no scale explains
    for side in sides:
        at = {"right": right, "left": left, "bottom": bottom, "top": top}[side]
        reading = read_axis(gray, figure_ink, side, at, span, claimed=claimed, bar=True, drawn=triangles)
        if reading.scale is None:
            numbered = sum(t.value is not None for t in reading.ticks)
            if numbered > sum(t.value is not None for t in seen.ticks):  # for the fallbacks below
                seen = reading
            if numbered >= 3 and numbered > sum(t.value is not None for t in unfitted.ticks):
                unfitted = reading
            continue
        agreeing = [t for t in reading.ticks if t.inlier]
        key = (sum(t.snapped for t in agreeing), len(agreeing), -(reading.residual or 0.0))
        if key > best_key:
            best, best_key = reading, key
    if best.scale is not None:
        # plotnine draws its tick marks inside the bar (the ends of some may show beside it)
        inside = _snapped_inside(best, inner_marks((gray, figure_ink), bar), bar)
        best = inside if sum(t.snapped for t in inside.ticks) > sum(t.snapped for t in best.ticks) else best
    if bar.boundaries is None:
        crowded = _crowded_centre(best if best.scale is not None else seen, bar)
        crowded = crowded or log_from_marks(best if best.scale is not None else seen, bar)
        best = crowded if crowded is not None else best
    if bar.boundaries is not None and best.scale is not None:
        best = _on_boundaries(best, bar)
    if bar.boundaries is None and (best.scale is None or best.curved):
        power = _power_axis(best if best.scale is not None else unfitted, bar)
        if power is not None:
            return power
    elif bar.boundaries is None and sum(t.value is not None for t in best.ticks) >= 4:  # sqrt ~ log
        copy = dataclasses.replace(best, ticks=[dataclasses.replace(t) for t in best.ticks])
        best = choose_norm(best, _power_axis(copy, bar))  # (which marks every label agreeing)
    return best if best.scale is not None else unfitted


def _crowded_centre(reading: AxisReading, bar: Colorbar) -> AxisReading | None:
    """An asinh or symlog reading whose labels near the centre overlap, their values taken from the tick marks.

    matplotlib's AsinhNorm and SymLogNorm bars put a major tick at 0 and at
    ``±10ᵏ`` for each power between; near 0 the labels stand closer than
    they are wide and overlap (``10⁻¹``, ``0``, ``−10⁻¹``), and none is read.
    When the labels read include ``10ᵏ`` and ``−10ᵏ`` and an odd number of
    major marks lie between them, at least one with a label that reads as
    no number, the middle mark is 0 and the others, outward from it, the
    powers below ``10ᵏ``. The reading is given when an asinh or symlog scale
    fits every label, read and taken, with a guess naming what was taken.
    """
    # with no scale fitted (a line through ±10ᵏ is refused), every numbered label counts
    numbered = [t for t in reading.ticks if t.value is not None and (t.inlier or reading.scale is None)]
    powers = [t for t in numbered if t.value != 0 and abs(np.log10(abs(t.value)) - round(np.log10(abs(t.value)))) < 1e-9]
    above = [t for t in powers if t.value > 0]
    below = [t for t in powers if t.value < 0]
    if not above or not below:
        return None
    top, low = min(above, key=lambda t: t.value), max(below, key=lambda t: t.value)
    if not np.isclose(top.value, -low.value):
        return None
    a, b = sorted((top.position, low.position))
    between = np.sort([m for m in reading.marks if a + 1.0 < m < b - 1.0])
    unread = [t for t in reading.ticks if t.value is None and a < t.position < b]
    if len(between) % 2 == 0 or not unread or any(t.value is not None and a < t.position < b for t in reading.ticks):
        return None
    half = len(between) // 2
    exponent = round(np.log10(top.value))
    # the marks nearer the positive label than the middle one are the positive powers
    sign = 1.0 if abs(between[0] - top.position) < abs(between[-1] - top.position) else -1.0
    values = [sign * 10.0 ** (exponent - half + k) for k in range(half)][::-1] + [0.0]
    values += [-v for v in values[:-1][::-1]]
    taken = [_labels.Tick(f"({v:g})", v, float(m), (0, 0, 0, 0), True, 0.0) for m, v in zip(between, values, strict=True)]
    # every mark is a tick's own place: within a pixel, not the usual 12% of a spacing (which
    # lets a line pass through a near-linear asinh centre)
    ticks = [*numbered, *taken]
    fit = fit_scale([t.position for t in ticks], [t.value for t in ticks], tolerance=1.0)
    if fit is None or fit.scale.scale not in ("asinh", "symlog") or not all(fit.inliers):
        return None
    for tick in ticks:
        tick.inlier = True
    guess = (
        f"the labels between {low.text} and {top.text} overlap and were not read: their values "
        f"({', '.join(f'{v:g}' for v in values)}) are taken from the tick marks"
    )
    return dataclasses.replace(
        reading, scale=fit.scale, ticks=[*reading.ticks, *taken], residual=fit.residual,
        residuals=fit.residuals, guess=guess, source="ticks",
    )  # fmt: skip


def _snapped_inside(reading: AxisReading, marks: np.ndarray, bar: Colorbar) -> AxisReading:
    """The reading with its labels snapped to tick marks drawn inside the bar, refitted; as it was when none is near."""
    numbered = [t for t in reading.ticks if t.value is not None]
    if len(marks) < 2 or len(numbered) < 2:
        return reading
    spacing = float(np.median(np.abs(np.diff([t.position for t in numbered]))))
    ticks = []
    for tick in reading.ticks:
        k = int(np.argmin(np.abs(marks - tick.position)))
        if abs(marks[k] - tick.position) <= max(2.0, 0.3 * spacing):
            tick = dataclasses.replace(tick, position=float(marks[k]), snapped=True)
        ticks.append(tick)
    if sum(t.snapped for t in ticks) < 2:
        return reading
    left, top, right, bottom = bar.bbox
    span = (top, bottom) if bar.orientation == "vertical" else (left, right)
    ticks = unfloored(ticks, legend_point(bar))
    fit = fit_ticks(ticks, centre=(span[0] + span[1]) / 2.0)
    if fit is None or fit.scale.scale != reading.scale.scale:
        return reading
    return dataclasses.replace(
        reading, scale=apply_offset(fit.scale, reading.offset), ticks=ticks, marks=marks,
        residual=fit.residual, residuals=fit.residuals, inside=True,
    )  # fmt: skip


def _triangle_boxes(gray: np.ndarray, bar: Colorbar) -> list[Box]:
    """Boxes of whatever is drawn on from each end of the bar's box to the paper (its extend triangles).

    The offset text stands past the bar's high end, beyond the triangle: the
    triangle's outline, read as text, is not an offset that was missed.

    Examples
    --------
    >>> gray = np.full((60, 30), 255, np.uint8); gray[10:50, 10:20] = 120; gray[4:10, 13:17] = 90
    >>> _triangle_boxes(gray, Colorbar((10, 10, 20, 50), "vertical", np.zeros((40, 3), np.uint8)))
    [(9, 4, 21, 10)]
    """
    left, top, right, bottom = bar.bbox
    view = gray if bar.orientation == "vertical" else gray.T
    if bar.orientation == "horizontal":
        left, top, right, bottom = top, left, bottom, right
    paper = float(np.median(np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])))
    middle = (left + right) // 2
    line = np.abs(view[:, max(0, middle - 1) : middle + 2].astype(np.float64) - paper).max(axis=1) > 12
    reach = max(4, (bottom - top) // 4)
    boxes = []
    for end, step in ((top, -1), (bottom - 1, 1)):
        depth = 0
        while depth < reach and 0 <= end + step * (depth + 1) < len(line) and line[end + step * (depth + 1)]:
            depth += 1
        if depth >= 3:  # an outline is a pixel or two; a triangle goes on
            first, last = (end - depth, end) if step < 0 else (end + 1, end + depth + 1)
            boxes.append((left - 1, first, right + 1, last) if bar.orientation == "vertical" else (first, left - 1, last, right + 1))
    return boxes


def _power_axis(reading: AxisReading, bar: Colorbar) -> AxisReading | None:
    """The reading with a ``power`` scale (PowerNorm) when every numbered label stands on it.

    Tried where no simpler scale fits the labels, or where the labels it
    leaves out bend away from it at one end (:attr:`AxisReading.curved`).
    """
    numbered = [t for t in reading.ticks if t.value is not None]
    found = fit_stretch([t.position for t in numbered], [t.value for t in numbered], _bar_ends(bar))
    if found is None:
        return None
    fit, note = found
    for tick in numbered:
        tick.inlier = True
    return dataclasses.replace(
        reading, scale=fit.scale, residual=fit.residual, residuals=fit.residuals, source="ticks",
        guess=reading.guess or note,
    )  # fmt: skip


def _bar_ends(bar: Colorbar) -> tuple[float, float]:
    """Pixel positions of the bar's low and high ends (bottom, top of a vertical bar)."""
    left, top, right, bottom = bar.bbox
    return (float(bottom), float(top)) if bar.orientation == "vertical" else (float(left), float(right))


def bar_fractions(bar: Colorbar, scale: AxisScale) -> AxisScale:
    """A ``boundaries`` scale from bar pixels to fractions along the bar, to both ends past half a step.

    An end closer than half a step to the last labelled boundary is a sliver
    of an extend triangle: the range ends at the labelled boundary.
    """
    low, high = _bar_ends(bar)
    within = AxisScale("boundaries", tuple((p - low) / (high - low) for p in scale.pixels), scale.values)
    half = float(np.median(np.diff(bar.boundaries))) / 2.0 if bar.boundaries is not None else 0.0
    ends = [e for e in (0.0, 1.0) if min(abs(e - f) for f in within.pixels) > half]
    fractions = sorted({*ends, *within.pixels})
    return AxisScale("boundaries", tuple(fractions), tuple(float(within.value(f)) for f in fractions))


def stepped_scale(bar: Colorbar | None, scale: AxisScale | None, override: dict[str, Any]) -> AxisScale | None:
    """Fraction along the bar -> value of a ``boundaries`` bar: calibration ``levels`` given, or read; else None."""
    levels = override.get("levels")
    if isinstance(levels, dict):
        return AxisScale("boundaries", tuple(levels.get("fractions", ())), tuple(levels.get("values", ())))
    if bar is None or scale is None or scale.scale != "boundaries":
        return None
    if override.get("vmin") is not None or override.get("vmax") is not None:  # a range given: linear over it
        return None
    return bar_fractions(bar, scale)


def _monotone(values: list[float]) -> list[int]:
    """Indices of the longest strictly rising or strictly falling run of ``values`` (in order, gaps allowed)."""
    best: list[int] = []
    for sign in (1.0, -1.0):
        chains: list[list[int]] = []
        for j, value in enumerate(values):
            before = [c for i, c in enumerate(chains) if sign * (value - values[i]) > 0]
            chains.append([*max(before, key=len, default=[]), j])
        longest = max(chains, key=len, default=[])
        best = longest if len(longest) > len(best) else best
    return best


def _on_boundaries(reading: AxisReading, bar: Colorbar) -> AxisReading:
    """The reading with a ``boundaries`` scale when more labels stand on step boundaries than agree with its scale.

    Positions along the bar run from its low end (bottom of a vertical bar,
    left of a horizontal one); a label stands on a boundary within a quarter
    of the narrowest step (at least 2 pixels).
    """
    assert bar.boundaries is not None
    low, high = _bar_ends(bar)
    edges = low + np.asarray(bar.boundaries, dtype=np.float64) * (high - low)
    tol = max(2.0, 0.25 * float(np.abs(np.diff(edges)).min()))
    numbered = [t for t in reading.ticks if t.value is not None]
    standing = sorted(
        (t for t in numbered if np.abs(edges - t.position).min() <= tol), key=lambda t: t.position
    )
    chain = [standing[i] for i in _monotone([float(t.value) for t in standing])]  # type: ignore[arg-type]
    if len(chain) < 3 or len(chain) <= sum(t.inlier for t in numbered):
        return reading
    pixels = tuple(float(edges[np.abs(edges - t.position).argmin()]) for t in chain)
    values = tuple(float(t.value) for t in chain)  # type: ignore[arg-type]
    if len(set(pixels)) < len(pixels):
        return reading
    scale = AxisScale("boundaries", pixels, values)
    for tick in numbered:
        tick.inlier = any(tick is t for t in chain)
    with np.errstate(invalid="ignore"):
        residuals = np.abs(scale.pixel([t.value for t in numbered]) - np.array([t.position for t in numbered]))
    residuals[~np.isfinite(residuals)] = np.inf
    residual = float(np.sqrt(np.mean(np.where([t.inlier for t in numbered], residuals, 0.0) ** 2)))
    return dataclasses.replace(reading, scale=scale, residual=residual, residuals=residuals)


def tick_boxes(*axes: Any) -> list[Box]:
    """The boxes of every label the axes read."""
    return [t.box for axis in axes for t in axis.ticks]

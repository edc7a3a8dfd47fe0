"""Two-slope colorbars whose centre carries no label: one half bare, or labelled on another step.

matplotlib puts a TwoSlopeNorm's centre at the middle of its bar and ticks
it at round values over the whole range; when the range's short side is
shorter than one tick step (``vmin=-5`` beside ticks every 10 up to 40),
that half of the bar has no tick at all, and the labels, all on the other
half, fit a line. Continuing that line over the bare half would put ticks
there that the bar does not have: the bare half is the other slope, and
its end lies between the centre and one step beyond it.

When the centre is no round value (``TwoSlopeNorm(vcenter=1, vmin=0,
vmax=10)``: ticks 0, 2, ..., 10), the labels on one half progress by one
step and the few on the other half (``0`` at the end) by another: a line
through the many calls the few misread. Where the few stand on a line
through the centre -- the value the many's line gives at the bar's middle
-- and the tick marks on their half are theirs alone (a linear bar would
have marks there at its own step), the bar is two-slope
(:func:`other_slope`).
"""

from __future__ import annotations

import dataclasses

import numpy as np

from truepix.errors import InputError
from truepix.figures._model import AxisReading
from truepix.figures._numbers import round_within
from truepix.figures._scale import AxisScale

__all__ = ["other_slope", "unlabelled_half"]


def unlabelled_half(reading: AxisReading, ends: tuple[float, float]) -> AxisReading:
    """The reading with a two-slope scale where one half of the bar has neither labels nor tick marks.

    Parameters
    ----------
    reading : AxisReading
        A colorbar's axis as read.
    ends : tuple of float
        Pixel positions of the bar's two ends.

    Returns
    -------
    AxisReading
        ``reading`` itself, or, when its labels (three or more, on a linear
        scale) all stand on one half, the nearest one at the bar's middle,
        and the other half is longer than one and a half tick steps with no
        tick mark on it: a ``twoslope`` scale whose bare end has the value
        half a step past the centre (the middle of the values it can have),
        with :attr:`AxisReading.guess` saying so.

    Examples
    --------
    >>> from truepix.figures._labels import Tick
    >>> ticks = [Tick(str(v), float(v), p, (0, 0, 1, 1), True, 1.0, True) for v, p in [(0, 100), (10, 125), (20, 150), (30, 175), (40, 200)]]
    >>> reading = AxisReading(AxisScale("linear", (100, 200), (0, 40)), ticks, np.array([100., 125, 150, 175, 200]))
    >>> half = unlabelled_half(reading, (0.0, 200.0))
    >>> half.scale.scale, half.scale.values
    ('twoslope', (-5.0, 0.0, 40.0))
    >>> unlabelled_half(dataclasses.replace(reading, marks=np.array([25.0, 100, 200])), (0.0, 200.0)).scale.scale
    'linear'
    """
    scale = reading.scale
    if scale is None or scale.scale != "linear":
        return reading
    labelled = sorted((t for t in reading.ticks if t.inlier and t.value is not None), key=lambda t: t.position)
    if len(labelled) < 3:
        return reading
    positions = np.array([t.position for t in labelled])
    spacing = float(np.median(np.diff(positions)))
    middle = (ends[0] + ends[1]) / 2.0
    tolerance = max(2.0, 0.02 * abs(ends[1] - ends[0]))
    for bare, far in (ends, ends[::-1]):
        side = np.sign(bare - middle)
        centre = labelled[int(np.argmin(np.abs(positions - bare)))]
        if abs(centre.position - middle) > tolerance or np.any(side * (positions - middle) > tolerance):
            continue
        if abs(bare - centre.position) < 1.5 * spacing:
            continue
        if np.any(side * (np.asarray(reading.marks, dtype=np.float64) - middle) > tolerance):
            continue  # ticks on the bare half: its labels were only not read
        at_centre = float(centre.value)  # type: ignore[arg-type]
        if reading.offset is not None:  # the label's own number, with the offset text's factor or shift
            kind, amount = reading.offset
            at_centre = at_centre * amount if kind == "scale" else at_centre + amount
        # the labels' own step (they stand a tick apart): exact, where the fit's is not
        step = float(np.median(np.abs(np.diff([float(t.value) for t in labelled]))))  # type: ignore[arg-type]
        if reading.offset is not None and reading.offset[0] == "scale":
            step *= reading.offset[1]
        toward = np.sign(float(scale.value(bare)) - at_centre)
        estimate = at_centre + toward * step / 2.0
        twoslope = AxisScale("twoslope", (bare, centre.position, far), (estimate, at_centre, float(scale.value(far))))
        guess = (
            f"no tick on the colorbar's half from its middle ({at_centre:g}) to its end: a two-slope bar whose end"
            f" lies between {at_centre:g} and {at_centre + toward * step:g}; {estimate:g} is the middle of that"
        )
        return dataclasses.replace(reading, scale=twoslope, guess=guess)
    return reading


def other_slope(reading: AxisReading, ends: tuple[float, float]) -> AxisReading:
    """The reading with a two-slope scale where the labels a linear fit leaves out stand on a second slope.

    Parameters
    ----------
    reading : AxisReading
        A colorbar's axis as read.
    ends : tuple of float
        Pixel positions of the bar's two ends.

    Returns
    -------
    AxisReading
        ``reading`` itself, or, when its scale is linear, the labels it
        agrees with (three or more) all stand on one half of the bar and
        every numbered label on the other half disagrees, a ``twoslope``
        scale with its centre at the bar's middle (the value the agreeing
        labels' line gives there, rounded within a pixel and a half's worth), when the
        disagreeing labels stand on one line through that centre, continue
        past it, and the tick marks found on their half are theirs alone.
        Without tick marks to tell, the linear reading is kept with
        :attr:`AxisReading.guess` saying that the labels disagree so.

    Examples
    --------
    >>> from truepix.figures._labels import Tick
    >>> ticks = [Tick(str(v), float(v), p, (0, 0, 1, 1), True, 1.0, v > 0) for v, p in [(0, 200), (2, 90), (4, 70), (6, 50), (8, 30)]]
    >>> reading = AxisReading(AxisScale("linear", (90, 30), (2, 8)), ticks, np.array([200.0, 90, 70, 50, 30]))
    >>> two = other_slope(reading, (200.0, 0.0))
    >>> two.scale.scale, two.scale.values, all(t.inlier for t in two.ticks)
    ('twoslope', (8.0, 1.0, 0.0), True)
    >>> other_slope(dataclasses.replace(reading, marks=np.zeros(0)), (200.0, 0.0)).guess[:40]
    'a label on the far half of the colorbar '
    """
    scale = reading.scale
    if scale is None or scale.scale != "linear":
        return reading
    numbered = [t for t in reading.ticks if t.value is not None]
    agreeing = [t for t in numbered if t.inlier]
    if len(agreeing) < 3 or len(agreeing) == len(numbered):
        return reading
    middle = (ends[0] + ends[1]) / 2.0
    length = abs(ends[1] - ends[0])
    tolerance = max(2.0, 0.02 * length)
    positions = np.array([t.position for t in agreeing])
    for side in (-1.0, 1.0):  # the agreeing labels on this half, the others beyond the middle
        if np.any(side * (positions - middle) < -tolerance):
            continue
        others = [t for t in numbered if side * (t.position - middle) < -tolerance]
        if not others or any(t.inlier for t in others):
            continue
        found = _second_line(reading, others, middle, tolerance)
        if found is None:
            return reading
        if found == "unsure":
            shown = ", ".join(f"{t.value:g}" for t in others)
            guess = (
                f"a label on the far half of the colorbar ({shown}) disagrees with the line through the others:"
                " a two-slope bar (TwoSlopeNorm) or a misread label"
            )
            return dataclasses.replace(reading, guess=guess)
        return _with_scale(reading, found, numbered, others)
    return reading


def _meant(reading: AxisReading, values: np.ndarray) -> np.ndarray:
    """Label values with the offset text's factor or shift applied, as the scale holds them."""
    if reading.offset is None:
        return values
    kind, amount = reading.offset
    return values * amount if kind == "scale" else values + amount


def _second_line(
    reading: AxisReading, others: list, middle: float, tolerance: float
) -> AxisScale | str | None:
    """The two-slope scale through the centre and ``others``; "unsure" without tick marks to tell; None when it fails."""
    assert reading.scale is not None
    centre_value = float(reading.scale.value(middle))
    # as round as a pixel and a half allows: tick marks found to half a pixel tilt the line that much
    worth = abs(float(reading.scale.value(middle + 1.5)) - centre_value)
    centre_value = round_within(centre_value, worth)
    p = np.array([t.position for t in others])
    v = _meant(reading, np.array([float(t.value) for t in others]))
    towards = np.sign(float(reading.scale.value(p[0])) - centre_value)
    if np.any(np.sign(v - centre_value) != towards) or np.any(p == middle):
        return None  # they do not continue past the centre
    slope = float(np.sum((v - centre_value) * (p - middle)) / np.sum((p - middle) ** 2))
    if np.any(np.abs(middle + (v - centre_value) / slope - p) > tolerance):
        return None  # not on one line through the centre
    side = np.sign(p[0] - middle)
    marks = np.asarray(reading.marks, dtype=np.float64)
    if len(marks) < 2:
        return "unsure"
    beyond = marks[side * (marks - middle) > tolerance]
    if any(np.abs(p - mark).min() > tolerance for mark in beyond):
        return None  # marks there with no label: a linear bar's ticks whose labels were not read
    far = [t for t in reading.ticks if t.inlier and t.value is not None]
    far_tick = max(far, key=lambda t: abs(t.position - middle))
    near_end = float(p[np.argmax(np.abs(p - middle))])
    points = ((near_end, centre_value + slope * (near_end - middle)), (middle, centre_value),
              (far_tick.position, float(reading.scale.value(far_tick.position))))  # fmt: skip
    points = tuple(sorted(points))
    try:
        return AxisScale("twoslope", tuple(q[0] for q in points), tuple(q[1] for q in points))
    except InputError:
        return None


def _with_scale(reading: AxisReading, scale: AxisScale, numbered: list, others: list) -> AxisReading:
    """The reading with ``scale``, ``others`` agreeing too, residuals from it."""
    values = _meant(reading, np.array([float(t.value) for t in numbered]))
    positions = np.array([t.position for t in numbered])
    with np.errstate(invalid="ignore"):
        residuals = np.abs(scale.pixel(values) - positions)
    residuals[~np.isfinite(residuals)] = np.inf
    agree = {id(t) for t in numbered if t.inlier or any(t is o for o in others)}
    ticks = [dataclasses.replace(t, inlier=True) if id(t) in agree else t for t in reading.ticks]
    inliers = np.array([id(t) in agree for t in numbered])
    residual = float(np.sqrt(np.mean(residuals[inliers] ** 2)))
    return dataclasses.replace(reading, scale=scale, ticks=ticks, residual=residual, residuals=residuals)

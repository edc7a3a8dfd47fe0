"""A two-slope colorbar with no tick on one half: that end's value is bounded, not read.

matplotlib puts a TwoSlopeNorm's centre at the middle of its bar and ticks
it at round values over the whole range; when the range's short side is
shorter than one tick step (``vmin=-5`` beside ticks every 10 up to 40),
that half of the bar has no tick at all, and the labels, all on the other
half, fit a line. Continuing that line over the bare half would put ticks
there that the bar does not have: the bare half is the other slope, and
its end lies between the centre and one step beyond it.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from truepix.figures._model import AxisReading
from truepix.figures._scale import AxisScale

__all__ = ["unlabelled_half"]


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

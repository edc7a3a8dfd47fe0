"""Which norm a colorbar's labels follow where a power scale (PowerNorm, sqrt) fits them too.

The simpler scales are fitted first and outvote a misread label: a log
scale through eight of nine labels on astropy's ``SqrtStretch`` bar (trial
50: values 9-11 % of the range off, confidence 0.89) leaves the ninth out as
misread, while a power scale with gamma 0.5 puts all nine on their ticks.
A sqrt bar and a log bar differ in their ticks' spacing: each candidate is
fitted to the labels' positions, and the one whose line explains more of
them, or as many far closer, wins. Where both explain every label within
the reading's noise, the reading says so (a doubt) rather than choosing
silently.
"""

from __future__ import annotations

import dataclasses

from truepix.figures._model import AxisReading

_NOISE = 1.0  # pixels, RMS: a scale fitting the labels this close is as good as any
_CLOSER = 0.5  # as many labels explained: the power scale wins at half the residual or less
_GAMMA = 0.15  # a power scale this near gamma 1 is a linear one to the labels' precision


def choose_norm(best: AxisReading, power: AxisReading | None) -> AxisReading:
    """``best`` (the simpler scales' reading) or ``power`` (the same labels on a power scale).

    Parameters
    ----------
    best : AxisReading
        The reading by the linear, log, symlog and two-slope fits.
    power : AxisReading or None
        The labels fitted by a power scale, every one agreeing; None where
        none fits.

    Returns
    -------
    AxisReading
        ``power`` where it explains more labels than ``best``, or as many at
        most half its residual; else ``best``, with a :attr:`~AxisReading.guess`
        naming the power scale where that fits the labels within the noise too.

    Examples
    --------
    >>> from truepix.figures._labels import Tick
    >>> from truepix.figures._scale import AxisScale
    >>> ticks = [Tick(str(v), v, 10.0 * v, (0, 0, 1, 1), True, 1.0, v != 2) for v in range(4)]
    >>> ends = ((0.0, 30.0), (0.0, 3.0))
    >>> line = AxisReading(AxisScale("linear", *ends), ticks, residual=0.2)
    >>> power = AxisReading(AxisScale("power", *ends, gamma=0.9), ticks, residual=0.3)
    >>> choose_norm(line, None) is line, choose_norm(line, power) is power  # the line left "2" out
    (True, True)
    """
    if power is None or best.scale is None:
        return best if power is None else power
    agreeing = sum(t.inlier and t.value is not None for t in best.ticks)
    numbered = sum(t.value is not None for t in best.ticks)
    if agreeing < numbered:  # the power scale takes every label in; the other left some out
        return power
    mine, theirs = best.residual or 0.0, power.residual or 0.0
    if theirs <= _CLOSER * mine and mine > _NOISE:
        return power
    gamma = power.scale.gamma if power.scale is not None else None
    if gamma is None or abs(gamma - 1.0) < _GAMMA or theirs > _NOISE or mine > _NOISE or best.guess:
        return best
    name = best.scale.scale
    text = (
        f"the labels fit a {name} scale and a power one (gamma {gamma:.2f}) alike "
        f"({mine:.1f} and {theirs:.1f} px): the norm may be either"
    )
    return dataclasses.replace(best, guess=text)

